"""A version of a Transfer Plan as a document (DOCX to edit in Word, or PDF), in the plan's
language: the partner town as issuer, a heading for every section in the plan's order with its
rich text as paragraphs and lists (and its own headings as sub-headings), the actions as a table
with their timeline as a chart (SVG in the PDF, PNG in the DOCX: lib/documents), the budget by
funding source, the risks and the monitoring indicators.

A submitted or final version keeps its actions, risks and indicators in its snapshot, and the
document shows those; a draft shows the plan's as they are now."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from regrow.lib import documents
from regrow.lib.dates import date_on, date_range
from regrow.lib.documents import markup
from regrow.lib.i18n import localized
from regrow.lib.money import euros_from_cents
from regrow.lib.richtext import plain_text
from regrow.network.models import (
    FundingSource,
    Level,
    PlanAction,
    PlanVersion,
    SectionKey,
)
from regrow.network.plan_timeline import Bar, timeline_chart
from regrow.network.selectors_plans import section_bodies, snapshot_of
from regrow.towns.documents import town_issuer

CHART_WIDTH_MM = 174
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class ActionRow:
    title: str
    owner: str
    starts_on: date
    due_on: date
    budget_cents: int
    funding_source: str
    status: str


@dataclass(frozen=True)
class RiskRow:
    description: str
    likelihood: int
    impact: int
    mitigation: str


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    baseline: str
    baseline_period: str
    target: str
    target_period: str


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _number(value) -> str:
    amount = Decimal(str(value)).normalize()
    places = max(-amount.as_tuple().exponent, 0)
    amount = amount.quantize(Decimal(1).scaleb(-places))  # 1E+3 → 1000
    return number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)


def _action(item: dict) -> ActionRow:
    return ActionRow(
        title=str(item.get("title", "")),
        owner=str(item.get("owner", "")),
        starts_on=_day(item["starts_on"]),
        due_on=_day(item["due_on"]),
        budget_cents=int(item.get("budget_cents") or 0),
        funding_source=str(item.get("funding_source") or ""),
        status=str(item.get("status") or PlanAction.Status.PLANNED),
    )


@dataclass(frozen=True)
class PlanContent:
    """What a version sets out besides its text."""

    actions: list[ActionRow]
    risks: list[RiskRow]
    indicators: list[IndicatorRow]


def plan_content(version: PlanVersion) -> PlanContent:
    """The actions, risks and indicators kept with a submitted or final version (its snapshot),
    or a draft's, the plan's as they are now (selectors_plans.snapshot_of); in the active
    language."""
    snapshot, _kept = snapshot_of(version)
    risks = [
        RiskRow(
            description=str(item.get("description", "")),
            likelihood=int(item.get("likelihood") or 0),
            impact=int(item.get("impact") or 0),
            mitigation=str(item.get("mitigation", "")),
        )
        for item in snapshot.get("risks", [])
    ]
    indicators = [
        IndicatorRow(
            name=localized(item.get("indicator__names"), default=item.get("indicator__code", "")),
            baseline=_number(item["baseline"]),
            baseline_period=str(item.get("baseline_period", "")),
            target=_number(item["target"]),
            target_period=str(item.get("target_period", "")),
        )
        for item in snapshot.get("indicators", [])
    ]
    return PlanContent([_action(item) for item in snapshot.get("actions", [])], risks, indicators)


# The document's parts --------------------------------------------------------------------------


def _plain(html: str) -> str:
    return " ".join(plain_text(html).split())


def text_blocks(html: str) -> list[documents.Block]:
    """A section's rich text as document blocks: its headings as sub-headings, the rest as
    paragraphs and lists (lib/documents sanitises and reads them)."""
    blocks: list[documents.Block] = []
    position = 0

    def paragraphs(part: str) -> None:
        if markup.lines(part):
            blocks.append(documents.Paragraph(html=part))

    for match in _HEADING.finditer(html or ""):
        paragraphs(html[position : match.start()])
        heading = _plain(match.group(2))
        if heading:
            blocks.append(documents.Heading(heading, level=2 if match.group(1) <= "2" else 3))
        position = match.end()
    paragraphs((html or "")[position:])
    return blocks


def status_names() -> dict[str, str]:
    return {value: str(label) for value, label in PlanAction.Status.choices}


def _short(day: date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _funding(code: str) -> str:
    return str(FundingSource(code).label) if code in FundingSource.values else ""


def actions_table(actions: Sequence[ActionRow]) -> documents.Table:
    """One row an action. Its first and last day share a column: WeasyPrint lays a table out
    at some 2 to 3 ms a cell, and a 40-action plan's PDF stays well under 2 s."""
    statuses = status_names()
    rows = [
        [
            action.title,
            action.owner,
            f"{_short(action.starts_on)}–{_short(action.due_on)}",  # noqa: RUF001 - en dash
            euros_from_cents(action.budget_cents),
            _funding(action.funding_source),
            statuses.get(action.status, action.status),
        ]
        for action in actions
    ]
    total = sum(action.budget_cents for action in actions)
    return documents.Table(
        header=[_("Action"), _("Owner"), _("Dates"), _("Budget"), _("Funding"), _("Status")],
        rows=rows,
        align=["left", "left", "left", "right", "left", "left"],
        totals=[
            pgettext("the totals row of a table", "Total"),
            "",
            "",
            euros_from_cents(total),
            "",
            "",
        ],
    )


def timeline_description(actions: Sequence[ActionRow]) -> str:
    """The chart in words: how many actions, over which days, how many in each status."""
    statuses = status_names()
    counts = [
        f"{name}: {sum(1 for action in actions if action.status == status)}"
        for status, name in statuses.items()
        if any(action.status == status for action in actions)
    ]
    first = min(action.starts_on for action in actions)
    last = max(action.due_on for action in actions)
    total = ngettext(
        "%(period)s: %(count)s action.", "%(period)s: %(count)s actions.", len(actions)
    )
    total %= {"count": len(actions), "period": date_range(first, last)}
    return f"{total} {'; '.join(counts)}."


def timeline_svg(actions: Sequence[ActionRow], today: date | None = None) -> str:
    statuses = status_names()
    bars = [
        Bar(
            label=action.title,
            starts_on=action.starts_on,
            due_on=action.due_on,
            status=action.status,
            tooltip=f"{action.title}: {date_range(action.starts_on, action.due_on)} "
            f"({statuses.get(action.status, action.status)})",
        )
        for action in actions
    ]
    return timeline_chart(
        title=_("Timeline of the actions"),
        description=timeline_description(actions),
        bars=bars,
        statuses=statuses,
        format_tick=lambda day, with_year: date_format(day, "M Y" if with_year else "M"),
        id_prefix="actions-timeline",
        today=today,
        today_label=pgettext("a line on a timeline", "Today"),
    )


def _actions(content: PlanContent, today: date) -> list[documents.Block]:
    if not content.actions:
        return [documents.Paragraph(_("The plan has no actions yet."), note=True)]
    svg = timeline_svg(content.actions, today)
    title = _("Timeline of the actions")
    return [
        documents.Heading(_("The actions"), level=2),
        actions_table(content.actions),
        documents.Heading(title, level=2),
        documents.Image(
            svg.encode(),
            "image/svg+xml",
            alt=title,
            caption=timeline_description(content.actions),
            width_mm=CHART_WIDTH_MM,
        ),
    ]


def _budget(content: PlanContent) -> list[documents.Block]:
    sums: dict[str, int] = {}
    for action in content.actions:
        sums[action.funding_source] = sums.get(action.funding_source, 0) + action.budget_cents
    rows = [
        [str(label), euros_from_cents(sums[code])]
        for code, label in FundingSource.choices
        if code in sums
    ]
    if "" in sums:
        rows.append([_("Not given"), euros_from_cents(sums[""])])
    return [
        documents.Heading(_("Budget by funding source"), level=2),
        documents.Table(
            header=[_("Funding source"), _("Budget")],
            rows=rows,
            align=["left", "right"],
            totals=[
                pgettext("the totals row of a table", "Total"),
                euros_from_cents(sum(sums.values())),
            ],
        ),
    ]


def _risks(content: PlanContent) -> list[documents.Block]:
    if not content.risks:
        return []
    levels = {value: str(label) for value, label in Level.choices}
    rows = [
        [
            risk.description,
            levels.get(risk.likelihood, ""),
            levels.get(risk.impact, ""),
            risk.mitigation,
        ]
        for risk in content.risks
    ]
    header = [_("Risk"), _("Likelihood"), _("Impact"), _("Mitigation")]
    return [
        documents.Heading(_("The risks"), level=2),
        documents.Table(header=header, rows=rows),
    ]


def _indicators(content: PlanContent) -> list[documents.Block]:
    if not content.indicators:
        return []
    rows = [
        [one.name, f"{one.baseline} ({one.baseline_period})", f"{one.target} ({one.target_period})"]
        for one in content.indicators
    ]
    return [
        documents.Heading(_("Monitoring indicators"), level=2),
        documents.Table(header=[_("Indicator"), _("Baseline"), _("Target")], rows=rows),
    ]


EXTRAS = {
    SectionKey.ACTIONS: _actions,
    SectionKey.RESOURCES: lambda content, today: _budget(content),
    SectionKey.RISKS: lambda content, today: _risks(content),
    SectionKey.MONITORING: lambda content, today: _indicators(content),
}


def _facts(version: PlanVersion) -> documents.KeyValues:
    plan = version.plan
    items = [
        (_("Network"), plan.partner.network.name),
        (_("Partner"), plan.partner.town.name),
        (_("Version"), str(version.number)),
        (_("Status"), str(version.get_status_display())),
    ]
    if version.submitted_at:
        items.append((_("Submitted for peer review"), date_on(version.submitted_at)))
    if version.finalised_at:
        items.append((_("Made final"), date_on(version.finalised_at)))
    return documents.KeyValues(items)


def plan_document(version: PlanVersion) -> documents.Document:
    """Every section of the version, in the plan's language. `version.plan` with its partner's
    town and network should come loaded (the views do)."""
    plan = version.plan
    town = plan.partner.town
    language = plan.language
    with translation.override(language):
        content = plan_content(version)
        bodies = section_bodies(version)
        today = town.today()
        blocks: list[documents.Block] = [_facts(version)]
        for key, label in SectionKey.choices:
            blocks.append(documents.Heading(str(label), level=1))
            written = text_blocks(bodies.get(key, ""))
            blocks.extend(written or [documents.Paragraph(_("Not written yet."), note=True)])
            extra = EXTRAS.get(key)
            if extra is not None:
                blocks.extend(extra(content, today))
        return documents.Document(
            title=plan.title,
            subtitle=_("Transfer Plan, version %(number)s (%(status)s)")
            % {"number": version.number, "status": version.get_status_display()},
            language=language,
            issuer=town_issuer(town),
            issued_on=today,
            blocks=blocks,
        )
