"""The generated summary: the body sentences that best carry the story, in article order."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.model import Entity, SummarySentence
from reader.document import BlockKind, Document

DEFAULT_LENGTH = 3
MIN_WORDS = 6


def summarize(
    document: Document,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity] = (),
    length: int = DEFAULT_LENGTH,
) -> tuple[SummarySentence, ...]:
    """Pick `length` body sentences (offsets into `document.text`).

    `sentences` are (start, end) spans from the analysis; only those inside
    paragraphs qualify. This first version takes the lead sentences.
    """
    del entities
    paragraphs = document.blocks_of(BlockKind.PARAGRAPH)
    chosen: list[SummarySentence] = []
    for start, end in sentences:
        if not any(b.start <= start and end <= b.end for b in paragraphs):
            continue
        text = document.text[start:end]
        if len(text.split()) < MIN_WORDS:
            continue
        chosen.append(SummarySentence(start, end, text))
        if len(chosen) >= length:
            break
    return tuple(chosen)
