"""Dates in running text take the case their sentence needs (no database)."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone as dj_timezone
from django.utils import translation

from regrow.lib.dates import appears_on, date_on, date_range, date_since, event_when, published_on


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


# Latvian after "no" takes the genitive, after "līdz" the dative, and the day on which
# something happens the locative: Django's nominative ("4. februāris") is wrong in all three.
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Published 4 February 2019"),
        ("lv", "Publicēts 2019. gada 4. februārī"),
    ],
)
def test_published_on_takes_the_locative(language, expected):
    with translation.override(language):
        assert published_on(date(2019, 2, 4)) == expected


def test_every_latvian_month_in_each_case():
    with translation.override("lv"):
        on = [date_on(date(2026, month, 2)).split(". ")[-1] for month in range(1, 13)]
        until = [
            date_range(date(2025, 12, 1), date(2026, month, 2)).split(". ")[-1]
            for month in range(1, 13)
        ]
        start = [
            date_range(date(2026, month, 1), date(2027, 1, 2)).split(" līdz")[0].split(". ")[-1]
            for month in range(1, 13)
        ]
    assert on[:4] == ["janvārī", "februārī", "martā", "aprīlī"]
    assert on[10:] == ["novembrī", "decembrī"]
    assert until[:3] == ["janvārim", "februārim", "martam"]
    assert until[-1] == "decembrim"
    assert start[:3] == ["janvāra", "februāra", "marta"]
    assert start[-1] == "decembra"


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("en", date(2026, 1, 1), date(2026, 11, 26), "From 1 January to 26 November 2026"),
        ("lv", date(2026, 1, 1), date(2026, 11, 26), "No 2026. gada 1. janvāra līdz 26. novembrim"),
        ("en", date(2025, 12, 1), date(2026, 2, 28), "From 1 December 2025 to 28 February 2026"),
        (
            "lv",
            date(2025, 12, 1),
            date(2026, 2, 28),
            "No 2025. gada 1. decembra līdz 2026. gada 28. februārim",
        ),
        ("en", date(2026, 3, 1), date(2026, 3, 31), "From 1 to 31 March 2026"),
        ("lv", date(2026, 3, 1), date(2026, 3, 31), "No 2026. gada 1. līdz 31. martam"),
        ("lv", date(2026, 3, 5), date(2026, 3, 5), "2026. gada 5. martā"),
    ],
)
def test_a_period_gives_its_shared_year_once(language, start, end, expected):
    with translation.override(language):
        assert date_range(start, end) == expected


RIGA = ZoneInfo("Europe/Riga")


@pytest.mark.parametrize(
    ("language", "ends", "expected"),
    [
        ("en", None, "4 February 2026 at 18:00"),
        ("lv", None, "2026. gada 4. februārī plkst. 18.00"),
        ("en", datetime(2026, 2, 4, 20, 30, tzinfo=RIGA), "4 February 2026, 18:00–20:30"),  # noqa: RUF001
        (
            "lv",
            datetime(2026, 2, 4, 20, 30, tzinfo=RIGA),
            "2026. gada 4. februārī plkst. 18.00–20.30",  # noqa: RUF001
        ),
        (
            "en",
            datetime(2026, 2, 5, 16, 0, tzinfo=RIGA),
            "From 4 February 2026 at 18:00 to 5 February 2026 at 16:00",
        ),
        (
            "lv",
            datetime(2026, 2, 5, 16, 0, tzinfo=RIGA),
            "No 2026. gada 4. februāra plkst. 18.00 līdz 2026. gada 5. februārim plkst. 16.00",
        ),
    ],
)
def test_an_event_says_when_in_the_places_time(language, ends, expected):
    starts = datetime(2026, 2, 4, 16, 0, tzinfo=UTC)  # 18:00 in Riga
    with translation.override(language), dj_timezone.override(RIGA):
        assert event_when(starts, ends) == expected


def test_a_late_event_is_on_the_places_day_not_the_servers():
    # 23:30 in Riga is still 21:30 UTC on the same day, but 00:30 on the next day is not.
    starts = datetime(2026, 2, 4, 22, 30, tzinfo=UTC)
    with translation.override("en"), dj_timezone.override(RIGA):
        assert event_when(starts) == "5 February 2026 at 00:30"
        assert appears_on(starts) == "Appears on 5 February 2026 at 00:30"
    with translation.override("lv"), dj_timezone.override(RIGA):
        assert appears_on(starts) == "Parādīsies 2026. gada 5. februārī plkst. 00.30"


def test_the_filters_and_tags_give_the_phrases_and_nothing_without_a_day():
    template = Template(
        "{% load dates %}[{{ day|published_on }}|{{ day|on_day }}|{% date_range day end %}]"
        "[{{ none|published_on }}{{ none|on_day }}{{ none|appears_on }}{% event_when none %}]"
    )
    context = Context({"day": date(2019, 2, 4), "end": date(2019, 3, 1), "none": None})
    with translation.override("lv"):
        assert template.render(context) == (
            "[Publicēts 2019. gada 4. februārī|2019. gada 4. februārī|"
            "No 2019. gada 4. februāra līdz 1. martam][]"
        )
