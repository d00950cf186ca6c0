"""Dates are shown and typed in the page's language, whatever the browser's (no database)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.utils import translation

from regrow.lib.widgets import LocalDateInput, LocalDateTimeInput, format_hint


class DayForm(forms.Form):
    day = forms.DateField(widget=LocalDateInput(), help_text="The first day.")
    starts_at = forms.DateTimeField(widget=LocalDateTimeInput(), required=False)


@pytest.mark.parametrize(
    ("language", "shown", "hint"),
    [("en", 'value="2026-11-26"', "YYYY-MM-DD"), ("lv", 'value="26.11.2026"', "dd.mm.gggg")],
)
def test_a_date_is_shown_in_the_pages_format_with_the_format_beside_it(language, shown, hint):
    with translation.override(language):
        html = str(DayForm(initial={"day": date(2026, 11, 26)})["day"])
    assert 'type="text"' in html and 'type="date"' not in html
    assert shown in html
    assert 'inputmode="numeric"' in html
    assert f'<span class="format-hint" id="id_day_format">{hint}</span>' in html
    # The help text the field had is still read out, then the format.
    assert 'aria-describedby="id_day_helptext id_day_format"' in html


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("lv", "26.11.2026"),
        ("lv", "2026-11-26"),  # ISO, as the tests and other programs send
        ("lv", "26112026"),  # a phone's number pad may have no full stop
        ("en", "2026-11-26"),
        ("en", "26.11.2026"),
        ("en", "20261126"),
    ],
)
def test_dates_are_taken_in_the_pages_format_and_as_iso(language, typed):
    with translation.override(language):
        form = DayForm({"day": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2026, 11, 26)


@pytest.mark.parametrize(("language", "typed"), [("en", "11/26/2026"), ("lv", "11/26/2026")])
def test_month_first_dates_are_refused_rather_than_guessed(language, typed):
    with translation.override(language):
        assert not DayForm({"day": typed}).is_valid()


@pytest.mark.parametrize(
    ("language", "shown", "hint"),
    [
        ("en", 'value="2026-11-26 18:30"', "YYYY-MM-DD hh:mm"),
        ("lv", 'value="26.11.2026 18:30"', "dd.mm.gggg hh:mm"),
    ],
)
def test_a_date_and_time_is_shown_in_the_pages_format(settings, language, shown, hint):
    settings.TIME_ZONE = "Europe/Riga"
    riga = datetime(2026, 11, 26, 18, 30, tzinfo=ZoneInfo("Europe/Riga"))
    with translation.override(language):
        html = str(DayForm(initial={"starts_at": riga})["starts_at"])
    assert shown in html and 'type="text"' in html
    assert f'id="id_starts_at_format">{hint}</span>' in html
    assert "inputmode" not in html  # a time needs a colon, which a number pad may lack


@pytest.mark.parametrize(
    ("language", "typed"),
    [("lv", "26.11.2026 18:30"), ("lv", "2026-11-26T18:30"), ("en", "2026-11-26 18:30")],
)
def test_dates_and_times_are_taken_in_the_pages_format_and_as_iso(settings, language, typed):
    settings.TIME_ZONE = "Europe/Riga"
    with translation.override(language):
        form = DayForm({"day": "2026-11-26", "starts_at": typed})
        assert form.is_valid(), form.errors
    expected = datetime(2026, 11, 26, 18, 30, tzinfo=ZoneInfo("Europe/Riga"))
    assert form.cleaned_data["starts_at"] == expected


def test_a_format_hint_names_each_part_in_the_language():
    with translation.override("en"):
        assert format_hint("%d.%m.%y") == "DD.MM.YY"
    with translation.override("lv"):
        assert format_hint("%d.%m.%Y %H:%M") == "dd.mm.gggg hh:mm"
