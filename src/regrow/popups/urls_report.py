"""The pop-up report pages' addresses (included by popups/urls.py)."""

from django.urls import path

from regrow.popups.views import report

ROUND = "<slug:slug>/popup-rounds/<int:pk>/"

urlpatterns = [
    path(ROUND + "report/", report.round_report_page, name="round_report"),
    path(ROUND + "report.pdf", report.round_report_pdf, name="round_report_pdf"),
    path(ROUND + "report.docx", report.round_report_docx, name="round_report_docx"),
    path("<slug:slug>/popup-rounds/compare/", report.rounds_compare, name="rounds_compare"),
]
