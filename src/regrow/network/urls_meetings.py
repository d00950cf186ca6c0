"""Addresses of the network's meetings and their agenda."""

from django.urls import path

from regrow.network.views_meetings import agenda, meetings

MEETINGS = "<slug:slug>/members/meetings/"
MEETING = MEETINGS + "<int:pk>/"
ITEM = MEETING + "agenda/<int:item_pk>/"

urlpatterns = [
    path(MEETINGS, meetings.meeting_list, name="meetings"),
    path(MEETINGS + "new/", meetings.meeting_new, name="meeting_new"),
    path(MEETING, meetings.meeting_detail, name="meeting"),
    path(MEETING + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(MEETING + "cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path(MEETING + "restore/", meetings.meeting_restore, name="meeting_restore"),
    path(MEETING + "agenda/", agenda.agenda, name="meeting_agenda"),
    path(ITEM, agenda.item_edit, name="agenda_item"),
    path(ITEM + "move/", agenda.item_move, name="agenda_item_move"),
    path(ITEM + "delete/", agenda.item_delete, name="agenda_item_delete"),
]
