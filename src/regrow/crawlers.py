"""What search engines and browsers ask of the site itself: the sitemap of its pages (the site
home, each town's and network's home and sections, in every offered language), robots.txt and
the favicon. Entries have their own sitemap (publishing/sitemaps.py).

It lives above the apps, as urls.py does: it lists towns, networks and their sections, and
reads when each page's content last changed from the apps that own it.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from regrow.lib import places
from regrow.lib.i18n import offered_language_codes
from regrow.lib.pagecache import cached_for_anonymous
from regrow.network.models import Network, Partner
from regrow.premises.models import StatusChange
from regrow.publishing.models import Entry
from regrow.towns.models import Town

# Sections whose pages list entries, and which kinds they show ("" for every kind).
ENTRY_SECTIONS = {"news": "", "events": Entry.Kind.EVENT, "projects": Entry.Kind.PROJECT}


@dataclass(frozen=True)
class Page:
    place: Town | Network | None  # None: the site's home
    section: str = ""  # "": the place's home
    lastmod: datetime | None = None
    languages: tuple[str, ...] = ()

    def path(self) -> str:
        """The page's address in the active language."""
        if self.place is None:
            return reverse("home")
        if not self.section:
            return reverse("place_home", kwargs={"slug": self.place.slug})
        return reverse("place_section", kwargs={"slug": self.place.slug, "section": self.section})


def _latest(*moments: datetime | None) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def _entry_changes(now: datetime) -> dict[tuple[str, int, str, str], datetime]:
    """When each publisher's published entries of a kind in a language last changed (appeared
    or were edited): (model, pk, language, kind) → moment. One query."""
    rows = (
        Entry.objects.filter(publish_at__lte=now, language__in=offered_language_codes())
        .values("town_id", "network_id", "language", "kind")
        .annotate(updated=Max("updated_at"), published=Max("publish_at"))
    )
    changes = {}
    for row in rows:
        owner = ("town", row["town_id"]) if row["town_id"] else ("network", row["network_id"])
        changes[(*owner, row["language"], row["kind"])] = _latest(row["updated"], row["published"])
    return changes


def _map_changes() -> dict[int, datetime]:
    """When the units a town offers last changed status: town pk → moment. One query."""
    rows = (
        StatusChange.objects.filter(unit__offered_publicly=True)
        .values("unit__town_id")
        .annotate(latest=Max("recorded_at"))
    )
    return {row["unit__town_id"]: row["latest"] for row in rows}


def _partner_changes() -> dict[tuple[str, int], datetime | None]:
    """When each town or network last gained a partner (a day, as the register keeps it)."""
    changes: dict[tuple[str, int], datetime | None] = {}
    rows = Partner.objects.values_list("town_id", "network_id", "joined_on")
    zone = timezone.get_current_timezone()
    for town_id, network_id, joined_on in rows:
        moment = datetime.combine(joined_on, time.min, zone) if joined_on else None
        for key in (("town", town_id), ("network", network_id)):
            changes[key] = _latest(changes.get(key), moment)
    return changes


def public_pages() -> list[Page]:
    """Every public page of the site with what it shows and when that last changed."""
    now = timezone.now()
    languages = tuple(offered_language_codes())
    entries = _entry_changes(now)
    maps = _map_changes()
    partners = _partner_changes()
    pages = [Page(None, languages=languages)]
    for model in (Network, Town):
        kind = "town" if model is Town else "network"
        for place in model.objects.order_by("slug"):

            def changed(language: str, entry_kind: str, place=place, kind=kind):
                kinds = [entry_kind] if entry_kind else list(Entry.Kind.values)
                return _latest(*(entries.get((kind, place.pk, language, k)) for k in kinds))

            # The home shows the latest entries and, for a town, what its map offers.
            home = [changed(language, "") for language in languages]
            if kind == "town":
                home.append(maps.get(place.pk))
            pages.append(Page(place, "", _latest(*home), languages))
            for section in places.sections_for(place):
                page = _section_page(place, kind, section, languages, changed, maps, partners)
                if page is not None:
                    pages.append(page)
    return pages


def _section_page(place, kind, section, languages, changed, maps, partners) -> Page | None:
    """A section's page, in the languages where it has something to show; None if it has
    nothing in any."""
    if section.key in ENTRY_SECTIONS:
        entry_kind = ENTRY_SECTIONS[section.key]
        moments = {language: changed(language, entry_kind) for language in languages}
        shown = tuple(language for language, moment in moments.items() if moment)
        if not shown:
            return None
        return Page(place, section.key, _latest(*moments.values()), shown)
    if section.key == "map":
        if place.pk not in maps:
            return None
        return Page(place, "map", maps[place.pk], languages)
    if section.key == "network":
        if (kind, place.pk) not in partners:
            return None
        return Page(place, "network", partners[(kind, place.pk)], languages)
    has_content = getattr(section, "has_content", None)
    if has_content is not None and not has_content(place):
        return None
    return Page(place, section.key, None, languages)


class PageSitemap(Sitemap):
    """The site's own pages, each in every language it has content in, with the others as
    hreflang alternates and x-default (the version in the site's default language)."""

    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self):
        return public_pages()

    def get_languages_for_item(self, item: Page):
        return list(item.languages)

    def location(self, item: Page) -> str:
        return item.path()

    def lastmod(self, item: Page):
        return item.lastmod

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            by_language = {link["lang_code"]: link["location"] for link in url["alternates"]}
            if by_language:
                default = by_language.get(settings.LANGUAGE_CODE) or next(
                    iter(by_language.values())
                )
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls


# Addresses no search engine should crawl: signing in, people's own pages, the editors' and
# coordinators' tools, the API and the admin. (The pages behind them ask for a sign-in anyway.)
PRIVATE_PATHS = [
    "/admin/",
    "/api/",
    "/*/accounts/",
    "/*/dashboard/",
    "/*/invitations/",
    "/*/my-units/",
    "/*/*/workspace/",
    "/*/*/register/",
    "/*/*/news/manage/",
    "/*/*/news/write/",
    "/*/*/news/pictures/",
    "/*/*/news/search/",
]


@require_safe
@cached_for_anonymous
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS)]
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines += ["", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and crawlers ask for /favicon.ico whatever the page's head says."""
    response = redirect(static("regrow/favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
