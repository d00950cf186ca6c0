from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PremisesConfig(AppConfig):
    name = "regrow.premises"
    label = "premises"
    verbose_name = _("Vacancy register")

    def ready(self) -> None:
        from regrow.lib import places
        from regrow.premises.views.public import public_map
        from regrow.towns.models import Town

        places.register_section(Town, "map", public_map)
