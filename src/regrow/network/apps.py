from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "regrow.network"
    label = "network"
    verbose_name = _("Transfer networks")

    def ready(self) -> None:
        from regrow.lib import places
        from regrow.network.models import Network, Partner
        from regrow.network.views import network_home, network_section
        from regrow.towns.models import Town

        places.register(Network, home_view=network_home)
        from regrow.network import permissions

        permissions.register()
        from regrow.network.two_factor import two_factor_rule
        from regrow.towns.middleware import register_two_factor_rule

        register_two_factor_rule(two_factor_rule)

        def has_partners(place) -> bool:
            return Partner.objects.filter(**{type(place)._meta.model_name: place}).exists()

        for model in (Town, Network):
            places.register_section(
                model,
                "network",
                network_section,
                title=_("Network"),
                order=60,
                has_content=has_partners,
            )
        self.register_members_area()
        self.register_meetings()

    def register_meetings(self) -> None:
        """The network's public progress summary and its meetings on the public site, and a
        person's meeting registrations in "My data" and erasure."""
        from regrow.accounts import personal_data
        from regrow.lib import places
        from regrow.network import personal_data_meetings
        from regrow.network.models import Network
        from regrow.network.views_dashboard_public import has_public_summary, public_summary
        from regrow.network.views_meetings.public import has_public_meetings, meetings_section

        places.register_section(
            Network,
            "progress",
            public_summary,
            title=_("Progress"),
            order=62,
            has_content=has_public_summary,
        )
        places.register_section(
            Network,
            "meetings",
            meetings_section,
            title=_("Meetings"),
            order=64,
            has_content=has_public_meetings,
        )
        personal_data.register_exporter(
            "network_meeting_registrations",
            personal_data_meetings.export_registrations,
            title=_("Your registrations for network meetings"),
            order=62,
        )
        personal_data.register_eraser(
            "network_meetings", personal_data_meetings.erase_registrations
        )

    def register_members_area(self) -> None:
        """The members' area in pages it does not own: a person's networks on their dashboard,
        the way in on a network's home, and their network data in "My data" and erasure."""
        from regrow.accounts import personal_data
        from regrow.lib import places, workspace
        from regrow.network import personal_data as network_data
        from regrow.network.selectors_members import has_networks
        from regrow.network.views_members.home import members_panel

        workspace.register_personal_link(
            title=_("My networks"), url_name="network:mine", visible=has_networks, order=20
        )
        places.register_home_panel(members_panel)
        personal_data.register_exporter(
            "network_memberships",
            network_data.export_memberships,
            title=_("Your roles in transfer networks"),
            order=60,
        )
        personal_data.register_exporter(
            "network_stakeholder_entries",
            network_data.export_stakeholder_entries,
            title=_(
                "Your entries in partners' local stakeholder groups, with their contact details"
            ),
            order=61,
        )
        personal_data.register_eraser("network", network_data.erase)

    def publishing_sources(self) -> list[dict]:
        """An entry can be about a network (e.g. news of a partner meeting), and a meeting
        becomes the network's event in one step (meeting_events)."""
        from regrow.network.meeting_events import meeting_event, public_url
        from regrow.network.models import Meeting, Network

        return [
            {"model": Network, "place": lambda network: network},
            {
                "model": Meeting,
                "place": lambda meeting: meeting.network,
                "event": meeting_event,
                "public_url": public_url,
            },
        ]

    def publishing_connect(self, announcements) -> None:
        """Publishing hands over what a meeting's publishing page needs (it is above us)."""
        from regrow.network import meeting_events

        meeting_events.connect_publishing(
            published_about=announcements.published_about,
            publish_event=announcements.publish_event,
            draft_news=announcements.draft_news,
        )
