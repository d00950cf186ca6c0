"""User HTML is sanitised with nh3 (Ammonia): on save, and again when it is shown."""

from html import unescape

import nh3

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    """Only harmless structure survives: no script, no event handlers, no javascript: links."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def plain_text(html: str) -> str:
    """The text of some HTML, for titles, leads, feeds and search: no markup, and no entities
    either (“&” stays “&”), so every place that shows it must escape it for its own format."""
    return unescape(nh3.clean(html or "", tags=set())).strip()
