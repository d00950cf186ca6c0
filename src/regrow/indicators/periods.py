"""Periods of observations: a year, a quarter or a month, in one normalised spelling.

Statistics offices spell periods in many ways ("2019Q3", "2019-Q3", "2019K3", "2019M07",
"2019-07"); an observation keeps one: "2019", "2019-Q3" or "2019-07", with the first day of the
period for sorting and its granularity. Plain functions, no database.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Invalid

# Years a town's statistics may be about: old censuses to forecasts.
FIRST_YEAR = 1800
LAST_YEAR = 2199

_YEAR = re.compile(r"(\d{4})(?:A\d*)?")
# Quarters: 2019-Q3, 2019Q3, 2019 Q3, 2019K3 (PxWeb's Nordic offices), 2019-3Q.
_QUARTER = re.compile(r"(\d{4})[- ]?[QK](\d{1,2})|(\d{4})[- ]?(\d{1,2})Q")
# Months: 2019-07, 2019M07, 2019-7, 2019 M07, 2019.07.
_MONTH = re.compile(r"(\d{4})(?:[- .]?M|[-.])(\d{1,2})")


class Granularity(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Period:
    text: str  # "2019", "2019-Q3" or "2019-07"
    start: date
    granularity: Granularity

    @property
    def end(self) -> date:
        """The period's last day."""
        year, month = self.start.year, self.start.month
        months = {Granularity.YEAR: 12, Granularity.QUARTER: 3, Granularity.MONTH: 1}
        following = month - 1 + months[self.granularity]
        first_after = date(year + following // 12, following % 12 + 1, 1)
        return first_after - timedelta(days=1)

    def __str__(self) -> str:
        return self.text


def _year(text: str, written: str) -> int:
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Invalid(
            _("“%(value)s” is not a period of %(first)s to %(last)s.")
            % {"value": written, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return year


def _not_a_period(written: str) -> Invalid:
    return Invalid(
        _(
            "“%(value)s” is not a period. Write a year (2019), a quarter (2019-Q3) or a "
            "month (2019-07)."
        )
        % {"value": written}
    )


def year_period(year: int) -> Period:
    return Period(str(year), date(year, 1, 1), Granularity.YEAR)


def quarter_period(year: int, quarter: int) -> Period:
    return Period(f"{year}-Q{quarter}", date(year, 3 * quarter - 2, 1), Granularity.QUARTER)


def month_period(year: int, month: int) -> Period:
    return Period(f"{year}-{month:02d}", date(year, month, 1), Granularity.MONTH)


def parse_period(raw: object) -> Period:
    """The period a cell names, or Invalid saying why not (2019-Q5 and 2019-13 do not exist)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, float) and raw.is_integer():
        raw = str(int(raw))  # a year typed as a number in a spreadsheet
    if not isinstance(raw, str):
        raise _not_a_period(str(raw))
    written = raw.strip()
    upper = written.upper()
    if match := _YEAR.fullmatch(upper):
        return year_period(_year(match.group(1), written))
    if match := _QUARTER.fullmatch(upper):
        year_text, quarter_text = (
            (match.group(1), match.group(2))
            if match.group(1)
            else (
                match.group(3),
                match.group(4),
            )
        )
        quarter = int(quarter_text)
        if not 1 <= quarter <= 4:
            raise Invalid(
                _("“%(value)s” names quarter %(quarter)s; a year has quarters 1 to 4.")
                % {"value": written, "quarter": quarter}
            )
        return quarter_period(_year(year_text, written), quarter)
    if match := _MONTH.fullmatch(upper):
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise Invalid(
                _("“%(value)s” names month %(month)s; a year has months 1 to 12.")
                % {"value": written, "month": month}
            )
        return month_period(_year(match.group(1), written), month)
    raise _not_a_period(written)


class PeriodCache:
    """parse_period with each spelling parsed once: a file names the same periods again and
    again, and one Period object shared by a million observations saves their memory."""

    def __init__(self) -> None:
        self._known: dict[object, Period] = {}

    def __call__(self, raw: object) -> Period:
        try:
            return self._known[raw]
        except (KeyError, TypeError):
            pass
        period = parse_period(raw)  # a list or an object is refused here, before it is kept
        self._known[raw] = period
        return period
