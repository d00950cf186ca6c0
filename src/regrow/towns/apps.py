from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TownsConfig(AppConfig):
    name = "regrow.towns"
    label = "towns"
    verbose_name = _("Towns")

    def ready(self) -> None:
        from django.core import checks

        from regrow.lib import i18n, places, workspace
        from regrow.towns.models import Town
        from regrow.towns.permissions import Action, can
        from regrow.towns.views import town_home

        places.register(Town, home_view=town_home)
        workspace.register_tool(
            title=_("Logo and colour"),
            url_name="towns:branding",
            visible=lambda user, town: can(user, Action.CHANGE_TOWN, town),
            order=90,
        )
        # The offered languages are a town's public face: each must be fully translated.
        checks.register(i18n.check_offered_languages)
