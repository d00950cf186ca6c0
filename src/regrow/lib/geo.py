"""Map points stored as decimal degrees (6 places: about 10 cm), checked against their range."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


def latitude_field(verbose_name, **options) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        **options,
    )


def longitude_field(verbose_name, **options) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        **options,
    )
