"""Documents as PDF and DOCX from one structure: build a `Document` of blocks, then call
`render_pdf` or `render_docx`. Reports, agreements, plans and minutes all come this way."""

from regrow.lib.documents.model import (
    Block,
    Document,
    Heading,
    Image,
    Issuer,
    KeyValues,
    Paragraph,
    Party,
    Signatures,
    Table,
    printable_picture,
)
from regrow.lib.documents.pdf import render_pdf
from regrow.lib.documents.word import render_docx

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

__all__ = [
    "CONTENT_TYPES",
    "Block",
    "Document",
    "Heading",
    "Image",
    "Issuer",
    "KeyValues",
    "Paragraph",
    "Party",
    "Signatures",
    "Table",
    "printable_picture",
    "render_docx",
    "render_pdf",
]
