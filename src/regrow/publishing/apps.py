from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "regrow.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from regrow.lib import places
        from regrow.network.models import Network
        from regrow.publishing import sources, views
        from regrow.towns.models import Town

        places.register_home_panel(views.home_panel)
        for model in (Town, Network):
            places.register_section(model, "news", views.news_list)
            places.register_section(model, "events", views.event_list)
            places.register_section(model, "projects", views.project_list)
        # An entry can be about a network (e.g. news of a partner meeting).
        sources.register(Network, place=lambda network: network)
