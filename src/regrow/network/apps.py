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

    def publishing_sources(self) -> list[dict]:
        """An entry can be about a network (e.g. news of a partner meeting)."""
        from regrow.network.models import Network

        return [{"model": Network, "place": lambda network: network}]
