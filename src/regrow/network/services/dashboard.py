"""The network lead's choice of the dashboard's parts the public may see."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib import pagecache
from regrow.lib.concurrency import ConcurrentEditError
from regrow.network.dashboard import public_parts
from regrow.network.models import Network
from regrow.towns.permissions import Action, can


@transaction.atomic
def public_summary_save(*, network: Network, by, parts: list[str], shown: list[str]) -> Network:
    """Keep `parts` (keys of PUBLIC_PARTS, others left out) as what the public may see. `shown`
    is what the lead saw chosen: if someone changed it meanwhile to something else, nothing is
    saved (ConcurrentEditError). The network's public pages are rendered afresh."""
    if not can(by, Action.MANAGE_NETWORK, network):
        raise PermissionDenied
    locked = Network.objects.select_for_update().get(pk=network.pk)
    current, wanted = public_parts(locked.public_summary), public_parts(parts)
    if current != public_parts(shown) and current != wanted:
        raise ConcurrentEditError(
            _(
                "Someone changed what the public sees while you were choosing. Their choice "
                "is shown now; choose again."
            )
        )
    if current != wanted:
        locked.public_summary = wanted
        locked.save(update_fields=["public_summary"])
        slug = locked.slug
        transaction.on_commit(lambda: pagecache.place_changed(slug))
    network.public_summary = wanted
    return network
