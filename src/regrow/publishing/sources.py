"""What entries can be about, and what a coordinator can turn into an event in one step.

The dependency points one way: apps never import publishing. An app that wants its objects
announced declares a `publishing_sources()` method on its AppConfig, returning the keyword
arguments of `register()` for each model:

    class PopupsConfig(AppConfig):
        def publishing_sources(self):
            from regrow.popups.models import Round
            return [
                {
                    "model": Round,
                    "place": lambda round: round.town,          # whose news it belongs in
                    "event": lambda round, language: {...},     # event form, prefilled (optional)
                }
            ]

Publishing collects them when it is ready (`discover()`). The entry keeps a `Related` link
to the object and its page links back to it; `event_url(obj)` is the editor page that
starts an event from the object, prefilled.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    place: Callable[[Any], Any]
    event: Callable[[Any, str], dict] | None = None
    # The object's page for the public, where its get_absolute_url() is for members only.
    public_url: Callable[[Any], str] | None = None


_registry: dict[str, Source] = {}


def key_of(model: type[models.Model]) -> str:
    return model._meta.label_lower


def register(
    model: type[models.Model],
    *,
    place: Callable[[Any], Any],
    event: Callable[[Any, str], dict] | None = None,
    public_url: Callable[[Any], str] | None = None,
) -> None:
    """Let entries be about `model`'s objects; with `event`, they can become events; with
    `public_url`, an entry's page links there instead of the object's get_absolute_url()."""
    _registry[key_of(model)] = Source(model=model, place=place, event=event, public_url=public_url)


def discover() -> None:
    """Register what every installed app offers through its AppConfig's `publishing_sources()`."""
    for config in apps.get_app_configs():
        hook = getattr(config, "publishing_sources", None)
        if callable(hook):
            for arguments in hook():
                register(**arguments)


def unregister(model: type[models.Model]) -> None:
    _registry.pop(key_of(model), None)


def get(key: str) -> Source | None:
    return _registry.get(key)


def event_url(obj: models.Model) -> str:
    """The editor page that starts an event from `obj`, prefilled."""
    source = _registry[key_of(type(obj))]
    return reverse(
        "publishing:write_from",
        kwargs={"slug": source.place(obj).slug, "source": key_of(type(obj)), "pk": obj.pk},
    )


def related_links(entry) -> list[dict]:
    """What the entry is about, for its page: a name and, where the object has a page, a link.
    Objects of apps no longer registered are left out."""
    links = []
    for related in entry.related.all():
        model = ContentType.objects.get_for_id(related.content_type_id).model_class()
        if model is None or key_of(model) not in _registry:
            continue
        target = related.target
        if target is None:
            continue
        public_url = _registry[key_of(model)].public_url
        if public_url is not None:
            url = public_url(target)
        else:
            url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
        links.append({"name": str(target), "url": url})
    return links
