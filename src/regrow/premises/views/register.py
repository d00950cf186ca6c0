"""The register's list beside its map: filtered, counted by status, a page at a time."""

import gzip

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from regrow.premises import listing, selectors
from regrow.premises.choices import Status
from regrow.premises.filters import RegisterFilterForm
from regrow.premises.views import coordinated_town


def _status_label(status: str) -> str:
    return _("No status yet") if status == listing.NO_STATUS else Status(status).label


def _filter_form(request: HttpRequest, town) -> RegisterFilterForm:
    return RegisterFilterForm(request.GET, town=town, streets=selectors.streets_of(town))


def _query(request: HttpRequest, **changes: str) -> str:
    """The page's filters as a query string, without its page number, with `changes`."""
    values = {name: value for name, value in request.GET.items() if name != "page"} | changes
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in values.items() if value})
    return query.urlencode()


@login_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    today = town.today()
    form = _filter_form(request, town)
    filters = form.register_filter()
    result = listing.register_page(town, today, filters, request.GET.get("page"))
    page = result.page
    context = {
        "place": town,
        "town": town,
        "today": today,
        "form": form,
        "filters": filters,
        "rate": result.rate,
        "status_counts": [
            (status, _status_label(status), count, _query(request, status=status))
            for status, count in result.counts.items()
        ],
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "query": _query(request),
        "every_status_query": _query(request, status=""),
    }
    return render(request, "premises/register.html", context)


@login_required
def register_map(request: HttpRequest, slug: str) -> JsonResponse:
    """The register map's data: each filtered unit's id, position (in hundred-thousandths of a
    degree) and status (its number in `statuses`, -1 for none), and no more."""
    town = coordinated_town(request, slug)
    filters = _filter_form(request, town).register_filter()
    result = listing.map_points(town, town.today(), filters)
    data = {
        "statuses": result.statuses,
        "per_degree": listing.MAP_PER_DEGREE,
        "total": result.total,
        "units": result.points,
    }
    response = JsonResponse(data, json_dumps_params={"separators": (",", ":")})
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        # 20,000 points are 0.5 MB, 0.2 MB compressed in a few milliseconds at the fastest
        # level. The data holds no secret and nothing from the request (nothing for BREACH).
        response.content = gzip.compress(response.content, compresslevel=1, mtime=0)
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


@login_required
def register_map_unit(request: HttpRequest, slug: str, pk: int) -> JsonResponse:
    """What a point's popup on the register map says: the unit's address and status."""
    town = coordinated_town(request, slug)
    units = selectors.units_with_status(town.units.filter(pk=pk), town.today())
    unit = get_object_or_404(units)
    since = unit.status_since and date_format(unit.status_since, "SHORT_DATE_FORMAT")
    return JsonResponse(
        {
            "address": unit.display_address,
            "status": _status_label(unit.status_now or listing.NO_STATUS),
            "since": since or "",
            "url": reverse("premises:unit", kwargs={"slug": town.slug, "pk": unit.pk}),
        }
    )
