"""Reads about networks and their partners."""

from django.db.models import QuerySet

from regrow.network.models import Network, Partner
from regrow.towns.models import Town


def public_networks() -> QuerySet[Network]:
    return Network.objects.prefetch_related("partners__town")


def partners_of(network: Network) -> QuerySet[Partner]:
    return network.partners.select_related("town")


def partnerships_of(town: Town) -> QuerySet[Partner]:
    return Partner.objects.filter(town=town).select_related("network")
