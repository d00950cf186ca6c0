"""A document as PDF: HTML from a Django template with print CSS, laid out by WeasyPrint (A4,
the document's language in `<html lang>`, DejaVu or Noto fonts, which have every partner
language's letters)."""

import base64

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from regrow.lib.documents import markup, words
from regrow.lib.documents.model import (
    Document,
    Heading,
    Image,
    KeyValues,
    Paragraph,
    Signatures,
    Table,
)

KINDS = {
    Heading: "heading",
    Paragraph: "paragraph",
    KeyValues: "key_values",
    Table: "table",
    Image: "image",
    Signatures: "signatures",
}


def data_url(data: bytes, content_type: str) -> str:
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def css_string(text: str) -> str:
    """Text as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_counter() -> str:
    """The footer's “Page 1 of 3” as the value of a CSS `content` property."""
    phrase = words.page_of_pages()
    before, _sep, rest = phrase.partition(words.PAGE_PLACEHOLDER)
    middle, _sep, after = rest.partition(words.PAGES_PLACEHOLDER)
    parts = [css_string(before), "counter(page)", css_string(middle), "counter(pages)"]
    return " ".join([*parts, css_string(after)])


def _item(block) -> dict:
    item = {"kind": KINDS[type(block)], "block": block}
    if isinstance(block, Heading):
        item["tag"] = f"h{min(max(block.level, 1), 3) + 1}"
    elif isinstance(block, Paragraph) and block.html:
        item["html"] = mark_safe(markup.sanitised(block.html))  # noqa: S308 - sanitised by nh3
    elif isinstance(block, Table):
        align = [block.alignment(column) for column in range(len(block.header))]
        item["header"] = list(zip(block.header, align, strict=False))
        item["rows"] = [list(zip(row, align, strict=False)) for row in block.rows]
        item["totals"] = list(zip(block.totals, align, strict=False)) if block.totals else []
    elif isinstance(block, Image):
        item["src"] = data_url(block.data, block.content_type)
    return item


def document_html(document: Document) -> str:
    """The HTML that WeasyPrint lays out (also handy to look at in a browser)."""
    with translation.override(document.language):
        issuer = document.issuer
        context = {
            "document": document,
            "logo": data_url(issuer.logo, issuer.logo_type) if issuer.logo else "",
            "issued": words.issued(document.issued_on) if document.issued_on else "",
            "items": [_item(block) for block in document.blocks],
            "signature_labels": words.signature_labels(),
            "page_counter": mark_safe(page_counter()),  # noqa: S308 - quoted by css_string
            "footer_name": mark_safe(css_string(issuer.name)),  # noqa: S308 - quoted likewise
        }
        return render_to_string("documents/document.html", context)


def render_pdf(document: Document) -> bytes:
    """The document as a PDF file. Nothing is fetched: pictures come as data: addresses, and
    any other address (a link's target is not fetched) is refused."""
    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    html = HTML(string=document_html(document), url_fetcher=fetcher)
    return html.write_pdf()
