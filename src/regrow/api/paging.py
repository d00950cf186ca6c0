"""A page of a list for the pop-up API: how many in all, the neighbouring pages' addresses and
the page's items (the register's list gives the same three fields)."""

from collections.abc import Sequence

from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import QuerySet
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from regrow.api.premises import _page_link, _refuse_unknown_parameters

# The most items one page of a pop-up list may hold, and how many unless asked.
MAX_PAGE_SIZE = 100
PAGE_SIZE = 20

PageNumber = Query(1, ge=1, description="Which page, from 1; past the last one is a 404")
PageSize = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items to a page (at most 100)")


class PageOf(Schema):
    count: int = Field(description="How many there are in all, on every page")
    next: str | None = Field(description="The next page's address; null on the last page")
    previous: str | None = Field(description="The previous page's address; null on the first")


def refuse_unknown(request, *known: str) -> None:
    """422 for a query parameter the operation does not take (`page` and `page_size` taken)."""
    _refuse_unknown_parameters(request, {"page", "page_size", *known})


def page_of(request, items: QuerySet | Sequence, page: int, page_size: int) -> Page:
    """The page asked for; 404 past the last one (the first page of nothing is empty)."""
    try:
        return Paginator(items, page_size).page(page)
    except EmptyPage:
        raise HttpError(404, "There is no such page.") from None


def links(request, current: Page) -> dict:
    """The page's count and its neighbours' addresses, for a PageOf schema."""
    number = current.number
    return {
        "count": current.paginator.count,
        "next": _page_link(request, number + 1) if current.has_next() else None,
        "previous": _page_link(request, number - 1) if current.has_previous() else None,
    }
