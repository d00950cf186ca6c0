"""The dashboard ("My towns") puts each town's tools one click away, for the roles they serve."""

import re

import pytest

from regrow.towns.models import Membership, Role


def dashboard_links(html: str) -> dict[str, str]:
    """The tool cards on the dashboard, title → address."""
    return {
        title: url for url, title in re.findall(r'<a class="card" href="([^"]+)">([^<]+)</a>', html)
    }


@pytest.mark.parametrize(
    ("role", "present", "absent"),
    [
        (
            Role.COORDINATOR,
            {
                "Register of units": "/en/aluksne/register/",
                "Write and edit": "/en/aluksne/news/manage/",
            },
            set(),
        ),
        (
            Role.EDITOR,
            {
                "Write something new": "/en/aluksne/news/write/",
                "Write and edit": "/en/aluksne/news/manage/",
            },
            {"Register of units"},
        ),
        (Role.PROPERTY_OWNER, {}, {"Write and edit", "Write something new", "Register of units"}),
    ],
)
def test_dashboard_links_to_each_towns_tools_for_the_role(client, aluksne, role, present, absent):
    client.force_login(aluksne.people[role])
    response = client.get("/en/dashboard/")
    links = dashboard_links(response.content.decode())
    assert present.items() <= links.items()
    assert not absent & links.keys()
    for url in present.values():
        assert client.get(url).status_code == 200, url


def test_dashboard_lists_the_tools_of_each_town_separately(client, aluksne, altena):
    person = aluksne.people[Role.COORDINATOR]
    Membership.objects.create(user=person, town=altena.town, role=Role.EDITOR)
    client.force_login(person)
    html = client.get("/lv/dashboard/").content.decode()
    links = re.findall(r'<a class="card" href="([^"]+)">', html)
    assert "/lv/aluksne/news/write/" in links and "/lv/altena/news/write/" in links
    assert "/lv/aluksne/register/" in links and "/lv/altena/register/" not in links
    assert "Rakstīt un labot" in html  # in the reader's language
