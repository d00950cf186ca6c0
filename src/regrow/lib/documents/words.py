"""The renderers' own words, in the document's language (the caller's texts come translated)."""

from datetime import date

from django.utils.translation import pgettext

from regrow.lib.dates import date_on

PAGE_PLACEHOLDER, PAGES_PLACEHOLDER = "%(page)s", "%(pages)s"
# Word wants a language with its region; the partner languages' usual ones.
WORD_LANGUAGES = {
    "lv": "lv-LV",
    "en": "en-GB",
    "de": "de-DE",
    "sl": "sl-SI",
    "pt": "pt-PT",
    "es": "es-ES",
    "hu": "hu-HU",
    "el": "el-GR",
    "it": "it-IT",
}


def page_of_pages() -> str:
    """“Page %(page)s of %(pages)s”, the placeholders left in for each format to fill."""
    return pgettext("a document's page number in its footer", "Page %(page)s of %(pages)s")


def issued(day: date) -> str:
    phrase = pgettext("a document's date of issue", "Issued %(date)s")
    return phrase % {"date": date_on(day)}


def signature_labels() -> tuple[str, str, str]:
    """The lines under each party of a signature block."""
    return (
        pgettext("a line to sign on, in a document", "Signature"),
        pgettext("a line for a signer's name, in a document", "Name"),
        pgettext("a line for the day of signing, in a document", "Date"),
    )


def word_language(code: str) -> str:
    return WORD_LANGUAGES.get(code, code)
