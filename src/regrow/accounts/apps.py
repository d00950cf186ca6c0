from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "regrow.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from regrow.lib import workspace

        # "My data": the export and the erasure, on every signed-in person's dashboard.
        workspace.register_personal_link(title=_("My data"), url_name="accounts:my_data", order=90)
