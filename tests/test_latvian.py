"""Correct Latvian on the pages: money in the page's locale, a unit's rent typed with a decimal
comma, dates and counts in the case their sentence needs, and no English left on Latvian pages
of the demo (issue 11)."""

import json
from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from regrow.lib.demo import load_all
from regrow.lib.money import euros, euros_from_cents
from regrow.premises.models import Owner, Unit
from regrow.towns.models import Membership, Role
from tests.premises.test_unit_new import typed

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "amount", "decimals", "expected"),
    [
        ("lv", "114", 2, f"114,00{NBSP}€"),
        ("lv", "12345.5", 2, f"12{NBSP}345,50{NBSP}€"),
        ("lv", "33991.49", 0, f"33{NBSP}991{NBSP}€"),
        ("en", "114", 2, "€114.00"),
        ("en", "12345.5", 2, "€12,345.50"),
        ("en", "0.5", 0, "€1"),
    ],
)
def test_money_in_the_pages_locale(language, amount, decimals, expected):
    with translation.override(language):
        assert euros(amount, decimals) == expected


def test_the_money_filters_take_cents_and_give_nothing_for_no_amount():
    template = Template("{% load money %}[{{ cents|euros_from_cents }}|{{ none|euros }}]")
    with translation.override("lv"):
        assert template.render(Context({"cents": 123450, "none": None})) == (
            f"[1{NBSP}234,50{NBSP}€|]"
        )
    assert euros_from_cents(5) == "€0.05"


def test_a_rent_from_a_latvian_number_field_is_kept_and_shown_in_latvian(
    client, aluksne, coordinator
):
    # A browser's number field sends "1234.50" whatever the page's language (a Latvian reader
    # may type "1234,50"); amounts are grouped on the page only, never in form values.
    client.force_login(coordinator)
    response = client.post(
        "/lv/aluksne/register/units/new/",
        typed(
            aluksne.town, asking_rent_eur="1234.50", floor_area_m2="1234.5", offered_publicly="on"
        ),
    )
    assert response.status_code == 302, [f.errors for f in response.context.get("forms", [])] or (
        response.context["form"].errors
    )
    unit = Unit.objects.get(external_id="ALU-9")
    assert (unit.asking_rent_cents_per_month, unit.floor_area_m2) == (123450, 1234.5)
    # The number input shows a value a browser's number field takes back unchanged.
    form = client.get(f"/lv/aluksne/register/units/{unit.pk}/").content.decode()
    assert 'value="1234.50"' in form
    client.logout()
    public = client.get("/lv/aluksne/map/").content.decode()
    assert f"1{NBSP}234,50{NBSP}€" in public
    assert f"1{NBSP}234,50 m²" in public


# Words that were English on Latvian pages, and Latvian dates in the nominative where the
# sentence needs another case.
NOT_ON_LATVIAN_PAGES = [
    "Public relations",
    "specialist",
    "Project manager",
    "Successfully",
    "Explained the pop-up",
    "information leaflet",
    "Publicēts 2019. gada 4. februāris",
    "februāris, ",
]


def test_latvian_demo_pages_have_no_english_and_dates_in_their_case(client, db):
    load_all()
    pages = [
        "/lv/aluksne/",
        "/lv/aluksne/news/",
        "/lv/aluksne/news/aluksne-tikas-projekta-augosa-pilseta-partneri/",
        "/lv/aluksne/news/re-grow-city-partneru-tiksanas-aluksne/",
        "/lv/aluksne/map/",
    ]
    html = {path: client.get(path).content.decode() for path in pages}
    article = html["/lv/aluksne/news/aluksne-tikas-projekta-augosa-pilseta-partneri/"]
    assert "Publicēts 2019. gada 4. februārī" in article
    assert "Sabiedrisko attiecību speciāliste</strong>, Alūksnes novada pašvaldība" in article
    event = html["/lv/aluksne/news/re-grow-city-partneru-tiksanas-aluksne/"]
    assert "No 2019. gada 31. janvāra plkst. 09.00 līdz 2019. gada 1. februārim" in event
    coordinator = Membership.objects.get(town__slug="aluksne", role=Role.COORDINATOR).user
    client.force_login(coordinator)
    for path in [
        "/lv/dashboard/",
        "/lv/aluksne/workspace/",
        "/lv/aluksne/register/",
        "/lv/aluksne/register/vacancy/",
        "/lv/aluksne/register/report/?start=2026-01-01&end=2026-11-26",
        "/lv/aluksne/register/owners/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        html[path] = response.content.decode()
    report = html["/lv/aluksne/register/report/?start=2026-01-01&end=2026-11-26"]
    assert "No 2026. gada 1. janvāra līdz 26. novembrim" in report
    assert "Tukšo telpu īpatsvars 20" in html["/lv/aluksne/register/vacancy/"]
    owners = "".join(
        client.get(f"/lv/aluksne/register/owners/{owner}/").content.decode()
        for owner in Owner.objects.filter(town__slug="aluksne").values_list("pk", flat=True)
    )
    assert "Izskaidrojām pop-up programmu" in owners
    html["owners"] = owners
    for path, page in html.items():
        for english in NOT_ON_LATVIAN_PAGES:
            assert english not in page, (path, english)


def test_the_greeting_after_signing_in_is_latvian(client, aluksne):
    editor = aluksne.people[Role.EDITOR]
    editor.set_password("a-long-password-1")
    editor.save()
    response = client.post(
        "/lv/accounts/login/",
        {"login": editor.email, "password": "a-long-password-1"},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [f"Jūs pieteicāties kā {editor.full_name or editor.email}."]


def test_a_date_only_filter_leaves_table_dates_short():
    # Table cells keep SHORT_DATE_FORMAT: digits need no case.
    with translation.override("lv"):
        assert (
            Template('{{ d|date:"SHORT_DATE_FORMAT" }}').render(Context({"d": date(2026, 2, 4)}))
            == "4.02.2026"
        )


def test_the_editors_help_names_the_picture_buttons_as_the_editor_labels_them(client, aluksne):
    client.force_login(aluksne.people[Role.EDITOR])
    page = client.get("/lv/aluksne/news/write/").content.decode()
    catalogue = client.get("/lv/jsi18n/").content.decode()
    # The toolbar's name (editor-a11y.js) and the dialog's button come from the JavaScript
    # catalogue; the help text must use the same words.
    for button in ("Attēls", "Izvēlēties no attēliem..."):
        assert f"“{button}”" in page
        assert json.dumps(button) in catalogue
