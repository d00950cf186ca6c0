"""The meeting page's records part (see meeting_panels/__init__.py)."""


def panel(request, meeting) -> tuple[str, dict] | None:
    return None
