"""Two versions of a Transfer Plan side by side: each section's text compared word by word, and
the actions, risks and indicators each version set out compared row by row.

A section's rich text becomes text blocks (a paragraph, a heading, a list item, a table cell),
the blocks are matched with difflib, and a changed block is compared word by word: the result
is a list of parts, each the same in both, removed or added, for a page to show with <del> and
<ins>. Plain data in and out; no database, no Django.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

SAME, REMOVED, ADDED = "same", "removed", "added"
CHANGED = "changed"

# Tags that start a block of their own, and what kind of block each makes.
_BLOCK_KINDS = {
    "p": "paragraph",
    "div": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "item",
    "blockquote": "quote",
    "td": "cell",
    "th": "cell",
    "caption": "paragraph",
    "figcaption": "paragraph",
    "pre": "paragraph",
}
_BREAKS = {"br", "hr", "tr", "ul", "ol", "table", "figure", "img"}
_SPACES = re.compile(r"\s+")
# Words (letters of any script, digits), runs of spaces, and single other characters.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
# Below this share of words in common a changed block reads better as removed and added whole.
_WORD_DIFF_MIN_RATIO = 0.4


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # paragraph, heading, item, quote or cell
    text: str


class _BlockReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._kinds: list[str] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._text)).strip()
        self._text = []
        if text:
            kind = self._kinds[-1] if self._kinds else "paragraph"
            self.blocks.append(Block(kind, text))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_KINDS:
            self._flush()
            kind = _BLOCK_KINDS[tag]
            if kind == "paragraph" and self._kinds:
                kind = self._kinds[-1]  # a paragraph in a list item is that item
            self._kinds.append(kind)
        elif tag == "br":
            self._text.append(" ")
        elif tag in _BREAKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_KINDS:
            self._flush()
            if self._kinds:
                self._kinds.pop()
        elif tag in _BREAKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def text_blocks(html: str) -> list[Block]:
    """The text of some HTML as blocks, each with its spaces collapsed; empty ones left out."""
    reader = _BlockReader()
    reader.feed(html or "")
    reader.close()
    return reader.blocks


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # same, removed or added
    text: str


def _merged(parts: Iterable[Part]) -> list[Part]:
    merged: list[Part] = []
    for part in parts:
        if not part.text:
            continue
        if merged and merged[-1].kind == part.kind:
            merged[-1] = Part(part.kind, merged[-1].text + part.text)
        else:
            merged.append(part)
    return merged


def _word_opcodes(old: str, new: str) -> tuple[list[str], list[str], SequenceMatcher]:
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    return old_tokens, new_tokens, SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)


def word_diff(old: str, new: str) -> list[Part]:
    """The words of `new` against `old`: the same, removed and added runs in reading order (a
    replaced run: first what was removed, then what was added)."""
    old_tokens, new_tokens, matcher = _word_opcodes(old, new)
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(Part(SAME, "".join(old_tokens[i1:i2])))
            continue
        parts.append(Part(REMOVED, "".join(old_tokens[i1:i2])))
        parts.append(Part(ADDED, "".join(new_tokens[j1:j2])))
    return _merged(parts)


@dataclass(frozen=True, slots=True)
class BlockDiff:
    kind: str  # same, changed, removed or added
    block_kind: str  # paragraph, heading, item, quote or cell (the newer one's, if changed)
    parts: tuple[Part, ...]


def _whole(kind: str, block: Block) -> BlockDiff:
    part_kind = SAME if kind == SAME else kind
    return BlockDiff(kind, block.kind, (Part(part_kind, block.text),))


def _similarity(old: str, new: str) -> float:
    """The share of words (spaces left out) the two texts have in common, in order."""
    old_words, new_words = old.split(), new.split()
    return SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()


def _changed(old: Block, new: Block) -> list[BlockDiff]:
    if _similarity(old.text, new.text) < _WORD_DIFF_MIN_RATIO:
        return [_whole(REMOVED, old), _whole(ADDED, new)]
    return [BlockDiff(CHANGED, new.kind, tuple(word_diff(old.text, new.text)))]


def blocks_diff(old: Sequence[Block], new: Sequence[Block]) -> list[BlockDiff]:
    """The blocks of `new` against `old` in reading order: unchanged blocks, blocks changed
    word by word, and blocks removed or added whole."""
    matcher = SequenceMatcher(None, [b.text for b in old], [b.text for b in new], autojunk=False)
    result: list[BlockDiff] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(_whole(SAME, block) for block in new[j1:j2])
            continue
        olds, news = list(old[i1:i2]), list(new[j1:j2])
        paired = min(len(olds), len(news))
        for before, after in zip(olds[:paired], news[:paired], strict=True):
            result.extend(_changed(before, after))
        result.extend(_whole(REMOVED, block) for block in olds[paired:])
        result.extend(_whole(ADDED, block) for block in news[paired:])
    return result


@dataclass(frozen=True, slots=True)
class SectionDiff:
    key: str
    blocks: tuple[BlockDiff, ...]

    @property
    def changed(self) -> bool:
        return any(block.kind != SAME for block in self.blocks)

    @property
    def counts(self) -> dict[str, int]:
        """How many words were removed and added (for a summary)."""
        counts = {REMOVED: 0, ADDED: 0}
        for block in self.blocks:
            for part in block.parts:
                if part.kind in counts:
                    counts[part.kind] += len(re.findall(r"\w+", part.text))
        return counts


def sections_diff(
    old: dict[str, str], new: dict[str, str], keys: Iterable[str]
) -> list[SectionDiff]:
    """Each section (in the order of `keys`) of two versions, from their HTML (missing: empty)."""
    return [
        SectionDiff(
            key, tuple(blocks_diff(text_blocks(old.get(key, "")), text_blocks(new.get(key, ""))))
        )
        for key in keys
    ]


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str
    old: object
    new: object


@dataclass(frozen=True, slots=True)
class RowDiff:
    kind: str  # same, changed, removed or added
    old: dict | None
    new: dict | None
    changes: tuple[FieldChange, ...] = ()

    @property
    def row(self) -> dict:
        """The row as the newer version has it (as the older had it, if removed)."""
        return self.new if self.new is not None else self.old  # type: ignore[return-value]


def rows_diff(
    old: Sequence[dict], new: Sequence[dict], fields: Sequence[str], key: str = "id"
) -> list[RowDiff]:
    """Rows (an action, a risk…) of two versions matched by `key`: in the newer version's order
    each row added, changed (with the `fields` that differ) or the same; then the removed ones
    in the older version's order."""
    olds = {row.get(key): row for row in old}
    news = {row.get(key) for row in new}
    result = []
    for row in new:
        before = olds.get(row.get(key))
        if before is None:
            result.append(RowDiff(ADDED, None, row))
            continue
        changes = tuple(
            FieldChange(name, before.get(name), row.get(name))
            for name in fields
            if before.get(name) != row.get(name)
        )
        result.append(RowDiff(CHANGED if changes else SAME, before, row, changes))
    result.extend(RowDiff(REMOVED, row, None) for row in old if row.get(key) not in news)
    return result
