"""Documents as PDF and DOCX from one structure: no database, real WeasyPrint and python-docx."""

import io
import re
import zlib
from datetime import date

import docx
import pytest
from django.utils import translation
from PIL import Image as Pillow
from weasyprint import HTML

from regrow.lib import charts, documents
from regrow.lib.documents import markup, words
from regrow.lib.documents.pdf import document_html, page_counter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def png(colour: str = "#1f5f3f", mode: str = "RGB", fmt: str = "PNG") -> bytes:
    output = io.BytesIO()
    Pillow.new(mode, (40, 50), colour).save(output, format=fmt)
    return output.getvalue()


def latvian_document(rows: int = 80) -> documents.Document:
    chart = charts.line_chart(
        title="Tukšo telpu īpatsvars",
        description="No janvāra līdz martam",
        x_labels=["01.2024", "02.2024", "03.2024"],
        series=[charts.Series("Īpatsvars", [1, 2.5, 3])],
    )
    return documents.Document(
        title="Tukšo telpu pārskats: Alūksne",
        subtitle="No 2024. gada 1. janvāra līdz 31. decembrim",
        language="lv",
        issuer=documents.Issuer("Alūksnes novads", ["Dārza iela 11", "LV-4301 Alūksne"], png()),
        issued_on=date(2025, 3, 4),
        blocks=[
            documents.Heading("Kopsavilkums"),
            documents.KeyValues([("Zaudētā īres maksa", "1 234 €")]),
            documents.Paragraph(
                html='<p>Šis ir <b>treknraksts</b>, <a href="https://example.org/">saite</a>'
                '<script>alert(1)</script><img src="https://example.org/x.png"></p>'
                "<ul><li>viens</li><li>divi</li></ul>"
            ),
            documents.Image(chart.encode(), "image/svg+xml", alt="Grafiks", caption="Apraksts"),
            documents.Table(
                header=["Adrese", "Dienas"],
                rows=[[f"Ņūdzeņu iela {number}", str(number)] for number in range(rows)],
                align=["left", "right"],
                totals=["Kopā", "3160"],
                caption="Telpas",
            ),
            documents.Signatures([documents.Party("Iznomātājs", "Jānis Bērziņš")]),
        ],
    )


def rendered_text(document: documents.Document) -> list[str]:
    """The text of each page as WeasyPrint laid it out."""
    pages = HTML(string=document_html(document)).render().pages

    def texts(box):
        if hasattr(box, "text"):
            yield box.text
        for child in getattr(box, "children", ()):
            yield from texts(child)

    return [" ".join(texts(page._page_box)) for page in pages]


def inflated(data: bytes) -> list[bytes]:
    """The PDF's compressed streams, decompressed (WeasyPrint packs even its objects in them)."""
    streams = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            streams.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return streams


def unicode_in_pdf(data: bytes) -> set[str]:
    """The characters the PDF's fonts map their glyphs to (their ToUnicode tables)."""
    found = set()
    for text in inflated(data):
        if b"beginbfchar" in text or b"beginbfrange" in text:
            for code in re.findall(rb"<([0-9A-Fa-f]{4})>", text):
                found.add(chr(int(code, 16)))
    return found


def test_the_pdf_is_a4_with_latvian_letters_in_an_embedded_dejavu_font():
    data = documents.render_pdf(latvian_document())
    assert data.startswith(b"%PDF-")
    objects = b"".join(inflated(data))
    assert b"/MediaBox [0 0 595.275591 841.889764]" in objects  # A4 in points
    assert re.search(rb"/FontName /[A-Z]{6}\+DejaVu-Sans", objects)
    assert {"ā", "ū", "ē", "š", "ņ", "ī", "Ņ", "Š"} <= unicode_in_pdf(data)
    assert b"/Lang (lv)" in objects


def test_the_pdf_pages_are_numbered_in_the_documents_language_and_repeat_the_table_header():
    pages = rendered_text(latvian_document(rows=120))
    assert len(pages) >= 3
    with translation.override("lv"):  # "Lapa %(page)s no %(pages)s" once the catalogue has it
        phrase, issued = words.page_of_pages(), words.issued(date(2025, 3, 4))
    assert phrase % {"page": 1, "pages": len(pages)} in pages[0]
    assert phrase % {"page": len(pages), "pages": len(pages)} in pages[-1]
    assert all("Adrese" in page for page in pages[1:])  # the header row on every page
    assert issued in pages[0]
    assert "2025. gada 4. martā" in pages[0]
    assert "Ņūdzeņu iela 0" in pages[0]
    assert "Kopā" in pages[-1] and "Jānis Bērziņš" in pages[-1]


def test_english_documents_say_page_of():
    document = documents.Document("Report", "en", documents.Issuer("Altena"), [])
    assert "Page 1 of 1" in rendered_text(document)[0]


def test_a_paragraphs_html_keeps_bold_links_and_lists_and_loses_scripts_and_images():
    html = document_html(latvian_document())
    assert "<b>treknraksts</b>" in html
    assert '<a href="https://example.org/">saite</a>' in html
    assert "<li>viens</li>" in html
    assert "<script" not in html and "alert" not in html and "x.png" not in html


def test_the_pdf_fetches_nothing_from_outside():
    document = documents.Document(
        "T", "en", documents.Issuer("A"), [documents.Paragraph(html='<a href="file:///etc">x</a>')]
    )
    html = document_html(document)
    assert "file:///" not in html  # nh3 keeps only web and mail links
    assert documents.render_pdf(document).startswith(b"%PDF-")


def test_page_counter_quotes_the_translated_phrase_for_css():
    assert page_counter() == '"Page " counter(page) " of " counter(pages) ""'


def test_the_docx_reads_back_with_headings_table_cells_language_and_alt_text():
    word = docx.Document(io.BytesIO(documents.render_docx(latvian_document())))
    assert word.core_properties.title == "Tukšo telpu pārskats: Alūksne"
    assert word.core_properties.language == "lv-LV"
    language = word.styles.element.find(f"{W}docDefaults").find(f".//{W}lang")
    assert language.get(f"{W}val") == "lv-LV"
    styles = [(paragraph.style.name, paragraph.text) for paragraph in word.paragraphs]
    assert ("Title", "Tukšo telpu pārskats: Alūksne") in styles
    assert ("Heading 1", "Kopsavilkums") in styles
    assert ("List Bullet", "divi") in styles
    with translation.override("lv"):
        assert ("Normal", words.issued(date(2025, 3, 4))) in styles
    rich = next(p for p in word.paragraphs if p.text.startswith("Šis ir"))
    assert [run.text for run in rich.runs if run.bold] == ["treknraksts"]
    assert rich.hyperlinks[0].url == "https://example.org/"
    table = word.tables[1]
    assert [cell.text for cell in table.rows[0].cells] == ["Adrese", "Dienas"]
    assert table.rows[1].cells[0].text == "Ņūdzeņu iela 0"
    assert table.rows[-1].cells[1].text == "3160"
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert table.rows[1].cells[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    alts = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert alts == ["Alūksnes novads", "Grafiks"]  # the logo, then the chart as PNG
    footer = word.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    with translation.override("lv"):
        before = words.page_of_pages().partition("%(page)s")[0]
    assert f'<w:t xml:space="preserve">{before}</w:t>' in footer  # "Lapa ", then the field
    assert "Alūksnes novads" in footer


def test_an_svg_becomes_png_in_the_docx():
    word = docx.Document(io.BytesIO(documents.render_docx(latvian_document(rows=1))))
    types = {part.content_type for part in word.part.package.parts}
    assert "image/png" in types
    assert "image/svg+xml" not in types


@pytest.mark.parametrize(("fmt", "expected"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_printable_pictures_keep_png_and_jpeg(fmt, expected):
    data = png(fmt=fmt)
    assert documents.printable_picture(data) == (data, expected)


def test_printable_pictures_turn_webp_into_png():
    data, content_type = documents.printable_picture(png(fmt="WEBP"))
    assert content_type == "image/png"
    assert data.startswith(b"\x89PNG")


def test_images_are_png_jpeg_or_svg_only():
    with pytest.raises(ValueError, match="PNG, JPEG or SVG"):
        documents.Image(b"GIF89a", "image/gif", alt="x")


def test_markup_lines_keep_nested_lists_and_styles():
    lines = markup.lines(
        "<p>Ar <i>slīprakstu</i></p><ol><li>viens<ul><li>iekšā</li></ul></li><li>divi</li></ol>"
    )
    assert [(line.list_kind, line.depth) for line in lines] == [
        ("", 0),
        ("ol", 0),
        ("ul", 1),
        ("ol", 0),
    ]
    assert [run.italic for run in lines[0].runs] == [False, True]
