from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "regrow.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from regrow.indicators import derived, peers
        from regrow.indicators.selectors_pages import has_public_indicators
        from regrow.indicators.views_public import public_section
        from regrow.lib import places, workspace
        from regrow.towns.models import Town
        from regrow.towns.permissions import Action, can

        places.register_section(
            Town,
            "indicators",
            public_section,
            title=_("Indicators"),
            order=55,
            has_content=has_public_indicators,
        )
        workspace.register_tool(
            title=_("Indicators"),
            url_name="indicators:dashboard",
            visible=lambda user, town: can(user, Action.CHANGE_TOWN, town),
            order=39,
        )
        workspace.register_tool(
            title=_("Import indicators"),
            url_name="indicators:import",
            visible=lambda user, town: can(user, Action.CHANGE_TOWN, town),
            order=40,
        )
        derived.discover()
        peers.discover()

    def indicator_sources(self) -> list[dict]:
        """The register's vacancy rate and the pop-ups' conversion rate, until premises and
        popups declare them on their own AppConfig (derived_sources.py)."""
        from regrow.indicators.derived_sources import sources

        return sources()

    def indicator_peers(self) -> list:
        """The towns of a town's networks, until the network app declares them (peers.py)."""
        from regrow.indicators.peers import fallback_providers

        return fallback_providers()
