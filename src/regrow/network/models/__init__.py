from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regrow.lib.branding import Branding
from regrow.lib.contact import ContactDetails
from regrow.lib.i18n import localized, validate_translations
from regrow.lib.places import validate_place_slug
from regrow.towns.models import Town


class Network(ContactDetails, Branding):
    """A transfer network: towns that learn a good practice from the city that shares it.

    Names and summaries are kept per language ({"lv": …, "en": …}).
    """

    slug = models.SlugField(_("web address"), max_length=60, unique=True)
    names = models.JSONField(_("name in each language"), validators=[validate_translations])
    summaries = models.JSONField(
        _("summary in each language"), default=dict, blank=True, validators=[validate_translations]
    )
    programme = models.CharField(
        _("programme"), max_length=120, blank=True, help_text=_("For example URBACT III.")
    )
    kind = models.CharField(
        _("kind of network"),
        max_length=120,
        blank=True,
        help_text=_("For example Transfer Network."),
    )
    towns = models.ManyToManyField(
        Town, through="Partner", related_name="networks", verbose_name=_("partner towns")
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    # What of the network's dashboard the public may read (the lead chooses; keys of
    # network.dashboard.PUBLIC_PARTS); nothing until chosen.
    public_summary = models.JSONField(_("shown to the public"), default=list, blank=True)

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.names, default=self.slug)

    @property
    def summary(self) -> str:
        return localized(self.summaries)

    def clean(self) -> None:
        super().clean()
        if self.slug:
            validate_place_slug(self)
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("A network cannot end before it starts.")})

    def get_absolute_url(self) -> str:
        return reverse("place_home", kwargs={"slug": self.slug})


class Partner(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner and good-practice city")
        PARTNER = "partner", _("Partner")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="partners", verbose_name=_("network")
    )
    town = models.ForeignKey(
        Town, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("town")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["network", "role", "town__name"]  # "lead" sorts before "partner"
        constraints = [
            models.UniqueConstraint(fields=["network", "town"], name="partner_unique_town")
        ]

    def __str__(self) -> str:
        return f"{self.town} · {self.network}"


from regrow.network.models.goals import Goal, MeetingFeed  # noqa: E402, F401
from regrow.network.models.meetings import (  # noqa: E402, F401
    AgendaItem,
    Decision,
    Meeting,
    MeetingDocument,
    Registration,
    SiteVisitStop,
)
from regrow.network.models.plans import (  # noqa: E402, F401
    FundingSource,
    Level,
    PeerReviewer,
    PlanAction,
    PlanIndicator,
    PlanRisk,
    PlanSection,
    PlanVersion,
    ReviewComment,
    SectionKey,
    Stakeholder,
    TransferPlan,
)
from regrow.network.models.structure import (  # noqa: E402, F401
    Component,
    GuidanceDocument,
    Milestone,
    NetworkInvitation,
    NetworkMembership,
    NetworkRole,
    Phase,
)
