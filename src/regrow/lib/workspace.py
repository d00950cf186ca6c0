"""What a town's workspace and a person's dashboard offer, contributed by each app.

An app registers its tools in its `ready()`:

    workspace.register_tool(
        title=_("Register of units"),
        url_name="premises:register",                       # reversed with the town's slug
        visible=lambda user, town: can(user, Action.CHANGE_TOWN, town),
        order=10,
    )

The workspace and dashboard templates list what is registered (`{% load places %}`), so a new
app adds its entries here and edits no other app's templates.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class Link:
    title: Any  # a lazy translation
    url: str


@dataclass(frozen=True)
class _Entry:
    title: Any
    url_name: str
    visible: Callable[..., bool]
    order: int


_tools: dict[str, _Entry] = {}
_personal: dict[str, _Entry] = {}


def register_tool(
    *, title: Any, url_name: str, visible: Callable[[Any, Any], bool], order: int = 100
) -> None:
    """Offer `url_name` (which takes the town's `slug`) in a town's workspace to the people
    for whom `visible(user, town)` is true."""
    _tools[url_name] = _Entry(title=title, url_name=url_name, visible=visible, order=order)


def unregister_tool(url_name: str) -> None:
    _tools.pop(url_name, None)


def register_personal_link(
    *, title: Any, url_name: str, visible: Callable[[Any], bool] = bool, order: int = 100
) -> None:
    """Offer `url_name` (which takes no arguments) on a signed-in person's dashboard."""
    _personal[url_name] = _Entry(title=title, url_name=url_name, visible=visible, order=order)


def _ordered(entries: dict[str, _Entry]) -> list[_Entry]:
    return sorted(entries.values(), key=lambda entry: (entry.order, entry.url_name))


def tools_for(user, town) -> list[Link]:
    """The tools of `town`'s workspace that `user` may open, in order."""
    return [
        Link(entry.title, reverse(entry.url_name, kwargs={"slug": town.slug}))
        for entry in _ordered(_tools)
        if entry.visible(user, town)
    ]


def personal_links_for(user) -> list[Link]:
    """The dashboard's links for `user`, in order."""
    return [
        Link(entry.title, reverse(entry.url_name))
        for entry in _ordered(_personal)
        if entry.visible(user)
    ]
