"""Search that forgives: accents, capitals and word endings do not matter.

Each entry keeps `search_text`: its title, lead, text, place and address, folded (lowercase,
without accents, punctuation turned into spaces, see `fold`). A search folds the typed words
the same way and cuts each down to its stem (`search_terms`): Latvian inflects its nouns
(Alūksne, Alūksnē, Alūksnes), so "alūksnē" becomes "aluksn" and matches any word that begins
with it; "tuksas" and "tukšas" both become "tuks". Every stem must be found.

PostgreSQL has no Latvian stemmer. Its configuration `regrow_search` (migration 0004) is
`simple` behind `unaccent`, so even rows written around the services (bulk loads) are folded,
and the stems are prefix queries (`aluksn:*`) against a stored word vector with a GIN index:
matching costs nothing per row, while `to_tsvector(search_text)` computed in the query costs
about 0.2 ms per entry (226 ms instead of about 10 ms with 10,000 entries). SQLite, without
full-text search in Django, looks for each stem at the start of a word in the folded text
(`LIKE '% aluksn%'`): the same matches, read from every row.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchVectorField
from django.db.models.expressions import RawSQL

COLUMN = "search_vector"
INDEX_NAME = "entry_search_vector_gin"
# `simple` (no stemming: there is none for Latvian) behind `unaccent`; see migration 0004.
CONFIG = "regrow_search"
MAX_WORDS = 10
MAX_TYPED = 200
# Results come a page at a time; past this page a search should be more precise.
MAX_PAGES = 50

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th"})
_NOT_WORD = re.compile(r"[\W_]+")

# Endings cut off a typed word to reach its stem, longest first, folded as the text is. A stem
# keeps at least MIN_STEM letters, so short words stay whole ("pils" does not become "pil").
MIN_STEM = 4
_ENDINGS = {
    # Latvian nouns and adjectives: cases, numbers and definite forms.
    "lv": (
        "ajiem ajam ajai ajas ajos iem ais aja ajo am em im um os as es is us ai ei ie a e i o u s"
    ),
    # English plurals and verb forms.
    "en": "ings ing es ed s",
}
_ENDINGS_BY_LANGUAGE = {
    language: sorted(words.split(), key=len, reverse=True) for language, words in _ENDINGS.items()
}


def fold(text: str) -> str:
    """Lowercase, without accents, and words separated by single spaces: "Alūksnē, Dārza
    iela" becomes "aluksne darza iela"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", bare).strip()


def indexed_text(*parts: str) -> str:
    """What an entry keeps in `search_text`: its searchable fields, folded."""
    return fold(" ".join(part for part in parts if part))


def stem(word: str, language: str) -> str:
    """A folded word without its ending, in the page's language (unchanged in a language
    whose endings we do not know: the prefix match still finds longer forms)."""
    for ending in _ENDINGS_BY_LANGUAGE.get(language, ()):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def search_terms(words: str, language: str) -> list[str]:
    """The stems to look for, at most MAX_WORDS of them, without repeats; a word of one
    letter is left out unless it is all there is."""
    folded = fold(words[:MAX_TYPED]).split()
    kept = [word for word in folded if len(word) > 1] or folded
    terms = dict.fromkeys(stem(word, language) for word in kept)
    return list(terms)[:MAX_WORDS]


def page_number(value: str | None) -> int:
    """The `?page=` asked for, from 1 to MAX_PAGES; anything else is the first page."""
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    return min(max(number, 1), MAX_PAGES)


def prefix_query(terms: list[str]) -> str:
    """A tsquery in which every stem must begin a word: `'aluksn':* & 'tuks':*`. The terms
    are folded words (letters and digits only), so nothing in them is tsquery syntax."""
    return " & ".join(f"'{term}':*" for term in terms)


def search_vector() -> RawSQL:
    # A constant column name: nothing from the request goes into this SQL.
    column = f'"publishing_entry"."{COLUMN}"'
    return RawSQL(column, [], output_field=SearchVectorField())  # noqa: S611
