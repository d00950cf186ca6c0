from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PopupsConfig(AppConfig):
    name = "regrow.popups"
    label = "popups"
    verbose_name = _("Pop-up shops")

    def ready(self) -> None:
        from regrow.accounts import personal_data
        from regrow.lib import places, workspace
        from regrow.popups import personal_data as popups_data
        from regrow.popups.selectors_calendar import has_public_content
        from regrow.popups.views.public import popups_section
        from regrow.towns.models import Town
        from regrow.towns.permissions import Action, can

        places.register_section(
            Town,
            "popups",
            popups_section,
            title=_("Pop-ups"),
            order=50,
            # Open rounds, and the pop-ups of allocated ones while they are on (the calendar).
            has_content=has_public_content,
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
        # A person's data: in "My data" and erased with the account (accounts/personal_data.py).
        personal_data.register_exporter(
            "memberships", popups_data.export_memberships, title=_("Your roles in towns"), order=10
        )
        personal_data.register_exporter(
            "popup_applications",
            popups_data.export_applications,
            title=_(
                "Your pop-up applications: what you entered, the units you asked for, your "
                "documents' names, the decision and your sublease"
            ),
            order=50,
        )
        personal_data.register_exporter(
            "popup_jury",
            popups_data.export_jury,
            title=_("Your places on pop-up juries, with the scores and comments you gave"),
            order=51,
        )
        personal_data.register_eraser(
            "popups", popups_data.erase, refusals=popups_data.erasure_refusals
        )

    def publishing_sources(self) -> list[dict]:
        """A news entry can be about a round, and an open round's call for applications becomes
        an event in one step, prefilled in the language it is written in
        (selectors_calendar.call_announcement; the round page's button: publish_call)."""
        from regrow.popups.models import Round
        from regrow.popups.selectors_calendar import call_announcement

        return [{"model": Round, "place": lambda round_: round_.town, "event": call_announcement}]
