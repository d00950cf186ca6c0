"""The pop-up allocation pages' addresses (included by popups/urls.py)."""

from django.urls import path

from regrow.popups.views import allocation

ROUND = "<slug:slug>/popup-rounds/<int:pk>/allocation/"

urlpatterns = [
    path(ROUND, allocation.allocation_page, name="allocation"),
    path(ROUND + "status/", allocation.allocation_status, name="allocation_status"),
    path(ROUND + "propose/", allocation.allocation_propose, name="allocation_propose"),
    path(ROUND + "rules/", allocation.allocation_rule, name="allocation_rule"),
    path(
        ROUND + "rules/<int:rule_pk>/remove/",
        allocation.allocation_rule_remove,
        name="allocation_rule_remove",
    ),
    path(ROUND + "confirm/", allocation.allocation_confirm, name="allocation_confirm"),
]
