"""Addresses of the three-month goals: those set at a meeting, setting, changing and removing
one, the removed ones and putting one back, the review of the previous meeting's goals, and a
partner's goals over all meetings."""

from django.urls import path

from regrow.network.views_meetings import goals

MEETING = "<slug:slug>/members/meetings/<int:pk>/"
GOALS = MEETING + "goals/"
REVIEW = MEETING + "goal-reviews/"

urlpatterns = [
    path(GOALS, goals.meeting_goals, name="meeting_goals"),
    path(GOALS + "partners/<int:partner_pk>/add/", goals.goal_add, name="goal_add"),
    path(GOALS + "<int:goal_pk>/", goals.goal_edit, name="goal"),
    path(GOALS + "removed/", goals.goals_removed, name="meeting_goals_removed"),
    path(GOALS + "<int:goal_pk>/remove/", goals.goal_remove, name="goal_remove"),
    path(GOALS + "<int:goal_pk>/restore/", goals.goal_restore, name="goal_restore"),
    path(REVIEW, goals.review_list, name="goal_reviews"),
    path(REVIEW + "<int:goal_pk>/", goals.goal_review, name="goal_review"),
    path(
        "<slug:slug>/members/partners/<int:partner_pk>/goals/",
        goals.partner_goals,
        name="partner_goals",
    ),
]
