"""The network's meetings on its public site (stub, filled in by the publishing work)."""

from django.http import Http404


def meetings_section(request, place):
    raise Http404


def has_public_meetings(place) -> bool:
    return False
