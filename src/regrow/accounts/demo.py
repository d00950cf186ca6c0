"""Demo administrator of the installation."""

from regrow.accounts.services import user_ensure
from regrow.lib.demo import Demo

ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "regrow-admin"


def load(demo: Demo) -> None:
    user_ensure(
        email=ADMIN_EMAIL,
        password=ADMIN_PASSWORD,
        full_name="Installation administrator",
        language="en",
        is_staff=True,
        is_superuser=True,
    )
    demo.add_login("administrator (/admin/)", ADMIN_EMAIL, ADMIN_PASSWORD)
