"""Controlled vocabularies of the register, shared with the pop-up programme and the file formats.

Codes are stable (they appear in imported and exported files); labels are translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShopCategory(models.TextChoices):
    FOOD_DRINK = "food_drink", _("Café, bar or restaurant")
    GROCERY = "grocery", _("Food shop")
    FASHION = "fashion", _("Clothing and shoes")
    CRAFTS_GIFTS = "crafts_gifts", _("Crafts and gifts")
    ARTS_CULTURE = "arts_culture", _("Art gallery or culture")
    BEAUTY_HEALTH = "beauty_health", _("Beauty and health")
    SERVICES = "services", _("Services and repairs")
    BOOKS_MEDIA = "books_media", _("Books and media")
    HOME_GARDEN = "home_garden", _("Home and garden")
    SPORTS_LEISURE = "sports_leisure", _("Sports and leisure")
    SECOND_HAND = "second_hand", _("Second-hand and repair")
    OFFICE = "office", _("Office or workshop")
    OTHER = "other", _("Other")


class Floor(models.TextChoices):
    BASEMENT = "basement", _("Basement")
    GROUND = "ground", _("Ground floor")
    UPPER = "upper", _("Upper floor")


class Condition(models.TextChoices):
    READY = "ready", _("Ready to use")
    NEEDS_WORK = "needs_work", _("Needs work")
    UNUSABLE = "unusable", _("Unusable")


class Status(models.TextChoices):
    OCCUPIED = "occupied", _("Occupied")
    PARTLY_VACANT = "partly_vacant", _("Partly vacant")
    VACANT = "vacant", _("Vacant")
    POPUP = "popup", _("Pop-up")
    LET = "let", _("Let again")
    UNUSABLE = "unusable", _("Unusable")


class Source(models.TextChoices):
    REGISTER = "register", _("Register")
    SURVEY = "survey", _("Street survey")
    OWNER = "owner", _("Owner")
    IMPORT = "import", _("Import")
    POPUP_PROGRAMME = "popup_programme", _("Pop-up programme")


# How much of a unit each status counts as empty in the vacancy rate (docs/vacancy.md).
VACANCY_WEIGHT = {
    Status.OCCUPIED: 0.0,
    Status.PARTLY_VACANT: 0.5,
    Status.VACANT: 1.0,
    Status.POPUP: 0.0,
    Status.LET: 0.0,
}
# Unusable units are left out of the rate altogether: they cannot be let as they are.
EXCLUDED_FROM_RATE = frozenset({Status.UNUSABLE})
