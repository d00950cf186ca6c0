"""The coordinator's allocation from proposal to confirmation, through the real task worker."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups import services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    AllocationRun,
    Application,
    Criterion,
    PairingRule,
    Round,
    Score,
    Sublease,
)
from regrow.popups.services import allocation as service
from regrow.premises.choices import Source, Status
from regrow.premises.models import StatusChange
from regrow.towns.models import Role
from tests.fixtures import make_user
from tests.popups.test_applications import application_values
from tests.premises.conftest import make_unit


def close_window(round_: Round) -> Round:
    Round.objects.filter(pk=round_.pk).update(
        applications_close_on=round_.town.today() - timedelta(days=1)
    )
    round_.refresh_from_db()
    return round_


@pytest.fixture
def shop_round(open_round, offer, aluksne, coordinator_of):
    """Two offered units of one place each; three applications scored 9, 7 and 5 that all
    want the whole programme: one of them must be left out."""
    second = services.round_unit_add(
        round_=open_round,
        unit=make_unit(aluksne.town, "ALU-2", street="Pils iela"),
        by=coordinator_of,
    )
    for each in (offer, second):
        each.min_stay_weeks, each.max_stay_weeks = 8, 9
        each.save()
    criterion = Criterion.objects.create(round=open_round, names={"lv": "Ideja"})
    juror = services.juror_assign(
        round_=open_round, user=aluksne.people[Role.JURY_MEMBER], by=coordinator_of
    )
    for n, score in enumerate((9, 7, 5), start=1):
        application = Application.objects.create(
            round=open_round,
            applicant=make_user(f"shop{n}@example.org", preferred_language="lv"),
            status=ApplicationStatus.SUBMITTED,
            language="lv" if n != 2 else "en",
            **application_values(
                open_round,
                business_name=f"Veikals {n}",
                category=["food", "crafts", "culture"][n - 1],
                min_stay_weeks=8,
                max_stay_weeks=9,
                requested_grant_cents=0,
            ),
        )
        Score.objects.create(application=application, juror=juror, criterion=criterion, value=score)
    open_round.refresh_from_db()
    return open_round


@pytest.fixture(autouse=True)
def worker_keeps_the_test_connection(monkeypatch):
    """The worker closes connections whose autocommit differs from the settings' (to drop
    broken ones) — inside a test's transaction that would be the test's own connection."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def solve(round_, coordinator, capture):
    with capture(execute=True):
        run = service.run_request(round_=round_, by=coordinator)
    call_command("worker", "--batch")
    run.refresh_from_db()
    return run


def by_name(round_, name):
    return round_.applications.get(business_name=name)


def test_a_proposal_is_solved_by_the_worker_and_says_why_one_is_out(
    shop_round, coordinator_of, django_capture_on_commit_callbacks
):
    run = solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    assert run.state == AllocationRun.State.DONE, run.error
    result = run.result
    assert result["status"] == "optimal"
    assert result["bound"] == pytest.approx(result["objective"])
    placed = {item["application"] for item in result["placements"]}
    assert placed == {by_name(shop_round, "Veikals 1").pk, by_name(shop_round, "Veikals 2").pk}
    (out,) = result["left_out"]
    assert out["application"] == by_name(shop_round, "Veikals 3").pk
    assert "slots_taken" in out["codes"]
    holders = {holder for _offer, names in out["holders"] for holder in names}
    assert holders == placed
    assert out["cost_at_least"] == pytest.approx(2.0, abs=0.01)


def test_a_pin_changes_the_next_proposal(
    shop_round, coordinator_of, offer, django_capture_on_commit_callbacks
):
    third = by_name(shop_round, "Veikals 3")
    services_rule = service.rule_set(
        round_=shop_round, application=third, offer=offer, kind="pin", by=coordinator_of
    )
    assert services_rule.kind == PairingRule.Kind.PIN
    run = solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    placements = {item["application"]: item["offer"] for item in run.result["placements"]}
    assert placements[third.pk] == offer.pk
    assert by_name(shop_round, "Veikals 2").pk not in placements
    # A second pin of the same application elsewhere is refused, naming the first.
    other = shop_round.offered_units.exclude(pk=offer.pk).get()
    with pytest.raises(ValidationError, match="already pinned"):
        service.rule_set(
            round_=shop_round, application=third, offer=other, kind="pin", by=coordinator_of
        )


def test_confirming_creates_subleases_register_days_and_decisions(
    shop_round, coordinator_of, django_capture_on_commit_callbacks
):
    run = solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="confirm the allocation after that"):
        service.run_confirm(run=run, by=coordinator_of, round_version=shop_round.version)
    close_window(shop_round)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        subleases = service.run_confirm(
            run=run, by=coordinator_of, round_version=shop_round.version, base_url="https://x/"
        )
    assert len(subleases) == 2
    shop_round.refresh_from_db()
    assert shop_round.status == RoundStatus.ALLOCATED
    statuses = dict(shop_round.applications.values_list("business_name", "status"))
    assert statuses == {
        "Veikals 1": ApplicationStatus.ACCEPTED,
        "Veikals 2": ApplicationStatus.ACCEPTED,
        "Veikals 3": ApplicationStatus.REJECTED,
    }
    sublease = Sublease.objects.get(application__business_name="Veikals 1")
    assert sublease.starts_on == shop_round.programme_starts_on
    history = StatusChange.objects.filter(unit=sublease.unit, source=Source.POPUP_PROGRAMME)
    assert next((c.effective_on, c.status) for c in history.order_by("effective_on")) == (
        sublease.starts_on,
        Status.POPUP,
    )
    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 3
    assert any("Decision on your application" in subject for subject in subjects)  # English
    rejected = next(m for m in mail.outbox if m.to == ["shop3@example.org"])
    assert "https://x/" in rejected.body
    # Confirming twice is refused, and nothing more is created.
    with pytest.raises((ConcurrentEditError, ValidationError)):
        service.run_confirm(run=run, by=coordinator_of, round_version=shop_round.version)
    assert Sublease.objects.count() == 2


def test_a_proposal_older_than_the_round_is_not_confirmed(
    shop_round, coordinator_of, django_capture_on_commit_callbacks
):
    run = solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    close_window(shop_round)
    Round.objects.filter(pk=shop_round.pk).update(version=shop_round.version + 1)
    shop_round.refresh_from_db()
    with pytest.raises(ConcurrentEditError, match="changed after this proposal"):
        service.run_confirm(run=run, by=coordinator_of, round_version=shop_round.version)
    assert not Sublease.objects.exists()


def test_the_grant_budget_limits_the_plan(
    shop_round, coordinator_of, django_capture_on_commit_callbacks
):
    Round.objects.filter(pk=shop_round.pk).update(
        grant_budget_cents=100_000, max_grant_cents=100_000
    )
    Application.objects.filter(round=shop_round).update(requested_grant_cents=60_000)
    shop_round.refresh_from_db()
    run = solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    assert len(run.result["placements"]) == 1
    assert any("budget_spent" in item["codes"] for item in run.result["left_out"])


def test_only_the_towns_coordinators_use_the_allocation_pages(client, shop_round, aluksne, altena):
    url = f"/lv/{aluksne.town.slug}/popup-rounds/{shop_round.pk}/allocation/"
    assert client.get(url).status_code == 302
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(url).status_code in (403, 404)
    client.force_login(aluksne.people[Role.JURY_MEMBER])
    assert client.get(url).status_code in (403, 404)
    client.force_login(aluksne.people[Role.COORDINATOR])
    assert client.get(url).status_code == 200
    response = client.post(url + "propose/")
    assert response.status_code == 302
    assert AllocationRun.objects.filter(round=shop_round).count() == 1
    assert client.get(url + "status/").json()["state"] == "queued"


def test_the_proposal_page_names_the_plan_and_the_reasons(
    client,
    shop_round,
    aluksne,
    coordinator_of,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    client.force_login(coordinator_of)
    url = f"/lv/{aluksne.town.slug}/popup-rounds/{shop_round.pk}/allocation/"
    with django_assert_max_num_queries(25):
        page = client.get(url).content.decode()
    assert "Veikals 1" in page and "Veikals 3" in page
    assert "Apstiprināt" in page or "Confirm" in page
    assert Decimal(1)  # keeps Decimal used for the fixtures' scores


def second_round_for(shop_round, coordinator, unit):
    """Another round of the town offering the same unit in the same weeks, one application."""
    from tests.popups.conftest import round_values

    other = services.round_save(
        town=shop_round.town,
        by=coordinator,
        **round_values(
            shop_round.town,
            titles={"lv": "Otrā kārta"},
            programme_starts_on=shop_round.programme_starts_on,
            programme_ends_on=shop_round.programme_ends_on,
        ),
    )
    offer = services.round_unit_add(round_=other, unit=unit, by=coordinator)
    offer.min_stay_weeks, offer.max_stay_weeks = 2, 9
    offer.save()
    Round.objects.filter(pk=other.pk).update(status=RoundStatus.OPEN)
    other.refresh_from_db()
    Application.objects.create(
        round=other,
        applicant=make_user("other@example.org"),
        status=ApplicationStatus.SUBMITTED,
        **application_values(other, business_name="Cits veikals", requested_grant_cents=0),
    )
    return other


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_booking_one_unit_at_once_exactly_one_succeeds(
    shop_round, coordinator_of, offer, django_capture_on_commit_callbacks
):
    """Two rounds offer the same unit for the same weeks; their coordinators confirm at the
    same moment. One gets the unit; the other is told why and writes nothing."""
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time; the sequential test covers its check")
    other = second_round_for(shop_round, coordinator_of, offer.unit)
    runs = []
    for round_ in (shop_round, other):
        runs.append(solve(round_, coordinator_of, django_capture_on_commit_callbacks))
        close_window(round_)
    assert all(run.state == AllocationRun.State.DONE for run in runs)
    start = threading.Barrier(2)
    outcomes = []

    def confirm(run):
        round_ = Round.objects.get(pk=run.round_id)
        start.wait()
        try:
            service.run_confirm(run=run, by=coordinator_of, round_version=round_.version)
            outcomes.append("confirmed")
        except ConcurrentEditError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(run,)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes.count("confirmed") == 1, outcomes
    loser = next(text for text in outcomes if text != "confirmed")
    assert "booked" in loser or "Propose again" in loser
    booked = list(
        Sublease.objects.filter(unit=offer.unit).values_list("slot", "starts_on", "ends_on")
    )
    for i, (slot, a, b) in enumerate(booked):
        for other_slot, c, d in booked[i + 1 :]:
            assert slot != other_slot or b < c or d < a, booked
    # Only the winner's round is allocated; the other can propose again and confirm the rest.
    statuses = sorted(Round.objects.values_list("status", flat=True))
    assert statuses.count(RoundStatus.ALLOCATED) == 1


def test_postgresql_refuses_overlapping_subleases_itself(shop_round, offer, coordinator_of):
    """The exclusion constraint holds even for a write that skips the service."""
    from django.db import IntegrityError, connection

    if connection.vendor != "postgresql":
        pytest.skip("exclusion constraints are PostgreSQL's")
    first, second = list(shop_round.applications.order_by("pk"))[:2]
    start = shop_round.programme_starts_on

    def lease(application, days_from, slot=0):
        return Sublease(
            application=application,
            round_unit=offer,
            unit=offer.unit,
            slot=slot,
            starts_on=start + timedelta(days=days_from),
            ends_on=start + timedelta(days=days_from + 13),
        )

    lease(first, 0).save()
    with pytest.raises(IntegrityError):
        from django.db import transaction

        with transaction.atomic():
            lease(second, 7).save()
    lease(second, 7, slot=1).save()  # another place of the unit is free
    assert Sublease.objects.count() == 2


def test_an_application_submitted_or_changed_after_the_proposal_makes_it_stale(
    shop_round, coordinator_of, django_capture_on_commit_callbacks
):
    """Confirming would otherwise reject an application the solver never saw."""
    run = solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    late = Application.objects.create(
        round=shop_round,
        applicant=make_user("late@example.org"),
        status=ApplicationStatus.SUBMITTED,
        **application_values(shop_round, business_name="Vēlais veikals", requested_grant_cents=0),
    )
    close_window(shop_round)
    with pytest.raises(ConcurrentEditError, match="changed after this proposal"):
        service.run_confirm(run=run, by=coordinator_of, round_version=shop_round.version)
    late.delete()
    Application.objects.filter(business_name="Veikals 1").update(version=5)
    with pytest.raises(ConcurrentEditError, match="changed after this proposal"):
        service.run_confirm(run=run, by=coordinator_of, round_version=shop_round.version)
    assert not Sublease.objects.exists()


def test_a_rule_changed_after_the_proposal_makes_it_stale(
    shop_round, coordinator_of, offer, django_capture_on_commit_callbacks
):
    run = solve(shop_round, coordinator_of, django_capture_on_commit_callbacks)
    close_window(shop_round)
    service.rule_set(
        round_=shop_round,
        application=by_name(shop_round, "Veikals 1"),
        offer=offer,
        kind="forbid",
        by=coordinator_of,
    )
    with pytest.raises(ConcurrentEditError, match="changed after this proposal"):
        service.run_confirm(run=run, by=coordinator_of, round_version=shop_round.version)


def test_ids_that_are_not_numbers_find_nothing(client, shop_round, aluksne, coordinator_of):
    client.force_login(coordinator_of)
    url = f"/lv/{aluksne.town.slug}/popup-rounds/{shop_round.pk}/allocation/"
    assert client.post(url + "rules/", {"kind": "pin", "application": "abc"}).status_code == 404
    assert client.post(url + "confirm/", {"run": "abc", "round_version": "x"}).status_code == 404


def test_a_decision_links_in_a_language_the_site_speaks(shop_round):
    """A German application to a Latvian and English town: the link is not a 404."""
    from regrow.popups.services.decisions import site_language

    application = by_name(shop_round, "Veikals 1")
    application.language = "de"
    assert site_language(application, shop_round.town) in shop_round.town.languages
    application.language = "en"
    assert site_language(application, shop_round.town) == "en"
