"""The peer review of Transfer Plans and their documents (included by network/urls.py)."""

from django.urls import path

from regrow.network import views_review, views_review_documents, views_review_people

PLAN = "<slug:slug>/plans/<int:plan_pk>/"
VERSION = PLAN + "versions/<int:number>/"

urlpatterns = [
    path(PLAN + "review/", views_review.plan_review, name="plan_review"),
    path(VERSION + "review/", views_review.plan_review, name="plan_review_version"),
    path(VERSION + "review/comments/", views_review.comment_add, name="plan_comment_add"),
    path(
        VERSION + "review/comments/<int:pk>/answer/",
        views_review.comment_resolve,
        name="plan_comment_resolve",
    ),
    path(
        VERSION + "review/<slug:section>/",
        views_review.plan_review_section,
        name="plan_review_section",
    ),
    path(PLAN + "reviewers/", views_review_people.reviewer_assign, name="plan_reviewer_assign"),
    path(
        PLAN + "reviewers/<int:pk>/remove/",
        views_review_people.reviewer_remove,
        name="plan_reviewer_remove",
    ),
    path(VERSION + "plan.docx", views_review_documents.plan_version_docx, name="plan_version_docx"),
    path(VERSION + "plan.pdf", views_review_documents.plan_version_pdf, name="plan_version_pdf"),
]
