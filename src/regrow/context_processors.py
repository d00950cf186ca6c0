from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request: HttpRequest) -> dict:
    """What every page's header needs: the site's name and the language links."""
    current = get_language()
    path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": _url_in(path, current, code),
                "is_current": code == current,
            }
        )
    return {
        "site_name": settings.REGROW_SITE_NAME,
        "language_links": languages,
        "current_language": get_language_info(current) if current else None,
        "map_tiles": settings.REGROW_MAP_TILES,
        "map_attribution": settings.REGROW_MAP_ATTRIBUTION,
    }


def _url_in(path: str, current: str | None, code: str) -> str:
    """The same page in another language, also where the path resolves to no view (a 404)."""
    translated = translate_url(path, code)
    prefix = f"/{current}/"
    if translated == path and current and path.startswith(prefix) and code != current:
        return f"/{code}/" + path[len(prefix) :]
    return translated
