"""A URL that fails, for testing the 500 page."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from regrow.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401


def boom(request):
    raise RuntimeError("deliberate failure for the test")


# Before the site's own patterns, where "/<slug>/" would take it for a town.
urlpatterns = [*i18n_patterns(path("boom/", boom)), *urlpatterns]
