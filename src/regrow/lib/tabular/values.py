"""Cell values as people type them: text, numbers with decimal commas, dates, yes and no.

Each converter takes a raw cell (text from CSV, a typed value from XLSX or JSON, or None for an
empty cell) and returns a clean value, or raises Invalid with a message for the person fixing it.
"""

import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Invalid
from regrow.lib.tabular.writing import unescape_formula

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")

# Yes and no as offices in the partner towns write them (English, Latvian, German).
YES_WORDS = frozenset({"yes", "true", "1", "y", "jā", "ja"})
NO_WORDS = frozenset({"no", "false", "0", "n", "nē", "nein", ""})
BOOLEAN_WORDS = "yes/no, true/false, 1/0, y/n, jā/nē, ja/nein"


def as_text(raw: object) -> str:
    """Any scalar cell as stripped text; lists and objects (from JSON) are refused."""
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
    raise Invalid(_("This must be plain text, not a list or an object."))


def shown(raw: object) -> str:
    """A raw value as the person sees it in their file, for messages."""
    return raw.strip() if isinstance(raw, str) else str(raw)


def text(max_length: int, *, required: bool = False) -> Callable[[object], str]:
    """A converter to text of at most `max_length` characters, empty allowed unless required."""

    def convert(raw: object) -> str:
        value = unescape_formula(raw.strip() if type(raw) is str else as_text(raw))
        if required and not value:
            raise Invalid(_("This is required, but it is empty."))
        if len(value) > max_length:
            raise Invalid(
                _("This is %(length)s characters long; at most %(max)s are allowed.")
                % {"length": len(value), "max": max_length}
            )
        return value

    return convert


def _not_a_number(raw: object) -> Invalid:
    return Invalid(_("“%(value)s” is not a number.") % {"value": shown(raw)})


def number(raw: object) -> Decimal | None:
    """A number from a cell: real numbers as they are, text with a decimal point or comma."""
    if raw is None:
        return None
    if type(raw) is Decimal and raw.is_finite():
        return raw  # the usual case in JSON read with Decimal for floats
    if isinstance(raw, bool):
        raise _not_a_number(raw)
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise _not_a_number(raw)
        # repr gives the shortest text that is this float: 57.4244, not 57.42439999999999...
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise _not_a_number(raw)
        return raw
    if not isinstance(raw, str):
        raise Invalid(_("This must be a number, not a list or an object."))
    written = raw.strip()
    if not written:
        return None
    if written.count(",") + written.count(".") > 1:
        # "1.234,5" or "1,234.5": a thousands separator, and guessing which is which is unsafe.
        raise Invalid(
            _(
                "“%(value)s” has more than one decimal mark or a thousands separator. "
                "Write the number without thousands separators, such as 1234.5."
            )
            % {"value": written}
        )
    # A decimal comma, as Latvian and German offices write.
    plain = written.replace(",", ".")
    if not _NUMBER.fullmatch(plain):
        raise _not_a_number(written)
    return Decimal(plain)


def flag(raw: object) -> bool:
    """Yes or no, written in one of several languages; an empty cell is no."""
    if raw is None:
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    word = raw.strip().lower() if isinstance(raw, str) else None
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise Invalid(
        _("“%(value)s” is not yes or no. Write one of: %(words)s.")
        % {"value": shown(raw), "words": BOOLEAN_WORDS}
    )


def date_value(raw: object) -> date | None:
    """A date from a date cell, or from text as YYYY-MM-DD or DD.MM.YYYY; empty is None."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    written = raw.strip() if isinstance(raw, str) else None
    if written == "":
        return None
    if written and len(written) == 10 and written[4] == "-" and written[7] == "-":
        try:
            return date.fromisoformat(written)  # the usual case, and much faster than a regex
        except ValueError:
            pass  # not a real date, or not digits: the slower path below says which
    if written and (match := _ISO_DATE.fullmatch(written)):
        year, month, day = match.groups()
    elif written and (match := _DOTTED_DATE.fullmatch(written)):
        day, month, year = match.groups()
    else:
        raise Invalid(
            _("“%(value)s” is not a date. Write it as YYYY-MM-DD or DD.MM.YYYY.")
            % {"value": shown(raw)}
        )
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise Invalid(_("“%(value)s” is not a real date.") % {"value": written}) from error


def code(allowed: Iterable[str], *, default: str | None) -> Callable[[object], str | None]:
    """A converter to one of the `allowed` codes, in any letter case; empty gives `default`."""
    allowed = tuple(allowed)
    known = frozenset(allowed)
    listing = ", ".join(allowed)

    def convert(raw: object) -> str | None:
        written = as_text(raw)
        if not written:
            return default
        value = written.lower()
        if value not in known:
            raise Invalid(
                _("“%(value)s” is not a known code. Use one of: %(codes)s.")
                % {"value": written, "codes": listing}
            )
        return value

    return convert
