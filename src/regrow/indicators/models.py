"""Indicators (what is measured, in which unit, which way is good) and their observations: one
value per town, indicator and period, with the history of every value an import replaced."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regrow.indicators.periods import Granularity
from regrow.lib.i18n import localized, validate_translations
from regrow.towns.models import Town

VALUE_DIGITS = 15
VALUE_PLACES = 4


def value_field(verbose_name, **options) -> models.DecimalField:
    return models.DecimalField(
        verbose_name, max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, **options
    )


class Indicator(models.Model):
    """What is measured in every town alike: population, the vacancy rate, footfall …"""

    class Unit(models.TextChoices):
        PERSONS = "persons", _("persons")
        PERCENT = "percent", _("%")
        PER_1000 = "per_1000", _("per 1,000 inhabitants")
        COUNT = "count", _("count")
        EUR = "eur", _("EUR")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    names = models.JSONField(
        _("names"), validators=[validate_translations], help_text=_("The name in each language.")
    )
    unit = models.CharField(
        pgettext_lazy("of measurement", "unit"), max_length=10, choices=Unit.choices
    )
    higher_is_better = models.BooleanField(
        _("higher is better"),
        null=True,
        blank=True,
        help_text=_("Yes or no; empty where neither way is good or bad in itself."),
    )
    min_value = value_field(_("lowest valid value"), null=True, blank=True)
    max_value = value_field(_("highest valid value"), null=True, blank=True)
    definitions = models.JSONField(
        _("definitions"),
        default=dict,
        blank=True,
        validators=[validate_translations],
        help_text=_("How it is counted, in each language."),
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("source's address"), blank=True)
    public_by_default = models.BooleanField(
        _("public by default"),
        default=False,
        help_text=_("Shown on a town's public pages unless the town chooses otherwise."),
    )
    derived = models.BooleanField(
        _("derived"),
        default=False,
        help_text=_("Computed from the register or the pop-up programme, never imported."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_value__isnull=True)
                | models.Q(max_value__isnull=True)
                | models.Q(min_value__lte=models.F("max_value")),
                name="indicator_range_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.names, default=self.code)

    @property
    def definition(self) -> str:
        return localized(self.definitions)

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.names, dict) or not any(self.names.values()):
            raise ValidationError({"names": _("Give the indicator a name.")})
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValidationError({"max_value": _("The highest valid value is below the lowest.")})


class ImportBatch(models.Model):
    """One import of a file: who, when, what it held and what it did."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("imported")
        CONFLICT = "conflict", _("not imported: values changed meanwhile")
        REJECTED = "rejected", _("not imported: problems in the file")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    # The town whose coordinator imported from its page; empty for a network-wide command.
    town = models.ForeignKey(
        Town,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("town"),
    )
    file_name = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10)
    added = models.PositiveIntegerField(_("added"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    left_out = models.PositiveIntegerField(
        _("left out"), default=0, help_text=_("Values of regions that are no town of ours.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"


class Observation(models.Model):
    """A town's value of an indicator in one period (a year, a quarter or a month)."""

    # The unique constraint's index starts with the town: no index of its own.
    town = models.ForeignKey(
        Town,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("town"),
        db_index=False,
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("indicator"),
        db_index=False,
    )
    period = models.CharField(_("period"), max_length=7, help_text=_("2019, 2019-Q3 or 2019-07"))
    period_start = models.DateField(_("first day of the period"))
    granularity = models.CharField(
        _("granularity"),
        max_length=7,
        choices=[(g.value, g.value) for g in Granularity],
    )
    value = value_field(_("value"))
    flags = models.CharField(
        _("flags"), max_length=8, blank=True, help_text=_("p provisional, e estimated …")
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("import"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "town", "period_start", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["town", "indicator", "period"], name="observation_one_per_period"
            )
        ]
        indexes = [
            # A town's series, and the comparison of towns over a span of years.
            models.Index(fields=["indicator", "period_start"], name="observation_indicator_time")
        ]

    def __str__(self) -> str:
        return f"{self.town} · {self.indicator.code} · {self.period}: {self.value}"


class ObservationChange(models.Model):
    """A value replaced by a later import or edit: the history keeps every earlier value."""

    observation = models.ForeignKey(
        Observation,
        on_delete=models.CASCADE,
        related_name="changes",
        verbose_name=_("observation"),
    )
    old_value = value_field(_("old value"))
    new_value = value_field(_("new value"))
    old_flags = models.CharField(_("old flags"), max_length=8, blank=True)
    new_flags = models.CharField(_("new flags"), max_length=8, blank=True)
    old_source = models.CharField(_("old source"), max_length=200, blank=True)
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
        verbose_name=_("import"),
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("change of an observation")
        verbose_name_plural = _("changes of observations")
        ordering = ["observation", "changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.observation_id}: {self.old_value} → {self.new_value}"


class TownChoice(models.Model):
    """A town's own choice whether an indicator is shown on its public site, overriding the
    indicator's `public_by_default`; without a row the default holds."""

    town = models.ForeignKey(
        Town,
        on_delete=models.CASCADE,
        related_name="indicator_choices",
        verbose_name=_("town"),
        db_index=False,  # the unique constraint's index starts with the town
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="town_choices",
        verbose_name=_("indicator"),
    )
    public = models.BooleanField(_("shown on the town's site"))
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("town's choice of an indicator")
        verbose_name_plural = _("towns' choices of indicators")
        constraints = [
            models.UniqueConstraint(fields=["town", "indicator"], name="town_choice_one_per_town")
        ]

    def __str__(self) -> str:
        return f"{self.town} · {self.indicator.code}: {self.public}"
