"""A round's money over JSON for its coordinators: the figures, per unit and per month a page at
a time, the grants, the town's funds; permissions, unknown parameters and bounded queries."""

from datetime import date

import pytest

from regrow.popups.models import Fund, Grant
from regrow.popups.services import funds as fund_services
from regrow.popups.services import money as money_services
from regrow.towns.models import Role
from tests.popups.test_money_services import (
    allocated,
    approve,
    make_offer,
    make_popup,
    make_round,
    money_round,
)

__all__ = ["money_round"]  # a fixture


@pytest.fixture
def coordinator_of(aluksne):
    return aluksne.people[Role.COORDINATOR]


def url(round_, tail="") -> str:
    return f"/api/towns/aluksne/rounds/{round_.pk}/{tail}"


@pytest.fixture
def funded(aluksne, money_round, coordinator_of):
    fund = fund_services.fund_save(
        town=aluksne.town,
        by=coordinator_of,
        name="Centra fonds",
        kind=Fund.Kind.GRANT_PROGRAMME,
        total_cents=200_000,
        notes="",
    )
    fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    money_round.refresh_from_db()
    return fund


def test_the_rounds_figures(client, money_round, funded, coordinator_of):
    approve(money_round, "Medus māja", 50_000, coordinator_of)
    client.force_login(coordinator_of)
    response = client.get(url(money_round, "money"))
    assert response.status_code == 200
    body = response.json()
    assert body["owner_cost_cents"] == 60_000
    assert body["collected_cents"] == 21_000
    assert body["gap_cents"] == 39_000
    assert body["grants_approved_cents"] == 50_000
    assert body["budget_left_cents"] == 250_000
    assert body["fund_draw_cents"] == 89_000
    assert body["fund"] == {
        "id": funded.pk,
        "name": "Centra fonds",
        "kind": "grant_programme",
        "total_cents": 200_000,
        "drawn_cents": 89_000,
        "left_cents": 111_000,
    }
    assert "half up" in body["rounding"]


def test_units_and_months_a_page_at_a_time(client, money_round, coordinator_of):
    client.force_login(coordinator_of)
    first = client.get(url(money_round, "money/units"), {"page_size": 1}).json()
    assert first["count"] == 2
    assert first["next"] and first["previous"] is None
    assert first["results"][0]["address"] == "Dārza iela 8"
    assert first["results"][0]["agreement_status"] is None
    assert first["results"][0]["gap_cents"] == -3_000
    second = client.get(first["next"]).json()
    assert second["results"][0]["popups"] == 2
    assert second["results"][0]["agreement_status"] == "signed"
    months = client.get(url(money_round, "money/months")).json()
    assert [row["month"] for row in months["results"]][:2] == ["2027-02-01", "2027-03-01"]
    assert months["results"][0]["collected_cents"] == 10_000
    assert client.get(url(money_round, "money/months"), {"page": 9}).status_code == 404


def test_the_rounds_grants(client, money_round, coordinator_of):
    grant = approve(money_round, "Medus māja", 50_000, coordinator_of)
    cancelled = approve(money_round, "Lina stāsts", 1_000, coordinator_of)
    money_services.grant_cancel(grant=cancelled, by=coordinator_of, version=cancelled.version)
    client.force_login(coordinator_of)
    body = client.get(url(money_round, "grants")).json()
    assert body["count"] == 2
    row = next(item for item in body["results"] if item["id"] == grant.pk)
    assert row == {
        "id": grant.pk,
        "sublease": grant.sublease_id,
        "business_name": "Medus māja",
        "address": "Pils iela 3",
        "amount_cents": 50_000,
        "purpose": "fitting_out",
        "description": "Plaukti un apgaismojums",
        "status": "approved",
        "approved_on": money_round.town.today().isoformat(),
        "paid_on": None,
        "has_evidence": False,
    }
    assert {item["status"] for item in body["results"]} == {"approved", "cancelled"}


def test_the_towns_funds(client, aluksne, funded, coordinator_of):
    Fund.objects.create(town=aluksne.town, name="Budžets", kind="budget_line", total_cents=5)
    client.force_login(coordinator_of)
    body = client.get("/api/towns/aluksne/funds").json()
    assert [row["name"] for row in body["results"]] == ["Budžets", "Centra fonds"]
    assert body["results"][1]["drawn_cents"] == 39_000


def test_only_the_towns_coordinators_read_the_money(client, money_round, aluksne, altena):
    assert client.get(url(money_round, "money")).status_code == 401
    for person in (aluksne.people[Role.JURY_MEMBER], altena.people[Role.COORDINATOR]):
        client.force_login(person)
        for tail in ("money", "money/units", "money/months", "grants"):
            assert client.get(url(money_round, tail)).status_code == 403, (person, tail)
        assert client.get("/api/towns/aluksne/funds").status_code == 403
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(f"/api/towns/altena/rounds/{money_round.pk}/money").status_code == 404


def test_unknown_parameters_are_refused(client, money_round, coordinator_of):
    client.force_login(coordinator_of)
    assert client.get(url(money_round, "money"), {"pagesize": 5}).status_code == 422
    assert client.get(url(money_round, "grants"), {"pagesize": 5}).status_code == 422


def test_queries_do_not_grow_with_units_pop_ups_and_grants(
    client, aluksne, coordinator_of, money_round, funded, django_assert_max_num_queries
):
    client.force_login(coordinator_of)
    approve(money_round, "Medus māja", 1_000, coordinator_of)
    counts = {}
    for tail in ("money", "money/units", "money/months", "grants"):
        with django_assert_max_num_queries(16) as queries:
            assert client.get(url(money_round, tail)).status_code == 200
        counts[tail] = len(queries)
    big = make_round(aluksne.town, coordinator_of, grant_budget_cents=10**7)
    for n in range(8):
        offer = make_offer(
            big, coordinator_of, f"API-{n}", f"Garā iela {n + 1}",
            head_lease=(date(2027, 1, 1), date(2027, 6, 30), 20_000, 1_000),
        )  # fmt: skip
        make_popup(offer, f"Bode{n} A", date(2027, 2, 1), date(2027, 3, 31))
    allocated(big)
    Fund.objects.filter(pk=funded.pk).update(total_cents=10**8)
    fund_services.round_fund_set(round_=big, fund=funded, by=coordinator_of)
    for n in range(8):
        approve(big, f"Bode{n} A", 1_000, coordinator_of)
    for tail, count in counts.items():
        with django_assert_max_num_queries(count):
            assert client.get(url(big, tail)).status_code == 200
    assert Grant.objects.count() == 9
