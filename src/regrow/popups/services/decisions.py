"""What a confirmed allocation does beyond the subleases: the units' pop-up days in the
register's status history, and each applicant's decision by e-mail in their language."""

from datetime import date, timedelta

from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from regrow.lib.i18n import first_offered
from regrow.premises.choices import Source, Status
from regrow.premises.models import StatusChange


def merged(periods: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Overlapping or touching periods of days joined: [(1, 5), (6, 9), (12, 14)] → two."""
    joined: list[tuple[date, date]] = []
    for start, end in sorted(periods):
        if joined and start <= joined[-1][1] + timedelta(days=1):
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _status_before(unit_id: int, day: date) -> str | None:
    return (
        StatusChange.objects.filter(unit_id=unit_id, effective_on__lt=day)
        .order_by("-effective_on", "-id")
        .values_list("status", flat=True)
        .first()
    )


def _record(unit, status: str, day: date, by, note: str = "") -> None:
    """A planned entry of the unit's history: unlike a coordinator's own entry, it may lie in
    the future (the register reads a unit's status on a day from entries up to that day)."""
    StatusChange.objects.create(
        unit=unit,
        status=status,
        effective_on=max(day, unit.listed_on),
        source=Source.POPUP_PROGRAMME,
        note=note,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )


def record_popup_days(subleases, *, by) -> None:
    """For every run of days a unit now holds pop-ups, the register records "pop-up" from its
    first day and the status the unit had before from the day after its last (unless the
    history already says something later in that time, which then stands)."""
    from regrow.popups.models import Sublease

    new_by_unit: dict[int, list] = {}
    for sublease in subleases:
        new_by_unit.setdefault(sublease.unit_id, []).append(sublease)
    for unit_id, new in new_by_unit.items():
        unit = new[0].round_unit.unit
        periods = list(
            Sublease.objects.filter(unit_id=unit_id)
            .exclude(status=Sublease.Status.CANCELLED)
            .values_list("starts_on", "ends_on")
        )
        for start, end in merged(periods):
            names = [s.application.business_name for s in new if start <= s.starts_on <= end]
            if not names:
                continue
            before = _status_before(unit_id, start)
            if before != Status.POPUP:
                _record(unit, Status.POPUP, start, by, note=", ".join(names))
            after = end + timedelta(days=1)
            later = StatusChange.objects.filter(
                unit_id=unit_id, effective_on__gt=start, effective_on__lte=after
            ).exists()
            if before and before != Status.POPUP and not later:
                _record(unit, before, after, by)


def site_language(application, town) -> str:
    """The applicant's language if the site speaks it; else the town's first that it does
    (a link in a language the site does not offer would be a 404)."""
    return first_offered(application.language, *town.languages)


def _decision(application, sublease, round_, base_url) -> tuple[str, str, None, list[str]]:
    with translation.override(site_language(application, round_.town)):
        link = base_url.rstrip("/") + reverse(
            "popups:application", kwargs={"slug": round_.town.slug, "pk": application.pk}
        )
        subject = _("Decision on your application to %(round)s") % {"round": round_.title}
        body = render_to_string(
            "popups/email/decision.txt",
            {
                "application": application,
                "round": round_,
                "sublease": sublease,
                "link": link,
            },
        )
    return subject, body, None, [application.applicant.email]


def send_decisions(round_, applications, subleases, *, base_url: str) -> None:
    """Every applicant of the round, accepted or not, hears the decision once it commits."""
    by_application = {sublease.application_id: sublease for sublease in subleases}
    messages = [
        _decision(application, by_application.get(application.pk), round_, base_url)
        for application in applications
        if application.applicant.email
    ]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
