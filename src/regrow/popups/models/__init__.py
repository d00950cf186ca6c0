"""Pop-up rounds: a town offers units from its register for weeks at low rent, on terms.

This slice holds the round's set-up. The next ones hang off it: an Application (round, the
applicant, category, space and date needs, wanted RoundUnits in order) with its Scores (per
Criterion and juror), an Allocation (an application, a RoundUnit, its first and last week,
with a slot number below the RoundUnit's capacity, so that PostgreSQL can exclude overlaps per
unit and slot) and a Sublease per allocation, under the RoundUnit's OwnerAgreement. Grants are paid
within Round.grant_budget_cents, each at most Round.max_grant_cents.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regrow.lib.i18n import localized, validate_translations
from regrow.popups.choices import PhaseUnit, PopupCategory, RentBasis, RoundStatus
from regrow.popups.models.agreement_templates import AgreementTemplate  # noqa: F401
from regrow.popups.models.agreements import OwnerAgreement  # noqa: F401
from regrow.popups.models.allocation import AllocationRun, PairingRule, Sublease  # noqa: F401
from regrow.popups.models.applications import (  # noqa: F401
    Application,
    ApplicationDocument,
    WantedUnit,
)
from regrow.popups.models.jury import ConflictOfInterest, RoundJuror, Score  # noqa: F401
from regrow.popups.models.outcomes import (  # noqa: F401
    CareEntry,
    Feedback,
    Footfall,
    Fund,
    Grant,
    MidReview,
    Outcome,
    SalesBand,
)
from regrow.premises.models import Unit
from regrow.towns.models import Town


def validate_popup_categories(codes: list[str]) -> None:
    from django.core.exceptions import ValidationError

    if not isinstance(codes, list):
        raise ValidationError(_("Expected a list of shop categories."))
    unknown = [code for code in codes if code not in PopupCategory.values]
    if unknown:
        raise ValidationError(
            _("Unknown shop category: %(codes)s.") % {"codes": ", ".join(map(str, unknown))}
        )


class Round(models.Model):
    """A call for pop-ups: units on terms, a window to apply in, a programme period to trade in."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="popup_rounds")
    titles = models.JSONField(_("title in each language"), validators=[validate_translations])
    descriptions = models.JSONField(
        _("description in each language"),
        default=dict,
        blank=True,
        validators=[validate_translations],
    )
    rules = models.JSONField(
        _("rules in each language"), default=dict, blank=True, validators=[validate_translations]
    )
    applications_open_on = models.DateField(_("applications open on"))
    applications_close_on = models.DateField(_("applications close on"))
    programme_starts_on = models.DateField(_("programme starts on"))
    programme_ends_on = models.DateField(_("programme ends on"))
    grant_budget_cents = models.PositiveIntegerField(_("grant budget (cents)"), default=0)
    max_grant_cents = models.PositiveIntegerField(_("largest grant per pop-up (cents)"), default=0)
    max_same_category_per_street = models.PositiveSmallIntegerField(
        _("most shops of one category per street in a week"),
        default=2,
        validators=[MinValueValidator(1)],
    )
    preference_bonus = models.DecimalField(
        _("bonus for a preferred unit"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Added to an application's score where it gets a unit it asked for."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    # What pays for the round's subsidy and grants (a budget line or a grant programme).
    fund = models.ForeignKey(
        "popups.Fund",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rounds",
        verbose_name=_("fund"),
    )
    # People who asked about the round (calls, visits, e-mails): the funnel's first step.
    enquiries = models.PositiveIntegerField(_("enquiries received"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("pop-up round")
        verbose_name_plural = _("pop-up rounds")
        ordering = ["-programme_starts_on", "-id"]
        indexes = [models.Index(fields=["town", "status", "programme_ends_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self.titles, default=f"#{self.pk}")

    @property
    def description(self) -> str:
        return localized(self.descriptions)

    @property
    def rules_text(self) -> str:
        return localized(self.rules)

    @property
    def is_public(self) -> bool:
        return self.status != RoundStatus.DRAFT


class RoundUnit(models.Model):
    """A unit of the register offered in a round, on the round's terms for it."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="offered_units")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="popup_offers")
    rent_basis = models.CharField(
        _("rent is"), max_length=20, choices=RentBasis.choices, default=RentBasis.PER_MONTH
    )
    phase_unit = models.CharField(
        _("phases counted in"), max_length=10, choices=PhaseUnit.choices, default=PhaseUnit.MONTH
    )
    service_charges_cents_per_month = models.PositiveIntegerField(
        _("service charges (cents a month)"), default=0
    )
    min_stay_weeks = models.PositiveSmallIntegerField(
        _("shortest stay (weeks)"), default=2, validators=[MinValueValidator(1)]
    )
    max_stay_weeks = models.PositiveSmallIntegerField(
        _("longest stay (weeks)"), default=8, validators=[MinValueValidator(1)]
    )
    allowed_categories = models.JSONField(
        _("allowed shop categories"),
        default=list,
        blank=True,
        validators=[validate_popup_categories],
        help_text=_("None chosen: every category."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("pop-ups at once"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many pop-ups may share the unit at the same time."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("offered unit")
        verbose_name_plural = _("offered units")
        ordering = ["unit__street", "unit__house_number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "unit"], name="round_unit_once"),
        ]

    def __str__(self) -> str:
        return str(self.unit)

    @property
    def town(self) -> Town:
        return self.round.town

    @property
    def allowed_category_labels(self) -> list[str]:
        return [PopupCategory(code).label for code in self.allowed_categories]


class RentPhase(models.Model):
    """From week or month `starts_at` of a stay (1 = the first) the rent is `amount_cents`, per
    month or per m² a month as the unit's terms say, until the next phase. Melgaço: from month
    1, 0; from month 4, 100 per m²."""

    round_unit = models.ForeignKey(RoundUnit, on_delete=models.CASCADE, related_name="phases")
    starts_at = models.PositiveSmallIntegerField(
        _("from week or month"), validators=[MinValueValidator(1)]
    )
    amount_cents = models.PositiveIntegerField(_("rent (cents)"))

    class Meta:
        verbose_name = _("rent phase")
        verbose_name_plural = _("rent phases")
        ordering = ["round_unit", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["round_unit", "starts_at"], name="rent_phase_once"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at}: {self.amount_cents}"


class Criterion(models.Model):
    """What the jury scores an application on (0 to 10), and how much it counts."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    names = models.JSONField(_("name in each language"), validators=[validate_translations])
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["round", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.names, default=f"#{self.pk}")


class RoundEvent(models.Model):
    """Something the round holds for the public, e.g. a pop-up weekend in the town centre."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="events")
    titles = models.JSONField(_("title in each language"), validators=[validate_translations])
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("round event")
        verbose_name_plural = _("round events")
        ordering = ["round", "starts_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self.titles, default=f"#{self.pk}")
