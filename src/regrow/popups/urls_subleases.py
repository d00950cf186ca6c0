"""The pop-up subleases pages' addresses (included by popups/urls.py)."""

from django.urls import path

from regrow.popups.views import agreements, subleases

urlpatterns = [
    path(
        "<slug:slug>/popup-subleases/<int:pk>.pdf",
        subleases.sublease_download,
        {"fmt": "pdf"},
        name="sublease_pdf",
    ),
    path(
        "<slug:slug>/popup-subleases/<int:pk>.docx",
        subleases.sublease_download,
        {"fmt": "docx"},
        name="sublease_docx",
    ),
    path(
        "<slug:slug>/popup-sublease-template/<str:language>/",
        agreements.agreement_template,
        {"kind": "sublease"},
        name="sublease_template",
    ),
]
