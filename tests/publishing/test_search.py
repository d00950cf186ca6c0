"""Search that forgives: accents, capitals and Latvian endings, on both databases."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from regrow.publishing import search, selectors
from regrow.publishing.models import Entry
from regrow.towns.models import Role
from tests.publishing.test_publishing import write


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


# --- The pure core ----------------------------------------------------------------------------


def test_fold_removes_accents_capitals_and_punctuation():
    assert search.fold("Alūksnē, Dārza iela 11!") == "aluksne darza iela 11"
    assert search.fold("Tukšas TELPAS — pop-up") == "tuksas telpas pop up"
    assert search.fold("Łódź Ørsted Straße") == "lodz orsted strasse"


@pytest.mark.parametrize(
    ("typed", "stems"),
    [
        ("Alūksne", ["aluksn"]),
        ("Alūksnē", ["aluksn"]),
        ("alūksnes", ["aluksn"]),
        ("aluksnei", ["aluksn"]),
        ("tuksas telpas", ["tuks", "telp"]),
        ("tukšajām", ["tuks"]),
        ("Pils", ["pils"]),  # short words stay whole
        ("a pils pils", ["pils"]),  # one-letter words and repeats left out
    ],
)
def test_latvian_words_are_cut_to_their_stems(typed, stems):
    assert search.search_terms(typed, "lv") == stems


def test_endings_follow_the_page_language():
    assert search.search_terms("meetings markets", "en") == ["meet", "market"]
    # Latvian endings are not cut from English words, nor in a language without rules.
    assert search.search_terms("plans", "en") == ["plan"]
    assert search.search_terms("aluksnes", "de") == ["aluksnes"]


def test_typed_words_are_bounded_and_cannot_inject_query_syntax():
    assert len(search.search_terms(" ".join(f"word{n}" for n in range(50)), "lv")) == 10
    terms = search.search_terms("a' | b:* & !c (d)", "lv")
    assert search.prefix_query(terms) == "'a':* & 'b':* & 'c':* & 'd':*"
    assert search.search_terms("!!! ...", "lv") == []


# --- Search on the database (SQLite and PostgreSQL) -------------------------------------------


def _titles(found) -> set[str]:
    return {entry.title for entry in found}


@pytest.fixture
def latvian_entries(aluksne, editor):
    write(
        aluksne.town,
        editor,
        language="lv",
        title="Pašvaldība aicina pieteikt tukšas telpas",
        lead="Īpašnieki, kuru telpas stāv tukšas, aicināti tās piedāvāt.",
    )
    write(
        aluksne.town,
        editor,
        language="lv",
        title="Partneri tikās Alūksnē",
        body="<p>Divu dienu tikšanās par pilsētu centriem.</p>",
    )
    write(
        aluksne.town,
        editor,
        language="lv",
        kind=Entry.Kind.EVENT,
        title="Tirgus diena",
        starts_at=timezone.now() + timedelta(days=3),
        place_name="Kultūras centrs",
        place_address="Dārza iela 11, LV-4301",
    )
    write(aluksne.town, editor, language="lv", title="Melnraksts par telpām", publish=False)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tuksas", {"Pašvaldība aicina pieteikt tukšas telpas"}),
        ("TUKŠAS telpām", {"Pašvaldība aicina pieteikt tukšas telpas"}),
        ("aluksne", {"Partneri tikās Alūksnē"}),
        ("Alūksnes", {"Partneri tikās Alūksnē"}),
        ("darza", {"Tirgus diena"}),  # a word of the address
        ("kulturas centrs", {"Tirgus diena"}),  # the place
        ("tikšanās centriem", {"Partneri tikās Alūksnē"}),  # words of the text
        ("telpas tirgus", set()),  # every word must be found
    ],
)
def test_search_forgives_accents_and_endings(latvian_entries, typed, expected):
    from regrow.towns.models import Town

    town = Town.objects.get(slug="aluksne")
    assert _titles(selectors.search(town, "lv", typed)) == expected


def test_search_page_finds_an_accent_free_word(client, latvian_entries):
    page = client.get("/lv/aluksne/news/search/", {"q": "aluksne"}).content.decode()
    assert "Partneri tikās Alūksnē" in page
    assert "tukšas telpas" not in page


def test_bulk_written_entries_are_found_too(aluksne):
    """Rows written around the services (a bulk load) keep their accents: PostgreSQL's
    configuration folds them itself; SQLite needs the folded text the services write."""
    Entry.objects.bulk_create(
        [
            Entry(
                town=aluksne.town,
                language="lv",
                translation_group=uuid.uuid4(),
                title="Loaded",
                slug="loaded",
                search_text="Tukšas telpas Alūksnē",
                publish_at=timezone.now() - timedelta(days=1),
            )
        ]
    )
    found = selectors.search(aluksne.town, "lv", "tuksas aluksne")
    assert _titles(found) == ({"Loaded"} if connection.vendor == "postgresql" else set())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's word index")
def test_prefix_search_uses_the_stored_vector_and_ranks(aluksne, editor):
    write(aluksne.town, editor, language="lv", title="Alūksne", lead="Alūksnē, Alūksnes")
    write(aluksne.town, editor, language="lv", title="Tirgus", lead="Tirgus Alūksnē")
    found = selectors.search(aluksne.town, "lv", "Alūksne")
    assert [entry.title for entry in found] == ["Alūksne", "Tirgus"]
    assert "to_tsvector" not in str(found.query)


def test_results_come_a_page_at_a_time(client, aluksne, django_assert_max_num_queries):
    now = timezone.now()
    Entry.objects.bulk_create(
        Entry(
            town=aluksne.town,
            language="lv",
            translation_group=uuid.uuid4(),
            title=f"Tirgus {number}",
            slug=f"tirgus-{number}",
            search_text=search.indexed_text(f"Tirgus {number} Alūksnē"),
            publish_at=now - timedelta(minutes=number),
        )
        for number in range(25)
    )
    with django_assert_max_num_queries(12):
        first = client.get("/lv/aluksne/news/search/", {"q": "aluksne"}).content.decode()
    assert first.count('class="card entry-card') == 20
    assert 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get("/lv/aluksne/news/search/", {"q": "aluksne", "page": "2"}).content.decode()
    assert second.count('class="card entry-card') == 5
    assert 'rel="prev"' in second and 'rel="next"' not in second
    for page in ["x", "0", "-3"]:
        response = client.get("/lv/aluksne/news/search/", {"q": "aluksne", "page": page})
        assert response.content.decode().count('class="card entry-card') == 20


def test_page_numbers_are_bounded():
    assert search.page_number(None) == 1
    assert search.page_number("7") == 7
    assert search.page_number("10000000000") == search.MAX_PAGES
    assert search.page_number("½") == 1
