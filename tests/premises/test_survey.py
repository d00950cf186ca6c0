"""The street survey page: one form per unit, recorded all together or not at all."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from regrow.premises import services
from regrow.premises.choices import Status
from regrow.premises.models import StatusChange, Survey, UnitPhoto
from regrow.towns.models import Role
from tests.premises.conftest import add_status, make_unit

URL = "/en/aluksne/register/survey/street/"


@pytest.fixture
def street(aluksne):
    """Three units of Pils iela, occupied since 2024, listed out of house-number order."""
    units = [
        make_unit(aluksne.town, f"P{n}", house_number=str(n), display_address=f"Pils iela {n}")
        for n in (10, 2, 5)
    ]
    for unit in units:
        add_status(unit, Status.OCCUPIED, date(2024, 1, 1))
    return sorted(units, key=lambda unit: int(unit.house_number))


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def survey_data(units, statuses, surveyed_on="2025-05-02") -> dict:
    """What the page posts: the management form, then one row per unit in page order."""
    data = {
        "street": "Pils iela",
        "surveyed_on": surveyed_on,
        "units-TOTAL_FORMS": str(len(units)),
        "units-INITIAL_FORMS": str(len(units)),
        "units-MIN_NUM_FORMS": "0",
        "units-MAX_NUM_FORMS": "1000",
    }
    for index, (unit, status) in enumerate(zip(units, statuses, strict=True)):
        data[f"units-{index}-unit"] = str(unit.pk)
        data[f"units-{index}-status"] = status
    return data


def checked(page: str) -> dict[str, str]:
    """Row prefix → the status whose radio button is checked."""
    found = re.findall(
        r'<input type="radio" name="units-(\d+)-status" value="(\w+)"[^>]*checked', page
    )
    return dict(found)


def row_of(page: str, prefix: str) -> str:
    """The HTML of one unit's row of the page."""
    return re.search(rf'<fieldset class="survey-unit" id="{prefix}".*?</fieldset>', page, re.S)[0]


def jpeg() -> bytes:
    output = BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(output, format="JPEG")
    return output.getvalue()


def test_the_street_is_shown_in_house_number_order_with_todays_statuses(
    client, coordinator, street
):
    client.force_login(coordinator)
    response = client.get(URL, {"street": "Pils iela"})
    assert response.status_code == 200
    page = response.content.decode()
    legends = re.findall(r"<legend>(.*?)</legend>", page)
    assert legends == ["Pils iela 2", "Pils iela 5", "Pils iela 10"]
    assert checked(page) == {"0": "occupied", "1": "occupied", "2": "occupied"}
    assert 'name="units-TOTAL_FORMS" value="3"' in page


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
def test_only_the_towns_coordinators_survey_it(client, aluksne, altena, street, role):
    client.force_login(aluksne.people[role])
    assert client.get(URL, {"street": "Pils iela"}).status_code == 403
    client.force_login(altena.people[Role.COORDINATOR])
    data = survey_data(street, [Status.VACANT] * 3)
    assert client.post(URL, data).status_code == 403
    assert not Survey.objects.exists()


def test_a_good_submit_records_every_row_with_its_photo(client, coordinator, street):
    client.force_login(coordinator)
    data = survey_data(street, [Status.VACANT, Status.OCCUPIED, Status.UNUSABLE])
    data["units-0-photo"] = SimpleUploadedFile("front.jpg", jpeg(), content_type="image/jpeg")
    response = client.post(URL, data, follow=True)
    assert response.redirect_chain[-1][0] == "/en/aluksne/register/survey/"
    assert "Survey of Pils iela saved: 2 units changed status." in response.content.decode()
    survey = Survey.objects.get()
    assert survey.surveyed_on == date(2025, 5, 2)
    recorded = {
        change.unit.display_address: change.status
        for change in StatusChange.objects.filter(survey=survey).select_related("unit")
    }
    assert recorded == {"Pils iela 2": Status.VACANT, "Pils iela 10": Status.UNUSABLE}
    assert list(UnitPhoto.objects.values_list("unit", flat=True)) == [street[0].pk]


def test_rows_left_untapped_and_an_empty_date_record_today_for_the_tapped_ones(
    client, aluksne, coordinator, street
):
    client.force_login(coordinator)
    data = survey_data(street, ["", Status.VACANT, ""], surveyed_on="")
    assert client.post(URL, data).status_code == 302
    change = StatusChange.objects.get(survey__isnull=False)
    assert (change.unit, change.effective_on) == (street[1], aluksne.town.today())


def test_a_bad_value_in_one_row_names_that_row_keeps_every_value_and_writes_nothing(
    client, coordinator, street
):
    client.force_login(coordinator)
    before = StatusChange.objects.count()
    data = survey_data(street, [Status.VACANT, "demolished", Status.UNUSABLE])
    response = client.post(URL, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Pils iela 5 · Status: Choose one of the listed statuses." in page
    assert "Pils iela 2 · " not in page and "Pils iela 10 · " not in page
    # What was tapped in the other rows, and the date typed, are still there.
    assert checked(page) == {"0": "vacant", "2": "unusable"}
    assert 'name="surveyed_on" value="2025-05-02"' in page
    assert not Survey.objects.exists()
    assert StatusChange.objects.count() == before


def test_a_photo_that_cannot_be_read_undoes_the_whole_survey(client, coordinator, street):
    client.force_login(coordinator)
    data = survey_data(street, [Status.VACANT, Status.VACANT, Status.OCCUPIED])
    data["units-1-photo"] = SimpleUploadedFile("shop.jpg", b"%PDF-1.4", content_type="image/jpeg")
    response = client.post(URL, data)
    assert response.status_code == 400
    page = response.content.decode()
    refused = "This file is not a photo that can be read. Use a JPEG, PNG or WebP image."
    # Named at the top by its unit, and shown in that unit's row.
    assert f'<a href="#units-1">Pils iela 5 · Photo (optional): {refused}</a>' in page
    assert f"<li>Photo (optional): {refused}</li>" in row_of(page, "units-1")
    assert refused not in row_of(page, "units-0") + row_of(page, "units-2")
    assert checked(page) == {"0": "vacant", "1": "vacant", "2": "occupied"}
    assert not Survey.objects.exists()
    assert not StatusChange.objects.filter(status=Status.VACANT).exists()
    assert not UnitPhoto.objects.exists()


def test_a_future_date_is_refused_at_the_date_field(client, aluksne, coordinator, street):
    client.force_login(coordinator)
    tomorrow = (aluksne.town.today() + timedelta(days=1)).isoformat()
    data = survey_data(street, [Status.VACANT] * 3, surveyed_on=tomorrow)
    response = client.post(URL, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Survey date: A survey cannot be dated in the future." in page
    assert f'name="surveyed_on" value="{tomorrow}"' in page
    assert checked(page) == {"0": "vacant", "1": "vacant", "2": "vacant"}
    assert not Survey.objects.exists()


def test_a_date_that_is_not_a_date_is_named(client, coordinator, street):
    client.force_login(coordinator)
    response = client.post(URL, survey_data(street, [Status.VACANT] * 3, surveyed_on="2. maijs"))
    assert response.status_code == 400
    assert "Survey date: Enter the survey date as YYYY-MM-DD." in response.content.decode()
    assert not Survey.objects.exists()


def test_a_unit_moved_off_the_street_meanwhile_asks_for_a_reload(client, coordinator, street):
    client.force_login(coordinator)
    data = survey_data(street, [Status.VACANT] * 3)
    street[2].street = "Dārza iela"
    street[2].save()
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "Some units are not on this street any more; reload the page." in (
        response.content.decode()
    )
    assert not Survey.objects.exists()


def test_a_unit_added_to_the_street_meanwhile_keeps_its_status(
    client, aluksne, coordinator, street
):
    client.force_login(coordinator)
    data = survey_data(street, [Status.VACANT] * 3)
    newcomer = make_unit(aluksne.town, "P1", house_number="1")
    add_status(newcomer, Status.OCCUPIED, date(2024, 1, 1))
    assert client.post(URL, data).status_code == 302
    assert newcomer.status_changes.count() == 1
    assert StatusChange.objects.filter(status=Status.VACANT).count() == 3


def test_a_refusal_naming_a_field_the_page_lacks_is_shown_not_a_server_error(
    client, coordinator, street, monkeypatch
):
    # No input reaches such a refusal today; a model's full_clean() in the service could.
    def refuse(**_arguments):
        raise ValidationError(
            {"effective_on": "A status cannot be dated so.", NON_FIELD_ERRORS: "Reload the page."}
        )

    monkeypatch.setattr(services, "survey_record", refuse)
    client.force_login(coordinator)
    response = client.post(URL, survey_data(street, [Status.VACANT] * 3))
    assert response.status_code == 400
    page = response.content.decode()
    assert "<li>A status cannot be dated so.</li>" in page
    assert "<li>Reload the page.</li>" in page
    assert checked(page) == {"0": "vacant", "1": "vacant", "2": "vacant"}
