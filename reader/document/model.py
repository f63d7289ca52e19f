"""The document model: plain, frozen data with character offsets into one text.

`Document.text` is exactly what the article view displays; every later feature
(entities, summary, search) speaks in offsets into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block is to a reader; the view styles each kind differently."""

    TITLE = "title"
    BYLINE = "byline"
    TAGS = "tags"
    KEY_POINTS_LABEL = "key_points_label"
    KEY_POINT = "key_point"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    # Page furniture around the story: shown quietly, never analysed or summarized.
    SECTION_LABEL = "section_label"  # "World", "Business | Markets" above the story
    CAPTION = "caption"  # a photo caption or credit: "2 of 6. ...", "(Photo: ...)"
    PROMO = "promo"  # a teaser for another story, before the story starts
    # Readers' comments after the story; level 1 is the section's heading, level 2 its first
    # post when it has no heading.
    COMMENTS = "comments"


@dataclass(frozen=True, slots=True)
class Block:
    """One displayed block (one line of `Document.text`): `text[start:end]`."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """An article as loaded: its parts and the one text all offsets refer to.

    Blocks are in reading order and separated in `text` by single newlines, so a
    block never contains a newline.
    """

    text: str
    blocks: tuple[Block, ...]
    title: str = ""
    byline: str = ""
    tags: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    key_points_ordered: bool = False
    source_path: str = ""
    encoding: str = "utf-8"
    notices: tuple[str, ...] = field(default_factory=tuple)
    boilerplate: tuple[str, ...] = field(default_factory=tuple)
    words: int = -1  # counted once by the loader; -1: count on demand

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def blocks_of(self, *kinds: BlockKind) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in kinds)

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(self.block_text(b) for b in self.blocks_of(BlockKind.HEADING))

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        """The blocks that carry the story: paragraphs (not title, headings or key points)."""
        return self.blocks_of(BlockKind.PARAGRAPH)

    @property
    def word_count(self) -> int:
        return self.words if self.words >= 0 else len(self.text.split())

    @property
    def reading_minutes(self) -> int:
        """Minutes at an unhurried 230 words a minute, never less than one."""
        return max(1, round(self.word_count / 230))
