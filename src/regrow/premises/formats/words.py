"""The words of unit files in every language the site offers: codes, yes and no, column titles.

A file may write a unit's codes and name its columns in English, as other programs do
("vacant", "floor_area_m2"), or in any language the site is offered in ("Tukšs", "Platība, m²").
Readers take all of them; writers write one language. The English codes always keep their
meaning, and a translated word that would mean two things is taken for neither:
tests/premises/test_import_language.py checks that the catalogues hold no such word.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import TextChoices
from django.dispatch import receiver
from django.utils import translation
from django.utils.formats import get_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from regrow.lib.tabular import values
from regrow.lib.tabular.problems import Invalid
from regrow.lib.tabular.values import as_text

# The language of the codes themselves, which other programs read and write.
ENGLISH = "en"
# Yes and no as a file in each language writes them (the readers also take lib.tabular's words).
YES = pgettext_lazy("a value in a file", "yes")
NO = pgettext_lazy("a value in a file", "no")

T = TypeVar("T")


def normal(text: str) -> str:
    """A word as files are compared: lower case, spaces around and within made single."""
    return " ".join(text.split()).lower()


def file_languages() -> list[str]:
    """The languages a file can be written in: English (the codes) first, then those offered."""
    return [ENGLISH, *(code for code, _name in settings.LANGUAGES if code != ENGLISH)]


@dataclass(frozen=True)
class WordMap:
    """The code each word means in any offered language (English codes first), and the words
    that were left out because they would mean two codes."""

    codes: dict[str, str]  # normal(word) -> code
    ambiguous: tuple[str, ...]


def word_map(entries: Iterable[tuple[str, str | Promise]], languages: Iterable[str]) -> WordMap:
    """Every (code, label) pair's code and its label translated into each of `languages`."""
    entries = list(entries)
    codes = {normal(code): code for code, _label in entries}
    meanings: dict[str, set[str]] = {}
    for language in languages:
        with translation.override(language):
            for code, label in entries:
                meanings.setdefault(normal(str(label)), set()).add(code)
    ambiguous = []
    for word, meant in meanings.items():
        if word in codes:
            if meant != {codes[word]}:
                ambiguous.append(word)  # a label spelled as another code: the code wins
        elif len(meant) == 1:
            codes[word] = next(iter(meant))
        else:
            ambiguous.append(word)
    return WordMap(codes=codes, ambiguous=tuple(sorted(ambiguous)))


# The values per_offered_languages built, each in a one-item list; emptied when the offered
# languages change (tests change them).
_BUILT: list[list] = []


def per_offered_languages(build: Callable[[tuple[str, ...]], T]) -> Callable[[], T]:
    """`build(languages)` for the languages offered now, built once.

    A reader asks for every cell, so this must cost no more than a look in a list: reading
    settings.LANGUAGES each time made reading a file twice as slow.
    """
    built: list = []
    _BUILT.append(built)

    def current() -> T:
        if not built:
            built.append(build(tuple(code for code, _name in settings.LANGUAGES)))
        return built[0]

    return current


@receiver(setting_changed)
def _forget_built(*, setting: str, **kwargs) -> None:
    if setting in {"LANGUAGES", "LOCALE_PATHS"}:
        for built in _BUILT:
            built.clear()


def in_english() -> bool:
    """Whether the active language is English, whose files write the codes themselves."""
    return (translation.get_language() or ENGLISH).split("-")[0] == ENGLISH


def listing(choices: type[TextChoices]) -> str:
    """The choices as the active language names them, each with its code where that differs:
    “Tukšs (vacant), Aizņemts (occupied), …”; in English the codes."""
    if in_english():
        return ", ".join(choices.values)
    shown = []
    for code, label in choices.choices:
        label = str(label)
        shown.append(code if normal(label) == code else f"{label} ({code})")
    return ", ".join(shown)


def choice(choices: type[TextChoices], *, default: str | None) -> Callable[[object], str | None]:
    """A converter to one of the codes, written as the code or as its label in any offered
    language, in any letter case; empty gives `default`."""
    words = per_offered_languages(lambda languages: word_map(choices.choices, languages))

    def convert(raw: object) -> str | None:
        written = as_text(raw)
        if not written:
            return default
        codes = words().codes
        code = codes.get(written.lower()) or codes.get(normal(written))
        if code is None:
            raise Invalid(
                _("“%(value)s” is not a known code. Use one of: %(codes)s.")
                % {"value": written, "codes": listing(choices)}
            )
        return code

    return convert


def _split(part: str, words: dict[str, str]) -> tuple[list[str], list[str]]:
    """The codes in one cell between “|”s, and what is not one. Commas separate codes too, but
    labels hold commas (“Café, bar or restaurant”): the longest run of pieces that is a label
    wins."""
    pieces = [piece for piece in (piece.strip() for piece in part.split(",")) if piece]
    codes, unknown, start = [], [], 0
    while start < len(pieces):
        for end in range(len(pieces), start, -1):
            code = words.get(normal(", ".join(pieces[start:end])))
            if code is not None:
                codes.append(code)
                start = end
                break
        else:
            unknown.append(pieces[start])
            start += 1
    return codes, unknown


def several(choices: type[TextChoices]) -> Callable[[object], tuple[str, ...]]:
    """A converter to a sorted tuple of codes from a list (JSON), or a cell of codes or labels
    separated by “|” or “,”."""
    words = per_offered_languages(lambda languages: word_map(choices.choices, languages))

    def convert(raw: object) -> tuple[str, ...]:
        if raw is None or raw == "":
            return ()
        if isinstance(raw, list):
            parts = [as_text(part) for part in raw]
        else:
            parts = as_text(raw).split("|")
        known = words().codes
        codes, unknown = set(), []
        for part in parts:
            code = known.get(part.strip().lower())  # the usual case: one code between “|”s
            if code is not None:
                codes.add(code)
                continue
            found, not_found = _split(part, known)
            codes.update(found)
            unknown += not_found
        if unknown:
            raise Invalid(
                _("%(values)s: not a known use. Use codes from: %(codes)s, separated by “|”.")
                % {"values": ", ".join(f"“{word}”" for word in unknown), "codes": listing(choices)}
            )
        return tuple(sorted(codes))

    return convert


_yes_no = per_offered_languages(lambda languages: word_map([("yes", YES), ("no", NO)], languages))


def flag(raw: object) -> bool:
    """Yes or no in any offered language, or in the words lib.tabular knows; empty is no."""
    meaning = _yes_no().codes.get(raw.strip().lower()) if type(raw) is str else None
    return values.flag(raw) if meaning is None else meaning == "yes"


@dataclass(frozen=True)
class Wording:
    """How a file in one language writes codes and yes and no."""

    language: str
    labels: dict[type[TextChoices], dict[str, str]]  # code -> label, by choices
    yes: str
    no: str
    # Spreadsheets set to a language that writes decimal commas split CSV at semicolons.
    decimal_comma: bool


@cache
def wording(language: str, choices: tuple[type[TextChoices], ...]) -> Wording:
    """The words of a file in `language` (English: the codes) for these choices."""
    if language == ENGLISH:
        labels = {kind: {code: code for code in kind.values} for kind in choices}
        return Wording(ENGLISH, labels, yes="yes", no="no", decimal_comma=False)
    with translation.override(language):
        labels = {kind: {code: str(label) for code, label in kind.choices} for kind in choices}
        decimal_comma = get_format("DECIMAL_SEPARATOR") == ","
        return Wording(language, labels, yes=str(YES), no=str(NO), decimal_comma=decimal_comma)
