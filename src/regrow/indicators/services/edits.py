"""One value typed in (or corrected) by a coordinator, with the same checks and history as an
import, and a 409 instead of overwriting someone else's change."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.indicators import caching
from regrow.indicators.formats.records import observation_flags, observation_value, plain
from regrow.indicators.models import Indicator, Observation, ObservationChange
from regrow.indicators.periods import parse_period
from regrow.lib.concurrency import ConcurrentEditError, claim_version
from regrow.lib.tabular.problems import Invalid
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def observation_record(
    *,
    town: Town,
    indicator: Indicator,
    period: str,
    value: Decimal | str,
    flags: str = "",
    source: str = "",
    by,
    version: int | None = None,
) -> Observation:
    """Record the town's value of `indicator` in `period`, or correct it: `version` is the one
    the person read (None for a value not recorded yet); ConcurrentEditError if it moved on."""
    if not can(by, Action.CHANGE_TOWN, town):
        raise PermissionDenied
    if indicator.derived:
        raise ValidationError({"indicator": _("This indicator is computed, never typed in.")})
    errors = {}
    try:
        parsed = parse_period(period)
    except Invalid as error:
        errors["period"] = error.message
    try:
        value = observation_value(value)
        flags = observation_flags(flags)
    except Invalid as error:
        errors["value"] = error.message
    if not errors:
        if indicator.min_value is not None and value < indicator.min_value:
            errors["value"] = _("The lowest valid value is %(limit)s.") % {
                "limit": plain(indicator.min_value)
            }
        if indicator.max_value is not None and value > indicator.max_value:
            errors["value"] = _("The highest valid value is %(limit)s.") % {
                "limit": plain(indicator.max_value)
            }
    if errors:
        raise ValidationError(errors)
    changed_meanwhile = _("Someone changed this value meanwhile; nothing was saved.")
    with transaction.atomic():
        current = (
            Observation.objects.select_for_update()
            .filter(town=town, indicator=indicator, period=parsed.text)
            .first()
        )
        if current is None:
            if version is not None:
                raise ConcurrentEditError(changed_meanwhile)
            observation = Observation(
                town=town,
                indicator=indicator,
                period=parsed.text,
                period_start=parsed.start,
                granularity=parsed.granularity.value,
                value=value,
                flags=flags,
                source=source,
            )
            observation.full_clean()
            observation.save()
            caching.renew_after_commit([town.pk])
            return observation
        if version is None:
            raise ConcurrentEditError(changed_meanwhile)
        if (current.value, current.flags, current.source) == (
            value,
            flags,
            source or current.source,
        ):
            return current
        claim_version(
            Observation,
            current.pk,
            version,
            changed_meanwhile,
            value=value,
            flags=flags,
            source=source or current.source,
            batch=None,
        )
        ObservationChange.objects.create(
            observation=current,
            old_value=current.value,
            new_value=value,
            old_flags=current.flags,
            new_flags=flags,
            old_source=current.source,
            changed_by=by if getattr(by, "is_authenticated", False) else None,
        )
        current.refresh_from_db()
        caching.renew_after_commit([town.pk])
        return current
