"""Rules applied when interpreting annotations: the place where corrections plug in.

A rule is any object with `apply(document, entities) -> entities`. `interpret` applies
the rules in order after our own entity rules and before the summary, so a correction
(rename, regroup, merge, remove) changes what every panel shows without running the
model again. Rules find entities by `Entity.id`, which a rename or regroup keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from reader.analysis.model import Entity
from reader.document import Document


class Rule(Protocol):
    """One correction or user rule over the entities of one article."""

    def apply(self, document: Document, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """The entities after this rule; never changes the document."""
        ...


def apply_rules(
    document: Document, entities: tuple[Entity, ...], rules: Iterable[Rule]
) -> tuple[Entity, ...]:
    for rule in rules:
        entities = tuple(rule.apply(document, entities))
    return entities
