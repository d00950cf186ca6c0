"""Grants and funds: approving within the round's budget, the largest grant per pop-up and the
fund; paying with evidence checked by content; cancelling; and the round's accounts (the rent
gap per unit and month). The fixtures here serve the other money tests too."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups import services
from regrow.popups.choices import AgreementStatus, ApplicationStatus, RoundStatus
from regrow.popups.models import Application, Fund, Grant, OwnerAgreement, Round, Sublease
from regrow.popups.selectors_money import fund_money, round_money
from regrow.popups.services import funds as fund_services
from regrow.popups.services import money as money_services
from regrow.premises.models import Owner
from regrow.towns.models import Role
from tests.fixtures import make_user
from tests.popups.conftest import round_values
from tests.popups.test_applications import application_values
from tests.premises.conftest import make_unit

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def make_round(town, coordinator, **changes) -> Round:
    round_ = services.round_save(
        town=town,
        by=coordinator,
        **round_values(
            town, **{"grant_budget_cents": 300_000, "max_grant_cents": 100_000, **changes}
        ),
    )
    return round_


def allocated(round_) -> Round:
    Round.objects.filter(pk=round_.pk).update(status=RoundStatus.ALLOCATED)
    round_.refresh_from_db()
    return round_


def make_offer(round_, coordinator, code: str, address: str, *, head_lease=None):
    """An offered unit; `head_lease` (starts_on, ends_on, rent, charges) records its head lease."""
    town = round_.town
    offer = services.round_unit_add(
        round_=round_,
        unit=make_unit(town, code, display_address=address, street=address.rsplit(" ", 1)[0]),
        by=coordinator,
    )
    if head_lease:
        starts_on, ends_on, rent, charges = head_lease
        owner = Owner.objects.create(town=town, name=f"Īpašnieks {code}", postal_address="Alūksne")
        OwnerAgreement.objects.create(
            round_unit=offer,
            owner=owner,
            intermediary_name="Alūksnes novada pašvaldība",
            intermediary_address="Dārza iela 11, Alūksne",
            starts_on=starts_on,
            ends_on=ends_on,
            rent_cents_per_month=rent,
            service_charges_cents_per_month=charges,
            status=AgreementStatus.SIGNED,
        )
    return offer


def make_popup(offer, name: str, starts_on, ends_on, *, rent=10_000, charges=2_000, slot=0):
    round_ = offer.round
    application = Application.objects.create(
        round=round_,
        applicant=make_user(f"{slugify(name)}-{offer.pk}@example.org"),
        status=ApplicationStatus.ACCEPTED,
        **application_values(round_, business_name=name),
    )
    return Sublease.objects.create(
        application=application,
        round_unit=offer,
        unit=offer.unit,
        slot=slot,
        starts_on=starts_on,
        ends_on=ends_on,
        rent_cents_per_month=rent,
        service_charges_cents_per_month=charges,
    )


@pytest.fixture
def money_round(aluksne, coordinator_of):
    """Two units: Pils iela 3 with a head lease of €280 + €20 a month for February and March
    2027 and two pop-ups; Dārza iela 8 without a head lease and one pop-up in March."""
    round_ = make_round(aluksne.town, coordinator_of)
    pils = make_offer(
        round_,
        coordinator_of,
        "ALU-M1",
        "Pils iela 3",
        head_lease=(date(2027, 2, 1), date(2027, 3, 31), 28_000, 2_000),
    )
    darza = make_offer(round_, coordinator_of, "ALU-M2", "Dārza iela 8")
    # 14 of February's 28 days at €120: €60.
    make_popup(pils, "Medus māja", date(2027, 2, 1), date(2027, 2, 14), rent=10_000, charges=2_000)
    # 14 days of February (€40) and all March (€80).
    make_popup(pils, "Koka lietas", date(2027, 2, 15), date(2027, 3, 31), rent=6_000, charges=2_000)
    make_popup(darza, "Lina stāsts", date(2027, 3, 1), date(2027, 3, 31), rent=3_000, charges=0)
    return allocated(round_)


def popup(round_, name) -> Sublease:
    return Sublease.objects.get(round_unit__round=round_, application__business_name=name)


def approve(round_, name, amount, by, **changes):
    values = {
        "amount_cents": amount,
        "purpose": Grant.Purpose.FITTING_OUT,
        "approved_on": round_.town.today(),
        "description": "Plaukti un apgaismojums",
    }
    values.update(changes)
    return money_services.grant_approve(sublease=popup(round_, name), by=by, **values)


def refusal(error) -> dict:
    return error.value.message_dict


def test_the_rounds_accounts_per_unit_and_month(money_round, coordinator_of):
    approve(money_round, "Medus māja", 50_000, coordinator_of)
    money = round_money(money_round)
    # The head lease: €300 for each of two months; the pop-ups: €60 + €40 + €80 + €30.
    assert money.owner_cost_cents == 60_000
    assert money.collected_cents == 6_000 + 4_000 + 8_000 + 3_000
    assert money.gap_cents == 60_000 - 21_000
    assert money.grants_approved_cents == 50_000
    assert money.budget_left_cents == 250_000
    assert money.fund_draw_cents == 39_000 + 50_000
    darza, pils = money.by_unit  # by street: Dārza iela before Pils iela
    assert (pils.address, pils.popups, pils.gap_cents) == ("Pils iela 3", 2, 60_000 - 18_000)
    assert (darza.agreement_status, darza.gap_cents) == (None, -3_000)
    assert pils.grants_approved_cents == 50_000
    months = {month.month: month for month in money.by_month}
    assert months[date(2027, 2, 1)].collected_cents == 10_000
    assert months[date(2027, 3, 1)].gap_cents == 30_000 - 11_000
    today = money_round.town.today().replace(day=1)
    assert months[today].grants_approved_cents == 50_000
    assert sum(month.gap_cents for month in money.by_month) == money.gap_cents


def test_cancelled_subleases_and_grants_do_not_count(money_round, coordinator_of):
    grant = approve(money_round, "Lina stāsts", 20_000, coordinator_of)
    money_services.grant_cancel(grant=grant, by=coordinator_of, version=grant.version)
    Sublease.objects.filter(application__business_name="Lina stāsts").update(
        status=Sublease.Status.CANCELLED
    )
    money = round_money(money_round)
    assert money.grants_approved_cents == 0
    assert money.collected_cents == 18_000


def test_a_grant_above_the_budget_left_is_refused_and_nothing_written(
    aluksne, coordinator_of, money_round
):
    Round.objects.filter(pk=money_round.pk).update(grant_budget_cents=120_000)
    money_round.refresh_from_db()
    approve(money_round, "Medus māja", 100_000, coordinator_of)
    with pytest.raises(ValidationError) as error:
        approve(money_round, "Koka lietas", 30_000, coordinator_of)
    assert refusal(error)["amount"] == [
        "The round's grant budget has €200.00 left: a grant of €300.00 is more."
    ]
    assert Grant.objects.count() == 1
    approve(money_round, "Koka lietas", 20_000, coordinator_of)  # exactly what is left
    assert round_money(money_round).budget_left_cents == 0


def test_a_pop_up_gets_at_most_the_largest_grant_in_all(money_round, coordinator_of):
    approve(money_round, "Medus māja", 60_000, coordinator_of)
    with pytest.raises(ValidationError) as error:
        approve(money_round, "Medus māja", 50_000, coordinator_of)
    assert "Medus māja" in refusal(error)["amount"][0]
    approve(money_round, "Medus māja", 40_000, coordinator_of)
    assert Grant.objects.filter(sublease__application__business_name="Medus māja").count() == 2


def test_an_approval_is_not_dated_ahead_nor_for_a_cancelled_pop_up(money_round, coordinator_of):
    with pytest.raises(ValidationError) as error:
        approve(
            money_round,
            "Medus māja",
            1_000,
            coordinator_of,
            approved_on=money_round.town.today() + timedelta(days=1),
        )
    assert "approved_on" in refusal(error)
    with pytest.raises(ValidationError) as error:
        approve(money_round, "Medus māja", 1_000, coordinator_of, approved_on=date(1, 1, 1))
    assert "approved_on" in refusal(error)
    Sublease.objects.filter(application__business_name="Medus māja").update(
        status=Sublease.Status.CANCELLED
    )
    with pytest.raises(ValidationError):
        approve(money_round, "Medus māja", 1_000, coordinator_of)
    assert not Grant.objects.exists()


def test_only_the_towns_coordinators_approve(money_round, aluksne, altena):
    for person in (aluksne.people[Role.JURY_MEMBER], altena.people[Role.COORDINATOR]):
        with pytest.raises(PermissionDenied):
            approve(money_round, "Medus māja", 1_000, person)
    assert not Grant.objects.exists()


def test_paying_with_evidence_checked_by_content(money_round, coordinator_of):
    grant = approve(money_round, "Medus māja", 10_000, coordinator_of)
    today = money_round.town.today()
    for content, name in ((b"just text", "receipt.pdf"), (b"GIF89a" + b"\0" * 20, "a.png")):
        with pytest.raises(ValidationError) as error:
            money_services.grant_pay(
                grant=grant,
                by=coordinator_of,
                version=grant.version,
                paid_on=today,
                evidence=SimpleUploadedFile(name, content),
            )
        assert "evidence" in refusal(error)
    with pytest.raises(ValidationError) as error:
        money_services.grant_pay(
            grant=grant, by=coordinator_of, version=grant.version, paid_on=today, evidence=None
        )
    assert "evidence" in refusal(error)
    big = SimpleUploadedFile("big.pdf", PDF + b"\0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        money_services.grant_pay(
            grant=grant, by=coordinator_of, version=grant.version, paid_on=today, evidence=big
        )
    assert "10 MB" in refusal(error)["evidence"][0]
    grant.refresh_from_db()
    assert grant.status == Grant.Status.APPROVED and not grant.evidence
    # A picture named as a PDF is a picture: stored as .jpg.
    paid = money_services.grant_pay(
        grant=grant,
        by=coordinator_of,
        version=grant.version,
        paid_on=today,
        evidence=SimpleUploadedFile("kvits.pdf", JPEG),
    )
    grant.refresh_from_db()
    assert grant.status == Grant.Status.PAID and grant.paid_on == today
    assert grant.paid_by == coordinator_of
    assert grant.evidence.name.endswith(f"grant-{grant.pk}.jpg")
    assert grant.evidence.storage.exists(grant.evidence.name)
    assert paid.version == grant.version
    assert round_money(money_round).grants_paid_cents == 10_000


def test_paying_twice_or_a_cancelled_grant_or_before_approval_is_refused(
    money_round, coordinator_of
):
    today = money_round.town.today()
    grant = approve(money_round, "Medus māja", 10_000, coordinator_of, approved_on=today)
    with pytest.raises(ValidationError) as error:
        money_services.grant_pay(
            grant=grant,
            by=coordinator_of,
            version=grant.version,
            paid_on=today - timedelta(days=1),
            evidence=SimpleUploadedFile("a.pdf", PDF),
        )
    assert "paid_on" in refusal(error)
    grant = money_services.grant_pay(
        grant=grant,
        by=coordinator_of,
        version=grant.version,
        paid_on=today,
        evidence=SimpleUploadedFile("a.pdf", PDF),
    )
    with pytest.raises(ValidationError, match="already paid"):
        money_services.grant_pay(
            grant=grant,
            by=coordinator_of,
            version=grant.version,
            paid_on=today,
            evidence=SimpleUploadedFile("b.png", PNG),
        )
    with pytest.raises(ValidationError, match="paid grant"):
        money_services.grant_cancel(grant=grant, by=coordinator_of, version=grant.version)
    other = approve(money_round, "Koka lietas", 10_000, coordinator_of)
    other = money_services.grant_cancel(grant=other, by=coordinator_of, version=other.version)
    with pytest.raises(ValidationError, match="cancelled"):
        money_services.grant_pay(
            grant=other,
            by=coordinator_of,
            version=other.version,
            paid_on=today,
            evidence=SimpleUploadedFile("a.pdf", PDF),
        )
    with pytest.raises(ValidationError, match="already cancelled"):
        money_services.grant_cancel(grant=other, by=coordinator_of, version=other.version)


def test_a_stale_cancel_is_refused(money_round, coordinator_of):
    grant = approve(money_round, "Medus māja", 10_000, coordinator_of)
    with pytest.raises(ConcurrentEditError):
        money_services.grant_cancel(grant=grant, by=coordinator_of, version=grant.version + 1)
    grant.refresh_from_db()
    assert grant.status == Grant.Status.APPROVED


def test_cancelling_gives_the_budget_back(money_round, coordinator_of):
    Round.objects.filter(pk=money_round.pk).update(grant_budget_cents=100_000)
    money_round.refresh_from_db()
    grant = approve(money_round, "Medus māja", 100_000, coordinator_of)
    with pytest.raises(ValidationError):
        approve(money_round, "Koka lietas", 1_000, coordinator_of)
    money_services.grant_cancel(grant=grant, by=coordinator_of, version=grant.version)
    approve(money_round, "Koka lietas", 100_000, coordinator_of)


@pytest.fixture
def fund(aluksne, coordinator_of):
    return fund_services.fund_save(
        town=aluksne.town,
        by=coordinator_of,
        name="Centra atdzīvināšana",
        kind=Fund.Kind.BUDGET_LINE,
        total_cents=100_000,
        notes="",
    )


def second_round(aluksne, coordinator_of) -> Round:
    """Another round with one pop-up and no head lease (no gap)."""
    round_ = make_round(aluksne.town, coordinator_of)
    offer = make_offer(round_, coordinator_of, "ALU-S1", "Tirgus iela 2")
    make_popup(offer, "Siera stūrītis", date(2027, 5, 1), date(2027, 5, 31))
    return allocated(round_)


def test_a_fund_is_never_overspent_by_its_rounds_together(
    aluksne, coordinator_of, money_round, fund
):
    # money_round's gap is €390: the fund of €1 000 holds it and €610 of grants in all.
    fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    other = second_round(aluksne, coordinator_of)
    fund_services.round_fund_set(round_=other, fund=fund, by=coordinator_of)
    approve(money_round, "Medus māja", 40_000, coordinator_of)
    with pytest.raises(ValidationError) as error:
        approve(other, "Siera stūrītis", 30_000, coordinator_of)
    assert "Centra atdzīvināšana" in refusal(error)["amount"][0]
    approve(other, "Siera stūrītis", 21_000, coordinator_of)
    money = fund_money(fund)
    assert money.drawn_cents == 39_000 + 40_000 + 21_000
    assert money.left_cents == 0
    assert {round_.pk for round_, _figures in money.rounds} == {money_round.pk, other.pk}


def test_a_fund_too_small_for_a_round_is_not_chosen(aluksne, coordinator_of, money_round, fund):
    Fund.objects.filter(pk=fund.pk).update(total_cents=30_000)
    fund.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    assert "fund" in refusal(error)
    money_round.refresh_from_db()
    assert money_round.fund is None


def test_a_funds_total_is_not_lowered_below_what_was_drawn(
    aluksne, coordinator_of, money_round, fund
):
    fund_services.round_fund_set(round_=money_round, fund=fund, by=coordinator_of)
    with pytest.raises(ValidationError) as error:
        fund_services.fund_save(
            town=aluksne.town,
            by=coordinator_of,
            fund=fund,
            version=fund.version,
            total_cents=38_000,
        )
    assert "total_cents" in refusal(error)
    saved = fund_services.fund_save(
        town=aluksne.town, by=coordinator_of, fund=fund, version=fund.version, total_cents=39_000
    )
    assert saved.total_cents == 39_000
    with pytest.raises(ConcurrentEditError):
        fund_services.fund_save(
            town=aluksne.town, by=coordinator_of, fund=fund, version=fund.version, name="Cits"
        )


def test_another_towns_fund_is_not_chosen(aluksne, altena, coordinator_of, money_round):
    foreign = Fund.objects.create(
        town=altena.town, name="Altena", kind=Fund.Kind.GRANT_PROGRAMME, total_cents=10**7
    )
    with pytest.raises(PermissionDenied):
        fund_services.round_fund_set(round_=money_round, fund=foreign, by=coordinator_of)
    with pytest.raises(PermissionDenied):
        fund_services.fund_save(
            town=aluksne.town, by=coordinator_of, fund=foreign, version=1, name="x"
        )
