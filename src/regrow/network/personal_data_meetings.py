"""A person's meeting registrations in "My data" and erasure (stub, filled in by the
registration work)."""


def export_registrations(user) -> list:
    return []


def erase_registrations(user) -> None:
    return None
