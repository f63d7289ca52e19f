"""Assembling the article's quotes: direct, reported and mixed, with cue and speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.model import Entity, Quote, Span, Speaker
from reader.analysis.quotes.attribution import (
    _MIN_REPORT_WORDS,
    _after_opening_phrase,
    _make,
    _reported,
    _second_report,
)
from reader.analysis.quotes.marks import (
    _Segment,
    _segments,
    _with_double_apostrophes_as_marks,
    _without_next_opening,
)
from reader.analysis.quotes.speakers import _is_person, _Resolver, _subject
from reader.analysis.quotes.units import _MIN_QUOTE_WORDS, _TRANSCRIPT, _direct_units
from reader.analysis.quotes.words import _clause_end, _clause_start, _tokens, _trim, _words
from reader.document import BlockKind, Document
from reader.document.spans import SpanIndex

_HEADLINE_SPEAKER = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}):\s+(?=\S)")


# Blocks that may report speech: a headline does too ("Ruiz Says Ferries Will Run").
_SPOKEN_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.HEADING, BlockKind.KEY_POINT, BlockKind.PARAGRAPH}
)


def extract_quotes(
    document: Document,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity],
) -> tuple[Quote, ...]:
    """Every quote in the article's paragraphs and headlines, with cue and speaker, in order."""
    text = _with_double_apostrophes_as_marks(document.text)
    paragraphs = [(b.start, b.end) for b in document.blocks if b.kind in _SPOKEN_KINDS]
    if not paragraphs:
        return ()
    resolver = _Resolver(text, paragraphs, entities, sentences)
    segments = [s for i, p in enumerate(paragraphs) for s in _segments(text, p, i)]
    units, embedded = _direct_units(text, paragraphs, segments)
    quotes: list[Quote] = []
    for unit in units:
        first, last = unit.segments[0], unit.segments[-1]
        transcript = _TRANSCRIPT.match(text, first.start)
        if unit.attribution is None and transcript is not None:
            colon = transcript.end(1)
            unit.attribution = _make(text, transcript.span(1), (colon, colon + 1))
        speaker = cue = None
        if unit.attribution is not None:
            cue = unit.attribution.cue
            if unit.attribution.speaker is not None:
                speaker = resolver.speaker(unit.attribution.speaker)
        else:
            speaker = _previous_subject(text, resolver, first.open_at)
        quotes.append(
            Quote(first.start, last.end, text[first.start : last.end], "direct", speaker, cue)
        )
        if unit.follow_on is not None:
            quotes.append(_follow_on_quote(text, resolver, unit.follow_on, speaker, embedded))
    headlines = [b for b in document.blocks if b.kind in (BlockKind.TITLE, BlockKind.HEADING)]
    said = [q for b in headlines if (q := _headline_quote(text, b.start, b.end, resolver))]
    quotes.extend(said)
    covered = SpanIndex.of(
        [*((u.extent_start, u.extent_end) for u in units), *((q.start, q.end) for q in said)]
    )
    quoted_index = SpanIndex.of((g.start, g.end) for g in embedded)
    for start, sentence_end in sentences:
        end = _without_next_opening(text, start, sentence_end)
        if resolver.paragraph_of(start) is None or covered.overlapping(start, end):
            continue
        quoted = _spans_overlapping(quoted_index, start, end)
        reported = _reported(text, start, end, quoted)
        voice = None
        while reported is not None:
            (c_start, c_end), attribution = reported
            if attribution.speaker is None:  # "…, adding that …" in the same voice
                attribution = replace(attribution, speaker=voice)
            voice = attribution.speaker
            cut, reported = _second_report(text, c_start, c_end)
            c_start, c_end = _trim(text, c_start, cut)  # "…, but he said that …" ends it
            kind = "mixed" if any(s < c_end and e > c_start for s, e in quoted) else "indirect"
            speaker = resolver.speaker(attribution.speaker) if attribution.speaker else None
            quotes.append(
                Quote(c_start, c_end, text[c_start:c_end], kind, speaker, attribution.cue)
            )
    _add_unframed(text, sentences, embedded, quotes, resolver)
    quotes.sort(key=lambda q: q.start)
    if text is document.text:
        return _carry_speakers(text, resolver, quotes)
    return tuple(_as_in(document.text, q) for q in _carry_speakers(text, resolver, quotes))


def _headline_quote(text: str, start: int, end: int, resolver: _Resolver) -> Quote | None:
    """ "Ana Ruiz: Ferries Will Run All Winter": a headline that names its speaker first."""
    match = _HEADLINE_SPEAKER.match(text, start, end)
    if match is None or resolver.mention_at(start) != match.span(1):
        return None
    c_start, c_end = _trim(text, match.end(), end)
    while c_end > c_start and text[c_end - 1] in ".’'”\"":
        c_end -= 1
    if _words(text[c_start:c_end]) < _MIN_REPORT_WORDS:
        return None
    name = Span(start, match.end(1), match.group(1))
    cue = Span(match.end(1), match.end(1) + 1, ":")
    return Quote(c_start, c_end, text[c_start:c_end], "indirect", resolver.speaker(name), cue)


def _as_in(original: str, quote: Quote) -> Quote:
    """The quote with its texts read from the document itself, not the working copy."""
    speaker, cue = quote.speaker, quote.cue
    if speaker is not None:
        written = original[speaker.start : speaker.end]
        name = written if speaker.key is None else speaker.name
        speaker = replace(speaker, text=written, name=name)
    if cue is not None:
        cue = replace(cue, text=original[cue.start : cue.end])
    return replace(quote, text=original[quote.start : quote.end], speaker=speaker, cue=cue)


def _carry_speakers(text: str, resolver: _Resolver, quotes: list[Quote]) -> tuple[Quote, ...]:
    """A quote without its own attribution is the voice quoted next to it.

    Within a paragraph, the nearest attributed quote (before, else after) speaks; a
    paragraph that opens with a quote carries on the last speaker of the paragraph before.
    """
    attributed: dict[int, list[int]] = {}
    where = []
    for i, quote in enumerate(quotes):
        index = resolver.paragraph_of(quote.start)
        where.append(index)
        if quote.speaker is not None and index is not None:
            attributed.setdefault(index, []).append(i)
    result = []
    for i, quote in enumerate(quotes):
        index = where[i]
        if quote.speaker is not None or index is None:
            result.append(quote)
            continue
        same = attributed.get(index, [])
        earlier = [j for j in same if j < i]
        later = [j for j in same if j > i]
        source = earlier[-1] if earlier else (later[0] if later else None)
        paragraph = resolver.paragraphs[index]
        if source is None and index > 0 and _opens_paragraph(text, paragraph, quote):
            # Only a run of quotation carries over: the paragraph before ends with a quote.
            before = attributed.get(index - 1, [])
            if before and before[-1] == i - 1 and quotes[before[-1]].kind != "indirect":
                source = before[-1]
        if source is not None:
            quote = replace(quote, speaker=quotes[source].speaker)
        result.append(quote)
    return tuple(result)


def _previous_subject(text: str, resolver: _Resolver, open_at: int) -> Speaker | None:
    """The person a quote's paragraph is about, when the sentence before it opens with them.

    "Ana Ruiz walked to the microphone. “We are not done yet.”": a quote without its own
    attribution continues the turn of the person the sentence before presents.
    """
    index = resolver.paragraph_of(open_at)
    if index is None:
        return None
    p_start = resolver.paragraphs[index][0]
    end = open_at
    while end > p_start and text[end - 1].isspace():
        end -= 1
    if end <= p_start or text[end - 1] not in ".!?":
        return None
    start = _clause_start(text, p_start, end - 1)
    tokens = _tokens(text, start, end)
    first = _after_opening_phrase(tokens, len(tokens))
    if first >= len(tokens):
        return None
    subject = _subject(text, start, end, resolver)
    if not _is_person(subject):
        return None
    titles = text[tokens[first][0] : subject.start].split()
    return subject if all(w[:1].isupper() for w in titles) else None


def _opens_paragraph(text: str, paragraph: tuple[int, int], quote: Quote) -> bool:
    return text[paragraph[0] : quote.start].strip() in ("", "“", '"', "”")


def _follow_on_quote(
    text: str,
    resolver: _Resolver,
    cue: tuple[int, int],
    speaker: Speaker | None,
    embedded: list[_Segment],
) -> Quote:
    """What follows "adding (that)" up to the sentence's end, in the same voice."""
    index = resolver.paragraph_of(cue[0])
    ceiling = resolver.paragraphs[index][1] if index is not None else len(text)
    start = cue[1]
    that = re.match(r"\s+that\b", text[start:ceiling])
    if that is not None:
        start += that.end()
    start, end = _trim(text, start, _clause_end(text, start, ceiling))
    while end > start and text[end - 1] in '.!?”"':
        end -= 1
    quoted = any(s.start < end and s.end > start for s in embedded)
    cue_span = Span(cue[0], cue[1], text[cue[0] : cue[1]])
    return Quote(start, end, text[start:end], "mixed" if quoted else "indirect", speaker, cue_span)


def _add_unframed(
    text: str,
    sentences: Sequence[tuple[int, int]],
    embedded: list[_Segment],
    found: list[Quote],
    resolver: _Resolver,
) -> None:
    """Quoted words inside a sentence that no verb of saying frames.

    Three words or more are someone's words (mixed): the sentence that holds them is the
    quote, and the person or organization it names before them the speaker. One or two
    quoted words are someone's only when a person (or he/she) says them in the sentence:
    "Varga dismissed the plan as “hot air”"; otherwise they are scare quotes or a title.
    """
    taken = SpanIndex.of((q.start, q.end) for q in found)
    sentence_index = SpanIndex.of(sentences)
    for seg in embedded:
        if taken.overlapping(seg.start, seg.end) or seg.end <= seg.start:
            continue
        around = _spans_overlapping(sentence_index, seg.start, seg.end)
        if not around:
            continue
        # "Most were older, she said, and “…”": the voice that reports in the sentence.
        subject = next(
            (
                q.speaker
                for q in found
                if q.speaker is not None
                and q.cue is not None
                and around[0][0] <= q.start < around[-1][1]
            ),
            None,
        ) or _subject(text, around[0][0], seg.open_at, resolver)
        if _words(text[seg.start : seg.end]) < _MIN_QUOTE_WORDS and not _is_person(subject):
            continue
        c_start, c_end = _trim(text, around[0][0], around[-1][1])
        while c_end > c_start and text[c_end - 1] in '.!?”"':
            c_end -= 1
        found.append(Quote(c_start, c_end, text[c_start:c_end], "mixed", subject, None))
        taken.add(c_start, c_end, len(found) - 1)


def _spans_overlapping(index: SpanIndex[int], start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) spans of `index` that overlap [start, end), in text order."""
    return [(index.starts[row], index.ends[row]) for row in index.overlapping(start, end)]
