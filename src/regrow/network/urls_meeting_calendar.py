"""Addresses of the meetings' publishing, public pages and calendar feed: publishing a meeting
as the network's event and its report as news (members' area, organisers), the members'
calendar feed page and its private feed by token, and a published meeting's public page
(`<network>/meetings/<pk>/`, beside the public "meetings" section)."""

from django.urls import path

from regrow.network.views_meetings import calendar, public, publishing

MEETINGS = "<slug:slug>/members/meetings/"

urlpatterns = [
    path(
        MEETINGS + "<int:pk>/publishing/",
        publishing.meeting_publishing,
        name="meeting_publishing",
    ),
    path(
        MEETINGS + "<int:pk>/publishing/event/",
        publishing.meeting_publish_event,
        name="meeting_publish_event",
    ),
    path(
        MEETINGS + "<int:pk>/publishing/report/",
        publishing.meeting_draft_report,
        name="meeting_draft_report",
    ),
    path(MEETINGS + "calendar/", calendar.meeting_calendar, name="meeting_calendar"),
    path(
        MEETINGS + "calendar/new-address/",
        calendar.meeting_calendar_renew,
        name="meeting_calendar_renew",
    ),
    path(
        MEETINGS + "calendar/<str:token>.ics",
        calendar.meeting_calendar_feed,
        name="meeting_calendar_feed",
    ),
    path("<slug:slug>/meetings/<int:pk>/", public.meeting_public, name="meeting_public"),
]
