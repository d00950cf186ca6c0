"""Addresses of the network's meetings: see the module's views."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
