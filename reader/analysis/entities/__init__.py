"""From the model's raw entity spans to the list a reader can trust.

The small model tags each occurrence on its own and often disagrees with itself
("Trump" an organization four times, a person once). One module per job, each
working on plain (start, end, label) spans in `Document.text`, so none needs a model:

- `spans`: cleaning one span (titles, possessives, bullets, furniture);
- `knowledge`: what lists settle (countries, cities, given names, planets, units);
- `labels`: the group, from the model's votes weighed with context and knowledge;
- `merging`: one entity per real-world thing, by safe merges only;
- `confirming`: names confirmed by the body, and every mention located;
- `confidence`: how far the evidence goes; the doubtful are marked uncertain;
- `ranking`: salience, the story's subjects first.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reader.analysis.entities.confidence import UNCERTAIN_BELOW, confidence, lower_case_words
from reader.analysis.entities.confirming import aliases, confirmed, locate
from reader.analysis.entities.knowledge import known_label
from reader.analysis.entities.labels import (
    context_cue,
    label_of,
    listed_people,
    owns_company,
    scored,
    team_spans,
)
from reader.analysis.entities.merging import cluster, merge_all
from reader.analysis.entities.ranking import rank
from reader.analysis.entities.spans import (
    GROUP_OF_LABEL,
    VALUE_LABELS,
    Candidate,
    Cluster,
    RawSpan,
    clean,
    company_spans,
    dateline_places,
    join_qualified,
    untagged_names,
)
from reader.analysis.model import Entity, EntityGroup, Mention
from reader.document import Block, BlockKind, Document

__all__ = [
    "ANALYSED_KINDS",
    "GROUP_OF_LABEL",
    "UNCERTAIN_BELOW",
    "VALUE_LABELS",
    "RawSpan",
    "extract_entities",
]

# Blocks whose text goes to the model; tags and the "Key points" label are not prose.
ANALYSED_KINDS = (
    BlockKind.TITLE,
    BlockKind.BYLINE,
    BlockKind.KEY_POINT,
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
)


def extract_entities(
    document: Document, spans: Iterable[RawSpan], blocks: Sequence[Block] | None = None
) -> tuple[Entity, ...]:
    """Turn the model's spans into merged, typed, located and ranked entities.

    `blocks` are the blocks that were analysed (default: all analysable ones);
    further mentions are looked for only there.
    """
    analysed = tuple(blocks) if blocks is not None else document.blocks_of(*ANALYSED_KINDS)
    if not analysed:
        return ()
    starts = [b.start for b in analysed]
    candidates: list[Candidate] = []
    datelines = dateline_places(document.text, analysed)
    spans = [*_past_datelines(spans, datelines), *datelines]
    filed = set(datelines)
    spans = team_spans(document.text, analysed, spans)
    spans = listed_people(document.text, analysed, spans)
    spans = company_spans(document.text, analysed, spans)
    lower_words = lower_case_words(document.text)
    spans = untagged_names(document.text, analysed, spans, lower_words)
    for span in join_qualified(document.text, sorted(spans, key=lambda s: s.start)):
        block = _block_at(analysed, starts, span.start)
        if block is None or span.end > block.end:
            continue  # never across a block boundary
        for candidate in clean(document, span, block):
            candidate.cue = context_cue(document.text, candidate)
            candidate.owns_company = owns_company(document.text, candidate)
            candidate.scored = scored(document.text, candidate)
            candidate.dateline = span in filed
            candidates.append(candidate)
    clusters = cluster(candidates)
    merge_all(document, analysed, clusters)
    kept = []
    for found in clusters.values():
        label = label_of(found)
        if label is not None and confirmed(document, analysed, found):
            kept.append((found, label))
    mentions = locate(document, analysed, kept, lower_words)
    entities = [
        _entity(document, found, label, mentions[id(found)], lower_words)
        for found, label in kept
        if mentions[id(found)]
    ]
    return rank(document, analysed, entities)


def _past_datelines(spans: Iterable[RawSpan], datelines: list[RawSpan]) -> Iterable[RawSpan]:
    """The model's spans, less what a dateline's place took: "OSLO 2003-02-11" tagged
    as one date keeps its date."""
    starts = [d.start for d in datelines]  # in text order, one per block at most
    for span in spans:
        index = bisect_right(starts, span.end - 1) - 1
        place = datelines[index] if index >= 0 and datelines[index].end > span.start else None
        if place is None:
            yield span
        elif span.label in VALUE_LABELS and span.end > place.end + 1:
            yield RawSpan(place.end + 1, span.end, span.label)


def _block_at(blocks: Sequence[Block], starts: list[int], offset: int) -> Block | None:
    index = bisect_right(starts, offset) - 1
    if index < 0 or offset >= blocks[index].end:
        return None
    return blocks[index]


def _name(cluster: Cluster, label: str) -> str:
    """The name shown: a known canonical form, a person's full name, else the usual spelling."""
    if cluster.preferred_name:
        return cluster.preferred_name
    surfaces = cluster.surfaces()
    if label == "PERSON":
        full = {s: n for s, n in surfaces.items() if " " in s}
        if full:  # the fullest name: "Enrique Peña Nieto", not the "Peña Nieto" said after
            return max(full, key=lambda s: (len(s.split()), full[s], len(s)))
    # Prefer the spelling of running text to a shouted headline's.
    name = max(surfaces, key=lambda s: (not (s.isupper() and len(s) > 4), surfaces[s], len(s)))
    if name.isupper() and len(name) > 4 and known_label(name):
        return name.title()  # a dateline's "VIENNA" is Vienna
    return name


def _entity(
    document: Document,
    cluster: Cluster,
    label: str,
    mentions: list[Mention],
    lower_words: frozenset[str],
) -> Entity:
    name = _name(cluster, label)
    sure = confidence(document.text, cluster, label, mentions, lower_words)
    return Entity(
        name=name,
        group=GROUP_OF_LABEL.get(label, EntityGroup.THING),
        label=label,
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        aliases=tuple(sorted((aliases(cluster) | {m.text for m in mentions}) - {name})),
        confidence=sure,
        uncertain=sure < UNCERTAIN_BELOW,
    )


def rank_entities(document: Document, entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Salience again, by the same measure, after corrections moved mentions or groups."""
    analysed = document.blocks_of(*ANALYSED_KINDS)
    return rank(document, analysed, list(entities)) if analysed else tuple(entities)
