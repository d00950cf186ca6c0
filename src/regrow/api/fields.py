"""Types for the API's input that accept what the OpenAPI document says they accept, no more.

By default pydantic also takes `1` or `"yes"` for a boolean, `true` for an integer, a number of
seconds since 1970 for a date, and `"1e5"` for a decimal. The document promises JSON's types and
ISO dates, so a client that relies on more would be relying on something undocumented.
"""

import re
from datetime import date
from decimal import Decimal
from typing import Annotated

from django.utils.translation import gettext as _
from pydantic import BeforeValidator, Strict, WithJsonSchema

Boolean = Annotated[bool, Strict()]
Integer = Annotated[int, Strict()]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLAIN_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)$"


def _iso_date(value: object) -> object:
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError(_("Enter a date as YYYY-MM-DD."))


def _plain_number(value: object) -> object:
    if isinstance(value, bool):  # a bool is an int to Python, not a number to JSON
        raise ValueError(_("Enter a number."))
    if isinstance(value, str) and not re.fullmatch(_PLAIN_NUMBER, value):
        raise ValueError(_("Enter a number in plain notation, such as 57.4227."))
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Number = Annotated[
    Decimal,
    BeforeValidator(_plain_number),
    WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _PLAIN_NUMBER}]},
        mode="validation",
    ),
]
