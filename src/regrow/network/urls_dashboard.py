"""Addresses of the network dashboard: every partner side by side, one partner, and the lead's
choice of what the public sees."""

from django.urls import path

from regrow.network import views_dashboard

urlpatterns = [
    path("<slug:slug>/members/dashboard/", views_dashboard.dashboard, name="dashboard"),
    path(
        "<slug:slug>/members/dashboard/partners/<int:pk>/",
        views_dashboard.dashboard_partner,
        name="dashboard_partner",
    ),
    path(
        "<slug:slug>/members/dashboard/public/",
        views_dashboard.public_summary_choose,
        name="dashboard_public",
    ),
]
