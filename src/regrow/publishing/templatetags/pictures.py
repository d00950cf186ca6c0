"""`{% load pictures %}` `{% picture entry.image sizes="…" %}`: an <img> with srcset."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from regrow.publishing import renditions

register = template.Library()

# Cards fill the phone's width and a third of the page on a wide screen; the lead story fills
# the phone and two thirds of the page.
SIZES = {
    "card": "(min-width: 60rem) 21rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)",
    "lead": "(min-width: 68rem) 42rem, (min-width: 48rem) 62vw, calc(100vw - 2rem)",
}


@register.simple_tag
def picture(image, kind: str = "card", lazy: bool = True, css_class: str = ""):
    if not image or not image.width:
        return ""
    found = renditions.sources(image)
    srcset = ", ".join(f"{url} {width}w" for url, width in found)
    smallest_fit = next((url for url, width in found if width >= 640), found[-1][0])
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}>',
        smallest_fit,
        srcset,
        SIZES.get(kind, SIZES["card"]),
        image.width,
        image.height,
        image.alt_text,
        format_html(' class="{}"', css_class) if css_class else "",
        mark_safe(' loading="lazy" decoding="async"' if lazy else ' fetchpriority="high"'),  # noqa: S308
    )
