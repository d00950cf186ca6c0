"""The house-rules check fails on what it is meant to catch (it runs in `make lint`)."""

import shutil
from pathlib import Path

from tools import check_house_rules as rules

ROOT = Path(__file__).resolve().parents[1]


def make_tree(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for directory in rules.CHECKED_DIRECTORIES:
        (tmp_path / directory).mkdir()
    return tmp_path


def test_a_long_module_fails_and_a_migration_does_not(tmp_path):
    root = make_tree(tmp_path)
    (root / "src" / "long.py").write_text("x = 1\n" * 600)
    (root / "src" / "short.py").write_text("x = 1\n" * 500)
    migrations = root / "src" / "regrow" / "towns" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "0001_initial.py").write_text("x = 1\n" * 900)
    assert rules.oversized_modules(root) == [
        "src/long.py: 600 lines, over the limit of 500; split it by area (see docs/contributing.md)"
    ]


def test_a_template_linking_to_an_app_above_fails(tmp_path):
    root = make_tree(tmp_path)
    templates = root / "src" / "regrow" / "towns" / "templates" / "towns"
    templates.mkdir(parents=True)
    (templates / "page.html").write_text(
        "{% url 'towns:workspace' slug=t %}\n"
        "{% url 'home' %}\n"
        "<a href=\"{% url 'premises:register' slug=t %}\">x</a>\n"
    )
    own = root / "src" / "regrow" / "publishing" / "templates" / "publishing"
    own.mkdir(parents=True)
    (own / "page.html").write_text('{% url "towns:workspace" slug=t %}\n')
    problems = rules.upward_template_links(root)
    assert len(problems) == 1
    assert problems[0].startswith("src/regrow/towns/templates/towns/page.html:3: the towns app")


def test_layers_come_from_the_import_contract():
    layers = rules.app_layers()
    order = ["publishing", "network", "indicators", "popups", "premises", "towns", "lib"]
    assert [layer for layer in layers if layer in order] == order


def test_the_project_keeps_the_rules():
    assert rules.upward_template_links() == []
