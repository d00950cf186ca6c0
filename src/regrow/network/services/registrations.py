"""Registering for a network's meeting, and the attendance its organisers record.

Every member registers themselves (VIEW_NETWORK on the meeting); a partner's coordinators may
also register other people for their own partner, the meeting's organisers (ORGANISE_MEETING)
for any partner. A registration is changed or cancelled by the person, the coordinators of its
partner or the organisers; cancelling keeps the row (`cancelled_at`), and the person may
register again. Refused, naming the field: after registration closed (organisers may still
add people) or when the meeting is cancelled, a second registration of the same account or
e-mail address, a day that is not one of the meeting's, no day at all. Every change carries
the version it started from (optimistic locking).

A registration made for someone else is linked to the account whose verified address its
e-mail is, so that the person sees it, "My data" exports it and erasure erases it."""

from datetime import date

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError, claim_version
from regrow.lib.dates import event_when
from regrow.network.models import Meeting, Partner, Registration
from regrow.network.selectors_registrations import (
    active,
    coordinated_partner_ids,
    local_moment,
)
from regrow.towns.permissions import Action, can

FIELDS = ("name", "organisation", "email", "dietary_needs")


def _stale() -> str:
    return _("Someone else changed this registration while you were editing it. Nothing was saved.")


def require_member(by, meeting: Meeting) -> None:
    if not can(by, Action.VIEW_NETWORK, meeting):
        raise PermissionDenied


def require_organiser(by, meeting: Meeting) -> None:
    if not can(by, Action.ORGANISE_MEETING, meeting):
        raise PermissionDenied


def may_change(by, registration: Registration, meeting: Meeting) -> bool:
    """The person, the coordinators of the registration's partner, the organisers."""
    if registration.user_id is not None and registration.user_id == by.pk:
        return True
    if can(by, Action.ORGANISE_MEETING, meeting):
        return True
    return registration.partner_id in coordinated_partner_ids(by, meeting.network_id)


def closed_message(meeting: Meeting) -> str:
    """Why no one can register now: the meeting is cancelled, or when registration closed, in
    the meeting's local time (Latvian: “2019. gada 20. janvārī plkst. 18.00”)."""
    if meeting.cancelled_at is not None:
        return _("The meeting is cancelled: no one can register for it.")
    if meeting.registration_closes_at is None or meeting.is_over():
        return _("The meeting is over: registration is closed.")
    return _("Registration closed on %(when)s.") % {
        "when": event_when(local_moment(meeting, meeting.registration_closes_at))
    }


def _account_of(email: str):
    """The account whose verified address `email` is; else None."""
    if not email:
        return None
    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


def _clean_days(meeting: Meeting, days) -> list[str]:
    valid = {day.isoformat() for day in meeting.days()}
    chosen = sorted({str(day) for day in days or []})
    wrong = [day for day in chosen if day not in valid]
    if wrong:
        raise ValidationError(
            {"days": _("%(day)s is not a day of this meeting.") % {"day": wrong[0]}}
        )
    if not chosen:
        raise ValidationError({"days": _("Choose at least one day you will attend.")})
    return chosen


def _check_partner(by, meeting: Meeting, partner: Partner | None, for_self: bool, organiser: bool):
    if partner is not None and partner.network_id != meeting.network_id:
        raise ValidationError({"partner": _("Choose one of the network's partner towns.")})
    if for_self or organiser:
        return
    if partner is None or partner.pk not in coordinated_partner_ids(by, meeting.network_id):
        raise ValidationError(
            {"partner": _("You may register other people only for the partner you coordinate.")}
        )


def _check_twice(meeting: Meeting, user, email: str, registration: Registration | None, for_self):
    others = active(meeting)
    if registration is not None:
        others = others.exclude(pk=registration.pk)
    if user is not None and others.filter(user=user).exists():
        if for_self:
            raise ValidationError(
                _("You are already registered for this meeting. Change your registration instead.")
            )
        raise ValidationError(
            {"email": _("%(email)s is already registered for this meeting.") % {"email": email}}
        )
    if email and others.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already registered for this meeting.") % {"email": email}}
        )


@transaction.atomic
def registration_save(
    *,
    meeting: Meeting,
    by,
    registration: Registration | None = None,
    version: int | None = None,
    for_self: bool = True,
    partner: Partner | None,
    days,
    **values,
) -> Registration:
    """Register `by` (or, not `for_self`, someone else) for the meeting, or change
    `registration` if it is still at `version`."""
    require_member(by, meeting)
    # One registration of a meeting at a time: two for the same address cannot both pass.
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    organiser = can(by, Action.ORGANISE_MEETING, meeting)
    if registration is not None:
        if registration.meeting_id != meeting.pk or not may_change(by, registration, meeting):
            raise PermissionDenied
        if registration.cancelled_at is not None:
            raise ValidationError(_("This registration is cancelled. Register again instead."))
        for_self = registration.user_id == by.pk
    if meeting.cancelled_at is not None or not (organiser or meeting.registration_open()):
        raise ValidationError(closed_message(meeting))
    # A change may leave out a field its editor may not see (a coordinator does not read the
    # dietary needs of their partner's people): it keeps its value.
    given = FIELDS if registration is None else [name for name in FIELDS if name in values]
    cleaned = {name: (values.get(name) or "").strip() for name in given}
    if "email" in cleaned:
        cleaned["email"] = cleaned["email"].lower()
    _check_partner(by, meeting, partner, for_self, organiser)
    chosen = _clean_days(meeting, days)
    if registration is not None:
        user = registration.user
    else:
        user = by if for_self else _account_of(cleaned["email"])
    entry = registration or Registration(meeting=meeting, registered_by=by)
    for name, value in cleaned.items():
        setattr(entry, name, value)
    _check_twice(meeting, user, entry.email, registration, for_self)
    entry.partner, entry.days, entry.user = partner, chosen, user
    entry.full_clean(exclude=["version", "meeting", "registered_by"])
    if registration is None:
        try:
            with transaction.atomic():
                entry.save()
        except IntegrityError as error:  # the same account, in a race the lock did not stop
            raise ValidationError(
                _("This person is already registered for this meeting.")
            ) from error
        return entry
    entry.version = claim_version(
        Registration,
        entry.pk,
        version if version is not None else -1,
        _stale(),
        partner=partner,
        days=chosen,
        **cleaned,
    )
    return entry


@transaction.atomic
def registration_cancel(*, registration: Registration, by, version: int | None) -> Registration:
    """Cancel a registration (kept, with when); the person may register again."""
    meeting = registration.meeting
    require_member(by, meeting)
    if not may_change(by, registration, meeting):
        raise PermissionDenied
    if registration.cancelled_at is not None:
        raise ValidationError(_("This registration is already cancelled."))
    now = timezone.now()
    registration.version = claim_version(
        Registration,
        registration.pk,
        version if version is not None else -1,
        _stale(),
        cancelled_at=now,
    )
    registration.cancelled_at = now
    return registration


def _check_day(meeting: Meeting, day: date) -> str:
    if day not in meeting.days():
        raise ValidationError({"day": _("%(day)s is not a day of this meeting.") % {"day": day}})
    if meeting.cancelled_at is not None:
        raise ValidationError(_("The meeting is cancelled."))
    return day.isoformat()


class AttendanceClash(ConcurrentEditError):
    """Someone changed these people's registrations meanwhile; nothing was saved."""

    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(
            _(
                "Someone else changed the registration of %(names)s meanwhile. Nothing was "
                "saved: check the list and save it again."
            )
            % {"names": ", ".join(names)}
        )


@transaction.atomic
def attendance_record(*, meeting: Meeting, by, day: date, marks) -> int:
    """Record who was there on `day`: `marks` are (registration id, version read, present).
    Only changed rows are written, each if still at its version; if any moved on, nothing is
    saved and the clash names them. Returns how many changed."""
    require_organiser(by, meeting)
    iso = _check_day(meeting, day)
    marks = list(marks)
    stored = Registration.objects.filter(meeting=meeting, pk__in=[pk for pk, _v, _p in marks])
    stored = {registration.pk: registration for registration in stored}
    clashes, changed = [], 0
    for pk, version, present in marks:
        registration = stored.get(pk)
        if registration is None:
            continue
        if registration.cancelled_at is not None:
            clashes.append(registration.name)
            continue
        attended = set(registration.attended_days)
        if (iso in attended) == present:
            continue
        try:
            claim_version(
                Registration, pk, version, _stale(), attended_days=sorted(attended ^ {iso})
            )
        except ConcurrentEditError:
            clashes.append(registration.name)
        changed += 1
    if clashes:
        raise AttendanceClash(clashes)
    return changed


@transaction.atomic
def walk_in_record(
    *, meeting: Meeting, by, day: date, name: str, organisation: str, partner: Partner | None
) -> Registration:
    """Someone who came on `day` without registering: kept as attending, marked `walk_in`."""
    require_organiser(by, meeting)
    iso = _check_day(meeting, day)
    if partner is not None and partner.network_id != meeting.network_id:
        raise ValidationError({"partner": _("Choose one of the network's partner towns.")})
    entry = Registration(
        meeting=meeting,
        partner=partner,
        name=(name or "").strip(),
        organisation=(organisation or "").strip(),
        days=[iso],
        attended_days=[iso],
        walk_in=True,
        registered_by=by,
    )
    entry.full_clean(exclude=["version", "meeting", "registered_by"])
    entry.save()
    return entry
