"""The jury's services and reads: assigning jurors, conflicts, score validation, the ranking."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.popups import jury, selectors, services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application, Criterion, Score
from regrow.towns.models import Membership, Role
from tests.fixtures import make_user
from tests.popups.test_applications import application_values


def make_juror_user(town, email):
    user = make_user(email, full_name=email.split("@")[0])
    Membership.objects.create(user=user, town=town, role=Role.JURY_MEMBER)
    return user


def submitted(round_, n):
    return Application.objects.create(
        round=round_,
        applicant=make_user(f"applicant{n}@example.org"),
        status=ApplicationStatus.SUBMITTED,
        **application_values(round_, business_name=f"Veikals {n}"),
    )


@pytest.fixture
def criteria(open_round):
    return [
        Criterion.objects.create(round=open_round, names={"lv": "Ideja"}, weight=Decimal(2)),
        Criterion.objects.create(round=open_round, names={"lv": "Pieredze"}, weight=Decimal(1)),
    ]


@pytest.fixture
def jurors(aluksne, open_round, coordinator_of):
    people = [aluksne.people[Role.JURY_MEMBER]] + [
        make_juror_user(aluksne.town, f"juror{n}@example.org") for n in (2, 3)
    ]
    return [
        services.juror_assign(round_=open_round, user=person, by=coordinator_of)
        for person in people
    ]


@pytest.fixture
def application(open_round):
    return submitted(open_round, 1)


def sheet(criteria, *values):
    return {criterion.pk: (value, "") for criterion, value in zip(criteria, values, strict=True)}


def test_only_jury_members_of_the_town_are_assigned(aluksne, altena, open_round, coordinator_of):
    editor = aluksne.people[Role.EDITOR]
    with pytest.raises(ValidationError) as error:
        services.juror_assign(round_=open_round, user=editor, by=coordinator_of)
    assert "user" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.juror_assign(
            round_=open_round, user=altena.people[Role.JURY_MEMBER], by=coordinator_of
        )
    with pytest.raises(PermissionDenied):
        services.juror_assign(
            round_=open_round,
            user=aluksne.people[Role.JURY_MEMBER],
            by=aluksne.people[Role.JURY_MEMBER],
        )
    services.juror_assign(
        round_=open_round, user=aluksne.people[Role.JURY_MEMBER], by=coordinator_of
    )
    with pytest.raises(ValidationError) as error:
        services.juror_assign(
            round_=open_round, user=aluksne.people[Role.JURY_MEMBER], by=coordinator_of
        )
    assert "already" in error.value.message_dict["user"][0]


@pytest.mark.parametrize("value", [-1, 11, "7.5", "x", None])
def test_a_score_outside_0_to_10_is_refused_naming_the_field(application, criteria, jurors, value):
    person = jurors[0].user
    with pytest.raises(ValidationError) as error:
        services.scores_save(application=application, by=person, values=sheet(criteria, value, 5))
    assert list(error.value.message_dict) == [f"score_{criteria[0].pk}"]
    assert not Score.objects.exists()


def test_scores_are_saved_and_updated_in_place(application, criteria, jurors):
    person = jurors[0].user
    services.scores_save(application=application, by=person, values=sheet(criteria, 0, 10))
    services.scores_save(application=application, by=person, values=sheet(criteria, 4, 6))
    assert sorted(Score.objects.values_list("value", flat=True)) == [4, 6]


def test_a_declared_conflict_refuses_scoring_and_hides_the_others_scores(
    application, criteria, jurors
):
    first, second = jurors[0], jurors[1]
    services.scores_save(application=application, by=second.user, values=sheet(criteria, 8, 8))
    assert len(jury.others_scores(first, application)) == 2
    services.conflict_declare(application=application, by=first.user, note="Mana māsa.")
    with pytest.raises(ValidationError) as error:
        services.scores_save(application=application, by=first.user, values=sheet(criteria, 5, 5))
    assert "conflict" in error.value.messages[0]
    assert jury.others_scores(first, application) == []
    assert not Score.objects.filter(juror=first).exists()


def test_drafts_other_rounds_and_allocated_rounds_are_not_scored(
    application, criteria, jurors, open_round, coordinator_of, aluksne
):
    person = jurors[0].user
    draft = Application.objects.create(
        round=open_round, applicant=make_user("d@example.org"), **application_values(open_round)
    )
    with pytest.raises(ValidationError):
        services.scores_save(application=draft, by=person, values=sheet(criteria, 5, 5))
    assert not selectors.may_see_application(person, draft)
    assert selectors.may_see_application(person, application)
    open_round.status = RoundStatus.ALLOCATED
    open_round.save()
    application.round.refresh_from_db()
    with pytest.raises(ValidationError):
        services.scores_save(application=application, by=person, values=sheet(criteria, 5, 5))
    outsider = make_juror_user(aluksne.town, "notassigned@example.org")
    with pytest.raises(PermissionDenied):
        services.conflict_declare(application=application, by=outsider)
    assert not selectors.may_see_application(outsider, application)


def test_weighted_score_by_hand():
    weights = {1: Decimal(2), 2: Decimal(1)}
    # criterion 1: mean 7 (6, 8); criterion 2: mean 4 → (2·7 + 1·4) / 3 = 6
    assert jury.weighted_score(weights, {1: [6, 8], 2: [4]}) == Decimal("6.00")
    # a criterion nobody scored counts 0: 2·9 / 3 = 6
    assert jury.weighted_score(weights, {1: [9]}) == Decimal("6.00")
    assert jury.weighted_score(weights, {}) is None


def test_ranking_leaves_out_conflicted_jurors(open_round, criteria, jurors):
    a, b = submitted(open_round, 1), submitted(open_round, 2)
    first, second, third = (juror.user for juror in jurors)
    services.scores_save(application=a, by=first, values=sheet(criteria, 10, 10))
    services.scores_save(application=a, by=second, values=sheet(criteria, 4, 1))
    services.scores_save(application=b, by=first, values=sheet(criteria, 6, 9))
    services.scores_save(application=b, by=second, values=sheet(criteria, 8, 3))
    # `first` scored a, then declares a conflict on it: their 10s no longer count.
    services.conflict_declare(application=a, by=first)
    rows = jury.ranking(open_round)
    # b: (2·7 + 1·6) / 3 = 6.67; a: (2·4 + 1·1) / 3 = 3
    assert [(row.application, row.score, row.jurors) for row in rows] == [
        (b, Decimal("6.67"), 2),
        (a, Decimal("3.00"), 1),
    ]
    progress = {row.juror.user: row for row in jury.jurors_progress(open_round)}
    assert (progress[first].scored, progress[first].conflicts, progress[first].to_score) == (
        1,
        1,
        0,
    )
    assert (progress[second].scored, progress[second].to_score) == (2, 0)
    assert (progress[third].scored, progress[third].to_score) == (0, 2)


def test_the_juror_list_and_the_ranking_take_bounded_queries(
    open_round, criteria, jurors, django_assert_max_num_queries
):
    for n in range(12):
        application = submitted(open_round, n)
        for juror in jurors:
            services.scores_save(
                application=application, by=juror.user, values=sheet(criteria, n % 11, 5)
            )
    with django_assert_max_num_queries(3):
        rows = list(jury.applications_for_juror(jurors[0]))
        assert [jury.progress_of(row, 2) for row in rows] == [jury.SCORED] * 12
    with django_assert_max_num_queries(4):
        assert len(jury.ranking(open_round)) == 12
    with django_assert_max_num_queries(5):
        assert [row.scored for row in jury.jurors_progress(open_round)] == [12, 12, 12]
