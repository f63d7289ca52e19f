"""The whole analysis of one Document: model over its blocks, entities, sentences, summary."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis.annotate import Annotator, annotate
from reader.analysis.entities import ANALYSED_KINDS, RawSpan, extract_entities
from reader.analysis.language import model_name
from reader.analysis.model import Analysis
from reader.analysis.quotes import extract_quotes
from reader.analysis.summary import DEFAULT_LENGTH, summarize
from reader.document import Block, Document

# Characters per request to the model (about 2,500 words, a few tenths of a second):
# between requests progress is reported and cancelling checked.
BATCH_CHARS = 16_000
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
    annotator: Annotator | None = None,
) -> Analysis:
    """Entities, sentences and summary of `document`.

    `annotator` runs the model (default: in this process; an AnnotatorPool's
    `annotate` runs it in worker processes). Raises LanguageModelError when no
    model can be loaded, AnalysisCancelled when `is_cancelled()` turns true between
    batches.
    """
    annotator = annotator or annotate
    blocks = analysable_blocks(document)
    total = sum(b.end - b.start for b in blocks)
    done = 0
    spans: list[RawSpan] = []
    sentences: list[tuple[int, int]] = []
    for batch in _batches(blocks):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled
        texts = [model_text(document.block_text(b)) for b in batch]
        for block, (ents, sents) in zip(batch, annotator(texts), strict=True):
            offset = block.start
            spans.extend(RawSpan(offset + s, offset + e, label) for s, e, label in ents)
            for s, e in sents:
                start, end = _strip(document.text, offset + s, offset + e)
                if start < end:
                    sentences.append((start, end))
            done += block.end - block.start
        if progress is not None:
            progress(done, total)
    if is_cancelled is not None and is_cancelled():
        raise AnalysisCancelled
    entities = extract_entities(document, spans, blocks)
    summary = summarize(document, sentences, entities, length)
    quotes = extract_quotes(document, sentences, entities)
    return Analysis(
        entities=entities,
        summary=summary,
        sentences=tuple(sentences),
        model_name=model_name(),
        quotes=quotes,
    )


def _batches(blocks: tuple[Block, ...]) -> list[tuple[Block, ...]]:
    batches: list[tuple[Block, ...]] = []
    first = 0
    size = 0
    for index, block in enumerate(blocks):
        size += block.end - block.start
        if size >= BATCH_CHARS:
            batches.append(blocks[first : index + 1])
            first, size = index + 1, 0
    if first < len(blocks):
        batches.append(blocks[first:])
    return batches


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
