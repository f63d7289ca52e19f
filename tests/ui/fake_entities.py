"""A dictionary-backed fake analyser for the sidebar and summary tests (no spaCy).

Entities are found by exact surface forms, sentences by end punctuation, so every
test knows exactly which mentions a click must highlight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.analysis.summary import summarize
from reader.document import BlockKind, Document

ARTICLE = """\
Harbour Lights Return to Port Evra

By Tomas Rill

Key points
- Mayor Ilse Varga reopened the old lighthouse on Sunday.
- The Coastal Trust paid for the repairs.

A Beacon Again

Mayor Ilse Varga cut the ribbon at the lighthouse in Port Evra on Sunday morning, watched by a crowd of fishermen. Varga said the light would guide boats through the narrow channel again.

The Coastal Trust raised the money over three long winters of appeals. A spokesman for the Coastal Trust said volunteers from Selby had repainted the whole tower.

Varga thanked the volunteers and promised a summer festival in Port Evra next year. Fishermen in Selby welcomed the news with a parade of boats.
"""

SECOND_ARTICLE = """\
Orchard Growers Count the Cost of Frost

A late frost damaged apple blossom across the valley near Marrow Hill this week. Growers in Marrow Hill said the harvest could halve.
"""

# name -> (group, aliases, salience)
ENTITIES: dict[str, tuple[EntityGroup, tuple[str, ...], float]] = {
    "Ilse Varga": (EntityGroup.PERSON, ("Varga",), 0.9),
    "Tomas Rill": (EntityGroup.PERSON, (), 0.1),
    "Coastal Trust": (EntityGroup.ORGANIZATION, (), 0.7),
    "Port Evra": (EntityGroup.PLACE, (), 0.8),
    "Selby": (EntityGroup.PLACE, (), 0.85),
    "Marrow Hill": (EntityGroup.PLACE, (), 0.6),
    "Sunday": (EntityGroup.DATE, (), 0.2),
}


def sentence_spans(document: Document) -> tuple[tuple[int, int], ...]:
    spans = []
    for block in document.blocks_of(BlockKind.PARAGRAPH):
        text = document.text[block.start : block.end]
        for match in re.finditer(r"[^.!?]+[.!?]", text):
            lead = len(match.group()) - len(match.group().lstrip())
            spans.append((block.start + match.start() + lead, block.start + match.end()))
    return tuple(spans)


def find_entities(document: Document) -> tuple[Entity, ...]:
    entities = []
    for name, (group, aliases, salience) in ENTITIES.items():
        pattern = "|".join(re.escape(form) for form in sorted((name, *aliases), key=len)[::-1])
        mentions = tuple(
            Mention(m.start(), m.end(), m.group())
            for m in re.finditer(rf"\b(?:{pattern})\b", document.text)
        )
        if mentions:
            entities.append(Entity(name, group, group.name, mentions, aliases, salience))
    return tuple(entities)


@dataclass
class DictionaryAnalyser:
    """Counts its calls, so tests can tell that nothing was analysed twice."""

    calls: list[str] = field(default_factory=list)

    def __call__(self, document: Document, progress, is_cancelled) -> Analysis:
        self.calls.append(document.source_path)
        entities = find_entities(document)
        sentences = sentence_spans(document)
        progress(len(document.text), len(document.text))
        return Analysis(
            entities=entities,
            sentences=sentences,
            summary=summarize(document, sentences, entities),
            model_name="fake",
        )
