"""A partner's Transfer Plan: versions of its sections (draft → in peer review → final), the
actions, risks and monitoring indicators it sets out, its reviewers' comments, and the local
stakeholder group that co-writes it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SectionKey(models.TextChoices):
    """The plan's sections, in the order the plan reads."""

    STARTING_POINT = "starting_point", _("Starting point")
    TRANSFER_METHOD = "transfer_method", _("Transfer method")
    STAKEHOLDER_GROUP = "stakeholder_group", _("Local stakeholder group")
    ADAPTATIONS = "adaptations", _("Adaptations to the local context")
    ACTIONS = "actions", _("Actions")
    RESOURCES = "resources", _("Resources and budget")
    RISKS = "risks", _("Risks")
    MONITORING = "monitoring", _("Monitoring")
    CONTRIBUTION = "contribution", _("Contribution to the network")


class TransferPlan(models.Model):
    """One partner's plan for transferring the good practice; its text lives in versions."""

    partner = models.OneToOneField("network.Partner", on_delete=models.CASCADE, related_name="plan")
    language = models.CharField(
        _("language of the plan"), max_length=8, choices=settings.REGROW_PARTNER_LANGUAGES
    )
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Transfer Plan")
        verbose_name_plural = _("Transfer Plans")

    def __str__(self) -> str:
        return self.title


class PlanVersion(models.Model):
    """A version of the plan's text. Only a draft is edited; editing a final version starts a
    new draft from it. When a version is submitted or made final its actions, risks and
    indicators are kept with it (`snapshot`), so that versions compare in full."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In peer review")
        FINAL = "final", _("Final")

    plan = models.ForeignKey(TransferPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"), validators=[MinValueValidator(1)])
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, blank=True)
    finalised_at = models.DateTimeField(_("made final"), null=True, blank=True)
    snapshot = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} · v{self.number}"


class PlanSection(models.Model):
    """The text of one section in one version: rich text, sanitised as publishing's."""

    plan_version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(_("section"), max_length=24, choices=SectionKey.choices)
    body = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Optimistic locking: two people saving the same section are never silently merged.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("plan section")
        verbose_name_plural = _("plan sections")
        ordering = ["plan_version", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan_version", "key"], name="plan_section_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_version} · {self.key}"


class FundingSource(models.TextChoices):
    TOWN_BUDGET = "town_budget", _("Town budget")
    EU_FUNDS = "eu_funds", _("EU funds")
    PUBLIC_PRIVATE = "public_private", _("Public–private")  # noqa: RUF001 - an en dash
    OTHER = "other", _("Other")


class PlanAction(models.Model):
    """Something the plan will do: who, from when to when, with what money, how it goes."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(TransferPlan, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.CharField(_("owner (person or organisation)"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    due_on = models.DateField(_("due on"))
    budget_cents = models.PositiveBigIntegerField(_("budget (cents)"), default=0)
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=FundingSource.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    progress_notes = models.TextField(_("progress notes"), blank=True)
    # What it produces: a pop-up round, or a target on one of the town's indicators.
    popup_round = models.ForeignKey(
        "popups.Round", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")
        ordering = ["plan", "starts_on", "order", "id"]
        indexes = [models.Index(fields=["plan", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("starts_on")),
                name="plan_action_due_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Level(models.IntegerChoices):
    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")


class PlanRisk(models.Model):
    plan = models.ForeignKey(TransferPlan, on_delete=models.CASCADE, related_name="risks")
    description = models.TextField(_("risk"))
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), choices=Level.choices)
    impact = models.PositiveSmallIntegerField(_("impact"), choices=Level.choices)
    mitigation = models.TextField(_("mitigation"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return self.description[:60]


class PlanIndicator(models.Model):
    """How the plan measures itself: an indicator of the town with its baseline and target;
    the actual value is read live from the indicators app."""

    plan = models.ForeignKey(TransferPlan, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4)
    baseline_period = models.CharField(_("baseline period"), max_length=10)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=4)
    target_period = models.CharField(_("target period"), max_length=10)

    class Meta:
        verbose_name = _("monitoring indicator")
        verbose_name_plural = _("monitoring indicators")
        ordering = ["plan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "indicator"], name="plan_indicator_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} · {self.indicator_id}"


class PeerReviewer(models.Model):
    """A partner assigned to review another partner's plan (the lead expert reviews every)."""

    plan = models.ForeignKey(TransferPlan, on_delete=models.CASCADE, related_name="reviewers")
    reviewer = models.ForeignKey(
        "network.Partner", on_delete=models.CASCADE, related_name="plans_to_review"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("peer reviewer")
        verbose_name_plural = _("peer reviewers")
        constraints = [
            models.UniqueConstraint(fields=["plan", "reviewer"], name="peer_reviewer_once"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer_id} reviews {self.plan_id}"


class ReviewComment(models.Model):
    """A reviewer's comment on a section of a version; the author resolves it."""

    plan_version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("section"), max_length=24, choices=SectionKey.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["plan_version", "section", "created_at", "id"]
        indexes = [models.Index(fields=["plan_version", "section", "resolved_at"])]

    def __str__(self) -> str:
        return f"{self.plan_version_id} · {self.section}"


class Stakeholder(models.Model):
    """A member of the partner's local stakeholder group: an organisation or a person, where it
    stands (sector, power, interest) and its role in the plan. Contact details are personal
    data: the town's coordinators only, exported and erased with the person."""

    class Sector(models.TextChoices):
        PUBLIC = "public", _("Public")
        PRIVATE = "private", _("Private")
        CIVIC = "civic", _("Civic")
        KNOWLEDGE = "knowledge", _("Knowledge")

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        PERSON = "person", _("Person")

    partner = models.ForeignKey(
        "network.Partner", on_delete=models.CASCADE, related_name="stakeholders"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices)
    power = models.PositiveSmallIntegerField(
        _("power (1 to 5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    interest = models.PositiveSmallIntegerField(
        _("interest (1 to 5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    role_in_plan = models.TextField(_("role in the plan"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # When the person has an account: their contact details go with it (export and erasure).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stakeholder_entries",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("local stakeholder group")
        ordering = ["partner", "sector", "name", "id"]

    def __str__(self) -> str:
        return self.name
