"""The public pop-up calendar: this week's and the coming weeks' pop-ups (never cancelled, hidden
or past ones), the rounds' events, the map's units, pages and their queries, the trader's
person kept out, and the cached page renewed when pop-ups are confirmed or changed."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from regrow.popups import selectors_calendar as selectors
from regrow.popups import services
from regrow.popups.choices import ApplicationStatus
from regrow.popups.models import Application, RoundEvent, Sublease
from tests.fixtures import make_user
from tests.popups.test_applications import application_values
from tests.premises.conftest import make_unit
from tests.standards import read_page

PAGE = "/{language}/aluksne/popups/now/"


def make_popup(round_, offer, name, starts_on, ends_on, *, slot=0, **changes) -> Sublease:
    """An accepted application of a trader of its own, and its sublease."""
    number = Application.objects.count() + 1
    trader = make_user(
        f"trader{number}@example.org", full_name=f"Tirgotāja Nr{number}", preferred_language="lv"
    )
    application = Application.objects.create(
        round=round_,
        applicant=trader,
        status=ApplicationStatus.ACCEPTED,
        language="lv",
        **application_values(round_, business_name=name, category=changes.pop("category", "food")),
    )
    values = {
        "application": application,
        "round_unit": offer,
        "unit": offer.unit,
        "slot": slot,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "rent_cents_per_month": 11_400,
        "public_descriptions": {"lv": f"{name}: vietējās preces", "en": f"{name}: local goods"},
        "opening_hours": "10–18",  # noqa: RUF001
    }
    values.update(changes)
    return Sublease.objects.create(**values)


@pytest.fixture
def today(aluksne):
    return aluksne.town.today()


@pytest.fixture
def second_offer(open_round, aluksne, coordinator_of):
    unit = make_unit(aluksne.town, "ALU-2", street="Dārza iela", display_address="Dārza iela 2")
    return services.round_unit_add(round_=open_round, unit=unit, by=coordinator_of)


@pytest.fixture
def popups(open_round, offer, second_offer, today):
    """Open now, in three weeks, ended yesterday, cancelled, and hidden by its trader."""
    return {
        "now": make_popup(
            open_round, offer, "Šūšanas darbnīca", today - timedelta(days=3), today + timedelta(10)
        ),
        "coming": make_popup(
            open_round,
            second_offer,
            "Ziedu stūris",
            today + timedelta(days=21),
            today + timedelta(days=34),
            public_descriptions={"lv": "Ziedi un stādi"},
            category="crafts",
        ),
        "past": make_popup(
            open_round,
            offer,
            "Vakardienas maize",
            today - timedelta(20),
            today - timedelta(1),
            slot=1,
        ),
        "cancelled": make_popup(
            open_round,
            second_offer,
            "Atceltais veikals",
            today,
            today + timedelta(days=5),
            status=Sublease.Status.CANCELLED,
        ),
        "hidden": make_popup(
            open_round,
            offer,
            "Slēptais veikals",
            today,
            today + timedelta(days=5),
            slot=2,
            shown_publicly=False,
        ),
    }


def test_this_weeks_popups_come_first_and_only_public_current_and_coming_ones(
    client, popups, today
):
    response = client.get(PAGE.format(language="en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert read_page(html).errors == []
    assert "Šūšanas darbnīca" in html and "Ziedu stūris" in html
    for name in ("Vakardienas maize", "Atceltais veikals", "Slēptais veikals"):
        assert name not in html
    this_week = html.index(">This week<")
    assert this_week < html.index("Šūšanas darbnīca") < html.index("Ziedu stūris")
    # Three weeks ahead: under its own week, headed by its days.
    coming_week = selectors.week_of(popups["coming"].starts_on)
    assert f'id="week-{coming_week.isoformat()}"' in html
    assert "Šūšanas darbnīca: local goods" in html
    assert "Ziedi un stādi" in html  # only in Latvian: the town's language stands in
    assert "Crafts and gifts" in html and "10–18" in html  # noqa: RUF001
    assert popups["now"].unit.display_address in html
    assert "webcal://testserver/en/aluksne/popups/calendar.ics" in html
    assert 'href="http://testserver/en/aluksne/popups/calendar.ics"' in html
    assert 'data-geojson="/en/aluksne/popups/now.geojson"' in html


def test_the_page_is_in_the_readers_language(client, popups):
    html = client.get(PAGE.format(language="lv")).content.decode()
    assert "Šūšanas darbnīca: vietējās preces" in html
    assert 'lang="lv"' in html


def test_no_personal_data_of_the_traders_on_the_page_or_the_map(client, popups):
    page = client.get(PAGE.format(language="en")).content.decode()
    geojson = client.get("/en/aluksne/popups/now.geojson").content.decode()
    for popup in Sublease.objects.select_related("application__applicant"):
        person = popup.application.applicant
        for text in (page, geojson):
            assert person.email not in text
            assert person.full_name not in text
    idea = application_values(popups["now"].round_unit.round)["idea"]
    assert idea not in page and idea not in geojson


def test_the_map_has_one_point_a_unit_with_its_pop_ups(client, popups, offer):
    response = client.get("/en/aluksne/popups/now.geojson")
    assert response["Content-Type"] == "application/geo+json"
    features = {feature["id"]: feature for feature in response.json()["features"]}
    assert set(features) == {popups["now"].unit_id, popups["coming"].unit_id}
    properties = features[offer.unit_id]["properties"]
    assert properties["address"] == offer.unit.display_address
    assert properties["status_label"].startswith("Šūšanas darbnīca (")
    assert features[offer.unit_id]["geometry"]["coordinates"] == [
        float(offer.unit.longitude),
        float(offer.unit.latitude),
    ]


def test_the_rounds_events_of_the_period_are_under_their_week(client, popups, open_round, today):
    RoundEvent.objects.create(
        round=open_round, titles={"en": "Pop-up weekend"}, starts_on=today + timedelta(days=22)
    )
    RoundEvent.objects.create(
        round=open_round,
        titles={"en": "Last year's fair"},
        starts_on=today - timedelta(days=9),
        ends_on=today - timedelta(days=8),
    )
    html = client.get(PAGE.format(language="en")).content.decode()
    assert "Last year&#x27;s fair" not in html and "Last year's fair" not in html
    week = html.index(f'id="week-{selectors.week_of(today + timedelta(days=22)).isoformat()}"')
    assert week < html.index("Pop-up weekend")
    assert f'href="/en/aluksne/popups/{open_round.pk}/"' in html


def test_a_town_without_pop_ups_says_so(client, open_round):
    html = client.get(PAGE.format(language="en")).content.decode()
    assert "No pop-ups are open or planned at the moment." in html


def test_the_section_links_to_the_calendar_and_shows_while_pop_ups_are_on(
    client, popups, open_round
):
    assert 'href="/en/aluksne/popups/now/"' in client.get("/en/aluksne/popups/").content.decode()
    # An allocated round whose programme ended still shows while its pop-ups are on.
    open_round.status = "allocated"
    open_round.programme_ends_on = open_round.town.today() - timedelta(days=1)
    open_round.save()
    assert selectors.has_public_content(open_round.town)
    Sublease.objects.update(shown_publicly=False)
    assert not selectors.has_public_content(open_round.town)


def test_pages_of_pop_ups_list_each_event_once_in_bounded_queries(
    client, open_round, offer, today, django_assert_max_num_queries
):
    # 25 pop-ups, one starting each week from this one: two pages.
    for week in range(25):
        start = selectors.week_of(today) + timedelta(weeks=week, days=6)
        make_popup(open_round, offer, f"Veikals {week:02}", start, start, slot=week)
    for week in (0, 19, 20, 24):
        RoundEvent.objects.create(
            round=open_round,
            titles={"en": f"Event of week {week:02}"},
            starts_on=selectors.week_of(today) + timedelta(weeks=week, days=6),
        )
    url = PAGE.format(language="en")
    with django_assert_max_num_queries(12):
        first = client.get(url).content.decode()
    with django_assert_max_num_queries(12):
        second = client.get(url + "?page=2").content.decode()
    assert "Veikals 19" in first and "Veikals 20" not in first
    assert "Veikals 20" in second and "Veikals 24" in second
    for week in (0, 19):
        assert f"Event of week {week:02}" in first and f"Event of week {week:02}" not in second
    for week in (20, 24):
        assert f"Event of week {week:02}" in second and f"Event of week {week:02}" not in first
    cache.clear()
    make_popup(open_round, offer, "Veikals extra", today, today + timedelta(days=1), slot=99)
    with django_assert_max_num_queries(12):
        client.get(url + "?page=2")


def test_events_bounds_give_each_week_to_one_page():
    from datetime import date

    monday = date(2027, 3, 1)
    assert selectors.events_bounds(monday, None, last=False) == (None, date(2027, 3, 7))
    assert selectors.events_bounds(monday, monday, last=True) == (date(2027, 3, 7), None)
    assert selectors.events_bounds(None, None, last=True) == (None, None)


def test_confirming_an_allocation_renews_the_cached_page(
    client, open_round, offer, coordinator_of, today, django_capture_on_commit_callbacks
):
    from regrow.popups.models import AllocationRun, Round
    from regrow.popups.services import allocation

    trader = make_user("liene@example.org", preferred_language="lv")
    application = Application.objects.create(
        round=open_round,
        applicant=trader,
        status=ApplicationStatus.SUBMITTED,
        language="lv",
        **application_values(open_round, business_name="Liepu medus"),
    )
    url = PAGE.format(language="en")
    assert "Liepu medus" not in client.get(url).content.decode()  # now kept in the cache
    Round.objects.filter(pk=open_round.pk).update(applications_close_on=today - timedelta(days=1))
    open_round.refresh_from_db()
    first = open_round.programme_starts_on
    run = AllocationRun.objects.create(
        round=open_round,
        round_version=open_round.version,
        state=AllocationRun.State.DONE,
        rules=allocation.rules_of(open_round),
        result={
            "status": "optimal",
            # What the proposal was made from: the confirmation checks nothing changed since.
            "versions": allocation.application_versions(open_round),
            "placements": [
                {
                    "application": application.pk,
                    "offer": offer.pk,
                    "starts_on": first.isoformat(),
                    "ends_on": (first + timedelta(days=13)).isoformat(),
                    "weeks": 2,
                }
            ],
            "left_out": [],
        },
    )
    assert "Liepu medus" not in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        allocation.run_confirm(
            run=run, by=coordinator_of, round_version=open_round.version, notify=False
        )
    assert "Liepu medus" in client.get(url).content.decode()


def test_changing_a_pop_ups_public_fields_renews_the_cached_page(
    client, popups, coordinator_of, django_capture_on_commit_callbacks
):
    from regrow.popups.services.care import public_fields_save

    url = PAGE.format(language="en")
    assert "Šūšanas darbnīca" in client.get(url).content.decode()
    popup = popups["now"]
    with django_capture_on_commit_callbacks(execute=True):
        public_fields_save(
            sublease=popup,
            by=coordinator_of,
            version=popup.version,
            public_descriptions={"en": "Mending and tailoring"},
            opening_hours="9–17",  # noqa: RUF001
            shown_publicly=True,
        )
    html = client.get(url).content.decode()
    assert "Mending and tailoring" in html and "9–17" in html  # noqa: RUF001
    with django_capture_on_commit_callbacks(execute=True):
        public_fields_save(
            sublease=popup,
            by=coordinator_of,
            version=popup.version,
            public_descriptions={},
            opening_hours="",
            shown_publicly=False,
        )
    assert "Šūšanas darbnīca" not in client.get(url).content.decode()


def test_a_photo_is_shown_scaled_with_a_text_alternative(
    client, popups, coordinator_of, settings, tmp_path
):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from regrow.popups.services.care import public_fields_save

    settings.MEDIA_ROOT = tmp_path
    data = BytesIO()
    Image.new("RGB", (800, 600), (200, 80, 40)).save(data, format="JPEG")
    popup = popups["now"]
    public_fields_save(
        sublease=popup,
        by=coordinator_of,
        version=popup.version,
        public_descriptions=popup.public_descriptions,
        opening_hours=popup.opening_hours,
        shown_publicly=True,
        photo=SimpleUploadedFile("shop.jpg", data.getvalue(), content_type="image/jpeg"),
    )
    cache.clear()
    html = client.get(PAGE.format(language="en")).content.decode()
    popup.refresh_from_db()
    assert f'<img src="{popup.photo.url}" alt="The pop-up Šūšanas darbnīca"' in html
    assert 'class="entry-picture"' in html  # scales to the card's width (site.css)
