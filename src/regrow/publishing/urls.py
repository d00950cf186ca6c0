from django.urls import path

from regrow.publishing import editor, feeds, views
from regrow.publishing.caching import cached_for_anonymous

app_name = "publishing"

urlpatterns = [
    path("<slug:slug>/news/manage/", editor.manage, name="manage"),
    path("<slug:slug>/news/write/", editor.write, name="write"),
    path(
        "<slug:slug>/news/write/from/<str:source>/<int:pk>/",
        editor.write_from,
        name="write_from",
    ),
    path(
        "<slug:slug>/news/write/from/<str:source>/<int:pk>/publish/",
        editor.publish_from,
        name="publish_from",
    ),
    path("<slug:slug>/news/pictures/", editor.images, name="images"),
    path("<slug:slug>/news/manage/<int:pk>/", editor.edit, name="edit"),
    path("<slug:slug>/news/manage/<int:pk>/translate/", editor.translate, name="translate"),
    path(
        "<slug:slug>/news/manage/<int:pk>/restore/<int:revision>/",
        editor.restore,
        name="restore",
    ),
    path("<slug:slug>/news/search/", views.search, name="search"),
    path("<slug:slug>/news/feed.rss", cached_for_anonymous(feeds.NewsFeed()), name="rss"),
    path("<slug:slug>/news/feed.atom", cached_for_anonymous(feeds.AtomNewsFeed()), name="atom"),
    path(
        "<slug:slug>/events/calendar.ics", cached_for_anonymous(feeds.events_ics), name="calendar"
    ),
    path("<slug:slug>/news/<slug:entry>/", views.entry_detail, name="entry"),
    path(
        "<slug:slug>/news/<slug:entry>/event.ics",
        cached_for_anonymous(feeds.event_ics),
        name="entry_ics",
    ),
]
