"""The allocation of a round: the coordinator asks for a proposal (solved by the task worker,
never in a web request), pins or forbids pairings, and confirms one proposal, which creates
the subleases, marks the units as pop-ups in the register's history and tells every applicant.
"""

import logging
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.dates import date_on, date_range
from regrow.popups import allocation, fit
from regrow.popups.allocation_input import days_of, grant_of, round_input
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    AllocationRun,
    Application,
    PairingRule,
    Round,
    RoundUnit,
    Sublease,
)
from regrow.popups.selectors import fit_offers
from regrow.popups.services import decisions
from regrow.popups.services.applications import need_of
from regrow.popups.services.rounds import renew_public_pages, require_coordinator

log = logging.getLogger(__name__)

# Seconds the explanation of the left-out applications may take after the solve.
EXPLAIN_SECONDS = 10.0


def latest_run(round_: Round) -> AllocationRun | None:
    return round_.allocation_runs.order_by("-requested_at", "-id").first()


def rules_of(round_: Round) -> list[list]:
    return [
        [application_id, offer_id, kind]
        for application_id, offer_id, kind in PairingRule.objects.filter(round=round_)
        .order_by("id")
        .values_list("application_id", "round_unit_id", "kind")
    ]


def _require_open_allocation(round_: Round) -> None:
    if round_.status == RoundStatus.ALLOCATED:
        raise ValidationError(_("This round's allocation is already confirmed."))
    if round_.status == RoundStatus.DRAFT:
        raise ValidationError(_("Publish the round and collect applications first."))


@transaction.atomic
def run_request(*, round_: Round, by) -> AllocationRun:
    """Ask the worker for a proposal under the round's current rules; a proposal already on
    its way is returned instead of a second one."""
    require_coordinator(by, round_.town)
    _require_open_allocation(round_)
    Round.objects.select_for_update().filter(pk=round_.pk).first()
    pending = round_.allocation_runs.filter(
        state__in=[AllocationRun.State.QUEUED, AllocationRun.State.RUNNING]
    ).first()
    if pending:
        return pending
    if not round_.applications.filter(status=ApplicationStatus.SUBMITTED).exists():
        raise ValidationError(_("No application has been submitted to this round yet."))
    run = AllocationRun.objects.create(
        round=round_, requested_by=by, round_version=round_.version, rules=rules_of(round_)
    )
    from regrow.popups.tasks import solve_allocation

    transaction.on_commit(lambda: solve_allocation.enqueue(run.pk))
    return run


def run_solve(run_id: int) -> AllocationRun | None:
    """The worker's part: solve the run's round under its rules and keep the plan and the
    reasons for everyone left out. A run taken by another worker is left alone."""
    now = timezone.now()
    claimed = AllocationRun.objects.filter(pk=run_id, state=AllocationRun.State.QUEUED).update(
        state=AllocationRun.State.RUNNING, started_at=now
    )
    if not claimed:
        return None
    run = AllocationRun.objects.select_related("round", "round__town").get(pk=run_id)
    try:
        posed = round_input(run.round, rules=[tuple(rule) for rule in run.rules])
        result = allocation.solve(posed.problem, time_limit_s=settings.POPUP_SOLVE_SECONDS)
        reasons = (
            allocation.explain(posed.problem, result, time_limit_s=EXPLAIN_SECONDS)
            if result.status != allocation.STATUS_INFEASIBLE
            else {}
        )
        run.result = result_json(run.round, posed, result, reasons)
        # What the plan was made from: a proposal is not confirmed once any of them changed.
        run.result["versions"] = {
            str(pk): application.version for pk, application in posed.applications.items()
        }
        run.state = AllocationRun.State.DONE
    except Exception as error:  # the coordinator sees that it failed; the log has why
        log.exception("allocation run %s failed", run_id)
        run.state, run.error = AllocationRun.State.FAILED, str(error)[:2000]
    run.finished_at = timezone.now()
    run.save(update_fields=["state", "result", "error", "finished_at"])
    return run


def result_json(round_: Round, posed, result, reasons) -> dict:
    placements = []
    for placement in result.placements:
        starts_on, ends_on = days_of(round_, placement.start_week, placement.weeks)
        placements.append(
            {
                "application": placement.application_id,
                "offer": placement.unit_id,
                "score": posed.scores.get(placement.application_id, 0.0),
                "slot": placement.slot,
                "starts_on": starts_on.isoformat(),
                "ends_on": ends_on.isoformat(),
                "weeks": placement.weeks,
            }
        )
    placed = {placement.application_id for placement in result.placements}
    left_out = []
    for application_id in posed.applications:
        if application_id in placed:
            continue
        reason = reasons.get(application_id)
        left_out.append(
            {
                "application": application_id,
                "score": posed.scores.get(application_id, 0.0),
                "codes": [posed.not_posed[application_id]]
                if application_id in posed.not_posed
                else list(reason.codes if reason else ()),
                "holders": [[offer, list(holders)] for offer, holders in reason.holders]
                if reason
                else [],
                "streets": list(reason.category_full_streets) if reason else [],
                "remaining_budget_cents": reason.remaining_budget_cents if reason else None,
                "cost_at_least": reason.cost_at_least if reason else None,
                "cost_at_most": reason.cost_at_most if reason else None,
            }
        )
    return {
        "status": result.status,
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "seconds": round(result.stats.seconds, 3),
        "method": result.stats.method,
        "placements": placements,
        "left_out": left_out,
    }


def application_versions(round_: Round) -> dict[str, int]:
    """The round's submitted applications and their versions, as a run keeps them."""
    return {
        str(pk): version
        for pk, version in round_.applications.filter(
            status=ApplicationStatus.SUBMITTED
        ).values_list("pk", "version")
    }


def is_stale(run: AllocationRun, round_: Round) -> bool:
    """Whether the round, its pins and forbids or its applications changed since the run."""
    return (
        run.round_version != round_.version
        or run.rules != rules_of(round_)
        or run.result.get("versions") != application_versions(round_)
    )


def _fits(application: Application, offer: RoundUnit) -> list[str]:
    offers = {item.id: item for item in fit_offers(offer.round)}
    return fit.misfits(need_of(application), offers[offer.pk])


@transaction.atomic
def rule_set(*, round_: Round, application: Application, offer: RoundUnit, kind: str, by):
    """Pin (the application must get the unit) or forbid a pairing for the next proposals."""
    require_coordinator(by, round_.town)
    _require_open_allocation(round_)
    if application.round_id != round_.pk or offer.round_id != round_.pk:
        raise ValidationError(_("That application or unit is not in this round."))
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be allocated."))
    if kind == PairingRule.Kind.PIN:
        if _fits(application, offer):
            raise ValidationError(
                _("%(name)s cannot be pinned to %(unit)s: the unit does not fit the application.")
                % {"name": application.business_name, "unit": offer.unit}
            )
        other = (
            PairingRule.objects.filter(application=application, kind=PairingRule.Kind.PIN)
            .exclude(round_unit=offer)
            .select_related("round_unit__unit")
            .first()
        )
        if other:
            raise ValidationError(
                _("%(name)s is already pinned to %(unit)s. Remove that pin first.")
                % {"name": application.business_name, "unit": other.round_unit.unit}
            )
    rule, _created = PairingRule.objects.update_or_create(
        application=application,
        round_unit=offer,
        defaults={"round": round_, "kind": kind, "created_by": by},
    )
    return rule


@transaction.atomic
def rule_remove(*, rule: PairingRule, by) -> None:
    require_coordinator(by, rule.round.town)
    _require_open_allocation(rule.round)
    rule.delete()


def _free_slot(offer: RoundUnit, starts_on: date, ends_on: date, taken: list) -> int | None:
    """The lowest place of the unit free from starts_on to ends_on, against `taken`
    ((slot, first day, last day) of the unit's live subleases)."""
    for slot in range(offer.capacity):
        if not any(s == slot and a <= ends_on and starts_on <= b for s, a, b in taken):
            return slot
    return None


def _booked(offer: RoundUnit, starts_on: date, ends_on: date) -> str:
    return _("%(unit)s is already booked for part of %(days)s.") % {
        "unit": offer.unit,
        "days": date_range(starts_on, ends_on),
    }


@transaction.atomic
def run_confirm(
    *, run: AllocationRun, by, round_version: int, base_url: str = "", notify: bool = True
) -> list[Sublease]:
    """Confirm a proposal: subleases for the placed applications (never double-booking a
    unit), the units' pop-up days in the register, the decisions e-mailed to every applicant.
    Exactly one of two coordinators confirming at once succeeds; the other is told why."""
    round_ = Round.objects.select_for_update().select_related("town").get(pk=run.round_id)
    require_coordinator(by, round_.town)
    if round_.status == RoundStatus.ALLOCATED:
        raise ConcurrentEditError(_("This round's allocation has just been confirmed."))
    if round_.applications_close_on >= timezone.localdate():
        raise ValidationError(
            _("Applications close %(day)s; confirm the allocation after that.")
            % {"day": date_on(round_.applications_close_on)}
        )
    run = AllocationRun.objects.get(pk=run.pk)
    newest = latest_run(round_)
    if newest is None or newest.pk != run.pk or run.state != AllocationRun.State.DONE:
        raise ConcurrentEditError(_("There is a newer proposal. Review it before confirming."))
    if round_version != round_.version or is_stale(run, round_):
        raise ConcurrentEditError(
            _(
                "The round, its pins and forbids or its applications changed after this "
                "proposal was made. Propose again."
            )
        )
    if run.result.get("status") == allocation.STATUS_INFEASIBLE:
        raise ValidationError(_("This proposal holds no plan: remove a pin and propose again."))
    placed = {item["application"]: item for item in run.result.get("placements", [])}
    applications = {
        application.pk: application
        for application in round_.applications.filter(status=ApplicationStatus.SUBMITTED)
        .select_related("applicant")
        .select_for_update(of=("self",))
    }
    missing = [pk for pk in placed if pk not in applications]
    if missing:
        raise ConcurrentEditError(
            _("An application was withdrawn after this proposal was made. Propose again.")
        )
    offers = {offer.pk: offer for offer in round_.offered_units.select_related("unit")}
    subleases = _create_subleases(round_, run, by, placed, applications, offers)
    now = timezone.now()
    for application in applications.values():
        application.status = (
            ApplicationStatus.ACCEPTED if application.pk in placed else ApplicationStatus.REJECTED
        )
        application.decided_at = now
        application.version += 1
    Application.objects.bulk_update(
        list(applications.values()), ["status", "decided_at", "version"]
    )
    round_.status = RoundStatus.ALLOCATED
    round_.version += 1
    round_.save(update_fields=["status", "version"])
    run.state = AllocationRun.State.CONFIRMED
    run.save(update_fields=["state"])
    decisions.record_popup_days(subleases, by=by)
    if notify:  # the demo's past round was decided long ago: nobody to write to
        decisions.send_decisions(round_, applications.values(), subleases, base_url=base_url)
    renew_public_pages(round_.town)
    return subleases


def _create_subleases(round_, run, by, placed, applications, offers) -> list[Sublease]:
    units = {offer.unit_id for offer in offers.values()}
    taken: dict[int, list] = {}
    for unit_id, slot, starts_on, ends_on in (
        Sublease.objects.filter(unit_id__in=units)
        .exclude(status=Sublease.Status.CANCELLED)
        .select_for_update()
        .values_list("unit_id", "slot", "starts_on", "ends_on")
    ):
        taken.setdefault(unit_id, []).append((slot, starts_on, ends_on))
    fits = {item.id: item for item in fit_offers(round_)}
    subleases = []
    for application_id, item in sorted(placed.items(), key=lambda pair: pair[1]["starts_on"]):
        offer = offers[item["offer"]]
        starts_on = date.fromisoformat(item["starts_on"])
        ends_on = date.fromisoformat(item["ends_on"])
        held = taken.setdefault(offer.unit_id, [])
        slot = _free_slot(offer, starts_on, ends_on, held)
        if slot is None:
            raise ConcurrentEditError(_booked(offer, starts_on, ends_on))
        held.append((slot, starts_on, ends_on))
        application = applications[application_id]
        agreement = getattr(offer, "agreement", None)
        subleases.append(
            Sublease(
                application=application,
                round_unit=offer,
                unit_id=offer.unit_id,
                slot=slot,
                starts_on=starts_on,
                ends_on=ends_on,
                rent_cents_per_month=fit.average_monthly_rent_cents(
                    fits[offer.pk], weeks=int(item["weeks"])
                ),
                service_charges_cents_per_month=(
                    offer.service_charges_cents_per_month
                    or (agreement.service_charges_cents_per_month if agreement else 0)
                ),
                grant_cents=grant_of(round_, application.requested_grant_cents),
                run=run,
                confirmed_by=by,
            )
        )
    try:
        with transaction.atomic():
            Sublease.objects.bulk_create(subleases)
    except IntegrityError:
        # PostgreSQL's exclusion constraint: another confirmation booked the same days first.
        raise ConcurrentEditError(
            _(
                "Another confirmation has just booked some of these units for the same days. "
                "Propose again."
            )
        ) from None
    return subleases
