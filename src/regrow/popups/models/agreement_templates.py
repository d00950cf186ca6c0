"""The town's own wording of the owner agreement (head lease), one per language; where a town
has none, the default in `popups.services.agreements` is used."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from regrow.towns.models import Town


class AgreementTemplate(models.Model):
    """Title and body of the owner agreement in one language, with placeholders such as
    {owner_name} that are filled in from the agreement when it is downloaded."""

    class Kind(models.TextChoices):
        OWNER = "owner", _("Owner agreement")
        SUBLEASE = "sublease", _("Sublease")

    town = models.ForeignKey(
        Town, on_delete=models.CASCADE, related_name="popup_agreement_templates"
    )
    kind = models.CharField(_("document"), max_length=10, choices=Kind.choices, default=Kind.OWNER)
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Paragraphs separated by an empty line; placeholders in braces.")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("agreement template")
        verbose_name_plural = _("agreement templates")
        ordering = ["town", "kind", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["town", "kind", "language"], name="popup_agreement_template_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.town} · {self.language}"
