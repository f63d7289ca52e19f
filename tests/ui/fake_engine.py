"""A fake analysis engine with the real one's contract, for GUI tests and benchmarks (no spaCy).

It runs on the AnalysisService's thread, goes through the article in batches of whole
blocks (about `batch_chars` characters, an analyser's attribute or BATCH_CHARS), reports
progress after each and can be cancelled between them; an analyser with a `gate`
(anything with `wait(timeout)`) waits on it before each batch. What it "finds" comes
from a plain function `(document, progress, is_cancelled) -> Analysis`, called in its
interpret step, with the rules applied to its entities as the real interpret does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reader.analysis import Analysis, Annotations
from reader.analysis.annotations import content_hash
from reader.analysis.pipeline import AnalysisCancelled
from reader.analysis.rules import apply_rules
from reader.document import Document

# Like the real batches, small enough that a test article of a few paragraphs has several.
BATCH_CHARS = 2_000


class FakeEngine:
    """The engine contract without a model: batches, progress per batch, cancellable."""

    model = "fake"

    def __init__(self, analyser: Callable) -> None:
        self.analyser = analyser
        self.annotated: list[str] = []
        self.interpreted: list[str] = []

    def warm_up(self) -> None:
        return None

    def annotate(self, document: Document, progress, is_cancelled) -> Annotations:
        self.annotated.append(document.source_path)
        gate = getattr(self.analyser, "gate", None)
        batch_chars = getattr(self.analyser, "batch_chars", BATCH_CHARS)
        total = len(document.text)
        size = 0
        for index, block in enumerate(document.blocks):
            size += block.end - block.start
            if size < batch_chars and index < len(document.blocks) - 1:
                continue
            size = 0
            if is_cancelled():
                raise AnalysisCancelled
            if gate is not None:
                gate.wait(10)
            progress(block.end, total)
        if is_cancelled():
            raise AnalysisCancelled
        return Annotations(content_hash(document.text), self.model)

    def interpret(self, document: Document, annotations: Annotations, rules=()) -> Analysis:
        self.interpreted.append(document.source_path)
        analysis = self.analyser(document, lambda _done, _total: None, lambda: False)
        entities = apply_rules(document, analysis.entities, rules)
        return replace(analysis, entities=entities) if rules else analysis

    def close(self) -> None:
        return None
