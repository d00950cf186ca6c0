"""The meeting page's registration part (see meeting_panels/__init__.py): whether the viewer is
registered (for which days) or a way to register, when registration closes, how many registered
for each partner, and the links to the participants (every member) and to the attendance and
the sign-in sheet (organisers)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regrow.lib.dates import event_when
from regrow.network import selectors_registrations as selectors
from regrow.network.services.registrations import closed_message
from regrow.towns.permissions import Action, can

TEMPLATE = "network/meetings/panels/registration.html"


def _own(request, meeting) -> dict | None:
    own = selectors.own_registration(request.user, meeting)
    if own is None:
        return None
    labels = {day.isoformat(): selectors.day_label(day, capital=False) for day in meeting.days()}
    days = [labels.get(day, day) for day in sorted(own.days)]
    return {
        "registration": own,
        "text": ngettext(
            "You are registered for %(count)s day: %(days)s.",
            "You are registered for %(count)s days: %(days)s.",
            len(days),
        )
        % {"count": len(days), "days": "; ".join(days)},
    }


def _closes(meeting) -> str:
    if not meeting.registration_open():
        return closed_message(meeting)
    if meeting.registration_closes_at is None:
        return ""
    moment = selectors.local_moment(meeting, meeting.registration_closes_at)
    return _("Registration closes on %(when)s.") % {"when": event_when(moment)}


def panel(request, meeting) -> tuple[str, dict] | None:
    if not can(request.user, Action.VIEW_NETWORK, meeting):
        return None
    organiser = can(request.user, Action.ORGANISE_MEETING, meeting)
    counts = selectors.counts_per_partner(meeting)
    total = sum(count.people for count in counts)
    return TEMPLATE, {
        "meeting": meeting,
        "network": meeting.network,
        "own": _own(request, meeting),
        "open": meeting.registration_open(),
        "closes": _closes(meeting),
        "organiser": organiser,
        "may_register_others": organiser
        or bool(selectors.coordinated_partner_ids(request.user, meeting.network_id)),
        "total": ngettext("%(count)s person registered.", "%(count)s people registered.", total)
        % {"count": total},
        "counts": [
            {
                "town": count.name or _("Other participants"),
                "text": ngettext("%(count)s person", "%(count)s people", count.people)
                % {"count": count.people},
            }
            for count in counts
        ],
    }
