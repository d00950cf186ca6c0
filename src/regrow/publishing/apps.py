from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "regrow.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from regrow.lib import places, workspace
        from regrow.network.models import Network
        from regrow.publishing import sources, views
        from regrow.towns.models import Town
        from regrow.towns.permissions import Action, can

        places.register_home_panel(views.home_panel)
        for model in (Town, Network):
            places.register_section(model, "news", views.news_list, title=_("News"), order=10)
            places.register_section(model, "events", views.event_list, title=_("Events"), order=20)
            places.register_section(
                model, "projects", views.project_list, title=_("Projects"), order=30
            )
        workspace.register_tool(
            title=_("Write and edit"),
            url_name="publishing:manage",
            visible=lambda user, town: can(user, Action.PUBLISH, town),
            order=50,
        )
        # What entries can be about comes from the apps' own `publishing_sources()` hooks.
        sources.discover()
