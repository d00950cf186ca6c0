"""Indicators' figures in the page's language: values with their unit, signed changes, periods,
whether a change is good, and the sentences a chart's text alternative is made of."""

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from django.utils.formats import date_format, get_format, number_format
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from regrow.indicators.figures import Change, Judgement, Mode, Summary
from regrow.indicators.models import Indicator
from regrow.indicators.periods import Granularity, Period
from regrow.lib.money import euros

MINUS = "\u2212"  # read as "minus", unlike a hyphen
PERCENT_PLACES = Decimal("0.1")


@lru_cache(maxsize=32)
def _separators(language: str | None) -> tuple[str, str, int] | None:
    """The language's decimal and thousands separators and its group size; None for a
    language whose groups are not all of one size (number_format handles those)."""
    grouping = get_format("NUMBER_GROUPING")
    if not isinstance(grouping, int) or grouping <= 0:
        return None
    return get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR"), grouping


def number_text(value: Decimal | float | int) -> str:
    """A number in the page's locale without trailing zeros: 17 500, 12,5, and a
    minus sign (U+2212) before a negative one. A chart writes hundreds of them, so the locale's
    separators are looked up once a language rather than for every number."""
    if not isinstance(value, Decimal):
        value = Decimal(repr(float(value)))
    value = value.normalize()
    separators = _separators(get_language())
    if separators is None:
        shown = number_format(value, use_l10n=True, force_grouping=True)
        return MINUS + shown[1:] if shown.startswith("-") else shown
    decimal_separator, thousands, size = separators
    written = format(value, "f")
    negative = written.startswith("-")
    whole, _point, fraction = written.lstrip("-").partition(".")
    groups = []
    while len(whole) > size:
        groups.insert(0, whole[-size:])
        whole = whole[:-size]
    shown = thousands.join([whole, *groups]) + (decimal_separator + fraction if fraction else "")
    return MINUS + shown if negative else shown


def figure(value: Decimal | float, unit: str) -> str:
    """A value with its unit as the page writes it: 17 500, 12,5 %, 114,00 €."""
    return figure_format(unit)(value)


def figure_format(unit: str) -> Callable[[Decimal | float], str]:
    """figure() for one unit, its words looked up once (for the many values of a chart)."""
    if unit == Indicator.Unit.PERCENT:
        pattern = _("%(number)s %%")
        return lambda value: pattern % {"number": number_text(value)}
    if unit == Indicator.Unit.EUR:
        return euros
    return number_text


def signed(text: str, value: Decimal) -> str:
    return ("+" + text) if value > 0 else text


def signed_figure(value: Decimal, unit: str) -> str:
    """+120, +114,00 € or a minus sign and the figure."""
    return signed(figure(value, unit), value)


def signed_change(value: Decimal, unit: str) -> str:
    """A change of a value: as signed_figure, but a change of a percentage is in percentage
    points (+0,5 pp)."""
    if unit == Indicator.Unit.PERCENT:
        return signed(_("%(number)s pp") % {"number": number_text(value)}, value)
    return signed_figure(value, unit)


def percent_text(fraction: Decimal, sign: bool = True) -> str:
    """A fraction as a percentage to one place: 0.0431 → +4,3 %."""
    percent = (fraction * 100).quantize(PERCENT_PLACES, ROUND_HALF_UP)
    shown = _("%(number)s %%") % {"number": number_text(percent)}
    return signed(shown, percent) if sign else shown


def period_label(period: Period) -> str:
    """2024; Q3 2024; Jul 2024, in the page's language."""
    start = period.start
    if period.granularity == Granularity.QUARTER:
        return _("Q%(quarter)s %(year)s") % {"quarter": (start.month + 2) // 3, "year": start.year}
    if period.granularity == Granularity.MONTH:
        return date_format(start, "M Y")
    return str(start.year)


# A sign beside the word, so that the judgement does not rest on colour.
JUDGEMENT_SIGNS = {
    Judgement.BETTER: "▲",
    Judgement.WORSE: "▼",
    Judgement.SAME: "=",
    Judgement.NEUTRAL: "◆",
}


def judgement_word(judgement: Judgement) -> str:
    # Literal contexts: makemessages reads them from the source.
    return {
        Judgement.BETTER: pgettext("whether a change of an indicator is good", "better"),
        Judgement.WORSE: pgettext("whether a change of an indicator is good", "worse"),
        Judgement.SAME: pgettext("whether a change of an indicator is good", "unchanged"),
        Judgement.NEUTRAL: pgettext(
            "whether a change of an indicator is good", "neither good nor bad in itself"
        ),
    }[judgement]


def change_text(change: Change, unit: str) -> str:
    """“+120 (+1,6 %) since 2023”; for a percentage, in percentage points (pp)."""
    absolute = signed_change(change.absolute, unit)
    relative = change.relative
    if relative is not None and unit != Indicator.Unit.PERCENT:
        absolute = _("%(change)s (%(percent)s)") % {
            "change": absolute,
            "percent": percent_text(relative),
        }
    return _("%(change)s since %(period)s") % {
        "change": absolute,
        "period": period_label(change.since.period),
    }


def flags_text(flags: str) -> str:
    words = {
        "p": _("provisional"),
        "e": _("estimated"),
        "b": _("break in series"),
        "u": _("low reliability"),
        "c": _("confidential"),
    }
    return ", ".join(words.get(flag, flag) for flag in flags)


def value_unit(indicator: Indicator, mode: Mode = Mode.ABSOLUTE, base_year=None) -> str:
    """What the numbers of a chart or table are: the unit, per 1,000 inhabitants, an index."""
    if mode == Mode.PER_1000:
        return _("per 1,000 inhabitants")
    if mode == Mode.INDEXED:
        return _("index, %(year)s = 100") % {"year": base_year}
    return str(indicator.get_unit_display())


def shown_format(indicator: Indicator, mode: Mode = Mode.ABSOLUTE) -> Callable:
    """How a comparison writes its values: with the indicator's unit as they are, plain
    numbers per 1,000 inhabitants or as an index."""
    return figure_format(indicator.unit) if mode == Mode.ABSOLUTE else number_text


def series_description(name: str, summary: Summary, unit: str) -> str:
    """A series in one sentence, for a chart's text alternative."""
    if summary.latest is None:
        return _("%(name)s: no values yet.") % {"name": name}
    first, latest, peak = summary.first, summary.latest, summary.peak
    text = _("%(name)s: from %(first)s in %(first_period)s to %(latest)s in %(latest_period)s.") % {
        "name": name,
        "first": figure(first.value, unit),
        "first_period": period_label(first.period),
        "latest": figure(latest.value, unit),
        "latest_period": period_label(latest.period),
    }
    if peak is not None and peak is not latest and peak is not first:
        text += " " + _("Highest: %(peak)s in %(period)s.") % {
            "peak": figure(peak.value, unit),
            "period": period_label(peak.period),
        }
    return text


def line_description(name: str, points: list[tuple[Period, Decimal]], shown) -> str:
    """A comparison's line in one sentence: “Altena: from 100 in 2000 to 85,3 in 2024.”"""
    if not points:
        return _("%(name)s: no values.") % {"name": name}
    (first_period, first), (last_period, last) = points[0], points[-1]
    return _("%(name)s: from %(first)s in %(first_period)s to %(latest)s in %(latest_period)s.") % {
        "name": name,
        "first": shown(first),
        "first_period": period_label(first_period),
        "latest": shown(last),
        "latest_period": period_label(last_period),
    }
