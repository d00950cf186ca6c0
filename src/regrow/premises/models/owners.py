"""Owners of units and the log of contacts with them (personal data: coordinators and the
owner only)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regrow.premises.choices import ShopCategory
from regrow.towns.models import Town


def validate_categories(codes: list[str]) -> None:
    if not isinstance(codes, list):
        raise ValidationError(_("Expected a list of shop categories."))
    unknown = [code for code in codes if code not in ShopCategory.values]
    if unknown:
        raise ValidationError(
            _("Unknown shop category: %(codes)s.") % {"codes": ", ".join(map(str, unknown))}
        )


class Owner(models.Model):
    """Who owns one or more units.

    Personal data: only the town's coordinators and the owner see it.
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")

    class Outreach(models.TextChoices):
        UNKNOWN = "unknown", _("Unknown")
        IDENTIFIED = "identified", _("Identified")
        CONTACTED = "contacted", _("Contacted")
        INTERESTED = "interested", _("Interested")
        AGREED = "agreed", _("Agreed")
        DECLINED = "declined", _("Declined")

    class Reason(models.TextChoices):
        REDEVELOPMENT = "redevelopment", _("Plans to redevelop")
        UPPER_FLOORS = "upper_floors", _("Income from upper floors is enough")
        PAST_RENTS = "past_rents", _("Hopes for past rents")
        LENDER = "lender", _("Lender's conditions")
        FIT_OUT = "fit_out", _("Fit-out costs")
        OTHER = "other", _("Other")

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="owners")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.REGROW_PARTNER_LANGUAGES, blank=True
    )
    lives_locally = models.BooleanField(_("lives locally"), default=True)
    consents_to_contact = models.BooleanField(_("agrees to be contacted"), default=False)
    outreach_status = models.CharField(
        _("outreach"), max_length=20, choices=Outreach.choices, default=Outreach.UNKNOWN
    )
    outreach_status_on = models.DateField(_("outreach status since"), default=timezone.localdate)
    reasons_not_letting = models.JSONField(_("reasons for not letting"), default=list, blank=True)
    reasons_note = models.TextField(_("about the reasons"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_premises",
        verbose_name=_("account"),
        help_text=_("The owner's own account, through which they see and correct their units."),
    )

    class Meta:
        verbose_name = _("owner")
        verbose_name_plural = _("owners")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Lower case, as account addresses are, so an owner's own account is recognised.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        unknown = [r for r in self.reasons_not_letting if r not in self.Reason.values]
        if unknown:
            raise ValidationError({"reasons_not_letting": _("Unknown reason.")})


class OwnerContact(models.Model):
    """One entry of the contact log: who spoke to the owner, how, what was said, what next."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")
        LETTER = "letter", _("Letter")
        VISIT = "visit", _("Visit")
        MEETING = "meeting", _("Meeting")

    owner = models.ForeignKey(Owner, on_delete=models.CASCADE, related_name="contacts")
    contacted_on = models.DateField(_("date"), default=timezone.localdate)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    contacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    summary = models.TextField(_("what was said"))
    outreach_status = models.CharField(
        _("outreach status after"), max_length=20, choices=Owner.Outreach.choices, blank=True
    )
    next_step = models.CharField(_("next step"), max_length=200, blank=True)
    next_step_on = models.DateField(_("next step on"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contact log")
        ordering = ["-contacted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.owner} · {self.contacted_on} · {self.get_channel_display()}"
