"""A version of a Transfer Plan as DOCX or PDF, in the plan's language, for the network's
members (as the plan's pages)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from regrow.lib import documents
from regrow.network import selectors_review as selectors
from regrow.network.plan_document import plan_document


def filename(version, fmt: str) -> str:
    plan = version.plan
    return (
        f"{plan.partner.network.slug}-{plan.partner.town.slug}-transfer-plan-"
        f"v{version.number}.{fmt}"
    )


def _download(request: HttpRequest, slug: str, plan_pk: int, number: int, fmt: str):
    plan = selectors.plan_of(request.user, slug, plan_pk)
    version = selectors.version_of(plan, number)
    render_file = documents.render_pdf if fmt == "pdf" else documents.render_docx
    response = HttpResponse(
        render_file(plan_document(version)), content_type=documents.CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename(version, fmt)}"'
    return response


@require_GET
@login_required
def plan_version_docx(request: HttpRequest, slug: str, plan_pk: int, number: int) -> HttpResponse:
    """The version as a Word file, to edit."""
    return _download(request, slug, plan_pk, number, "docx")


@require_GET
@login_required
def plan_version_pdf(request: HttpRequest, slug: str, plan_pk: int, number: int) -> HttpResponse:
    return _download(request, slug, plan_pk, number, "pdf")
