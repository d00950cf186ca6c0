from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "regrow.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from regrow.indicators import derived
        from regrow.lib import workspace
        from regrow.towns.permissions import Action, can

        workspace.register_tool(
            title=_("Import indicators"),
            url_name="indicators:import",
            visible=lambda user, town: can(user, Action.CHANGE_TOWN, town),
            order=40,
        )
        derived.discover()

    def indicator_sources(self) -> list[dict]:
        """The register's vacancy rate and the pop-ups' conversion rate, until premises and
        popups declare them on their own AppConfig (derived_sources.py)."""
        from regrow.indicators.derived_sources import sources

        return sources()
