"""The jury's pages: a juror's rounds, a round's applications with their progress, one
application to declare a conflict on or score; the coordinator's jury page (jurors, their
progress, the weighted ranking)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from regrow.lib.forms import add_service_error
from regrow.popups import jury, selectors, services
from regrow.popups.choices import RoundStatus
from regrow.popups.forms_jury import ConflictForm, JurorForm, ScoreForm
from regrow.popups.models import Application, Round, RoundJuror
from regrow.towns.models import Role, Town
from regrow.towns.permissions import Action, can


def _jury_town(request, slug: str) -> Town:
    town = get_object_or_404(Town, slug=slug)
    if not can(request.user, Action.SCORE_APPLICATIONS, town):
        raise PermissionDenied
    return town


def _seat(request, slug: str, pk: int) -> RoundJuror:
    """The user's seat on the jury of the URL's round; 403 without the role, 404 off the jury."""
    town = _jury_town(request, slug)
    seat = (
        RoundJuror.objects.select_related("round", "round__town")
        .filter(round__town=town, round__pk=pk, user=request.user)
        .first()
    )
    if seat is None:
        raise Http404
    return seat


@login_required
def jury_rounds(request: HttpRequest, slug: str) -> HttpResponse:
    town = _jury_town(request, slug)
    page = Paginator(jury.jury_rounds_of(request.user, town), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "popups/jury_rounds.html", {"place": town, "town": town, "page": page})


@login_required
def jury_round(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    seat = _seat(request, slug, pk)
    round_ = seat.round
    criteria_count = round_.criteria.count()
    page = Paginator(jury.applications_for_juror(seat), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(application, jury.progress_of(application, criteria_count)) for application in page]
    context = {
        "place": round_.town,
        "town": round_.town,
        "round": round_,
        "page": page,
        "rows": rows,
    }
    return render(request, "popups/jury_round.html", context)


def _jury_page(request, seat, application, *, status=200, **forms) -> HttpResponse:
    round_ = seat.round
    conflict = application.conflicts.filter(juror=seat).first()
    criteria = list(round_.criteria.all())
    mine = {score.criterion_id: score for score in application.scores.filter(juror=seat)}
    context = {
        "place": round_.town,
        "town": round_.town,
        "round": round_,
        "application": application,
        "conflict": conflict,
        "criteria": criteria,
        "closed": round_.status == RoundStatus.ALLOCATED,
        "score_form": forms.get("score_form") or ScoreForm(criteria=criteria, mine=mine),
        "conflict_form": forms.get("conflict_form") or ConflictForm(),
        "others": jury.others_scores(seat, application),
        "documents": application.documents.all(),
        "wanted": application.wanted.select_related("round_unit__unit"),
    }
    return render(request, "popups/jury_application.html", context, status=status)


@login_required
def jury_application(request: HttpRequest, slug: str, pk: int, application_pk: int):
    seat = _seat(request, slug, pk)
    application = get_object_or_404(
        Application.objects.select_related("round", "applicant"),
        round=seat.round,
        pk=application_pk,
    )
    if not selectors.may_see_application(request.user, application):
        raise Http404
    if request.method != "POST":
        return _jury_page(request, seat, application)
    if request.POST.get("action") == "conflict":
        form = ConflictForm(request.POST)
        if form.is_valid():
            try:
                services.conflict_declare(
                    application=application, by=request.user, note=form.cleaned_data["note"]
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Conflict of interest declared."))
                return redirect("popups:jury_round", slug=slug, pk=pk)
        return _jury_page(request, seat, application, conflict_form=form, status=400)
    criteria = list(seat.round.criteria.all())
    form = ScoreForm(request.POST, criteria=criteria, mine={})
    if form.is_valid():
        try:
            services.scores_save(application=application, by=request.user, values=form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Scores saved."))
            return redirect("popups:jury_round", slug=slug, pk=pk)
    return _jury_page(request, seat, application, score_form=form, status=400)


def _assigned_round(request, slug: str, pk: int) -> Round:
    town = get_object_or_404(Town, slug=slug)
    if not can(request.user, Action.ASSIGN_JURORS, town):
        raise PermissionDenied
    return get_object_or_404(Round.objects.select_related("town"), town=town, pk=pk)


def _candidates(round_: Round):
    return (
        get_user_model()
        .objects.filter(memberships__town=round_.town, memberships__role=Role.JURY_MEMBER)
        .exclude(popup_jury_seats__round=round_)
        .order_by("full_name", "email")
        .distinct()
    )


@login_required
def round_jury(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The round's jury for its coordinators: seat or remove jurors, progress, the ranking."""
    round_ = _assigned_round(request, slug, pk)
    form = JurorForm(request.POST or None, candidates=_candidates(round_))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.juror_assign(
                    round_=round_, user=form.cleaned_data["user"], by=request.user
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Juror added."))
                return redirect("popups:round_jury", slug=slug, pk=pk)
    ranking = Paginator(jury.ranking(round_), selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "place": round_.town,
        "town": round_.town,
        "round": round_,
        "form": form,
        "progress": jury.jurors_progress(round_),
        "ranking": ranking,
        "criteria": round_.criteria.all(),
    }
    return render(request, "popups/round_jury.html", context, status=status)


@login_required
def juror_remove(request: HttpRequest, slug: str, pk: int, juror_pk: int) -> HttpResponse:
    round_ = _assigned_round(request, slug, pk)
    juror = get_object_or_404(
        RoundJuror.objects.select_related("round__town"), round=round_, pk=juror_pk
    )
    if request.method == "POST":
        try:
            services.juror_remove(juror=juror, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Juror removed, with their scores."))
    return redirect("popups:round_jury", slug=slug, pk=pk)
