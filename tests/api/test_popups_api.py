"""The pop-up API beyond the public rounds: a round's units a page at a time, one's own
applications, the jury's work (a juror's own scores only; the coordinators' ranking and
progress) and the allocation, each with the pages' permissions and a bounded query count."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from regrow.popups import services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    AllocationRun,
    Application,
    ConflictOfInterest,
    Criterion,
    Score,
    Sublease,
    WantedUnit,
)
from regrow.towns.models import Role
from tests.fixtures import make_user
from tests.popups.conftest import round_values
from tests.popups.test_applications import application_values
from tests.popups.test_jury import make_juror_user
from tests.premises.conftest import make_unit


@pytest.fixture
def round_(aluksne, coordinator):
    town = aluksne.town
    round_ = services.round_save(town=town, by=coordinator, **round_values(town))
    for number in range(3):
        services.round_unit_add(
            round_=round_,
            unit=make_unit(town, f"ALU-{number}", house_number=str(number + 1)),
            by=coordinator,
        )
    round_.refresh_from_db()
    return services.round_save(
        town=town, by=coordinator, round_=round_, version=round_.version, status=RoundStatus.OPEN
    )


@pytest.fixture
def offers(round_):
    return list(round_.offered_units.select_related("unit").order_by("unit__house_number"))


def make_application(round_, email, name, status=ApplicationStatus.SUBMITTED, wanted=()):
    application = Application.objects.create(
        round=round_,
        applicant=make_user(email, full_name=name.title()),
        status=status,
        submitted_at=None if status == ApplicationStatus.DRAFT else timezone.now(),
        **application_values(round_, business_name=name),
    )
    for rank, offer in enumerate(wanted, start=1):
        WantedUnit.objects.create(application=application, round_unit=offer, rank=rank)
    return application


@pytest.fixture
def applications(round_, offers):
    """Two submitted applications and a draft."""
    return [
        make_application(round_, "medus@example.org", "Medus", wanted=offers[:2]),
        make_application(round_, "sveces@example.org", "Sveces", wanted=offers[1:]),
        make_application(round_, "melnraksts@example.org", "Melnraksts", ApplicationStatus.DRAFT),
    ]


@pytest.fixture
def criteria(round_):
    return [
        Criterion.objects.create(round=round_, names={"lv": "Ideja"}, weight=Decimal(2)),
        Criterion.objects.create(round=round_, names={"lv": "Pieredze"}, weight=Decimal(1)),
    ]


@pytest.fixture
def jurors(aluksne, round_, coordinator):
    people = [aluksne.people[Role.JURY_MEMBER], make_juror_user(aluksne.town, "j2@example.org")]
    return [services.juror_assign(round_=round_, user=p, by=coordinator) for p in people]


def score(juror, application, criteria, values, comment=""):
    for criterion, value in zip(criteria, values, strict=True):
        Score.objects.create(
            juror=juror, application=application, criterion=criterion, value=value, comment=comment
        )


@pytest.fixture
def scored(applications, criteria, jurors):
    """Juror 0 scores Medus and declares a conflict on Sveces (after scoring it); juror 1
    scores both, with comments that nobody else may read."""
    medus, sveces, _draft = applications
    first, second = jurors
    score(first, medus, criteria, (8, 6), "Mana piezīme")
    score(first, sveces, criteria, (10, 10))
    ConflictOfInterest.objects.create(juror=first, application=sveces, note="Kaimiņš")
    score(second, medus, criteria, (6, 6), "Slepena otrā vērtējuma piezīme")
    score(second, sveces, criteria, (4, 4), "Slepena otrā vērtējuma piezīme")
    return applications


# --- A round's public units -------------------------------------------------------------


def test_a_public_rounds_units_come_a_page_at_a_time(
    client, round_, offers, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        first = client.get(f"/api/rounds/{round_.pk}/units?page_size=2").json()
    assert first["count"] == 3
    assert [unit["id"] for unit in first["results"]] == [offers[0].pk, offers[1].pk]
    assert first["results"][0]["rent_phases"] == [{"starts_at": 1, "amount_cents": 20_000}]
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    assert [unit["id"] for unit in second["results"]] == [offers[2].pk]
    assert second["next"] is None
    assert client.get(f"/api/rounds/{round_.pk}/units?page=3&page_size=2").status_code == 404
    response = client.get(f"/api/rounds/{round_.pk}/units?pagesize=2")
    assert response.status_code == 422 and "pagesize" in response.json()["detail"]


def test_a_draft_rounds_units_are_not_public(client, aluksne, coordinator):
    draft = services.round_save(town=aluksne.town, by=coordinator, **round_values(aluksne.town))
    assert client.get(f"/api/rounds/{draft.pk}/units").status_code == 404
    client.force_login(coordinator)
    assert client.get(f"/api/rounds/{draft.pk}/units").status_code == 404


# --- One's own applications ----------------------------------------------------------------


def test_my_applications_need_a_signed_in_person(client, db):
    assert client.get("/api/me/popup-applications").status_code == 401


def test_an_applicant_reads_their_own_applications_only(
    client, round_, offers, applications, django_assert_max_num_queries
):
    medus, _sveces, draft = applications
    Application.objects.filter(pk=medus.pk).update(
        status=ApplicationStatus.ACCEPTED, decided_at=timezone.now()
    )
    starts = round_.programme_starts_on
    Sublease.objects.create(
        application=medus,
        round_unit=offers[0],
        unit=offers[0].unit,
        starts_on=starts,
        ends_on=starts + timedelta(days=13),
        rent_cents_per_month=10_000,
    )
    client.force_login(medus.applicant)
    with django_assert_max_num_queries(6):
        data = client.get("/api/me/popup-applications").json()
    (mine,) = data["results"]
    assert data["count"] == 1
    assert mine["id"] == medus.pk and mine["business_name"] == "Medus"
    assert mine["status"] == mine["decision"] == "accepted"
    assert mine["round"]["town"] == "aluksne" and mine["round"]["id"] == round_.pk
    assert [(w["rank"], w["offer"]) for w in mine["wanted"]] == [
        (1, offers[0].pk),
        (2, offers[1].pk),
    ]
    assert mine["wanted"][0]["address"] == offers[0].unit.display_address
    assert mine["sublease"]["days"] == 14
    assert mine["sublease"]["starts_on"] == starts.isoformat()
    assert mine["sublease"]["status"] == "confirmed"
    # The applicant's own draft is theirs to read; nobody's else.
    client.force_login(draft.applicant)
    (own,) = client.get("/api/me/popup-applications").json()["results"]
    assert own["id"] == draft.pk and own["decision"] is None and own["sublease"] is None
    assert own["submitted_at"] is None


def test_my_applications_take_the_same_queries_for_many(
    client, aluksne, coordinator, offers, django_assert_max_num_queries
):
    applicant = make_user("many@example.org")
    town = aluksne.town
    for number in range(6):
        other = services.round_save(town=town, by=coordinator, **round_values(town))
        Application.objects.create(
            round=other,
            applicant=applicant,
            **application_values(other, business_name=f"Veikals {number}"),
        )
    client.force_login(applicant)
    with django_assert_max_num_queries(6):
        data = client.get("/api/me/popup-applications?page_size=5").json()
    assert data["count"] == 6 and len(data["results"]) == 5 and data["next"]


# --- The jury ---------------------------------------------------------------------------------


def test_a_juror_lists_their_rounds(client, aluksne, altena, round_, jurors):
    client.force_login(jurors[0].user)
    data = client.get("/api/towns/aluksne/jury/rounds").json()
    assert [row["id"] for row in data["results"]] == [round_.pk]
    # A jury member not seated on it sees no round; other roles and towns are refused.
    client.force_login(make_juror_user(aluksne.town, "unseated@example.org"))
    assert client.get("/api/towns/aluksne/jury/rounds").json()["count"] == 0
    for person in (aluksne.people[Role.COORDINATOR], altena.people[Role.JURY_MEMBER]):
        client.force_login(person)
        assert client.get("/api/towns/aluksne/jury/rounds").status_code == 403
    client.logout()
    assert client.get("/api/towns/aluksne/jury/rounds").status_code == 401


def applications_url(round_):
    return f"/api/towns/aluksne/jury/rounds/{round_.pk}/applications"


def test_a_juror_reads_submitted_applications_with_their_own_scores_only(
    client, round_, offers, scored, criteria, jurors, django_assert_max_num_queries
):
    medus, sveces, _draft = scored
    client.force_login(jurors[0].user)
    with django_assert_max_num_queries(13):
        response = client.get(applications_url(round_))
    data = response.json()
    assert [c["id"] for c in data["criteria"]] == [c.pk for c in criteria]
    assert data["closed"] is False
    by_id = {row["id"]: row for row in data["results"]}
    assert set(by_id) == {medus.pk, sveces.pk}  # no draft
    mine = by_id[medus.pk]
    assert mine["progress"] == "scored" and mine["conflict"] is None
    assert [(s["criterion"], s["value"]) for s in mine["my_scores"]] == [
        (criteria[0].pk, 8),
        (criteria[1].pk, 6),
    ]
    assert mine["applicant"] == {"name": "Medus", "email": "medus@example.org"}
    assert [w["offer"] for w in mine["wanted"]] == [offers[0].pk, offers[1].pk]
    conflicted = by_id[sveces.pk]
    assert conflicted["progress"] == "conflict"
    assert conflicted["conflict"]["note"] == "Kaimiņš"
    # Another juror's scores and comments never come, with or without a conflict.
    text = response.content.decode()
    assert "Slepena" not in text
    assert '"value": 4' not in text and '"value":4' not in text


def test_the_juror_query_count_does_not_grow_with_applications(
    client, round_, offers, criteria, jurors, django_assert_max_num_queries
):
    for number in range(8):
        application = make_application(
            round_, f"a{number}@example.org", f"Veikals {number}", wanted=offers
        )
        score(jurors[0], application, criteria, (5, 5))
    client.force_login(jurors[0].user)
    with django_assert_max_num_queries(13):
        data = client.get(applications_url(round_)).json()
    assert data["count"] == 8
    assert all(row["progress"] == "scored" for row in data["results"])


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 401),
        ("unseated_juror", 404),
        ("other_town_juror", 403),
        ("coordinator", 403),
        ("applicant", 403),
    ],
)
def test_people_off_the_jury_do_not_read_its_applications(
    client, aluksne, altena, round_, scored, jurors, who, status
):
    people = {
        "unseated_juror": lambda: make_juror_user(aluksne.town, "unseated@example.org"),
        "other_town_juror": lambda: altena.people[Role.JURY_MEMBER],
        "coordinator": lambda: aluksne.people[Role.COORDINATOR],
        "applicant": lambda: scored[0].applicant,
    }
    if who in people:
        client.force_login(people[who]())
    assert client.get(applications_url(round_)).status_code == status


def test_a_juror_of_another_towns_round_gets_404_here(client, altena, round_, jurors):
    client.force_login(jurors[0].user)
    # The right role in Alūksne, but the round asked for under it does not exist there.
    assert client.get("/api/towns/aluksne/jury/rounds/999999/applications").status_code == 404
    assert client.get(f"/api/towns/altena/jury/rounds/{round_.pk}/applications").status_code == (
        403
    )


def test_coordinators_read_the_ranking_and_the_jurors_progress(
    client, round_, scored, criteria, jurors, coordinator, django_assert_max_num_queries
):
    medus, sveces, _draft = scored
    client.force_login(coordinator)
    with django_assert_max_num_queries(11):
        ranking = client.get(f"/api/towns/aluksne/rounds/{round_.pk}/ranking").json()
    rows = ranking["results"]
    # Medus: (2 * mean(8, 6) + mean(6, 6)) / 3 = 6.67. Sveces: juror 0's 10s do not count
    # after their conflict, so 4.00.
    assert [(row["rank"], row["application"], row["score"]) for row in rows] == [
        (1, medus.pk, 6.67),
        (2, sveces.pk, 4.0),
    ]
    assert [row["jurors"] for row in rows] == [2, 1]
    assert [c["weight"] for c in ranking["criteria"]] == [2.0, 1.0]
    second_page = client.get(f"/api/towns/aluksne/rounds/{round_.pk}/ranking?page=2&page_size=1")
    assert second_page.json()["results"][0]["rank"] == 2
    with django_assert_max_num_queries(11):
        progress = client.get(f"/api/towns/aluksne/rounds/{round_.pk}/jurors").json()
    assert [(row["scored"], row["conflicts"], row["to_score"]) for row in progress["results"]] == [
        (1, 1, 0),
        (2, 0, 0),
    ]
    assert progress["results"][0]["person"]["email"] == jurors[0].user.email


@pytest.mark.parametrize("path", ["ranking", "jurors"])
def test_only_the_rounds_coordinators_read_the_ranking(
    client, aluksne, altena, round_, scored, jurors, path
):
    url = f"/api/towns/aluksne/rounds/{round_.pk}/{path}"
    assert client.get(url).status_code == 401
    for person in (altena.people[Role.COORDINATOR], jurors[0].user, scored[0].applicant):
        client.force_login(person)
        assert client.get(url).status_code == 403
    # Altena's coordinator under their own town: no such round there.
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(f"/api/towns/altena/rounds/{round_.pk}/{path}").status_code == 404


# --- The allocation ---------------------------------------------------------------------------


@pytest.fixture
def run(round_, offers, scored, coordinator):
    medus, sveces, _draft = scored
    starts = round_.programme_starts_on
    result = {
        "status": "optimal",
        "objective": 12.5,
        "bound": 12.5,
        "gap": 0.0,
        "seconds": 0.4,
        "method": "milp",
        "placements": [
            {
                "application": medus.pk,
                "offer": offers[0].pk,
                "slot": 0,
                "starts_on": starts.isoformat(),
                "ends_on": (starts + timedelta(days=27)).isoformat(),
                "weeks": 4,
            }
        ],
        "left_out": [
            {
                "application": sveces.pk,
                "codes": ["taken", "budget"],
                "holders": [[offers[0].pk, [medus.pk]]],
                "streets": [],
                "remaining_budget_cents": 0,
                "cost_at_least": None,
                "cost_at_most": 3.5,
            }
        ],
    }
    AllocationRun.objects.create(
        round=round_, requested_by=coordinator, state="failed", round_version=1, error="old"
    )
    return AllocationRun.objects.create(
        round=round_,
        requested_by=coordinator,
        state=AllocationRun.State.DONE,
        round_version=round_.version,
        result=result,
    )


def allocation_url(round_, tail=""):
    return f"/api/towns/aluksne/rounds/{round_.pk}/allocation{tail}"


def test_no_run_yet_is_said_plainly(client, round_, coordinator):
    client.force_login(coordinator)
    assert client.get(allocation_url(round_)).json() == {"run": None}
    empty = client.get(allocation_url(round_, "/placements")).json()
    assert empty["count"] == 0 and empty["run"] is None and empty["results"] == []


def test_coordinators_read_the_latest_run_with_names_and_addresses(
    client, round_, offers, scored, run, coordinator, django_assert_max_num_queries
):
    medus, _sveces, _draft = scored
    client.force_login(coordinator)
    with django_assert_max_num_queries(8):
        summary = client.get(allocation_url(round_)).json()["run"]
    assert summary["id"] == run.pk and summary["state"] == "done"
    assert summary["status"] == "optimal" and summary["gap"] == 0.0
    assert (summary["placements"], summary["left_out"], summary["current"]) == (1, 1, True)
    with django_assert_max_num_queries(10):
        placed = client.get(allocation_url(round_, "/placements")).json()
    (placement,) = placed["results"]
    assert placed["run"] == run.pk
    assert placement["business_name"] == "Medus"
    assert placement["address"] == offers[0].unit.display_address
    assert placement["weeks"] == 4
    with django_assert_max_num_queries(10):
        left = client.get(allocation_url(round_, "/left-out")).json()
    (row,) = left["results"]
    assert row["business_name"] == "Sveces" and row["codes"] == ["taken", "budget"]
    assert row["holders"] == [
        {
            "offer": offers[0].pk,
            "address": offers[0].unit.display_address,
            "applications": [{"id": medus.pk, "business_name": "Medus"}],
        }
    ]
    assert row["cost_at_most"] == 3.5 and row["cost_at_least"] is None


def test_an_erased_application_in_a_plan_has_no_name(client, round_, scored, run, coordinator):
    medus_id = scored[0].pk
    scored[0].delete()
    client.force_login(coordinator)
    (placement,) = client.get(allocation_url(round_, "/placements")).json()["results"]
    assert placement["application"] == medus_id and placement["business_name"] is None


def test_coordinators_read_the_rounds_subleases_a_page_at_a_time(
    client, round_, offers, scored, coordinator, django_assert_max_num_queries
):
    starts = round_.programme_starts_on
    for application, offer in zip(scored[:2], offers, strict=False):
        Sublease.objects.create(
            application=application,
            round_unit=offer,
            unit=offer.unit,
            starts_on=starts,
            ends_on=starts + timedelta(days=6),
            grant_cents=5_000,
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(9):
        first = client.get(f"/api/towns/aluksne/rounds/{round_.pk}/subleases?page_size=1").json()
    assert first["count"] == 2
    (row,) = first["results"]
    assert row["application"] == {"id": scored[0].pk, "business_name": "Medus"}
    assert row["address"] == offers[0].unit.display_address
    assert row["days"] == 7 and row["grant_cents"] == 5_000
    second = client.get(first["next"]).json()
    assert second["results"][0]["application"]["business_name"] == "Sveces"


@pytest.mark.parametrize("tail", ["", "/placements", "/left-out", "subleases"])
def test_only_the_towns_coordinators_read_the_allocation(
    client, aluksne, altena, round_, scored, run, jurors, tail
):
    url = (
        f"/api/towns/aluksne/rounds/{round_.pk}/subleases"
        if tail == "subleases"
        else allocation_url(round_, tail)
    )
    assert client.get(url).status_code == 401
    for person in (
        altena.people[Role.COORDINATOR],
        jurors[0].user,
        scored[0].applicant,
        aluksne.people[Role.EDITOR],
    ):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 403
        assert "Medus" not in response.content.decode()
    client.force_login(altena.people[Role.COORDINATOR])
    other = url.replace("/aluksne/", "/altena/")
    assert client.get(other).status_code == 404


def test_the_allocation_refuses_unknown_parameters(client, round_, coordinator):
    client.force_login(coordinator)
    response = client.get(allocation_url(round_) + "?page=2")
    assert response.status_code == 422
    assert "page" in json.loads(response.content)["detail"]
