"""Writes of what a Transfer Plan sets out, live at the plan's level (versions keep copies of
them when they are submitted or made final): its actions, its risks and its monitoring
indicators. Only the partner's coordinators write them (EDIT_PLAN)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from regrow.indicators.periods import parse_period
from regrow.lib.concurrency import claim_version
from regrow.lib.tabular.problems import Invalid
from regrow.network.models import PlanAction, PlanIndicator, PlanRisk, TransferPlan
from regrow.network.services.plans import require_edit

ACTION_VALUES = (
    "title",
    "description",
    "owner",
    "starts_on",
    "due_on",
    "budget_cents",
    "funding_source",
    "status",
    "progress_notes",
    "popup_round",
    "indicator",
)
RISK_VALUES = ("description", "likelihood", "impact", "mitigation")
INDICATOR_VALUES = ("indicator", "baseline", "baseline_period", "target", "target_period")


def _next_order(rows) -> int:
    return (rows.aggregate(last=Max("order"))["last"] or 0) + 1


def _check_action(plan: TransferPlan, values: dict) -> dict:
    values = {name: values.get(name) for name in ACTION_VALUES}
    for name in ("title", "owner", "description", "progress_notes", "funding_source"):
        values[name] = (values[name] or "").strip()
    problems = {}
    if not values["owner"]:
        problems["owner"] = _("Name who carries it out: a person or an organisation.")
    starts_on, due_on = values["starts_on"], values["due_on"]
    if starts_on and due_on and due_on < starts_on:
        problems["due_on"] = _("An action cannot be due before it starts.")
    if (values["budget_cents"] or 0) < 0:
        problems["budget_cents"] = _("A budget cannot be negative.")
    values["budget_cents"] = values["budget_cents"] or 0
    popup_round = values["popup_round"]
    if popup_round is not None and popup_round.town_id != plan.partner.town_id:
        problems["popup_round"] = _("Choose a pop-up round of %(town)s.") % {
            "town": plan.partner.town.name
        }
    if problems:
        raise ValidationError(problems)
    return values


@transaction.atomic
def action_save(
    *,
    plan: TransferPlan,
    by,
    action: PlanAction | None = None,
    version: int | None = None,
    **values,
) -> PlanAction:
    """Add an action to the plan, or change one (`version`: the one the form started from)."""
    require_edit(by, plan)
    values = _check_action(plan, values)
    if action is None:
        action = PlanAction(plan=plan, order=_next_order(plan.actions), **values)
        action.full_clean()
        action.save()
        return action
    if action.plan_id != plan.pk:
        raise ValidationError(_("This action belongs to another plan."))
    for name, value in values.items():
        setattr(action, name, value)
    action.full_clean()
    action.version = claim_version(
        PlanAction,
        action.pk,
        -1 if version is None else version,
        _("Someone changed this action after you opened it. Reload the page to see their change."),
        **values,
    )
    return action


@transaction.atomic
def action_remove(*, action: PlanAction, by) -> None:
    require_edit(by, action.plan)
    action.delete()


@transaction.atomic
def risk_save(*, plan: TransferPlan, by, risk: PlanRisk | None = None, **values) -> PlanRisk:
    """Add a risk to the plan, or change one."""
    require_edit(by, plan)
    values = {name: values.get(name) for name in RISK_VALUES}
    values["description"] = (values["description"] or "").strip()
    values["mitigation"] = (values["mitigation"] or "").strip()
    if risk is None:
        risk = PlanRisk(plan=plan, order=_next_order(plan.risks))
    elif risk.plan_id != plan.pk:
        raise ValidationError(_("This risk belongs to another plan."))
    for name, value in values.items():
        setattr(risk, name, value)
    risk.full_clean()
    risk.save()
    return risk


@transaction.atomic
def risk_remove(*, risk: PlanRisk, by) -> None:
    require_edit(by, risk.plan)
    risk.delete()


def _period(values: dict, name: str, problems: dict) -> None:
    try:
        values[name] = parse_period(values[name] or "").text
    except Invalid as error:
        problems[name] = str(error)


def _check_indicator(values: dict) -> dict:
    values = {name: values.get(name) for name in INDICATOR_VALUES}
    problems: dict = {}
    _period(values, "baseline_period", problems)
    _period(values, "target_period", problems)
    if not problems:
        baseline = parse_period(values["baseline_period"])
        target = parse_period(values["target_period"])
        if target.end < baseline.start:
            problems["target_period"] = _("The target's period cannot come before the baseline's.")
    if problems:
        raise ValidationError(problems)
    return values


@transaction.atomic
def indicator_save(
    *, plan: TransferPlan, by, measure: PlanIndicator | None = None, **values
) -> PlanIndicator:
    """Measure the plan by one of the indicators: its baseline and its target, each with its
    period (a year, a quarter or a month)."""
    require_edit(by, plan)
    values = _check_indicator(values)
    if measure is None:
        measure = PlanIndicator(plan=plan)
    elif measure.plan_id != plan.pk:
        raise ValidationError(_("This indicator belongs to another plan."))
    for name, value in values.items():
        setattr(measure, name, value)
    measure.full_clean(validate_unique=False)
    taken = PlanIndicator.objects.filter(plan=plan, indicator=measure.indicator)
    if taken.exclude(pk=measure.pk).exists():
        raise ValidationError({"indicator": _("The plan measures this indicator already.")})
    try:
        with transaction.atomic():
            measure.save()
    except IntegrityError:
        raise ValidationError(
            {"indicator": _("The plan measures this indicator already.")}
        ) from None
    return measure


@transaction.atomic
def indicator_remove(*, measure: PlanIndicator, by) -> None:
    require_edit(by, measure.plan)
    measure.delete()
