from django.urls import include, path

from regrow.lib.pagecache import cached_for_anonymous
from regrow.popups.views import agreements, applications, jury, offers, public, rounds

app_name = "popups"

urlpatterns = [
    path("", include("regrow.popups.urls_allocation")),
    path("", include("regrow.popups.urls_subleases")),
    path("", include("regrow.popups.urls_money")),
    path("", include("regrow.popups.urls_care")),
    path("", include("regrow.popups.urls_report")),
    path("", include("regrow.popups.urls_calendar")),
    path("<slug:slug>/popup-rounds/", rounds.round_list, name="rounds"),
    path("<slug:slug>/popup-rounds/new/", rounds.round_new, name="round_new"),
    path("<slug:slug>/popup-rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("<slug:slug>/popup-rounds/<int:pk>/units/", offers.offer_add, name="offer_add"),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/units/<int:offer_pk>/",
        offers.offer_detail,
        name="offer",
    ),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/units/<int:offer_pk>/remove/",
        offers.offer_remove,
        name="offer_remove",
    ),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/units/<int:offer_pk>/agreement/",
        offers.offer_agreement,
        name="offer_agreement",
    ),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/units/<int:offer_pk>/agreement.pdf",
        agreements.agreement_download,
        {"fmt": "pdf"},
        name="agreement_pdf",
    ),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/units/<int:offer_pk>/agreement.docx",
        agreements.agreement_download,
        {"fmt": "docx"},
        name="agreement_docx",
    ),
    path(
        "<slug:slug>/popup-agreement-template/<str:language>/",
        agreements.agreement_template,
        name="agreement_template",
    ),
    path("<slug:slug>/popup-rounds/<int:pk>/criteria/", offers.criterion_add, name="criterion_add"),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/criteria/<int:item_pk>/remove/",
        offers.criterion_remove,
        name="criterion_remove",
    ),
    path("<slug:slug>/popup-rounds/<int:pk>/events/", offers.event_add, name="event_add"),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/events/<int:item_pk>/remove/",
        offers.event_remove,
        name="event_remove",
    ),
    path(
        "<slug:slug>/popups/<int:pk>/",
        cached_for_anonymous(public.round_public),
        name="round_public",
    ),
    path("<slug:slug>/popups/<int:pk>/apply/", applications.apply, name="apply"),
    path("popup-applications/", applications.my_applications, name="my_applications"),
    path(
        "<slug:slug>/popups/applications/<int:pk>/",
        applications.application_page,
        name="application",
    ),
    path(
        "<slug:slug>/popups/applications/<int:pk>/documents/",
        applications.document_add,
        name="document_add",
    ),
    path(
        "<slug:slug>/popups/applications/<int:pk>/documents/<int:document_pk>/",
        applications.document_download,
        name="document",
    ),
    path(
        "<slug:slug>/popups/applications/<int:pk>/documents/<int:document_pk>/remove/",
        applications.document_remove,
        name="document_remove",
    ),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/applications/",
        applications.round_applications,
        name="round_applications",
    ),
    path("<slug:slug>/popup-rounds/<int:pk>/jury/", jury.round_jury, name="round_jury"),
    path(
        "<slug:slug>/popup-rounds/<int:pk>/jury/<int:juror_pk>/remove/",
        jury.juror_remove,
        name="juror_remove",
    ),
    path("<slug:slug>/popup-jury/", jury.jury_rounds, name="jury_rounds"),
    path("<slug:slug>/popup-jury/<int:pk>/", jury.jury_round, name="jury_round"),
    path(
        "<slug:slug>/popup-jury/<int:pk>/applications/<int:application_pk>/",
        jury.jury_application,
        name="jury_application",
    ),
    path(
        "<slug:slug>/popups/<int:pk>/units.geojson",
        cached_for_anonymous(public.round_geojson),
        name="round_geojson",
    ),
]
