"""The whole analysis of one Document, in two steps: annotate, then interpret.

`annotate` runs the language model over the document's blocks (slow: worker processes,
progress, cancelling) and keeps what it says as `Annotations`. `interpret` turns
document + annotations + rules into the `Analysis` every panel shows: a pure function
that runs in milliseconds and never calls the model, so a correction or a rule change
is re-interpreted, not re-analysed. `analyse_document` is the two in a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache

from reader.analysis.annotate import Annotator, annotate_texts
from reader.analysis.annotations import AnalysisCancelled, Annotations, content_hash
from reader.analysis.corrections import NotEntity
from reader.analysis.entities import ANALYSED_KINDS, RawSpan, extract_entities, rank_entities
from reader.analysis.language import model_name
from reader.analysis.model import (
    DEFAULT_SUMMARY_LENGTH,
    Analysis,
    Quantity,
    ReferenceDate,
    SummarySentence,
    TimeExpression,
    identify,
)
from reader.analysis.quantities import find_quantities
from reader.analysis.quotes import extract_quotes
from reader.analysis.quotes.single_marks import with_double_quotes
from reader.analysis.reference_date import find_reference_date
from reader.analysis.rules import Rule, apply_rules
from reader.analysis.summary import summarize
from reader.analysis.times import find_times
from reader.analysis.value_entities import value_entities
from reader.document import Block, Document

# Characters per request to the model (about 2,500 words, a few tenths of a second):
# between requests progress is reported and cancelling checked.
BATCH_CHARS = 16_000
# Same-length substitutions only, so model offsets are Document offsets: the model
# knows ' and " far better than their curly forms ("Trump’s" is then Trump + 's).
_MODEL_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "′": "'"})


def model_text(text: str) -> str:
    """The text as the model should read it; always exactly as long as `text`."""
    return text.translate(_MODEL_CHARS)


def analysable_blocks(document: Document) -> tuple[Block, ...]:
    """Title, byline, key points, headings and paragraphs: never tags or labels."""
    return tuple(b for b in document.blocks_of(*ANALYSED_KINDS) if b.end > b.start)


def annotate(
    document: Document,
    annotator: Annotator | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Annotations:
    """What the language model says about `document`'s analysable blocks.

    `annotator` runs the model (default: in this process; an AnnotatorPool's
    `annotate` runs it in worker processes). Raises LanguageModelError when no
    model can be loaded, AnalysisCancelled when `is_cancelled()` turns true between
    batches; `progress(done, total)` is called after each batch, in characters.
    """
    annotator = annotator or annotate_texts
    blocks = analysable_blocks(document)
    total = sum(b.end - b.start for b in blocks)
    done = 0
    spans: list[tuple[int, int, str]] = []
    sentences: list[tuple[int, int]] = []
    for batch in _batches(blocks):
        if is_cancelled is not None and is_cancelled():
            raise AnalysisCancelled
        texts = [model_text(document.block_text(b)) for b in batch]
        for block, (ents, sents) in zip(batch, annotator(texts), strict=True):
            offset = block.start
            spans.extend((offset + s, offset + e, label) for s, e, label in ents)
            for s, e in sents:
                start, end = _strip(document.text, offset + s, offset + e)
                if start < end:
                    sentences.append((start, end))
            done += block.end - block.start
        if progress is not None:
            progress(done, total)
    if is_cancelled is not None and is_cancelled():
        raise AnalysisCancelled
    return Annotations(
        content_hash=content_hash(document.text),
        model=model_name(),
        entities=tuple(spans),
        sentences=tuple(sentences),
    )


def interpret(
    document: Document,
    annotations: Annotations,
    rules: Iterable[Rule] = (),
    *,
    length: int = DEFAULT_SUMMARY_LENGTH,
) -> Analysis:
    """Entities (our rules, then `rules`), times, figures, summary and quotes: no model call."""
    blocks = analysable_blocks(document)
    spans = [RawSpan(s, e, label) for s, e, label in annotations.entities]
    entities = identify(extract_entities(document, spans, blocks))
    found = Analysis(
        entities=entities, sentences=annotations.sentences, model_name=annotations.model
    )
    # Times first: the sidebar's dates and numbers are made from them, then corrected.
    analysis = with_times(document, found, find_reference_date(document))
    entities = apply_rules(document, analysis.entities, rules)
    summary = summarize(document, annotations.sentences, entities, length)
    quotes = extract_quotes(with_double_quotes(document), annotations.sentences, entities)
    # Texts from the article itself: a quotation's own single marks were read as double.
    quotes = tuple(replace(q, text=document.text[q.start : q.end]) for q in quotes)
    return replace(analysis, entities=entities, summary=summary, quotes=quotes)


def with_times(
    document: Document,
    analysis: Analysis,
    reference: ReferenceDate,
    rules: Iterable[Rule] = (),
) -> Analysis:
    """`analysis` with its times and figures found against `reference`.

    Needs no model: when the reader sets the article's date, this is all that re-runs.
    The sidebar's Dates and Numbers are made again from the times and figures; one the
    reader corrected stays as corrected, and one the reader hid (a "not an entity" rule
    among `rules`) stays hidden.
    """
    spans = tuple((b.start, b.end) for b in analysable_blocks(document))
    times, quantities = _times_and_quantities(
        document.text, reference.date, tuple((s, e) for s, e in analysis.sentences), spans
    )
    made = value_entities(analysis.entities, times, quantities)
    hidden = [rule for rule in rules if isinstance(rule, NotEntity)]
    entities = rank_entities(document, apply_rules(document, tuple(made), hidden))
    return replace(
        analysis, entities=entities, times=times, quantities=quantities, reference_date=reference
    )


# A correction re-interprets the same text, sentences and date: what they alone decide is
# found once, not again for every correction (a few articles' worth is kept).
@lru_cache(maxsize=4)
def _times_and_quantities(
    text: str,
    day: date,
    sentences: tuple[tuple[int, int], ...],
    spans: tuple[tuple[int, int], ...],
) -> tuple[tuple[TimeExpression, ...], tuple[Quantity, ...]]:
    times = find_times(text, day, sentences, spans)
    return times, find_quantities(text, spans, [(t.start, t.end) for t in times])


def summary_of(document: Document, analysis: Analysis, length: int) -> tuple[SummarySentence, ...]:
    """The summary at another length, from the analysis already made (no model call)."""
    if not analysis.sentences or (analysis.summary and length == DEFAULT_SUMMARY_LENGTH):
        return analysis.summary[:length]
    return summarize(document, analysis.sentences, analysis.entities, length)


def analyse_document(
    document: Document,
    *,
    length: int = DEFAULT_SUMMARY_LENGTH,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    annotator: Annotator | None = None,
) -> Analysis:
    """Entities, sentences and summary of `document`: `annotate`, then `interpret`."""
    annotations = annotate(document, annotator, progress=progress, is_cancelled=is_cancelled)
    return interpret(document, annotations, length=length)


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
