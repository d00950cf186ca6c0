"""The owner agreement (head lease) as a document, PDF or DOCX: the town as issuer, the parties,
the town's wording with its placeholders filled in, the term and rent, room to sign."""

import re

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from regrow.lib import documents
from regrow.lib.dates import date_on, date_range
from regrow.lib.money import euros_from_cents
from regrow.popups.models import OwnerAgreement
from regrow.popups.services.agreements import agreement_wording, fill
from regrow.towns.documents import town_issuer
from regrow.towns.models import Town

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
BLANK = "_" * 20  # what the register does not know is left as a line to write on


def _one_line(text: str) -> str:
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def placeholder_values(agreement: OwnerAgreement, town: Town) -> dict[str, str]:
    """Each placeholder's text for the agreement, in the active language."""
    unit = agreement.round_unit.unit
    area = unit.floor_area_m2
    return {
        "owner_name": agreement.owner.name,
        "owner_address": _one_line(agreement.owner.postal_address) or BLANK,
        "intermediary_name": agreement.intermediary_name,
        "intermediary_address": _one_line(agreement.intermediary_address) or BLANK,
        "unit_address": unit.display_address,
        "unit_area": (
            "—" if area is None else number_format(area, decimal_pos=0 if area % 1 == 0 else 2)
        ),
        "term_start": date_on(agreement.starts_on),
        "term_end": date_on(agreement.ends_on),
        "rent": euros_from_cents(agreement.rent_cents_per_month),
        "service_charges": euros_from_cents(agreement.service_charges_cents_per_month),
        "conditions": agreement.conditions.strip()
        or pgettext("an agreement's further conditions", "none"),
        "town_name": town.name,
    }


def agreement_document(agreement: OwnerAgreement, town: Town, language: str) -> documents.Document:
    """The agreement in `language`, from the town's template in it (or the default)."""
    with translation.override(language):
        title, body = agreement_wording(town, language)
        values = placeholder_values(agreement, town)
        paragraphs = [
            documents.Paragraph(" ".join(fill(part, values).split()))
            for part in PARAGRAPH_BREAK.split(body.strip())
            if part.strip()
        ]
        parties = documents.KeyValues(
            [
                (_("Owner"), ", ".join([values["owner_name"], values["owner_address"]])),
                (
                    _("Intermediary"),
                    ", ".join([values["intermediary_name"], values["intermediary_address"]]),
                ),
                (_("Premises"), f"{values['unit_address']}, {values['unit_area']} m²"),
            ]
        )
        terms = documents.Table(
            header=[_("Term"), _("Rent a month"), _("Service charges a month")],
            rows=[
                [
                    date_range(agreement.starts_on, agreement.ends_on),
                    values["rent"],
                    values["service_charges"],
                ]
            ],
            align=["left", "right", "right"],
        )
        signatures = documents.Signatures(
            [
                documents.Party(_("Owner"), agreement.owner.name),
                documents.Party(_("Intermediary"), agreement.intermediary_name),
            ]
        )
        return documents.Document(
            title=fill(title, values),
            subtitle=values["unit_address"],
            language=language,
            issuer=town_issuer(town),
            issued_on=town.today(),
            blocks=[parties, *paragraphs, documents.Heading(_("Term and rent")), terms, signatures],
        )
