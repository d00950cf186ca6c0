"""The programme's derived figures: a round's funnel, the conversion rate (stayed ÷ opened) and
unit-weeks offered and used, on a finished round built row by row, and the pure parts alone."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from regrow.popups import figures
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    Application,
    Grant,
    Outcome,
    OwnerAgreement,
    Round,
    RoundUnit,
    Sublease,
)
from regrow.premises.choices import Status
from regrow.premises.models import Owner
from regrow.towns.models import Role
from tests.fixtures import make_user
from tests.popups.conftest import round_values
from tests.popups.test_applications import application_values
from tests.premises.conftest import add_status, make_unit

TODAY = date(2026, 6, 1)
START, END = date(2026, 3, 2), date(2026, 4, 26)  # eight weeks, 56 days


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 6, 1, 10, tzinfo=UTC), tick=False):
        yield


@dataclass
class Finished:
    round: Round
    offers: list[RoundUnit]
    subleases: list[Sublease]


def _application(round_, number: int, status: str, name: str = "") -> Application:
    return Application.objects.create(
        round=round_,
        applicant=make_user(f"applicant{round_.pk}-{number}@example.org"),
        status=status,
        submitted_at=None if status == ApplicationStatus.DRAFT else timezone.now(),
        **application_values(round_, business_name=name or f"Veikals {number}"),
    )


def make_finished_round(
    town, coordinator, *, prefix: str = "ALU", enquiries: int = 20, start: date = START
):
    """A finished round of Alūksne: enquiries 20, 7 applications counted (2 more not: a draft
    and a withdrawn one), 3 pop-ups (and a cancelled one), 2 of them stayed. Offered: Pils iela
    1 (capacity 1), Pils iela 2 (capacity 2) and Dārza iela 3 (capacity 1) over the programme's
    56 days; used: 28 + 56 + 28 days. Head leases 250 € a month each; grants 500 € approved,
    300 € paid and 999,99 € cancelled. The days are START's; `start` moves them all."""
    shift = start - START
    end = END + shift
    round_ = Round.objects.create(
        town=town,
        **round_values(
            town,
            applications_open_on=date(2026, 1, 1) + shift,
            applications_close_on=date(2026, 1, 31) + shift,
            programme_starts_on=start,
            programme_ends_on=end,
        ),
        status=RoundStatus.ALLOCATED,
        enquiries=enquiries,
    )
    owner = Owner.objects.create(town=town, name="Ilze Bērziņa")
    offers = []
    for number, (street, capacity) in enumerate(
        [("Pils iela", 1), ("Pils iela", 2), ("Dārza iela", 1)], start=1
    ):
        unit = make_unit(
            town,
            f"{prefix}-{round_.pk}-{number}",
            street=street,
            house_number=str(number),
            display_address=f"{street} {number}",
        )
        offer = RoundUnit.objects.create(round=round_, unit=unit, capacity=capacity)
        OwnerAgreement.objects.create(
            round_unit=offer,
            owner=owner,
            intermediary_name="Alūksnes novada pašvaldība",
            intermediary_address="Dārza iela 11",
            starts_on=start,
            ends_on=end,
            rent_cents_per_month=20_000,
            service_charges_cents_per_month=5_000,
        )
        offers.append(offer)
    statuses = [
        ApplicationStatus.DRAFT,
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.REJECTED,
        ApplicationStatus.REJECTED,
        *[ApplicationStatus.ACCEPTED] * 4,
    ]
    applications = [_application(round_, n, status) for n, status in enumerate(statuses)]
    accepted = applications[5:]
    stays = [
        (offers[0], 0, start, date(2026, 3, 29) + shift, Sublease.Status.SIGNED),
        (offers[1], 0, start, end, Sublease.Status.SIGNED),
        (offers[1], 1, date(2026, 3, 30) + shift, end, Sublease.Status.CONFIRMED),
        (offers[2], 0, start, date(2026, 3, 15) + shift, Sublease.Status.CANCELLED),
    ]
    subleases = [
        Sublease.objects.create(
            application=application,
            round_unit=offer,
            unit=offer.unit,
            slot=slot,
            starts_on=first,
            ends_on=last,
            rent_cents_per_month=11_400,
            service_charges_cents_per_month=1_550,
            status=status,
            confirmed_by=coordinator,
        )
        for application, (offer, slot, first, last, status) in zip(accepted, stays, strict=True)
    ]
    for sublease, stayed in zip(subleases, [True, False, True, True], strict=True):
        Outcome.objects.create(
            sublease=sublease,
            stayed=stayed,
            stayed_from=sublease.ends_on if stayed else None,
            recorded_by=coordinator,
        )
    for sublease, cents, status in [
        (subleases[0], 50_000, Grant.Status.APPROVED),
        (subleases[2], 30_000, Grant.Status.PAID),
        (subleases[1], 99_999, Grant.Status.CANCELLED),
    ]:
        Grant.objects.create(
            sublease=sublease,
            amount_cents=cents,
            purpose=Grant.Purpose.FITTING_OUT,
            status=status,
            approved_on=date(2026, 3, 5) + shift,
            approved_by=coordinator,
            paid_on=date(2026, 3, 20) + shift if status == Grant.Status.PAID else None,
        )
    return Finished(round_, offers, subleases)


def add_street_history(finished: Finished) -> None:
    """Pils iela 1 and 2 and Dārza iela 3 vacant for a year before the programme, pop-ups in
    March, Pils iela 1 let from 30 March (it stayed), Pils iela 2 empty again after it; an
    occupied Pils iela 4 and an empty unit on Skolas iela, which is no street of the round."""
    town = finished.round.town
    shift = finished.round.programme_starts_on - START
    first, second, third = (offer.unit for offer in finished.offers)
    for unit in (first, second, third):
        add_status(unit, Status.VACANT, date(2025, 1, 1) + shift)
    for unit in (first, second):
        add_status(unit, Status.POPUP, START + shift)
    add_status(first, Status.LET, date(2026, 3, 30) + shift)
    add_status(second, Status.VACANT, date(2026, 4, 27) + shift)
    add_status(make_unit(town, "NEIGHBOUR", house_number="4"), Status.OCCUPIED, date(2024, 1, 1))
    add_status(make_unit(town, "ELSEWHERE", street="Skolas iela"), Status.VACANT, date(2024, 1, 1))


@pytest.fixture
def finished(aluksne, coordinator):
    return make_finished_round(aluksne.town, coordinator)


# --- The pure parts -----------------------------------------------------------------------


def test_a_rate_is_a_fraction_rounded_half_up_and_none_over_nothing():
    assert figures.ratio(2, 3) == Decimal("0.6667")
    assert figures.ratio(1, 8) == Decimal("0.1250")
    assert figures.ratio(1, 160_000) == Decimal("0.0000")
    assert figures.ratio(3, 20_000) == Decimal("0.0002")  # 0.00015 half up
    assert figures.ratio(5, 0) is None


def test_each_funnel_step_is_rated_against_the_step_before():
    funnel = figures.Funnel(enquiries=0, applications=8, accepted=4, opened=4, stayed=1)
    assert [(step.code, step.count, step.rate) for step in funnel.steps] == [
        ("enquiries", 0, None),
        ("applications", 8, None),  # no enquiries counted: no rate, not infinity
        ("accepted", 4, Decimal("0.5000")),
        ("opened", 4, Decimal("1.0000")),
        ("stayed", 1, Decimal("0.2500")),
    ]
    assert funnel.conversion == Decimal("0.2500")


def test_unit_weeks_count_each_place_of_a_unit_and_cut_days_to_the_period():
    offers = [
        (1, date(2026, 3, 2), date(2026, 4, 26), 2),
        (2, date(2026, 5, 1), date(2026, 5, 7), 1),
    ]
    stays = [(1, date(2026, 3, 2), date(2026, 3, 15)), (1, date(2026, 4, 20), date(2026, 5, 3))]
    whole = figures.count_unit_weeks(offers, stays, None)
    assert whole[1] == figures.UnitWeeks(offered_days=112, used_days=28)
    assert whole[1].offered == Decimal(16) and whole[1].used == Decimal(4)
    assert whole[1].share_used == Decimal("0.2500")
    april = figures.count_unit_weeks(offers, stays, (date(2026, 4, 1), date(2026, 4, 30)))
    assert april[1] == figures.UnitWeeks(offered_days=52, used_days=11)
    assert april[2] == figures.UnitWeeks(0, 0)
    assert april[2].share_used is None
    assert figures.weeks(10) == Decimal("1.4")  # 1.428… rounded to a tenth
    assert figures.weeks(4) == Decimal("0.6")  # 0.571…


def test_the_vacancy_days_are_before_the_middle_and_after_and_none_still_to_come():
    round_ = Round(programme_starts_on=START, programme_ends_on=END)
    assert figures.vacancy_days(round_, TODAY) == [
        ("before", date(2026, 3, 1)),
        ("during", date(2026, 3, 29)),
        ("after", TODAY),  # 90 days after the end has not come: today stands in
    ]
    assert figures.vacancy_days(round_, date(2026, 12, 1))[2] == ("after", date(2026, 7, 25))
    assert figures.vacancy_days(round_, date(2026, 3, 10)) == [
        ("before", date(2026, 3, 1)),
        ("during", None),
        ("after", None),
    ]


# --- From the database --------------------------------------------------------------------


def test_the_funnel_counts_each_step_of_a_finished_round(finished, django_assert_num_queries):
    with django_assert_num_queries(2):
        funnel = figures.round_funnel(finished.round, TODAY)
    assert funnel == figures.Funnel(enquiries=20, applications=7, accepted=3, opened=3, stayed=2)
    assert [step.rate for step in funnel.steps] == [
        None,
        Decimal("0.3500"),
        Decimal("0.4286"),
        Decimal("1.0000"),
        Decimal("0.6667"),
    ]


def test_a_pop_up_is_opened_once_its_first_day_has_come(finished):
    """On 15 March the third pop-up (from 30 March) has not opened; its 'stayed' does not count."""
    funnel = figures.round_funnel(finished.round, date(2026, 3, 15))
    assert (funnel.accepted, funnel.opened, funnel.stayed) == (3, 2, 1)
    assert funnel.conversion == Decimal("0.5000")


def test_funnels_of_many_rounds_take_the_same_two_queries(
    aluksne, coordinator, finished, django_assert_num_queries
):
    rounds = [finished.round]
    for number in range(3):
        rounds.append(make_finished_round(aluksne.town, coordinator, prefix=f"R{number}").round)
    empty = Round.objects.create(town=aluksne.town, **round_values(aluksne.town))
    rounds.append(empty)
    with django_assert_num_queries(2):
        result = figures.funnels(rounds, TODAY)
    assert len(result) == 5
    assert result[empty.pk] == figures.Funnel()


def test_the_conversion_rate_counts_the_pop_ups_that_opened_in_the_period(
    finished, altena, django_assert_num_queries
):
    other = make_finished_round(altena.town, altena.people[Role.COORDINATOR], prefix="ALT")
    assert other.round.town != finished.round.town
    town = finished.round.town
    with django_assert_num_queries(1):
        march = figures.conversion_rate(town, (date(2026, 3, 1), date(2026, 3, 31)))
    assert (march.opened, march.stayed, march.rate) == (3, 2, Decimal("0.6667"))
    early = figures.conversion_rate(town, (date(2026, 3, 1), date(2026, 3, 15)))
    assert (early.opened, early.stayed, early.rate) == (2, 1, Decimal("0.5000"))
    none = figures.conversion_rate(town, (date(2025, 1, 1), date(2025, 12, 31)))
    assert (none.opened, none.stayed, none.rate) == (0, 0, None)


def test_a_pop_up_not_yet_opened_is_not_in_the_conversion_rate(finished):
    with time_machine.travel(datetime(2026, 3, 20, 10, tzinfo=UTC), tick=False):
        rate = figures.conversion_rate(finished.round.town, (date(2026, 3, 1), date(2026, 4, 30)))
    assert (rate.opened, rate.stayed) == (2, 1)


def test_unit_weeks_offered_and_used_in_a_period(
    finished, aluksne, coordinator, django_assert_num_queries
):
    draft = Round.objects.create(town=aluksne.town, **round_values(aluksne.town))
    RoundUnit.objects.create(round=draft, unit=make_unit(aluksne.town, "DRAFT-1"), capacity=5)
    town = finished.round.town
    with django_assert_num_queries(2):
        april = figures.unit_weeks(town, (date(2026, 4, 1), date(2026, 4, 30)))
    # Offered: 1 April to 26 April, 26 days, at four places; used: two pop-ups' 26 days.
    assert (april.offered_days, april.used_days) == (104, 52)
    assert (april.offered, april.used, april.share_used) == (
        Decimal("14.9"),
        Decimal("7.4"),
        Decimal("0.5000"),
    )
    whole = figures.unit_weeks_by_round(town, rounds=[finished.round])[finished.round.pk]
    assert (whole.offered, whole.used) == (Decimal(32), Decimal(16))
    assert figures.unit_weeks(town, (date(2027, 1, 1), date(2027, 12, 31))) == figures.UnitWeeks()


def test_the_streets_vacancy_before_during_and_after(finished, django_assert_num_queries):
    add_street_history(finished)
    with django_assert_num_queries(3):
        rows = figures.street_vacancy(finished.round, TODAY)
    assert [(row.code, row.day, row.rate.percent) for row in rows] == [
        ("before", date(2026, 3, 1), 75.0),  # three of Pils iela 1, 2, 4 and Dārza iela 3
        ("during", date(2026, 3, 29), 25.0),  # the pop-ups are in; only Dārza iela 3 empty
        ("after", TODAY, 50.0),  # Pils iela 1 let (it stayed), Pils iela 2 empty again
    ]
    assert figures.round_streets(finished.round) == ["Dārza iela", "Pils iela"]
