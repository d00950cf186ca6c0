"""An independent checker of allocation plans and a brute force for tiny rounds (tests only)."""

import itertools
from collections import Counter

from regrow.popups.allocation import Problem


def last_week(problem: Problem, application) -> int:
    if application.latest_end_week is None:
        return problem.round.weeks - 1
    return application.latest_end_week


def value_of(problem: Problem, application, unit_id) -> float:
    if unit_id in application.preferred_units:
        rank = application.preferred_units.index(unit_id) + 1
        return application.score + problem.round.preference_bonus / rank
    return application.score


def stay_range(problem: Problem, application, unit) -> range:
    """The stay lengths both the application and the unit take (empty when none)."""
    weeks = problem.round.weeks
    shortest = max(application.min_weeks, unit.min_weeks)
    longest = min(
        weeks if application.max_weeks is None else application.max_weeks,
        weeks if unit.max_weeks is None else unit.max_weeks,
    )
    return range(shortest, longest + 1)


def violations(problem: Problem, stays: dict) -> list[str]:
    """Every rule a plan {application id: (unit id, start, weeks)} breaks; empty when valid."""
    units = {unit.id: unit for unit in problem.units}
    applications = {a.id: a for a in problem.applications}
    forbidden = set(problem.forbids)
    problems = []
    unit_weeks, street_weeks = Counter(), Counter()
    for application_id, (unit_id, start, weeks) in stays.items():
        application, unit = applications[application_id], units[unit_id]
        name = f"{application_id} in {unit_id}"
        if (application_id, unit_id) in forbidden:
            problems.append(f"{name}: forbidden")
        if unit.area_m2 < application.min_area_m2:
            problems.append(f"{name}: too small")
        limit = application.max_rent_cents_per_month
        if limit is not None and unit.rent_cents_per_month > limit:
            problems.append(f"{name}: too dear")
        if (
            unit.allowed_categories is not None
            and application.category not in unit.allowed_categories
        ):
            problems.append(f"{name}: category not allowed")
        if application.zones is not None and unit.zone not in application.zones:
            problems.append(f"{name}: zone not accepted")
        longest = problem.round.weeks if application.max_weeks is None else application.max_weeks
        if not application.min_weeks <= weeks <= longest:
            problems.append(f"{name}: stay of {weeks} weeks")
        if weeks < unit.min_weeks or (unit.max_weeks is not None and weeks > unit.max_weeks):
            problems.append(f"{name}: stay of {weeks} weeks outside the unit's limits")
        if start < application.earliest_start_week or start + weeks - 1 > last_week(
            problem, application
        ):
            problems.append(f"{name}: outside the applicant's dates")
        for week in range(start, start + weeks):
            if unit.available_weeks is not None and week not in unit.available_weeks:
                problems.append(f"{name}: unit not offered in week {week}")
            unit_weeks[unit_id, week] += 1
            street_weeks[unit.street, application.category, week] += 1
    for (unit_id, week), count in unit_weeks.items():
        if count > units[unit_id].capacity:
            problems.append(f"{unit_id}: {count} pop-ups in week {week}")
    limit = problem.round.max_per_category_per_street
    for (street, category, week), count in street_weeks.items():
        if limit is not None and count > limit:
            problems.append(f"{street}: {count} of {category} in week {week}")
    budget = problem.round.budget_cents
    if budget is not None and sum(applications[a].grant_cents for a in stays) > budget:
        problems.append("grants over budget")
    for application_id, unit_id in problem.pins:
        if stays.get(application_id, (None,))[0] != unit_id:
            problems.append(f"{application_id}: pinned to {unit_id} but not there")
    return problems


def plan_of(result) -> dict:
    stays = {}
    for placement in result.placements:
        assert placement.application_id not in stays, "an application placed twice"
        stays[placement.application_id] = (placement.unit_id, placement.start_week, placement.weeks)
    return stays


def slot_violations(problem: Problem, result) -> list[str]:
    units = {unit.id: unit for unit in problem.units}
    problems = []
    for p, q in itertools.combinations(result.placements, 2):
        overlap = p.start_week <= q.end_week and q.start_week <= p.end_week
        if p.unit_id == q.unit_id and p.slot == q.slot and overlap:
            problems.append(f"{p.application_id} and {q.application_id} share a slot")
    for p in result.placements:
        if not 0 <= p.slot < units[p.unit_id].capacity:
            problems.append(f"{p.application_id}: slot {p.slot}")
    return problems


def brute_force(problem: Problem) -> float | None:
    """The best objective over every plan with stays of any allowed length (None: no plan)."""
    weeks = problem.round.weeks
    options = []
    for application in problem.applications:
        choices = [None]
        for unit in problem.units:
            for length in stay_range(problem, application, unit):
                for start in range(weeks - length + 1):
                    choices.append((unit.id, start, length))
        options.append(choices)
    best = None
    for combination in itertools.product(*options):
        stays = {
            a.id: choice
            for a, choice in zip(problem.applications, combination, strict=True)
            if choice is not None
        }
        if violations(problem, stays):
            continue
        total = sum(
            value_of(problem, a, stays[a.id][0]) for a in problem.applications if a.id in stays
        )
        best = total if best is None else max(best, total)
    return best
