"""A person's meeting registrations, for "My data" and the erasure of their account
(registered in apps.py). A registration is theirs when it is linked to their account: one made
for them by someone else is linked when it is made, if its e-mail address is one they have
verified. Never by matching addresses later: a coordinator may type anyone's address into a
registration of their partner, and would then read its dietary needs in "My data".

On erasure a registration for a meeting not yet over goes; one for a meeting that is over stays
so that the meeting's counts do, but anonymised: the name replaced, the e-mail address and
dietary needs cleared, the link to the account removed."""

from django.db.models import F, QuerySet
from django.utils.translation import gettext

from regrow.network.models import Registration


def _mine(user) -> QuerySet[Registration]:
    return Registration.objects.filter(user=user)


def export_registrations(user) -> list[dict]:
    registrations = _mine(user).select_related("meeting__network", "partner__town")
    return [
        {
            "network": registration.meeting.network.name,
            "meeting": registration.meeting.title,
            "meeting_days": [registration.meeting.starts_on, registration.meeting.ends_on],
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "partner": registration.partner.town.name if registration.partner else None,
            "dietary_needs": registration.dietary_needs,
            "days": list(registration.days),
            "attended_days": list(registration.attended_days),
            "registered_at": registration.registered_at,
            "cancelled_at": registration.cancelled_at,
        }
        for registration in registrations.order_by("registered_at", "id")
    ]


def anonymous_name() -> str:
    return gettext("— (erased)")


def erase_registrations(user) -> None:
    """Delete the registrations for meetings not yet over; anonymise the rest."""
    registrations = list(_mine(user).select_related("meeting"))
    past = [entry.pk for entry in registrations if entry.meeting.is_over()]
    coming = [entry.pk for entry in registrations if entry.pk not in set(past)]
    Registration.objects.filter(pk__in=coming).delete()
    Registration.objects.filter(pk__in=past).update(
        name=anonymous_name(),
        email="",
        dietary_needs="",
        user=None,
        version=F("version") + 1,
    )
