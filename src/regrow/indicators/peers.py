"""The towns a town compares itself with: the other towns of the networks it is a partner in.

Networks belong to an app above indicators, which must not import it (docs/architecture.md).
An app tells indicators whose partners a town is by declaring `indicator_peers()` on its
AppConfig, returning functions `(town) -> towns`; indicators collects them when it is ready
(`discover()`), as it collects derived indicators. Until the network app declares its own,
IndicatorsConfig declares `network_partners` below, which reads the partnerships through the
town's `networks` relation by name only (no import of the network app).
"""

from collections.abc import Callable, Iterable

from django.apps import apps

from regrow.towns.models import Town

Provider = Callable[[Town], Iterable[Town]]

_providers: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def unregister(provider: Provider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def discover() -> None:
    for config in apps.get_app_configs():
        hook = getattr(config, "indicator_peers", None)
        if callable(hook):
            for provider in hook():
                register(provider)


def peers_of(town: Town) -> list[Town]:
    """The other towns the town compares itself with, by name; one query a provider."""
    found = {}
    for provider in _providers:
        for peer in provider(town):
            if peer.pk != town.pk:
                found.setdefault(peer.pk, peer)
    return sorted(found.values(), key=lambda peer: (peer.name, peer.slug))


def network_partners(town: Town) -> Iterable[Town]:
    """The towns that share a network with `town` (the network app's Partner rows, read through
    the relation it gives Town)."""
    if not apps.is_installed("regrow.network"):
        return []
    return Town.objects.filter(networks__towns=town).exclude(pk=town.pk).distinct()


def fallback_providers() -> list[Provider]:
    """What IndicatorsConfig declares while no other app declares `indicator_peers()`."""
    others = [
        config
        for config in apps.get_app_configs()
        if config.label != "indicators" and callable(getattr(config, "indicator_peers", None))
    ]
    return [] if others else [network_partners]
