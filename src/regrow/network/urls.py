"""The network's members' area: one address module per part (set-up, plans, review)."""

from django.urls import include, path

app_name = "network"

urlpatterns = [
    path("", include("regrow.network.urls_setup")),
    path("", include("regrow.network.urls_plans")),
    path("", include("regrow.network.urls_review")),
]
