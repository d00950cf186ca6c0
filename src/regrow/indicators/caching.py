"""The page cache of anonymous readers renewed when indicators change: the town's pages (its
Indicators section, its indicator pages) and its partners' (whose comparisons show it)."""

from collections.abc import Iterable

from django.db import transaction

from regrow.indicators import peers
from regrow.lib import pagecache
from regrow.towns.models import Town

# Past this many towns changed at once (a national import) only their own pages are renewed:
# their partners are mostly among them, and a query a town would hold up the command.
PEERS_UP_TO = 50


def renew(town_ids: Iterable[int]) -> None:
    towns = list(Town.objects.filter(pk__in=set(town_ids)))
    slugs = {town.slug for town in towns}
    if len(towns) <= PEERS_UP_TO:
        for town in towns:
            slugs.update(peer.slug for peer in peers.peers_of(town))
    for slug in sorted(slugs):
        pagecache.place_changed(slug)


def renew_after_commit(town_ids: Iterable[int]) -> None:
    """Renew the towns' pages once the write commits (at once outside a transaction)."""
    ids = set(town_ids)
    if ids:
        transaction.on_commit(lambda: renew(ids))
