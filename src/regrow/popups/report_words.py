"""The round report's figures in words, in the active language: the funnel's steps and rates,
unit-weeks, money, the streets' vacancy, and the charts with their descriptions. The page and
the documents both take their rows and charts from here."""

from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from regrow.lib.money import euros_from_cents
from regrow.popups import figures
from regrow.popups.report_charts import Bar, horizontal_bars, vertical_bars
from regrow.popups.selectors_report import RoundFigures, RoundReport
from regrow.premises.views.vacancy import percent

STEP_LABELS = {
    "enquiries": pgettext_lazy("a step of the pop-up funnel", "Enquiries"),
    "applications": pgettext_lazy("a step of the pop-up funnel", "Applications"),
    "accepted": pgettext_lazy("a step of the pop-up funnel", "Accepted"),
    "opened": pgettext_lazy("a step of the pop-up funnel", "Opened"),
    "stayed": pgettext_lazy("a step of the pop-up funnel", "Stayed"),
}
WHEN_LABELS = {
    "before": pgettext_lazy("vacancy, of the pop-up programme", "Before"),
    "during": pgettext_lazy("vacancy, of the pop-up programme", "During"),
    "after": pgettext_lazy("vacancy, of the pop-up programme", "After"),
}
DASH = "—"


def count(value: int) -> str:
    return number_format(value, force_grouping=True)


def rate(value: Decimal | None) -> str:
    """A fraction as a percentage with at most one decimal: "43,8 %"; a dash for none."""
    if value is None:
        return DASH
    return percent(float((value * 100).quantize(Decimal("0.1"))))


def week_count(value: Decimal) -> str:
    return number_format(value, decimal_pos=0 if value == value.to_integral() else 1)


def short_date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def money(cents: int | None) -> str:
    return DASH if cents is None else euros_from_cents(cents)


# --- Rows ---------------------------------------------------------------------------------


def funnel_rows(funnel: figures.Funnel) -> list[tuple[str, str, str]]:
    """(step, count, rate of the step before) for each step."""
    return [
        (str(STEP_LABELS[step.code]), count(step.count), rate(step.rate)) for step in funnel.steps
    ]


def unit_week_items(unit_weeks: figures.UnitWeeks) -> list[tuple[str, str]]:
    return [
        (_("Unit-weeks offered"), week_count(unit_weeks.offered)),
        (_("Unit-weeks used"), week_count(unit_weeks.used)),
        (_("Share used"), rate(unit_weeks.share_used)),
    ]


def money_items(one: RoundFigures) -> list[tuple[str, str]]:
    paid = one.money
    return [
        (_("Paid to the owners under the head leases"), money(paid.owner_cost_cents)),
        (_("Collected from the pop-ups"), money(paid.collected_cents)),
        (_("Subsidy (the difference)"), money(paid.gap_cents)),
        (_("Grants approved"), money(paid.grants_approved_cents)),
        (_("Grants paid"), money(paid.grants_paid_cents)),
        (_("Cost to the town (subsidy and grants)"), money(one.cost_cents)),
        (_("Cost per pop-up that stayed"), money(one.cost_per_stayed_cents)),
    ]


def vacancy_rows(report: RoundReport) -> list[tuple[str, str, str, str]]:
    """(when, day, rate, empty of usable units) before, during and after the programme."""
    rows = []
    for row in report.vacancy:
        when = str(WHEN_LABELS[row.code])
        if row.day is None:
            rows.append((when, _("not yet"), DASH, DASH))
        elif row.rate is None or row.rate.percent is None:
            rows.append((when, short_date(row.day), DASH, DASH))
        else:
            empty = number_format(row.rate.empty, decimal_pos=0 if row.rate.empty % 1 == 0 else 1)
            units = _("%(empty)s of %(usable)s") % {
                "empty": empty,
                "usable": count(row.rate.usable),
            }
            rows.append((when, short_date(row.day), percent(row.rate.percent), units))
    return rows


# --- Charts -------------------------------------------------------------------------------


def funnel_description(funnel: figures.Funnel) -> str:
    parts = []
    for step in funnel.steps:
        label = str(STEP_LABELS[step.code])
        if step.rate is None:
            parts.append(f"{label}: {count(step.count)}")
        else:
            parts.append(
                _("%(step)s: %(count)s (%(rate)s of the step before)")
                % {"step": label, "count": count(step.count), "rate": rate(step.rate)}
            )
    return "; ".join(parts) + "."


def funnel_chart(funnel: figures.Funnel, id_prefix: str = "funnel-chart") -> SafeString:
    bars = [
        Bar(
            str(STEP_LABELS[step.code]),
            step.count,
            count(step.count) if step.rate is None else f"{count(step.count)} ({rate(step.rate)})",
        )
        for step in funnel.steps
    ]
    return horizontal_bars(
        title=_("From enquiries to pop-ups that stayed"),
        description=funnel_description(funnel),
        bars=bars,
        id_prefix=id_prefix,
    )


def _money_amounts(one: RoundFigures) -> list[tuple[str, int]]:
    paid = one.money
    return [
        (_("Paid to the owners"), paid.owner_cost_cents),
        (_("Collected from the pop-ups"), paid.collected_cents),
        (_("Subsidy"), paid.gap_cents),
        (_("Grants approved"), paid.grants_approved_cents),
    ]


def money_description(one: RoundFigures) -> str:
    return "; ".join(f"{label}: {money(cents)}" for label, cents in _money_amounts(one)) + "."


def money_chart(one: RoundFigures, id_prefix: str = "money-chart") -> SafeString:
    amounts = _money_amounts(one)
    bars = [Bar(label, cents / 100, money(cents)) for label, cents in amounts]
    return horizontal_bars(
        title=_("What the round cost"),
        description=money_description(one),
        bars=bars,
        id_prefix=id_prefix,
    )


def vacancy_description(report: RoundReport) -> str:
    """The rates before, during and after in words; empty while no day has a rate."""
    known = [row for row in report.vacancy if row.rate is not None and row.rate.percent is not None]
    if not known:
        return ""
    return (
        "; ".join(
            f"{WHEN_LABELS[row.code]} ({short_date(row.day)}): {percent(row.rate.percent)}"
            for row in known
        )
        + "."
    )


def vacancy_chart(report: RoundReport, id_prefix: str = "vacancy-chart") -> SafeString | None:
    """The streets' vacancy rate before, during and after, or None while no day has a rate."""
    description = vacancy_description(report)
    if not description:
        return None
    labels = [str(WHEN_LABELS[row.code]) for row in report.vacancy]
    values = [None if row.rate is None else row.rate.percent for row in report.vacancy]
    return vertical_bars(
        title=_("Vacancy rate of the round's streets"),
        description=description,
        labels=labels,
        name=_("Vacancy rate"),
        values=values,
        format_value=percent,
        id_prefix=id_prefix,
    )


def comparison_chart(rows: list[RoundFigures]) -> SafeString | None:
    """Each round's pop-ups that stayed, with the share of those that opened."""
    if not rows:
        return None
    bars = [
        Bar(
            one.round.title,
            one.funnel.stayed,
            _("%(stayed)s of %(opened)s (%(rate)s)")
            % {
                "stayed": count(one.funnel.stayed),
                "opened": count(one.funnel.opened),
                "rate": rate(one.funnel.conversion),
            },
        )
        for one in rows
    ]
    description = "; ".join(f"{bar.label}: {bar.figure}" for bar in bars) + "."
    return horizontal_bars(
        title=pgettext("a chart", "Pop-ups that stayed, of those that opened"),
        description=description,
        bars=bars,
        id_prefix="comparison-chart",
    )
