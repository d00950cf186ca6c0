"""What a page's <head> tells search engines and link previews (`{% load seo %}`).

`{% page_meta as meta %}` gives the page's canonical address, its language versions for
`hreflang` (all absolute, itself and `x-default` included), whether it may be indexed, and
its Open Graph locales. By default every offered language has a version at the same path
with the language prefix swapped; a view whose versions differ (an entry: its translations
have their own slugs, and not every language has one) passes `page_versions`, a
`{language code: path}` mapping in the order of the versions, the original first. A view
passes `noindex=True` for pages no search engine should keep (search results), and
`description` where it has a better one than the page's title, place and the site's motto.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regrow.lib import places

register = template.Library()

# Open Graph names a locale with its country: the country where each partner language is
# chiefly written (British English, as the site's English is).
OPEN_GRAPH_LOCALES = {
    "lv": "lv_LV",
    "en": "en_GB",
    "de": "de_DE",
    "sl": "sl_SI",
    "pt": "pt_PT",
    "es": "es_ES",
    "hu": "hu_HU",
    "el": "el_GR",
    "it": "it_IT",
}


def open_graph_locale(language: str) -> str:
    code = (language or settings.LANGUAGE_CODE).split("-")[0]
    return OPEN_GRAPH_LOCALES.get(code, code)


def language_versions(path: str, current: str) -> dict[str, str]:
    """The same path in every offered language, or none for a path outside the languages."""
    prefix = f"/{current}/"
    if not path.startswith(prefix):
        return {}
    rest = path[len(prefix) :]
    return {code: f"/{code}/{rest}" for code, _name in settings.LANGUAGES}


@register.simple_tag(takes_context=True)
def page_meta(context) -> dict:
    request = context.get("request")
    if request is None:
        return {}
    current = get_language() or settings.LANGUAGE_CODE
    versions = context.get("page_versions")
    if versions is None:
        versions = language_versions(request.path, current)
    absolute = {code: request.build_absolute_uri(path) for code, path in versions.items()}
    alternates = list(absolute.items())
    if alternates:
        default = absolute.get(settings.LANGUAGE_CODE) or alternates[0][1]
        alternates.append(("x-default", default))
    return {
        "description": context.get("description") or _default_description(context),
        # Without the query string: a filtered list's canonical page is the plain list.
        "canonical": request.build_absolute_uri(request.path),
        "alternates": alternates,
        "noindex": bool(context.get("noindex")) or bool(request.GET),
        "og_locale": open_graph_locale(current),
        "og_locale_alternates": [
            open_graph_locale(code) for code in absolute if code != current.split("-")[0]
        ],
    }


def _default_description(context) -> str:
    """“News · Alūksne — town-centre revival, shared between towns”."""
    place = context.get("place")
    title = context.get("section_title")
    if place is not None and not title and context.get("section"):
        titles = {section.key: section.title for section in places.sections_for(place)}
        title = titles.get(context["section"], "")
    parts = [str(part) for part in (title, getattr(place, "name", "")) if part]
    about = " · ".join(parts) or str(context.get("site_name") or settings.REGROW_SITE_NAME)
    return f"{about} — {_('town-centre revival, shared between towns')}"
