"""The workspace and the dashboard list what each app registered, for the roles it allows."""

import pytest

from regrow.lib import workspace
from regrow.towns.models import Role

TOOLS = {
    "Register of units": "/en/aluksne/register/",
    "Vacancy": "/en/aluksne/register/vacancy/",
    "Write something new": "/en/aluksne/news/write/",
    "Write and edit": "/en/aluksne/news/manage/",
    "Logo and colour": "/en/aluksne/workspace/look/",
    "Pop-up rounds": "/en/aluksne/popup-rounds/",
    "Jury": "/en/aluksne/popup-jury/",
    "Import indicators": "/en/aluksne/indicators/import/",
    "Indicators": "/en/aluksne/indicators/dashboard/",
}


def tool_links(html: str) -> dict[str, str]:
    grid = html[html.index('<ul class="section-grid">') :]
    grid = grid[: grid.index("</ul>")]
    links = {}
    for part in grid.split('<a class="card" href="')[1:]:
        url, rest = part.split('">', 1)
        links[rest.split("</a>", 1)[0]] = url
    return links


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            Role.COORDINATOR,
            [
                "Register of units",
                "Vacancy",
                "Write something new",
                "Write and edit",
                "Logo and colour",
                "Pop-up rounds",
                "Import indicators",
                "Indicators",
            ],
        ),
        (Role.EDITOR, ["Write something new", "Write and edit"]),
        (Role.JURY_MEMBER, ["Jury"]),
    ],
)
def test_workspace_offers_each_role_the_tools_it_may_use(client, aluksne, role, expected):
    client.force_login(aluksne.people[role])
    html = client.get("/en/aluksne/workspace/").content.decode()
    assert tool_links(html) == {title: TOOLS[title] for title in expected}
    for title in expected:
        assert client.get(TOOLS[title]).status_code == 200, title


@pytest.mark.parametrize("role", [Role.PROPERTY_OWNER, Role.ENTREPRENEUR])
def test_roles_without_tools_see_no_tool_grid(client, aluksne, role):
    client.force_login(aluksne.people[role])
    html = client.get("/en/aluksne/workspace/").content.decode()
    assert 'class="section-grid"' not in html
    assert "/register/" not in html


def test_tools_are_named_in_the_readers_language(client, aluksne):
    client.force_login(aluksne.people[Role.COORDINATOR])
    html = client.get("/lv/aluksne/workspace/").content.decode()
    assert tool_links(html)["Telpu reģistrs"] == "/lv/aluksne/register/"


def test_dashboard_links_come_from_the_apps(client, aluksne):
    client.force_login(aluksne.people[Role.PROPERTY_OWNER])
    html = client.get("/en/dashboard/").content.decode()
    assert '<a href="/en/my-units/">My units</a>' in html


def test_a_registered_tool_appears_without_editing_any_template(client, aluksne):
    workspace.register_tool(
        title="Try-out tool",
        url_name="towns:workspace",
        visible=lambda user, town: True,
        order=1,
    )
    try:
        client.force_login(aluksne.people[Role.EDITOR])
        html = client.get("/en/aluksne/workspace/").content.decode()
        assert list(tool_links(html)) == ["Try-out tool", "Write something new", "Write and edit"]
    finally:
        workspace.unregister_tool("towns:workspace")
