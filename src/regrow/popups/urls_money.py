"""The pop-up money pages' addresses (included by popups/urls.py)."""

urlpatterns: list = []
