# regrow — the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
# Commands that only read the code still load the settings, which want a key.
CHECK_ENV := SECRET_KEY=make-check-only-not-a-secret DEBUG=0

.PHONY: install demo serve test lint format check pytest browser messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

# Migrate an SQLite database under var/, load the demo data (idempotent), print the logins, serve.
demo: install
	DEBUG=1 $(BIN)/regrow migrate --noinput
	DEBUG=1 $(BIN)/regrow demo
	DEBUG=1 $(BIN)/regrow serve

serve: install
	DEBUG=1 $(BIN)/regrow serve

# ruff, the apps' one-way dependencies (import contracts in pyproject.toml) and the house
# rules ruff cannot see (tools/check_house_rules.py: module size, templates' links).
lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/lint-imports --no-logo --no-cache
	$(BIN)/python tools/check_house_rules.py

format: install
	$(BIN)/ruff check --fix src tests bench tools
	$(BIN)/ruff format src tests bench tools

check: install
	$(CHECK_ENV) $(BIN)/regrow check --fail-level WARNING
	$(CHECK_ENV) $(BIN)/regrow makemigrations --check --dry-run

# On every core (pytest-xdist); PYTEST_ARGS="-n 0" runs in one process, e.g. to debug.
pytest: install
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

# Everything: lint, Django's checks, and every test (browser tests included).
test: lint check pytest

browser: install
	$(BIN)/pytest tests/browser $(PYTEST_ARGS)

# Refresh the message catalogues after changing user-visible text (needs gettext).
# The .po files are the translations' only source (edit them in Poedit or Weblate). makemessages
# merges the source strings into every language's files: new ones come in empty, changed ones
# fuzzy with their old translation, removed ones stay as obsolete #~ entries (hidden by Poedit and
# Weblate) so that a string that comes back keeps its translation. Then the .mo files are built.
messages: install
	cd src/regrow && DEBUG=1 $(abspath $(BIN))/regrow makemessages --all --ignore "static/*"
	cd src/regrow && DEBUG=1 $(abspath $(BIN))/regrow makemessages -d djangojs --all --ignore "static/*"
	cd src/regrow && DEBUG=1 $(abspath $(BIN))/regrow compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
