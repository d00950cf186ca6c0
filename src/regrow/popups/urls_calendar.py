"""The pop-up calendar pages' addresses (included by popups/urls.py)."""

from django.urls import path

from regrow.lib.pagecache import cached_for_anonymous
from regrow.popups.views import calendar

urlpatterns = [
    path(
        "<slug:slug>/popups/now/",
        cached_for_anonymous(calendar.calendar),
        name="calendar",
    ),
    path(
        "<slug:slug>/popups/now.geojson",
        cached_for_anonymous(calendar.calendar_geojson),
        name="calendar_geojson",
    ),
    path(
        "<slug:slug>/popups/calendar.ics",
        cached_for_anonymous(calendar.calendar_ics),
        name="calendar_ics",
    ),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/publish-call/",
        calendar.publish_call,
        name="publish_call",
    ),
]
