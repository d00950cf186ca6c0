"""Three-month goals at a meeting: the goals set there, by partner (a page of partners at a
time), setting, changing and removing one (and putting a removed one back); the review, at a
later meeting, of the goals earlier meetings set and nobody reviewed yet (a review is changed
only at the meeting where it was made); and a partner's goals over all meetings. Forms keep
what was typed; a refused change names the field; a stale one is a 409 that keeps the text and
saves it over the other change when sent again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.network import selectors_goals as selectors
from regrow.network.forms_goals import GoalForm, ReviewForm
from regrow.network.models import Goal, Meeting, NetworkMembership, NetworkRole, TransferPlan
from regrow.network.selectors_plans import network_of
from regrow.network.services import goals as services
from regrow.network.views_meetings import meeting_for
from regrow.popups.views.money import pager
from regrow.towns.permissions import Action, can

PARTNERS_PER_PAGE = 10
GOALS_PER_PAGE = 20


def coordinated(user, network) -> set[int] | None:
    """The partners whose goals the user writes as their coordinator (None: every one)."""
    if user.is_superuser:
        return None
    return set(
        NetworkMembership.objects.filter(
            user=user, network=network, role=NetworkRole.PARTNER_COORDINATOR
        ).values_list("partner_id", flat=True)
    )


def _mine(ids: set[int] | None, partner_id: int) -> bool:
    return ids is None or partner_id in ids


def _context(request, meeting: Meeting, **extra) -> dict:
    return {
        "place": meeting.network,
        "network": meeting.network,
        "meeting": meeting,
        "current": "meetings",
        **extra,
    }


def _goals_url(meeting: Meeting, partner_id: int | None = None, removed: bool = False) -> str:
    name = "network:meeting_goals_removed" if removed else "network:meeting_goals"
    url = reverse(name, kwargs={"slug": meeting.network.slug, "pk": meeting.pk})
    return f"{url}#partner-{partner_id}" if partner_id else url


def _removable(request, meeting: Meeting) -> set[int] | None:
    """The partners whose removed goals the user may put back (None: every one)."""
    if services.leads_network(request.user, meeting.network_id):
        return None
    return coordinated(request.user, meeting.network)


@login_required
def meeting_goals(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The goals set at the meeting, by partner."""
    meeting = meeting_for(request, slug, pk)
    partners = pager(request, selectors.partners_of(meeting), "page", PARTNERS_PER_PAGE)
    leads = services.leads_network(request.user, meeting.network_id)
    mine = coordinated(request.user, meeting.network)
    rows = selectors.goals_set_at(meeting, partners)
    for row in rows:
        row.may_set = leads or _mine(mine, row.partner.pk)
    mine_or_all = None if leads else mine
    removed_count = 0
    if mine_or_all is None or mine_or_all:
        removed_count = selectors.removed_at_meeting(meeting, mine_or_all).count()
    context = _context(request, meeting, page=partners, rows=rows, removed_count=removed_count)
    return render(request, "network/meetings/goals.html", context)


def _set_page(request, meeting, partner, form, goal=None, status=200, clash=False) -> HttpResponse:
    plan = TransferPlan.objects.filter(partner=partner).only("pk").first()
    context = _context(
        request,
        meeting,
        partner=partner,
        form=form,
        goal=goal,
        plan=plan,
        clash=clash,
        may_start_plan=plan is None and can(request.user, Action.EDIT_PLAN, partner),
    )
    return render(request, "network/meetings/goals_form.html", context, status=status)


@login_required
def goal_add(request: HttpRequest, slug: str, pk: int, partner_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    partner = selectors.partner_of(meeting, partner_pk)
    if not services.may_set(request.user, meeting, partner):
        raise PermissionDenied
    form = GoalForm(request.POST or None, meeting=meeting)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.goal_add(
                    meeting=meeting, partner=partner, by=request.user, **form.goal_values()
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("The goal is set, and added to the Transfer Plan as an action.")
                )
                return redirect(_goals_url(meeting, partner.pk))
    return _set_page(request, meeting, partner, form, status=status)


@login_required
def goal_edit(request: HttpRequest, slug: str, pk: int, goal_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    goal = selectors.goal_of(meeting, goal_pk)
    if not services.may_set(request.user, meeting, goal.partner):
        raise PermissionDenied
    form = GoalForm(request.POST or None, meeting=meeting, goal=goal)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.goal_change(
                    goal=goal,
                    by=request.user,
                    version=form.cleaned_data["version"],
                    action_version=form.cleaned_data["action_version"],
                    **form.goal_values(),
                )
            except ConcurrentEditError:
                # What was typed stays, the stored goal beside it, the form now on the stored
                # versions: sending it again saves the text over the other change on purpose.
                goal = selectors.goal_of(meeting, goal_pk)
                form = GoalForm(_on_stored(request, goal), meeting=meeting, goal=goal)
                form.is_valid()
                form.add_error(None, clash_message())
                return _set_page(request, meeting, goal.partner, form, goal, 409, clash=True)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The goal and its action in the plan are saved."))
                return redirect(_goals_url(meeting, goal.partner_id))
        goal = selectors.goal_of(meeting, goal_pk)  # the page says what is stored
    return _set_page(request, meeting, goal.partner, form, goal=goal, status=status)


def clash_message() -> str:
    return _(
        "Someone else changed this goal while you were working on it, so nothing was saved. "
        "What you typed is kept below, and the goal as it is now is shown above it. Sending "
        "again saves your text over their change."
    )


def _on_stored(request, goal: Goal):
    """The sent form with the goal's and its action's stored versions."""
    data = request.POST.copy()
    data["version"] = goal.version
    data["action_version"] = goal.action.version if goal.action else ""
    return data


@login_required
def goal_remove(request: HttpRequest, slug: str, pk: int, goal_pk: int) -> HttpResponse:
    """Asks first; the goal's action stays in the Transfer Plan."""
    meeting = meeting_for(request, slug, pk)
    goal = selectors.goal_of(meeting, goal_pk)
    if not services.may_set(request.user, meeting, goal.partner):
        raise PermissionDenied
    problem, status = None, 200
    if request.method == "POST":
        try:
            services.goal_remove(goal=goal, by=request.user, version=_number(request, "version"))
        except ConcurrentEditError as error:
            problem, status = str(error), 409
        except ValidationError as error:
            problem, status = " ".join(error.messages), 400
        else:
            messages.success(
                request,
                _(
                    "The goal is removed. Its action stays in the Transfer Plan. You can put "
                    "the goal back from the removed goals."
                ),
            )
            return redirect(_goals_url(meeting, goal.partner_id))
        # The page offers the stored version (the goal may have been removed meanwhile).
        goal.refresh_from_db(fields=["version", "removed_at"])
    context = _context(request, meeting, goal=goal, problem=problem)
    return render(request, "network/meetings/goals_remove.html", context, status=status)


@require_POST
@login_required
def goal_restore(request: HttpRequest, slug: str, pk: int, goal_pk: int) -> HttpResponse:
    """Puts a removed goal back among the meeting's goals."""
    meeting = meeting_for(request, slug, pk)
    goal = selectors.goal_of(meeting, goal_pk, removed=True)
    if not services.may_set(request.user, meeting, goal.partner):
        raise PermissionDenied
    try:
        services.goal_restore(goal=goal, by=request.user, version=_number(request, "version"))
    except ConcurrentEditError as error:
        messages.error(request, str(error))
        return redirect(_goals_url(meeting, removed=True))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_goals_url(meeting, removed=True))
    messages.success(
        request, _("“%(title)s” is back among the meeting's goals.") % {"title": goal.title}
    )
    return redirect(_goals_url(meeting, goal.partner_id))


@require_GET
@login_required
def goals_removed(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The goals removed from the meeting's goals that the user may put back: all of them for
    the meeting's organisers, their partners' for coordinators."""
    meeting = meeting_for(request, slug, pk)
    partner_ids = _removable(request, meeting)
    if partner_ids is not None and not partner_ids:
        raise PermissionDenied
    goals = pager(
        request, selectors.removed_at_meeting(meeting, partner_ids), "page", GOALS_PER_PAGE
    )
    context = _context(request, meeting, page=goals)
    return render(request, "network/meetings/goals_removed.html", context)


def _number(request, name: str) -> int:
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else -1


@login_required
def review_list(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The goals waiting for review at this meeting (every partner's goals set at earlier
    meetings and not reviewed yet) and those reviewed here, by partner and by the meeting that
    set them, a page of goals at a time."""
    meeting = meeting_for(request, slug, pk)
    goals = pager(request, selectors.to_review(meeting), "page", GOALS_PER_PAGE)
    rows = selectors.by_partner_and_meeting(goals)
    waiting = selectors.waiting_by_partner(meeting, [row.partner.pk for row in rows])
    mine = coordinated(request.user, meeting.network)
    for row in rows:
        row.may_review = _mine(mine, row.partner.pk)
        row.waiting = waiting.get(row.partner.pk, 0)
    context = _context(request, meeting, page=goals, rows=rows)
    return render(request, "network/meetings/goals_review.html", context)


def _goal_to_review(meeting: Meeting, goal_pk: int) -> Goal:
    """A goal set at an earlier meeting of the network (404 for any other)."""
    return get_object_or_404(
        Goal.objects.select_related(
            "partner__town", "meeting", "action", "reviewed_by", "reviewed_at_meeting"
        ),
        pk=goal_pk,
        removed_at__isnull=True,
        meeting__network_id=meeting.network_id,
        meeting__starts_on__lt=meeting.starts_on,
    )


def _review_page(request, meeting, goal, form, status=200, **extra) -> HttpResponse:
    context = _context(request, meeting, goal=goal, form=form, **extra)
    return render(request, "network/meetings/goals_review_form.html", context, status=status)


@login_required
def goal_review(request: HttpRequest, slug: str, pk: int, goal_pk: int) -> HttpResponse:
    meeting = meeting_for(request, slug, pk)
    goal = _goal_to_review(meeting, goal_pk)
    if not services.may_review(request.user, goal):
        context = _context(request, meeting, message=services.not_in_partner_message(goal.partner))
        return render(request, "network/meetings/goals_refused.html", context, status=403)
    elsewhere = services.reviewed_elsewhere(goal, meeting)
    if elsewhere is not None:
        # Reviewed at another meeting: shown as it is, changed only there.
        status = 409 if request.method == "POST" else 200
        return _review_page(request, meeting, goal, None, status, elsewhere=elsewhere)
    form = ReviewForm(request.POST or None, goal=goal)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.goal_review(
                    goal=goal,
                    meeting=meeting,
                    by=request.user,
                    outcome=data["outcome"],
                    comment=data["comment"],
                    version=data["version"],
                    action_version=data["action_version"],
                )
            except ConcurrentEditError:
                goal = _goal_to_review(meeting, goal_pk)
                elsewhere = services.reviewed_elsewhere(goal, meeting)
                if elsewhere is not None:
                    return _review_page(request, meeting, goal, None, 409, elsewhere=elsewhere)
                form = ReviewForm(_on_stored(request, goal), goal=goal)
                form.is_valid()
                form.add_error(None, clash_message())
                return _review_page(request, meeting, goal, form, 409)
            except PermissionDenied as error:
                form.add_error(None, str(error))
                status = 403
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("The review is saved, and the action's status with it.")
                )
                url = reverse("network:goal_reviews", kwargs={"slug": slug, "pk": meeting.pk})
                return redirect(f"{url}#partner-{goal.partner_id}")
            goal = _goal_to_review(meeting, goal_pk)
    return _review_page(request, meeting, goal, form, status)


@login_required
def partner_goals(request: HttpRequest, slug: str, partner_pk: int) -> HttpResponse:
    """A partner's goals at every meeting, with their reviews."""
    network = network_of(request.user, slug)
    partner = get_object_or_404(network.partners.select_related("town"), pk=partner_pk)
    goals = pager(request, selectors.history_of(partner), "page", GOALS_PER_PAGE)
    context = {
        "place": network,
        "network": network,
        "partner": partner,
        "page": goals,
        "current": "meetings",
    }
    return render(request, "network/meetings/goals_partner.html", context)
