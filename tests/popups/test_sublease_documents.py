"""The sublease as PDF and DOCX from the town's sublease template (or the default): who may
download it, the applicant's page offering it, and the template page for both kinds."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from regrow.popups import services
from regrow.popups.choices import ApplicationStatus
from regrow.popups.models import AgreementTemplate, Sublease
from regrow.popups.services import agreements
from regrow.popups.sublease_document import sublease_document
from regrow.premises.models import Owner
from regrow.towns.models import Role
from tests.fixtures import make_user
from tests.lib.test_documents import rendered_text
from tests.popups.test_agreement_documents import docx_text
from tests.popups.test_applications import application_values

Kind = AgreementTemplate.Kind


@pytest.fixture
def applicant(db):
    return make_user("anna@example.org", full_name="Anna Bērziņa", preferred_language="lv")


@pytest.fixture
def head_lease(open_round, offer, coordinator_of):
    owner = Owner.objects.create(
        town=offer.round.town, name="Ilze Bērziņa", postal_address="Pils iela 3\nAlūksne"
    )
    return services.agreement_save(
        offer=offer,
        by=coordinator_of,
        owner=owner,
        intermediary_name="Alūksnes novada pašvaldība",
        intermediary_address="Dārza iela 11\nAlūksne, LV-4301",
        starts_on=date(2027, 1, 11),
        ends_on=date(2027, 3, 31),
        rent_cents_per_month=12_345,
        service_charges_cents_per_month=2_000,
        conditions="",
        status="signed",
    )


def make_sublease(round_, offer, applicant, coordinator, **changes) -> Sublease:
    draft = services.application_save(
        round_=round_, by=applicant, language="lv", **application_values(round_)
    )
    application = services.application_submit(
        application=draft, by=applicant, version=draft.version, link="http://x/"
    )
    application.status = ApplicationStatus.ACCEPTED
    application.save(update_fields=["status"])
    values = {
        "application": application,
        "round_unit": offer,
        "unit": offer.unit,
        "slot": 0,
        "starts_on": date(2027, 2, 1),
        "ends_on": date(2027, 2, 28),
        "rent_cents_per_month": 11_400,
        "service_charges_cents_per_month": 1_550,
        "grant_cents": 0,
        "confirmed_by": coordinator,
    }
    values.update(changes)
    return Sublease.objects.create(**values)


@pytest.fixture
def sublease(open_round, offer, applicant, coordinator_of, head_lease):
    return make_sublease(open_round, offer, applicant, coordinator_of)


def download_url(sublease, fmt: str, language: str = "lv") -> str:
    return f"/{language}/aluksne/popup-subleases/{sublease.pk}.{fmt}"


def test_the_pdf_is_a_private_pdf_named_after_the_unit_and_first_day(
    client, coordinator_of, sublease
):
    client.force_login(coordinator_of)
    response = client.get(download_url(sublease, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        'attachment; filename="aluksne-sublease-pils-iela-alu-1-2027-02-01.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("language", "title", "first_day"),
    [
        ("lv", "Telpu apakšnomas līgums pop-up veikalam", "2027. gada 1. februārī"),
        ("en", "Sublease of premises for a pop-up shop", "1 February 2027"),
    ],
)
def test_the_pdf_names_both_parties_and_the_head_lease(sublease, language, title, first_day):
    town = sublease.round_unit.round.town
    text = " ".join(rendered_text(sublease_document(sublease, town, language)))
    assert title in text
    assert "Alūksnes novada pašvaldība" in text  # the intermediary
    assert "Dārza iela 11, Alūksne, LV-4301" in text  # its address on one line
    assert "Medus un sveces" in text and "Anna Bērziņa" in text and "anna@example.org" in text
    assert "Ilze Bērziņa" in text  # the owner of the head lease
    assert first_day in text
    assert "{" not in text


def test_the_latvian_docx_fills_the_default_wording(client, applicant, sublease):
    client.force_login(applicant)
    response = client.get(download_url(sublease, "docx"))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "Telpu apakšnomas līgums pop-up veikalam" in text
    assert "Alūksnes novada pašvaldība, Dārza iela 11, Alūksne, LV-4301 (turpmāk" in text
    assert "Medus un sveces, kuru pārstāv Anna Bērziņa, e-pasts anna@example.org" in text
    assert "Pils iela ALU-1, 45 m² platībā" in text
    assert "sākas 2027. gada 1. februārī un beidzas 2027. gada 28. februārī" in text
    assert "Apakšnomas maksa ir 114,00 € mēnesī; pakalpojumu maksa ir 15,50 € mēnesī" in text
    assert "telpu īpašnieku Ilze Bērziņa" in text
    assert "sākas 2027. gada 11. janvārī un beidzas 2027. gada 31. martā" in text
    assert "pop-up programmā, ko rīko Alūksne" in text
    assert "{" not in text


def test_the_english_docx_says_the_grant_or_that_there_is_none(client, coordinator_of, sublease):
    client.force_login(coordinator_of)
    url = download_url(sublease, "docx") + "?language=en"
    text = docx_text(client.get(url).content)
    assert "Sublease of premises for a pop-up shop" in text
    assert "The rent is €114.00 a month; the service charges are €15.50 a month." in text
    assert "pop-up shop in the category “Food and drink”" in text
    assert "The grant awarded to the Trader: none." in text
    assert "Grant" not in text.replace("grant awarded", "")  # no grant column either
    Sublease.objects.filter(pk=sublease.pk).update(grant_cents=50_000)
    text = docx_text(client.get(url).content)
    assert "The grant awarded to the Trader: €500.00." in text
    assert "Grant" in text  # the terms table's column


def test_a_language_the_town_does_not_publish_in_gives_the_pages(client, coordinator_of, sublease):
    client.force_login(coordinator_of)
    text = docx_text(client.get(download_url(sublease, "docx", "en") + "?language=de").content)
    assert "Sublease of premises for a pop-up shop" in text


def test_a_sublease_without_a_head_lease_leaves_lines_to_write_on(
    client, open_round, offer, applicant, coordinator_of
):
    from regrow.popups.agreement_document import BLANK

    sublease = make_sublease(open_round, offer, applicant, coordinator_of)
    applicant.full_name = ""
    applicant.save(update_fields=["full_name"])
    client.force_login(coordinator_of)
    response = client.get(download_url(sublease, "docx"))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert f"{BLANK}, {BLANK} (turpmāk" in text  # the intermediary and its address
    assert f"kuru pārstāv {BLANK}, e-pasts anna@example.org" in text
    assert "Medus un sveces" in text


def test_the_towns_sublease_template_is_used_and_the_owner_one_is_not(
    client, coordinator_of, sublease
):
    town = sublease.round_unit.round.town
    agreements.template_save(
        town=town,
        by=coordinator_of,
        kind=Kind.OWNER,
        language="lv",
        title="Īpašnieka līgums",
        body="{owner_name} un {intermediary_name}.",
    )
    client.force_login(coordinator_of)
    text = docx_text(client.get(download_url(sublease, "docx")).content)
    assert "Telpu apakšnomas līgums pop-up veikalam" in text  # still the default
    assert "Īpašnieka līgums" not in text
    agreements.template_save(
        town=town,
        by=coordinator_of,
        kind=Kind.SUBLEASE,
        language="lv",
        title="Apakšnoma: {unit_address}",
        body="{trader_name} ({trader_email}) no {intermediary_name}.\n\nAtbalsts: {grant}.",
    )
    text = docx_text(client.get(download_url(sublease, "docx")).content)
    assert "Apakšnoma: Pils iela ALU-1" in text
    assert "Medus un sveces (anna@example.org) no Alūksnes novada pašvaldība." in text
    assert "Telpu apakšnomas līgums pop-up veikalam" not in text
    owner_template = AgreementTemplate.objects.get(kind=Kind.OWNER)
    assert owner_template.title == "Īpašnieka līgums"  # the sublease's save left it alone


@pytest.mark.parametrize(
    ("kind", "body", "unknown"),
    [
        (
            Kind.SUBLEASE,
            "{trader_name} {owner_address} {conditions} {x.__class__}",
            "owner_address",
        ),
        (Kind.OWNER, "{owner_name} {trader_name} {grant}", "trader_name"),
    ],
)
def test_a_placeholder_of_the_other_kind_is_refused_naming_it(
    aluksne, coordinator_of, kind, body, unknown
):
    with pytest.raises(ValidationError) as refused:
        agreements.template_save(
            town=aluksne.town, by=coordinator_of, kind=kind, language="lv", title="T", body=body
        )
    named = " ".join(refused.value.message_dict["body"]).split("Use only")[0]
    assert "{" + unknown + "}" in named
    assert body.split()[0] not in named  # the known one is not named as unknown
    assert not AgreementTemplate.objects.exists()


def test_the_sublease_template_page_keeps_input_and_saves_a_sublease_template(
    client, aluksne, coordinator_of
):
    client.force_login(coordinator_of)
    url = "/en/aluksne/popup-sublease-template/lv/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Telpu apakšnomas līgums pop-up veikalam" in html
    assert "{trader_email}" in html  # the help text lists the sublease's placeholders
    assert "/en/aluksne/popup-agreement-template/lv/" in html  # the other kind's page
    typed = {"title": "Mana apakšnoma", "body": "Sveiki, {owner_address}!"}
    refused = client.post(url, typed)
    assert refused.status_code == 400
    assert "{owner_address}" in refused.content.decode()
    assert "Mana apakšnoma" in refused.content.decode()
    saved = client.post(url, {**typed, "body": "Sveiki, {trader_name}!"})
    assert saved.status_code == 302 and saved["Location"] == url
    template = AgreementTemplate.objects.get()
    assert (template.kind, template.language, template.body) == (
        "sublease",
        "lv",
        "Sveiki, {trader_name}!",
    )
    owner_page = client.get("/en/aluksne/popup-agreement-template/lv/").content.decode()
    assert "Telpu nomas līgums pop-up veikaliem" in owner_page  # the owner's is still default
    assert client.get("/en/aluksne/popup-sublease-template/de/").status_code == 404


def test_the_template_pages_are_linked_from_the_rounds(client, coordinator_of, head_lease):
    client.force_login(coordinator_of)
    rounds = client.get("/en/aluksne/popup-rounds/").content.decode()
    assert "/en/aluksne/popup-sublease-template/lv/" in rounds
    offer = head_lease.round_unit
    page = client.get(f"/en/aluksne/popup-rounds/{offer.round_id}/units/{offer.pk}/")
    assert "/en/aluksne/popup-sublease-template/lv/" in page.content.decode()


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_trader_and_the_coordinators_download_anyone_else_gets_404(
    client, aluksne, altena, applicant, coordinator_of, sublease, fmt
):
    url = download_url(sublease, fmt)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    for allowed in (applicant, coordinator_of):
        client.force_login(allowed)
        assert client.get(url).status_code == 200
    for refused in (
        make_user("someone@example.org"),
        aluksne.people[Role.EDITOR],
        altena.people[Role.COORDINATOR],
    ):
        client.force_login(refused)
        assert client.get(url).status_code == 404
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(f"/lv/altena/popup-subleases/{sublease.pk}.{fmt}").status_code == 404


def test_a_cancelled_sublease_is_the_coordinators_record_only(
    client, applicant, coordinator_of, sublease
):
    Sublease.objects.filter(pk=sublease.pk).update(status=Sublease.Status.CANCELLED)
    client.force_login(applicant)
    assert client.get(download_url(sublease, "pdf")).status_code == 404
    client.force_login(coordinator_of)
    assert client.get(download_url(sublease, "pdf")).status_code == 200


def test_a_download_takes_a_bounded_number_of_queries(
    client, applicant, sublease, django_assert_max_num_queries
):
    client.force_login(applicant)
    client.get(download_url(sublease, "docx"))
    # session, user, the sublease with its trader, unit, round, town and head lease, template
    with django_assert_max_num_queries(5):
        assert client.get(download_url(sublease, "docx")).status_code == 200


def test_the_applicant_sees_the_pop_up_and_its_downloads(
    client, applicant, coordinator_of, sublease
):
    url = f"/en/aluksne/popups/applications/{sublease.application_id}/"
    client.force_login(applicant)
    html = client.get(url).content.decode()
    assert "Your pop-up" in html
    assert "Pils iela ALU-1" in html
    assert "From 1 to 28 February 2027" in html
    assert "€114.00" in html
    assert f"/en/aluksne/popup-subleases/{sublease.pk}.pdf" in html
    assert f"/en/aluksne/popup-subleases/{sublease.pk}.docx" in html
    client.force_login(coordinator_of)  # not theirs: no "your pop-up"
    assert "Your pop-up" not in client.get(url).content.decode()
    Sublease.objects.filter(pk=sublease.pk).update(status=Sublease.Status.CANCELLED)
    client.force_login(applicant)
    html = client.get(url).content.decode()
    assert "Your pop-up" not in html and "popup-subleases" not in html
