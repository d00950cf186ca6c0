"""The owner agreement (head lease) as a document, PDF or DOCX: the town as issuer, the parties,
the town's wording with its placeholders filled in, the term and rent, room to sign.

The parts every agreement shares (the wording made into paragraphs, the term and rent table, the
town's head) are here too; the sublease (sublease_document.py) is built from them."""

import re
from collections.abc import Mapping, Sequence
from datetime import date

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from regrow.lib import documents
from regrow.lib.dates import date_on, date_range
from regrow.lib.money import euros_from_cents
from regrow.popups.models import AgreementTemplate, OwnerAgreement
from regrow.popups.services.agreements import agreement_wording, fill
from regrow.premises.models import Unit
from regrow.towns.documents import town_issuer
from regrow.towns.models import Town

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
BLANK = "_" * 20  # what the register does not know is left as a line to write on


def one_line(text: str) -> str:
    """A postal address of several lines on one, or "" if there is none."""
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def unit_area(unit: Unit) -> str:
    """The unit's floor area as a number for "… m²": whole square metres without decimals."""
    area = unit.floor_area_m2
    if area is None:
        return "—"
    return number_format(area, decimal_pos=0 if area % 1 == 0 else 2)


def terms_table(
    starts_on: date,
    ends_on: date,
    rent_cents: int,
    service_charges_cents: int,
    grant_cents: int = 0,
) -> documents.Table:
    """The term in words and the money a month; a grant's column only where there is one."""
    header = [_("Term"), _("Rent a month"), _("Service charges a month")]
    row = [
        date_range(starts_on, ends_on),
        euros_from_cents(rent_cents),
        euros_from_cents(service_charges_cents),
    ]
    if grant_cents:
        header.append(_("Grant"))
        row.append(euros_from_cents(grant_cents))
    return documents.Table(header=header, rows=[row], align=["left", *["right"] * (len(row) - 1)])


def worded_document(
    *,
    town: Town,
    kind: str,
    language: str,
    values: Mapping[str, str],
    subtitle: str,
    head: Sequence[documents.Block],
    tail: Sequence[documents.Block],
) -> documents.Document:
    """The town's wording of `kind` in `language` (or the default) between `head` and `tail`,
    its placeholders filled from `values`. Call it with `language` active."""
    title, body = agreement_wording(town, kind, language)
    paragraphs = [
        documents.Paragraph(" ".join(fill(part, values).split()))
        for part in PARAGRAPH_BREAK.split(body.strip())
        if part.strip()
    ]
    return documents.Document(
        title=fill(title, values),
        subtitle=subtitle,
        language=language,
        issuer=town_issuer(town),
        issued_on=town.today(),
        blocks=[*head, *paragraphs, *tail],
    )


def placeholder_values(agreement: OwnerAgreement, town: Town) -> dict[str, str]:
    """Each placeholder's text for the agreement, in the active language."""
    unit = agreement.round_unit.unit
    return {
        "owner_name": agreement.owner.name,
        "owner_address": one_line(agreement.owner.postal_address) or BLANK,
        "intermediary_name": agreement.intermediary_name,
        "intermediary_address": one_line(agreement.intermediary_address) or BLANK,
        "unit_address": unit.display_address,
        "unit_area": unit_area(unit),
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
        values = placeholder_values(agreement, town)
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
        terms = terms_table(
            agreement.starts_on,
            agreement.ends_on,
            agreement.rent_cents_per_month,
            agreement.service_charges_cents_per_month,
        )
        signatures = documents.Signatures(
            [
                documents.Party(_("Owner"), agreement.owner.name),
                documents.Party(_("Intermediary"), agreement.intermediary_name),
            ]
        )
        return worded_document(
            town=town,
            kind=AgreementTemplate.Kind.OWNER,
            language=language,
            values=values,
            subtitle=values["unit_address"],
            head=[parties],
            tail=[documents.Heading(_("Term and rent")), terms, signatures],
        )
