from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PremisesConfig(AppConfig):
    name = "regrow.premises"
    label = "premises"
    verbose_name = _("Vacancy register")

    def ready(self) -> None:
        from django.core import checks

        from regrow.lib import places, workspace
        from regrow.premises.checks import check_sqlite_version
        from regrow.premises.selectors import has_public_units
        from regrow.premises.views.public import public_map
        from regrow.towns.models import Town
        from regrow.towns.permissions import Action, can

        checks.register(check_sqlite_version, checks.Tags.database)
        places.register_section(
            Town, "map", public_map, title=_("Map"), order=40, has_content=has_public_units
        )

        def coordinates(user, town) -> bool:
            return can(user, Action.CHANGE_TOWN, town)

        workspace.register_tool(
            title=_("Register of units"),
            url_name="premises:register",
            visible=coordinates,
            order=10,
        )
        workspace.register_tool(
            title=_("Vacancy"), url_name="premises:vacancy", visible=coordinates, order=20
        )
        workspace.register_personal_link(
            title=_("My units"), url_name="premises:my_units", order=10
        )
