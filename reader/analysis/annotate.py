"""Running the language model over texts: what the model says, before our own rules.

An annotation is plain data (entity spans and sentence spans, character offsets
into the text given), so it crosses process boundaries cheaply: the same function
runs in this process or in the worker processes of `reader.analysis.parallel`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.analysis.language import get_nlp

# (entities as (start, end, label), sentences as (start, end)), offsets into one text
Annotation = tuple[list[tuple[int, int, str]], list[tuple[int, int]]]
Annotator = Callable[[Sequence[str]], list[Annotation]]

PIPE_BATCH = 64


def annotate_texts(texts: Sequence[str]) -> list[Annotation]:
    """Entities and sentences of each text, by the shared in-process model."""
    nlp = get_nlp()
    return [
        (
            [(e.start_char, e.end_char, e.label_) for e in doc.ents],
            [(s.start_char, s.end_char) for s in doc.sents],
        )
        for doc in nlp.pipe(texts, batch_size=PIPE_BATCH)
    ]
