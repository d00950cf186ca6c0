import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regrow.lib.branding import Branding
from regrow.lib.contact import ContactDetails
from regrow.lib.geo import latitude_field, longitude_field
from regrow.lib.i18n import validate_language_codes
from regrow.lib.places import validate_place_slug


def validate_time_zone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(name)s” is not a time zone; use a name such as Europe/Riga.") % {"name": name}
        )


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    EDITOR = "editor", _("Editor")
    JURY_MEMBER = "jury_member", _("Jury member")
    PROPERTY_OWNER = "property_owner", _("Property owner")
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")


class Town(ContactDetails, Branding):
    """A municipality that runs its programme in regrow; most data belongs to one town."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("web address"), max_length=60, unique=True, help_text=_("Used in page addresses.")
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        validators=[validate_language_codes],
        help_text=_("Languages the town publishes in, the main one first."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Riga", validators=[validate_time_zone]
    )
    centre_latitude = latitude_field(_("centre latitude"))
    centre_longitude = longitude_field(_("centre longitude"))
    # The codes statistics offices give the municipality: indicator files name regions by them.
    lau_code = models.CharField(
        _("LAU code"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("The local administrative unit's code in Eurostat's list, e.g. 05962004."),
    )
    national_code = models.CharField(
        _("national territorial code"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("The code the national statistics office uses, e.g. Latvia's ATVK code."),
    )

    class Meta:
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.slug:
            validate_place_slug(self)

    def get_absolute_url(self) -> str:
        return reverse("place_home", kwargs={"slug": self.slug})

    def today(self):
        """Today's date in the town's own time zone (a status may not be dated after it)."""
        return timezone.now().astimezone(zoneinfo.ZoneInfo(self.time_zone)).date()


class Membership(models.Model):
    """A person's role in one town. Everything they may see or change follows from these."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    town = models.ForeignKey(
        Town, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("town")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("since"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["town__name", "role", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "town", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.town}"


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class Invitation(models.Model):
    """An offer, sent by e-mail, of a role in a town; its link works once and for 7 days."""

    town = models.ForeignKey(
        Town, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("town")
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.REGROW_PARTNER_LANGUAGES
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    # Withdrawn invitations are kept (who invited whom, and who took it back) but their link
    # no longer works.
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    # Part of the signed link, so a link cannot be made up from an invitation's number alone.
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.get_role_display()} · {self.town}"

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at
