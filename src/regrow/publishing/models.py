import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regrow.lib.geo import latitude_field, longitude_field
from regrow.network.models import Network
from regrow.towns.models import Town


class Person(models.Model):
    """An author's contact card, printed under what they write."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, null=True, blank=True)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, null=True, blank=True)
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phones = models.JSONField(_("phones"), default=list, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def publisher_q(publisher, prefix: str = "") -> Q:
    """The filter for what belongs to a town or a network."""
    field = "town" if isinstance(publisher, Town) else "network"
    return Q(**{f"{prefix}{field}": publisher})


def publisher_fields(publisher) -> dict:
    """`town=…, network=None` or the other way round, for creating an object of a publisher."""
    is_town = isinstance(publisher, Town)
    return {"town": publisher if is_town else None, "network": None if is_town else publisher}


def one_publisher(name: str) -> models.CheckConstraint:
    """Each object belongs to a town or to a network, never both, never neither."""
    return models.CheckConstraint(
        condition=(Q(town__isnull=False) & Q(network__isnull=True))
        | (Q(town__isnull=True) & Q(network__isnull=False)),
        name=name,
    )


def image_path(image: "Image", filename: str) -> str:
    # The stored name never comes from the uploader: it is random, with the real format's suffix.
    owner = f"town-{image.town_id}" if image.town_id else f"network-{image.network_id}"
    return f"news/{owner}/{uuid.uuid4().hex}{Path(filename).suffix}"


class Image(models.Model):
    """A picture a town or network uses in what it publishes, with its description and credit."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, null=True, blank=True)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, null=True, blank=True)
    file = models.ImageField(
        _("picture"), upload_to=image_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("description for people who cannot see it"),
        max_length=250,
        help_text=_("What the picture shows, e.g. “Partners in front of the town hall”."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Who took or made it.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            one_publisher("image_one_publisher"),
        ]

    def __str__(self) -> str:
        return self.alt_text


class Entry(models.Model):
    """A piece of news, an event or a project page, in one language, of one town or network.

    One model with a kind rather than three: they share everything but an event's time and
    place, and lists, feeds and search treat them alike.
    """

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        EVENT = "event", _("Event")
        PROJECT = "project", _("Project")

    town = models.ForeignKey(
        Town, on_delete=models.CASCADE, null=True, blank=True, related_name="entries"
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, null=True, blank=True, related_name="entries"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.REGROW_PARTNER_LANGUAGES
    )
    # Entries that share a group are translations of each other.
    translation_group = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=120, allow_unicode=False)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences."))
    body = models.TextField(_("text"), blank=True)
    categories = models.JSONField(_("categories"), default=list, blank=True)
    author = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("author")
    )
    # Published when this moment has come; empty means a draft. No worker is needed for that.
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True, db_index=True)
    # Events
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    place_address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    latitude = latitude_field(_("latitude"), null=True, blank=True)
    longitude = longitude_field(_("longitude"), null=True, blank=True)
    image = models.ForeignKey(
        Image,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("main picture"),
        help_text=_("Shown at the top and when the page is shared."),
    )
    # Optimistic locking: a save based on an older version is refused, not silently merged.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    # Title, lead, text, place and address, folded for search (publishing.search.fold).
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-publish_at", "-id"]
        constraints = [
            one_publisher("entry_one_publisher"),
            models.UniqueConstraint(
                fields=["town", "language", "slug"], name="entry_unique_town_slug"
            ),
            models.UniqueConstraint(
                fields=["network", "language", "slug"], name="entry_unique_network_slug"
            ),
            models.UniqueConstraint(
                fields=["translation_group", "language"], name="entry_one_per_language"
            ),
        ]
        indexes = [models.Index(fields=["town", "language", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.utils import translation

        with translation.override(self.language):
            return reverse(
                "publishing:entry", kwargs={"slug": self.publisher.slug, "entry": self.slug}
            )

    @property
    def publisher(self):
        return self.town or self.network

    def is_published(self, now=None) -> bool:
        return self.publish_at is not None and self.publish_at <= (now or timezone.now())

    def clean(self) -> None:
        if self.kind == self.Kind.EVENT:
            if not self.starts_at:
                raise ValidationError({"starts_at": _("An event needs a start.")})
            if self.ends_at and self.ends_at < self.starts_at:
                raise ValidationError({"ends_at": _("An event cannot end before it starts.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both latitude and longitude of the place, or neither.")}
            )


class Revision(models.Model):
    """A saved state of an entry; going back to one saves it again as the newest."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    saved_at = models.DateTimeField(default=timezone.now)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    content = models.JSONField()

    class Meta:
        ordering = ["-saved_at", "-id"]

    def __str__(self) -> str:
        return f"{self.entry} · {self.saved_at:%Y-%m-%d %H:%M}"


class Related(models.Model):
    """Something an entry is about: a network, a pop-up round, a partner meeting…

    Apps register what may be related (see `publishing.sources`), so publishing needs to know
    none of them.
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="related")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("related object")
        verbose_name_plural = _("related objects")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "content_type", "object_id"], name="related_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return str(self.target)
