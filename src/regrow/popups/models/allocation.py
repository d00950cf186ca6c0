"""The allocation of a round: the coordinator's pins and forbids, each solve asked of the
worker (a run) with the plan it found, and the subleases a confirmed plan creates."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regrow.lib.i18n import validate_translations


class PairingRule(models.Model):
    """The coordinator's say on one pairing: this application must get (pin) or must not get
    (forbid) this unit. The next solve honours every rule of the round."""

    class Kind(models.TextChoices):
        PIN = "pin", _("Must get this unit")
        FORBID = "forbid", _("Must not get this unit")

    round = models.ForeignKey(
        "popups.Round", on_delete=models.CASCADE, related_name="pairing_rules"
    )
    application = models.ForeignKey(
        "popups.Application", on_delete=models.CASCADE, related_name="pairing_rules"
    )
    round_unit = models.ForeignKey(
        "popups.RoundUnit", on_delete=models.CASCADE, related_name="pairing_rules"
    )
    kind = models.CharField(_("rule"), max_length=10, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pairing rule")
        verbose_name_plural = _("pairing rules")
        ordering = ["round", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "round_unit"], name="popup_pairing_rule_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.application_id} → {self.round_unit_id}"


class AllocationRun(models.Model):
    """One solve of a round's allocation, done by the task worker, never in a web request.

    `result` holds the plan as plain JSON: status, objective, bound, gap, placements (application,
    round_unit, first and last day, slot) and the reasons for each application left out."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting for the solver")
        RUNNING = "running", _("Solving")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        CONFIRMED = "confirmed", _("Confirmed")

    round = models.ForeignKey(
        "popups.Round", on_delete=models.CASCADE, related_name="allocation_runs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    # The round's version and rules when the run was asked for: a plan for an older round is
    # not confirmed.
    round_version = models.PositiveIntegerField()
    rules = models.JSONField(default=list, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        ordering = ["round", "-requested_at", "-id"]
        indexes = [models.Index(fields=["round", "-requested_at"])]

    def __str__(self) -> str:
        return f"{self.round_id} · {self.requested_at:%Y-%m-%d %H:%M} · {self.state}"

    @property
    def is_pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)


class Sublease(models.Model):
    """A confirmed pop-up: the intermediary sublets an offered unit to the applicant for days.

    A unit is never double-booked: `slot` (0 … the offer's capacity - 1) is the place the pop-up
    holds for its whole stay, and on PostgreSQL an exclusion constraint (migration 0005) refuses
    two live subleases of one unit and slot whose days overlap."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        SIGNED = "signed", _("Signed")
        CANCELLED = "cancelled", _("Cancelled")

    application = models.OneToOneField(
        "popups.Application", on_delete=models.PROTECT, related_name="sublease"
    )
    round_unit = models.ForeignKey(
        "popups.RoundUnit", on_delete=models.PROTECT, related_name="subleases"
    )
    # The register's unit, repeated from round_unit so that the constraint spans rounds.
    unit = models.ForeignKey(
        "premises.Unit", on_delete=models.PROTECT, related_name="popup_subleases"
    )
    slot = models.PositiveSmallIntegerField(default=0)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    rent_cents_per_month = models.PositiveIntegerField(_("rent (cents a month)"), default=0)
    service_charges_cents_per_month = models.PositiveIntegerField(
        _("service charges (cents a month)"), default=0
    )
    grant_cents = models.PositiveIntegerField(
        _("grant (cents)"), default=0, validators=[MinValueValidator(0)]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    # What the public calendar and map show of the pop-up, besides its business name and
    # category: what it sells in each language, its opening hours, a photo.
    public_descriptions = models.JSONField(
        _("what it sells, in each language"),
        default=dict,
        blank=True,
        validators=[validate_translations],
    )
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    photo = models.ImageField(_("photo"), upload_to="popups/photos/%Y/%m/", blank=True)
    shown_publicly = models.BooleanField(_("shown on the public calendar"), default=True)
    run = models.ForeignKey(
        AllocationRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="subleases"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("sublease")
        verbose_name_plural = _("subleases")
        ordering = ["round_unit", "starts_on", "id"]
        indexes = [models.Index(fields=["unit", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="popup_sublease_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.unit} · {self.starts_on}–{self.ends_on}"  # noqa: RUF001
