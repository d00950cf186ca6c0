"""A pop-up's outcome, and staying as a permanent tenant: "let" in the register's history from
that day (and the street's vacancy rate with it), refusals that name their field and write
nothing, undoing a stay by a later entry, optimistic locking."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups.models import Outcome, Sublease
from regrow.popups.services import outcomes
from regrow.popups.services.outcomes import Entry, let_days, reverted_days
from regrow.premises import selectors
from regrow.premises.choices import Source, Status
from regrow.premises.models import StatusChange
from regrow.towns.models import Role
from tests.popups.test_care import make_popup, past_round, vacant_unit

D = date(2025, 5, 1)
PROGRAMME = Source.POPUP_PROGRAMME


def entries(*rows) -> list[Entry]:
    return [Entry(day, n, status, source) for n, (day, status, source) in enumerate(rows, 1)]


# The history arithmetic, without a database


def test_a_stay_after_the_pop_up_is_let_from_its_day():
    history = entries(
        (date(2023, 1, 1), Status.VACANT, Source.SURVEY),
        (D, Status.POPUP, PROGRAMME),
        (D + timedelta(days=28), Status.VACANT, PROGRAMME),
    )
    assert let_days(history, D + timedelta(days=40)) == [D + timedelta(days=40)]


def test_a_stay_from_within_the_pop_up_also_overrides_its_planned_end():
    history = entries(
        (date(2023, 1, 1), Status.VACANT, Source.SURVEY),
        (D, Status.POPUP, PROGRAMME),
        (D + timedelta(days=28), Status.VACANT, PROGRAMME),
    )
    assert let_days(history, D + timedelta(days=10)) == [
        D + timedelta(days=10),
        D + timedelta(days=28),
    ]


def test_a_later_survey_stands_and_a_unit_let_already_gets_no_second_entry():
    history = entries(
        (D, Status.POPUP, PROGRAMME),
        (D + timedelta(days=20), Status.LET, Source.SURVEY),
        (D + timedelta(days=60), Status.VACANT, Source.SURVEY),
    )
    assert let_days(history, D + timedelta(days=30)) == []
    assert let_days(history, D + timedelta(days=10)) == [D + timedelta(days=10)]


def test_undoing_a_stay_gives_back_what_each_day_was_without_it():
    day, end = D + timedelta(days=10), D + timedelta(days=28)
    history = entries(
        (date(2023, 1, 1), Status.VACANT, Source.SURVEY),
        (D, Status.POPUP, PROGRAMME),
        (end, Status.VACANT, PROGRAMME),
        (day, Status.LET, PROGRAMME),
        (end, Status.LET, PROGRAMME),
    )
    assert reverted_days(history, day) == [(day, Status.POPUP), (end, Status.VACANT)]


def test_undoing_leaves_alone_a_day_someone_recorded_after_the_stay():
    day = D + timedelta(days=40)
    history = entries(
        (D, Status.POPUP, PROGRAMME),
        (D + timedelta(days=28), Status.VACANT, PROGRAMME),
        (day, Status.LET, PROGRAMME),
        (day, Status.OCCUPIED, Source.SURVEY),
    )
    assert reverted_days(history, day) == []


def test_a_stay_undone_and_recorded_again_is_undone_again():
    day = D + timedelta(days=40)
    history = entries(
        (D + timedelta(days=28), Status.VACANT, PROGRAMME),
        (day, Status.LET, PROGRAMME),
        (day, Status.VACANT, PROGRAMME),
    )
    assert let_days(history, day) == [day]
    history.append(Entry(day, 9, Status.LET, PROGRAMME))
    assert reverted_days(history, day) == [(day, Status.VACANT)]


# With the database


@pytest.fixture
def street(aluksne, coordinator):
    """Pils iela: a pop-up that ended 20 days ago in one of its two vacant units."""
    town = aluksne.town
    round_ = past_round(town, coordinator, started_days_ago=60, weeks=8)
    unit = vacant_unit(town, "ALU-3", display_address="Pils iela 3")
    vacant_unit(town, "ALU-5", display_address="Pils iela 5")
    today = town.today()
    popup = make_popup(
        round_,
        unit,
        "Medus māja",
        today - timedelta(days=60),
        today - timedelta(days=20),
        by=coordinator,
    )
    return popup


def rate(town, day=None) -> float:
    scope = selectors.Scope(town, street="Pils iela")
    return selectors.vacancy_rate_at(scope, day or town.today()).percent


def stay(popup, by, day, version=0, **values):
    return outcomes.outcome_save(
        sublease=popup,
        by=by,
        version=version,
        **{"days_open": 30, "visitors_estimate": 800, "sales_band": "500_2000", **values},
        stayed=True,
        stayed_from=day,
    )


def test_staying_records_let_from_that_day_and_the_street_rate_moves(street, coordinator):
    town = street.round_unit.round.town
    today = town.today()
    assert rate(town) == 100.0
    day = street.ends_on + timedelta(days=1)
    outcome = stay(street, coordinator, day, lease_rent_cents_per_month=30_000, lease_months=24)
    assert (outcome.stayed, outcome.stayed_from, outcome.version) == (True, day, 1)
    latest = StatusChange.objects.filter(unit=street.unit).order_by("-id").first()
    assert (latest.status, latest.effective_on, latest.source) == (Status.LET, day, PROGRAMME)
    assert "Medus māja" in latest.note
    assert rate(town) == 50.0
    assert rate(town, day - timedelta(days=1)) == 50.0  # the pop-up's last day: in use
    assert rate(town, today - timedelta(days=70)) == 100.0  # before the programme


def test_undoing_the_stay_appends_the_status_before(street, coordinator):
    town = street.round_unit.round.town
    day = street.ends_on + timedelta(days=1)
    outcome = stay(street, coordinator, day)
    before = StatusChange.objects.count()
    outcomes.outcome_save(sublease=street, by=coordinator, version=outcome.version, stayed=False)
    assert StatusChange.objects.count() == before + 1
    latest = StatusChange.objects.filter(unit=street.unit).order_by("-id").first()
    assert (latest.status, latest.effective_on) == (Status.VACANT, day)
    assert rate(town) == 100.0
    outcome.refresh_from_db()
    assert (outcome.stayed, outcome.stayed_from, outcome.lease_months) == (False, None, None)


def test_a_stay_from_within_the_pop_up_keeps_the_unit_let_after_it(street, coordinator):
    town = street.round_unit.round.town
    stay(street, coordinator, street.ends_on - timedelta(days=5))
    assert rate(town) == 50.0
    assert rate(town, street.ends_on + timedelta(days=1)) == 50.0


def test_moving_the_day_undoes_the_first_and_records_the_second(street, coordinator):
    town = street.round_unit.round.town
    first = street.ends_on + timedelta(days=1)
    second = street.ends_on + timedelta(days=10)
    outcome = stay(street, coordinator, first)
    stay(street, coordinator, second, version=outcome.version)
    assert rate(town, second - timedelta(days=1)) == 100.0
    assert rate(town, second) == 50.0


def test_an_outcome_dated_before_the_pop_up_opened_is_refused(street, coordinator):
    before = StatusChange.objects.count()
    with pytest.raises(ValidationError) as refused:
        stay(street, coordinator, street.starts_on - timedelta(days=1))
    assert list(refused.value.message_dict) == ["stayed_from"]
    assert "opened" in refused.value.message_dict["stayed_from"][0]
    assert not Outcome.objects.exists()
    assert StatusChange.objects.count() == before


def test_staying_where_another_allocation_holds_the_unit_is_refused_naming_it(
    street, aluksne, coordinator
):
    town = aluksne.town
    later_round = past_round(town, coordinator, started_days_ago=10, weeks=8)
    other = make_popup(
        later_round,
        street.unit,
        "Koka lietas",
        town.today() - timedelta(days=5),
        town.today() + timedelta(days=20),
        by=coordinator,
    )
    before = StatusChange.objects.count()
    with pytest.raises(ValidationError) as refused:
        stay(street, coordinator, street.ends_on + timedelta(days=1))
    message = refused.value.message_dict["stayed_from"][0]
    assert "Koka lietas" in message
    assert not Outcome.objects.exists()
    assert StatusChange.objects.count() == before
    # Cancelled, it holds nothing.
    Sublease.objects.filter(pk=other.pk).update(status=Sublease.Status.CANCELLED)
    assert stay(street, coordinator, street.ends_on + timedelta(days=1)).stayed


def test_two_pop_ups_do_not_both_stay_in_one_unit(street, aluksne, coordinator):
    neighbour = make_popup(
        street.round_unit.round,
        street.unit,
        "Lina stāsts",
        street.starts_on,
        street.ends_on,
        by=coordinator,
        slot=1,
    )
    stay(street, coordinator, street.ends_on + timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        stay(neighbour, coordinator, street.ends_on + timedelta(days=1))
    assert "Medus māja" in refused.value.message_dict["stayed_from"][0]


def test_figures_out_of_range_are_refused_naming_their_fields(street, coordinator):
    with pytest.raises(ValidationError) as refused:
        outcomes.outcome_save(
            sublease=street,
            by=coordinator,
            version=0,
            days_open=500,
            sales_band="millions",
            stayed=True,
            stayed_from=None,
        )
    assert set(refused.value.message_dict) == {"days_open", "sales_band", "stayed_from"}
    assert not Outcome.objects.exists()


def test_no_outcome_before_the_pop_up_opens(aluksne, coordinator):
    town = aluksne.town
    round_ = past_round(town, coordinator, started_days_ago=1)
    unit = vacant_unit(town, "ALU-9")
    coming = make_popup(
        round_,
        unit,
        "Vēlāk",
        town.today() + timedelta(days=3),
        town.today() + timedelta(days=30),
        by=coordinator,
    )
    with pytest.raises(ValidationError):
        outcomes.outcome_save(sublease=coming, by=coordinator, version=0, days_open=1)


def test_an_outcome_from_a_stale_page_writes_nothing(street, coordinator):
    outcome = stay(street, coordinator, street.ends_on + timedelta(days=1))
    before = StatusChange.objects.count()
    with pytest.raises(ConcurrentEditError):
        outcomes.outcome_save(sublease=street, by=coordinator, version=0, stayed=False)
    with pytest.raises(ConcurrentEditError):
        outcomes.outcome_save(
            sublease=street, by=coordinator, version=outcome.version + 1, stayed=False
        )
    assert StatusChange.objects.count() == before
    assert Outcome.objects.get().stayed


def test_a_figures_only_outcome_leaves_the_register_alone(street, coordinator):
    before = StatusChange.objects.count()
    outcome = outcomes.outcome_save(
        sublease=street, by=coordinator, version=0, days_open=12, visitors_estimate=300
    )
    assert (outcome.days_open, outcome.stayed, outcome.sales_band) == (12, False, "")
    assert StatusChange.objects.count() == before


def test_only_the_towns_coordinators_record_outcomes(street, aluksne, altena):
    for person in (aluksne.people[Role.JURY_MEMBER], altena.people[Role.COORDINATOR]):
        with pytest.raises(PermissionDenied):
            outcomes.outcome_save(sublease=street, by=person, version=0, days_open=1)
    assert not Outcome.objects.exists()
