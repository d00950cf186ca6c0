"""The round report's page and the rounds side by side: who may read them, what they show (the
funnel, unit-weeks, money, the streets' vacancy, charts with text alternatives and no script),
the same figures as the selectors, pages of rounds and bounded queries."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from regrow.popups.models import Round, Sublease
from regrow.popups.selectors_money import round_money
from regrow.popups.selectors_report import ROUNDS_PER_PAGE
from regrow.towns.models import Role
from tests.popups.conftest import round_values
from tests.popups.test_figures import add_street_history, make_finished_round

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 6, 1, 10, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def finished(aluksne, coordinator):
    made = make_finished_round(aluksne.town, coordinator)
    add_street_history(made)
    return made


def report_url(round_, language: str = "lv", suffix: str = "report/") -> str:
    return f"/{language}/aluksne/popup-rounds/{round_.pk}/{suffix}"


def step(name: str, language: str = "lv") -> str:
    """A funnel step's name as the page writes it in `language`."""
    with translation.override(language):
        return translation.pgettext("a step of the pop-up funnel", name)


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)]


def cells(html: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'<table id="{table_id}">(.*?)</table>', html, re.DOTALL).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)
        ]
        for row in rows
    ]


def test_the_coordinator_reads_the_funnel_with_its_rates_in_latvian(client, coordinator, finished):
    client.force_login(coordinator)
    response = client.get(report_url(finished.round))
    assert response.status_code == 200
    html = response.content.decode()
    assert cells(html, "funnel")[1:] == [
        [step("Enquiries"), "20", "—"],
        [step("Applications"), "7", "35 %"],
        [step("Accepted"), "3", "42,9 %"],
        [step("Opened"), "3", "100 %"],
        [step("Stayed"), "2", "66,7 %"],
    ]


def test_the_page_gives_unit_weeks_money_and_the_streets_vacancy(client, coordinator, finished):
    client.force_login(coordinator)
    html = client.get(report_url(finished.round, "en")).content.decode()
    assert re.search(r"<dt>Unit-weeks offered</dt><dd>32</dd>", html)
    assert re.search(r"<dt>Unit-weeks used</dt><dd>16</dd>", html)
    assert re.search(r"<dt>Share used</dt><dd>50 %</dd>", html)
    money = round_money(finished.round)
    assert money.grants_approved_cents == 80_000  # the cancelled grant is not counted
    cost = money.fund_draw_cents
    assert cost == money.gap_cents + 80_000 and money.gap_cents > 0
    per_stayed = (cost + 1) // 2  # two stayed; half a cent rounds up
    assert f"€{per_stayed // 100:,}.{per_stayed % 100:02d}" in html
    assert cells(html, "street-vacancy")[1:] == [
        ["Before", "2026-03-01", "75 %", "3 of 4"],
        ["During", "2026-03-29", "25 %", "1 of 4"],
        ["After", "2026-06-01", "50 %", "2 of 4"],
    ]
    assert "Dārza iela, Pils iela" in html


def test_each_chart_is_an_image_with_a_title_and_a_description_and_no_script(
    client, coordinator, finished
):
    client.force_login(coordinator)
    html = client.get(report_url(finished.round)).content.decode()
    charts = svgs(html)
    assert len(charts) == 3  # the funnel, the money, the vacancy
    for chart in charts:
        assert chart.get("role") == "img"
        title, desc = chart.find(f"{SVG}title"), chart.find(f"{SVG}desc")
        assert title.text and desc.text
        assert chart.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert not list(chart.iter(f"{SVG}script"))
    funnel = charts[0]
    description = funnel.find(f"{SVG}desc").text
    assert description.startswith(f"{step('Enquiries')}: 20; {step('Applications')}: 7 (35 %")
    labels = [text.text for text in funnel.iter(f"{SVG}text")]
    assert step("Accepted") in labels and "2 (66,7 %)" in labels
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_same_figures_draw_the_same_charts(client, coordinator, finished):
    client.force_login(coordinator)
    first = svgs(client.get(report_url(finished.round)).content.decode())
    again = svgs(client.get(report_url(finished.round)).content.decode())
    assert [ET.tostring(chart) for chart in first] == [ET.tostring(chart) for chart in again]


@pytest.mark.parametrize("role", [Role.JURY_MEMBER, Role.EDITOR, Role.PROPERTY_OWNER])
def test_only_the_towns_coordinators_read_the_report(client, aluksne, finished, role):
    client.force_login(aluksne.people[role])
    for suffix in ("report/", "report.pdf", "report.docx"):
        assert client.get(report_url(finished.round, suffix=suffix)).status_code == 403
    assert client.get("/lv/aluksne/popup-rounds/compare/").status_code == 403


def test_another_towns_coordinator_gets_no_report(client, altena, finished):
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(report_url(finished.round)).status_code == 403
    assert client.get(f"/lv/altena/popup-rounds/{finished.round.pk}/report/").status_code == 404


def test_anonymous_readers_are_sent_to_sign_in(client, finished):
    response = client.get(report_url(finished.round))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_round_without_pop_ups_reports_zeros_and_dashes(client, coordinator, aluksne):
    round_ = Round.objects.create(town=aluksne.town, status="open", **round_values(aluksne.town))
    client.force_login(coordinator)
    response = client.get(report_url(round_, "en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert cells(html, "funnel")[-1] == ["Stayed", "0", "—"]
    assert "not yet" in html  # the programme has not started
    assert len(svgs(html)) == 2  # no vacancy chart without a rate


def queries_of(client, url: str) -> int:
    """The SQL queries of one request (the log is emptied first, as each request does)."""
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_report_page_takes_a_fixed_number_of_queries(client, coordinator, finished, aluksne):
    client.force_login(coordinator)
    client.get(report_url(finished.round))
    small = queries_of(client, report_url(finished.round))
    assert small <= 25
    bigger = make_finished_round(aluksne.town, coordinator, prefix="BIG")
    for number in range(3):
        make_finished_round(aluksne.town, coordinator, prefix=f"MORE{number}")
    Sublease.objects.filter(round_unit__round=bigger.round).update(status=Sublease.Status.SIGNED)
    assert queries_of(client, report_url(bigger.round)) == small


def test_the_rounds_side_by_side_a_page_at_a_time(client, coordinator, aluksne, finished):
    for number in range(ROUNDS_PER_PAGE):
        make_finished_round(aluksne.town, coordinator, prefix=f"P{number}", enquiries=number)
    Round.objects.create(town=aluksne.town, **round_values(aluksne.town))  # a draft: left out
    client.force_login(coordinator)
    client.get("/en/aluksne/popup-rounds/compare/")
    full_page = queries_of(client, "/en/aluksne/popup-rounds/compare/")
    assert full_page <= 20
    html = client.get("/en/aluksne/popup-rounds/compare/").content.decode()
    rows = cells(html, "rounds-compared")
    assert rows[0][:6] == ["Round", "Enquiries", "Applications", "Accepted", "Opened", "Stayed"]
    assert len(rows) == 1 + ROUNDS_PER_PAGE
    assert "Rounds 1\u201310 of 11" in html
    second = client.get("/en/aluksne/popup-rounds/compare/?page=2").content.decode()
    last = cells(second, "rounds-compared")
    assert len(last) == 2
    assert last[1][1:8] == ["20", "7", "3", "3", "2", "66.7 %", "16 of 32"]
    assert f"/popup-rounds/{finished.round.pk}/report/" in second
    (chart,) = svgs(html)
    assert chart.get("role") == "img" and chart.find(f"{SVG}desc").text
    assert queries_of(client, "/en/aluksne/popup-rounds/compare/?page=2") == full_page


def test_no_rounds_to_compare_says_so(client, coordinator, aluksne):
    client.force_login(coordinator)
    response = client.get("/en/aluksne/popup-rounds/compare/")
    assert response.status_code == 200
    assert "No round has been published yet." in response.content.decode()


def test_the_report_definitions_name_the_days_of_the_vacancy(client, coordinator, finished):
    client.force_login(coordinator)
    html = client.get(report_url(finished.round, "en")).content.decode()
    assert "90 days after it" in html
