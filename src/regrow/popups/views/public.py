"""What anyone may see: a town's public rounds, a round's page and its units on a map."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from regrow.lib.dates import MONTHS_AFTER_TO, date_on
from regrow.lib.money import euros_from_cents
from regrow.popups import selectors, terms
from regrow.popups.choices import RoundStatus
from regrow.popups.models import Round
from regrow.premises import features
from regrow.towns.models import Town


def deadline_text(round_: Round) -> str:
    """“Apply until 15 December 2026” (Latvian: “Pieteikšanās līdz 2026. gada 15. decembrim”,
    the month in the case “until” needs)."""
    day = round_.applications_close_on
    return _("Apply until %(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": MONTHS_AFTER_TO[day.month - 1],
        "year": day.year,
    }


def popups_section(request: HttpRequest, town: Town) -> HttpResponse:
    """The town's Pop-up section: its public rounds, newest programme first."""
    page = Paginator(selectors.public_rounds(town), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for round_ in page.object_list:
        round_.deadline = deadline_text(round_)
    context = {"place": town, "town": town, "section": "popups", "page": page}
    return render(request, "popups/public_rounds.html", context)


def _public_round(slug: str, pk: int) -> Round:
    round_ = get_object_or_404(Round.objects.select_related("town"), town__slug=slug, pk=pk)
    if not round_.is_public:
        raise Http404
    return round_


def round_public(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = _public_round(slug, pk)
    town = round_.town
    offers = Paginator(selectors.offers_with_terms(round_), selectors.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for offer in offers.object_list:
        offer.rent_texts = terms.rent_texts(offer)
        offer.stay_text = terms.stay_text(offer)
    context = {
        "place": town,
        "town": town,
        "section": "popups",
        "round": round_,
        "deadline": deadline_text(round_),
        "applications_open": round_.status == RoundStatus.OPEN
        and round_.applications_open_on <= town.today() <= round_.applications_close_on,
        # Before the window opens the page says when it does, instead of an "Apply" button
        # that would only lead to that message.
        "opens_on": (
            _("Applications open on %(day)s.") % {"day": date_on(round_.applications_open_on)}
            if round_.status == RoundStatus.OPEN and round_.applications_open_on > town.today()
            else None
        ),
        "offers": offers,
        "events": round_.events.all()[:50],
    }
    return render(request, "popups/round_public.html", context)


def offer_properties(offer) -> dict:
    """An offered unit on the public map: what the register's map shows, and the terms."""
    unit = offer.unit
    return {
        "address": unit.display_address,
        "floor_area_m2": float(unit.floor_area_m2),
        "asking_rent_eur": None,
        # The map's popup shows this line under the address.
        "status_label": "; ".join(terms.rent_texts(offer)),
        "terms": {
            "rent": terms.rent_texts(offer),
            "service_charges": euros_from_cents(offer.service_charges_cents_per_month),
            "stay": terms.stay_text(offer),
            "capacity": offer.capacity,
            "categories": offer.allowed_category_labels,
        },
    }


def round_geojson(request: HttpRequest, slug: str, pk: int) -> JsonResponse:
    """The round's offered units as GeoJSON, with their terms (at most 500: a round is small)."""
    round_ = _public_round(slug, pk)
    offers = selectors.offers_with_terms(round_)[: selectors.MAP_MAX_UNITS]
    collection = features.feature_collection(
        features.unit_feature(offer.unit, offer_properties(offer), feature_id=offer.pk)
        for offer in offers
    )
    return JsonResponse(collection, content_type="application/geo+json")
