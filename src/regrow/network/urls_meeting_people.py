"""Addresses of a meeting's registration and attendance: registering (oneself, or someone else
for a partner), changing and cancelling a registration, the participants per partner, the
attendance of each day with people who came unannounced, and the sign-in sheet (PDF)."""

from django.urls import path

from regrow.network.views_meetings import attendance, registration

MEETING = "<slug:slug>/members/meetings/<int:pk>/"

urlpatterns = [
    path(MEETING + "register/", registration.register, name="meeting_register"),
    path(
        MEETING + "register/someone/",
        registration.register_someone,
        name="meeting_register_someone",
    ),
    path(
        MEETING + "registrations/<int:reg_pk>/",
        registration.registration_edit,
        name="meeting_registration",
    ),
    path(
        MEETING + "registrations/<int:reg_pk>/cancel/",
        registration.registration_cancel,
        name="meeting_registration_cancel",
    ),
    path(MEETING + "participants/", registration.participants, name="meeting_participants"),
    path(MEETING + "attendance/", attendance.attendance, name="meeting_attendance"),
    path(
        MEETING + "attendance/<str:day>/",
        attendance.attendance,
        name="meeting_attendance_day",
    ),
    path(
        MEETING + "attendance/<str:day>/walk-in/",
        attendance.walk_in,
        name="meeting_walk_in",
    ),
    path(MEETING + "sign-in-sheet.pdf", attendance.sheet, name="meeting_sign_in_sheet"),
]
