"""Addresses of the network dashboard."""

from django.urls import path

from regrow.network import views_dashboard

urlpatterns = [
    path("<slug:slug>/members/dashboard/", views_dashboard.dashboard, name="dashboard"),
]
