"""A town's choice of the indicators its public site shows."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.indicators import caching
from regrow.indicators.models import Indicator, TownChoice
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def public_indicators_choose(*, town: Town, shown: Iterable[str], by) -> list[Indicator]:
    """Show the indicators coded `shown` on the town's site and no others; the choice is kept
    for every indicator, so a later change of an indicator's default does not change it. The
    indicators now shown, in their order."""
    if not can(by, Action.CHANGE_TOWN, town):
        raise PermissionDenied
    shown = set(shown)
    indicators = list(Indicator.objects.order_by("order", "code"))
    unknown = shown - {indicator.code for indicator in indicators}
    if unknown:
        message = _("No indicator has the code %(codes)s.")
        raise ValidationError({"shown": message % {"codes": ", ".join(sorted(unknown))}})
    now = timezone.now()
    person = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        kept = {
            choice.indicator_id: choice
            for choice in TownChoice.objects.select_for_update().filter(town=town)
        }
        new, changed = [], []
        for indicator in indicators:
            public = indicator.code in shown
            choice = kept.get(indicator.pk)
            if choice is None:
                new.append(
                    TownChoice(
                        town=town, indicator=indicator, public=public, changed_at=now,
                        changed_by=person,
                    )
                )  # fmt: skip
            elif choice.public != public:
                choice.public, choice.changed_at, choice.changed_by = public, now, person
                changed.append(choice)
        TownChoice.objects.bulk_create(new)
        TownChoice.objects.bulk_update(changed, ["public", "changed_at", "changed_by"])
        caching.renew_after_commit([town.pk])
    return [indicator for indicator in indicators if indicator.code in shown]
