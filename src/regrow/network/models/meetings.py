"""The network's meetings: their agenda over one or more days, who registered and attended,
minutes and decisions, documents and photos, and the units a site visit looks at (the
three-month goals set at them and members' calendar feeds: goals.py)."""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regrow.lib.geo import latitude_field, longitude_field
from regrow.lib.i18n import localized, validate_translations


class Meeting(models.Model):
    """A meeting of the network (or of one partner's local group), hosted by a partner town
    or held online. Times of its agenda are the host town's local time (`time_zone`)."""

    class Kind(models.TextChoices):
        TRANSNATIONAL = "transnational", _("Transnational meeting")
        THEMATIC = "thematic", _("Thematic meeting")
        LOCAL_GROUP = "local_group", _("Local stakeholder group meeting")
        SITE_VISIT = "site_visit", _("Site visit")
        ONLINE = "online", _("Online meeting")

    network = models.ForeignKey(
        "network.Network", on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("kind of meeting"), max_length=16, choices=Kind.choices)
    host = models.ForeignKey(
        "network.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host town"),
    )
    titles = models.JSONField(_("title in each language"), validators=[validate_translations])
    descriptions = models.JSONField(
        _("description in each language"),
        default=dict,
        blank=True,
        validators=[validate_translations],
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Riga")
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = latitude_field(_("latitude"), null=True, blank=True)
    longitude = longitude_field(_("longitude"), null=True, blank=True)
    online_url = models.URLField(_("address of the online meeting"), blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    # The organiser's short report after the meeting, per language: the news draft's text.
    reports = models.JSONField(
        _("report in each language"), default=dict, blank=True, validators=[validate_translations]
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["network", "starts_on", "id"]
        indexes = [models.Index(fields=["network", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="meeting_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("network:meeting", kwargs={"slug": self.network.slug, "pk": self.pk})

    @property
    def title(self) -> str:
        return localized(self.titles, default=f"#{self.pk}")

    @property
    def description(self) -> str:
        return localized(self.descriptions)

    @property
    def report(self) -> str:
        return localized(self.reports)

    def days(self) -> list:
        """Each day of the meeting, first to last."""
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + timedelta(days=offset) for offset in range(count)]

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The meeting's time zone (UTC if its name is not one: the form refuses those)."""
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (ValueError, KeyError):
            return zoneinfo.ZoneInfo("UTC")

    def is_over(self, now=None) -> bool:
        """Whether the meeting's last day has passed where it is held."""
        now = now or timezone.now()
        return now.astimezone(self.zone).date() > self.ends_on

    def registration_open(self, now=None) -> bool:
        """Open until its closing time, and never once the meeting is over or cancelled."""
        now = now or timezone.now()
        if self.cancelled_at is not None or self.is_over(now):
            return False
        return self.registration_closes_at is None or now < self.registration_closes_at


class AgendaItem(models.Model):
    """An item of the agenda on one day of the meeting; items may nest one level (a workshop's
    parts under the workshop). Minutes are written per item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(720)]
    )
    titles = models.JSONField(_("title in each language"), validators=[validate_translations])
    presenter = models.CharField(_("presenter"), max_length=200, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_updated_at = models.DateTimeField(null=True, blank=True)
    minutes_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["meeting", "day", "order", "starts_at", "id"]
        indexes = [models.Index(fields=["meeting", "day", "order"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self.titles, default=f"#{self.pk}")


class Registration(models.Model):
    """A participant of a meeting: who, for which partner, which days, what they eat; and, as
    the organiser records it, which days they attended. A person the organiser records as
    attending without having registered is kept with `walk_in` set. Personal data: the
    meeting's organisers and the partner's coordinators read it; exported and erased with
    the person's account."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_registrations",
    )
    partner = models.ForeignKey(
        "network.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_registrations",
        verbose_name=_("partner town"),
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    # ISO dates of the meeting's days the person comes to, and was seen at.
    days = models.JSONField(_("attends"), default=list, blank=True)
    attended_days = models.JSONField(_("attended"), default=list, blank=True)
    walk_in = models.BooleanField(_("not registered"), default=False)
    registered_at = models.DateTimeField(default=timezone.now)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "partner", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=models.Q(user__isnull=False, cancelled_at__isnull=True),
                name="registration_once_per_user",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Decision(models.Model):
    """What the meeting decided: what, who does it, by when (optionally under an agenda item)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    text = models.TextField(_("decision"), max_length=2000)
    responsible = models.CharField(_("who"), max_length=200)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "order", "id"]

    def __str__(self) -> str:
        return self.text[:60]


def meeting_files():
    """Members-only files: private storage, served by a view that checks the role."""
    from django.core.files.storage import storages

    return storages["private"]


class MeetingDocument(models.Model):
    """A document (PDF) or photo (JPEG/PNG, shrunk) of a meeting, checked by content and size.
    Removing one hides it (`removed_at`); it can be put back."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        PHOTO = "photo", _("Photo")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    alt_text = models.CharField(_("description of the photo"), max_length=300, blank=True)
    file = models.FileField(storage=meeting_files, upload_to="network/meetings/%Y/")
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["meeting", "kind", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class SiteVisitStop(models.Model):
    """A unit of the vacancy register visited during a meeting, in the order of the route,
    with what the visitors noted there."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="site_stops")
    unit = models.ForeignKey(
        "premises.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    day = models.DateField(_("day"), null=True, blank=True)
    visited_at = models.TimeField(_("time"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    # Removing a stop hides it with its notes; it can be put back.
    removed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("site visit stop")
        verbose_name_plural = _("site visit stops")
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "unit"],
                condition=models.Q(removed_at__isnull=True),
                name="site_stop_unit_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} · {self.unit_id}"
