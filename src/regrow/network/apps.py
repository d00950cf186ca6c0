from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "regrow.network"
    label = "network"
    verbose_name = _("Transfer networks")

    def ready(self) -> None:
        from regrow.lib import places
        from regrow.network.models import Network
        from regrow.network.views import network_home

        places.register(Network, home_view=network_home)
