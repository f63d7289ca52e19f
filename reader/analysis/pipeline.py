"""The whole analysis of one Document: model over its blocks, entities, sentences, summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from reader.analysis.annotate import Annotator, annotate
from reader.analysis.corrections import Rule, apply_rules
from reader.analysis.entities import ANALYSED_KINDS, RawSpan, extract_entities
from reader.analysis.language import model_name
from reader.analysis.model import Analysis, ReferenceDate
from reader.analysis.quantities import find_quantities
from reader.analysis.reference_date import find_reference_date
from reader.analysis.summary import DEFAULT_LENGTH, summarize
from reader.analysis.times import find_times
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
    rules: Sequence[Rule] = (),
    reference_date: date | None = None,
) -> Analysis:
    """Entities, sentences and summary of `document`.

    `annotator` runs the model (default: in this process; an AnnotatorPool's
    `annotate` runs it in worker processes). Raises LanguageModelError when no
    model can be loaded, AnalysisCancelled when `is_cancelled()` turns true between
    batches. The reader's correction `rules` apply to the entities before the summary;
    `reference_date` (the reader's) overrides the date read from the article.
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
    entities = apply_rules(document, extract_entities(document, spans, blocks), rules)
    summary = summarize(document, sentences, entities, length)
    analysis = Analysis(
        entities=entities, summary=summary, sentences=tuple(sentences), model_name=model_name()
    )
    return with_times(document, analysis, find_reference_date(document, reference_date))


def with_times(document: Document, analysis: Analysis, reference: ReferenceDate) -> Analysis:
    """`analysis` with its times and figures found against `reference`.

    Needs no model: when the reader sets the article's date, this is all that re-runs.
    """
    spans = [(b.start, b.end) for b in analysable_blocks(document)]
    times = find_times(document.text, reference.date, analysis.sentences, spans)
    quantities = find_quantities(document.text, spans, [(t.start, t.end) for t in times])
    return replace(analysis, times=times, quantities=quantities, reference_date=reference)


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
