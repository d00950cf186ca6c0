"""Writes about a round's grants: approve one for a pop-up, pay it (with its evidence), cancel it.

An approval never takes the round above its grant budget, a pop-up above the round's largest
grant, or the round's fund above its total (with every other round of the fund: their grants and
rent gap). Two coordinators approving at once cannot both pass: the round's row, then the fund's,
is locked for the transaction (see services/funds.py), and the sums are read after the lock.
Every refusal names its field; nothing is written when anything is refused."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.lib.dates import date_on
from regrow.lib.money import euros_from_cents
from regrow.popups.models import Grant, Sublease
from regrow.popups.selectors_money import LIVE_GRANTS, fund_money
from regrow.popups.services.funds import locked_fund, locked_round
from regrow.popups.services.rounds import require_coordinator

# Evidence of a payment: a receipt or an invoice as PDF or picture, told by its first bytes.
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_KINDS = (
    (b"%PDF-", ".pdf", "application/pdf"),
    (b"\xff\xd8\xff", ".jpg", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", ".png", "image/png"),
)
CONTENT_TYPES = {suffix: content_type for _magic, suffix, content_type in EVIDENCE_KINDS}
# One grant at most: ten million euros (the column holds a little over twenty).
MAX_GRANT_CENTS = 10**9


def evidence_suffix(upload: UploadedFile) -> str:
    """The file's kind (".pdf", ".jpg", ".png") by its content; refused above 10 MB."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError({"evidence": _("The file is larger than 10 MB.")})
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for magic, suffix, _content_type in EVIDENCE_KINDS:
        if head.startswith(magic):
            return suffix
    raise ValidationError({"evidence": _("The evidence must be a PDF, JPEG or PNG file.")})


def _live_sum(grants) -> int:
    return grants.filter(status__in=LIVE_GRANTS).aggregate(total=Sum("amount_cents"))["total"] or 0


def _amount_refusal(round_, sublease: Sublease, amount: int) -> str | None:
    """Why the round, the pop-up or the fund cannot take `amount` more; None if they can.
    Read under the round's lock (and the fund's, taken here)."""
    used = _live_sum(Grant.objects.filter(sublease__round_unit__round=round_))
    if used + amount > round_.grant_budget_cents:
        return _("The round's grant budget has %(left)s left: a grant of %(amount)s is more.") % {
            "left": euros_from_cents(max(round_.grant_budget_cents - used, 0)),
            "amount": euros_from_cents(amount),
        }
    has = _live_sum(sublease.grants.all())
    if has + amount > round_.max_grant_cents:
        return _(
            "A pop-up gets at most %(largest)s in grants in this round; %(name)s has %(has)s "
            "already, so at most %(left)s more."
        ) % {
            "largest": euros_from_cents(round_.max_grant_cents),
            "name": sublease.application.business_name,
            "has": euros_from_cents(has),
            "left": euros_from_cents(max(round_.max_grant_cents - has, 0)),
        }
    if round_.fund_id is not None:
        fund = locked_fund(round_.fund_id)
        money = fund_money(fund)
        if money.drawn_cents + amount > fund.total_cents:
            return _(
                "%(fund)s, which pays this round, has %(left)s left for the grants and rent gap "
                "of all its rounds: a grant of %(amount)s is more."
            ) % {
                "fund": fund.name,
                "left": euros_from_cents(max(money.left_cents, 0)),
                "amount": euros_from_cents(amount),
            }
    return None


@transaction.atomic
def grant_approve(
    *, sublease: Sublease, by, amount_cents: int, purpose: str, approved_on, description: str = ""
) -> Grant:
    """Approve a grant of `amount_cents` for the pop-up."""
    round_id = Sublease.objects.values_list("round_unit__round_id").get(pk=sublease.pk)[0]
    round_ = locked_round(round_id)
    require_coordinator(by, round_.town)
    sublease = Sublease.objects.select_related("application").get(pk=sublease.pk)
    if sublease.status == Sublease.Status.CANCELLED:
        raise ValidationError(_("This pop-up's sublease is cancelled: it gets no grant."))
    grant = Grant(
        sublease=sublease,
        amount_cents=amount_cents,
        purpose=purpose,
        description=(description or "").strip(),
        approved_on=approved_on,
        approved_by=by,
        status=Grant.Status.APPROVED,
    )
    grant.full_clean(exclude=["sublease", "amount_cents", "approved_by", "paid_by", "evidence"])
    errors = {}
    if approved_on > round_.town.today():
        errors["approved_on"] = _("The approval cannot be dated after today.")
    elif approved_on < round_.applications_open_on:
        errors["approved_on"] = _(
            "The approval cannot be dated before the round opened (%(day)s)."
        ) % {"day": date_on(round_.applications_open_on)}
    if not 0 < amount_cents <= MAX_GRANT_CENTS:
        errors["amount"] = _("A grant is more than nothing and at most ten million euros.")
    else:
        refusal = _amount_refusal(round_, sublease, amount_cents)
        if refusal:
            errors["amount"] = refusal
    if errors:
        raise ValidationError(errors)
    grant.save()
    return grant


def _locked_grant(grant: Grant, by):
    round_id = Grant.objects.values_list("sublease__round_unit__round_id").get(pk=grant.pk)[0]
    round_ = locked_round(round_id)
    require_coordinator(by, round_.town)
    return round_, Grant.objects.select_for_update().get(pk=grant.pk)


def _stale() -> str:
    return _("Someone else changed this grant meanwhile. Reload the page and try again.")


@transaction.atomic
def grant_pay(*, grant: Grant, by, version: int, paid_on, evidence: UploadedFile | None) -> Grant:
    """Record that the approved grant was paid on `paid_on`, with the receipt or invoice."""
    round_, grant = _locked_grant(grant, by)
    if grant.status == Grant.Status.PAID:
        raise ValidationError(
            _("This grant was already paid on %(day)s.") % {"day": date_on(grant.paid_on)}
        )
    if grant.status == Grant.Status.CANCELLED:
        raise ValidationError(_("This grant was cancelled: it cannot be paid."))
    errors = {}
    if paid_on < grant.approved_on:
        errors["paid_on"] = _("A grant cannot be paid before it was approved (%(day)s).") % {
            "day": date_on(grant.approved_on)
        }
    elif paid_on > round_.town.today():
        errors["paid_on"] = _("The payment cannot be dated after today.")
    suffix = None
    if evidence is None:
        errors["evidence"] = _("Attach the receipt or the invoice of the payment.")
    else:
        try:
            suffix = evidence_suffix(evidence)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    grant.version = claim_version(
        Grant, grant.pk, version, _stale(), status=Grant.Status.PAID, paid_on=paid_on, paid_by=by
    )
    grant.status, grant.paid_on, grant.paid_by = Grant.Status.PAID, paid_on, by
    # The file is written last, after every check and the version claim.
    grant.evidence.save(f"grant-{grant.pk}{suffix}", evidence, save=False)
    Grant.objects.filter(pk=grant.pk).update(evidence=grant.evidence.name)
    return grant


@transaction.atomic
def grant_cancel(*, grant: Grant, by, version: int) -> Grant:
    """Cancel an approved grant: the budget, the pop-up and the fund get its amount back.
    A paid grant is not cancelled."""
    _round, grant = _locked_grant(grant, by)
    if grant.status == Grant.Status.PAID:
        raise ValidationError(_("A paid grant cannot be cancelled."))
    if grant.status == Grant.Status.CANCELLED:
        raise ValidationError(_("This grant is already cancelled."))
    grant.version = claim_version(Grant, grant.pk, version, _stale(), status=Grant.Status.CANCELLED)
    grant.status = Grant.Status.CANCELLED
    return grant
