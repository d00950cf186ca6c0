"""What a round leaves behind: the fund that pays for it, grants per pop-up, the operator's care
log and mid-round review, each pop-up's outcome (and whether it stayed) and its trader's
feedback. Everything hangs off a Sublease (a confirmed pop-up). Money in integer cents."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regrow.popups.models.applications import private_storage
from regrow.towns.models import Town


class Fund(models.Model):
    """What pays for the subsidy and the grants: a line of the town's budget or a grant
    programme with its own total, which several rounds may draw on."""

    class Kind(models.TextChoices):
        BUDGET_LINE = "budget_line", _("Town budget line")
        GRANT_PROGRAMME = "grant_programme", _("Grant programme")

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="popup_funds")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    total_cents = models.PositiveBigIntegerField(_("total (cents)"))
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["town", "name", "id"]

    def __str__(self) -> str:
        return self.name


class Grant(models.Model):
    """Money given to one pop-up: approved first (within the round's budget and its largest
    grant), then paid."""

    class Purpose(models.TextChoices):
        FITTING_OUT = "fitting_out", _("Fitting out the shop")
        EQUIPMENT = "equipment", _("Equipment")
        MARKETING = "marketing", _("Marketing")
        RENT = "rent", _("Rent")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        APPROVED = "approved", _("Approved")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", _("Cancelled")

    sublease = models.ForeignKey("popups.Sublease", on_delete=models.PROTECT, related_name="grants")
    amount_cents = models.PositiveIntegerField(
        _("amount (cents)"), validators=[MinValueValidator(1)]
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.APPROVED
    )
    approved_on = models.DateField(_("approved on"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A receipt or an invoice (PDF or picture, checked by content), in private storage.
    evidence = models.FileField(
        _("evidence"), storage=private_storage, upload_to="popups/grants/%Y/%m/", blank=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["sublease", "approved_on", "id"]
        indexes = [models.Index(fields=["sublease", "status"])]

    def __str__(self) -> str:
        return f"{self.sublease_id} · {self.amount_cents}"


class CareEntry(models.Model):
    """One thing the operator dealt with during a pop-up's stay: a broken lock, a complaint,
    a visit; open until resolved."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("Problem in the unit")
        COMPLAINT = "complaint", _("Complaint")
        VISIT = "visit", _("Visit")
        OTHER = "other", _("Other")

    sublease = models.ForeignKey(
        "popups.Sublease", on_delete=models.CASCADE, related_name="care_entries"
    )
    happened_on = models.DateField(_("happened on"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.TextField(_("what happened"), max_length=5000)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("care log entry")
        verbose_name_plural = _("care log")
        ordering = ["sublease", "-happened_on", "-id"]

    def __str__(self) -> str:
        return f"{self.sublease_id} · {self.happened_on} · {self.kind}"


class Footfall(models.TextChoices):
    LOW = "low", _("Few visitors")
    MEDIUM = "medium", _("Some visitors")
    HIGH = "high", _("Many visitors")


class MidReview(models.Model):
    """The operator's review of a pop-up halfway through its stay."""

    sublease = models.OneToOneField(
        "popups.Sublease", on_delete=models.CASCADE, related_name="mid_review"
    )
    reviewed_on = models.DateField(_("reviewed on"))
    footfall = models.CharField(_("footfall"), max_length=10, choices=Footfall.choices)
    going_well = models.TextField(_("what goes well"), max_length=3000, blank=True)
    to_improve = models.TextField(_("what to improve"), max_length=3000, blank=True)
    on_track = models.BooleanField(_("on track to stay"), default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("mid-round review")
        verbose_name_plural = _("mid-round reviews")

    def __str__(self) -> str:
        return f"{self.sublease_id} · {self.reviewed_on}"


class SalesBand(models.TextChoices):
    UNDER_500 = "under_500", _("Under €500")
    UP_TO_2000 = "500_2000", _("€500 to €2,000")
    UP_TO_5000 = "2000_5000", _("€2,000 to €5,000")
    OVER_5000 = "over_5000", _("Over €5,000")


class Outcome(models.Model):
    """How a pop-up went, and whether it stayed as a permanent tenant (which records "let" in
    the register's history from `stayed_from`)."""

    sublease = models.OneToOneField(
        "popups.Sublease", on_delete=models.CASCADE, related_name="outcome"
    )
    days_open = models.PositiveSmallIntegerField(_("days open"), null=True, blank=True)
    visitors_estimate = models.PositiveIntegerField(_("visitors (estimate)"), null=True, blank=True)
    sales_band = models.CharField(
        _("sales during the stay"), max_length=12, choices=SalesBand.choices, blank=True
    )
    stayed = models.BooleanField(_("stayed as a permanent tenant"), default=False)
    stayed_from = models.DateField(_("permanent tenant from"), null=True, blank=True)
    lease_rent_cents_per_month = models.PositiveIntegerField(
        _("new lease: rent (cents a month)"), null=True, blank=True
    )
    lease_months = models.PositiveSmallIntegerField(_("new lease: months"), null=True, blank=True)
    lease_notes = models.TextField(_("new lease: terms"), max_length=3000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        indexes = [models.Index(fields=["stayed", "stayed_from"])]

    def __str__(self) -> str:
        return f"{self.sublease_id} · {'stayed' if self.stayed else 'left'}"


class Feedback(models.Model):
    """The trader's own word on the pop-up, given once through a link e-mailed to them (only
    the token's hash is kept), in their language, until the link expires."""

    class Plans(models.TextChoices):
        STAY = "stay", _("Stay in this unit")
        ELSEWHERE = "elsewhere", _("Open a shop elsewhere")
        ONLINE = "online", _("Go on selling online or at markets")
        STOP = "stop", _("Stop")
        UNDECIDED = "undecided", _("Not decided yet")

    sublease = models.OneToOneField(
        "popups.Sublease", on_delete=models.CASCADE, related_name="feedback"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(_("language"), max_length=8)
    sent_at = models.DateTimeField(_("sent at"))
    expires_at = models.DateTimeField(_("link expires at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("how satisfied (1 to 5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    what_worked = models.TextField(_("what worked"), max_length=3000, blank=True)
    what_to_change = models.TextField(_("what should change"), max_length=3000, blank=True)
    would_recommend = models.BooleanField(_("would recommend it"), null=True, blank=True)
    plans = models.CharField(_("plans"), max_length=12, choices=Plans.choices, blank=True)

    class Meta:
        verbose_name = _("trader's feedback")
        verbose_name_plural = _("traders' feedback")

    def __str__(self) -> str:
        return f"{self.sublease_id} · {self.sent_at:%Y-%m-%d}"
