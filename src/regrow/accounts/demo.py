"""Demo administrator of the installation, and two-factor sign-in for demo people who need it."""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from regrow.accounts.services import user_ensure
from regrow.lib.demo import Demo

ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "regrow-admin"

# A fixed authenticator secret, so the demo people who must use two factors (the administrator
# and the coordinators) can add it to an authenticator app.
DEMO_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def two_factor_ensure(user, demo: Demo) -> None:
    """Give a demo person the demo authenticator secret and recovery codes, and print how."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    codes = Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).first()
    recovery = RecoveryCodes(codes) if codes else RecoveryCodes.activate(user)
    demo.notes.append(
        f"  {user.email} signs in with two factors: add the secret {DEMO_TOTP_SECRET} to an "
        f"authenticator app, or use a recovery code: {', '.join(recovery.get_unused_codes()[:2])}"
    )


def load(demo: Demo) -> None:
    admin = user_ensure(
        email=ADMIN_EMAIL,
        password=ADMIN_PASSWORD,
        full_name="Installation administrator",
        language="en",
        is_staff=True,
        is_superuser=True,
    )
    demo.add_login("administrator (/admin/)", ADMIN_EMAIL, ADMIN_PASSWORD)
    # Administrators see every town's personal data, so they too must use two factors.
    two_factor_ensure(admin, demo)
