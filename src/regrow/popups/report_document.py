"""A round's report as a document (PDF or DOCX): the town as issuer, the programme in words, the
funnel, unit-weeks, money and the streets' vacancy, each chart the page shows (the same SVG; the
DOCX gets it as PNG) with its description as caption and its figures as a table."""

from django.utils import translation
from django.utils.translation import gettext as _

from regrow.lib import documents
from regrow.lib.dates import date_range
from regrow.popups import report_words as words
from regrow.popups.selectors_report import RoundReport
from regrow.towns.documents import town_issuer

# The charts are drawn 320 units wide with 12-unit text: at this width the text prints at about
# the size of the body text.
CHART_WIDTH_MM = 100


def definitions() -> str:
    return _(
        "Applications count those submitted and decided, not drafts or withdrawn ones. Accepted: "
        "the pop-ups (subleases not cancelled); opened: those whose first day has come; stayed: "
        "those that stayed as permanent tenants. Each rate is of the step before. A unit-week is "
        "a week of a unit for each pop-up it holds at once. The cost to the town is what its "
        "fund pays: the subsidy (what the owners were paid less what the pop-ups paid, where "
        "that is more than nothing) and the grants approved. The vacancy rate counts every unit "
        "on the round's streets, a partly vacant one as half: the day before the programme, its "
        "middle day and 90 days after it (or today, until then)."
    )


def _chart(svg, title: str, caption: str) -> documents.Image:
    return documents.Image(
        str(svg).encode(), "image/svg+xml", alt=title, caption=caption, width_mm=CHART_WIDTH_MM
    )


def _funnel(report: RoundReport) -> list[documents.Block]:
    title = _("From enquiries to pop-ups that stayed")
    return [
        documents.Heading(title),
        _chart(words.funnel_chart(report.funnel), title, words.funnel_description(report.funnel)),
        documents.Table(
            header=[_("Step"), _("Number"), _("Of the step before")],
            rows=words.funnel_rows(report.funnel),
            align=["left", "right", "right"],
        ),
    ]


def _money(report: RoundReport) -> list[documents.Block]:
    items = words.money_items(report)
    title = _("What the round cost")
    return [
        documents.Heading(title),
        documents.KeyValues(items),
        _chart(words.money_chart(report), title, words.money_description(report)),
    ]


def _vacancy(report: RoundReport) -> list[documents.Block]:
    title = _("Vacancy rate of the round's streets")
    blocks: list[documents.Block] = [documents.Heading(title)]
    if report.streets:
        blocks.append(documents.Paragraph(_("Streets: %s") % ", ".join(report.streets)))
    blocks.append(
        documents.Table(
            header=[_("When"), _("Day"), _("Vacancy rate"), _("Empty of usable units")],
            rows=words.vacancy_rows(report),
            align=["left", "left", "right", "right"],
        )
    )
    chart = words.vacancy_chart(report)
    if chart is not None:
        blocks.append(_chart(chart, title, words.vacancy_description(report)))
    return blocks


def report_document(report: RoundReport, language: str) -> documents.Document:
    """The report in `language`."""
    round_ = report.round
    town = round_.town
    with translation.override(language):
        return documents.Document(
            title=_("Pop-up round report: %(round)s") % {"round": round_.title},
            subtitle=date_range(round_.programme_starts_on, round_.programme_ends_on),
            language=language,
            issuer=town_issuer(town),
            issued_on=town.today(),
            blocks=[
                *_funnel(report),
                documents.Heading(_("Unit-weeks")),
                documents.KeyValues(words.unit_week_items(report.unit_weeks)),
                *_money(report),
                *_vacancy(report),
                documents.Paragraph(definitions(), note=True),
            ],
        )
