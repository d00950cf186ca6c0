"""Addresses of a meeting's records: the minutes per agenda item and their DOCX and PDF
export, the decisions, the documents and photos, and the site visit's route."""

from django.urls import path

from regrow.network.views_meetings import documents, minutes, site_visit

MEETING = "<slug:slug>/members/meetings/<int:pk>/"
DECISION = MEETING + "decisions/<int:decision_pk>/"
DOCUMENT = MEETING + "documents/<int:document_pk>/"
STOP = MEETING + "site-visit/<int:stop_pk>/"

urlpatterns = [
    path(MEETING + "minutes/", minutes.minutes_page, name="meeting_minutes"),
    path(MEETING + "minutes/<int:item_pk>/", minutes.minutes_item, name="meeting_minutes_item"),
    path(MEETING + "minutes.docx", minutes.minutes_docx, name="meeting_minutes_docx"),
    path(MEETING + "minutes.pdf", minutes.minutes_pdf, name="meeting_minutes_pdf"),
    path(MEETING + "decisions/", minutes.decisions_page, name="meeting_decisions"),
    path(
        MEETING + "decisions/removed/",
        minutes.decisions_removed,
        name="meeting_decisions_removed",
    ),
    path(DECISION, minutes.decision_edit, name="meeting_decision"),
    path(DECISION + "remove/", minutes.decision_remove, name="meeting_decision_remove"),
    path(DECISION + "restore/", minutes.decision_restore, name="meeting_decision_restore"),
    path(MEETING + "documents/", documents.documents_page, name="meeting_documents"),
    path(
        MEETING + "documents/removed/",
        documents.documents_removed,
        name="meeting_documents_removed",
    ),
    path(DOCUMENT + "file/", documents.document_file, name="meeting_document_file"),
    path(DOCUMENT + "remove/", documents.document_remove, name="meeting_document_remove"),
    path(DOCUMENT + "restore/", documents.document_restore, name="meeting_document_restore"),
    path(MEETING + "site-visit/", site_visit.site_visit, name="meeting_site_visit"),
    path(MEETING + "site-visit/add/", site_visit.stop_add, name="meeting_site_stop_add"),
    path(
        MEETING + "site-visit/removed/",
        site_visit.stops_removed,
        name="meeting_site_stops_removed",
    ),
    path(STOP, site_visit.stop_edit, name="meeting_site_stop"),
    path(STOP + "move/", site_visit.stop_move, name="meeting_site_stop_move"),
    path(STOP + "remove/", site_visit.stop_remove, name="meeting_site_stop_remove"),
    path(STOP + "restore/", site_visit.stop_restore, name="meeting_site_stop_restore"),
]
