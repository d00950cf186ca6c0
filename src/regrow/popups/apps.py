from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PopupsConfig(AppConfig):
    name = "regrow.popups"
    label = "popups"
    verbose_name = _("Pop-up shops")

    def ready(self) -> None:
        from regrow.lib import places, workspace
        from regrow.popups.selectors import has_public_rounds
        from regrow.popups.views.public import popups_section
        from regrow.towns.models import Town
        from regrow.towns.permissions import Action, can

        places.register_section(
            Town,
            "popups",
            popups_section,
            title=_("Pop-ups"),
            order=50,
            has_content=has_public_rounds,
        )
        workspace.register_tool(
            title=_("Pop-up rounds"),
            url_name="popups:rounds",
            visible=lambda user, town: can(user, Action.CHANGE_TOWN, town),
            order=30,
        )
        workspace.register_tool(
            title=_("Jury"),
            url_name="popups:jury_rounds",
            visible=lambda user, town: can(user, Action.SCORE_APPLICATIONS, town),
            order=31,
        )
