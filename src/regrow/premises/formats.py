"""Reading and writing the register of shop units as GeoJSON, CSV and XLSX files.

The pure core of import and export: readers turn file bytes into checked plain records, writers
turn records back into file bytes. No database here. Readers are all-or-nothing: they check every
row, collect every problem and raise ImportRejected, so a coordinator can fix the whole file in one
go instead of meeting the problems one upload at a time.
"""

import csv
import functools
import gc
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import PurePath

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from shapely.errors import GEOSException
from shapely.geometry import shape
from shapely.validation import explain_validity

from regrow.premises.choices import Condition, Floor, ShopCategory, Status


@dataclass(frozen=True)
class UnitRecord:
    row: int
    external_id: str
    street: str
    house_number: str
    postcode: str
    display_address: str
    latitude: Decimal
    longitude: Decimal
    floor_area_m2: Decimal
    frontage_m: Decimal | None
    floor: str
    previous_use: str
    permitted_uses: tuple[str, ...]
    condition: str
    step_free_access: bool
    has_power: bool
    has_water: bool
    has_heating: bool
    asking_rent_cents_per_month: int | None
    notes: str
    listed_on: date | None
    status: str | None
    status_on: date | None


@dataclass(frozen=True)
class RowError:
    row: int  # 0 = the file as a whole
    field: str  # the column or property name as in the file, or "file"
    message: str


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError]):
        self.errors = sorted(errors, key=lambda error: (error.row, error.field))
        super().__init__(f"{len(self.errors)} problem(s) in the file")


class Format(StrEnum):
    GEOJSON = "geojson"
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True)
class ZoneRecord:
    row: int
    name: str
    geometry: dict


COLUMNS: tuple[str, ...] = (
    "external_id",
    "street",
    "house_number",
    "postcode",
    "address",
    "latitude",
    "longitude",
    "floor_area_m2",
    "frontage_m",
    "floor",
    "previous_use",
    "permitted_uses",
    "condition",
    "step_free_access",
    "power",
    "water",
    "heating",
    "asking_rent_eur",
    "notes",
    "listed_on",
    "status",
    "status_on",
)
_KNOWN_COLUMNS = frozenset(COLUMNS)
_REQUIRED_COLUMNS = ("external_id", "street", "floor_area_m2", "latitude", "longitude")
# In GeoJSON the position comes from the Point geometry, not from properties.
_REQUIRED_PROPERTIES = ("external_id", "street", "floor_area_m2")

# Beyond this many, a broken file's problems are counted rather than listed: nobody reads more.
_MAX_LISTED_PROBLEMS = 1000

_MICRODEGREE = Decimal("0.000001")
_HUNDREDTH = Decimal("0.01")
_ONE = Decimal(1)
# The largest values the database columns hold.
_MAX_FLOOR_AREA = Decimal("99999.99")
_MAX_FRONTAGE = Decimal("9999.99")
_MAX_RENT_EUR = Decimal("21474836.47")
_EARTH_RADIUS_KM = 6371.0088

_XLSX_SIGNATURE = b"PK\x03\x04"
_XLS_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ENCODINGS = {
    "utf-8": "utf-8-sig",
    "utf8": "utf-8-sig",
    "windows-1257": "cp1257",
    "cp1257": "cp1257",
}
_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "cp1257": "Windows-1257"}

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_USE_SEPARATORS = re.compile(r"[|,]")
_FIRST_LINE = re.compile(r"[^\r\n]*")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")

_YES_WORDS = frozenset({"yes", "true", "1", "y", "jā", "ja"})
_NO_WORDS = frozenset({"no", "false", "0", "n", "nē", "nein", ""})
_BOOLEAN_WORDS = "yes/no, true/false, 1/0, y/n, jā/nē, ja/nein"


# --- Problems -------------------------------------------------------------------------------


class _Invalid(ValueError):
    """A value that cannot be used; the message tells the person fixing the file why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _Problems:
    """Every problem found in a file, listing the first _MAX_LISTED_PROBLEMS of them."""

    def __init__(self) -> None:
        self.listed: list[RowError] = []
        self.unlisted = 0

    def add(self, row: int, field: str, message: str) -> None:
        if len(self.listed) < _MAX_LISTED_PROBLEMS:
            self.listed.append(RowError(row=row, field=field, message=message))
        else:
            self.unlisted += 1

    def raise_if_any(self) -> None:
        if self.unlisted:
            self.listed.append(
                RowError(
                    row=0,
                    field="file",
                    message=_(
                        "Only the first %(listed)s problems are listed; %(more)s more were not. "
                        "Fix these and import the file again to see the rest."
                    )
                    % {"listed": len(self.listed), "more": self.unlisted},
                )
            )
            self.unlisted = 0
        if self.listed:
            raise ImportRejected(self.listed)


def _rejected(message: str, *, row: int = 0, field: str = "file") -> ImportRejected:
    return ImportRejected([RowError(row=row, field=field, message=message)])


def _pausing_cycle_collection(read: Callable) -> Callable:
    """Run a reader with Python's cycle collector paused.

    A large file becomes millions of small objects and no reference cycles; the collector would
    re-scan them all again and again, which made reading 100,000 features twice as slow.
    """

    @functools.wraps(read)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return read(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper


# --- Values: each converter takes a raw cell or property value and returns a clean one --------


def _as_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, float) and raw.is_integer():
        # Spreadsheets hold house numbers and ids typed as numbers as 12.0.
        return str(int(raw))
    if isinstance(raw, (int, float, Decimal)):
        return str(raw)
    if isinstance(raw, date):
        return raw.isoformat()
    raise _Invalid(_("This must be plain text, not a list or an object."))


def _shown(raw: object) -> str:
    """A raw value as the person sees it in their file, for messages."""
    return raw.strip() if isinstance(raw, str) else str(raw)


# Text that a spreadsheet would take for a formula when it opens a CSV file.
FORMULA_STARTS = ("=", "+", "-", "@")


def _csv_text(value: str) -> str:
    """Exported text, with a leading apostrophe where a spreadsheet would run it as a formula
    (CSV injection); the readers take that apostrophe off again."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _text(max_length: int, *, required: bool = False) -> Callable[[object], str]:
    def convert(raw: object) -> str:
        text = raw.strip() if type(raw) is str else _as_text(raw)
        if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
            text = text[1:]
        if required and not text:
            raise _Invalid(_("This is required, but it is empty."))
        if len(text) > max_length:
            raise _Invalid(
                _("This is %(length)s characters long; at most %(max)s are allowed.")
                % {"length": len(text), "max": max_length}
            )
        return text

    return convert


def _number(raw: object) -> Decimal | None:
    """A number from a cell: real numbers as they are, text with a decimal point or comma."""
    if raw is None:
        return None
    if type(raw) is Decimal and raw.is_finite():
        return raw  # the usual case in GeoJSON, read with Decimal for floats
    if isinstance(raw, bool):
        raise _Invalid(_("“%(value)s” is not a number.") % {"value": raw})
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise _Invalid(_("“%(value)s” is not a number.") % {"value": raw})
        # repr gives the shortest text that is this float: 57.4244, not 57.42439999999999...
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise _Invalid(_("“%(value)s” is not a number.") % {"value": raw})
        return raw
    if not isinstance(raw, str):
        raise _Invalid(_("This must be a number, not a list or an object."))
    text = raw.strip()
    if not text:
        return None
    separators = text.count(",") + text.count(".")
    if separators > 1:
        # "1.234,5" or "1,234.5": a thousands separator, and guessing which is which is unsafe.
        raise _Invalid(
            _(
                "“%(value)s” has more than one decimal mark or a thousands separator. "
                "Write the number without thousands separators, such as 1234.5."
            )
            % {"value": text}
        )
    if "," in text:
        text = text.replace(",", ".")  # a decimal comma, as Latvian and German offices write
    if not _NUMBER.fullmatch(text):
        raise _Invalid(_("“%(value)s” is not a number.") % {"value": raw.strip()})
    return Decimal(text)


def _coordinate(limit: int) -> Callable[[object], Decimal]:
    def convert(raw: object) -> Decimal:
        value = _number(raw)
        if value is None:
            raise _Invalid(_("This is required, but it is empty."))
        if not -limit <= value <= limit:
            raise _Invalid(
                _("%(value)s is outside the range from -%(limit)s to %(limit)s.")
                % {"value": _shown(raw), "limit": limit}
            )
        return value.quantize(_MICRODEGREE, rounding=ROUND_HALF_UP)

    return convert


def _hundredths(value: Decimal, maximum: Decimal) -> Decimal | None:
    """`value` rounded to 2 decimals, or None if it is not more than 0 once rounded."""
    if value <= 0:
        return None
    if value > maximum:
        raise _Invalid(
            _("%(value)s is more than the largest allowed, %(max)s.")
            % {"value": value, "max": maximum}
        )
    rounded = value.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)
    return rounded if rounded > 0 else None


def _floor_area(raw: object) -> Decimal:
    value = _number(raw)
    if value is None:
        raise _Invalid(_("This is required, but it is empty."))
    area = _hundredths(value, _MAX_FLOOR_AREA)
    if area is None:
        raise _Invalid(_("The floor area must be more than 0 m²."))
    return area


def _frontage(raw: object) -> Decimal | None:
    value = _number(raw)
    if value is None:
        return None
    frontage = _hundredths(value, _MAX_FRONTAGE)
    if frontage is None:
        raise _Invalid(_("The frontage must be more than 0 m, or left empty."))
    return frontage


def _rent_cents(raw: object) -> int | None:
    value = _number(raw)
    if value is None:
        return None
    if value < 0:
        raise _Invalid(_("The rent cannot be less than 0."))
    if value > _MAX_RENT_EUR:
        raise _Invalid(
            _("%(value)s is more than the largest allowed, %(max)s.")
            % {"value": value, "max": _MAX_RENT_EUR}
        )
    return int((value * 100).quantize(_ONE, rounding=ROUND_HALF_UP))


def _flag(raw: object) -> bool:
    if raw is None:
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    word = raw.strip().lower() if isinstance(raw, str) else None
    if word in _YES_WORDS:
        return True
    if word in _NO_WORDS:
        return False
    raise _Invalid(
        _("“%(value)s” is not yes or no. Write one of: %(words)s.")
        % {"value": _shown(raw), "words": _BOOLEAN_WORDS}
    )


def _date(raw: object) -> date | None:
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = raw.strip() if isinstance(raw, str) else None
    if text == "":
        return None
    if text and len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)  # the usual case, and much faster than a regex
        except ValueError:
            pass  # not a real date, or not digits: the slower path below says which
    if text and (match := _ISO_DATE.fullmatch(text)):
        year, month, day = match.groups()
    elif text and (match := _DOTTED_DATE.fullmatch(text)):
        day, month, year = match.groups()
    else:
        raise _Invalid(
            _("“%(value)s” is not a date. Write it as YYYY-MM-DD or DD.MM.YYYY.")
            % {"value": _shown(raw)}
        )
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise _Invalid(_("“%(value)s” is not a real date.") % {"value": text}) from error


def _code(choices: type, *, default: str | None) -> Callable[[object], str | None]:
    allowed = frozenset(choices.values)
    listing = ", ".join(choices.values)

    def convert(raw: object) -> str | None:
        text = _as_text(raw)
        if not text:
            return default
        code = text.lower()
        if code not in allowed:
            raise _Invalid(
                _("“%(value)s” is not a known code. Use one of: %(codes)s.")
                % {"value": text, "codes": listing}
            )
        return code

    return convert


_USES = frozenset(ShopCategory.values)
_USES_LISTING = ", ".join(ShopCategory.values)


def _uses(raw: object) -> tuple[str, ...]:
    if raw is None or raw == "":
        return ()
    parts = [_as_text(part) for part in raw] if isinstance(raw, list) else None
    if parts is None:
        parts = _USE_SEPARATORS.split(_as_text(raw))
    codes = {part.strip().lower() for part in parts if part.strip()}
    unknown = sorted(codes - _USES)
    if unknown:
        raise _Invalid(
            _("%(values)s: not a known use. Use codes from: %(codes)s, separated by “|”.")
            % {"values": ", ".join(f"“{code}”" for code in unknown), "codes": _USES_LISTING}
        )
    return tuple(sorted(codes))


# Column name -> converter, in the order problems are found within a row.
_CONVERTERS: dict[str, Callable[[object], object]] = {
    "external_id": _text(64, required=True),
    "street": _text(120, required=True),
    "house_number": _text(20),
    "postcode": _text(20),
    "address": _text(200),
    "latitude": _coordinate(90),
    "longitude": _coordinate(180),
    "floor_area_m2": _floor_area,
    "frontage_m": _frontage,
    "floor": _code(Floor, default=Floor.GROUND.value),
    "previous_use": _code(ShopCategory, default=""),
    "permitted_uses": _uses,
    "condition": _code(Condition, default=Condition.READY.value),
    "step_free_access": _flag,
    "power": _flag,
    "water": _flag,
    "heating": _flag,
    "asking_rent_eur": _rent_cents,
    "notes": _text(2000),
    "listed_on": _date,
    "status": _code(Status, default=None),
    "status_on": _date,
}

_CONVERTER_ITEMS = tuple(_CONVERTERS.items())


def _empty_values() -> dict[str, object]:
    values = {}
    for column, convert in _CONVERTERS.items():
        try:
            values[column] = convert(None)
        except _Invalid:
            continue  # required: an empty cell is a problem to report
    return values


# What an empty cell means in each optional column.
_EMPTY_VALUES = _empty_values()

# A value the reader has already reported as broken (a GeoJSON feature without a usable point):
# the checker must not report it again as missing.
_REPORTED = object()


def _plain(value: Decimal) -> str:
    """57.424400 as 57.4244, and 30.000000 as 30 (not 3E+1), for messages."""
    return format(value.normalize(), "f")


_RADIANS_PER_DEGREE = math.pi / 180


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


class _UnitChecker:
    """Turns one row's raw values into a UnitRecord, reporting every problem to `problems`."""

    def __init__(
        self,
        *,
        problems: _Problems,
        today: date,
        centre: tuple[Decimal, Decimal] | None,
        max_distance_km: float,
    ):
        self.problems = problems
        self.today = today
        self.centre = _Centre(*centre) if centre else None
        self.max_distance_km = max_distance_km
        self.first_row_of: dict[str, int] = {}

    def check(self, row: int, values: dict[str, object]) -> UnitRecord | None:
        add = self.problems.add
        get = values.get
        clean: dict[str, object] = {}
        ok = True
        for column, convert in _CONVERTER_ITEMS:
            raw = get(column)
            if raw is None or (type(raw) is str and not raw):
                # Most optional cells are empty: skip the conversion, it is always the same.
                if column in _EMPTY_VALUES:
                    clean[column] = _EMPTY_VALUES[column]
                    continue
            elif raw is _REPORTED:
                ok = False
                continue
            try:
                clean[column] = convert(raw)
            except _Invalid as problem:
                add(row, column, problem.message)
                ok = False
        ok = self._unique(row, clean) and ok
        ok = self._near_centre(row, clean) and ok
        ok = self._dates_in_order(row, clean) and ok
        if not ok:
            return None
        street, house_number = clean["street"], clean["house_number"]
        return UnitRecord(
            row=row,
            external_id=clean["external_id"],
            street=street,
            house_number=house_number,
            postcode=clean["postcode"],
            display_address=clean["address"] or f"{street} {house_number}".strip(),
            latitude=clean["latitude"],
            longitude=clean["longitude"],
            floor_area_m2=clean["floor_area_m2"],
            frontage_m=clean["frontage_m"],
            floor=clean["floor"],
            previous_use=clean["previous_use"],
            permitted_uses=clean["permitted_uses"],
            condition=clean["condition"],
            step_free_access=clean["step_free_access"],
            has_power=clean["power"],
            has_water=clean["water"],
            has_heating=clean["heating"],
            asking_rent_cents_per_month=clean["asking_rent_eur"],
            notes=clean["notes"],
            listed_on=clean["listed_on"],
            status=clean["status"],
            status_on=clean["status_on"],
        )

    def _unique(self, row: int, clean: dict) -> bool:
        external_id = clean.get("external_id")
        if not external_id:
            return True
        first = self.first_row_of.setdefault(external_id, row)
        if first == row:
            return True
        self.problems.add(
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
        self.problems.add(
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
            self.problems.add(
                row, "listed_on", _("%(date)s is in the future.") % {"date": listed_on}
            )
            ok = False
        status_on = clean.get("status_on")
        if not status_on:
            return ok
        if "status" in clean and clean["status"] is None:
            self.problems.add(
                row,
                "status_on",
                _("There is a date but no status; fill in “status” or clear this date."),
            )
            return False
        if status_on > self.today:
            self.problems.add(
                row, "status_on", _("%(date)s is in the future.") % {"date": status_on}
            )
            return False
        if listed_on and status_on < listed_on:
            self.problems.add(
                row,
                "status_on",
                _("%(status_on)s is before the unit was listed on %(date)s.")
                % {"status_on": status_on, "date": listed_on},
            )
            return False
        return ok


# --- Format detection -----------------------------------------------------------------------


def detect_format(data: bytes, filename: str = "") -> Format:
    """The file's format, from its content where that is certain, else from its name."""
    if data.startswith(_XLSX_SIGNATURE):
        return Format.XLSX
    head = data[:4096].removeprefix(_UTF8_BOM).lstrip()
    if head.startswith(b"{"):
        return Format.GEOJSON
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(_XLS_SIGNATURE) or suffix == ".xls":
        raise _rejected(
            _("Old Excel .xls files cannot be read. Save the file as .xlsx or as “CSV UTF-8”.")
        )
    by_suffix = {
        ".geojson": Format.GEOJSON,
        ".json": Format.GEOJSON,
        ".csv": Format.CSV,
        ".txt": Format.CSV,
        ".xlsx": Format.XLSX,
    }
    if suffix in by_suffix:
        return by_suffix[suffix]
    raise _rejected(
        _(
            "The file's format cannot be recognised. Use a GeoJSON, CSV or XLSX file whose name "
            "ends in .geojson, .csv or .xlsx."
        )
    )


def read_units(
    data: bytes,
    *,
    filename: str = "",
    today: date,
    centre: tuple[Decimal, Decimal] | None = None,
    max_distance_km: float = 50.0,
    encoding: str = "auto",
) -> list[UnitRecord]:
    """Every unit in a GeoJSON, CSV or XLSX file, or ImportRejected listing every problem."""
    options = {
        "filename": filename,
        "today": today,
        "centre": centre,
        "max_distance_km": max_distance_km,
    }
    file_format = detect_format(data, filename)
    if file_format is Format.CSV:
        return read_csv(data, encoding=encoding, **options)
    if file_format is Format.XLSX:
        return read_xlsx(data, **options)
    return read_geojson(data, **options)


# --- GeoJSON --------------------------------------------------------------------------------


def _reject_constant(name: str) -> object:
    raise ValueError(name)  # NaN and Infinity are not JSON, and not places


def _features(data: bytes, *, parse_float: Callable[[str], object]) -> list:
    """The `features` of a GeoJSON FeatureCollection, or ImportRejected saying what is wrong."""
    try:
        document = json.loads(data, parse_float=parse_float, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise _rejected(
            _(
                "The file is not valid JSON: the problem is at line %(line)s, column %(column)s. "
                "Export it again, or check it with a GeoJSON validator."
            )
            % {"line": error.lineno, "column": error.colno}
        ) from None
    except (ValueError, RecursionError):
        raise _rejected(
            _("The file is not valid JSON in UTF-8. Export it again as GeoJSON.")
        ) from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise _rejected(
            _("The file is not a GeoJSON FeatureCollection. Export the layer as GeoJSON.")
        )
    features = document.get("features")
    if not isinstance(features, list):
        raise _rejected(_("The FeatureCollection has no list of “features”."))
    return features


def _column_name(key: object) -> str | None:
    name = str(key).replace("\ufeff", "").strip().lower() if key is not None else ""
    return name if name in _KNOWN_COLUMNS else None


_UNSEEN = object()
_JSON_NUMBERS = frozenset({int, Decimal})


def _known_values(properties: dict, names: dict) -> dict[str, object]:
    """The properties that are known columns, by their normalised names (`names` caches these)."""
    values: dict[str, object] = {}
    for key, value in properties.items():
        column = names.get(key, _UNSEEN)
        if column is _UNSEEN:
            column = names[key] = _column_name(key)
        if column is not None and column not in values:
            values[column] = value
    return values


def _point(row: int, geometry: object, problems: _Problems) -> tuple[object, object]:
    """The (latitude, longitude) of a Point geometry, or _REPORTED twice after a problem."""
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        problems.add(
            row,
            "geometry",
            _("The feature has no Point geometry; every unit needs a point where it is."),
        )
        return _REPORTED, _REPORTED
    coordinates = geometry.get("coordinates")
    if isinstance(coordinates, list) and len(coordinates) == 2:
        longitude, latitude = coordinates
        # Exact types: JSON true and false are ints to isinstance, but no coordinates.
        if type(longitude) in _JSON_NUMBERS and type(latitude) in _JSON_NUMBERS:
            return latitude, longitude
    problems.add(
        row,
        "geometry",
        _("The point's coordinates must be two numbers: [longitude, latitude]."),
    )
    return _REPORTED, _REPORTED


@_pausing_cycle_collection
def read_geojson(
    data: bytes,
    *,
    filename: str = "",
    today: date,
    centre: tuple[Decimal, Decimal] | None = None,
    max_distance_km: float = 50.0,
) -> list[UnitRecord]:
    # Decimal keeps coordinates exactly as written; binary floats would not.
    features = _features(data, parse_float=Decimal)
    problems = _Problems()
    names: dict = {}
    rows: list[tuple[int, dict[str, object]]] = []
    for row, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            problems.add(row, "file", _("This feature is not a GeoJSON Feature object."))
            continue
        properties = feature.get("properties")
        if properties is None:
            properties = {}
        elif not isinstance(properties, dict):
            problems.add(row, "properties", _("The feature's properties must be an object."))
            properties = {}
        values = _known_values(properties, names)
        values["latitude"], values["longitude"] = _point(row, feature.get("geometry"), problems)
        rows.append((row, values))
    missing = [
        column
        for column in _REQUIRED_PROPERTIES
        if rows and not any(column in values for _row, values in rows)
    ]
    for column in missing:
        problems.add(1, column, _("The file has no “%(column)s” property.") % {"column": column})
    if missing:
        # Without a whole property there is no point checking feature after feature for it.
        problems.raise_if_any()
    checker = _UnitChecker(
        problems=problems, today=today, centre=centre, max_distance_km=max_distance_km
    )
    records = []
    for row, values in rows:
        record = checker.check(row, values)
        if record is not None:
            records.append(record)
    problems.raise_if_any()
    return records


def _json_number(value: Decimal | None) -> float | None:
    # Exact: every register value has at most 9 significant digits, which floats print back.
    return None if value is None else float(value)


def _euros(cents: int | None) -> Decimal | None:
    return None if cents is None else Decimal(cents).scaleb(-2)


def write_geojson(records: Iterable[UnitRecord]) -> bytes:
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [float(record.longitude), float(record.latitude)],
            },
            "properties": {
                "external_id": record.external_id,
                "street": record.street,
                "house_number": record.house_number or None,
                "postcode": record.postcode or None,
                "address": record.display_address or None,
                "floor_area_m2": _json_number(record.floor_area_m2),
                "frontage_m": _json_number(record.frontage_m),
                "floor": record.floor or None,
                "previous_use": record.previous_use or None,
                "permitted_uses": list(record.permitted_uses),
                "condition": record.condition or None,
                "step_free_access": record.step_free_access,
                "power": record.has_power,
                "water": record.has_water,
                "heating": record.has_heating,
                "asking_rent_eur": _json_number(_euros(record.asking_rent_cents_per_month)),
                "notes": record.notes or None,
                "listed_on": record.listed_on.isoformat() if record.listed_on else None,
                "status": record.status or None,
                "status_on": record.status_on.isoformat() if record.status_on else None,
            },
        }
        for record in records
    ]
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


# --- Tables: CSV and XLSX -------------------------------------------------------------------


def _is_blank(cells: Sequence[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _read_table(
    rows: Iterable[tuple[int, Sequence[object]]],
    *,
    today: date,
    centre: tuple[Decimal, Decimal] | None,
    max_distance_km: float,
) -> list[UnitRecord]:
    """Units from (row number, cells) pairs whose first non-blank row is the header."""
    rows = iter(rows)
    header_row, header = next(
        ((row, cells) for row, cells in rows if not _is_blank(cells)), (0, None)
    )
    if header is None:
        raise _rejected(_("The file is empty: it has no header row and no units."))
    problems = _Problems()
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = _column_name(cell)
        if column is None:
            continue  # other columns are the file owner's business
        if column in positions:
            problems.add(
                header_row,
                column,
                _("The “%(column)s” column appears twice; keep one.") % {"column": column},
            )
        positions[column] = positions.get(column, index)
    for column in _REQUIRED_COLUMNS:
        if column not in positions:
            problems.add(
                header_row, column, _("The file has no “%(column)s” column.") % {"column": column}
            )
    problems.raise_if_any()
    checker = _UnitChecker(
        problems=problems, today=today, centre=centre, max_distance_km=max_distance_km
    )
    columns = list(positions.items())
    records = []
    for row, cells in rows:
        if _is_blank(cells):
            continue
        width = len(cells)
        values = {column: cells[index] for column, index in columns if index < width}
        record = checker.check(row, values)
        if record is not None:
            records.append(record)
    problems.raise_if_any()
    return records


def _decode(data: bytes, encoding: str) -> str:
    """CSV bytes as text, or ImportRejected telling the user how to save the file instead."""
    save_as_utf8 = _(
        "The file is saved as UTF-16 or another encoding that cannot be read. Open it in your "
        "spreadsheet program and save it as “CSV UTF-8”."
    )
    if data.startswith(_UTF16_BOMS) or b"\x00" in data:
        raise _rejected(save_as_utf8)
    if encoding == "auto":
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass  # Baltic offices' spreadsheets save CSV as Windows-1257: try that next
        try:
            text = data.decode("cp1257")
        except UnicodeDecodeError:
            raise _rejected(save_as_utf8) from None
        if _C1_CONTROLS.search(text):
            raise _rejected(save_as_utf8)
        return text
    codec = _ENCODINGS.get(encoding.lower())
    if codec is None:
        raise ValueError(f"Unknown encoding {encoding!r}; use auto, utf-8 or windows-1257.")
    if data.startswith(_UTF8_BOM):
        codec = "utf-8-sig"  # the mark says UTF-8 for certain, whatever was chosen
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        other = "Windows-1257" if codec == "utf-8-sig" else "UTF-8"
        raise _rejected(
            _(
                "Line %(line)s cannot be read as %(encoding)s. Choose %(other)s as the encoding, "
                "or save the file as “CSV UTF-8”."
            )
            % {
                "line": data.count(b"\n", 0, error.start) + 1,
                "encoding": _ENCODING_NAMES[codec],
                "other": other,
            }
        ) from None


def _delimiter(text: str) -> str:
    """“;” if the header line has more semicolons than commas outside quotes, else “,”."""
    header = _FIRST_LINE.match(text).group()
    commas = semicolons = 0
    quoted = False
    for character in header:
        if character == '"':
            quoted = not quoted
        elif not quoted:
            commas += character == ","
            semicolons += character == ";"
    return ";" if semicolons > commas else ","


def _csv_rows(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    """(line where the record starts, cells) for every record; quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise _rejected(
            _("Line %(line)s cannot be read as CSV: %(reason)s.")
            % {"line": reader.line_num, "reason": error},
            row=reader.line_num,
        ) from None


@_pausing_cycle_collection
def read_csv(
    data: bytes,
    *,
    filename: str = "",
    today: date,
    centre: tuple[Decimal, Decimal] | None = None,
    max_distance_km: float = 50.0,
    encoding: str = "auto",
) -> list[UnitRecord]:
    text = _decode(data, encoding)
    return _read_table(
        _csv_rows(text, _delimiter(text)),
        today=today,
        centre=centre,
        max_distance_km=max_distance_km,
    )


@_pausing_cycle_collection
def read_xlsx(
    data: bytes,
    *,
    filename: str = "",
    today: date,
    centre: tuple[Decimal, Decimal] | None = None,
    max_distance_km: float = 50.0,
) -> list[UnitRecord]:
    not_xlsx = _(
        "The file cannot be read as an Excel workbook (.xlsx). Save it again as .xlsx, "
        "or as “CSV UTF-8”."
    )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # damaged files fail in many ways deep in zipfile and XML parsing
        raise _rejected(not_xlsx) from None
    try:
        sheet = workbook.worksheets[0]
        # Read all rows now, so a file damaged half-way is rejected here and not later.
        rows = list(enumerate(sheet.iter_rows(values_only=True), start=1))
    except Exception:
        raise _rejected(not_xlsx) from None
    finally:
        workbook.close()
    return _read_table(rows, today=today, centre=centre, max_distance_km=max_distance_km)


def _csv_decimal(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def write_csv(records: Iterable[UnitRecord]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(
            [
                _csv_text(record.external_id),
                _csv_text(record.street),
                _csv_text(record.house_number),
                _csv_text(record.postcode),
                _csv_text(record.display_address),
                _csv_decimal(record.latitude),
                _csv_decimal(record.longitude),
                _csv_decimal(record.floor_area_m2),
                _csv_decimal(record.frontage_m),
                record.floor,
                record.previous_use,
                "|".join(record.permitted_uses),
                record.condition,
                _yes_no(record.step_free_access),
                _yes_no(record.has_power),
                _yes_no(record.has_water),
                _yes_no(record.has_heating),
                _csv_decimal(_euros(record.asking_rent_cents_per_month)),
                _csv_text(record.notes),
                record.listed_on.isoformat() if record.listed_on else "",
                record.status or "",
                record.status_on.isoformat() if record.status_on else "",
            ]
        )
    # With the byte order mark, spreadsheet programs open the file as UTF-8 and not as ANSI.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_text(sheet, value: str | None) -> object:
    if not value:
        return None
    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XLSX cannot hold
    if not value.startswith("="):
        return value
    # openpyxl would store this as a formula, which spreadsheets then run: keep it text.
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def write_xlsx(records: Iterable[UnitRecord]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("units")
    bold = Font(bold=True)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for record in records:
        sheet.append(
            [
                _xlsx_text(sheet, record.external_id),
                _xlsx_text(sheet, record.street),
                _xlsx_text(sheet, record.house_number),
                _xlsx_text(sheet, record.postcode),
                _xlsx_text(sheet, record.display_address),
                record.latitude,
                record.longitude,
                record.floor_area_m2,
                record.frontage_m,
                record.floor,
                record.previous_use or None,
                "|".join(record.permitted_uses) or None,
                record.condition,
                _yes_no(record.step_free_access),
                _yes_no(record.has_power),
                _yes_no(record.has_water),
                _yes_no(record.has_heating),
                _euros(record.asking_rent_cents_per_month),
                _xlsx_text(sheet, record.notes),
                record.listed_on,
                record.status,
                record.status_on,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_WRITERS: dict[Format, Callable[[Iterable[UnitRecord]], bytes]] = {
    Format.GEOJSON: write_geojson,
    Format.CSV: write_csv,
    Format.XLSX: write_xlsx,
}


def write_units(records: Iterable[UnitRecord], fmt: Format) -> bytes:
    return _WRITERS[Format(fmt)](records)


# --- Zones ----------------------------------------------------------------------------------


def _zone_geometry(geometry: object) -> dict:
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise _Invalid(_("A zone must be a GeoJSON Polygon or MultiPolygon."))
    try:
        polygon = shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, GEOSException):
        raise _Invalid(_("The zone's coordinates cannot be read.")) from None
    if polygon.is_empty or not polygon.is_valid:
        raise _Invalid(
            _("The zone's outline crosses itself or encloses no area (%(reason)s).")
            % {"reason": explain_validity(polygon) if not polygon.is_empty else "empty"}
        )
    min_x, min_y, max_x, max_y = polygon.bounds
    if min_x < -180 or max_x > 180 or min_y < -90 or max_y > 90:
        raise _Invalid(_("The zone's coordinates are outside longitude and latitude ranges."))
    return {"type": geometry["type"], "coordinates": geometry["coordinates"]}


_zone_name = _text(120, required=True)


def read_zones(data: bytes) -> list[ZoneRecord]:
    """Named zones from a GeoJSON FeatureCollection of polygons; all or nothing, like units."""
    # Plain floats: the geometry is stored as JSON, which cannot hold Decimals.
    features = _features(data, parse_float=float)
    problems = _Problems()
    first_row_of: dict[str, int] = {}
    records = []
    for row, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            problems.add(row, "file", _("This feature is not a GeoJSON Feature object."))
            continue
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            properties = {}
        by_name = {str(key).strip().lower(): value for key, value in properties.items()}
        name = geometry = None
        try:
            name = _zone_name(by_name.get("name"))
        except _Invalid as problem:
            problems.add(row, "name", problem.message)
        try:
            geometry = _zone_geometry(feature.get("geometry"))
        except _Invalid as problem:
            problems.add(row, "geometry", problem.message)
        if name and first_row_of.setdefault(name, row) != row:
            problems.add(
                row,
                "name",
                _("“%(name)s” is also used in row %(first)s; every zone needs its own name.")
                % {"name": name, "first": first_row_of[name]},
            )
        elif name and geometry:
            records.append(ZoneRecord(row=row, name=name, geometry=geometry))
    problems.raise_if_any()
    return records
