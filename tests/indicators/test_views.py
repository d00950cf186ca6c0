"""A coordinator's import pages: upload, preview, confirm or cancel; in Latvian and English."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regrow.indicators import services
from regrow.indicators.models import ImportBatch, Observation
from regrow.towns.models import Membership, Role, Town
from tests.indicators.conftest import long_csv
from tests.indicators.samples import jsonstat_bytes

PAGE = "/{language}/aluksne/indicators/import/"
CONFIRM = "/en/aluksne/indicators/import/confirm/"


@pytest.fixture
def signed_in(client, coded_towns, indicators, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    return client


def upload(client, content: bytes, name="values.csv", language="en", **fields):
    form = {"file": SimpleUploadedFile(name, content), "encoding": "auto", **fields}
    return client.post(PAGE.format(language=language), form)


def test_the_page_is_for_the_towns_coordinators_only(client, coded_towns, indicators):
    aluksne, altena = coded_towns
    assert client.get(PAGE.format(language="en")).status_code == 302  # to sign in
    client.force_login(aluksne.people[Role.EDITOR])
    assert client.get(PAGE.format(language="en")).status_code == 403
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(PAGE.format(language="en")).status_code == 403
    client.force_login(aluksne.people[Role.COORDINATOR])
    response = client.get(PAGE.format(language="en"))
    assert response.status_code == 200
    assert "<code>0360201, aluksne</code>" in response.content.decode()


def test_upload_preview_and_confirm(signed_in, coded_towns, indicators, coordinator):
    aluksne, _altena = coded_towns
    services.observation_record(
        town=aluksne.town,
        indicator=indicators["population"],
        period="2021",
        value="7000",
        by=coordinator,
    )
    data = long_csv("0360201,population,2021,7400,,", "0360201,population,2022,7310,p,")
    response = upload(signed_in, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Every value of values.csv is valid: 2 values read." in page
    assert "New values: 1" in page and "Values that will change: 1" in page
    assert "<td>7,000</td><td>7,400</td>" in page  # old → new, in the page's locale
    assert Observation.objects.get().value == Decimal("7000.0000")
    token = response.context["token"]
    response = signed_in.post(CONFIRM, {"token": token}, follow=True)
    assert "New values: 1; changed: 1; unchanged: 0." in response.content.decode()
    assert Observation.objects.get(period="2021").value == Decimal("7400.0000")
    assert ImportBatch.objects.get().town == aluksne.town
    assert "values.csv" in response.content.decode()  # among the recent imports
    # The token works once: the kept file is gone.
    again = signed_in.post(CONFIRM, {"token": token}, follow=True)
    assert "already been imported or has expired" in again.content.decode()
    assert ImportBatch.objects.count() == 1


def test_problems_are_listed_in_latvian_with_their_rows(signed_in):
    data = long_csv("aluksne,population,2019-Q5,7400,,", "aluksne,nav,2021,1,,")
    response = upload(signed_in, data, language="lv")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nekas netika importēts" in page
    assert "<td>2</td>" in page and "<td>3</td>" in page
    assert not Observation.objects.exists()


def test_a_pxweb_dataset_for_the_whole_country_with_other_regions_left_out(signed_in):
    fields = {"indicator": "population", "skip_unknown_regions": "on"}
    response = upload(signed_in, jsonstat_bytes(), name="pxweb.json", **fields)
    assert response.status_code == 200, response.content.decode()[-3000:]
    page = response.content.decode()
    assert "<code>0010000</code> Rīga" in page
    signed_in.post(CONFIRM, {"token": response.context["token"]})
    assert Observation.objects.count() == 2


def test_an_edit_between_preview_and_confirm_is_a_409(signed_in, indicators, coordinator):
    town = Town.objects.get(slug="aluksne")
    first = services.observation_record(
        town=town, indicator=indicators["population"], period="2021", value="7000", by=coordinator
    )
    response = upload(signed_in, long_csv("aluksne,population,2021,7400,,"))
    services.observation_record(
        town=town,
        indicator=indicators["population"],
        period="2021",
        value="7100",
        by=coordinator,
        version=first.version,
    )
    response = signed_in.post(CONFIRM, {"token": response.context["token"]})
    assert response.status_code == 409
    assert "1 value was changed after the file was checked" in response.content.decode()
    assert Observation.objects.get().value == Decimal("7100.0000")


def test_cancelling_removes_the_kept_file_and_writes_nothing(signed_in):
    response = upload(signed_in, long_csv("aluksne,population,2021,7400,,"))
    token = response.context["token"]
    response = signed_in.post(CONFIRM, {"token": token, "cancel": "1"}, follow=True)
    assert "Import cancelled; nothing was written." in response.content.decode()
    response = signed_in.post(CONFIRM, {"token": token}, follow=True)
    assert "already been imported or has expired" in response.content.decode()
    assert not Observation.objects.exists()


def test_a_token_of_another_person_is_a_404(signed_in, coded_towns):
    aluksne, altena = coded_towns
    token = upload(signed_in, long_csv("aluksne,population,2021,7400,,")).context["token"]
    signed_in.force_login(aluksne.people[Role.EDITOR])
    assert signed_in.post(CONFIRM, {"token": token}).status_code == 403
    # Another coordinator of the town, who has not made this preview.
    other = altena.people[Role.COORDINATOR]
    Membership.objects.create(user=other, town=aluksne.town, role=Role.COORDINATOR)
    signed_in.force_login(other)
    assert signed_in.post(CONFIRM, {"token": token}).status_code == 404
    assert signed_in.post(CONFIRM, {"token": "forged"}).status_code == 404


def test_a_malformed_choice_of_categories_keeps_the_form(signed_in):
    response = upload(signed_in, b"x", select="sex")
    assert response.status_code == 400
    assert "Write each choice as DIMENSION=CODE" in response.content.decode()


def test_the_export_is_the_towns_values_in_long_format(signed_in, indicators, coordinator):
    town = Town.objects.get(slug="aluksne")
    services.observation_record(
        town=town, indicator=indicators["footfall"], period="2024-03", value="1234.5",
        by=coordinator,
    )  # fmt: skip
    response = signed_in.get("/en/aluksne/indicators/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [
        "town,indicator,period,value,flags,source",
        "0360201,footfall,2024-03,1234.5,,",
    ]
