"""What every reader gives: observations as plain records, and the checks their values share."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from regrow.indicators.periods import Period
from regrow.lib.tabular.problems import Invalid
from regrow.lib.tabular.values import number

# Observations keep four decimal places and at most fifteen digits (Observation.value).
VALUE_PLACES = Decimal("0.0001")
MAX_VALUE = Decimal("99999999999.9999")
MAX_CODE_LENGTH = 50
MAX_FLAGS_LENGTH = 8
MAX_SOURCE_LENGTH = 200
_FLAGS = re.compile(r"[A-Za-z]{1,8}")


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    """One value of a file: where it is (row, and column or JSON path), the codes of its region
    and indicator as the file writes them, its period, value, flags and source."""

    row: int  # the line of a CSV or TSV file; 0 in JSON, where `field` is the path
    field: str
    region: str
    indicator: str  # "" when the file does not say (the importer names it)
    period: Period
    value: Decimal
    flags: str = ""
    source: str = ""


@dataclass
class Reading:
    """What a reader found before going through the values: an iterator of records (problems
    with them go to the Problems given to the reader), at most how many there are, the regions'
    names where the file gives them, and the file's own title and source."""

    records: Iterator[ObservationRecord]
    expected: int
    region_labels: dict[str, str] = field(default_factory=dict)
    title: str = ""
    source: str = ""
    # Values the file leaves out (":" in Eurostat's files, null in JSON-stat), counted as read.
    missing: Callable[[], int] = lambda: 0


def plain(value: Decimal) -> str:
    """A value without the zeros its four decimal places add, never in E notation: 100, 6.5."""
    return format(value.normalize(), "f")


def observation_value(raw: object) -> Decimal:
    """A value as an observation keeps it (four decimal places), or Invalid."""
    value = number(raw)
    if value is None:
        raise Invalid(_("The value is empty."))
    value = value.quantize(VALUE_PLACES) if abs(value) <= MAX_VALUE else None
    if value is None:
        raise Invalid(
            _("“%(value)s” is too large: values may have at most eleven digits before the point.")
            % {"value": raw if isinstance(raw, str) else str(raw)}
        )
    return value


def observation_flags(raw: object) -> str:
    """Flags as statistics offices give them (p provisional, e estimated, b break in series):
    one to eight letters, kept as written; empty for none."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise Invalid(_("Flags must be letters, such as p or e."))
    written = raw.strip()
    if written and not _FLAGS.fullmatch(written):
        raise Invalid(
            _("“%(value)s” is not a flag: flags are one to eight letters, such as p or e.")
            % {"value": written}
        )
    return written


def _code(raw: object, empty: str) -> str:
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise Invalid(_("This must be a code, such as LV0360201 or population."))
    written = str(raw).strip()
    if not written:
        raise Invalid(empty)
    if len(written) > MAX_CODE_LENGTH:
        raise Invalid(
            _("This code is %(length)s characters long; at most %(max)s are allowed.")
            % {"length": len(written), "max": MAX_CODE_LENGTH}
        )
    return written


def region_code(raw: object) -> str:
    """A town's or region's code as the file writes it."""
    return _code(raw, _("The town or region is empty."))


def indicator_code(raw: object) -> str:
    """An indicator's code as the file writes it."""
    return _code(raw, _("The indicator is empty."))


def source_text(raw: object) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, (str, int, float, Decimal)) or isinstance(raw, bool):
        raise Invalid(_("The source must be text."))
    written = str(raw).strip()
    if len(written) > MAX_SOURCE_LENGTH:
        raise Invalid(
            _("The source is %(length)s characters long; at most %(max)s are allowed.")
            % {"length": len(written), "max": MAX_SOURCE_LENGTH}
        )
    return written
