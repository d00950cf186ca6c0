"""Two versions of a Transfer Plan compared: each section word by word (removed words in <del>,
added ones in <ins>, each also said in words for screen readers), then the actions, risks and
indicators each version set out, row by row (what changed, what was added or removed)."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from regrow.lib.i18n import localized
from regrow.lib.money import euros_from_cents
from regrow.network import plan_diff
from regrow.network import selectors_plans as selectors
from regrow.network.forms_plans import CompareForm
from regrow.network.models import (
    FundingSource,
    Level,
    PlanAction,
    PlanIndicator,
    PlanRisk,
    SectionKey,
)
from regrow.network.views_plans import plan_context

ROWS_SHOWN = 100  # changed rows of each kind; a plan sets out some dozens
KINDS = (
    ("actions", PlanAction, selectors.ACTION_FIELDS),
    ("risks", PlanRisk, selectors.RISK_FIELDS),
    ("indicators", PlanIndicator, selectors.INDICATOR_FIELDS),
)


def _label(model, field: str) -> str:
    if field == "budget_cents":
        return _("Budget")
    return capfirst(model._meta.get_field(field).verbose_name)


def shown(field: str, value) -> str:
    """A snapshot's value as the page writes it (dates, euros, choices in the page's language)."""
    if value is None or value == "":
        return "—"
    if field in ("starts_on", "due_on"):
        return date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
    if field == "budget_cents":
        return euros_from_cents(value)
    if field == "funding_source":
        return str(FundingSource(value).label) if value in FundingSource.values else value
    if field == "status":
        return str(PlanAction.Status(value).label) if value in PlanAction.Status.values else value
    if field in ("likelihood", "impact"):
        return str(Level(value).label) if value in Level.values else str(value)
    if field in ("baseline", "target"):
        return number_format(Decimal(value), use_l10n=True, force_grouping=True)
    return str(value)


def _name(kind: str, row: dict) -> str:
    if kind == "actions":
        return row.get("title", "")
    if kind == "risks":
        return row.get("description", "")
    return localized(row.get("indicator__names") or {}, default=row.get("indicator__code", ""))


def rows_compared(kind: str, model, fields, old: list[dict], new: list[dict]) -> dict:
    """The rows of one kind that differ, worded for the page, and how many stayed the same."""
    rows, same = [], 0
    for diff in plan_diff.rows_diff(old, new, fields):
        if diff.kind == plan_diff.SAME:
            same += 1
            continue
        changes = diff.changes or tuple(
            plan_diff.FieldChange(field, (diff.old or {}).get(field), (diff.new or {}).get(field))
            for field in fields
        )
        rows.append(
            {
                "kind": diff.kind,
                "name": _name(kind, diff.row),
                "changes": [
                    {
                        "label": _label(model, change.name),
                        "old": shown(change.name, change.old),
                        "new": shown(change.name, change.new),
                    }
                    for change in changes
                    if diff.kind == plan_diff.CHANGED
                    or (change.new if diff.kind == plan_diff.ADDED else change.old)
                    not in (None, "")
                ],
            }
        )
    return {"key": kind, "rows": rows[:ROWS_SHOWN], "more": len(rows) > ROWS_SHOWN, "same": same}


def _comparison(plan, old, new) -> dict:
    titles = dict(SectionKey.choices)
    sections = [
        {"key": diff.key, "title": titles[diff.key], "diff": diff}
        for diff in plan_diff.sections_diff(
            selectors.section_bodies(old), selectors.section_bodies(new), SectionKey.values
        )
    ]
    (old_kept, old_was_kept), (new_kept, new_was_kept) = (
        selectors.snapshot_of(old),
        selectors.snapshot_of(new),
    )
    return {
        "sections": sections,
        "changed_sections": sum(1 for section in sections if section["diff"].changed),
        "rows": [
            rows_compared(kind, model, fields, old_kept.get(kind, []), new_kept.get(kind, []))
            for kind, model, fields in KINDS
        ],
        "live": [v for v, kept in ((old, old_was_kept), (new, new_was_kept)) if not kept],
    }


@login_required
def compare(request: HttpRequest, slug: str, plan_pk: int) -> HttpResponse:
    plan = selectors.plan_of(request.user, slug, plan_pk)
    numbers = list(plan.versions.order_by("-number").values_list("number", flat=True))
    newest = selectors.version_of(plan)
    context = {**plan_context(request, plan, newest), "numbers": numbers}
    status = 200
    if len(numbers) < 2:
        return render(request, "network/plans/compare.html", context)
    initial = {"old": numbers[1], "new": numbers[0]}
    form = CompareForm(request.GET if "old" in request.GET else initial, numbers=numbers)
    context["form"] = form
    if form.is_valid():
        old_number, new_number = form.cleaned_data["old"], form.cleaned_data["new"]
        if old_number == new_number:
            form.add_error("new", _("Choose two different versions."))
            status = 400
        else:
            old = selectors.version_of(plan, old_number)
            new = selectors.version_of(plan, new_number)
            context.update({"old": old, "new": new, **_comparison(plan, old, new)})
    else:
        status = 400
    return render(request, "network/plans/compare.html", context, status=status)
