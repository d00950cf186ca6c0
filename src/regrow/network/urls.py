"""The network's members' area: one address module per part (set-up, plans, review, meetings
and their agenda, registration and attendance, minutes and site visits, three-month goals,
the dashboard, the meetings' calendar)."""

from django.urls import include, path

app_name = "network"

urlpatterns = [
    path("", include("regrow.network.urls_setup")),
    path("", include("regrow.network.urls_plans")),
    path("", include("regrow.network.urls_review")),
    path("", include("regrow.network.urls_meetings")),
    path("", include("regrow.network.urls_meeting_people")),
    path("", include("regrow.network.urls_meeting_records")),
    path("", include("regrow.network.urls_goals")),
    path("", include("regrow.network.urls_dashboard")),
    path("", include("regrow.network.urls_meeting_calendar")),
]
