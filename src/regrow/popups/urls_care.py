"""The pop-up care pages' addresses (included by popups/urls.py): a round's pop-ups, one
pop-up's care, review, outcome and public fields, and the trader's feedback link."""

from django.urls import path

from regrow.popups.views import care, feedback

urlpatterns = [
    path("<slug:slug>/popup-rounds/<int:pk>/popups/", care.round_popups, name="round_popups"),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/popups/<int:sublease_pk>/",
        care.popup,
        name="popup",
    ),
    path("<slug:slug>/popup-feedback/<str:token>/", feedback.feedback, name="feedback"),
]
