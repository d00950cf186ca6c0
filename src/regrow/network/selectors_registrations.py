"""Reads of a meeting's registrations: the viewer's own, the counts per partner, the
participants a page at a time with what each viewer may see of them, the attendance list of a
day and the sign-in sheet's rows. Each in a fixed number of queries, whatever the number of
registrations.

Who sees what of a participant: the meeting's organisers everything; a partner's coordinators
their own partner's people in full but for dietary needs, of the others name, organisation and
town; every other member name, organisation and town. Dietary needs (health, religion) are
seen by the organisers and the person alone."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, F, QuerySet
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import pgettext

from regrow.network.models import Meeting, NetworkMembership, NetworkRole, Partner, Registration
from regrow.towns.permissions import Action, can

PAGE_SIZE = 50


def local_moment(meeting: Meeting, moment: datetime) -> datetime:
    return moment.astimezone(meeting.zone)


def day_label(day: date, *, capital: bool = True) -> str:
    """“Thursday, 31 January 2019” (Latvian: “Ceturtdiena, 2019. gada 31. janvāris”); without
    `capital` for the middle of a sentence (Latvian: “ceturtdiena, …”)."""
    weekday = date_format(day, "l")
    return pgettext("a day of a meeting: its weekday, then its date", "%(weekday)s, %(date)s") % {
        "weekday": capfirst(weekday) if capital else weekday,
        "date": date_format(day, "DATE_FORMAT"),
    }


def day_choices(meeting: Meeting) -> list[tuple[str, str]]:
    return [(day.isoformat(), day_label(day)) for day in meeting.days()]


def coordinated_partner_ids(user, network_id: int) -> set[int]:
    """The partners `user` coordinates in the network (their network role says so)."""
    if not user.is_authenticated:
        return set()
    return set(
        NetworkMembership.objects.filter(
            user=user,
            network_id=network_id,
            role=NetworkRole.PARTNER_COORDINATOR,
            partner__isnull=False,
        ).values_list("partner_id", flat=True)
    )


def own_partner_id(user, network_id: int) -> int | None:
    """The partner a member speaks for, to preselect when they register (None for the lead or
    an expert)."""
    ids = sorted(coordinated_partner_ids(user, network_id))
    return ids[0] if ids else None


def partners_of(meeting: Meeting) -> QuerySet[Partner]:
    return Partner.objects.filter(network_id=meeting.network_id).select_related("town")


def partners_for_others(user, meeting: Meeting, organiser: bool) -> QuerySet[Partner]:
    """The partners `user` may register other people for: every partner for an organiser,
    their own partners for a partner coordinator, none for anyone else."""
    partners = partners_of(meeting)
    if organiser:
        return partners
    return partners.filter(pk__in=coordinated_partner_ids(user, meeting.network_id))


def active(meeting: Meeting) -> QuerySet[Registration]:
    return Registration.objects.filter(meeting=meeting, cancelled_at__isnull=True)


def in_partner_order(registrations: QuerySet[Registration]) -> QuerySet[Registration]:
    """Grouped by partner as the network lists them (the lead first), people without a partner
    last; by name within a partner."""
    return registrations.select_related("partner__town").order_by(
        F("partner__role").asc(nulls_last=True),
        F("partner__town__name").asc(nulls_last=True),
        "partner_id",
        "name",
        "id",
    )


def own_registration(user, meeting: Meeting) -> Registration | None:
    if not user.is_authenticated:
        return None
    return active(meeting).filter(user=user).select_related("partner__town").first()


@dataclass(frozen=True)
class PartnerCount:
    name: str
    people: int


def counts_per_partner(meeting: Meeting) -> list[PartnerCount]:
    """How many registered for each partner (people without a partner under None), in the
    network's order of partners; one query."""
    rows = (
        active(meeting)
        .values("partner_id", "partner__role", "partner__town__name")
        .annotate(people=Count("id"))
        .order_by(
            F("partner__role").asc(nulls_last=True), F("partner__town__name").asc(nulls_last=True)
        )
    )
    return [PartnerCount(row["partner__town__name"] or "", row["people"]) for row in rows]


@dataclass(frozen=True)
class Viewer:
    """What one member may see of a meeting's participants."""

    user_id: int | None
    organiser: bool
    coordinated: frozenset[int]

    def sees_details(self, registration: Registration) -> bool:
        """E-mail and days: organisers, the partner's coordinators and the person."""
        return (
            self.organiser
            or registration.partner_id in self.coordinated
            or self._is_the_person(registration)
        )

    def sees_dietary_needs(self, registration: Registration) -> bool:
        return self.organiser or self._is_the_person(registration)

    def may_change(self, registration: Registration) -> bool:
        return self.sees_details(registration)

    def _is_the_person(self, registration: Registration) -> bool:
        return self.user_id is not None and registration.user_id == self.user_id


def viewer_of(user, meeting: Meeting) -> Viewer:
    return Viewer(
        user_id=user.pk if user.is_authenticated else None,
        organiser=can(user, Action.ORGANISE_MEETING, meeting),
        coordinated=frozenset(coordinated_partner_ids(user, meeting.network_id)),
    )


@dataclass(frozen=True)
class ParticipantRow:
    registration: Registration
    town: str
    details: bool
    dietary: bool
    may_change: bool
    days: list[str]
    attended: list[str]


def short_day(iso: str) -> str:
    """A day in a table: 31.01.2019 in Latvian, 2019-01-31 in English."""
    try:
        return date_format(date.fromisoformat(iso), "SHORT_DATE_FORMAT")
    except ValueError:
        return iso


def participant_rows(page, meeting: Meeting, viewer: Viewer) -> list[ParticipantRow]:
    return [
        ParticipantRow(
            registration=registration,
            town=registration.partner.town.name if registration.partner else "",
            details=viewer.sees_details(registration),
            dietary=viewer.sees_dietary_needs(registration),
            may_change=viewer.may_change(registration),
            days=[short_day(day) for day in sorted(registration.days)],
            attended=[short_day(day) for day in sorted(registration.attended_days)],
        )
        for registration in page
    ]


def attendance_list(meeting: Meeting) -> QuerySet[Registration]:
    """Everyone registered (for any day: someone may come on a day they did not name)."""
    return in_partner_order(active(meeting))


def sheet_rows(meeting: Meeting) -> list[Registration]:
    """Everyone registered, for the sign-in sheet (split per day by the sheet); one query."""
    return list(in_partner_order(active(meeting)))
