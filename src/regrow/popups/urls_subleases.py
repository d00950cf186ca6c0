"""The pop-up subleases pages' addresses (included by popups/urls.py)."""

urlpatterns: list = []
