"""Dates in running text take the case their sentence needs (no database)."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from regrow.lib.dates import date_since


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("en", date(2026, 3, 1), "since 1 March 2026"),
        ("en", date(2026, 11, 26), "since 26 November 2026"),
        # "kopš" takes the genitive: "marta", not Django's nominative "marts".
        ("lv", date(2026, 3, 1), "kopš 2026. gada 1. marta"),
        ("lv", date(2026, 4, 9), "kopš 2026. gada 9. aprīļa"),
        ("lv", date(2025, 12, 31), "kopš 2025. gada 31. decembra"),
    ],
)
def test_since_phrase_in_each_language(language, day, expected):
    with translation.override(language):
        assert date_since(day) == expected


def test_every_latvian_month_is_in_the_genitive():
    with translation.override("lv"):
        months = [date_since(date(2026, month, 2)).split(". ")[-1] for month in range(1, 13)]
    assert months == [
        "janvāra",
        "februāra",
        "marta",
        "aprīļa",
        "maija",
        "jūnija",
        "jūlija",
        "augusta",
        "septembra",
        "oktobra",
        "novembra",
        "decembra",
    ]


def test_the_since_filter_gives_the_phrase_and_nothing_without_a_day():
    template = Template("{% load dates %}[{{ day|since }}]")
    with translation.override("en"):
        assert template.render(Context({"day": date(2026, 3, 1)})) == "[since 1 March 2026]"
        assert template.render(Context({"day": None})) == "[]"
