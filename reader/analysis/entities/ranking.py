"""Salience: the story's subjects first.

A mention counts by where it stands: the title most, then the key points and the
story's lead (its first paragraphs), then headings and the rest of the body. Places,
dates and numbers mentioned in passing weigh less than the people and organizations
the story is about, and an entity the evidence leaves doubtful ranks lower.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.model import Entity, EntityGroup
from reader.document import Block, BlockKind, Document

# How much one mention in each kind of block says about the entity's importance.
BLOCK_WEIGHT = {
    BlockKind.TITLE: 3.0,
    BlockKind.KEY_POINT: 1.5,
    BlockKind.HEADING: 1.2,
    BlockKind.BYLINE: 0.5,
    BlockKind.PARAGRAPH: 1.0,
}
# The lead: the first paragraphs, where news states who and what the story is about.
LEAD_PARAGRAPHS = 2
LEAD_WEIGHT = 1.6
GROUP_WEIGHT = {
    EntityGroup.DATE: 0.3,
    EntityGroup.NUMBER: 0.3,
    EntityGroup.GROUP: 0.7,
    EntityGroup.PLACE: 0.85,
}


def block_weights(blocks: Sequence[Block]) -> list[float]:
    """The weight of a mention in each block, the lead's paragraphs counting more."""
    weights = []
    paragraphs = 0
    for block in blocks:
        weight = BLOCK_WEIGHT.get(block.kind, 1.0)
        if block.kind is BlockKind.PARAGRAPH:
            paragraphs += 1
            if paragraphs <= LEAD_PARAGRAPHS:
                weight = LEAD_WEIGHT
        weights.append(weight)
    return weights


def rank(
    document: Document, blocks: Sequence[Block], entities: Sequence[Entity]
) -> tuple[Entity, ...]:
    """Entities with their salience (the first is 1.0), most salient first."""
    starts = [b.start for b in blocks]
    weights = block_weights(blocks)
    length = max(1, len(document.text))
    scores = []
    for entity in entities:
        score = 0.0
        for mention in entity.mentions:
            weight = weights[bisect_right(starts, mention.start) - 1]
            score += weight * (1.5 - 0.5 * mention.start / length)
        doubt = 0.5 + 0.5 * entity.confidence
        scores.append(score * GROUP_WEIGHT.get(entity.group, 1.0) * doubt)
    top = max(scores, default=1.0) or 1.0
    ranked = [replace(e, salience=round(s / top, 4)) for e, s in zip(entities, scores, strict=True)]
    return tuple(sorted(ranked, key=lambda e: (-e.salience, e.first_offset)))
