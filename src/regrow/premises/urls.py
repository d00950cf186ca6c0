from django.urls import path

from regrow.lib.pagecache import cached_for_anonymous
from regrow.premises.views import (
    files,
    owners,
    public,
    register,
    report_document,
    survey,
    units,
    vacancy,
)

app_name = "premises"

urlpatterns = [
    path("my-units/", units.my_units, name="my_units"),
    path("<slug:slug>/register/", register.register, name="register"),
    path("<slug:slug>/register/map/", register.register_map, name="register_map"),
    path(
        "<slug:slug>/register/map/units/<int:pk>/",
        register.register_map_unit,
        name="register_map_unit",
    ),
    path("<slug:slug>/register/vacancy/", vacancy.vacancy, name="vacancy"),
    path("<slug:slug>/register/units/new/", units.unit_new, name="unit_new"),
    path("<slug:slug>/register/units/<int:pk>/", units.unit_detail, name="unit"),
    path("<slug:slug>/register/units/<int:pk>/status/", units.unit_status, name="unit_status"),
    path("<slug:slug>/register/units/<int:pk>/photos/", units.unit_photo, name="unit_photo"),
    path(
        "<slug:slug>/register/units/<int:pk>/photos/<int:photo_pk>/review/",
        units.unit_photo_review,
        name="unit_photo_review",
    ),
    path("<slug:slug>/register/owners/", owners.owner_list, name="owners"),
    path("<slug:slug>/register/owners/new/", owners.owner_new, name="owner_new"),
    path("<slug:slug>/register/owners/<int:pk>/", owners.owner_detail, name="owner"),
    path("<slug:slug>/register/survey/", survey.survey_streets, name="survey"),
    path("<slug:slug>/register/survey/street/", survey.survey_street, name="survey_street"),
    path("<slug:slug>/register/import/", files.import_units, name="import"),
    path("<slug:slug>/register/zones/", files.zones, name="zones"),
    path("<slug:slug>/register/report/", vacancy.report, name="report"),
    path("<slug:slug>/register/report/pdf/", report_document.report_pdf, name="report_pdf"),
    path("<slug:slug>/register/report/docx/", report_document.report_docx, name="report_docx"),
    path(
        "<slug:slug>/register/report/<str:fmt>/",
        vacancy.report_download,
        name="report_download",
    ),
    path("<slug:slug>/register/import/confirm/", files.import_confirm, name="import_confirm"),
    path("<slug:slug>/register/export/<str:fmt>/", files.export_units, name="export"),
    path("<slug:slug>/register/export/", files.export_page, name="export_page"),
    path(
        "<slug:slug>/register/import/template/<str:fmt>/",
        files.import_template,
        name="import_template",
    ),
    path(
        "<slug:slug>/map/units.geojson",
        cached_for_anonymous(public.public_units_geojson),
        name="public_geojson",
    ),
]
