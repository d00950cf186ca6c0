"""Addresses of the network's meetings and their agenda."""

from django.urls import path

from regrow.network.views_meetings import meetings

MEETINGS = "<slug:slug>/members/meetings/"

urlpatterns = [
    path(MEETINGS, meetings.meeting_list, name="meetings"),
    path(MEETINGS + "<int:pk>/", meetings.meeting_detail, name="meeting"),
]
