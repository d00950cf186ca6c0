from django.urls import path

from regrow.indicators import views, views_pages, views_public

app_name = "indicators"

# The town's Indicators section is /<slug>/indicators/ (a place section, apps.py); the pages
# below it take fixed names first, then an indicator's code.
urlpatterns = [
    path("<slug:slug>/indicators/import/", views.import_observations, name="import"),
    path("<slug:slug>/indicators/import/confirm/", views.import_confirm, name="import_confirm"),
    path("<slug:slug>/indicators/export.csv", views.export_observations, name="export"),
    path("<slug:slug>/indicators/dashboard/", views_pages.dashboard, name="dashboard"),
    path("<slug:slug>/indicators/shown/", views_public.public_choice, name="public_choice"),
    path("<slug:slug>/indicators/<slug:code>/", views_pages.indicator_page, name="indicator"),
    path(
        "<slug:slug>/indicators/<slug:code>/definition.md",
        views_pages.definition,
        name="definition",
    ),
    path(
        "<slug:slug>/indicators/<slug:code>/<str:file>",
        views_pages.download,
        name="download",
    ),
]
