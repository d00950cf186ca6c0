"""A paragraph's simple HTML: sanitised to bold, italics, links and lists, and read into
paragraphs of styled runs for the Word renderer (the PDF renderer prints the sanitised HTML)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
BOLD, ITALIC = {"b", "strong"}, {"i", "em"}


def sanitised(html: str) -> str:
    """Only the tags a document paragraph may hold survive; scripts, styles, images and
    javascript: links go (an image in a document comes as an `Image` block)."""
    return nh3.clean(
        html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None
    )


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass
class Line:
    """One paragraph: plain (`list_kind` empty) or an item of a bulleted or numbered list."""

    runs: list[Run] = field(default_factory=list)
    list_kind: str = ""  # "", "ul" or "ol"
    depth: int = 0  # nesting of lists, 0 for the outermost


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.open: list[str] = []
        self.lists: list[str] = []
        self.href = ""

    def _line(self) -> Line:
        if not self.lines:
            self.lines.append(Line())
        return self.lines[-1]

    def _new_line(self) -> None:
        kind = self.lists[-1] if self.lists and "li" in self.open else ""
        self.lines.append(Line(list_kind=kind, depth=max(len(self.lists) - 1, 0)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"ul", "ol"}:
            self.lists.append(tag)
            return
        if tag == "br":
            self._new_line()
            return
        self.open.append(tag)
        if tag in {"p", "li"}:
            self._new_line()
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in {"ul", "ol"}:
            if self.lists:
                self.lists.pop()
            self.lines.append(Line())
            return
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]
        if tag == "a":
            self.href = ""
        elif tag in {"p", "li"}:
            self.lines.append(Line())

    def handle_data(self, data: str) -> None:
        if not data.strip() and not self._line().runs:
            return  # whitespace between blocks
        self._line().runs.append(
            Run(
                data,
                bold=bool(BOLD & set(self.open)),
                italic=bool(ITALIC & set(self.open)),
                href=self.href,
            )
        )


def lines(html: str) -> list[Line]:
    """The sanitised HTML as paragraphs of runs, empty paragraphs left out."""
    reader = _Reader()
    reader.feed(sanitised(html))
    reader.close()
    return [line for line in reader.lines if "".join(run.text for run in line.runs).strip()]
