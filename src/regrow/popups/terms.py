"""An offered unit's terms in words, for its pages, the map and the API: no database here."""

from django.utils.translation import gettext as _

from regrow.lib.money import euros_from_cents
from regrow.popups.choices import PhaseUnit, RentBasis


def phase_text(starts_at: int, amount_cents: int, *, phase_unit: str, rent_basis: str) -> str:
    """“From month 4: €1.00 per m² a month”, “From week 1: free”."""
    if amount_cents == 0:
        rent = _("free")
    elif rent_basis == RentBasis.PER_M2:
        rent = _("%(amount)s per m² a month") % {"amount": euros_from_cents(amount_cents)}
    else:
        rent = _("%(amount)s a month") % {"amount": euros_from_cents(amount_cents)}
    if phase_unit == PhaseUnit.WEEK:
        phrase = _("From week %(start)s: %(rent)s")
    else:
        phrase = _("From month %(start)s: %(rent)s")
    return phrase % {"start": starts_at, "rent": rent}


def rent_texts(offer) -> list[str]:
    """Each rent phase of an offered unit (its phases prefetched), in order."""
    return [
        phase_text(
            phase.starts_at,
            phase.amount_cents,
            phase_unit=offer.phase_unit,
            rent_basis=offer.rent_basis,
        )
        for phase in offer.phases.all()
    ]


def stay_text(offer) -> str:
    return _("%(shortest)s to %(longest)s weeks") % {
        "shortest": offer.min_stay_weeks,
        "longest": offer.max_stay_weeks,
    }
