"""Publishing's part in the anonymous page cache (regrow.lib.pagecache): what makes a town's or
network's cached pages out of date, and how long they may be kept.

Saving, publishing or unpublishing anything of a place gives it a new generation
(`publisher_changed`), so its pages are rendered afresh. So do changes to what its public
map shows (units, their statuses and photos) and to its partnerships, wherever they are made.
A page is never kept past the moment something on it changes by the clock alone: the place's
next scheduled entry appears, or one of its events starts or ends (lists move it from
"upcoming" to "past"). So scheduled publishing needs no worker to invalidate anything.
"""

from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from regrow.lib import pagecache, places
from regrow.lib.pagecache import MAX_SECONDS, cached_for_anonymous
from regrow.network.models import Partner
from regrow.premises.models import StatusChange, Unit, UnitPhoto
from regrow.publishing.models import Entry, publisher_q
from regrow.towns.models import Town

__all__ = ["MAX_SECONDS", "cached_for_anonymous", "publisher_changed", "town_changed"]


def publisher_changed(publisher) -> None:
    """Called by every write: the publisher's cached pages (and the site's) are out of date."""
    pagecache.place_changed(publisher.slug)


def town_changed(town_id: int) -> None:
    """The town's pages are out of date: now, and again once the write commits (a reader may
    render the page from what was committed before it, between the two)."""
    slug = Town.objects.filter(pk=town_id).values_list("slug", flat=True).first()
    if slug:
        pagecache.place_changed(slug)
        transaction.on_commit(lambda: pagecache.place_changed(slug))


def _unit_changed(sender, instance, **kwargs) -> None:
    town_changed(instance.town_id)


def _part_of_unit_changed(sender, instance, **kwargs) -> None:
    town_id = Unit.objects.filter(pk=instance.unit_id).values_list("town_id", flat=True).first()
    if town_id is not None:
        town_changed(town_id)


def _partner_changed(sender, instance, **kwargs) -> None:
    network_slug = instance.network.slug
    town_changed(instance.town_id)
    pagecache.place_changed(network_slug)
    transaction.on_commit(lambda: pagecache.place_changed(network_slug))


for _signal in (post_save, post_delete):
    _signal.connect(_unit_changed, sender=Unit, dispatch_uid=f"pagecache.unit.{_signal}")
    for _model in (StatusChange, UnitPhoto):
        _signal.connect(
            _part_of_unit_changed, sender=_model, dispatch_uid=f"pagecache.{_model}.{_signal}"
        )
    _signal.connect(_partner_changed, sender=Partner, dispatch_uid=f"pagecache.partner.{_signal}")


def seconds_to_keep(scope: str) -> int | None:
    """Until the scope's next scheduled entry appears or one of its events starts or ends
    (the whole site's for the site's own pages, such as the sitemap). One query."""
    now = timezone.now()
    if scope:
        place = places.find(scope)
        if place is None:
            return 0
        entries = Entry.objects.filter(publisher_q(place))
    else:
        entries = Entry.objects.all()
    events = Q(kind=Entry.Kind.EVENT, publish_at__lte=now)
    moments = entries.aggregate(
        publish=Min("publish_at", filter=Q(publish_at__gt=now)),
        start=Min("starts_at", filter=events & Q(starts_at__gt=now)),
        end=Min("ends_at", filter=events & Q(ends_at__gt=now)),
    )
    upcoming = [moment for moment in moments.values() if moment is not None]
    if not upcoming:
        return None
    return max(0, int((min(upcoming) - now).total_seconds()))


pagecache.register_lifetime(seconds_to_keep)
