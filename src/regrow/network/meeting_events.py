"""A meeting as publishing's event (stub, filled in by the publishing work)."""


def meeting_event(meeting, language: str) -> dict:
    return {}
