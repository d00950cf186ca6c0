"""The money pages: a round's grants and accounts, its fund, the town's funds; who may see them,
forms that keep what was typed when refused, the evidence download, and bounded queries."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regrow.popups.models import Fund, Grant, Round
from regrow.popups.services import funds as fund_services
from regrow.towns.models import Role
from tests.popups.test_money_services import (
    PDF,
    allocated,
    approve,
    make_offer,
    make_popup,
    make_round,
    money_round,
    popup,
)

__all__ = ["money_round"]  # a fixture


def money_url(round_, tail="", language="en") -> str:
    return f"/{language}/aluksne/popup-rounds/{round_.pk}/money/{tail}"


@pytest.fixture
def signed_in(client, coordinator_of):
    client.force_login(coordinator_of)
    return client


def grant_data(sublease, **changes) -> dict:
    values = {"amount": "150.00", "purpose": "equipment", "description": "", "approved_on": ""}
    values.update(changes)
    return {f"grant-{sublease.pk}-{name}": value for name, value in values.items()}


def test_the_page_shows_budget_accounts_and_each_pop_up(signed_in, money_round, coordinator_of):
    approve(money_round, "Medus māja", 50_000, coordinator_of)
    response = signed_in.get(money_url(money_round))
    assert response.status_code == 200
    page = response.content.decode()
    for text in ("Medus māja", "Koka lietas", "Lina stāsts", "Pils iela 3", "Dārza iela 8"):
        assert text in page
    assert "€2,500.00" in page  # the budget left
    assert "€390.00" in page  # the rent gap
    assert "rounded half up" in page
    assert "February 2027" in page
    assert f'href="/en/aluksne/popup-rounds/{money_round.pk}/money.xlsx"' in page


def test_only_the_towns_coordinators_see_the_money(client, money_round, aluksne, altena):
    assert client.get(money_url(money_round)).status_code == 302  # to sign in
    for person in (aluksne.people[Role.JURY_MEMBER], altena.people[Role.COORDINATOR]):
        client.force_login(person)
        for url in (
            money_url(money_round),
            f"/en/aluksne/popup-rounds/{money_round.pk}/money.xlsx",
            "/en/aluksne/popup-funds/",
        ):
            assert client.get(url).status_code == 403, (person, url)
        sublease = popup(money_round, "Medus māja")
        response = client.post(
            money_url(money_round, f"popups/{sublease.pk}/grants/"), grant_data(sublease)
        )
        assert response.status_code == 403
    assert not Grant.objects.exists()


def test_approving_a_grant(signed_in, money_round):
    sublease = popup(money_round, "Koka lietas")
    today = money_round.town.today()
    response = signed_in.post(
        money_url(money_round, f"popups/{sublease.pk}/grants/"),
        grant_data(sublease, approved_on=today.isoformat(), description="Kases aparāts"),
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/money/#popup-{sublease.pk}")
    grant = Grant.objects.get()
    assert (grant.amount_cents, grant.purpose, grant.description) == (
        15_000,
        "equipment",
        "Kases aparāts",
    )
    page = signed_in.get(response["Location"]).content.decode()
    assert "Grant of €150.00 approved for Koka lietas." in page


def test_a_grant_above_what_is_left_is_refused_keeping_what_was_typed(
    signed_in, money_round, coordinator_of
):
    Round.objects.filter(pk=money_round.pk).update(grant_budget_cents=100_000)
    approve(money_round, "Medus māja", 90_000, coordinator_of)
    sublease = popup(money_round, "Koka lietas")
    response = signed_in.post(
        money_url(money_round, f"popups/{sublease.pk}/grants/"),
        grant_data(
            sublease,
            amount="150.00",
            approved_on=money_round.town.today().isoformat(),
            description="Plaukti skatlogam",
        ),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The round&#x27;s grant budget has €100.00 left: a grant of €150.00 is more." in page
    assert 'value="150.00"' in page
    assert "Plaukti skatlogam" in page
    assert Grant.objects.count() == 1


def test_an_invalid_approval_form_says_so(signed_in, money_round):
    sublease = popup(money_round, "Koka lietas")
    response = signed_in.post(
        money_url(money_round, f"popups/{sublease.pk}/grants/"),
        grant_data(sublease, amount="-5", approved_on="not a day"),
    )
    assert response.status_code == 400
    assert not Grant.objects.exists()


def test_paying_with_a_receipt_and_downloading_it(
    signed_in, client, money_round, coordinator_of, aluksne
):
    grant = approve(money_round, "Medus māja", 10_000, coordinator_of)
    prefix = f"pay-{grant.pk}"
    response = signed_in.post(
        money_url(money_round, f"grants/{grant.pk}/pay/"),
        {
            f"{prefix}-paid_on": money_round.town.today().isoformat(),
            f"{prefix}-version": grant.version,
            f"{prefix}-evidence": SimpleUploadedFile("rekins.pdf", PDF),
        },
    )
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == Grant.Status.PAID
    url = money_url(money_round, f"grants/{grant.pk}/evidence/")
    assert url in signed_in.get(money_url(money_round)).content.decode()
    download = signed_in.get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    signed_in.force_login(aluksne.people[Role.EDITOR])
    assert signed_in.get(url).status_code == 403


def test_paying_refused_keeps_the_form_open_with_the_reason(signed_in, money_round, coordinator_of):
    grant = approve(money_round, "Medus māja", 10_000, coordinator_of)
    prefix = f"pay-{grant.pk}"
    response = signed_in.post(
        money_url(money_round, f"grants/{grant.pk}/pay/"),
        {
            f"{prefix}-paid_on": money_round.town.today().isoformat(),
            f"{prefix}-version": grant.version,
            f"{prefix}-evidence": SimpleUploadedFile("rekins.pdf", b"not a pdf at all"),
        },
    )
    assert response.status_code == 400
    assert "The evidence must be a PDF, JPEG or PNG file." in response.content.decode()
    response = signed_in.post(
        money_url(money_round, f"grants/{grant.pk}/pay/"),
        {
            f"{prefix}-paid_on": money_round.town.today().isoformat(),
            f"{prefix}-version": grant.version + 5,
            f"{prefix}-evidence": SimpleUploadedFile("rekins.pdf", PDF),
        },
    )
    assert response.status_code == 409
    grant.refresh_from_db()
    assert grant.status == Grant.Status.APPROVED


def test_cancelling_a_grant(signed_in, money_round, coordinator_of):
    grant = approve(money_round, "Medus māja", 10_000, coordinator_of)
    response = signed_in.post(
        money_url(money_round, f"grants/{grant.pk}/cancel/"), {"version": grant.version}
    )
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == Grant.Status.CANCELLED
    again = signed_in.post(
        money_url(money_round, f"grants/{grant.pk}/cancel/"),
        {"version": grant.version},
        follow=True,
    )
    assert "This grant is already cancelled." in again.content.decode()


def test_choosing_the_rounds_fund(signed_in, money_round, aluksne, coordinator_of):
    small = Fund.objects.create(
        town=aluksne.town, name="Mazais", kind="budget_line", total_cents=1_000
    )
    big = Fund.objects.create(
        town=aluksne.town, name="Lielais", kind="grant_programme", total_cents=10**7
    )
    response = signed_in.post(money_url(money_round, "fund/"), {"fund": small.pk})
    assert response.status_code == 400
    assert "Mazais has €10.00 left, and this round draws €390.00" in response.content.decode()
    response = signed_in.post(money_url(money_round, "fund/"), {"fund": big.pk})
    assert response.status_code == 302
    money_round.refresh_from_db()
    assert money_round.fund == big
    page = signed_in.get(money_url(money_round)).content.decode()
    assert "€99,610.00" in page  # what the fund has left
    signed_in.post(money_url(money_round, "fund/"), {"fund": ""})
    money_round.refresh_from_db()
    assert money_round.fund is None


def test_the_money_page_takes_the_same_queries_for_many_pop_ups(
    signed_in, aluksne, coordinator_of, money_round, django_assert_max_num_queries
):
    fund = Fund.objects.create(
        town=aluksne.town, name="Fonds", kind="budget_line", total_cents=10**8
    )
    fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    approve(money_round, "Medus māja", 1_000, coordinator_of)
    with django_assert_max_num_queries(25) as few:
        signed_in.get(money_url(money_round))
    big = make_round(aluksne.town, coordinator_of, grant_budget_cents=10**7)
    for n in range(12):
        offer = make_offer(
            big, coordinator_of, f"BIG-{n}", f"Garā iela {n + 1}",
            head_lease=(date(2027, 1, 1), date(2027, 12, 31), 20_000, 1_000),
        )  # fmt: skip
        make_popup(offer, f"Veikals{n} A", date(2027, 2, 1), date(2027, 3, 31))
        make_popup(offer, f"Veikals{n} B", date(2027, 4, 1), date(2027, 5, 31))
    allocated(big)
    fund_services.round_fund_set(round_=big, fund=fund, by=coordinator_of)
    for n in range(12):
        approve(big, f"Veikals{n} A", 1_000, coordinator_of)
        approve(big, f"Veikals{n} B", 2_000, coordinator_of)
    with django_assert_max_num_queries(len(few)) as many:
        response = signed_in.get(money_url(big))
    assert response.status_code == 200
    assert len(many) == len(few)
    # Ten pop-ups a page, twelve units of 24 on one page, twelve months.
    assert response.context["popups"].paginator.num_pages == 3
    assert "?page=2" in response.content.decode()


def test_the_towns_funds_list_and_new_fund(signed_in, aluksne, money_round, coordinator_of):
    response = signed_in.post(
        "/en/aluksne/popup-funds/",
        {"name": "Pilsētas centrs", "kind": "budget_line", "total": "5000.00", "notes": ""},
    )
    assert response.status_code == 302
    fund = Fund.objects.get(name="Pilsētas centrs")
    assert (fund.town, fund.total_cents) == (aluksne.town, 500_000)
    fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    page = signed_in.get("/en/aluksne/popup-funds/").content.decode()
    assert "Pilsētas centrs" in page and "€4,610.00" in page  # €5 000 less the gap of €390
    refused = signed_in.post(
        "/en/aluksne/popup-funds/", {"name": "", "kind": "budget_line", "total": "x"}
    )
    assert refused.status_code == 400


def test_a_funds_page_shows_its_rounds_and_is_edited(
    signed_in, aluksne, money_round, coordinator_of, django_assert_max_num_queries
):
    fund = fund_services.fund_save(
        town=aluksne.town, by=coordinator_of, name="Fonds", kind="budget_line",
        total_cents=100_000, notes="Domes lēmums Nr. 5",
    )  # fmt: skip
    fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    approve(money_round, "Medus māja", 10_000, coordinator_of)
    url = f"/en/aluksne/popup-funds/{fund.pk}/"
    with django_assert_max_num_queries(16):
        response = signed_in.get(url)
    page = response.content.decode()
    assert money_round.title in page
    assert "€490.00" in page  # what the round drew: its gap and the grant
    assert "€510.00" in page  # left
    data = {
        "name": "Fonds",
        "kind": "budget_line",
        "total": "400.00",
        "notes": "",
        "version": fund.version,
    }
    response = signed_in.post(url, data)
    assert response.status_code == 400
    assert "have drawn €490.00 from it already" in response.content.decode()
    data["total"] = "2000.00"
    assert signed_in.post(url, data).status_code == 302
    assert signed_in.post(url, data).status_code == 409  # the version moved on
    fund.refresh_from_db()
    assert fund.total_cents == 200_000


def test_another_towns_fund_page_is_not_found(signed_in, altena):
    foreign = Fund.objects.create(town=altena.town, name="A", kind="budget_line", total_cents=1)
    assert signed_in.get(f"/en/aluksne/popup-funds/{foreign.pk}/").status_code == 404


def test_latvian_money_page(signed_in, money_round, coordinator_of):
    approve(money_round, "Medus māja", 50_000, coordinator_of)
    response = signed_in.get(money_url(money_round, language="lv"))
    assert response.status_code == 200
    assert "2\xa0500,00\xa0€" in response.content.decode()


def test_evidence_of_a_grant_without_a_file_is_not_found(signed_in, money_round, coordinator_of):
    grant = approve(money_round, "Medus māja", 10_000, coordinator_of)
    assert signed_in.get(money_url(money_round, f"grants/{grant.pk}/evidence/")).status_code == 404


def test_the_funds_list_takes_the_same_queries_for_many_funds(
    signed_in, aluksne, coordinator_of, money_round, django_assert_max_num_queries
):
    fund = Fund.objects.create(town=aluksne.town, name="A", kind="budget_line", total_cents=10**8)
    fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    with django_assert_max_num_queries(20) as few:
        assert signed_in.get("/en/aluksne/popup-funds/").status_code == 200
    for n in range(25):
        Fund.objects.create(town=aluksne.town, name=f"F{n:02}", kind="budget_line", total_cents=n)
    with django_assert_max_num_queries(len(few)):
        response = signed_in.get("/en/aluksne/popup-funds/")
    assert response.context["page"].paginator.num_pages == 2
    assert "?page=2" in response.content.decode()
