"""Actions, risks and monitoring indicators of a Transfer Plan: added, changed and removed by
the partner's coordinators; bad input refused with a clear message and the form kept (an action
due before it starts, a negative budget, no owner, a stale edit, a pop-up round of another town,
a period that is none, an indicator twice)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.indicators.models import Indicator
from regrow.network.models import PlanAction, PlanIndicator, PlanRisk
from regrow.network.services import actions as services
from regrow.popups.models import Round
from tests.network.plans_data import make_plan_network


@pytest.fixture
def plan_network(db):
    return make_plan_network()


@pytest.fixture
def plan(plan_network):
    return plan_network.start_plan()


@pytest.fixture
def author(client, plan_network):
    client.force_login(plan_network.people["aluksne_author"])
    return plan_network.people["aluksne_author"]


@pytest.fixture
def population(db):
    return Indicator.objects.create(
        code="population", names={"lv": "Iedzīvotāji", "en": "Population"}, unit="persons"
    )


def url(plan, rest: str = "", language: str = "lv") -> str:
    return f"/{language}/regrow-city/plans/{plan.pk}/{rest}"


def action_data(**changes) -> dict:
    data = {
        "title": "Aicinājums īpašniekiem",
        "owner": "Attīstības nodaļa",
        "starts_on": "01.07.2019",
        "due_on": "31.07.2019",
        "budget": "1 250,50",
        "funding_source": "town_budget",
        "status": "planned",
        "description": "",
        "progress_notes": "",
    }
    data.update(changes)
    return data


def make_round(town, title: str) -> Round:
    return Round.objects.create(
        town=town,
        titles={"lv": title},
        applications_open_on=date(2019, 7, 1),
        applications_close_on=date(2019, 7, 31),
        programme_starts_on=date(2019, 11, 1),
        programme_ends_on=date(2019, 12, 31),
    )


def test_an_action_is_added_with_a_latvian_budget_and_changed(client, author, plan):
    pop_up = make_round(plan.partner.town, "Pirmā pop-up telpa")
    response = client.post(url(plan, "actions/"), action_data(popup_round=pop_up.pk))
    assert response.status_code == 302
    action = PlanAction.objects.get(plan=plan)
    assert (action.budget_cents, action.starts_on) == (125_050, date(2019, 7, 1))
    assert action.popup_round == pop_up
    page = client.get(url(plan, f"actions/{action.pk}/")).content.decode()
    assert 'value="1250,50"' in page or 'value="1 250,50"' in page or "1250,50" in page
    data = action_data(status="done", version=action.version, budget="0")
    assert client.post(url(plan, f"actions/{action.pk}/"), data).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.budget_cents, action.version) == ("done", 0, 2)
    # A form opened before that change is refused, with what it held.
    stale = action_data(title="Vecais nosaukums", version=1)
    response = client.post(url(plan, f"actions/{action.pk}/"), stale)
    assert response.status_code == 409
    assert "Vecais nosaukums" in response.content.decode()
    action.refresh_from_db()
    assert action.title == "Aicinājums īpašniekiem"
    assert client.post(url(plan, f"actions/{action.pk}/remove/")).status_code == 302
    assert not PlanAction.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"due_on": "30.06.2019"}, "due_on", "cannot be due before it starts"),
        ({"budget": "-5,00"}, "budget", ""),
        ({"owner": "  "}, "owner", ""),
        ({"budget": "pieci"}, "budget", ""),
    ],
)
def test_bad_actions_are_refused_and_the_form_is_kept(
    client, author, plan, changes, field, message
):
    response = client.post(url(plan, "actions/", "en"), action_data(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Aicinājums īpašniekiem" in page  # what was typed stays
    assert f'id="id_{field}_error"' in page or f"id_{field}_error" in page
    assert message in page
    assert not PlanAction.objects.exists()


def test_the_services_refuse_what_the_forms_would(plan_network, plan):
    author = plan_network.people["aluksne_author"]
    values = {
        "title": "Pasākums",
        "owner": "",
        "starts_on": date(2020, 2, 1),
        "due_on": date(2020, 1, 1),
        "budget_cents": -1,
        "status": "planned",
        "popup_round": make_round(plan_network.partners["melgaco"].town, "Outra"),
    }
    with pytest.raises(ValidationError) as refused:
        services.action_save(plan=plan, by=author, **values)
    assert set(refused.value.error_dict) == {"owner", "due_on", "budget_cents", "popup_round"}
    with pytest.raises(PermissionDenied):
        services.action_save(
            plan=plan, by=plan_network.people["melgaco_author"], **{**values, "owner": "x"}
        )
    assert not PlanAction.objects.exists()


def test_a_round_of_another_town_is_not_offered(client, author, plan_network, plan):
    other = make_round(plan_network.partners["melgaco"].town, "Outra ronda")
    assert "Outra ronda" not in client.get(url(plan, "actions/")).content.decode()
    response = client.post(url(plan, "actions/"), action_data(popup_round=other.pk))
    assert response.status_code == 400
    assert not PlanAction.objects.exists()


def test_risks_are_added_changed_and_removed(client, author, plan):
    data = {"description": "Īpašnieki atsakās", "likelihood": 2, "impact": 3, "mitigation": ""}
    assert client.post(url(plan, "risks/"), data).status_code == 302
    risk = PlanRisk.objects.get(plan=plan)
    assert (risk.likelihood, risk.impact) == (2, 3)
    response = client.post(url(plan, f"risks/{risk.pk}/"), {**data, "likelihood": 7})
    assert response.status_code == 400 and "Īpašnieki atsakās" in response.content.decode()
    data["mitigation"] = "Sarunas ar īpašniekiem"
    assert client.post(url(plan, f"risks/{risk.pk}/"), data).status_code == 302
    assert PlanRisk.objects.get().mitigation == "Sarunas ar īpašniekiem"
    assert client.post(url(plan, f"risks/{risk.pk}/remove/")).status_code == 302
    assert not PlanRisk.objects.exists()


def test_indicators_take_periods_and_numbers_as_written(client, author, plan, population):
    data = {
        "indicator": population.pk,
        "baseline": "14 000",
        "baseline_period": "2018",
        "target": "14 200,5",
        "target_period": "2024q4",
    }
    assert client.post(url(plan, "indicators/"), data).status_code == 302
    measure = PlanIndicator.objects.get(plan=plan)
    assert (measure.baseline, measure.target) == (Decimal(14000), Decimal("14200.5"))
    assert measure.target_period == "2024-Q4"
    response = client.post(url(plan, "indicators/"), data)
    assert response.status_code == 400  # the plan measures it already
    assert PlanIndicator.objects.count() == 1
    data.update(baseline="14000", target="14 200.5")  # as English writes them
    bad = {**data, "target_period": "2017", "baseline_period": "2018"}
    response = client.post(url(plan, f"indicators/{measure.pk}/", "en"), bad)
    assert response.status_code == 400
    assert "cannot come before the baseline" in response.content.decode()
    response = client.post(
        url(plan, f"indicators/{measure.pk}/", "en"), {**data, "target_period": "2024-Q5"}
    )
    assert response.status_code == 400 and "quarters 1 to 4" in response.content.decode()
    assert client.post(url(plan, f"indicators/{measure.pk}/remove/")).status_code == 302
    assert not PlanIndicator.objects.exists()


def test_other_partners_cannot_change_or_remove_rows(client, plan_network, plan):
    author = plan_network.people["aluksne_author"]
    risk = services.risk_save(plan=plan, by=author, description="R", likelihood=1, impact=1)
    client.force_login(plan_network.people["melgaco_author"])
    assert client.get(url(plan, f"risks/{risk.pk}/")).status_code == 403
    assert client.post(url(plan, f"risks/{risk.pk}/remove/")).status_code == 403
    page = client.get(url(plan, "risks/")).content.decode()
    assert 'id="id_description"' not in page  # no form to add one
    assert PlanRisk.objects.count() == 1
