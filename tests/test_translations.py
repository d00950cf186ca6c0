"""Every offered language is complete, the compiled catalogues match their sources, the offered
languages come from REGROW_LANGUAGES, and pages link only to offered languages."""

import os
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import TestCase

from regrow.lib import i18n
from regrow.publishing import services
from regrow.publishing.models import Entry
from regrow.towns.models import Role
from tests.standards import sitemap_files

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "regrow" / "locale"
# The source texts are English, so English has no catalogue to complete.
SOURCE_LANGUAGE = "en"
OFFERED = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", OFFERED)
def test_every_offered_language_has_a_complete_catalogue(language, domain):
    path = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
    # polib would read a missing path as the text of an empty catalogue.
    assert path.is_file(), f"{language} is offered but has no {path.name}"
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert catalogue.translated_entries(), f"{language}: {path.name} translates nothing"
    assert not missing, f"{language}: untranslated: {missing}"
    assert not fuzzy, f"{language}: fuzzy: {fuzzy}"


def test_the_system_check_refuses_to_offer_an_incomplete_language(settings, tmp_path):
    assert i18n.check_offered_languages() == []
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    (warning,) = i18n.check_offered_languages()
    assert warning.id == "regrow.W001"
    assert "offers 'de'" in warning.msg and "django.po translates nothing" in warning.msg
    # One untranslated entry is enough.
    catalogues = tmp_path / "lv" / "LC_MESSAGES"
    catalogues.mkdir(parents=True)
    for domain in i18n.CATALOGUE_DOMAINS:
        (catalogues / f"{domain}.po").write_text(
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "Map"\nmsgstr "Karte"\n\nmsgid "News"\nmsgstr ""\n',
            encoding="utf-8",
        )
    assert i18n.catalogue_gaps(tmp_path, "lv") == [
        f"{catalogues / domain}.po has 1 untranslated and 0 fuzzy entries"
        for domain in i18n.CATALOGUE_DOMAINS
    ]


@pytest.mark.parametrize("po_path", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_compiled_catalogue_matches_its_source(po_path):
    source = polib.pofile(str(po_path))
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    # Keyed by context and message: one msgid may have several translations by context.
    expected = {
        (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
        for entry in source.translated_entries()
    }
    actual = {
        (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
        for entry in compiled
        if entry.msgid
    }
    assert actual == expected, f"run `make messages` to recompile {po_path}"


@pytest.mark.parametrize("po_path", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_catalogue_header_names_its_language_for_poedit_and_weblate(po_path):
    header = polib.pofile(str(po_path)).metadata
    assert header["Language"] == po_path.parts[-3]
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert header["Plural-Forms"].startswith("nplurals=")


def _start_django(**environment) -> subprocess.CompletedProcess:
    """Load the settings in a fresh interpreter, as a server's start does."""
    env = {key: value for key, value in os.environ.items() if key != "REGROW_LANGUAGES"}
    env.update(environment, DJANGO_SETTINGS_MODULE="tests.settings", PYTHONPATH=str(ROOT))
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(','.join(code for code, _name in settings.LANGUAGES))"
    )
    return subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )


def test_offered_languages_are_latvian_and_english_unless_configured():
    assert _start_django().stdout.strip() == "lv,en"
    assert _start_django(REGROW_LANGUAGES="en, lv, de").stdout.strip() == "en,lv,de"


def test_an_unknown_language_in_regrow_languages_stops_the_start():
    started = _start_django(REGROW_LANGUAGES="lv,en,xx")
    assert started.returncode != 0
    assert "ImproperlyConfigured: REGROW_LANGUAGES may only name lv, en, de," in started.stderr
    assert "got 'xx'" in started.stderr


def _publish(town, by, language: str, title: str, original: Entry | None = None) -> Entry:
    with TestCase.captureOnCommitCallbacks(execute=True):
        if original is None:
            entry, _notices = services.entry_save(
                entry=Entry(town=town, language=language), by=by, title=title
            )
        else:
            entry, _notices = services.entry_translate(
                entry=original, language=language, by=by, title=title
            )
        services.entry_publish(entry=entry, by=by)
    return entry


def test_pages_and_sitemap_link_only_to_offered_languages(client, aluksne, settings):
    """German versions stay in the database but are not linked while German is not offered."""
    settings.LANGUAGES = [("lv", "Latvian"), ("en", "English")]
    editor = aluksne.people[Role.EDITOR]
    latvian = _publish(aluksne.town, editor, "lv", "Partneri tikās")
    english = _publish(aluksne.town, editor, "en", "Partners met", original=latvian)
    german = _publish(aluksne.town, editor, "de", "Partner trafen sich", original=latvian)
    only_german = _publish(aluksne.town, editor, "de", "Nur auf Deutsch")

    page = client.get(latvian.get_absolute_url()).content.decode()
    sitemap = b"".join(sitemap_files(client)).decode()
    for html in (page, sitemap):
        assert set(re.findall(r'hreflang="([^"]+)"', html)) - {"x-default"} == {"lv", "en"}
        assert english.get_absolute_url() in html
        assert german.get_absolute_url() not in html
    absolute = f"http://testserver{english.get_absolute_url()}"
    assert f'<link rel="alternate" hreflang="en" href="{absolute}">' in page

    everything = client.get("/en/aluksne/news/", {"language": "all"}).content.decode()
    assert "Partneri tikās" in everything and "Partners met" in everything
    assert "Partner trafen sich" not in everything and "Nur auf Deutsch" not in everything

    # Asked for in English, the Latvian entry offers its versions: not the German one.
    elsewhere = client.get(f"/en/aluksne/news/{latvian.slug}/")
    assert elsewhere.status_code == 404
    versions = elsewhere.content.decode()
    assert latvian.get_absolute_url() in versions and english.get_absolute_url() in versions
    assert german.get_absolute_url() not in versions
    # An entry with no version in an offered language has nothing to offer.
    nothing = client.get(f"/en/aluksne/news/{only_german.slug}/")
    assert nothing.status_code == 404
    assert only_german.get_absolute_url() not in nothing.content.decode()
    assert "Nur auf Deutsch" not in nothing.content.decode()
