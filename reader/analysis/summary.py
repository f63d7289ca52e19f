"""The generated summary: the body sentences that best carry the story, in article order.

Extractive and deterministic. Each body sentence gets a score from four plain signals:

- position: news puts the story first, so the lead is a strong prior (1/sqrt(1 + rank));
- centrality: how much the sentence shares the article's vocabulary (tf-idf cosine with
  the rest of the body), which lifts a later sentence that restates the core story;
- entity salience: sentences naming the article's main people, places and organizations;
- penalties: very long sentences (they bury the point and crowd a short summary) and
  quotes or questions (a voice in the story, not the story).

Sentences are then taken best first, skipping any that nearly repeats one already taken.
The weights were set on outside news with human-written highlights (see
bench/eval_summary.py): few, round numbers, checked to hold on both halves of that set.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from reader.analysis.model import (
    DEFAULT_SUMMARY_LENGTH,
    MAX_SUMMARY_LENGTH,
    MIN_SUMMARY_LENGTH,
    Entity,
    SummarySentence,
)
from reader.analysis.text_statistics import centrality, content_words, cosine, tfidf_vectors
from reader.document import BlockKind, Document

DEFAULT_LENGTH = DEFAULT_SUMMARY_LENGTH
MIN_LENGTH = MIN_SUMMARY_LENGTH
MAX_LENGTH = MAX_SUMMARY_LENGTH
MIN_WORDS = 6

CENTRALITY_WEIGHT = 0.25
SALIENCE_WEIGHT = 0.15
# Past this many words a sentence pays LONG_PENALTY per further LONG_WORDS words.
LONG_WORDS = 25
LONG_PENALTY = 0.3
VOICE_PENALTY = 0.2
# tf-idf cosine above which two sentences say the same thing.
DUPLICATE_SIMILARITY = 0.5

_QUOTES = ('"', "“", "‘", "'", "«", "„")


def summarize(
    document: Document,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity] = (),
    length: int = DEFAULT_LENGTH,
) -> tuple[SummarySentence, ...]:
    """Pick up to `length` (clamped to 1..10) body sentences, returned in article order.

    `sentences` are (start, end) spans into `document.text` from the sentence splitter;
    only those inside paragraphs with at least MIN_WORDS words qualify. `entities` may be
    empty; their salience (or, lacking it, their mention counts) favours sentences naming them.
    """
    length = min(MAX_LENGTH, max(MIN_LENGTH, length))
    candidates = body_sentences(document, sentences)
    if not candidates:
        return ()
    vectors = tfidf_vectors([content_words(c.text) for c in candidates])
    scores = rank_sentences(candidates, vectors, entities)
    chosen: list[int] = []
    for index in sorted(range(len(candidates)), key=lambda i: (-scores[i], i)):
        if any(cosine(vectors[index], vectors[other]) > DUPLICATE_SIMILARITY for other in chosen):
            continue
        chosen.append(index)
        if len(chosen) == length:
            break
    return tuple(replace(candidates[i], score=scores[i]) for i in sorted(chosen))


def body_sentences(
    document: Document, sentences: Sequence[tuple[int, int]]
) -> list[SummarySentence]:
    """The sentences that may enter a summary (unscored), trimmed of whitespace, in order."""
    paragraphs = document.blocks_of(BlockKind.PARAGRAPH)
    paragraph_starts = [block.start for block in paragraphs]
    candidates: list[SummarySentence] = []
    for raw_start, raw_end in sorted(set(sentences)):
        raw = document.text[raw_start:raw_end]
        start = raw_start + len(raw) - len(raw.lstrip())
        end = max(start, raw_end - len(raw) + len(raw.rstrip()))
        text = document.text[start:end]
        if len(text.split()) < MIN_WORDS:
            continue
        # Blocks are in text order: only the last paragraph starting at or before may hold it.
        index = bisect.bisect_right(paragraph_starts, start) - 1
        if index >= 0 and end <= paragraphs[index].end:
            candidates.append(SummarySentence(start, end, text))
    return candidates


def rank_sentences(
    candidates: Sequence[SummarySentence],
    vectors: Sequence[dict[str, float]],
    entities: Sequence[Entity],
) -> list[float]:
    """A score per candidate (higher is better); see the module docstring for the signals."""
    position = 1.0 / np.sqrt(1.0 + np.arange(len(candidates)))
    score = position + CENTRALITY_WEIGHT * _scaled(centrality(vectors))
    score += SALIENCE_WEIGHT * _entity_weight(candidates, entities)
    words = np.array([len(c.text.split()) for c in candidates], dtype=float)
    score -= LONG_PENALTY * np.clip((words - LONG_WORDS) / LONG_WORDS, 0.0, None)
    score -= VOICE_PENALTY * np.array([_is_voice(c.text) for c in candidates], dtype=float)
    return [float(s) for s in score]


def _scaled(values: np.ndarray) -> np.ndarray:
    """Values divided by their maximum, so the strongest is 1 (all zeros stay zeros)."""
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else values


def _entity_weight(candidates: Sequence[SummarySentence], entities: Sequence[Entity]) -> np.ndarray:
    """Summed weight of the entities each sentence mentions, scaled so the most is 1."""
    weight = np.zeros(len(candidates))
    importance = [e.salience for e in entities]
    if not any(importance):
        importance = [float(e.count) for e in entities]
    top = max(importance, default=0.0)
    if top <= 0:
        return weight
    starts = [c.start for c in candidates]
    for entity, value in zip(entities, importance, strict=True):
        for mention in entity.mentions:
            index = bisect.bisect_right(starts, mention.start) - 1
            if index >= 0 and mention.end <= candidates[index].end:
                weight[index] += value / top
    return _scaled(weight)


def _is_voice(text: str) -> bool:
    """A quotation or a question: someone speaking, not the story told."""
    return text.startswith(_QUOTES) or text.rstrip("\"”’'»").endswith("?")
