"""The network's setup addresses."""

urlpatterns: list = []
