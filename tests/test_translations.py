"""The Latvian catalogue is complete, and the compiled catalogues match their sources."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[1] / "src" / "regrow" / "locale"
COMPLETE = ["lv"]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", COMPLETE)
def test_catalogue_is_complete(language, domain):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"{language}: untranslated: {missing}"
    assert not fuzzy, f"{language}: fuzzy: {fuzzy}"


@pytest.mark.parametrize("po_path", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_compiled_catalogue_matches_its_source(po_path):
    source = polib.pofile(str(po_path))
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    expected = {e.msgid: e.msgstr for e in source.translated_entries() if not e.msgid_plural}
    actual = {e.msgid: e.msgstr for e in compiled if e.msgid and not e.msgid_plural}
    assert actual == expected, f"run `make messages` to recompile {po_path}"
