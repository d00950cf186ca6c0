"""The network lead's set-up: the network's programme, kind and dates, its phases and
milestones, its partners (role and chosen components) and the good practice in components
with their guidance documents. Every write asks can(MANAGE_NETWORK) and refuses bad input
with a ValidationError naming the field."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.dates import date_range
from regrow.network.models import (
    Component,
    GuidanceDocument,
    Milestone,
    Network,
    Partner,
    Phase,
    TransferPlan,
)
from regrow.popups.services.applications import validate_pdf
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def require_lead(by, network: Network) -> Network:
    """The network, locked for the write, if `by` may set it up; PermissionDenied otherwise."""
    if not can(by, Action.MANAGE_NETWORK, network):
        raise PermissionDenied
    return Network.objects.select_for_update().get(pk=network.pk)


def _outside(network: Network, starts_on, ends_on) -> bool:
    return bool(
        (network.started_on and starts_on < network.started_on)
        or (network.ended_on and ends_on > network.ended_on)
    )


@transaction.atomic
def network_update(
    *, network: Network, by, programme: str, kind: str, started_on, ended_on
) -> Network:
    network = require_lead(by, network)
    network.programme, network.kind = programme.strip(), kind.strip()
    network.started_on, network.ended_on = started_on, ended_on
    # Only what this form changes is checked (the rest is the administrators').
    edited = {"programme", "kind", "started_on", "ended_on"}
    network.full_clean(
        exclude=[field.name for field in Network._meta.fields if field.name not in edited],
        validate_unique=False,
    )
    for phase in network.phases.all():
        if _outside(network, phase.starts_on, phase.ends_on):
            raise ValidationError(
                {
                    "started_on": _(
                        "The phase “%(phase)s” (%(dates)s) would lie outside the network's "
                        "dates. Change the phase first."
                    )
                    % {"phase": phase.name, "dates": date_range(phase.starts_on, phase.ends_on)}
                }
            )
    network.save()
    return network


@transaction.atomic
def phase_save(
    *, network: Network, by, phase: Phase | None = None, kind: str, names: dict, starts_on, ends_on
) -> Phase:
    """Add a phase, or change `phase`. A phase ends on or after its first day, lies within the
    network's dates and overlaps no other phase."""
    network = require_lead(by, network)
    phase = phase or Phase(network=network)
    if phase.network_id != network.pk:
        raise PermissionDenied
    phase.kind, phase.starts_on, phase.ends_on = kind, starts_on, ends_on
    phase.names = {code: text.strip() for code, text in names.items() if text.strip()}
    phase.full_clean()
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})
    if _outside(network, starts_on, ends_on):
        raise ValidationError(
            {
                "starts_on": _("A phase lies within the network's dates: %(dates)s.")
                % {
                    "dates": date_range(
                        network.started_on or starts_on, network.ended_on or ends_on
                    )
                }
            }
        )
    overlapping = (
        network.phases.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
        .exclude(pk=phase.pk)
        .first()
    )
    if overlapping is not None:
        raise ValidationError(
            {
                "starts_on": _("It overlaps the phase “%(phase)s”: %(dates)s.")
                % {
                    "phase": overlapping.name,
                    "dates": date_range(overlapping.starts_on, overlapping.ends_on),
                }
            }
        )
    phase.save()
    return phase


@transaction.atomic
def phase_delete(*, phase: Phase, by) -> None:
    require_lead(by, phase.network)
    phase.delete()


@transaction.atomic
def milestone_save(
    *,
    network: Network,
    by,
    milestone: Milestone | None = None,
    titles: dict,
    month: int | None,
    due_on,
    done_on=None,
) -> Milestone:
    """Add a milestone, or change `milestone`: a title, the month of the network it falls in
    (from 1), when it is due and, once reached, when it was done."""
    network = require_lead(by, network)
    milestone = milestone or Milestone(network=network)
    if milestone.network_id != network.pk:
        raise PermissionDenied
    titles = {code: text.strip() for code, text in titles.items() if text.strip()}
    if not titles:
        raise ValidationError({"titles": _("Give the milestone a title.")})
    if month is not None and month < 1:
        raise ValidationError({"month": _("The network's months count from 1.")})
    if done_on is not None and done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A milestone cannot be done on a day still to come.")})
    milestone.titles, milestone.month = titles, month
    milestone.due_on, milestone.done_on = due_on, done_on
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by) -> None:
    require_lead(by, milestone.network)
    milestone.delete()


@transaction.atomic
def partner_save(
    *,
    network: Network,
    by,
    partner: Partner | None = None,
    town: Town,
    role: str,
    joined_on=None,
    components=(),
) -> Partner:
    """Add a partner town, or change `partner`: its role (one lead partner, the city that shares
    the good practice) and the components it chose (which make its thematic groups)."""
    network = require_lead(by, network)
    partner = partner or Partner(network=network)
    if partner.network_id != network.pk:
        raise PermissionDenied
    if partner.pk and partner.town_id != town.pk:
        raise ValidationError({"town": _("A partner's town cannot change; add a new partner.")})
    if network.partners.filter(town=town).exclude(pk=partner.pk).exists():
        raise ValidationError(
            {"town": _("%(town)s is already a partner of this network.") % {"town": town.name}}
        )
    lead = network.partners.filter(role=Partner.Role.LEAD).exclude(pk=partner.pk).first()
    if role == Partner.Role.LEAD and lead is not None:
        raise ValidationError(
            {
                "role": _(
                    "%(town)s is already the lead partner. A network has one; make it a "
                    "partner first."
                )
                % {"town": lead.town.name}
            }
        )
    components = list(components)
    if any(component.network_id != network.pk for component in components):
        raise ValidationError({"components": _("Choose components of this network.")})
    partner.town, partner.role, partner.joined_on = town, role, joined_on
    partner.full_clean()
    partner.save()
    partner.components.set(components)
    return partner


@transaction.atomic
def partner_remove(*, partner: Partner, by) -> None:
    """Take a town out of the network, with its coordinators' roles and its stakeholder group;
    refused while it has a Transfer Plan, which would go with it, or hosts meetings (named in
    the refusal), which keep their host."""
    require_lead(by, partner.network)
    if TransferPlan.objects.filter(partner=partner).exists():
        raise ValidationError(
            _(
                "%(town)s has a Transfer Plan, which would be deleted with the partner. "
                "A partner with a plan stays."
            )
            % {"town": partner.town.name}
        )
    hosted = [meeting.title for meeting in partner.hosted_meetings.only("id", "titles")[:6]]
    if hosted:
        listed = ", ".join(f"“{title}”" for title in hosted[:5])
        if len(hosted) > 5:
            listed += ", …"
        raise ValidationError(
            _(
                "%(town)s hosts meetings (%(meetings)s), which would lose their host. Give "
                "them another host or hold them online first; a partner that hosts meetings "
                "stays."
            )
            % {"town": partner.town.name, "meetings": listed}
        )
    partner.delete()


COMPONENT_TEXTS = ("names", "problems", "how_it_works", "success_factors", "resources")


@transaction.atomic
def component_save(
    *, network: Network, by, component: Component | None = None, order: int = 0, **texts
) -> Component:
    """Add a component of the good practice, or change `component`: its name, the problem it
    addresses, how it works, its success factors and the resources it needs, per language."""
    network = require_lead(by, network)
    component = component or Component(network=network)
    if component.network_id != network.pk:
        raise PermissionDenied
    for name in COMPONENT_TEXTS:
        given = texts.get(name, {})
        setattr(component, name, {code: text.strip() for code, text in given.items() if text})
    if not component.names:
        raise ValidationError({"names": _("Give the component a name.")})
    component.order = order
    component.full_clean()
    component.save()
    return component


def _delete_files_on_commit(names: list[str]) -> None:
    from regrow.network.models.structure import network_documents

    storage = network_documents()

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def component_delete(*, component: Component, by) -> None:
    """Delete a component with its guidance documents (their files once this commits)."""
    require_lead(by, component.network)
    files = list(component.documents.values_list("file", flat=True))
    component.delete()
    _delete_files_on_commit(files)


@transaction.atomic
def guidance_add(
    *, component: Component, by, title: str, language: str, upload: UploadedFile
) -> GuidanceDocument:
    """Share a guide to a component: a PDF (by its content), at most 10 MB."""
    require_lead(by, component.network)
    document = GuidanceDocument(
        component=component, title=title.strip(), language=language, uploaded_by=by
    )
    document.full_clean(exclude=["file"])
    validate_pdf(upload)
    name = (upload.name or "guide.pdf").rsplit("/", 1)[-1][:100]
    document.file.save(name, upload, save=False)
    document.save()
    return document


@transaction.atomic
def guidance_remove(*, document: GuidanceDocument, by) -> None:
    require_lead(by, document.component.network)
    name = document.file.name
    document.delete()
    _delete_files_on_commit([name])
