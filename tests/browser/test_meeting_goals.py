"""Three-month goals on a Latvian phone: Alūksne's partner coordinator sets two goals at the
kick-off meeting (the first refused once for a missing owner, with what was typed kept), finds
them as actions of the town's Transfer Plan, and at the next meeting reviews them (achieved,
partly achieved) with comments; a change clashing with the lead's keeps what was typed and is
saved when sent again; a later meeting shows a review without changing it; Melgaço's
coordinator may not review them. axe finds nothing
on any page. Screenshots go to $REGROW_SHOTS_DIR when it is set (else the test's tmp_path)."""

import os
from datetime import date
from pathlib import Path

from playwright.sync_api import expect

from regrow.network.models import Goal, PlanAction
from regrow.network.services import goals as services
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET
from tests.network.goals_data import make_goals_world, make_meeting


def assert_fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def check(page, shots: Path, name: str) -> None:
    assert_no_axe_violations(page)
    assert_fits_the_phone(page)
    page.screenshot(path=shots / f"{name}.png", full_page=True)


def test_goals_are_set_at_one_meeting_and_reviewed_at_the_next(
    new_page, transactional_db, tmp_path
):
    shots = Path(os.environ.get("REGROW_SHOTS_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    world = make_goals_world()
    partner = world.partners["aluksne"]
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, world.people["aluksne_author"].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    # At the kick-off: the goals' page, and a goal refused for a missing owner.
    goals = world.url(world.first, "goals/", "lv")
    page.goto(goals)
    check(page, shots, "1-goals-empty")
    page.locator(f"a[href='{goals}partners/{partner.pk}/add/']").click()
    expect(page.locator("#id_due_on")).to_have_value("01.05.2019")
    page.fill("#id_title", "Aicinājums īpašniekiem piedāvāt tukšās telpas")
    page.fill("#id_description", "Vēstule katram centra telpu īpašniekam")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#id_owner_error")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Aicinājums īpašniekiem piedāvāt tukšās telpas")
    expect(page.locator("#id_description")).to_have_value("Vēstule katram centra telpu īpašniekam")
    check(page, shots, "2-goal-refused")
    page.fill("#id_owner", "Attīstības nodaļa")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{goals}#partner-{partner.pk}")
    expect(page.locator(f"#partner-{partner.pk}")).to_contain_text("Aicinājums īpašniekiem")

    page.locator(f"a[href='{goals}partners/{partner.pk}/add/']").click()
    page.fill("#id_title", "Tukšo telpu karte")
    page.fill("#id_owner", "Ģeogrāfiskās informācijas speciālists")
    page.fill("#id_due_on", "30.04.2019")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{goals}#partner-{partner.pk}")
    check(page, shots, "3-goals-set")

    # A goal's page changes it with its action; removing it asks first (and is not done here).
    second = Goal.objects.get(title="Tukšo telpu karte")
    page.locator(f"a[href='{goals}{second.pk}/']").click()
    expect(page.locator("#id_owner")).to_have_value("Ģeogrāfiskās informācijas speciālists")
    check(page, shots, "3a-goal-edit")
    # The lead changes it meanwhile: the clash keeps what was typed, and sending again saves it.
    services.goal_change(
        goal=second,
        by=world.people["lead"],
        version=second.version,
        title=second.title,
        description="",
        owner="ĢIS nodaļa",
        due_on=second.due_on,
    )
    page.fill("#id_owner", "Ģeogrāfiskās informācijas speciāliste")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#stored-heading")).to_be_visible()
    expect(page.locator("main")).to_contain_text("ĢIS nodaļa")
    expect(page.locator("#id_owner")).to_have_value("Ģeogrāfiskās informācijas speciāliste")
    check(page, shots, "3c-goal-clash")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{goals}#partner-{partner.pk}")
    assert Goal.objects.get(pk=second.pk).owner == "Ģeogrāfiskās informācijas speciāliste"
    page.goto(f"{goals}{second.pk}/")
    page.locator(f"a[href='{goals}{second.pk}/remove/']").click()
    check(page, shots, "3b-goal-remove")
    page.locator(f"a[href='{goals}{second.pk}/']").click()
    page.wait_for_url(f"**{goals}{second.pk}/")

    # Both are actions of Alūksne's Transfer Plan.
    plan = partner.plan
    page.goto(f"/lv/regrow-city/plans/{plan.pk}/actions/")
    table = page.locator("main table").first
    expect(table).to_contain_text("Aicinājums īpašniekiem")
    expect(table).to_contain_text("Tukšo telpu karte")
    assert PlanAction.objects.filter(plan=plan, goal__isnull=False).count() == 2

    # At the next meeting: its page lists the kick-off's goals waiting for review.
    reviews = world.url(world.second, "goal-reviews/", "lv")
    page.goto(world.url(world.second, "", "lv"))
    panel = page.locator("section[aria-labelledby=goals-panel-heading]")
    expect(panel).to_contain_text("Tukšo telpu karte")
    expect(panel).to_contain_text("Aicinājums īpašniekiem")
    check(page, shots, "4-meeting-panel")
    panel.locator(f"a[href='{reviews}']").click()
    page.wait_for_url(f"**{reviews}")
    check(page, shots, "4-review-waiting")
    for title, outcome, comment in (
        ("Aicinājums īpašniekiem piedāvāt tukšās telpas", "achieved", "Atbildēja 7 no 9"),
        ("Tukšo telpu karte", "partly", "Karte gatava, trūkst fotoattēlu"),
    ):
        goal = Goal.objects.get(title=title)
        page.locator(f"a[href='{reviews}{goal.pk}/']").click()
        page.locator(f"input[name=outcome][value={outcome}]").check()
        page.fill("#id_comment", comment)
        if outcome == "achieved":
            check(page, shots, "5-review-form")
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"**{reviews}#partner-{partner.pk}")
    expect(page.locator("main")).to_contain_text("Atbildēja 7 no 9")
    check(page, shots, "6-reviewed")
    page.goto(world.url(world.second, "", "lv"))
    expect(page.locator("section[aria-labelledby=goals-panel-heading]")).not_to_contain_text(
        "Tukšo telpu karte"
    )
    statuses = dict(Goal.objects.values_list("outcome", "action__status"))
    assert statuses == {"achieved": "done", "partly": "in_progress"}

    # A later meeting shows a review made at this one without changing it.
    third = make_meeting(
        world.net.network,
        None,
        date(2019, 9, 2),
        date(2019, 9, 2),
        kind="online",
        titles={"en": "Online meeting", "lv": "Tiešsaistes sanāksme"},
    )
    goal = Goal.objects.get(outcome="partly")
    page.goto(world.url(third, f"goal-reviews/{goal.pk}/", "lv"))
    expect(page.locator("main [role=alert]")).to_contain_text("Tematiskā sanāksme Melgasu")
    assert page.locator("input[name=outcome]").count() == 0
    check(page, shots, "6a-reviewed-elsewhere")

    # The town's goals over all meetings.
    page.goto(f"/lv/regrow-city/members/partners/{partner.pk}/goals/")
    expect(page.locator("main")).to_contain_text("Karte gatava")
    check(page, shots, "7-history")

    # Melgaço's coordinator sees the reviews but may not review Alūksne's goals.
    other = new_page(viewport=PHONE, language="lv")
    sign_in(other, world.people["melgaco_author"].email, PASSWORD, language="lv", two_factor=True)
    other.goto(reviews)
    for goal in Goal.objects.all():
        assert other.locator(f"a[href='{reviews}{goal.pk}/']").count() == 0
    goal = Goal.objects.get(outcome="partly")
    response = other.goto(f"{reviews}{goal.pk}/")
    assert response.status == 403
    expect(other.locator("[role=alert]")).to_contain_text("Alūksne")
    check(other, shots, "8-refused")
