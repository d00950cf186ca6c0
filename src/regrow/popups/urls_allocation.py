"""The pop-up allocation pages' addresses (included by popups/urls.py)."""

urlpatterns: list = []
