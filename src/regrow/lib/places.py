"""Towns and networks share one URL namespace: `/<language>/<slug>/`.

Each app whose model owns such a slug registers it here, so that slugs stay unique across
them without one app importing another, and so that a URL resolves to the right object.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Path segments that the site itself uses right after the language prefix.
RESERVED_SLUGS = frozenset(
    {
        "accounts",
        "admin",
        "api",
        "dashboard",
        "healthz",
        "i18n",
        "jsi18n",
        "invitations",
        "media",
        "my-units",
        "static",
    }
)

_registry: dict[type[models.Model], Callable[..., Any]] = {}


@dataclass(frozen=True)
class Section:
    """One entry of a place's main navigation, rendered by the app that registered it."""

    key: str
    title: Any  # a lazy translation
    view: Callable[..., Any]
    order: int
    # `has_content(place)`: whether the section has anything to show yet. A section without
    # it is always offered; one that answers False is left out of the navigation (its
    # address still works). Must be cheap: one query at most.
    has_content: Callable[[Any], bool] | None = None


_sections: dict[tuple[type[models.Model], str], Section] = {}


def register(model: type[models.Model], *, home_view: Callable[..., Any]) -> None:
    """Make `model` a place; `home_view(request, place)` renders its home page."""
    _registry[model] = home_view


_home_panels: list[Callable[..., tuple[str, dict] | None]] = []


def register_home_panel(panel: Callable[..., tuple[str, dict] | None]) -> None:
    """Let an app add a panel to every place's home page: `panel(request, place)` returns
    (template name, context) or None."""
    _home_panels.append(panel)


def home_panels(request, place) -> list[tuple[str, dict]]:
    return [shown for panel in _home_panels if (shown := panel(request, place))]


def register_section(
    model: type[models.Model],
    section: str,
    view: Callable[..., Any],
    *,
    title: Any,
    order: int = 100,
    has_content: Callable[[Any], bool] | None = None,
) -> None:
    """Let an app render one section of a place, e.g. the public map of a town's units.

    `view(request, place)` renders it at `/<language>/<slug>/<section>/`; the section appears
    in the place's main navigation under `title`, sorted by `order` (lowest first), once
    `has_content(place)` (if given) is true."""
    _sections[(model, section)] = Section(
        key=section, title=title, view=view, order=order, has_content=has_content
    )


def section_view_for(place: models.Model, section: str) -> Callable[..., Any] | None:
    found = _sections.get((type(place), section))
    return found.view if found else None


def sections_for(place: models.Model) -> list[Section]:
    """The sections of a place's main navigation, in order."""
    kind = type(place)
    found = [section for (model, _key), section in _sections.items() if model is kind]
    return sorted(found, key=lambda section: (section.order, section.key))


def sections_offered(place: models.Model) -> list[Section]:
    """The sections to show in a place's navigation: those with something to show."""
    return [
        section
        for section in sections_for(place)
        if section.has_content is None or section.has_content(place)
    ]


def find(slug: str) -> models.Model | None:
    for model in _registry:
        found = model._default_manager.filter(slug=slug).first()
        if found is not None:
            return found
    return None


def find_or_404(slug: str) -> models.Model:
    """The town or network of an address, with its time zone active; 404 if there is none."""
    from django.http import Http404

    place = find(slug)
    if place is None:
        raise Http404
    activate_time_zone(place)
    return place


def activate_time_zone(place: models.Model) -> None:
    """Show and read times in the place's own time zone (a network uses the installation's)."""
    import zoneinfo

    from django.conf import settings
    from django.utils import timezone

    timezone.activate(zoneinfo.ZoneInfo(getattr(place, "time_zone", "") or settings.TIME_ZONE))


def home_view_for(place: models.Model) -> Callable[..., Any]:
    return _registry[type(place)]


def validate_place_slug(instance: models.Model) -> None:
    """Refuse a slug the site reserves or another kind of place already uses."""
    slug = instance.slug
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": _("“%(slug)s” is reserved by the site.") % {"slug": slug}})
    for model in _registry:
        if model is type(instance):
            continue  # the model's own unique constraint covers its own kind
        if model._default_manager.filter(slug=slug).exists():
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is already the address of a %(kind)s.")
                    % {"slug": slug, "kind": model._meta.verbose_name}
                }
            )
