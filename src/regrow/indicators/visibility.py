"""Who sees which town's indicators: anyone those the town shows on its site (the indicator's
`public_by_default`, unless the town chose otherwise), the town's members every one."""

from collections.abc import Iterable

from regrow.indicators.models import Indicator, TownChoice
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can, towns_where


def choices_of(town: Town) -> dict[int, bool]:
    """The town's own choices: indicator id → shown; one query."""
    return dict(TownChoice.objects.filter(town=town).values_list("indicator_id", "public"))


def is_public(indicator: Indicator, choices: dict[int, bool]) -> bool:
    return choices.get(indicator.pk, indicator.public_by_default)


def public_indicators(town: Town, indicators: Iterable[Indicator]) -> list[Indicator]:
    """The indicators the town shows on its site, in the order given; one query."""
    choices = choices_of(town)
    return [indicator for indicator in indicators if is_public(indicator, choices)]


def towns_showing(indicator: Indicator, towns: Iterable[Town]) -> set[int]:
    """The ids of the towns among `towns` that show `indicator` on their site; one query."""
    towns = list(towns)
    chosen = dict(
        TownChoice.objects.filter(indicator=indicator, town__in=towns).values_list(
            "town_id", "public"
        )
    )
    return {town.pk for town in towns if chosen.get(town.pk, indicator.public_by_default)}


def member_town_ids(user) -> set[int]:
    """The towns whose every indicator the user sees (their members'); none for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(towns_where(user, Action.VIEW_WORKSPACE).values_list("pk", flat=True))


def may_see(user, town: Town, indicator: Indicator) -> bool:
    """Whether the user sees the town's values of the indicator (at most two queries)."""
    if can(user, Action.VIEW_WORKSPACE, town):
        return True
    return is_public(indicator, choices_of(town))


def visible_towns(user, indicator: Indicator, towns: Iterable[Town]) -> list[Town]:
    """The towns among `towns` whose values of `indicator` the user sees, in the order given."""
    towns = list(towns)
    shown = towns_showing(indicator, towns) | member_town_ids(user)
    return [town for town in towns if town.pk in shown]
