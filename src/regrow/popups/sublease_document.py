"""The sublease as a document, PDF or DOCX: the intermediary sublets an offered unit to a pop-up
trader for some days, under the unit's owner agreement (the head lease). Built from the same
parts as the owner agreement (agreement_document.py), with the town's sublease wording."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from regrow.lib import documents
from regrow.lib.dates import date_on
from regrow.lib.money import euros_from_cents
from regrow.popups.agreement_document import (
    BLANK,
    one_line,
    terms_table,
    unit_area,
    worded_document,
)
from regrow.popups.models import AgreementTemplate, OwnerAgreement, Sublease
from regrow.towns.models import Town

# What a download needs in one query: the trader, the unit and the head lease with its owner.
RELATED = (
    "unit",
    "application__applicant",
    "round_unit__round__town",
    "round_unit__agreement__owner",
)


def head_lease(sublease: Sublease) -> OwnerAgreement | None:
    """The owner agreement the sublease comes under, if the offer has one yet."""
    try:
        return sublease.round_unit.agreement
    except ObjectDoesNotExist:
        return None


def placeholder_values(sublease: Sublease, town: Town) -> dict[str, str]:
    """Each placeholder's text for the sublease, in the active language; what is not known yet
    (no head lease, no name on the account) is a line to write on."""
    application = sublease.application
    applicant = application.applicant
    agreement = head_lease(sublease)
    return {
        "intermediary_name": agreement.intermediary_name if agreement else BLANK,
        "intermediary_address": (one_line(agreement.intermediary_address) if agreement else "")
        or BLANK,
        "trader_name": application.business_name,
        "trader_person": applicant.full_name.strip() or BLANK,
        "trader_email": applicant.email,
        "unit_address": sublease.unit.display_address,
        "unit_area": unit_area(sublease.unit),
        "category": application.get_category_display(),
        "term_start": date_on(sublease.starts_on),
        "term_end": date_on(sublease.ends_on),
        "rent": euros_from_cents(sublease.rent_cents_per_month),
        "service_charges": euros_from_cents(sublease.service_charges_cents_per_month),
        "grant": euros_from_cents(sublease.grant_cents)
        if sublease.grant_cents
        else pgettext("a sublease's grant when there is none", "none"),
        "owner_name": agreement.owner.name if agreement else BLANK,
        "head_lease_start": date_on(agreement.starts_on) if agreement else BLANK,
        "head_lease_end": date_on(agreement.ends_on) if agreement else BLANK,
        "town_name": town.name,
    }


def sublease_document(sublease: Sublease, town: Town, language: str) -> documents.Document:
    """The sublease in `language`, from the town's sublease template in it (or the default)."""
    with translation.override(language):
        values = placeholder_values(sublease, town)
        intermediary = pgettext("the party that sublets, in a sublease", "Intermediary")
        trader = pgettext("the pop-up that takes the premises, in a sublease", "Trader")
        parties = documents.KeyValues(
            [
                (
                    intermediary,
                    ", ".join([values["intermediary_name"], values["intermediary_address"]]),
                ),
                (
                    trader,
                    ", ".join(
                        [values["trader_name"], values["trader_person"], values["trader_email"]]
                    ),
                ),
                (_("Premises"), f"{values['unit_address']}, {values['unit_area']} m²"),
            ]
        )
        terms = terms_table(
            sublease.starts_on,
            sublease.ends_on,
            sublease.rent_cents_per_month,
            sublease.service_charges_cents_per_month,
            sublease.grant_cents,
        )
        signatures = documents.Signatures(
            [
                documents.Party(intermediary, values["intermediary_name"]),
                documents.Party(trader, values["trader_name"]),
            ]
        )
        return worded_document(
            town=town,
            kind=AgreementTemplate.Kind.SUBLEASE,
            language=language,
            values=values,
            subtitle=values["unit_address"],
            head=[parties],
            tail=[documents.Heading(_("Term and rent")), terms, signatures],
        )
