"""A town's or network's look: its coat of arms or logo and an accent colour.

The accent colour drives the header, navigation, buttons and links through CSS custom
properties, served as a small stylesheet per place (`theme_css`): the site's Content Security
Policy allows no inline styles, and a file can be cached by browsers and the page cache alike.
Text on the accent must keep WCAG AA contrast (4.5:1), so the text colour is computed, and a
colour on which neither white nor dark text reaches it is refused.
"""

import hashlib
import re
import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LIGHT_INK = "#ffffff"
DARK_INK = "#1b1f23"  # the site's text colour
DEFAULT_ACCENT = "#1f5f3f"
AA_NORMAL_TEXT = 4.5
LOGO_MAX_SIDE_PX = 400


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour written #rrggbb."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ink_for(accent: str) -> str:
    """The text colour, white or dark, that reads best on the accent."""
    return max((LIGHT_INK, DARK_INK), key=lambda ink: contrast_ratio(accent, ink))


def _mixed(colour: str, towards: str, share: float) -> str:
    mixed = (
        round(own + (other - own) * share)
        for own, other in zip(_channels(colour), _channels(towards), strict=True)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def validate_accent_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Write the colour as # and six hexadecimal digits, e.g. #1f5f3f."), code="format"
        )
    if contrast_ratio(value, ink_for(value)) < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "Text on %(colour)s would be hard to read, in white or in black: choose a "
                "darker or a lighter colour."
            ),
            code="contrast",
            params={"colour": value},
        )


def theme_css(accent: str) -> str:
    """The custom properties of site.css that follow from the accent colour."""
    accent = accent.lower() if accent and HEX_COLOUR.match(accent) else DEFAULT_ACCENT
    ink = ink_for(accent)
    # Hovering darkens the accent under white text and lightens it under dark text, so the
    # text stays readable; links use the accent only where it reads on white.
    hover = _mixed(accent, "#000000" if ink == LIGHT_INK else "#ffffff", 0.2)
    properties = {"--accent": accent, "--accent-ink": ink, "--accent-strong": hover}
    if contrast_ratio(accent, "#ffffff") >= AA_NORMAL_TEXT:
        properties["--link"] = accent
    body = "".join(f"  {name}: {value};\n" for name, value in properties.items())
    return f":root {{\n{body}}}\n"


def logo_path(instance: models.Model, filename: str) -> str:
    # Random names with the real format's suffix: nothing of the uploader's file name is kept.
    kind = instance._meta.model_name
    return f"brand/{kind}-{instance.pk or 'new'}/{uuid.uuid4().hex}{Path(filename).suffix}"


class Branding(models.Model):
    """A place's coat of arms or logo and its accent colour."""

    logo = models.ImageField(
        _("coat of arms or logo"),
        upload_to=logo_path,
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("PNG, JPEG or WebP; shown beside the name at the top of every page."),
    )
    logo_width = models.PositiveIntegerField(null=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, editable=False)
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        blank=True,
        validators=[validate_accent_colour],
        help_text=_("For the header, buttons and links, e.g. #1f5f3f."),
    )

    class Meta:
        abstract = True

    @property
    def theme_version(self) -> str:
        """Changes whenever the stylesheet does, so its address can be cached for a year."""
        return hashlib.sha256(theme_css(self.accent_colour).encode()).hexdigest()[:12]


def prepared_logo(upload):
    """The uploaded coat of arms or logo, checked by content like every upload (PNG, JPEG or
    WebP; SVG is refused, as it can carry scripts), at most 400 pixels a side, no metadata."""
    from regrow.lib.images import prepared_photo

    prepared = prepared_photo(upload, max_side=LOGO_MAX_SIDE_PX)
    prepared.name = "logo" + Path(prepared.name).suffix
    return prepared
