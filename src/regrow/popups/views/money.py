"""A round's money page for its coordinators: the grants of each pop-up (approve, pay with the
receipt, cancel), the grant budget used and left, the subsidy per unit and per month (the owners'
cost against what the pop-ups paid) and the fund that pays for it; the evidence downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.lib.money import euros_from_cents
from regrow.popups import selectors_money as selectors
from regrow.popups.forms_money import GrantForm, PayForm, RoundFundForm
from regrow.popups.models import Grant, Round, Sublease
from regrow.popups.services import funds as fund_services
from regrow.popups.services import money as services
from regrow.popups.views import coordinated_round

POPUPS_PER_PAGE = 10
UNITS_PER_PAGE = 20
MONTHS_PER_PAGE = 24


def _url(request, param: str, number: int) -> str:
    query = request.GET.copy()
    query[param] = number
    return "?" + query.urlencode()


def pager(request, items, param: str, per_page: int):
    """A page of `items` picked by the query parameter `param`, with the links to its pages
    (the other parameters kept), for popups/money_pages.html."""
    page = Paginator(items, per_page).get_page(request.GET.get(param))
    page.links = [
        {"ellipsis": True}
        if number == page.paginator.ELLIPSIS
        else {
            "number": number,
            "url": _url(request, param, number),
            "current": number == page.number,
        }
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    page.previous_url = (
        _url(request, param, page.previous_page_number()) if page.has_previous() else None
    )
    page.next_url = _url(request, param, page.next_page_number()) if page.has_next() else None
    return page


def _popup_rows(page, forms: dict, today) -> list[dict]:
    rows = []
    for sublease in page:
        grants = list(sublease.grants.all())
        rows.append(
            {
                "sublease": sublease,
                "grants": [
                    {
                        "grant": grant,
                        "pay_form": forms.get(("pay", grant.pk))
                        or PayForm(
                            prefix=f"pay-{grant.pk}",
                            initial={"version": grant.version, "paid_on": today},
                        ),
                    }
                    for grant in grants
                ],
                "granted_cents": selectors.granted_cents(grants),
                "form": forms.get(("approve", sublease.pk))
                or GrantForm(prefix=f"grant-{sublease.pk}", initial={"approved_on": today}),
                "open": ("approve", sublease.pk) in forms,
            }
        )
    return rows


def money_page(request, round_: Round, *, status: int = 200, forms: dict | None = None):
    forms = forms or {}
    money = selectors.round_money(round_)
    fund = round_.fund
    popups = pager(request, selectors.round_popups(round_), "page", POPUPS_PER_PAGE)
    today = round_.town.today()
    context = {
        "place": round_.town,
        "town": round_.town,
        "round": round_,
        "today": today,
        "money": money,
        "budget_used_percent": (
            None
            if not round_.grant_budget_cents
            else round(100 * money.grants_approved_cents / round_.grant_budget_cents)
        ),
        "popups": popups,
        "rows": _popup_rows(popups, forms, today),
        "units": pager(request, money.by_unit, "units", UNITS_PER_PAGE),
        "months": pager(request, money.by_month, "months", MONTHS_PER_PAGE),
        "fund": fund,
        "fund_money": selectors.fund_money(fund) if fund else None,
        "fund_form": forms.get("fund")
        or RoundFundForm(funds=selectors.town_funds(round_.town), initial={"fund": fund}),
    }
    return render(request, "popups/money.html", context, status=status)


def _back(request, slug: str, pk: int, anchor: str = ""):
    url = reverse("popups:round_money", kwargs={"slug": slug, "pk": pk})
    page = request.GET.get("page")
    if page and page.isdigit():
        url += "?" + urlencode({"page": page})
    return redirect(url + (f"#{anchor}" if anchor else ""))


@login_required
def round_money(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return money_page(request, coordinated_round(request, slug, pk))


@login_required
@require_POST
def grant_approve(request: HttpRequest, slug: str, pk: int, sublease_pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    sublease = get_object_or_404(
        Sublease.objects.select_related("application"), round_unit__round=round_, pk=sublease_pk
    )
    form = GrantForm(request.POST, prefix=f"grant-{sublease.pk}")
    if form.is_valid():
        try:
            grant = services.grant_approve(
                sublease=sublease, by=request.user, **form.grant_values()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Grant of %(amount)s approved for %(name)s.")
                % {
                    "amount": euros_from_cents(grant.amount_cents),
                    "name": sublease.application.business_name,
                },
            )
            return _back(request, slug, pk, f"popup-{sublease.pk}")
    return money_page(request, round_, status=400, forms={("approve", sublease.pk): form})


def _grant(round_: Round, grant_pk: int) -> Grant:
    return get_object_or_404(
        Grant.objects.select_related("sublease__application"),
        sublease__round_unit__round=round_,
        pk=grant_pk,
    )


@login_required
@require_POST
def grant_pay(request: HttpRequest, slug: str, pk: int, grant_pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    grant = _grant(round_, grant_pk)
    form = PayForm(request.POST, request.FILES, prefix=f"pay-{grant.pk}")
    status = 400
    if form.is_valid():
        try:
            services.grant_pay(
                grant=grant,
                by=request.user,
                version=form.cleaned_data["version"],
                paid_on=form.cleaned_data["paid_on"],
                evidence=form.cleaned_data["evidence"],
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            if grant.status != Grant.Status.APPROVED:
                # Paid or cancelled meanwhile (a double click, another coordinator): its pay
                # form is no longer drawn, so the message goes above the page.
                messages.error(request, " ".join(error.messages))
                return _back(request, slug, pk, f"popup-{grant.sublease_id}")
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The grant of %(amount)s to %(name)s is recorded as paid.")
                % {
                    "amount": euros_from_cents(grant.amount_cents),
                    "name": grant.sublease.application.business_name,
                },
            )
            return _back(request, slug, pk, f"popup-{grant.sublease_id}")
    return money_page(request, round_, status=status, forms={("pay", grant.pk): form})


@login_required
@require_POST
def grant_cancel(request: HttpRequest, slug: str, pk: int, grant_pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    grant = _grant(round_, grant_pk)
    version = request.POST.get("version", "")
    try:
        services.grant_cancel(
            grant=grant, by=request.user, version=int(version) if version.isdigit() else -1
        )
    except (ValidationError, ConcurrentEditError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, text)
    else:
        messages.success(
            request,
            _("The grant of %(amount)s to %(name)s is cancelled.")
            % {
                "amount": euros_from_cents(grant.amount_cents),
                "name": grant.sublease.application.business_name,
            },
        )
    return _back(request, slug, pk, f"popup-{grant.sublease_id}")


@login_required
def grant_evidence(request: HttpRequest, slug: str, pk: int, grant_pk: int):
    """The receipt or invoice of a paid grant: the round's coordinators only, never cached."""
    round_ = coordinated_round(request, slug, pk)
    grant = _grant(round_, grant_pk)
    if not grant.evidence:
        return HttpResponse(status=404)
    suffix = "." + grant.evidence.name.rsplit(".", 1)[-1]
    response = FileResponse(
        grant.evidence.open("rb"),
        as_attachment=True,
        filename=f"grant-{grant.pk}{suffix}",
        content_type=services.CONTENT_TYPES.get(suffix, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def round_fund(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    form = RoundFundForm(request.POST, funds=selectors.town_funds(round_.town))
    if form.is_valid():
        fund = form.cleaned_data["fund"]
        try:
            fund_services.round_fund_set(round_=round_, fund=fund, by=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(fund)s now pays for this round.") % {"fund": fund.name}
                if fund
                else _("No fund pays for this round now."),
            )
            return _back(request, slug, pk, "fund-heading")
    return money_page(request, round_, status=400, forms={"fund": form})
