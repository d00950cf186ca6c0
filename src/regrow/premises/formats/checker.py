"""The checks of one unit's row: each value, then the rules across values and across rows."""

import math
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Required, TypedDict, Unpack

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Invalid, Problems, RowError
from regrow.premises.formats.records import EMPTY_VALUES, READ_COLUMNS, UnitRecord

_READERS = tuple((column.name, column.attribute, column.read) for column in READ_COLUMNS)
_EARTH_RADIUS_KM = 6371.0088
_RADIANS_PER_DEGREE = math.pi / 180

# A value the reader has already reported as broken (a GeoJSON feature without a usable point):
# the checker must not report it again as missing.
REPORTED = object()


def _plain(value: Decimal) -> str:
    """57.424400 as 57.4244, and 30.000000 as 30 (not 3E+1), for messages."""
    return format(value.normalize(), "f")


class _Centre:
    """Distances from one point, by the haversine formula, with the point's share precomputed."""

    def __init__(self, latitude: Decimal, longitude: Decimal):
        self.latitude = float(latitude) * _RADIANS_PER_DEGREE
        self.longitude = float(longitude) * _RADIANS_PER_DEGREE
        self.cos_latitude = math.cos(self.latitude)

    def distance_km(self, latitude: float, longitude: float) -> float:
        latitude *= _RADIANS_PER_DEGREE
        longitude *= _RADIANS_PER_DEGREE
        a = (
            math.sin((latitude - self.latitude) / 2) ** 2
            + self.cos_latitude
            * math.cos(latitude)
            * math.sin((longitude - self.longitude) / 2) ** 2
        )
        return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class Checks(TypedDict, total=False):
    """What every reader checks rows against: no date after `today`; and, given the town's
    `centre`, no unit further from it than `max_distance_km` (50 if not given)."""

    today: Required[date]
    centre: tuple[Decimal, Decimal] | None
    max_distance_km: float


class UnitChecker:
    """Turns one row's raw values into a UnitRecord, reporting every problem to `problems`
    under the column's name in the file (`names`: "Iela" for "street"; its own if not there)."""

    def __init__(
        self,
        *,
        problems: Problems,
        today: date,
        centre: tuple[Decimal, Decimal] | None = None,
        max_distance_km: float = 50.0,
        names: dict[str, str] | None = None,
    ):
        self.problems = problems
        self.names = {} if names is None else names
        self.today = today
        self.centre = _Centre(*centre) if centre else None
        self.max_distance_km = max_distance_km
        self.first_row_of: dict[str, int] = {}

    def add(self, row: int, column: str, message: str) -> None:
        self.problems.add(row, self.names.get(column, column), message)

    def check(self, row: int, values: dict[str, object]) -> UnitRecord | None:
        """The row's record, or None after reporting its problems."""
        add = self.add
        get = values.get
        # By UnitRecord attribute; the rules below read only columns named as their attribute.
        clean: dict[str, object] = {}
        ok = True
        for column, attribute, convert in _READERS:
            raw = get(column)
            if raw is None or (type(raw) is str and not raw):
                # Most optional cells are empty: skip the conversion, it is always the same.
                if column in EMPTY_VALUES:
                    clean[attribute] = EMPTY_VALUES[column]
                    continue
            elif raw is REPORTED:
                ok = False
                continue
            try:
                clean[attribute] = convert(raw)
            except Invalid as problem:
                add(row, column, problem.message)
                ok = False
        ok = self._unique(row, clean) and ok
        ok = self._near_centre(row, clean) and ok
        ok = self._dates_in_order(row, clean) and ok
        if not ok:
            return None
        if not clean["display_address"]:
            clean["display_address"] = f"{clean['street']} {clean['house_number']}".strip()
        return UnitRecord(row=row, **clean)

    def _unique(self, row: int, clean: dict) -> bool:
        external_id = clean.get("external_id")
        if not external_id:
            return True
        first = self.first_row_of.setdefault(external_id, row)
        if first == row:
            return True
        self.add(
            row,
            "external_id",
            _("“%(id)s” is also used in row %(first)s; every unit needs its own id.")
            % {"id": external_id, "first": first},
        )
        return False

    def _near_centre(self, row: int, clean: dict) -> bool:
        if self.centre is None or "latitude" not in clean or "longitude" not in clean:
            return True
        latitude, longitude = float(clean["latitude"]), float(clean["longitude"])
        distance = self.centre.distance_km(latitude, longitude)
        if distance <= self.max_distance_km:
            return True
        swapped_fits = (
            abs(longitude) <= 90
            and self.centre.distance_km(longitude, latitude) <= self.max_distance_km
        )
        if swapped_fits:
            message = _(
                "Latitude and longitude look swapped: the point is %(distance)s km from the town "
                "centre as written, but in town the other way round. Put %(longitude)s in "
                "latitude and %(latitude)s in longitude."
            )
        else:
            message = _(
                "The point is %(distance)s km from the town centre, more than %(max)s km. "
                "Check latitude and longitude."
            )
        self.add(
            row,
            "latitude",
            message
            % {
                "distance": f"{distance:.0f}",
                "max": f"{self.max_distance_km:g}",
                "latitude": _plain(clean["latitude"]),
                "longitude": _plain(clean["longitude"]),
            },
        )
        return False

    def _dates_in_order(self, row: int, clean: dict) -> bool:
        ok = True
        listed_on = clean.get("listed_on")
        if listed_on and listed_on > self.today:
            self.add(row, "listed_on", _("%(date)s is in the future.") % {"date": listed_on})
            ok = False
        status_on = clean.get("status_on")
        if not status_on:
            return ok
        if "status" in clean and clean["status"] is None:
            self.add(
                row,
                "status_on",
                _("There is a date but no status; fill in “%(status)s” or clear this date.")
                % {"status": self.names.get("status", "status")},
            )
            return False
        if status_on > self.today:
            self.add(row, "status_on", _("%(date)s is in the future.") % {"date": status_on})
            return False
        if listed_on and status_on < listed_on:
            self.add(
                row,
                "status_on",
                _("%(status_on)s is before the unit was listed on %(date)s.")
                % {"status_on": status_on, "date": listed_on},
            )
            return False
        return ok


class UnitRecords(list):
    """The records of a file, and the names the file gives its columns (for messages)."""

    def __init__(self, records: Iterable[UnitRecord] = (), names: dict[str, str] | None = None):
        super().__init__(records)
        self.names = {} if names is None else names


def in_file_names(errors: Iterable[RowError], names: dict[str, str]) -> list[RowError]:
    """The errors with each column named as the file names it ("Iela" rather than "street")."""
    return [
        RowError(row=error.row, field=names.get(error.field, error.field), message=error.message)
        for error in errors
    ]


def check_rows(
    rows: Iterable[tuple[int, dict[str, object]]],
    problems: Problems,
    *,
    names: dict[str, str] | None = None,
    **checks: Unpack[Checks],
) -> list[UnitRecord]:
    """The record of every (row, raw values), or ImportRejected with every problem, those the
    reader found before included."""
    checker = UnitChecker(problems=problems, names=names, **checks)
    records = UnitRecords(names=names)
    for row, values in rows:
        record = checker.check(row, values)
        if record is not None:
            records.append(record)
    problems.raise_if_any()
    return records
