"""Text kept in several languages as a `{language code: text}` mapping."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Text may be kept in any partner language, also one the interface does not offer yet.
PARTNER_LANGUAGE_CODES = [code for code, _name in settings.REGROW_PARTNER_LANGUAGES]


def offered_language_codes() -> list[str]:
    """The interface languages offered: only content in these has an address to link to."""
    return [code for code, _name in settings.LANGUAGES]


def first_offered(*codes: str) -> str:
    """The first of `codes` the site offers (so a link in it has an address), else the site's
    default language: for e-mails to people whose language the site may not speak."""
    offered = offered_language_codes()
    return next((code for code in codes if code in offered), settings.LANGUAGE_CODE)


def localized(texts: dict[str, str] | None, language: str | None = None, default: str = "") -> str:
    """The text in `language` (default: the active one), else English, else the first one given."""
    if not texts:
        return default
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (language, settings.LANGUAGE_CODE):
        if texts.get(code):
            return texts[code]
    return next((text for text in texts.values() if text), default)


def validate_language_codes(codes: list[str]) -> None:
    if not isinstance(codes, list) or not codes:
        raise ValidationError(_("Choose at least one language."))
    unknown = [code for code in codes if code not in PARTNER_LANGUAGE_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown language code(s): %(codes)s.") % {"codes": ", ".join(map(str, unknown))}
        )


def validate_translations(texts: dict[str, str]) -> None:
    if not isinstance(texts, dict):
        raise ValidationError(_("Expected texts keyed by language code."))
    validate_language_codes(list(texts) or ["en"])


# The source texts are English: English has no catalogue to complete.
SOURCE_LANGUAGE = "en"
CATALOGUE_DOMAINS = ("django", "djangojs")


def catalogue_gaps(locale_dir: Path, language: str) -> list[str]:
    """What keeps `language`'s catalogues in `locale_dir` from being complete, in words."""
    import polib  # only needed when the catalogues are checked

    gaps = []
    for domain in CATALOGUE_DOMAINS:
        path = locale_dir / language / "LC_MESSAGES" / f"{domain}.po"
        if not path.is_file():
            gaps.append(f"{path} is missing")
            continue
        catalogue = polib.pofile(str(path))
        untranslated = len(catalogue.untranslated_entries())
        fuzzy = len(catalogue.fuzzy_entries())
        if not catalogue.translated_entries():
            gaps.append(f"{path} translates nothing")
        elif untranslated or fuzzy:
            gaps.append(f"{path} has {untranslated} untranslated and {fuzzy} fuzzy entries")
    return gaps


def check_offered_languages(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A Django system check: every offered interface language has complete catalogues."""
    problems = []
    for code in offered_language_codes():
        if code == SOURCE_LANGUAGE:
            continue
        gaps = [
            gap for locale in settings.LOCALE_PATHS for gap in catalogue_gaps(Path(locale), code)
        ]
        if gaps:
            problems.append(
                checks.Warning(
                    f"REGROW_LANGUAGES offers '{code}', whose translation is incomplete: "
                    + "; ".join(gaps),
                    hint="Complete its .po files (docs/contributing.md) or stop offering it.",
                    id="regrow.W001",
                )
            )
    return problems
