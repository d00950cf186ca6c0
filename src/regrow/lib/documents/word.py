"""A document as a Word file (python-docx): Word's own styles (Title, Heading 1 to 3, List
Bullet, Caption), tables whose header row repeats on every page, a footer with the page number
as fields Word fills in, and the document's language set for spelling and hyphenation."""

import io

import cairosvg
from django.utils import translation
from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

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

ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}
LINK_COLOUR = RGBColor(0x0B, 0x4F, 0x8A)
QUIET_COLOUR = RGBColor(0x44, 0x44, 0x44)
TEXT_WIDTH_MM = 174  # A4 less the margins below
SVG_PIXELS_PER_MM = 8  # ~200 dpi: sharp in print, small enough to mail


def _set_language(word, code: str) -> None:
    """The default language of every run, as Word's spelling checker and hyphenation read it."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), words.word_language(code))
    language.set(qn("w:eastAsia"), words.word_language(code))


def _field(paragraph, instruction: str, shown: str) -> None:
    """A field Word computes when it lays the page out (PAGE, NUMPAGES)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(word, document: Document) -> None:
    section = word.sections[0]
    paragraph = section.footer.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(document.issuer.name + "\t")
    phrase = words.page_of_pages()
    before, _sep, rest = phrase.partition(words.PAGE_PLACEHOLDER)
    middle, _sep, after = rest.partition(words.PAGES_PLACEHOLDER)
    paragraph.add_run(before)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES", "1")
    paragraph.add_run(after)
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _page(word) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    normal = word.styles["Normal"]
    normal.font.size = Pt(10)


def _issuer(word, document: Document) -> None:
    issuer = document.issuer
    if issuer.logo:
        word.add_picture(io.BytesIO(_bitmap(issuer.logo, issuer.logo_type)), height=Mm(18))
        _describe_last_picture(word, issuer.name)
    name = word.add_paragraph()
    name.add_run(issuer.name).bold = True
    name.paragraph_format.space_after = Pt(0)
    for line in issuer.address_lines:
        paragraph = word.add_paragraph(line)
        paragraph.paragraph_format.space_after = Pt(0)
    word.add_paragraph()


def _bitmap(data: bytes, content_type: str) -> bytes:
    if content_type == "image/svg+xml":
        return cairosvg.svg2png(bytestring=data, output_width=TEXT_WIDTH_MM * SVG_PIXELS_PER_MM)
    return data


def _describe_last_picture(word, alt: str) -> None:
    """The text alternative of the picture just added (Word's "Alt Text")."""
    properties = word.inline_shapes[-1]._inline.docPr
    properties.set("descr", alt)
    properties.set("title", alt)


def _hyperlink(paragraph, href: str):
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, True))
    paragraph._p.append(link)
    return link


def _rich_paragraph(word, block: Paragraph) -> None:
    for line in markup.lines(block.html):
        style = None
        if line.list_kind:
            style = "List Bullet" if line.list_kind == "ul" else "List Number"
            if line.depth:
                style += f" {min(line.depth + 1, 3)}"
        paragraph = word.add_paragraph(style=style)
        for piece in line.runs:
            run = paragraph.add_run(piece.text)
            run.bold, run.italic = piece.bold or None, piece.italic or None
            if piece.href:
                run.font.underline = True
                run.font.color.rgb = LINK_COLOUR
                _hyperlink(paragraph, piece.href).append(run._r)
            if block.note:
                run.font.size = Pt(8.5)


def _paragraph(word, block: Paragraph) -> None:
    if block.html:
        _rich_paragraph(word, block)
        return
    paragraph = word.add_paragraph(block.text)
    if block.note:
        for run in paragraph.runs:
            run.font.size = Pt(8.5)
            run.font.color.rgb = QUIET_COLOUR


def _key_values(word, block: KeyValues) -> None:
    table = word.add_table(rows=0, cols=2)
    for key, value in block.items:
        cells = table.add_row().cells
        cells[0].text = key
        cells[1].paragraphs[0].add_run(value).bold = True
    word.add_paragraph()


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _fill_row(row, cells, block: Table, bold: bool = False) -> None:
    for column, (cell, text) in enumerate(zip(row.cells, cells, strict=False)):
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(str(text))
        run.bold = bold or None
        paragraph.alignment = ALIGNMENTS[block.alignment(column)]


def _table(word, block: Table) -> None:
    if block.caption:
        word.add_paragraph(block.caption, style="Caption")
    table = word.add_table(rows=1, cols=len(block.header), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = table.rows[0]
    _repeat_as_header(header)
    _fill_row(header, block.header, block, bold=True)
    for cells in block.rows:
        _fill_row(table.add_row(), cells, block)
    if block.totals:
        _fill_row(table.add_row(), block.totals, block, bold=True)
    word.add_paragraph()


def _image(word, block: Image) -> None:
    width = Mm(min(block.width_mm, TEXT_WIDTH_MM))
    word.add_picture(io.BytesIO(_bitmap(block.data, block.content_type)), width=width)
    _describe_last_picture(word, block.alt)
    if block.caption:
        word.add_paragraph(block.caption, style="Caption")


def _signatures(word, block: Signatures) -> None:
    labels = words.signature_labels()
    table = word.add_table(rows=1, cols=max(len(block.parties), 1))
    for cell, party in zip(table.rows[0].cells, block.parties, strict=False):
        cell.paragraphs[0].add_run(party.role).bold = True
        for label in labels:
            shown = f"{label}: {party.name}" if label == labels[1] and party.name else label
            cell.add_paragraph()
            cell.add_paragraph("_" * 28)
            cell.add_paragraph(shown).runs[0].font.size = Pt(8.5)


RENDERERS = {
    Heading: lambda word, block: word.add_heading(block.text, level=min(max(block.level, 1), 3)),
    Paragraph: _paragraph,
    KeyValues: _key_values,
    Table: _table,
    Image: _image,
    Signatures: _signatures,
}


def render_docx(document: Document) -> bytes:
    """The document as a .docx file."""
    with translation.override(document.language):
        word = WordDocument()
        _page(word)
        _set_language(word, document.language)
        properties = word.core_properties
        properties.title = document.title
        properties.subject = document.subtitle
        properties.author = document.issuer.name
        properties.language = words.word_language(document.language)
        _footer(word, document)
        _issuer(word, document)
        word.add_heading(document.title, level=0)
        if document.subtitle:
            word.add_paragraph(document.subtitle, style="Subtitle")
        if document.issued_on:
            word.add_paragraph(words.issued(document.issued_on))
        for block in document.blocks:
            RENDERERS[type(block)](word, block)
        output = io.BytesIO()
        word.save(output)
        return output.getvalue()
