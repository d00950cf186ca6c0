"""How a network is organised: its people's roles, its phases and milestones, and the good
practice it transfers, offered in components that partners choose from."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regrow.lib.i18n import localized, validate_translations


class NetworkRole(models.TextChoices):
    LEAD = "network_lead", _("Network lead")
    LEAD_EXPERT = "lead_expert", _("Lead expert")
    PARTNER_COORDINATOR = "partner_coordinator", _("Partner coordinator")


class NetworkMembership(models.Model):
    """A role in a network. A partner coordinator speaks for one partner town."""

    network = models.ForeignKey(
        "network.Network", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )
    role = models.CharField(_("role"), max_length=24, choices=NetworkRole.choices)
    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coordinators",
        verbose_name=_("partner"),
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["network", "role", "user__email"]
        constraints = [
            # A role once per network, and a partner coordinator's once per partner (two
            # conditions rather than NULLS NOT DISTINCT, which SQLite lacks).
            models.UniqueConstraint(
                fields=["user", "network", "role"],
                condition=models.Q(partner__isnull=True),
                name="network_membership_once",
            ),
            models.UniqueConstraint(
                fields=["user", "network", "role", "partner"],
                condition=models.Q(partner__isnull=False),
                name="network_membership_once_per_partner",
            ),
            models.CheckConstraint(
                condition=models.Q(role="partner_coordinator", partner__isnull=False)
                | (~models.Q(role="partner_coordinator") & models.Q(partner__isnull=True)),
                name="network_membership_partner_iff_coordinator",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.network_id}"


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class NetworkInvitation(models.Model):
    """An offer, sent by e-mail, of a role in a network; its link works once and for 7 days."""

    network = models.ForeignKey(
        "network.Network", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=24, choices=NetworkRole.choices)
    partner = models.ForeignKey(
        "network.Partner", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.REGROW_PARTNER_LANGUAGES
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    class Meta:
        verbose_name = _("network invitation")
        verbose_name_plural = _("network invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} · {self.role} · {self.network_id}"


class Phase(models.Model):
    """A stretch of the network's life: preparation, transfer learning, transfer sharing."""

    class Kind(models.TextChoices):
        PREPARATION = "preparation", _("Preparation")
        TRANSFER_LEARNING = "transfer_learning", _("Transfer learning")
        TRANSFER_SHARING = "transfer_sharing", _("Transfer sharing")
        OTHER = "other", _("Other")

    network = models.ForeignKey("network.Network", on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    names = models.JSONField(
        _("name in each language"), default=dict, blank=True, validators=[validate_translations]
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["network", "starts_on", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.names, default=self.get_kind_display())


class Milestone(models.Model):
    """A date the network works towards, e.g. "Transfer Plans due" in month 3."""

    network = models.ForeignKey(
        "network.Network", on_delete=models.CASCADE, related_name="milestones"
    )
    titles = models.JSONField(_("title in each language"), validators=[validate_translations])
    month = models.PositiveSmallIntegerField(
        _("month of the network"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["network", "due_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self.titles, default=f"#{self.pk}")


class Component(models.Model):
    """A part of the good practice partners may choose to transfer (e.g. pop-up shops); the
    partners that chose it form its thematic group."""

    network = models.ForeignKey(
        "network.Network", on_delete=models.CASCADE, related_name="components"
    )
    names = models.JSONField(_("name in each language"), validators=[validate_translations])
    problems = models.JSONField(
        _("the problem it addresses"), default=dict, blank=True, validators=[validate_translations]
    )
    how_it_works = models.JSONField(
        _("how it works"), default=dict, blank=True, validators=[validate_translations]
    )
    success_factors = models.JSONField(
        _("success factors"), default=dict, blank=True, validators=[validate_translations]
    )
    resources = models.JSONField(
        _("resources needed"), default=dict, blank=True, validators=[validate_translations]
    )
    order = models.PositiveSmallIntegerField(default=0)
    partners = models.ManyToManyField(
        "network.Partner", blank=True, related_name="components", verbose_name=_("partners")
    )

    class Meta:
        verbose_name = _("component of the good practice")
        verbose_name_plural = _("components of the good practice")
        ordering = ["network", "order", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.names, default=f"#{self.pk}")


def network_documents():
    from django.core.files.storage import storages

    return storages["default"]


class GuidanceDocument(models.Model):
    """A guide to a component, shared with the partners (PDF, checked by content)."""

    component = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=8, blank=True)
    file = models.FileField(storage=network_documents, upload_to="network/guides/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("guidance document")
        verbose_name_plural = _("guidance documents")
        ordering = ["component", "title", "id"]

    def __str__(self) -> str:
        return self.title
