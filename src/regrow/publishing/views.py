"""What readers see: lists of news, events and projects, one entry, its translations."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from regrow.lib import places
from regrow.lib.i18n import offered_language_codes
from regrow.network.models import Network
from regrow.publishing import selectors, sources, structured_data
from regrow.publishing.caching import cached_for_anonymous
from regrow.publishing.feeds import CALENDAR_PAST
from regrow.publishing.forms import BrowseForm
from regrow.publishing.html import clean_html, plain_text
from regrow.publishing.models import Entry
from regrow.publishing.search import page_number
from regrow.publishing.services import may_publish

PAGE_SIZE = 20


def _list(request: HttpRequest, place, section: str, entries, title, filters=None):
    context = {
        "filters": filters,
        "place": place,
        "section": section,
        "section_title": title,
        "entries": entries[:PAGE_SIZE],
        "feed_language": get_language(),
        "may_publish": may_publish(request.user, place),
    }
    return render(request, "publishing/entry_list.html", context)


@cached_for_anonymous
def news_list(request: HttpRequest, place) -> HttpResponse:
    """News with its three kinds, filtered by kind, category, language and (for a network)
    town. Unknown filter values are ignored, so an old link still shows a list."""
    language = get_language()
    data = request.GET.copy()
    data.setdefault("language", language)
    in_language = None if data["language"] == "all" else data["language"]
    towns = list(place.towns.order_by("name")) if isinstance(place, Network) else None
    form = BrowseForm(
        data,
        place=place,
        categories=selectors.categories_in_use(place, in_language),
        towns=towns,
    )
    chosen = form.choices()
    town_slug = chosen.get("town", "")
    entries = selectors.browse(
        place,
        language=None if chosen.get("language") == "all" else chosen.get("language") or language,
        kind=chosen.get("kind", ""),
        category=chosen.get("category", ""),
        town=next((town for town in towns or [] if town.slug == town_slug), None),
        with_partners=town_slug == "all",
    )
    return _list(request, place, "news", entries, _("News"), filters=form)


@cached_for_anonymous
def project_list(request: HttpRequest, place) -> HttpResponse:
    entries = selectors.published(place, get_language(), Entry.Kind.PROJECT)
    return _list(request, place, "projects", entries, _("Projects"))


@cached_for_anonymous
def event_list(request: HttpRequest, place) -> HttpResponse:
    upcoming = list(selectors.upcoming_events(place, get_language()))
    past = list(selectors.past_events(place, get_language())[:PAGE_SIZE])
    context = {
        "place": place,
        "section": "events",
        "section_title": _("Events"),
        "upcoming": upcoming,
        "past": past,
        # The calendar file holds the coming events and the past year's: offered only when it
        # has something in it.
        "offers_calendar": bool(upcoming)
        or bool(past and past[0].starts_at >= timezone.now() - CALENDAR_PAST),
    }
    return render(request, "publishing/event_list.html", context)


def search(request: HttpRequest, slug: str) -> HttpResponse:
    place = places.find_or_404(slug)
    words = request.GET.get("q", "")
    page = page_number(request.GET.get("page"))
    results, more = (
        selectors.search_page(place, get_language(), words, page=page, per_page=PAGE_SIZE)
        if words
        else (None, False)
    )
    context = {
        "place": place,
        "section": "news",
        "words": words,
        "results": results,
        "page": page,
        "more": more,
        "noindex": True,  # results are no page of their own for search engines
    }
    return render(request, "publishing/search.html", context)


def home_panel(request: HttpRequest, place) -> tuple[str, dict]:
    """Latest news and coming events, for the home page of a town or network."""
    language = get_language()
    return (
        "publishing/home_panel.html",
        {
            "latest": selectors.published(place, language).exclude(kind=Entry.Kind.EVENT)[:4],
            "upcoming": selectors.upcoming_events(place, language)[:3],
        },
    )


@cached_for_anonymous
def entry_detail(request: HttpRequest, slug: str, entry: str) -> HttpResponse:
    place = places.find_or_404(slug)
    language = get_language()
    may_see_drafts = may_publish(request.user, place)
    found = selectors.entry_for_reader(place, language, entry, may_see_drafts=may_see_drafts)
    if found is None:
        return _not_translated(request, place, entry, language, may_see_drafts)
    translations = list(selectors.translations_of(found, published_only=not may_see_drafts))
    context = {
        "place": place,
        "section": SECTION_OF_KIND.get(found.kind, "news"),
        "entry": found,
        "event_is_past": _event_is_past(found),
        "body": clean_html(found.body),  # sanitised again when shown
        "translations": translations,
        "related": sources.related_links(found),
        # The switch offers only the languages the entry exists in; the head lists them.
        "language_links": structured_data.language_links(found, translations),
        "page_versions": structured_data.page_versions(found, translations),
        "structured_data": structured_data.script_json(structured_data.schema_org(request, found)),
        "description": found.lead or plain_text(found.body)[:200],
    }
    return render(request, "publishing/entry_detail.html", context)


# The navigation item an entry's page highlights.
SECTION_OF_KIND = {Entry.Kind.EVENT: "events", Entry.Kind.PROJECT: "projects"}


def _event_is_past(entry: Entry) -> bool:
    """An event is over once its end (or, without one, its start) has gone by."""
    if entry.kind != Entry.Kind.EVENT or entry.starts_at is None:
        return False
    return (entry.ends_at or entry.starts_at) < timezone.now()


def _not_translated(request, place, slug: str, language: str, may_see_drafts: bool):
    """The entry exists, but not in this language: say so and offer the versions there are."""
    originals = [
        candidate
        for candidate in Entry.objects.filter(slug=slug).select_related("town", "network")
        if candidate.publisher == place and (may_see_drafts or candidate.is_published())
    ]
    # Only versions in an offered language have an address to link to.
    versions = [original for original in originals if original.language in offered_language_codes()]
    for original in originals:
        versions += list(selectors.translations_of(original, published_only=not may_see_drafts))
    if not versions:
        raise Http404
    context = {
        "place": place,
        "section": "news",
        "versions": {version.pk: version for version in versions}.values(),
        "wanted_language": get_language_info(language)["name_local"],
        # A page saying there is no such version: nothing to index, no versions of its own.
        "noindex": True,
        "page_versions": {},
    }
    return render(request, "publishing/entry_not_translated.html", context, status=404)
