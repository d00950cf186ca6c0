"""A page as the validators read it: its head's links and metadata, and the HTML errors the Nu
checker reported on regrow's pages (html5lib is not installed; Python's parser is, so this
checks those findings strictly rather than the whole of HTML)."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that end an open <p> (HTML's parsing rules): written inside one, the <p> closes
# early and its end tag is left without a start ("No p element in scope").
CLOSES_P = frozenset(
    {
        *("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"),
    }
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)


@dataclass
class Page:
    links: list[dict] = field(default_factory=list)  # <link> in the head
    metas: list[dict] = field(default_factory=list)  # <meta> in the head
    scripts: list[tuple[dict, str]] = field(default_factory=list)  # (attributes, text)
    anchors: list[dict] = field(default_factory=list)  # <a> anywhere
    errors: list[str] = field(default_factory=list)

    def link(self, rel: str) -> list[dict]:
        return [link for link in self.links if rel in link.get("rel", "").split()]

    @property
    def canonical(self) -> str | None:
        found = self.link("canonical")
        assert len(found) <= 1, "more than one canonical link"
        return found[0]["href"] if found else None

    @property
    def hreflang(self) -> dict[str, str]:
        alternates = [link for link in self.link("alternate") if "hreflang" in link]
        codes = [link["hreflang"] for link in alternates]
        assert len(codes) == len(set(codes)), f"an hreflang given twice: {codes}"
        return {link["hreflang"]: link["href"] for link in alternates}

    def meta(self, key: str) -> list[str]:
        """The contents of <meta name=key> or <meta property=key>."""
        return [
            meta.get("content", "")
            for meta in self.metas
            if meta.get("name") == key or meta.get("property") == key
        ]

    def json_ld(self) -> list[dict]:
        return [
            json.loads(text)
            for attributes, text in self.scripts
            if attributes.get("type") == "application/ld+json"
        ]


class _Reader(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[str] = []
        self.in_head = False
        self.script: dict | None = None
        self.script_text: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        where = self.getpos()[0]
        if tag in CLOSES_P and "p" in self.open:
            self.page.errors.append(f"line {where}: <{tag}> inside <p>")
        if tag == "input" and attributes.get("type") == "hidden":
            for name in ("aria-describedby", "aria-invalid", "required"):
                if name in attributes:
                    self.page.errors.append(f"line {where}: hidden input with {name}")
        if "id" in attributes:
            if attributes["id"] in self.ids:
                self.page.errors.append(f"line {where}: id {attributes['id']!r} twice")
            self.ids.add(attributes["id"])
        if tag == "head":
            self.in_head = True
        elif tag == "link" and self.in_head:
            self.page.links.append(attributes)
        elif tag == "meta" and self.in_head:
            self.page.metas.append(attributes)
        elif tag == "a":
            self.page.anchors.append(attributes)
        elif tag == "script":
            self.script, self.script_text = attributes, []
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "script" and self.script is not None:
            self.page.scripts.append((self.script, "".join(self.script_text)))
            self.script = None
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass
        elif tag == "p":
            self.page.errors.append(f"line {self.getpos()[0]}: </p> with no <p> open")

    def handle_data(self, data):
        if self.script is not None:
            self.script_text.append(data)


def read_page(html: str) -> Page:
    page = Page()
    reader = _Reader(page)
    reader.feed(html)
    reader.close()
    return page


SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def sitemap_files(client) -> list[bytes]:
    """Every file the sitemap index at /sitemap.xml names, as a crawler follows it."""
    from urllib.parse import parse_qsl, urlsplit
    from xml.etree import ElementTree

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ElementTree.fromstring(response.content)
    assert index.tag == f"{{{SITEMAP_NS['s']}}}sitemapindex"
    files = []
    for location in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        address = urlsplit(location.text)
        one = client.get(address.path, dict(parse_qsl(address.query)))
        assert one.status_code == 200, location.text
        files.append(one.content)
    return files


def sitemap_urls(client) -> list:
    """The <url> elements of every sitemap file."""
    from xml.etree import ElementTree

    return [
        url
        for content in sitemap_files(client)
        for url in ElementTree.fromstring(content).findall("s:url", SITEMAP_NS)
    ]
