"""Adding a unit by hand: nothing typed is lost, and what is left empty the register fills in."""

from datetime import date, timedelta

from regrow.premises import services
from regrow.premises.choices import ShopCategory, Status
from regrow.premises.models import StatusChange, Unit
from tests.premises.conftest import make_unit

URL = "/en/aluksne/register/units/new/"


def typed(town, **fields) -> dict:
    """The add-unit form as a coordinator fills it in, "in the register since" left as today."""
    values = {
        "external_id": "ALU-9",
        "street": "Pils iela",
        "house_number": "9",
        "latitude": "57.4227",
        "longitude": "27.0461",
        "floor_area_m2": "64",
        "floor": "ground",
        "condition": "ready",
        "listed_on": town.today().isoformat(),
        "notes": "Corner shop with two windows",
        "status-status": Status.VACANT,
        "status-effective_on": (town.today() - timedelta(days=25)).isoformat(),
        "status-use_category": ShopCategory.FASHION,
        "status-note": "Empty since the shoe shop closed",
    }
    values.update(fields)
    return values


def test_an_earlier_first_status_moves_in_the_register_since_back_to_its_day(
    client, aluksne, coordinator
):
    client.force_login(coordinator)
    response = client.post(URL, typed(aluksne.town))
    assert response.status_code == 302, response.content.decode()[:3000]
    unit = Unit.objects.get(external_id="ALU-9")
    first_day = aluksne.town.today() - timedelta(days=25)
    assert unit.listed_on == first_day
    change = StatusChange.objects.get(unit=unit)
    assert (change.status, change.effective_on) == (Status.VACANT, first_day)


def test_the_first_statuss_note_and_use_are_kept(client, aluksne, coordinator):
    client.force_login(coordinator)
    response = client.post(URL, typed(aluksne.town))
    assert response.status_code == 302
    change = StatusChange.objects.get(unit__external_id="ALU-9")
    assert change.note == "Empty since the shoe shop closed"
    assert change.use_category == ShopCategory.FASHION
    assert change.recorded_by == coordinator


def test_an_emptied_in_the_register_since_follows_the_first_status_too(
    client, aluksne, coordinator
):
    client.force_login(coordinator)
    response = client.post(URL, typed(aluksne.town, listed_on=""))
    assert response.status_code == 302
    unit = Unit.objects.get(external_id="ALU-9")
    assert unit.listed_on == aluksne.town.today() - timedelta(days=25)


def test_a_typed_in_the_register_since_after_the_first_status_is_named_and_kept(
    client, aluksne, coordinator
):
    client.force_login(coordinator)
    later = aluksne.town.today() - timedelta(days=3)
    response = client.post(URL, typed(aluksne.town, listed_on=later.isoformat()))
    assert response.status_code == 400
    html = response.content.decode()
    # The message stands at "in the register since", with what was typed still in the form.
    assert 'id="id_listed_on_error"' in html
    first_day = aluksne.town.today() - timedelta(days=25)
    assert f"The first status is dated {first_day.isoformat()}" in html
    assert f'value="{later.isoformat()}"' in html
    assert "Corner shop with two windows</textarea>" in html
    assert 'value="Empty since the shoe shop closed"' in html
    assert not Unit.objects.exists() and not StatusChange.objects.exists()


def test_a_first_status_in_the_future_is_named_at_its_date(client, aluksne, coordinator):
    client.force_login(coordinator)
    tomorrow = (aluksne.town.today() + timedelta(days=1)).isoformat()
    response = client.post(URL, typed(aluksne.town, **{"status-effective_on": tomorrow}))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_status-effective_on_error"' in html
    assert "A status cannot be dated in the future." in html
    assert not Unit.objects.exists()


def test_a_taken_external_id_is_refused_with_the_form_kept(client, aluksne, coordinator):
    make_unit(aluksne.town, "ALU-9")
    client.force_login(coordinator)
    response = client.post(URL, typed(aluksne.town))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unit with this Town and External id already exists." in html
    assert "Corner shop with two windows</textarea>" in html
    assert Unit.objects.count() == 1


def test_an_empty_external_id_is_made_up_and_unique_in_the_town(client, aluksne, coordinator):
    client.force_login(coordinator)
    for number in ("9", "11"):
        response = client.post(URL, typed(aluksne.town, external_id="", house_number=number))
        assert response.status_code == 302, response.content.decode()[:3000]
    made_up = list(Unit.objects.order_by("pk").values_list("pk", "external_id"))
    assert [external_id for _pk, external_id in made_up] == [
        f"U-{pk:06d}" for pk, _external_id in made_up
    ]


def test_a_made_up_external_id_steps_over_an_imported_one_of_the_same_form(aluksne, coordinator):
    first = services.unit_create(town=aluksne.town, by=coordinator, **unit_fields(external_id="A1"))
    # A file that happens to use the form the register makes up, for the next row.
    make_unit(aluksne.town, f"U-{first.pk + 2:06d}")
    made = services.unit_create(town=aluksne.town, by=coordinator, **unit_fields(external_id=""))
    assert made.pk == first.pk + 2
    assert made.external_id == f"U-{made.pk:06d}-2"


def unit_fields(**fields) -> dict:
    values = {
        "street": "Pils iela",
        "house_number": "1",
        "latitude": "57.4227",
        "longitude": "27.0461",
        "floor_area_m2": "45",
    }
    values.update(fields)
    return values


def test_the_add_unit_form_explains_the_two_fields_it_may_fill_in(client, aluksne, coordinator):
    client.force_login(coordinator)
    response = client.get(URL)
    form = response.context["form"]
    assert not form.fields["external_id"].required and not form.fields["listed_on"].required
    html = response.content.decode()
    assert "Left empty, one is made up, such as U-000123." in html
    assert "Left as today, it follows the date of the status below." in html
    # On a unit's own page both stay required: a re-import matches units by the id.
    unit = make_unit(aluksne.town, "A1")
    form = client.get(f"/en/aluksne/register/units/{unit.pk}/").context["form"]
    assert form.fields["external_id"].required and form.fields["listed_on"].required


def test_without_a_status_a_unit_is_listed_from_its_own_day(aluksne, coordinator):
    unit = services.unit_create(
        town=aluksne.town,
        by=coordinator,
        **unit_fields(external_id="A1", listed_on=date(2024, 5, 1)),
    )
    assert unit.listed_on == date(2024, 5, 1)
    assert not unit.status_changes.exists()


def test_a_latvian_page_shows_and_takes_dates_as_latvians_write_them(client, aluksne, coordinator):
    client.force_login(coordinator)
    today = aluksne.town.today()
    html = client.get("/lv/aluksne/register/units/new/").content.decode()
    assert 'type="date"' not in html
    assert f'name="listed_on" value="{today:%d.%m.%Y}"' in html
    first_day = today - timedelta(days=40)
    response = client.post(
        "/lv/aluksne/register/units/new/",
        typed(
            aluksne.town,
            listed_on=f"{today:%d.%m.%Y}",
            **{"status-effective_on": f"{first_day:%d.%m.%Y}"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    unit = Unit.objects.get(external_id="ALU-9")
    assert unit.listed_on == first_day
    assert unit.status_changes.get().effective_on == first_day
