"""House rules that ruff and import-linter do not cover; `make lint` runs this.

1. Module size: a Python file over 500 lines fails (the house aims at ~400). Migrations are
   generated and exempt.
2. Templates follow the apps' layers: an app's template may link (`{% url 'ns:name' %}`) to
   its own app's pages and to those of apps below it, never above. The order of the layers
   is read from the import contract in pyproject.toml, so there is one list to keep.

Exits 1 and names every file and line that breaks a rule.
"""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED_DIRECTORIES = ("src", "tests", "bench", "tools")
MAX_LINES = 500
# Generated files that are long by nature.
EXEMPT = (re.compile(r"/migrations/\d{4}_\w+\.py$"),)
URL_TAG = re.compile(r"""\{%\s*url\s+["']([\w-]+):""")


def oversized_modules(root: Path = ROOT) -> list[str]:
    problems = []
    for directory in CHECKED_DIRECTORIES:
        for path in sorted((root / directory).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if any(pattern.search("/" + relative) for pattern in EXEMPT):
                continue
            with path.open(encoding="utf-8") as file:
                count = sum(1 for _line in file)
            if count > MAX_LINES:
                problems.append(
                    f"{relative}: {count} lines, over the limit of {MAX_LINES}; "
                    "split it by area (see docs/contributing.md)"
                )
    return problems


def app_layers(root: Path = ROOT) -> list[str]:
    """The apps from the top layer down, as the import contract names them."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract.get("id") == "layers":
            return [layer.strip("()").removeprefix("regrow.") for layer in contract["layers"]]
    raise SystemExit("pyproject.toml has no import contract with id = 'layers'")


def upward_template_links(root: Path = ROOT) -> list[str]:
    layers = app_layers(root)
    problems = []
    for template in sorted((root / "src" / "regrow").glob("*/templates/**/*.html")):
        app = template.relative_to(root / "src" / "regrow").parts[0]
        if app not in layers:
            continue
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            for namespace in URL_TAG.findall(line):
                if namespace in layers and layers.index(namespace) < layers.index(app):
                    problems.append(
                        f"{template.relative_to(root)}:{number}: the {app} app links to "
                        f"'{namespace}:', an app above it; let {namespace} register the link "
                        "instead (lib/places.py, lib/workspace.py)"
                    )
    return problems


def main() -> int:
    problems = oversized_modules() + upward_template_links()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
