"""What a document says, independent of its file format: a title, who issues it, and a list of
blocks. The renderers (`pdf.py`, `word.py`) turn the same structure into either file.

Every text is plain text, already in the document's language; only `Paragraph.html` carries
markup, and that is sanitised to a few tags (bold, italics, links, lists) before it is used.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Alignment = Literal["left", "right", "center"]
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


@dataclass(frozen=True)
class Issuer:
    """Who issues the document: a town or a network, with its coat of arms or logo."""

    name: str
    address_lines: Sequence[str] = ()
    logo: bytes | None = None
    logo_type: str = "image/png"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 to 3, below the document's title


@dataclass(frozen=True)
class Paragraph:
    """Plain text, or (`html`) simple markup that is sanitised before use."""

    text: str = ""
    html: str = ""
    note: bool = False  # smaller and quieter: an explanation or a footnote


@dataclass(frozen=True)
class KeyValues:
    """Terms and their values, as a two-column list: "Units empty: 12"."""

    items: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Table:
    """A table with one header row, repeated on every page, and an optional totals row."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    align: Sequence[Alignment] = ()  # per column; left where not given
    totals: Sequence[str] | None = None
    caption: str = ""

    def alignment(self, column: int) -> Alignment:
        return self.align[column] if column < len(self.align) else "left"


@dataclass(frozen=True)
class Image:
    """A picture with its text alternative; `caption` is printed under it (it may repeat the
    alternative, for a chart whose figures matter)."""

    data: bytes
    content_type: str
    alt: str
    caption: str = ""
    width_mm: float = 160

    def __post_init__(self) -> None:
        if self.content_type not in IMAGE_TYPES:
            raise ValueError(f"Images are PNG, JPEG or SVG, not {self.content_type}")


@dataclass(frozen=True)
class Party:
    """One who signs: their role ("Landlord") and name, with room for signature and date."""

    role: str
    name: str = ""


@dataclass(frozen=True)
class Signatures:
    parties: Sequence[Party]


Block = Heading | Paragraph | KeyValues | Table | Image | Signatures


@dataclass(frozen=True)
class Document:
    """A whole document. `language` is a language code (lv, en, …): the renderers translate
    their own words ("Page 1 of 3", the date of issue) into it and mark the file with it."""

    title: str
    language: str
    issuer: Issuer
    blocks: Sequence[Block] = field(default_factory=list)
    subtitle: str = ""
    issued_on: date | None = None


def printable_picture(data: bytes) -> tuple[bytes, str]:
    """A stored picture (already checked on upload) as PNG or JPEG, which both renderers take:
    WebP and the rest become PNG. Returns the bytes and their content type."""
    from PIL import Image as Pillow  # only documents with a picture pay for the import

    with Pillow.open(io.BytesIO(data)) as picture:
        if picture.format in {"PNG", "JPEG"}:
            return data, f"image/{picture.format.lower()}"
        output = io.BytesIO()
        picture.save(output, format="PNG")
        return output.getvalue(), "image/png"
