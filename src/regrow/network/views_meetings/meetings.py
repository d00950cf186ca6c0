"""The network's meetings (stub: the meetings' list, replaced by the meetings' work)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404


@login_required
def meeting_list(request, slug):
    raise Http404


@login_required
def meeting_detail(request, slug, pk):
    raise Http404
