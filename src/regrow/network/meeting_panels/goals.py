"""The meeting page's goals part (see meeting_panels/__init__.py): how many goals the partners
set at this meeting, and the goals waiting for review here (every partner's goals set at
earlier meetings and not reviewed yet; the first WAITING_SHOWN of them, by partner and by the
meeting that set them), with links to the goals' and the review's pages."""

from regrow.network import selectors_goals as selectors

WAITING_SHOWN = 12


def panel(request, meeting) -> tuple[str, dict] | None:
    counts = selectors.counts(meeting)
    waiting = selectors.waiting_at(meeting, WAITING_SHOWN) if counts.waiting else []
    context = {
        "meeting": meeting,
        "counts": counts,
        "waiting": waiting,
        "more_waiting": max(0, counts.waiting - WAITING_SHOWN),
    }
    return "network/meetings/panels/goals.html", context
