"""The site's URLs behind a bare "hello" page: the yardstick for the publishing benchmark."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from regrow.urls import handler403, handler404, handler500  # noqa: F401 - the site's error pages
from regrow.urls import urlpatterns as site_urlpatterns


def hello(request: HttpRequest) -> HttpResponse:
    """The least a Django view can do; it still passes through all of the site's middleware."""
    return HttpResponse("hello")


urlpatterns = [path("hello/", hello), *site_urlpatterns]
