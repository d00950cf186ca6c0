"""The popups app's fixed lists: shop categories of a pop-up, round and agreement statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PopupCategory(models.TextChoices):
    """What kind of shop a pop-up is: rounds allow some per unit, and a street may hold only so
    many of one kind in a week (a varied street)."""

    FOOD = "food", _("Food and drink")
    FASHION = "fashion", _("Fashion")
    CRAFTS = "crafts", _("Crafts and gifts")
    BEAUTY = "beauty", _("Beauty and health")
    SERVICES = "services", _("Services")
    CULTURE = "culture", _("Culture and art")
    OTHER = "other", _("Other")


class RoundStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    ALLOCATED = "allocated", _("Allocated")


class RentBasis(models.TextChoices):
    PER_MONTH = "per_month", _("per month")
    PER_M2 = "per_m2", _("per m² a month")


class PhaseUnit(models.TextChoices):
    WEEK = "week", _("weeks")
    MONTH = "month", _("months")


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    SIGNED = "signed", _("Signed")
    ENDED = "ended", _("Ended")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
