"""The full-text search expression, on which migration 0003 builds its index."""

from django.contrib.postgres.search import SearchVector

INDEX_NAME = "entry_search_text_gin"


def search_vector() -> SearchVector:
    # "simple": no stemming, which suits Latvian and the other languages alike. The index in
    # migration 0003 is built on this expression; PostgreSQL uses it only if they match, so a
    # change here needs a migration that builds the index anew.
    return SearchVector("search_text", config="simple")
