"""A proposal as the allocation page shows it: placed and left-out applications with names,
units and days, and each reason worded (a bounded number of queries per page)."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regrow.lib.dates import date_range
from regrow.lib.money import euros_from_cents
from regrow.popups.models import Application, PairingRule, RoundUnit

# How many placed or left-out applications one page of the proposal lists.
ROWS_PER_PAGE = 50


@dataclass
class PlacedRow:
    application: Application
    offer: RoundUnit
    starts_on: date
    ends_on: date
    weeks: int
    slot: int
    score: str = ""
    rule: str = ""  # "pin" when the coordinator pinned this pairing

    @property
    def days(self) -> str:
        return date_range(self.starts_on, self.ends_on)


@dataclass
class LeftOutRow:
    application: Application
    score: str = ""
    reasons: list[str] = field(default_factory=list)
    cost: str = ""


def points(value: float) -> str:
    return number_format(value, 2)


def _names(ids, applications) -> str:
    return ", ".join(applications[i].business_name for i in ids if i in applications)


def reason_texts(item: dict, applications: dict, offers: dict) -> list[str]:
    """The reasons an application was left out, as sentences."""
    texts = []
    codes = item.get("codes", [])
    if "dates" in codes:
        texts.append(_("No whole stay fits between its dates within the programme."))
    if "no_fitting_unit" in codes:
        texts.append(
            _(
                "No offered unit fits it: area, rent, shop category or stay length, "
                "or you forbade the units that would."
            )
        )
    if "slots_taken" in codes:
        held = [
            _("%(unit)s: %(names)s")
            % {"unit": offers[offer_id].unit, "names": _names(holders, applications)}
            for offer_id, holders in item.get("holders", [])
            if offer_id in offers and holders
        ]
        texts.append(
            _("The units that fit it are taken in the weeks it could use (%(held)s).")
            % {"held": "; ".join(held)}
            if held
            else _("The units that fit it are taken in the weeks it could use.")
        )
    if "category_limit" in codes:
        streets = item.get("streets", [])
        texts.append(
            ngettext(
                "Where a unit is free, the street already has the most shops of its category "
                "(%(streets)s).",
                "Where a unit is free, the streets already have the most shops of its category "
                "(%(streets)s).",
                len(streets),
            )
            % {"streets": ", ".join(street.title() for street in streets)}
        )
    if "budget_spent" in codes:
        remaining = item.get("remaining_budget_cents")
        texts.append(
            _("The grant budget is spent: %(left)s is left, less than its grant.")
            % {"left": euros_from_cents(remaining or 0)}
        )
    return texts


def cost_text(item: dict) -> str:
    """What including it would cost in total score, from the optimiser's range."""
    low, high = item.get("cost_at_least"), item.get("cost_at_most")
    if high is not None and high < 0.005:
        return _("It could be included at no cost to the total score: pin it to a unit.")
    if low is None and high is None:
        return ""
    if high is None:
        return _("Including it would lower the total score by at least %(low)s points.") % {
            "low": points(low)
        }
    if low is None or abs(high - low) < 0.005:
        return _("Including it would lower the total score by %(cost)s points.") % {
            "cost": points(high)
        }
    return _("Including it would lower the total score by %(low)s to %(high)s points.") % {
        "low": points(max(low, 0)),
        "high": points(high),
    }


def placed_rows(items: list[dict], applications: dict, offers: dict, pins: set) -> list:
    rows = []
    for item in items:
        application = applications.get(item["application"])
        offer = offers.get(item["offer"])
        if application is None or offer is None:
            continue
        rows.append(
            PlacedRow(
                application=application,
                offer=offer,
                starts_on=date.fromisoformat(item["starts_on"]),
                ends_on=date.fromisoformat(item["ends_on"]),
                weeks=item["weeks"],
                slot=item.get("slot", 0),
                score=points(item.get("score") or 0),
                rule="pin" if (application.pk, offer.pk) in pins else "",
            )
        )
    return rows


def left_out_rows(items: list[dict], applications: dict, offers: dict) -> list:
    return [
        LeftOutRow(
            application=applications[item["application"]],
            score=points(item.get("score") or 0),
            reasons=reason_texts(item, applications, offers),
            cost=cost_text(item),
        )
        for item in items
        if item["application"] in applications
    ]


def applications_named(round_, page_items: list[dict]) -> dict:
    """The applications a page of rows names (its own and the holders), one query."""
    ids = set()
    for item in page_items:
        ids.add(item["application"])
        for _offer, holders in item.get("holders", []):
            ids.update(holders)
    return {
        application.pk: application
        for application in Application.objects.filter(round=round_, pk__in=ids).only(
            "pk", "business_name", "category", "round_id", "status"
        )
    }


def pinned_pairs(round_) -> set:
    return set(
        PairingRule.objects.filter(round=round_, kind=PairingRule.Kind.PIN).values_list(
            "application_id", "round_unit_id"
        )
    )
