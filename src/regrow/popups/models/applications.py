"""An entrepreneur's application to a round: needs, dates, wanted units, documents, status."""

from decimal import Decimal

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regrow.popups.choices import ApplicationStatus, PopupCategory

# Uploaded documents: PDF only (checked by content), each at most this many bytes.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def private_storage():
    # Outside MEDIA_ROOT: applicants' documents are handed out only by a permission-checked view.
    return storages["private"]


class Application(models.Model):
    """One applicant's application to one round (a draft until submitted)."""

    round = models.ForeignKey("popups.Round", on_delete=models.CASCADE, related_name="applications")
    # Erased with the person (see the architecture's privacy section).
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="popup_applications"
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.REGROW_PARTNER_LANGUAGES, default="lv"
    )
    business_name = models.CharField(_("business name"), max_length=200)
    idea = models.TextField(_("shop idea"), max_length=5000)
    category = models.CharField(_("shop category"), max_length=20, choices=PopupCategory.choices)
    min_area_m2 = models.DecimalField(
        _("smallest area (m²)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    max_rent_cents_per_month = models.PositiveIntegerField(
        _("highest rent (cents a month)"), null=True, blank=True
    )
    earliest_start_on = models.DateField(_("earliest start"))
    latest_end_on = models.DateField(_("latest end"))
    min_stay_weeks = models.PositiveSmallIntegerField(
        _("shortest stay (weeks)"), default=2, validators=[MinValueValidator(1)]
    )
    max_stay_weeks = models.PositiveSmallIntegerField(
        _("longest stay (weeks)"), default=8, validators=[MinValueValidator(1)]
    )
    experience = models.TextField(_("experience"), max_length=5000, blank=True)
    requested_grant_cents = models.PositiveIntegerField(_("requested grant (cents)"), default=0)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["round", "-submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "applicant"], name="one_application_a_round"),
        ]
        indexes = [models.Index(fields=["round", "status"])]

    def __str__(self) -> str:
        return self.business_name

    @property
    def is_open_to_change(self) -> bool:
        """Draft or submitted: the applicant may still edit, submit or withdraw it."""
        return self.status in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED)


class WantedUnit(models.Model):
    """An offered unit the applicant would like, `rank` 1 being the most wanted."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="wanted")
    round_unit = models.ForeignKey(
        "popups.RoundUnit", on_delete=models.CASCADE, related_name="wanted_by"
    )
    rank = models.PositiveSmallIntegerField(_("preference"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("wanted unit")
        verbose_name_plural = _("wanted units")
        ordering = ["application", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "round_unit"], name="wanted_unit_once"),
            models.UniqueConstraint(fields=["application", "rank"], name="wanted_rank_once"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}: {self.round_unit_id}"


class ApplicationDocument(models.Model):
    """A PDF the applicant added (a business plan, a portfolio), kept in private storage."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(storage=private_storage, upload_to="popups/applications/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    size_bytes = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["application", "id"]

    def __str__(self) -> str:
        return self.name
