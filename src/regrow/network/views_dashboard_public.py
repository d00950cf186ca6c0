"""The public summary of the network's progress (stub, filled in by the dashboard work)."""

from django.http import Http404


def public_summary(request, place):
    raise Http404


def has_public_summary(place) -> bool:
    return False
