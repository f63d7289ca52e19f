"""The whole analysis of one Document: model over its blocks, entities, sentences, summary."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis.entities import ANALYSED_KINDS, RawSpan, extract_entities
from reader.analysis.language import get_nlp, model_name
from reader.analysis.model import Analysis
from reader.analysis.summary import DEFAULT_LENGTH, summarize
from reader.document import Block, Document

# Blocks per nlp.pipe batch; between batches progress is reported and cancelling checked.
BATCH_BLOCKS = 64
# Same-length substitutions only, so model offsets are Document offsets: the model
# knows ' and " far better than their curly forms ("Trump’s" is then Trump + 's).
_MODEL_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "′": "'"})


class AnalysisCancelled(Exception):
    """The caller asked to stop (a newer document was opened)."""


def model_text(text: str) -> str:
    """The text as the model should read it; always exactly as long as `text`."""
    return text.translate(_MODEL_CHARS)


def analysable_blocks(document: Document) -> tuple[Block, ...]:
    """Title, byline, key points, headings and paragraphs: never tags or labels."""
    return tuple(b for b in document.blocks_of(*ANALYSED_KINDS) if b.end > b.start)


def analyse_document(
    document: Document,
    *,
    length: int = DEFAULT_LENGTH,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """Entities, sentences and summary of `document`.

    Raises LanguageModelError when no model can be loaded, AnalysisCancelled when
    `is_cancelled()` turns true between batches.
    """
    nlp = get_nlp()
    blocks = analysable_blocks(document)
    total = sum(b.end - b.start for b in blocks)
    done = 0
    spans: list[RawSpan] = []
    sentences: list[tuple[int, int]] = []
    for first in range(0, len(blocks), BATCH_BLOCKS):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled
        batch = blocks[first : first + BATCH_BLOCKS]
        texts = [model_text(document.block_text(b)) for b in batch]
        for block, doc in zip(batch, nlp.pipe(texts, batch_size=BATCH_BLOCKS), strict=True):
            offset = block.start
            spans.extend(
                RawSpan(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents
            )
            for sent in doc.sents:
                start, end = _strip(document.text, offset + sent.start_char, offset + sent.end_char)
                if start < end:
                    sentences.append((start, end))
            done += block.end - block.start
        if progress is not None:
            progress(done, total)
    entities = extract_entities(document, spans, blocks)
    summary = summarize(document, sentences, entities, length)
    return Analysis(
        entities=entities, summary=summary, sentences=tuple(sentences), model_name=model_name()
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
