"""Writes about funds: a town's budget lines and grant programmes, and which fund pays a round.

A fund is never overspent by a write here or in services/money.py: each one locks the round's
row and then the fund's (always in that order, so two writes cannot wait on each other) and
sums what the fund's rounds have drawn inside the same transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.lib.money import euros_from_cents
from regrow.popups.models import Fund, Round
from regrow.popups.selectors_money import fund_money, round_money
from regrow.popups.services.rounds import require_coordinator
from regrow.towns.models import Town

FUND_FIELDS = frozenset({"name", "kind", "total_cents", "notes"})
# A fund's total at most: ten billion euros, past any town's budget line.
MAX_FUND_CENTS = 10**12


def locked_round(pk: int) -> Round:
    """The round's row, locked until the transaction ends (PostgreSQL; SQLite writes one at a
    time anyway)."""
    return Round.objects.select_for_update(of=("self",)).select_related("town").get(pk=pk)


def locked_fund(pk: int) -> Fund:
    return Fund.objects.select_for_update().get(pk=pk)


@transaction.atomic
def fund_save(*, town: Town, by, fund: Fund | None = None, version: int | None = None, **data):
    """Create a fund, or save changes made to version `version` of one. Its total is never
    lowered below what its rounds have drawn."""
    require_coordinator(by, town)
    unknown = set(data) - FUND_FIELDS
    if unknown:
        raise TypeError(f"fund_save() got unknown fields: {', '.join(sorted(unknown))}")
    if fund is None:
        fund = Fund(town=town)
    elif fund.town_id != town.pk:
        raise PermissionDenied
    else:
        fund = locked_fund(fund.pk)
    if "name" in data:
        data["name"] = (data["name"] or "").strip()
    for name, value in data.items():
        setattr(fund, name, value)
    fund.full_clean(exclude=["town"])
    if fund.total_cents > MAX_FUND_CENTS:
        raise ValidationError({"total_cents": _("A fund holds at most ten billion euros.")})
    if fund.pk:
        drawn = fund_money(fund).drawn_cents
        if fund.total_cents < drawn:
            raise ValidationError(
                {
                    "total_cents": _(
                        "The fund's rounds have drawn %(drawn)s from it already: "
                        "its total cannot be less."
                    )
                    % {"drawn": euros_from_cents(drawn)}
                }
            )
        fund.version = claim_version(
            Fund,
            fund.pk,
            version if version is not None else fund.version,
            _("Someone else changed this fund meanwhile. Reload it and make your changes again."),
        )
    fund.save()
    return fund


@transaction.atomic
def round_fund_set(*, round_: Round, fund: Fund | None, by) -> Round:
    """Let `fund` pay the round's rent gap and grants (None: no fund). Refused where the fund
    cannot hold what the round draws besides what its other rounds drew."""
    round_ = locked_round(round_.pk)
    require_coordinator(by, round_.town)
    if fund is not None:
        if fund.town_id != round_.town_id:
            raise PermissionDenied
        fund = locked_fund(fund.pk)
        others = fund_money(fund, without=round_)
        draw = round_money(round_).fund_draw_cents
        if others.drawn_cents + draw > fund.total_cents:
            raise ValidationError(
                {
                    "fund": _(
                        "%(fund)s has %(left)s left, and this round draws %(draw)s "
                        "(its rent gap and grants). Choose another fund or raise its total."
                    )
                    % {
                        "fund": fund.name,
                        "left": euros_from_cents(max(others.left_cents, 0)),
                        "draw": euros_from_cents(draw),
                    }
                }
            )
    Round.objects.filter(pk=round_.pk).update(fund=fund)
    round_.fund = fund
    return round_
