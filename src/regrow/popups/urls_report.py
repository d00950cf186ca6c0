"""The pop-up report pages' addresses (included by popups/urls.py)."""

urlpatterns: list = []
