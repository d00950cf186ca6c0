"""Transfer networks over JSON, for their members: the networks one may enter, and a network's
partners, components (with their thematic groups), phases and milestones, a page at a time.
Pages as the pop-up lists' (`count`, `next`, `previous`, `results`); a network one may not
enter is a 403, one that does not exist a 404."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.network import selectors_members as selectors
from regrow.network.models import Network
from regrow.towns.permissions import Action, can

router = Router(tags=["networks"])


class NetworkOut(Schema):
    slug: str
    names: dict[str, str] = Field(description="The name in each language given")
    programme: str
    kind: str
    started_on: date | None
    ended_on: date | None


class PartnerOut(Schema):
    id: int
    town: str = Field(description="The town's slug")
    town_name: str
    role: str = Field(description="lead (the good-practice city) or partner")
    joined_on: date | None
    components: list[int] = Field(description="The ids of the components it chose")


class ComponentOut(Schema):
    id: int
    names: dict[str, str]
    problems: dict[str, str] = Field(description="The problem it addresses, per language")
    how_it_works: dict[str, str]
    success_factors: dict[str, str]
    resources: dict[str, str] = Field(description="The resources it needs, per language")
    order: int
    partners: list[str] = Field(description="Its thematic group: the slugs of the partner towns")
    guides: list[str] = Field(description="The titles of its guidance documents")


class PhaseOut(Schema):
    id: int
    kind: str = Field(description="preparation, transfer_learning, transfer_sharing or other")
    names: dict[str, str] = Field(description="Empty where the kind's own name serves")
    starts_on: date
    ends_on: date


class MilestoneOut(Schema):
    id: int
    titles: dict[str, str]
    month: int | None = Field(description="The month of the network it falls in, from 1")
    due_on: date
    done_on: date | None
    overdue: bool = Field(description="Due before today and not done")


class NetworkPage(paging.PageOf):
    results: list[NetworkOut]


class PartnerPage(paging.PageOf):
    results: list[PartnerOut]


class ComponentPage(paging.PageOf):
    results: list[ComponentOut]


class PhasePage(paging.PageOf):
    results: list[PhaseOut]


class MilestonePage(paging.PageOf):
    results: list[MilestoneOut]


def _network(request, slug: str) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not can(request.user, Action.VIEW_NETWORK, network):
        raise PermissionDenied
    return network


def _page(request, items, page: int, page_size: int, out) -> dict:
    paging.refuse_unknown(request)
    current = paging.page_of(request, items, page, page_size)
    return {**paging.links(request, current), "results": [out(item) for item in current]}


def _network_out(network: Network) -> dict:
    return {name: getattr(network, name) for name in NetworkOut.model_fields}


@router.get(
    "networks",
    response=responses({200: NetworkPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The networks you may enter",
)
def list_networks(request, page: int = paging.PageNumber, page_size: int = paging.PageSize):
    """Those you hold a role in, and those a town you coordinate is a partner of."""
    return _page(
        request, selectors.networks_of(request.user).order_by("slug"), page, page_size, _network_out
    )


@router.get(
    "networks/{slug}/partners",
    response=responses({200: PartnerPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A network's partner towns, the lead partner first",
)
def list_partners(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network = _network(request, slug)

    def out(partner) -> dict:
        return {
            "id": partner.pk,
            "town": partner.town.slug,
            "town_name": partner.town.name,
            "role": partner.role,
            "joined_on": partner.joined_on,
            "components": [component.pk for component in partner.components.all()],
        }

    return _page(request, selectors.partners_with_components(network), page, page_size, out)


@router.get(
    "networks/{slug}/components",
    response=responses({200: ComponentPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The components of a network's good practice, with their thematic groups",
)
def list_components(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network = _network(request, slug)

    def out(component) -> dict:
        texts = ("names", "problems", "how_it_works", "success_factors", "resources", "order")
        return {
            "id": component.pk,
            **{name: getattr(component, name) for name in texts},
            "partners": [partner.town.slug for partner in component.partners.all()],
            "guides": [document.title for document in component.documents.all()],
        }

    return _page(request, selectors.components_of(network), page, page_size, out)


@router.get(
    "networks/{slug}/phases",
    response=responses({200: PhasePage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A network's phases in time",
)
def list_phases(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network = _network(request, slug)

    def out(phase) -> dict:
        return {name: getattr(phase, name) for name in PhaseOut.model_fields}

    return _page(request, selectors.phases_of(network), page, page_size, out)


@router.get(
    "networks/{slug}/milestones",
    response=responses({200: MilestonePage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A network's milestones by due date",
)
def list_milestones(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network = _network(request, slug)
    today = timezone.localdate()

    def out(milestone) -> dict:
        fields = ("id", "titles", "month", "due_on", "done_on")
        return {
            **{name: getattr(milestone, name) for name in fields},
            "overdue": milestone.done_on is None and milestone.due_on < today,
        }

    return _page(request, network.milestones.all(), page, page_size, out)
