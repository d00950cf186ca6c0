"""The network's plans addresses."""

urlpatterns: list = []
