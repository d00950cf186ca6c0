"""Writes of Transfer Plans: a partner's coordinator starts the plan and writes it section by
section; its versions move on from draft to peer review to final, and editing a final version
starts a new draft from it.

Every section saves on its own with optimistic locking: a save based on text someone else has
changed since is refused (SectionConflict, with their text), never merged or overwritten.
A version's actions, risks and indicators are kept with it (`snapshot`) when it is submitted
for peer review and again when it is made final, so that any two versions compare in full.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError, claim_version
from regrow.lib.richtext import clean_html, plain_text
from regrow.network.models import (
    Partner,
    PlanSection,
    PlanVersion,
    SectionKey,
    TransferPlan,
)
from regrow.network.selectors_plans import plan_snapshot
from regrow.towns.permissions import Action, can

Status = PlanVersion.Status


def require_edit(user, obj) -> None:
    """Refuse anyone but the coordinators of the plan's partner (and superusers)."""
    if not can(user, Action.EDIT_PLAN, obj):
        raise PermissionDenied(_("Only the partner's coordinators write its Transfer Plan."))


class SectionConflict(ConcurrentEditError):
    """Someone saved the section after this edit began: `current` is their section."""

    def __init__(self, current: PlanSection):
        super().__init__(
            _(
                "Someone else saved this section after you opened it. Nothing was overwritten: "
                "your text is still in the editor and theirs is shown above it. Take what you "
                "need from theirs into yours and save again."
            )
        )
        self.current = current


@dataclass(frozen=True)
class SectionSaved:
    section: PlanSection
    started: PlanVersion | None = None  # the new draft this save started, if it did


@transaction.atomic
def plan_start(*, partner: Partner, title: str, language: str, by) -> TransferPlan:
    """The partner's plan with its first version, a draft with every section empty."""
    require_edit(by, partner)
    plan = TransferPlan(partner=partner, title=(title or "").strip(), language=language)
    plan.full_clean(exclude=["partner"])
    if TransferPlan.objects.filter(partner=partner).exists():
        raise ValidationError(
            _("%(town)s has a Transfer Plan already.") % {"town": partner.town.name}
        )
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        raise ValidationError(
            _("%(town)s has a Transfer Plan already.") % {"town": partner.town.name}
        ) from None
    version = PlanVersion.objects.create(plan=plan, number=1, created_by=by)
    PlanSection.objects.bulk_create(
        [PlanSection(plan_version=version, key=key) for key in SectionKey.values]
    )
    return plan


def _latest_locked(plan: TransferPlan) -> PlanVersion:
    latest = PlanVersion.objects.select_for_update().filter(plan=plan).order_by("-number").first()
    if latest is None:
        raise ValidationError(_("This plan has no version yet."))
    latest.plan = plan
    return latest


def _new_draft(base: PlanVersion, by) -> PlanVersion:
    """Version number + 1, a draft based on `base`, with its sections copied."""
    try:
        with transaction.atomic():
            draft = PlanVersion.objects.create(
                plan=base.plan, number=base.number + 1, based_on=base, created_by=by
            )
    except IntegrityError:
        raise ConcurrentEditError(
            _("Someone started a new version of this plan meanwhile. Reload the page.")
        ) from None
    sections = PlanSection.objects.filter(plan_version=base)
    PlanSection.objects.bulk_create(
        [
            PlanSection(plan_version=draft, key=s.key, body=s.body, updated_by_id=s.updated_by_id)
            for s in sections
        ]
    )
    return draft


def _section(version: PlanVersion, key: str) -> PlanSection:
    section, _created = PlanSection.objects.select_related("updated_by").get_or_create(
        plan_version=version, key=key
    )
    return section


def _in_review(version: PlanVersion) -> ValidationError:
    return ValidationError(
        _(
            "Version %(number)s is in peer review: nobody edits it while the reviewers read it. "
            "Once it is made final, editing it starts version %(next)s."
        )
        % {"number": version.number, "next": version.number + 1}
    )


@transaction.atomic
def section_save(
    *, plan: TransferPlan, key: str, body: str, number: int, version: int, by
) -> SectionSaved:
    """Save one section's text (sanitised as publishing's) into the plan's newest version.

    `number` and `version` are the plan version and the section version the editor started
    from. A draft is saved into; a version in peer review is refused; a final version is left
    as it is and a new draft is started from it (said by `started`). A save whose text someone
    changed meanwhile raises SectionConflict with their section.
    """
    require_edit(by, plan)
    if key not in SectionKey.values:
        raise ValidationError(_("This plan has no such section."))
    body = clean_html(body)
    latest = _latest_locked(plan)
    if latest.status == Status.IN_REVIEW:
        raise _in_review(latest)
    started = None
    if latest.number == number:
        target = latest
        if latest.status == Status.FINAL:
            final = _section(latest, key)
            if final.version != version:
                raise SectionConflict(final)
            target = started = _new_draft(latest, by)
            version = 1
    else:
        # A newer draft was started meanwhile (by a save to another section, say). The save
        # goes into it only if this section there is still the untouched copy of the text
        # this edit began from.
        target = latest
        theirs = _section(latest, key)
        began = PlanSection.objects.filter(plan_version__plan=plan, plan_version__number=number)
        began = began.filter(key=key).first()
        untouched = (
            began is not None
            and began.version == version
            and latest.based_on_id == began.plan_version_id
            and theirs.body == began.body
        )
        if not untouched:
            raise SectionConflict(theirs)
        version = theirs.version
    section = _section(target, key)
    try:
        section.version = claim_version(
            PlanSection,
            section.pk,
            version,
            "",
            body=body,
            updated_by=by,
            updated_at=timezone.now(),
        )
    except ConcurrentEditError:
        raise SectionConflict(_section(target, key)) from None
    section.body, section.updated_by = body, by
    return SectionSaved(section=section, started=started)


def _move_on(latest: PlanVersion, token: int, status: str, stamp: str) -> PlanVersion:
    """The newest version to `status`, stamped now (`stamp`: the field that says when), with
    the plan's actions, risks and indicators kept as they are now; refused if someone changed
    its status since the page showed version `token` of it."""
    changes = {"status": status, stamp: timezone.now(), "snapshot": plan_snapshot(latest.plan)}
    latest.version = claim_version(
        PlanVersion,
        latest.pk,
        token,
        _("Someone changed this version's status meanwhile. Reload the page."),
        **changes,
    )
    for name, value in changes.items():
        setattr(latest, name, value)
    return latest


@transaction.atomic
def version_submit(*, plan: TransferPlan, number: int, version: int, by) -> PlanVersion:
    """Send the newest version, a draft, to peer review; its actions, risks and indicators
    are kept with it."""
    require_edit(by, plan)
    latest = _latest_locked(plan)
    if latest.number != number or latest.status != Status.DRAFT:
        raise ValidationError(_("Only the newest version, while it is a draft, goes to review."))
    bodies = PlanSection.objects.filter(plan_version=latest).values_list("body", flat=True)
    if not any(plain_text(body) for body in bodies):
        raise ValidationError(_("Write at least one section before sending the plan to review."))
    return _move_on(latest, version, Status.IN_REVIEW, "submitted_at")


@transaction.atomic
def version_finalise(*, plan: TransferPlan, number: int, version: int, by) -> PlanVersion:
    """Make the version in peer review final; its actions, risks and indicators are kept again,
    as they are now."""
    require_edit(by, plan)
    latest = _latest_locked(plan)
    if latest.number != number or latest.status != Status.IN_REVIEW:
        raise ValidationError(_("Only the version in peer review can be made final."))
    return _move_on(latest, version, Status.FINAL, "finalised_at")


@transaction.atomic
def version_start(*, plan: TransferPlan, by) -> PlanVersion:
    """A new draft from the newest version, which must be final."""
    require_edit(by, plan)
    latest = _latest_locked(plan)
    if latest.status != Status.FINAL:
        raise ValidationError(
            _("Version %(number)s is not final yet: work on it instead of starting another.")
            % {"number": latest.number}
        )
    return _new_draft(latest, by)
