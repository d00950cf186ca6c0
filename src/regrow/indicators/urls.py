from django.urls import path

from regrow.indicators import views

app_name = "indicators"

urlpatterns = [
    path("<slug:slug>/indicators/import/", views.import_observations, name="import"),
    path("<slug:slug>/indicators/import/confirm/", views.import_confirm, name="import_confirm"),
    path("<slug:slug>/indicators/export.csv", views.export_observations, name="export"),
]
