"""The parts of a meeting's page that other modules own: each module in PANELS has
`panel(request, meeting) -> tuple[str, dict] | None`, a template and its context (None when
the part has nothing to show to this user). The meeting page includes them in order, each
template given its context as `panel`."""

from importlib import import_module

PANELS = ("registration", "records", "goals", "publishing")


def collect(request, meeting) -> list[tuple[str, dict]]:
    found = []
    for name in PANELS:
        shown = import_module(f"regrow.network.meeting_panels.{name}").panel(request, meeting)
        if shown is not None:
            found.append(shown)
    return found
