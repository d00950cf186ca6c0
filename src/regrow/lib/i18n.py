"""Text kept in several languages as a `{language code: text}` mapping."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Text may be kept in any partner language, also one the interface does not offer yet.
PARTNER_LANGUAGE_CODES = [code for code, _name in settings.REGROW_PARTNER_LANGUAGES]


def offered_language_codes() -> list[str]:
    """The interface languages offered: only content in these has an address to link to."""
    return [code for code, _name in settings.LANGUAGES]


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
