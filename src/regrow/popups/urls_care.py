"""The pop-up care pages' addresses (included by popups/urls.py)."""

urlpatterns: list = []
