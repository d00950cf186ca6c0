import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regrow.lib.geo import latitude_field, longitude_field
from regrow.premises.choices import Condition, Floor, ShopCategory, Source, Status

# Owners live in their own module; imported here so that Django and callers find them as before.
from regrow.premises.models.owners import Owner, OwnerContact, validate_categories  # noqa: F401
from regrow.towns.models import Town


class LeadingNumber(models.Func):
    """The number a text begins with: 11 of "11a", None of "a" or "". Up to nine digits, so
    it fits an integer. Written so that SQLite and PostgreSQL both store it in a column."""

    arity = 1
    output_field = models.IntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: a regular expression's match, NULL when there is none.
        text, params = compiler.compile(self.source_expressions[0])
        return f"CAST(SUBSTRING({text} FROM '^[0-9]{{1,9}}') AS integer)", params

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite has no regular expressions of its own; CAST reads the leading digits.
        text, params = compiler.compile(self.source_expressions[0])
        sql = f"CASE WHEN {text} GLOB '[0-9]*' THEN CAST(SUBSTR({text}, 1, 9) AS integer) END"
        return sql, (*params, *params)


# Street, then house number as a number, then as written (2, 4, 11, 11a, 12), a number-less one
# last; the id keeps the order stable for pages. Meta.ordering and selectors.ordered_by_address.
ADDRESS_ORDER = [
    "street",
    models.F("house_number_sort").asc(nulls_last=True),
    "house_number",
    "id",
]


class Unit(models.Model):
    """A shop unit in a town: where it is, what it is like, who owns it.

    Its status lives in its history (StatusChange), never on the unit itself.
    """

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="units")
    external_id = models.CharField(
        _("external id"),
        max_length=64,
        help_text=_("The unit's identifier in imported files; re-imports update by it."),
    )
    street = models.CharField(_("street"), max_length=120)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    # Addresses sort by street, then this number, then the house number as written (11, 11a,
    # 12), in the database so that pages can be cut from the sorted list. The database keeps it.
    house_number_sort = models.GeneratedField(
        expression=LeadingNumber("house_number"),
        output_field=models.IntegerField(null=True),
        db_persist=True,
    )
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    display_address = models.CharField(_("address"), max_length=200)
    latitude = latitude_field(_("latitude"))
    longitude = longitude_field(_("longitude"))
    floor_area_m2 = models.DecimalField(
        _("floor area (m²)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    frontage_m = models.DecimalField(
        _("frontage (m)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    floor = models.CharField(_("floor"), max_length=20, choices=Floor.choices, default=Floor.GROUND)
    previous_use = models.CharField(
        _("previous use"), max_length=20, choices=ShopCategory.choices, blank=True
    )
    permitted_uses = models.JSONField(
        _("permitted uses"), default=list, blank=True, validators=[validate_categories]
    )
    condition = models.CharField(
        _("condition"), max_length=20, choices=Condition.choices, default=Condition.READY
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    has_power = models.BooleanField(_("power"), default=False)
    has_water = models.BooleanField(_("water"), default=False)
    has_heating = models.BooleanField(_("heating"), default=False)
    asking_rent_cents_per_month = models.PositiveIntegerField(
        _("asking rent (cents a month)"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    owner = models.ForeignKey(
        Owner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("owner"),
    )
    listed_on = models.DateField(
        _("in the register since"),
        default=timezone.localdate,
        help_text=_("No status can be dated before this day."),
    )
    offered_publicly = models.BooleanField(
        _("offered for use"),
        default=False,
        help_text=_("Shown on the public map of units available for pop-ups or letting."),
    )
    # Optimistic locking: an edit based on an older version is refused, not silently merged.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ADDRESS_ORDER
        constraints = [
            models.UniqueConstraint(fields=["town", "external_id"], name="unit_unique_external_id")
        ]
        # The register's pages, in address order (a house number with no digits comes last,
        # which is PostgreSQL's default for ascending order; SQLite is told so).
        indexes = [
            models.Index(
                fields=["town", "street", "house_number_sort", "house_number", "id"],
                name="unit_town_address",
            )
        ]

    def __str__(self) -> str:
        return self.display_address

    @property
    def permitted_use_labels(self) -> list[str]:
        return [ShopCategory(code).label for code in self.permitted_uses]

    @property
    def asking_rent_eur(self) -> Decimal | None:
        if self.asking_rent_cents_per_month is None:
            return None
        return Decimal(self.asking_rent_cents_per_month) / 100


def photo_path(photo: "UnitPhoto", filename: str) -> str:
    # The stored name never comes from the uploader: it is random, with the real format's suffix.
    return f"units/{photo.unit.town_id}/{uuid.uuid4().hex}{Path(filename).suffix}"


class UnitPhoto(models.Model):
    """A photo of a unit. An owner's photo waits for a coordinator's approval before anyone
    else sees it; a coordinator's is approved as it is added."""

    class Approval(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("photo"), upload_to=photo_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("description for people who cannot see it"),
        max_length=250,
        help_text=_("What the photo shows, e.g. “Shop window with a green door”."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    approval = models.CharField(
        _("approval"), max_length=20, choices=Approval.choices, default=Approval.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.alt_text


class Survey(models.Model):
    """A walk along one street, recording what each unit looked like that day."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="surveys")
    street = models.CharField(_("street"), max_length=120)
    surveyed_on = models.DateField(_("surveyed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("street survey")
        verbose_name_plural = _("street surveys")
        ordering = ["-surveyed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.street} · {self.surveyed_on}"


class StatusChangeQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The status history is append-only: record a correction instead.")

    def delete(self):
        raise TypeError("The status history is append-only: record a correction instead.")


class StatusChange(models.Model):
    """One dated entry of a unit's status history; append-only. The latest entry on or before a
    day is the unit's status that day (later corrections of the same day win)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="status_changes")
    effective_on = models.DateField(_("effective on"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    use_category = models.CharField(
        _("use"), max_length=20, choices=ShopCategory.choices, blank=True
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    survey = models.ForeignKey(
        Survey,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_changes",
        verbose_name=_("survey"),
    )

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        # By column, not "unit" (which would join units and sort by their address).
        ordering = ["unit_id", "effective_on", "id"]
        # A unit's status on a day is its latest entry up to then: this index finds it, and
        # holds the status too, so that counting 20,000 units' statuses never reads the table.
        indexes = [
            models.Index(
                fields=["unit", "effective_on", "id", "status"], name="status_change_latest"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.effective_on} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise TypeError("The status history is append-only: record a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The status history is append-only: record a correction instead.")


class Zone(models.Model):
    """A named area of a town drawn on the map, such as the town centre."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="zones")
    name = models.CharField(_("name"), max_length=120)
    geometry = models.JSONField(_("area"), help_text=_("A GeoJSON Polygon or MultiPolygon."))

    class Meta:
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["town", "name"], name="zone_unique_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from regrow.premises.geometry import GeometryError, polygon_from_geojson

        try:
            polygon_from_geojson(self.geometry)
        except GeometryError as error:
            raise ValidationError({"geometry": str(error)}) from error
