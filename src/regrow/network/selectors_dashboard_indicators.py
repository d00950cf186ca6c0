"""The monitoring indicators of many partners' plans at once, for the dashboard: each with its
target and the town's latest value, read live as selectors_plans.indicators_of does for one
plan, but in a fixed number of queries for any number of partners.

Recorded values: the latest observation of every plan's indicator in one query. Computed
indicators (no observations: the vacancy rate, the pop-up conversion rate) take their value
this year so far, counted for all the towns at once, grouped by town (one query per computed
indicator and per distinct "today" of the towns, which is one for towns of one time zone).
Another computed indicator, should one be registered, is asked town by town."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, OuterRef, Q, Subquery

from regrow.indicators import derived
from regrow.indicators.models import Indicator, Observation
from regrow.indicators.periods import year_period
from regrow.lib.i18n import localized
from regrow.network.dashboard import IndicatorFigure
from regrow.network.models import PlanIndicator
from regrow.popups.figures import ConversionRate
from regrow.popups.models import Sublease
from regrow.premises import vacancy
from regrow.premises.models import StatusChange, Unit
from regrow.towns.models import Town

PERCENT_PLACES = Decimal("0.01")


def _percent(rate) -> Decimal | None:
    if rate is None:
        return None
    value = rate if isinstance(rate, Decimal) else Decimal(repr(rate))
    return (value * 100).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def vacancy_rates(towns: Sequence[Town], day: date) -> dict[int, Decimal | None]:
    """Each town's register vacancy rate on `day` in %, as derived_sources computes it for one
    town (the status of each unit on the day, counted by the database): one query."""
    status = Subquery(
        StatusChange.objects.filter(unit=OuterRef("pk"), effective_on__lte=day)
        .order_by("-effective_on", "-id")
        .values("status")[:1]
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Unit.objects.filter(town__in=[town.pk for town in towns])
        .annotate(status=status)
        .values("town_id", "status")
        .annotate(units=Count("id"))
        .order_by()
    )
    for row in rows:
        if row["status"]:
            counts[row["town_id"]][row["status"]] = row["units"]
    return {town.pk: _percent(vacancy.rate_of_counts(counts[town.pk]).rate) for town in towns}


def conversion_rates(towns: Sequence[Town], first: date, last: date) -> dict[int, Decimal | None]:
    """Each town's pop-ups that stayed ÷ opened from `first` to `last`, in %: one query."""
    rows = (
        Sublease.objects.filter(
            round_unit__round__town__in=[town.pk for town in towns],
            starts_on__range=(first, last),
        )
        .exclude(status=Sublease.Status.CANCELLED)
        .values("round_unit__round__town_id")
        .annotate(opened=Count("id"), stayed=Count("id", filter=Q(outcome__stayed=True)))
        .order_by()
    )
    found = {row["round_unit__round__town_id"]: row for row in rows}
    rates = {}
    for town in towns:
        row = found.get(town.pk, {"opened": 0, "stayed": 0})
        rates[town.pk] = _percent(ConversionRate((first, last), row["opened"], row["stayed"]).rate)
    return rates


BATCHED = {"vacancy_rate", "popup_conversion_rate"}


def _computed(code: str, towns: list[Town]) -> dict[int, tuple[Decimal | None, str]]:
    """This year's value so far of a computed indicator for each town, with the period."""
    by_today: dict[date, list[Town]] = defaultdict(list)
    for town in towns:
        by_today[town.today()].append(town)
    found: dict[int, tuple[Decimal | None, str]] = {}
    for today, group in by_today.items():
        period = year_period(today.year)
        if code == "vacancy_rate":
            values = vacancy_rates(group, today)
        elif code == "popup_conversion_rate":
            values = conversion_rates(group, period.start, today)
        else:
            values = {town.pk: derived.value_in(town, code, period, today) for town in group}
        for town in group:
            found[town.pk] = (values.get(town.pk), period.text)
    return found


def indicators_by_plan(plans: Sequence[tuple[int, Town]]) -> dict[int, list[IndicatorFigure]]:
    """Each plan's indicators (plans given as (plan id, its partner's town)), in the
    indicators' order, each with the town's latest value."""
    if not plans:
        return {}
    town_of = dict(plans)
    latest = Observation.objects.filter(
        town_id=OuterRef("plan__partner__town_id"), indicator_id=OuterRef("indicator_id")
    ).order_by("-period_start", "-period")
    rows = list(
        PlanIndicator.objects.filter(plan_id__in=list(town_of))
        .annotate(
            actual=Subquery(latest.values("value")[:1]),
            actual_period=Subquery(latest.values("period")[:1]),
        )
        .order_by("plan_id", "indicator__order", "indicator__code", "id")
        .values(
            "plan_id",
            "indicator_id",
            "indicator__code",
            "indicator__names",
            "indicator__unit",
            "baseline",
            "baseline_period",
            "target",
            "target_period",
            "actual",
            "actual_period",
        )
    )
    wanted: dict[str, list[Town]] = defaultdict(list)
    for row in rows:
        code = row["indicator__code"]
        if row["actual"] is None and derived.source(code) is not None:
            town = town_of[row["plan_id"]]
            if town not in wanted[code]:
                wanted[code].append(town)
    computed = {code: _computed(code, towns) for code, towns in wanted.items()}
    units = {value: str(label) for value, label in Indicator.Unit.choices}
    names: dict[int, str] = {}
    found: dict[int, list[IndicatorFigure]] = defaultdict(list)
    for row in rows:
        actual, period = row["actual"], row["actual_period"]
        code, plan_id = row["indicator__code"], row["plan_id"]
        if actual is None and code in computed:
            actual, text = computed[code].get(town_of[plan_id].pk, (None, ""))
            period = text if actual is not None else None
        if row["indicator_id"] not in names:
            names[row["indicator_id"]] = localized(row["indicator__names"], default=code)
        found[plan_id].append(
            IndicatorFigure(
                code=code,
                name=names[row["indicator_id"]],
                unit=units.get(row["indicator__unit"], row["indicator__unit"]),
                baseline=row["baseline"],
                baseline_period=row["baseline_period"],
                target=row["target"],
                target_period=row["target_period"],
                actual=actual,
                actual_period=period,
            )
        )
    return dict(found)
