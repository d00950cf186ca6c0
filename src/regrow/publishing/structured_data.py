"""An entry's schema.org data (JSON-LD) and its versions in other languages, for its page."""

import json

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

from regrow.publishing.models import Entry
from regrow.towns.models import Town

SCHEMA = "https://schema.org/"


def script_json(data: dict) -> str:
    """JSON to put inside a <script> element: no "</script>" or "<!--" can end it early."""
    escapes = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    return json.dumps(data, ensure_ascii=False).translate(escapes)


def versions_of(entry: Entry, translations) -> list[Entry]:
    """The entry and its translations in offered languages, the original (oldest) first."""
    offered = {code for code, _name in settings.LANGUAGES}
    versions = [entry, *(other for other in translations if other.language in offered)]
    return sorted({version.pk: version for version in versions}.values(), key=lambda e: e.pk)


def page_versions(entry: Entry, translations) -> dict[str, str]:
    """The published versions, `{language: path}`, for the head's hreflang alternates."""
    published = [version for version in versions_of(entry, translations) if version.is_published()]
    return {version.language: version.get_absolute_url() for version in published}


def language_links(entry: Entry, translations) -> list[dict]:
    """The language switch of an entry: only the languages it exists in, in the switch's order
    (a link to a language without a version would lead to a page saying there is none)."""
    by_language = {
        version.language: version.get_absolute_url() for version in versions_of(entry, translations)
    }
    return [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": by_language[code],
            "is_current": code == entry.language,
        }
        for code, _name in settings.LANGUAGES
        if code in by_language
    ]


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _organisation(request: HttpRequest, publisher) -> dict:
    """The town (a municipality) or network that publishes the entry."""
    data = {
        "@type": "GovernmentOrganization" if isinstance(publisher, Town) else "Organization",
        "name": publisher.name,
        "url": _absolute(request, publisher.get_absolute_url()),
    }
    logo = getattr(publisher, "logo", None)
    if logo:
        data["logo"] = _absolute(request, logo.url)
    return data


def _attendance_mode(entry: Entry) -> str:
    in_person = bool(entry.place_name or entry.place_address or entry.latitude is not None)
    if in_person and entry.online_url:
        return SCHEMA + "MixedEventAttendanceMode"
    if entry.online_url:
        return SCHEMA + "OnlineEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def _location(entry: Entry) -> dict | list | None:
    places = []
    if entry.place_name or entry.place_address:
        place = {
            "@type": "Place",
            "name": entry.place_name or entry.place_address,
            "address": entry.place_address or entry.place_name,
        }
        if entry.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(entry.latitude),
                "longitude": float(entry.longitude),
            }
        places.append(place)
    if entry.online_url:
        places.append({"@type": "VirtualLocation", "url": entry.online_url})
    if not places:
        return None
    return places[0] if len(places) == 1 else places


def schema_org(request: HttpRequest, entry: Entry) -> dict:
    """An Event or a NewsArticle, with what search engines' rich results ask for."""
    is_event = entry.kind == Entry.Kind.EVENT
    publisher = _organisation(request, entry.publisher)
    data = {
        "@context": "https://schema.org",
        "@type": "Event" if is_event else "NewsArticle",
        "name" if is_event else "headline": entry.title,
        "inLanguage": entry.language,
        "url": _absolute(request, entry.get_absolute_url()),
        "description": entry.lead,
    }
    image = entry.image.file.url if entry.image else None
    if image is None and publisher.get("logo"):
        image = publisher["logo"]
    if image:
        data["image"] = _absolute(request, image)
    if is_event:
        data["startDate"] = entry.starts_at.isoformat()
        if entry.ends_at:
            data["endDate"] = entry.ends_at.isoformat()
        # regrow keeps no cancelled or moved events: an event on the site takes place.
        data["eventStatus"] = SCHEMA + "EventScheduled"
        data["eventAttendanceMode"] = _attendance_mode(entry)
        location = _location(entry)
        if location:
            data["location"] = location
        data["organizer"] = publisher
        return data
    data["datePublished"] = entry.publish_at.isoformat() if entry.publish_at else None
    data["dateModified"] = max(filter(None, [entry.updated_at, entry.publish_at])).isoformat()
    data["publisher"] = publisher
    data["mainEntityOfPage"] = data["url"]
    if entry.author:
        data["author"] = {"@type": "Person", "name": entry.author.name}
        if entry.author.job_title:
            data["author"]["jobTitle"] = entry.author.job_title
    else:
        data["author"] = publisher
    return data
