"""A street survey: what each unit of a street looked like on one day, recorded all at once."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.premises import selectors
from regrow.premises.choices import Source
from regrow.premises.models import StatusChange, Survey
from regrow.premises.services.permissions import require_coordinator
from regrow.premises.services.photos import unit_add_photo
from regrow.towns.models import Town


class SurveyPhotoRefused(ValidationError):
    """A photo taken on the survey cannot be stored; `unit_id` says whose, `problems` why."""

    def __init__(self, message: str, *, unit_id: int, problems: list[str]):
        super().__init__(message)
        self.unit_id = unit_id
        self.problems = problems


@transaction.atomic
def survey_record(
    *,
    town: Town,
    street: str,
    surveyed_on: date,
    seen: dict[int, str],
    by,
    photos: dict | None = None,
) -> tuple[Survey, int]:
    """Record a street survey: each unit seen with a status other than its status that day gets
    a new history entry dated on the survey day; photos taken on the way are added to their units.
    All or nothing. Returns the survey and the number of status changes."""
    require_coordinator(by, town)
    if surveyed_on > town.today():
        raise ValidationError({"surveyed_on": _("A survey cannot be dated in the future.")})
    units = {unit.pk: unit for unit in town.units.filter(street=street, pk__in=list(seen))}
    unknown = set(seen) - set(units)
    if unknown:
        raise ValidationError(_("Some units are not on this street any more; reload the page."))
    early = [unit.display_address for unit in units.values() if unit.listed_on > surveyed_on]
    if early:
        raise ValidationError(
            _("These units were not yet in the register on the survey day: %(units)s.")
            % {"units": ", ".join(sorted(early))}
        )
    survey = Survey.objects.create(
        town=town, street=street, surveyed_on=surveyed_on, recorded_by=by
    )
    before = {
        unit.pk: unit.status_now
        for unit in selectors.units_with_status(town.units.filter(pk__in=list(units)), surveyed_on)
    }
    changes = [
        StatusChange(
            unit=units[unit_id],
            effective_on=surveyed_on,
            status=status,
            source=Source.SURVEY,
            survey=survey,
            recorded_by=by,
        )
        for unit_id, status in seen.items()
        if status and status != before.get(unit_id)
    ]
    for change in changes:
        change.full_clean()
    StatusChange.objects.bulk_create(changes)
    for unit_id, upload in (photos or {}).items():
        unit = units[unit_id]
        alt_text = _("%(address)s, photographed in a street survey on %(date)s") % {
            "address": unit.display_address,
            "date": surveyed_on.isoformat(),
        }
        try:
            unit_add_photo(unit=unit, upload=upload, alt_text=alt_text, by=by)
        except ValidationError as error:
            raise SurveyPhotoRefused(
                _("Photo of %(address)s: %(problem)s")
                % {"address": unit.display_address, "problem": " ".join(error.messages)},
                unit_id=unit_id,
                problems=error.messages,
            ) from error
    return survey, len(changes)
