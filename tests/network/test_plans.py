"""The Transfer Plan's services: starting a plan, saving sections with optimistic locking,
moving versions on (draft → peer review → final → a new draft) and what versions keep."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.lib.concurrency import ConcurrentEditError
from regrow.network.models import (
    PlanAction,
    PlanSection,
    PlanVersion,
    SectionKey,
    TransferPlan,
)
from regrow.network.services import plans as services
from regrow.network.services.actions import action_save, risk_save
from tests.network.plans_data import make_plan_network

Status = PlanVersion.Status
START = SectionKey.STARTING_POINT


@pytest.fixture
def plan_network(db):
    return make_plan_network()


@pytest.fixture
def plan(plan_network):
    return plan_network.start_plan()


def save(plan, by, body, *, key=START, number=None, version=None):
    latest = plan.versions.order_by("-number").first()
    section = PlanSection.objects.get(plan_version=latest, key=key)
    return services.section_save(
        plan=plan,
        key=key,
        body=body,
        number=latest.number if number is None else number,
        version=section.version if version is None else version,
        by=by,
    )


def submit(plan, by):
    latest = plan.versions.order_by("-number").first()
    return services.version_submit(plan=plan, number=latest.number, version=latest.version, by=by)


def finalise(plan, by):
    latest = plan.versions.order_by("-number").first()
    return services.version_finalise(plan=plan, number=latest.number, version=latest.version, by=by)


def test_a_plan_starts_as_a_draft_with_every_section_empty(plan_network, plan):
    version = plan.versions.get()
    assert (version.number, version.status) == (1, Status.DRAFT)
    keys = set(version.sections.values_list("key", flat=True))
    assert keys == set(SectionKey.values)
    assert plan.language == "lv"


def test_a_partner_has_one_plan_and_only_its_coordinators_start_it(plan_network, plan):
    with pytest.raises(ValidationError, match="has a Transfer Plan already"):
        plan_network.start_plan()
    for name in ("melgaco_author", "lead", "expert", "outsider", "altena_town"):
        with pytest.raises(PermissionDenied):
            services.plan_start(
                partner=plan_network.partners["aluksne"],
                title="Cits",
                language="lv",
                by=plan_network.people[name],
            )
    assert TransferPlan.objects.count() == 1


def test_a_section_is_sanitised_as_publishing_sanitises(plan_network, plan):
    author = plan_network.people["aluksne_author"]
    saved = save(plan, author, '<p onclick="x()">Tukšas <script>alert(1)</script>telpas</p>')
    assert saved.section.body == "<p>Tukšas telpas</p>"
    assert saved.section.version == 2
    assert saved.started is None


def test_the_second_of_two_saves_of_a_section_is_refused_with_the_first_ones_text(
    plan_network, plan
):
    first, second = plan_network.people["aluksne_author"], plan_network.people["aluksne_second"]
    save(plan, first, "<p>Sākums</p>")  # both open version 2 of the section
    save(plan, first, "<p>Pirmās teksts</p>", version=2)
    with pytest.raises(services.SectionConflict) as conflict:
        save(plan, second, "<p>Otrās teksts</p>", version=2)
    assert conflict.value.current.body == "<p>Pirmās teksts</p>"
    assert conflict.value.current.version == 3
    stored = PlanSection.objects.get(plan_version__plan=plan, key=START)
    assert stored.body == "<p>Pirmās teksts</p>"
    assert stored.updated_by == first
    # Saved again from the other's version, the second text goes in.
    save(plan, second, "<p>Abu teksts</p>", version=3)
    assert PlanSection.objects.get(plan_version__plan=plan, key=START).body == "<p>Abu teksts</p>"


def test_other_sections_save_independently(plan_network, plan):
    first, second = plan_network.people["aluksne_author"], plan_network.people["aluksne_second"]
    save(plan, first, "<p>A</p>", key=START, version=1)
    save(plan, second, "<p>B</p>", key=SectionKey.RISKS, version=1)
    bodies = dict(PlanSection.objects.filter(plan_version__plan=plan).values_list("key", "body"))
    assert (bodies[START], bodies[SectionKey.RISKS]) == ("<p>A</p>", "<p>B</p>")


def test_no_edits_while_in_review_and_an_empty_plan_is_not_sent(plan_network, plan):
    author = plan_network.people["aluksne_author"]
    with pytest.raises(ValidationError, match="at least one section"):
        submit(plan, author)
    save(plan, author, "<p>Teksts</p>")
    version = submit(plan, author)
    assert version.status == Status.IN_REVIEW and version.submitted_at
    with pytest.raises(ValidationError, match="in peer review"):
        save(plan, author, "<p>Labojums</p>")
    assert PlanSection.objects.get(plan_version=version, key=START).body == "<p>Teksts</p>"
    with pytest.raises(ValidationError, match="while it is a draft"):
        submit(plan, author)


def test_editing_a_final_version_starts_a_new_draft_and_leaves_the_final_one(plan_network, plan):
    author = plan_network.people["aluksne_author"]
    save(plan, author, "<p>Pirmā versija</p>")
    save(plan, author, "<p>Riski</p>", key=SectionKey.RISKS, version=1)
    submit(plan, author)
    final = finalise(plan, author)
    assert final.status == Status.FINAL and final.finalised_at
    saved = save(plan, author, "<p>Otrā versija</p>")
    draft = saved.started
    assert (draft.number, draft.status, draft.based_on) == (2, Status.DRAFT, final)
    assert PlanSection.objects.get(plan_version=final, key=START).body == "<p>Pirmā versija</p>"
    copied = dict(draft.sections.values_list("key", "body"))
    assert copied[START] == "<p>Otrā versija</p>"
    assert copied[SectionKey.RISKS] == "<p>Riski</p>"  # the other sections came along


def test_a_save_from_the_final_version_goes_into_a_draft_started_meanwhile(plan_network, plan):
    first, second = plan_network.people["aluksne_author"], plan_network.people["aluksne_second"]
    save(plan, first, "<p>Sākums</p>")
    save(plan, first, "<p>Riski</p>", key=SectionKey.RISKS, version=1)
    submit(plan, first)
    finalise(plan, first)
    # Both open version 1; the first saves the risks (starting version 2) …
    save(plan, first, "<p>Jauni riski</p>", key=SectionKey.RISKS, number=1, version=2)
    # … the second's save of another, untouched section goes into version 2 …
    saved = save(plan, second, "<p>Jauns sākums</p>", number=1, version=2)
    assert saved.section.plan_version.number == 2 and saved.started is None
    # … but a save of the section the first changed is refused, with the first's text.
    with pytest.raises(services.SectionConflict) as conflict:
        save(plan, second, "<p>Citi riski</p>", key=SectionKey.RISKS, number=1, version=2)
    assert conflict.value.current.body == "<p>Jauni riski</p>"
    assert plan.versions.count() == 2


def test_versions_keep_the_actions_risks_and_indicators_of_their_time(plan_network, plan):
    author = plan_network.people["aluksne_author"]
    action = action_save(
        plan=plan,
        by=author,
        title="Aicinājums",
        owner="Attīstības nodaļa",
        starts_on=date(2019, 7, 1),
        due_on=date(2019, 7, 31),
        budget_cents=120_050,
        funding_source="town_budget",
        status=PlanAction.Status.PLANNED,
    )
    risk_save(plan=plan, by=author, description="Īpašnieki atsakās", likelihood=2, impact=3)
    save(plan, author, "<p>Teksts</p>")
    submitted = submit(plan, author)
    kept = submitted.snapshot["actions"][0]
    assert kept["title"] == "Aicinājums" and kept["budget_cents"] == 120_050
    assert kept["starts_on"] == "2019-07-01"
    assert submitted.snapshot["risks"][0]["impact"] == 3
    action_save(plan=plan, by=author, action=action, version=action.version, **{
        **{name: getattr(action, name) for name in ("title", "owner", "starts_on", "due_on")},
        "budget_cents": 0, "status": PlanAction.Status.DONE,
    })  # fmt: skip
    submitted.refresh_from_db()
    assert submitted.snapshot["actions"][0]["budget_cents"] == 120_050  # kept as it was
    final = finalise(plan, author)
    assert final.snapshot["actions"][0]["status"] == PlanAction.Status.DONE  # taken again


def test_status_changes_are_refused_to_others_and_on_a_stale_version(plan_network, plan):
    author = plan_network.people["aluksne_author"]
    save(plan, author, "<p>Teksts</p>")
    version = plan.versions.get()
    with pytest.raises(PermissionDenied):
        services.version_submit(
            plan=plan, number=1, version=version.version, by=plan_network.people["expert"]
        )
    with pytest.raises(ConcurrentEditError):
        services.version_submit(plan=plan, number=1, version=version.version + 5, by=author)
    assert plan.versions.get().status == Status.DRAFT
    with pytest.raises(ValidationError, match="not final yet"):
        services.version_start(plan=plan, by=author)
