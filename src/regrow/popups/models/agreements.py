"""The head lease between a unit's owner and the intermediary that sublets it to pop-ups."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regrow.popups.choices import AgreementStatus
from regrow.premises.models import Owner


class OwnerAgreement(models.Model):
    """One per offered unit: the owner lets it to the intermediary (the town or an association)
    for the term; subleases to the traders come under it."""

    round_unit = models.OneToOneField(
        "popups.RoundUnit", on_delete=models.CASCADE, related_name="agreement"
    )
    owner = models.ForeignKey(
        Owner, on_delete=models.PROTECT, related_name="popup_agreements", verbose_name=_("owner")
    )
    intermediary_name = models.CharField(_("intermediary"), max_length=200)
    intermediary_address = models.TextField(_("intermediary's address"))
    starts_on = models.DateField(_("term starts on"))
    ends_on = models.DateField(_("term ends on"))
    rent_cents_per_month = models.PositiveIntegerField(_("rent (cents a month)"), default=0)
    service_charges_cents_per_month = models.PositiveIntegerField(
        _("service charges (cents a month)"), default=0
    )
    conditions = models.TextField(_("conditions"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.PROPOSED,
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("owner agreement")
        verbose_name_plural = _("owner agreements")

    def __str__(self) -> str:
        return f"{self.owner} – {self.intermediary_name}"  # noqa: RUF001 - a dash between parties
