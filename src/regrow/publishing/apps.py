from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "regrow.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from regrow.lib import places, workspace
        from regrow.network.models import Network
        from regrow.publishing import sections, sources, views
        from regrow.towns.models import Town
        from regrow.towns.permissions import Action, can

        places.register_home_panel(views.home_panel)
        for model in (Town, Network):
            places.register_section(
                model,
                "news",
                views.news_list,
                title=_("News"),
                order=10,
                has_content=sections.has_news,
            )
            places.register_section(
                model,
                "events",
                views.event_list,
                title=_("Events"),
                order=20,
                has_content=sections.has_events,
            )
            places.register_section(
                model,
                "projects",
                views.project_list,
                title=_("Projects"),
                order=30,
                has_content=sections.has_projects,
            )

        def writes(user, town) -> bool:
            return can(user, Action.PUBLISH, town)

        # Every role that may publish finds both on its dashboard and in the workspace.
        workspace.register_tool(
            title=_("Write something new"), url_name="publishing:write", visible=writes, order=45
        )
        workspace.register_tool(
            title=_("Write and edit"), url_name="publishing:manage", visible=writes, order=50
        )
        # A town's or network's pages show its name, contacts, logo and colour: a change to
        # any of them renders its cached pages afresh.
        from django.db.models.signals import post_save

        from regrow.publishing.caching import publisher_changed

        def place_saved(sender, instance, **kwargs) -> None:
            publisher_changed(instance)

        for model in (Town, Network):
            post_save.connect(
                place_saved,
                sender=model,
                weak=False,
                dispatch_uid=f"publishing.place_saved.{model.__name__}",
            )
        # What entries can be about comes from the apps' own `publishing_sources()` hooks.
        sources.discover()
        # Apps below publishing that publish their objects' events and news themselves (the
        # network's meetings) get publishing's functions for it through their AppConfig's
        # `publishing_connect(announcements)` hook: they cannot import publishing.
        from regrow.publishing import announcements

        for config in apps.get_app_configs():
            connect = getattr(config, "publishing_connect", None)
            if callable(connect):
                connect(announcements)
