"""Rich text as people write it in the site's editor (django-prose-editor) and as it is kept.

One editor configuration and one sanitiser for every app that takes rich text (publishing's
entries, the network's Transfer Plans): user HTML is sanitised with nh3 (Ammonia) on save, and
again when it is shown. What the editor offers is what the sanitiser keeps.
"""

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

# The editor's tools (django-prose-editor's extensions).
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": True,
    "Caption": True,
    "Image": True,
    "History": True,
    # Not a feature: lets the editor's <style> element past the content security policy.
    "StyleNonce": True,
}
# The editor without pictures, for texts whose place has no picture library (a Transfer Plan).
TEXT_EDITOR_EXTENSIONS = {
    name: value
    for name, value in EDITOR_EXTENSIONS.items()
    if name not in {"Figure", "Caption", "Image"}
}


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
