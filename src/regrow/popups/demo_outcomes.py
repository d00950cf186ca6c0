"""Outcomes of the demo's finished rounds, recorded through the services as an operator would:

- Altena's first round (2024): seven of its nine pop-ups stayed as permanent tenants, among them
  the gift shop, the organic fruit seller, the café and the artists' gallery in the former
  drugstore (the facts file); a care log and mid-round reviews.
- Alūksne's first pop-up space (2019): tailoring stayed, the beauty studio moved on.
- Altena's 2025 round: outcomes for the pop-ups it held, two of them staying.

Idempotent: a pop-up that has an outcome is left as it is."""

from datetime import timedelta

from regrow.popups.models import Footfall, Outcome, SalesBand, Sublease
from regrow.popups.services.care import care_entry_add, care_entry_resolve, mid_review_save
from regrow.popups.services.outcomes import outcome_save, stay_days

# Business name → (stayed, visitors, sales band, new lease rent € a month).
ALTENA_2024 = {
    "Geschenke & mehr": (True, 1400, SalesBand.UP_TO_5000, 380),
    "Bio-Obst Altena": (True, 2100, SalesBand.OVER_5000, 320),
    "Café Burgblick": (True, 2600, SalesBand.OVER_5000, 450),
    "Galerie Drogerie": (True, 900, SalesBand.UP_TO_2000, 600),
    "Buchladen Freiheit": (True, 700, SalesBand.UP_TO_2000, 260),
    "Maßschneiderei Koch": (True, 500, SalesBand.UP_TO_2000, 220),
    "Radwerk": (True, 650, SalesBand.UP_TO_5000, 300),
    "Seifenmanufaktur": (False, 400, SalesBand.UNDER_500, None),
    "Spielzeugkiste": (False, 550, SalesBand.UP_TO_2000, None),
}
ALUKSNE_2019 = {
    "Šūšanas darbnīca „Adata”": (True, 320, SalesBand.UP_TO_2000, 90),
    "Skaistumkopšanas studija „Lini”": (False, 260, SalesBand.UNDER_500, None),
}
ALTENA_2025 = {
    "Holzwerk Altena": (True, 800, SalesBand.UP_TO_5000, 330),
    "Bio-Laden Demir": (True, 1900, SalesBand.OVER_5000, 470),
}
CARE = {
    "de": ("Schloss der Eingangstür klemmt; Schlosser bestellt.", "Besuch des Bürgermeisters."),
    "lv": (
        "Ieejas durvju slēdzene iestrēgst; izsaukts atslēdznieks.",
        "Domes priekšsēdētāja vizīte.",
    ),
}


def _record(sublease: Sublease, by, facts, language: str) -> None:
    stayed, visitors, band, rent = facts
    days = stay_days(sublease)
    issue, visit = CARE.get(language, CARE["de"])
    entry = care_entry_add(
        sublease=sublease,
        by=by,
        happened_on=sublease.starts_on + timedelta(days=3),
        kind="issue",
        description=issue,
    )
    care_entry_resolve(
        entry=entry,
        by=by,
        resolved_on=sublease.starts_on + timedelta(days=5),
        version=entry.version,
    )
    care_entry_add(
        sublease=sublease,
        by=by,
        happened_on=sublease.starts_on + timedelta(days=10),
        kind="visit",
        description=visit,
    )
    mid_review_save(
        sublease=sublease,
        by=by,
        version=0,
        reviewed_on=sublease.starts_on + timedelta(days=days // 2),
        footfall=Footfall.HIGH if visitors > 1000 else Footfall.MEDIUM,
        going_well="",
        to_improve="",
        on_track=stayed,
    )
    outcome_save(
        sublease=sublease,
        by=by,
        version=0,
        days_open=days - 2 * (days // 7),
        visitors_estimate=visitors,
        sales_band=band,
        stayed=stayed,
        stayed_from=sublease.ends_on + timedelta(days=1) if stayed else None,
        lease_rent_cents_per_month=rent * 100 if rent else None,
        lease_months=24 if stayed else None,
        lease_notes="",
    )


def load_outcomes(round_, by, outcomes: dict, language: str) -> int:
    done = 0
    subleases = (
        Sublease.objects.filter(round_unit__round=round_)
        .exclude(status=Sublease.Status.CANCELLED)
        .select_related("application", "round_unit__round__town", "unit")
    )
    for sublease in subleases:
        facts = outcomes.get(sublease.application.business_name)
        if facts is None or Outcome.objects.filter(sublease=sublease).exists():
            continue
        _record(sublease, by, facts, language)
        done += 1
    return done


# A receipt as the demo's evidence of payment: a one-page PDF, checked by content like any.
RECEIPT = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"  # noqa: E501
FUNDS = {
    "altena": ("Innenstadtförderung Altena", "budget_line", 6_000_000),
    "aluksne": ("Uzņēmējdarbības atbalsts centrā", "budget_line", 500_000),
}


def load_money(round_, by, *, grant_cents: int) -> None:
    """The town's fund pays the round; each pop-up got a fitting-out grant, paid with a
    receipt a week after it opened. Idempotent: a round with grants is left as it is."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from regrow.popups.models import Fund, Grant
    from regrow.popups.services.funds import fund_save, round_fund_set
    from regrow.popups.services.money import grant_approve, grant_pay

    town = round_.town
    name, kind, total = FUNDS[town.slug]
    fund = Fund.objects.filter(town=town, name=name).first() or fund_save(
        town=town, by=by, name=name, kind=kind, total_cents=total, notes=""
    )
    if round_.fund_id != fund.pk:
        round_fund_set(round_=round_, fund=fund, by=by)
    if not grant_cents or Grant.objects.filter(sublease__round_unit__round=round_).exists():
        return
    for sublease in Sublease.objects.filter(round_unit__round=round_).order_by("starts_on", "id"):
        grant = grant_approve(
            sublease=sublease,
            by=by,
            amount_cents=min(grant_cents, sublease.grant_cents or grant_cents),
            purpose=Grant.Purpose.FITTING_OUT,
            approved_on=sublease.starts_on - timedelta(days=14),
            description="",
        )
        grant_pay(
            grant=grant,
            by=by,
            version=grant.version,
            paid_on=sublease.starts_on + timedelta(days=7),
            evidence=SimpleUploadedFile("receipt.pdf", RECEIPT, content_type="application/pdf"),
        )
