"""A stand-in correction for tests, until the corrections feature brings real ones."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reader.document import Document


@dataclass(frozen=True)
class Rename:
    """Give one entity, found by its stable id, another name."""

    entity_id: str
    name: str

    def apply(self, document: Document, entities):
        return tuple(replace(e, name=self.name) if e.id == self.entity_id else e for e in entities)
