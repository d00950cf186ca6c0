"""The pop-up calendar pages' addresses (included by popups/urls.py)."""

urlpatterns: list = []
