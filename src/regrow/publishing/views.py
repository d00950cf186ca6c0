"""What readers see: lists of news, events and projects, one entry, its translations."""

import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from regrow.lib import places
from regrow.lib.i18n import offered_language_codes
from regrow.network.models import Network
from regrow.publishing import selectors, sources
from regrow.publishing.caching import cached_for_anonymous
from regrow.publishing.forms import BrowseForm
from regrow.publishing.html import clean_html, plain_text
from regrow.publishing.models import Entry
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
    context = {
        "place": place,
        "section": "events",
        "section_title": _("Events"),
        "upcoming": selectors.upcoming_events(place, get_language()),
        "past": selectors.past_events(place, get_language())[:PAGE_SIZE],
    }
    return render(request, "publishing/event_list.html", context)


def search(request: HttpRequest, slug: str) -> HttpResponse:
    place = places.find_or_404(slug)
    words = request.GET.get("q", "")
    context = {
        "place": place,
        "section": "news",
        "words": words,
        "results": selectors.search(place, get_language(), words)[:PAGE_SIZE] if words else None,
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


def _language_links(request: HttpRequest, entry: Entry, translations) -> list[dict]:
    """The language switch of an entry: its translations where they exist, otherwise the
    same address in the other language, which says plainly that there is no translation."""
    by_language = {other.language: other.get_absolute_url() for other in translations}
    by_language[entry.language] = entry.get_absolute_url()
    links = []
    for code, _name in settings.LANGUAGES:
        url = by_language.get(code) or f"/{code}/{entry.publisher.slug}/news/{entry.slug}/"
        links.append(
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == entry.language,
            }
        )
    return links


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
        "section": "news",
        "entry": found,
        "body": clean_html(found.body),  # sanitised again when shown
        "translations": translations,
        "related": sources.related_links(found),
        "language_links": _language_links(request, found, translations),
        "structured_data": _script_json(_schema_org(request, found)),
        "description": found.lead or plain_text(found.body)[:200],
    }
    return render(request, "publishing/entry_detail.html", context)


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
    }
    return render(request, "publishing/entry_not_translated.html", context, status=404)


def _script_json(data: dict) -> str:
    """JSON to put inside a <script> element: no "</script>" or "<!--" can end it early."""
    escapes = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    return json.dumps(data, ensure_ascii=False).translate(escapes)


def _schema_org(request: HttpRequest, entry: Entry) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event" if entry.kind == Entry.Kind.EVENT else "NewsArticle",
        "name" if entry.kind == Entry.Kind.EVENT else "headline": entry.title,
        "inLanguage": entry.language,
        "url": request.build_absolute_uri(entry.get_absolute_url()),
        "description": entry.lead,
    }
    if entry.kind == Entry.Kind.EVENT:
        data["startDate"] = entry.starts_at.isoformat()
        if entry.ends_at:
            data["endDate"] = entry.ends_at.isoformat()
        if entry.place_address:
            data["location"] = {
                "@type": "Place",
                "name": entry.place_name or entry.place_address,
                "address": entry.place_address,
            }
        elif entry.online_url:
            data["location"] = {"@type": "VirtualLocation", "url": entry.online_url}
        if entry.latitude is not None and "location" in data:
            data["location"]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(entry.latitude),
                "longitude": float(entry.longitude),
            }
    if entry.image:
        data["image"] = request.build_absolute_uri(entry.image.file.url)
    if entry.kind != Entry.Kind.EVENT:
        data["datePublished"] = entry.publish_at.isoformat() if entry.publish_at else None
        if entry.author:
            data["author"] = {"@type": "Person", "name": entry.author.name}
    return data
