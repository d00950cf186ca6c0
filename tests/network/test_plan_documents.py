"""A Transfer Plan's version as DOCX and PDF: python-docx reads every section back (rich text as
paragraphs and lists, the actions as a table, the timeline as a picture with its text
alternative); the PDF's text has the plan's title and actions; the plan's language; the
snapshot of a submitted version; who may download; a 40-action plan's timeline."""

import io
import re
from datetime import date, timedelta

import docx
import pytest
from django.utils import translation

from regrow.network.models import PlanAction, PlanRisk, PlanVersion, SectionKey
from regrow.network.plan_document import plan_content, plan_document, text_blocks, timeline_svg
from regrow.network.plan_timeline import month_starts, ticks
from tests.lib.test_documents import inflated, rendered_text
from tests.network.review_data import add_actions, make_review_network

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def net(db):
    made = make_review_network()
    PlanRisk.objects.create(
        plan=made.plan,
        description="Īpašnieki atsakās",
        likelihood=2,
        impact=3,
        mitigation="Sarunas",
    )
    return made


def document_url(net, fmt: str, number: int = 1, language: str = "en") -> str:
    return f"/{language}/regrow-city/plans/{net.plan.pk}/versions/{number}/plan.{fmt}"


def word_of(content: bytes):
    return docx.Document(io.BytesIO(content))


def test_python_docx_reads_every_section_back(client, net):
    client.force_login(net.people["other"])  # any member of the network
    response = client.get(document_url(net, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="regrow-city-aluksne-transfer-plan-v1.docx"'
    )
    word = word_of(response.content)
    assert word.core_properties.title == "Alūksnes pop-up veikali"
    assert word.core_properties.language == "lv-LV"  # the plan's language, not the page's
    headings = [
        (paragraph.style.name, paragraph.text)
        for paragraph in word.paragraphs
        if paragraph.style.name.startswith("Heading")
    ]
    with translation.override("lv"):
        section_titles = [str(label) for _key, label in SectionKey.choices]
    assert [text for style, text in headings if style == "Heading 1"] == section_titles
    assert ("Heading 2", "Pilsēta šodien") in headings  # the text's own heading
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert "Alūksnē ir tukšas telpas." in texts
    bold = [run.text for paragraph in word.paragraphs for run in paragraph.runs if run.bold is True]
    assert "tukšas" in bold
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    numbered = [p.text for p in word.paragraphs if p.style.name == "List Number"]
    assert bullets == ["Dārza iela", "Pils iela"]
    assert numbered == ["Aicinājums", "Pirmā telpa"]
    for text in ("Pop-up veikali pēc Altenas parauga.", "Pieredze ar modes pasākumu."):
        assert text in texts


def test_the_docx_has_the_actions_as_a_table_and_their_timeline(client, net):
    client.force_login(net.people["author"])
    word = word_of(client.get(document_url(net, "docx")).content)
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]
    actions = next(table for table in tables if "Modes pasākums" in table[-2][0])
    assert len(actions) == 1 + 3 + 1  # header, three actions, totals
    assert actions[1][0] == "Aicinājums īpašniekiem iesniegt tukšās telpas"
    assert actions[1][1] == "Attīstības nodaļa"
    assert actions[1][2] == "1.07.2019–31.07.2019"  # noqa: RUF001 - en dash
    assert actions[1][3].replace("\xa0", " ") == "1 500,00 €"
    assert actions[-1][3].replace("\xa0", " ") == "9 000,00 €"  # 1,500 + 3,000 + 4,500
    with translation.override("lv"):
        funding_source = translation.gettext("Funding source")
    budget = next(table for table in tables if table[0][0] == funding_source)
    assert budget[-1][1].replace("\xa0", " ") == "9 000,00 €"
    risks = next(table for table in tables if any("Īpašnieki atsakās" in c for c in table[1]))
    assert risks[1][3] == "Sarunas"
    with translation.override("lv"):
        title = translation.gettext("Timeline of the actions")
    descriptions = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert title in descriptions
    images = [part for part in word.part.package.parts if part.content_type == "image/png"]
    assert images and all(part.blob.startswith(b"\x89PNG") for part in images)


def test_the_pdf_text_has_the_title_and_the_actions(net):
    text = " ".join(rendered_text(plan_document(net.version)))
    assert "Alūksnes pop-up veikali" in text
    for action in ("Aicinājums īpašniekiem iesniegt tukšās telpas", "Pirmā pop-up telpa"):
        assert action in text
    assert "Modes pasākums" in text
    assert "Alūksne" in text  # the town issues it


def test_the_pdf_download(client, net):
    client.force_login(net.people["reviewer"])
    response = client.get(document_url(net, "pdf", language="en"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert b"/Lang (lv)" in b"".join(inflated(response.content))
    assert response["Content-Disposition"].endswith('-transfer-plan-v1.pdf"')


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_an_outsider_may_not_download(client, net, fmt):
    client.force_login(net.people["outsider"])
    assert client.get(document_url(net, fmt)).status_code == 403
    client.force_login(net.people["author"])
    assert client.get(document_url(net, fmt, number=9)).status_code == 404


def test_a_submitted_version_shows_its_snapshot_not_the_live_actions(net):
    net.version.snapshot = {
        "actions": [
            {
                "title": "Vecā darbība",
                "owner": "Dome",
                "starts_on": "2019-03-01",
                "due_on": "2019-04-30",
                "budget_cents": 12345,
                "funding_source": "eu_funds",
                "status": "done",
            }
        ],
        "risks": [],
        "indicators": [
            {
                "id": 1,
                "indicator__code": "vacancy-rate",
                "indicator__names": {"en": "Vacancy rate", "lv": "Tukšo telpu īpatsvars"},
                "baseline": "18.5",
                "baseline_period": "2018",
                "target": "12",
                "target_period": "2021",
            }
        ],
    }
    content = plan_content(net.version)
    assert [action.title for action in content.actions] == ["Vecā darbība"]
    assert content.risks == []
    text = " ".join(rendered_text(plan_document(net.version)))
    assert "Vecā darbība" in text and "Modes pasākums" not in text
    assert "Īpašnieki atsakās" not in text  # the live risk came after the snapshot
    assert "Tukšo telpu īpatsvars 18,5 (2018) 12 (2021)" in text


def test_a_draft_without_actions_says_so(net):
    PlanAction.objects.all().delete()
    draft = PlanVersion.objects.create(plan=net.plan, number=2)
    draft.plan = net.plan
    text = " ".join(rendered_text(plan_document(draft)))
    with translation.override("lv"):
        assert translation.gettext("Not written yet.") in text  # no section written
        assert translation.gettext("The plan has no actions yet.") in text


def test_rich_text_is_split_at_its_headings_and_script_goes():
    blocks = text_blocks(
        '<p>Ievads</p><h3 class="x">Apakšvirsraksts</h3><p>Teksts<script>alert(1)</script></p>'
    )
    assert [type(block).__name__ for block in blocks] == ["Paragraph", "Heading", "Paragraph"]
    assert blocks[1].text == "Apakšvirsraksts" and blocks[1].level == 3
    assert text_blocks("") == [] and text_blocks("<p> </p>") == []


def test_a_forty_action_timeline_is_one_accessible_chart(net):
    PlanAction.objects.all().delete()
    first = date(2019, 3, 1)
    add_actions(
        net.plan,
        [
            (
                f"Darbība {number} <b>&</b>",
                first + timedelta(days=20 * number),
                first + timedelta(days=20 * number + 45),
            )
            for number in range(40)
        ],
    )
    with translation.override("en"):
        content = plan_content(net.version)
        svg = timeline_svg(content.actions, today=date(2020, 6, 1))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert '<title id="actions-timeline-title">Timeline of the actions</title>' in svg
    assert "40 actions" in svg
    assert "<b>" not in svg and "Darbība 3 &lt;b&gt;&amp;&lt;/b&gt;" in svg  # escaped
    assert len(re.findall(r"<rect x=[^>]*><title>", svg)) == 40  # one bar an action
    assert "chart-today" in svg
    assert svg == timeline_svg(content.actions, today=date(2020, 6, 1))  # the same each time


def test_the_time_axis_steps_by_month_quarter_or_year():
    assert month_starts(date(2019, 2, 10), date(2019, 5, 1), 1) == [
        date(2019, 2, 1),
        date(2019, 3, 1),
        date(2019, 4, 1),
        date(2019, 5, 1),
    ]
    assert ticks(date(2019, 2, 10), date(2019, 6, 1))[0] == date(2019, 2, 1)
    assert ticks(date(2019, 2, 10), date(2021, 6, 1))[:2] == [date(2019, 1, 1), date(2019, 4, 1)]
    assert ticks(date(2019, 2, 10), date(2025, 6, 1))[:2] == [date(2019, 1, 1), date(2020, 1, 1)]


def test_the_axis_names_the_year_at_its_start_and_at_each_january(net):
    with translation.override("en"):
        svg = timeline_svg(plan_content(net.version).actions)  # July 2019 to February 2020
    labels = re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="\w+">([^<]+)</text>', svg)
    assert labels[0] == "Jul 2019"
    assert labels == ["Jul 2019", "Sep", "Nov", "Jan 2020"]  # every other month: room


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_download_takes_the_same_queries_for_more_actions(client, net, fmt):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(net.people["author"])
    client.get(document_url(net, fmt))
    with CaptureQueriesContext(connection) as few:
        client.get(document_url(net, fmt))
    add_actions(net.plan, [(f"A{n}", date(2020, 1, 1), date(2020, 3, 1)) for n in range(30)])
    with CaptureQueriesContext(connection) as many:
        assert client.get(document_url(net, fmt)).status_code == 200
    # session, user, two-factor check, plan, roles, reviewer, version, sections, three
    # snapshot lists
    assert len(many) == len(few) <= 12
