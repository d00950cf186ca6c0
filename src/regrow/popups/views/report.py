"""The round report (a page, a PDF and a DOCX) and the town's rounds side by side, for the
town's coordinators."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from regrow.popups import report_words as words
from regrow.popups.report_document import definitions, report_document
from regrow.popups.selectors_report import round_report, rounds_compared
from regrow.popups.views import coordinated_round
from regrow.popups.views.agreements import document_response
from regrow.premises.views import coordinated_town


@login_required
def round_report_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    report = round_report(round_)
    context = {
        "place": round_.town,
        "town": round_.town,
        "round": round_,
        "report": report,
        "funnel_rows": words.funnel_rows(report.funnel),
        "funnel_chart": words.funnel_chart(report.funnel),
        "unit_week_items": words.unit_week_items(report.unit_weeks),
        "money_items": words.money_items(report),
        "money_chart": words.money_chart(report),
        "vacancy_rows": words.vacancy_rows(report),
        "vacancy_chart": words.vacancy_chart(report),
        "definitions": definitions(),
    }
    return render(request, "popups/report.html", context)


def _download(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    round_ = coordinated_round(request, slug, pk)
    document = report_document(round_report(round_), translation.get_language() or "en")
    return document_response(document, fmt, f"{round_.town.slug}-popup-round-{round_.pk}-report")


@login_required
def round_report_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _download(request, slug, pk, "pdf")


@login_required
def round_report_docx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _download(request, slug, pk, "docx")


@login_required
def rounds_compare(request: HttpRequest, slug: str) -> HttpResponse:
    """The town's rounds side by side, ROUNDS_PER_PAGE to a page, newest programme first."""
    town = coordinated_town(request, slug)
    page, rows = rounds_compared(town, request.GET.get("page"))
    context = {
        "place": town,
        "town": town,
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "rows": [
            {
                "figures": one,
                "funnel": [words.count(step.count) for step in one.funnel.steps],
                "conversion": words.rate(one.funnel.conversion),
                "offered": words.week_count(one.unit_weeks.offered),
                "used": words.week_count(one.unit_weeks.used),
                "cost": words.money(one.cost_cents),
                "per_stayed": words.money(one.cost_per_stayed_cents),
            }
            for one in rows
        ],
        "step_labels": [str(label) for label in words.STEP_LABELS.values()],
        "chart": words.comparison_chart(rows),
        "definitions": definitions(),
    }
    return render(request, "popups/compare.html", context)
