"""The network's review addresses."""

urlpatterns: list = []
