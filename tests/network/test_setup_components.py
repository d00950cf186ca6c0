"""The good practice in components: the lead writes each (per language) and shares PDF guides,
checked by their content and size; members read them and download the guides, others cannot."""

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from regrow.network.models import Component, GuidanceDocument
from tests.network.setup_data import add_structure, make_network

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def world(aluksne, altena, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    network = make_network(aluksne, altena)
    add_structure(network)
    return network


@pytest.fixture
def popups(world):
    return Component.objects.get(network=world.network, order=1)


def component_data(**values):
    return {
        "names_en": "Pop-up shops",
        "names_lv": "Pop-up veikali",
        "problems_en": "Empty shops hurt their neighbours.",
        "how_it_works_en": "Short, cheap leases.",
        "success_factors_en": "Owners who can be reached.",
        "resources_en": "An intermediate tenant.",
        "order": "1",
        **values,
    }


def test_the_lead_writes_a_component_in_each_language_and_partners_read_it(client, world, popups):
    client.force_login(world.people["lead"])
    response = client.post(world.url(f"setup/components/{popups.pk}/"), component_data())
    assert response.status_code == 302
    popups.refresh_from_db()
    assert popups.names == {"en": "Pop-up shops", "lv": "Pop-up veikali"}
    assert popups.how_it_works == {"en": "Short, cheap leases."}
    client.force_login(world.people["coordinator_b"])
    page = client.get(f"/lv/regrow-city/members/components/{popups.pk}/").content.decode()
    assert "Pop-up veikali" in page and "Short, cheap leases." in page  # English where no Latvian
    assert "Alūksne" in page  # its thematic group


def test_a_component_needs_a_name(client, world):
    client.force_login(world.people["lead"])
    response = client.post(world.url("setup/components/"), component_data(names_en=""))
    assert response.status_code == 400
    assert response.context["form"].errors["names_en"] == ["This field is required."]
    assert "Short, cheap leases." in response.content.decode()
    assert Component.objects.count() == 2


def upload(client, world, component, content=PDF, name="guide.pdf", title="Owners' leaflet"):
    client.force_login(world.people["lead"])
    return client.post(
        world.url(f"setup/components/{component.pk}/guides/"),
        {"title": title, "language": "en", "file": SimpleUploadedFile(name, content)},
    )


def test_a_pdf_guide_is_shared_and_members_only_download_it(
    client, world, popups, django_capture_on_commit_callbacks
):
    assert upload(client, world, popups).status_code == 302
    document = GuidanceDocument.objects.get()
    url = world.url(f"components/{popups.pk}/guides/{document.pk}/")
    for who, status in (("coordinator_b", 200), ("town_coordinator", 200), ("outsider", 403)):
        client.force_login(world.people[who])
        response = client.get(url)
        assert response.status_code == status, who
        if status == 200:
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Type"] == "application/pdf"
    client.logout()
    assert client.get(url).status_code == 302
    # Removed with its file, once the removal commits.
    name = document.file.name
    client.force_login(world.people["lead"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(world.url(f"setup/components/{popups.pk}/guides/{document.pk}/remove/"))
    assert not GuidanceDocument.objects.exists()
    assert not storages["default"].exists(name)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html>not a pdf</html>", "The file is not a PDF."),
        (b"%PDF-" + b"0" * (10 * 1024 * 1024), "The file is larger than 10 MB."),
    ],
)
def test_a_guide_must_be_a_pdf_of_at_most_10_mb(client, world, popups, content, message):
    response = upload(client, world, popups, content=content, name="guide.pdf")
    assert response.status_code == 400
    assert response.context["guidance_form"].errors["file"] == [message]
    assert "Owners&#x27; leaflet" in response.content.decode()  # the title typed stays
    assert not GuidanceDocument.objects.exists()


def test_deleting_a_component_deletes_its_guides_files(
    client, world, popups, django_capture_on_commit_callbacks
):
    upload(client, world, popups)
    name = GuidanceDocument.objects.get().file.name
    storage = storages["default"]
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(world.url(f"setup/components/{popups.pk}/delete/"))
    assert not Component.objects.filter(pk=popups.pk).exists()
    assert not storage.exists(name)


def test_only_the_lead_shares_guides(client, world, popups):
    client.force_login(world.people["coordinator_a"])
    response = client.post(
        world.url(f"setup/components/{popups.pk}/guides/"),
        {"title": "x", "file": SimpleUploadedFile("x.pdf", PDF)},
    )
    assert response.status_code == 403
    assert not GuidanceDocument.objects.exists()
