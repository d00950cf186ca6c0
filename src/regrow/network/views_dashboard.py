"""The network dashboard (stub, replaced by the dashboard's work)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404


@login_required
def dashboard(request, slug):
    raise Http404
