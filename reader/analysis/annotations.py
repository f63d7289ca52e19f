"""What the language model says about one Document, kept apart from what we make of it.

Running the model is the one slow step of an analysis; everything after it (our entity
rules, corrections, ranking, the summary) is a fast, pure function of the document and
these annotations (`reader.analysis.pipeline.interpret`). So annotations are plain,
frozen data, keyed by the text's content hash and the model's name and version, and
cheap to serialise: a cache can keep them, and a correction never re-runs the model.

To record more of what the model says later (tokens, noun chunks, …), add a field with
a default: `from_dict` fills missing fields with their defaults, so older stored
annotations still load. Bump `FORMAT` when a field changes meaning.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

FORMAT = 1


class AnalysisCancelled(Exception):
    """The caller asked to stop annotating (a newer document was opened)."""


def content_hash(text: str) -> str:
    """The key of a text's annotations: the same text gets the same annotations."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Annotations:
    """The model's output for one text, in `Document.text` offsets.

    `entities` are (start, end, label) as the model tagged them, before any rule;
    `sentences` are (start, end) with surrounding white space stripped.
    """

    content_hash: str
    model: str
    entities: tuple[tuple[int, int, str], ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()

    @property
    def cache_key(self) -> tuple[str, str]:
        return (self.content_hash, self.model)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "format": FORMAT,
            "content_hash": self.content_hash,
            "model": self.model,
            "entities": [list(span) for span in self.entities],
            "sentences": [list(span) for span in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annotations:
        """Read what `to_dict` wrote; raises ValueError for another format or bad data."""
        if data.get("format") != FORMAT:
            raise ValueError(f"annotations in format {data.get('format')!r}, not {FORMAT}")
        try:
            return cls(
                content_hash=str(data["content_hash"]),
                model=str(data["model"]),
                entities=tuple((int(s), int(e), str(label)) for s, e, label in data["entities"]),
                sentences=tuple((int(s), int(e)) for s, e in data["sentences"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"damaged annotations: {exc}") from exc
