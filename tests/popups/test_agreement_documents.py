"""The owner agreement as PDF and DOCX from the town's template (or the default), and the
coordinator's page for that template."""

import io
from datetime import date

import docx
import pytest
from django.core.exceptions import ValidationError

from regrow.popups import services
from regrow.popups.models import AgreementTemplate
from regrow.popups.services import agreements
from regrow.premises.models import Owner
from regrow.towns.models import Role


@pytest.fixture
def agreement(offer, coordinator_of):
    owner = Owner.objects.create(
        town=offer.round.town, name="Ilze Bērziņa", postal_address="Pils iela 3\nAlūksne"
    )
    return services.agreement_save(
        offer=offer,
        by=coordinator_of,
        owner=owner,
        intermediary_name="Alūksnes novada pašvaldība",
        intermediary_address="Dārza iela 11, Alūksne, LV-4301",
        starts_on=date(2027, 1, 11),
        ends_on=date(2027, 3, 31),
        rent_cents_per_month=12_345,
        service_charges_cents_per_month=2_000,
        conditions="Bez remonta",
        status="proposed",
    )


def download_url(agreement, fmt: str, language: str = "lv") -> str:
    offer = agreement.round_unit
    return f"/{language}/aluksne/popup-rounds/{offer.round_id}/units/{offer.pk}/agreement.{fmt}"


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(texts)


def test_the_pdf_is_a_pdf_named_after_the_unit_and_term(client, coordinator_of, agreement):
    client.force_login(coordinator_of)
    response = client.get(download_url(agreement, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        'attachment; filename="aluksne-agreement-pils-iela-alu-1-2027-01-11.pdf"'
    )


def test_the_docx_holds_the_parties_and_the_latvian_default_wording(
    client, coordinator_of, agreement
):
    client.force_login(coordinator_of)
    response = client.get(download_url(agreement, "docx"))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "Telpu nomas līgums pop-up veikaliem" in text
    assert "Ilze Bērziņa" in text
    assert "Alūksnes novada pašvaldība" in text
    assert "2027. gada 11. janvārī" in text  # the term's start in words, in the sentence
    assert "123,45" in text  # the rent in euros, Latvian decimal comma
    assert "Bez remonta" in text
    assert "{" not in text  # every placeholder filled in


def test_the_language_is_chosen_among_the_towns(client, coordinator_of, agreement):
    client.force_login(coordinator_of)
    english = docx_text(client.get(download_url(agreement, "docx") + "?language=en").content)
    assert "Lease of premises for pop-up shops" in english
    assert "11 January 2027" in english
    # A language the town does not publish in gives the page's.
    latvian = docx_text(client.get(download_url(agreement, "docx") + "?language=de").content)
    assert "Telpu nomas līgums pop-up veikaliem" in latvian


def test_the_towns_template_is_used_with_its_placeholders_filled(client, coordinator_of, agreement):
    agreements.template_save(
        town=agreement.round_unit.round.town,
        by=coordinator_of,
        kind=AgreementTemplate.Kind.OWNER,
        language="lv",
        title="Nomas līgums: {unit_address}",
        body="Puses: {owner_name} un {intermediary_name}.\n\nMaksa {rent}; pilsēta {town_name}.",
    )
    client.force_login(coordinator_of)
    text = docx_text(client.get(download_url(agreement, "docx")).content)
    assert "Nomas līgums: Pils iela ALU-1" in text
    assert "Puses: Ilze Bērziņa un Alūksnes novada pašvaldība." in text
    assert "pilsēta Alūksne" in text
    assert "Telpu nomas līgums pop-up veikaliem" not in text


def test_an_unknown_placeholder_is_refused_naming_it(aluksne, coordinator_of):
    with pytest.raises(ValidationError) as refused:
        agreements.template_save(
            town=aluksne.town,
            by=coordinator_of,
            kind=AgreementTemplate.Kind.OWNER,
            language="lv",
            title="Līgums",
            body="{owner_name} {owner.__class__} {0} {landlord}",
        )
    message = " ".join(refused.value.message_dict["body"])
    assert "{owner.__class__}" in message and "{0}" in message and "{landlord}" in message
    assert "{owner_name}," not in message.split("Use only")[0]
    assert not AgreementTemplate.objects.exists()


def test_placeholders_are_substituted_not_evaluated():
    values = {"owner_name": "{rent}", "rent": "10"}
    assert agreements.fill("{owner_name} {rent} {owner_name.upper} {}", values) == (
        "{rent} 10 {owner_name.upper} {}"
    )


def test_the_template_page_keeps_input_and_names_the_unknown_placeholder(
    client, aluksne, coordinator_of
):
    client.force_login(coordinator_of)
    url = "/en/aluksne/popup-agreement-template/lv/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Telpu nomas līgums pop-up veikaliem" in page.content.decode()
    typed = {"title": "Mans līgums", "body": "Sveiki, {owner_nme}!"}
    refused = client.post(url, typed)
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "{owner_nme}" in html and "Mans līgums" in html
    assert client.post(url, {**typed, "body": "Sveiki, {owner_name}!"}).status_code == 302
    template = AgreementTemplate.objects.get()
    assert (template.kind, template.language, template.body, template.version) == (
        "owner",
        "lv",
        "Sveiki, {owner_name}!",
        1,
    )
    stale = client.post(url, {**typed, "body": "Cits", "version": "0"})
    assert stale.status_code == 409
    assert client.get("/en/aluksne/popup-agreement-template/de/").status_code == 404


@pytest.mark.parametrize("role", [Role.EDITOR, Role.PROPERTY_OWNER])
def test_only_the_towns_coordinators_download(client, aluksne, altena, agreement, role):
    client.force_login(aluksne.people[role])
    assert client.get(download_url(agreement, "pdf")).status_code == 403
    assert client.get("/en/aluksne/popup-agreement-template/lv/").status_code == 403
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(download_url(agreement, "docx")).status_code == 403
    assert client.get("/en/aluksne/popup-agreement-template/lv/").status_code == 403


def test_no_agreement_yet_gives_404(client, coordinator_of, offer):
    client.force_login(coordinator_of)
    url = f"/lv/aluksne/popup-rounds/{offer.round_id}/units/{offer.pk}/agreement.pdf"
    assert client.get(url).status_code == 404


def test_the_offer_page_offers_the_downloads_once_there_is_an_agreement(
    client, coordinator_of, offer
):
    client.force_login(coordinator_of)
    url = f"/en/aluksne/popup-rounds/{offer.round_id}/units/{offer.pk}/"
    assert "agreement.pdf" not in client.get(url).content.decode()


def test_the_offer_page_links_the_downloads(client, coordinator_of, agreement):
    client.force_login(coordinator_of)
    offer = agreement.round_unit
    html = client.get(f"/en/aluksne/popup-rounds/{offer.round_id}/units/{offer.pk}/").content
    assert b"agreement.pdf" in html and b"agreement.docx" in html


def test_a_download_takes_a_bounded_number_of_queries(
    client, coordinator_of, agreement, django_assert_max_num_queries
):
    client.force_login(coordinator_of)
    client.get(
        download_url(agreement, "docx")
    )  # session, user, membership and two factors, town, round, agreement, template
    with django_assert_max_num_queries(9):
        assert client.get(download_url(agreement, "docx")).status_code == 200


def test_the_pdf_names_the_parties_and_leaves_an_unknown_address_to_write_in(agreement):
    from regrow.popups.agreement_document import BLANK, agreement_document
    from tests.lib.test_documents import rendered_text

    agreement.owner.postal_address = ""
    town = agreement.round_unit.round.town
    text = " ".join(rendered_text(agreement_document(agreement, town, "lv")))
    assert "Ilze Bērziņa" in text and "Alūksnes novada pašvaldība" in text
    assert f"Ilze Bērziņa, {BLANK} (turpmāk" in text
    assert "Telpu nomas līgums pop-up veikaliem" in text
