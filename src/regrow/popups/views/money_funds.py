"""A town's funds for its coordinators: the list (with a form for a new one) and a fund's page
(its total, what each round drew, what is left, and its form)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.popups import selectors_money as selectors
from regrow.popups.forms_money import FundForm
from regrow.popups.models import Fund
from regrow.popups.services import funds as services
from regrow.popups.views.money import pager
from regrow.premises.views import coordinated_town

FUNDS_PER_PAGE = 20
ROUNDS_PER_PAGE = 20
# The service's field → the form's.
FIELDS = {"total_cents": "total"}


def _refusal(form: FundForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        error = ValidationError(
            {FIELDS.get(name, name): problems for name, problems in error.error_dict.items()}
        )
    add_service_error(form, error)


@login_required
def funds(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    form = FundForm()
    status = 200
    if request.method == "POST":
        form = FundForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                fund = services.fund_save(town=town, by=request.user, **form.fund_values())
            except ValidationError as error:
                _refusal(form, error)
            else:
                messages.success(request, _("Fund “%(name)s” created.") % {"name": fund.name})
                return redirect("popups:fund", slug=slug, pk=fund.pk)
    page = pager(request, selectors.town_funds(town), "page", FUNDS_PER_PAGE)
    drawn = selectors.funds_drawn(page)
    rows = [
        {"fund": fund, "drawn": drawn[fund.pk], "left": fund.total_cents - drawn[fund.pk]}
        for fund in page
    ]
    context = {"place": town, "town": town, "page": page, "rows": rows, "form": form}
    return render(request, "popups/funds.html", context, status=status)


@login_required
def fund_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    town = coordinated_town(request, slug)
    fund = get_object_or_404(Fund, town=town, pk=pk)
    form = FundForm(fund=fund)
    status = 200
    if request.method == "POST":
        form = FundForm(request.POST, fund=fund)
        status = 400
        if form.is_valid():
            try:
                services.fund_save(
                    town=town,
                    by=request.user,
                    fund=fund,
                    version=form.cleaned_data["version"] or 0,
                    **form.fund_values(),
                )
            except ConcurrentEditError as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                _refusal(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect("popups:fund", slug=slug, pk=pk)
    money = selectors.fund_money(fund)
    context = {
        "place": town,
        "town": town,
        "fund": fund,
        "money": money,
        "rounds": pager(request, money.rounds, "page", ROUNDS_PER_PAGE),
        "form": form,
    }
    return render(request, "popups/fund.html", context, status=status)
