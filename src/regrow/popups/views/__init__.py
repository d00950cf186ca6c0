"""The popups app's pages: the coordinator's (rounds, offers, parts) and the public's."""

from django.shortcuts import get_object_or_404

from regrow.popups.models import Round
from regrow.premises.views import coordinated_town


def coordinated_round(request, slug: str, pk: int) -> Round:
    """The round of the URL, if the user coordinates its town; 403 otherwise."""
    town = coordinated_town(request, slug)
    return get_object_or_404(Round.objects.select_related("town"), town=town, pk=pk)
