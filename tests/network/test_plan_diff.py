"""plan_diff, the pure core that compares two versions of a Transfer Plan: HTML to text blocks,
blocks and words matched, rows of actions, risks and indicators matched by id. No database."""

from hypothesis import given
from hypothesis import strategies as st

from regrow.network.plan_diff import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    Block,
    blocks_diff,
    rows_diff,
    sections_diff,
    text_blocks,
    word_diff,
)


def test_html_becomes_blocks_of_text_with_their_kind():
    html = (
        "<h2>Pilsēta  šodien</h2><p>Alūksnē &amp; apkārtnē ir <strong>tukšas</strong>"
        "<br>telpas.</p><ul><li><p>Dārza iela</p></li><li>Pils iela</li></ul>"
        "<blockquote><p>Citāts</p></blockquote><table><tr><th>Gads</th><td>2019</td></tr></table>"
        "<p>  </p><script>x</script>"
    )
    assert text_blocks(html)[:6] == [
        Block("heading", "Pilsēta šodien"),
        Block("paragraph", "Alūksnē & apkārtnē ir tukšas telpas."),
        Block("item", "Dārza iela"),
        Block("item", "Pils iela"),
        Block("quote", "Citāts"),
        Block("cell", "Gads"),
    ]
    assert text_blocks("") == [] and text_blocks("<p> </p>") == []


def test_words_removed_and_added_in_reading_order():
    parts = word_diff("Alūksnē ir deviņas tukšas telpas.", "Alūksnē ir vienpadsmit tukšas telpas!")
    assert [(p.kind, p.text) for p in parts] == [
        (SAME, "Alūksnē ir "),
        (REMOVED, "deviņas"),
        (ADDED, "vienpadsmit"),
        (SAME, " tukšas telpas"),
        (REMOVED, "."),
        (ADDED, "!"),
    ]


def test_blocks_added_removed_changed_and_a_rewrite_shown_whole():
    old = [Block("paragraph", "Pirmais teikums paliek."), Block("paragraph", "Otrais mainās šeit.")]
    new = [
        Block("heading", "Jauns virsraksts"),
        Block("paragraph", "Pirmais teikums paliek."),
        Block("paragraph", "Otrais mainās arī šeit."),
    ]
    kinds = [block.kind for block in blocks_diff(old, new)]
    assert kinds == [ADDED, SAME, CHANGED]
    rewritten = blocks_diff([Block("paragraph", "a b c d")], [Block("paragraph", "w x y z")])
    assert [block.kind for block in rewritten] == [REMOVED, ADDED]


def test_sections_diff_counts_words_and_knows_unchanged_sections():
    old = {"a": "<p>Tukšas telpas pilsētas centrā.</p>", "b": "<p>Nemainās.</p>"}
    new = {"a": "<p>Tukšas un pamestas telpas pilsētas centrā.</p>", "b": "<p>Nemainās.</p>"}
    first, second, third = sections_diff(old, new, ["a", "b", "c"])
    assert first.changed and first.counts == {REMOVED: 0, ADDED: 2}
    assert not second.changed and not third.changed and third.blocks == ()


def test_rows_matched_by_id_changed_fields_named():
    old = [{"id": 1, "title": "Aicinājums", "budget_cents": 100}, {"id": 2, "title": "Vecā"}]
    new = [{"id": 1, "title": "Aicinājums", "budget_cents": 250}, {"id": 3, "title": "Jaunā"}]
    diffs = rows_diff(old, new, ["title", "budget_cents"])
    assert [(d.kind, d.row["id"]) for d in diffs] == [(CHANGED, 1), (ADDED, 3), (REMOVED, 2)]
    assert [(c.name, c.old, c.new) for c in diffs[0].changes] == [("budget_cents", 100, 250)]
    assert [d.kind for d in rows_diff(old, old, ["title"])] == [SAME, SAME]


words = st.lists(
    st.sampled_from(["telpa", "veikals", "Alūksne", "pop-up", "2019", ",", ".", "ļoti", "un"]),
    max_size=25,
)


@given(words, words)
def test_word_diff_rebuilds_both_texts(old_words, new_words):
    old, new = " ".join(old_words), " ".join(new_words)
    parts = word_diff(old, new)
    assert "".join(p.text for p in parts if p.kind != ADDED) == old
    assert "".join(p.text for p in parts if p.kind != REMOVED) == new
    assert all(p.text for p in parts)
    assert (old == new) == all(p.kind == SAME for p in parts)


paragraphs = st.lists(
    st.lists(st.sampled_from(["tukšas", "telpas", "centrā", "īpašnieki", "&", "<"]), min_size=1),
    max_size=8,
).map(lambda blocks: [" ".join(block) for block in blocks])


@given(paragraphs, paragraphs)
def test_blocks_diff_rebuilds_both_versions(old_texts, new_texts):
    old = [Block("paragraph", text) for text in old_texts]
    new = [Block("paragraph", text) for text in new_texts]
    diffs = blocks_diff(old, new)
    olds, news = [], []
    for block in diffs:
        old_side = "".join(p.text for p in block.parts if p.kind != ADDED)
        new_side = "".join(p.text for p in block.parts if p.kind != REMOVED)
        if block.kind != ADDED:
            olds.append(old_side)
        if block.kind != REMOVED:
            news.append(new_side)
    assert olds == old_texts and news == new_texts
    assert (old_texts == new_texts) == all(block.kind == SAME for block in diffs)


@given(paragraphs)
def test_html_paragraphs_come_back_as_their_text(texts):
    from html import escape

    html = "".join(f"<p>{escape(text)}</p>" for text in texts)
    assert [block.text for block in text_blocks(html)] == texts
