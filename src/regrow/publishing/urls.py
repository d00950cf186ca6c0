from django.urls import path

from regrow.publishing import feeds, views

app_name = "publishing"

urlpatterns = [
    path("<slug:slug>/news/feed.rss", feeds.NewsFeed(), name="rss"),
    path("<slug:slug>/news/feed.atom", feeds.AtomNewsFeed(), name="atom"),
    path("<slug:slug>/events/calendar.ics", feeds.events_ics, name="calendar"),
    path("<slug:slug>/news/<slug:entry>/", views.entry_detail, name="entry"),
    path("<slug:slug>/news/<slug:entry>/event.ics", feeds.event_ics, name="entry_ics"),
]
