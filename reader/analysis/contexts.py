"""Where things are said: the sentence (or block) around an offset, and an entity's contexts.

The entity panel lists the sentences that mention an entity; quotes, times and figures
panels ask the same question of other spans. Pure functions of Document + Analysis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.model import Analysis, Entity
from reader.document import Document
from reader.document.spans import SpanIndex

CONTEXT_CHARS = 220


@dataclass(frozen=True, slots=True)
class MentionContext:
    """The sentence (or paragraph) around mentions of an entity, for the detail list."""

    mention_index: int  # the first of the entity's mentions inside this context
    start: int
    end: int


class SentenceFinder:
    """The sentence around an offset, falling back to its block (heading, key point...)."""

    def __init__(self, document: Document, analysis: Analysis) -> None:
        self._text = document.text
        self._sentences = SpanIndex.of(analysis.sentences)
        self._blocks = SpanIndex.of((b.start, b.end) for b in document.blocks)

    def around(self, offset: int) -> tuple[int, int] | None:
        for index in (self._sentences, self._blocks):
            row = index.containing(offset)
            if row is not None:
                return index.starts[row], index.ends[row]
        return None

    def text_around(self, offset: int) -> str:
        """The sentence (or block) around `offset` on one line, as a list row shows it."""
        found = self.around(offset)
        return "" if found is None else re.sub(r"\s+", " ", self._text[found[0] : found[1]]).strip()


def sentence_at(document: Document, analysis: Analysis, offset: int) -> tuple[int, int] | None:
    """The (start, end) of the sentence, else the block, that contains `offset`."""
    return SentenceFinder(document, analysis).around(offset)


def mention_contexts(
    document: Document, analysis: Analysis, entity: Entity, limit: int | None = None
) -> tuple[MentionContext, ...]:
    """One context per sentence that mentions `entity`, in article order (the first `limit`).

    Sentences come from the analysis; a mention outside every sentence (a heading,
    a key point, or no sentences at all) has its block as the context.
    """
    finder = SentenceFinder(document, analysis)
    contexts: list[MentionContext] = []
    for i, mention in enumerate(entity.mentions):
        start, end = finder.around(mention.start) or (mention.start, mention.end)
        if contexts and contexts[-1].start == start:
            continue
        if limit is not None and len(contexts) >= limit:
            break
        contexts.append(MentionContext(i, start, end))
    return tuple(contexts)


def context_line(document: Document, context: MentionContext, focus: int) -> str:
    """A context as one readable line; long paragraphs are cut at words around `focus`."""
    start, end = context.start, context.end
    text = document.text
    if end - start > CONTEXT_CHARS:
        start = max(context.start, focus - CONTEXT_CHARS // 3)
        end = min(context.end, start + CONTEXT_CHARS)
        while context.start < start < focus and not text[start - 1].isspace():
            start += 1
        while focus < end < context.end and not text[end].isspace():
            end -= 1
    line = re.sub(r"\s+", " ", text[start:end]).strip()
    prefix = "…" if start > context.start else ""
    suffix = "…" if end < context.end else ""
    return f"{prefix}{line}{suffix}"


def mention_sentences(document: Document, analysis: Analysis, entity: Entity) -> list[str]:
    """Every sentence mentioning `entity`, whole and whitespace-normalised, for copying."""
    return [
        re.sub(r"\s+", " ", document.text[c.start : c.end]).strip()
        for c in mention_contexts(document, analysis, entity)
    ]
