"""Quote units: segments joined into direct quotes with their attribution, or left embedded."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.quotes.attribution import (
    _Attribution,
    _colon_intro,
    _colon_speaker,
    _lead_attribution,
    _tail_attribution,
)
from reader.analysis.quotes.cues import _FOLLOW_ON
from reader.analysis.quotes.marks import _Segment
from reader.analysis.quotes.words import _clause_end, _clause_start, _words

# "“WALLACE: …”": a transcript names its speaker in capitals before a colon.
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]+){0,2}):\s")
_MIN_QUOTE_WORDS = 3  # one or two quoted words are scare quotes or titles, not quotes


@dataclass
class _Unit:
    """One direct quote being assembled from segments."""

    segments: list[_Segment]
    attribution: _Attribution | None
    extent_start: int
    extent_end: int
    follow_on: tuple[int, int] | None = None  # "…,” she said, adding that …": the cue


def _direct_units(
    text: str, paragraphs: list[tuple[int, int]], segments: list[_Segment]
) -> tuple[list[_Unit], list[_Segment]]:
    """Quotes that stand as sentences of their own (direct), and those inside a sentence."""
    units: list[_Unit] = []
    embedded: list[_Segment] = []
    previous_close = {}
    # "… because “…,” she said. “…”": an embedded quote's attribution, for the quote after it
    embedded_tail: dict[int, tuple[int, _Attribution]] = {}
    for index, seg in enumerate(segments):
        p_start, p_end = paragraphs[seg.paragraph]
        floor = previous_close.get(seg.paragraph, p_start)
        clause_start = _clause_start(text, floor, seg.open_at)
        lead = text[clause_start : seg.open_at]
        nxt = segments[index + 1] if index + 1 < len(segments) else None
        ceiling = nxt.open_at if nxt is not None and nxt.paragraph == seg.paragraph else p_end
        after_mark = seg.close_at + 1 if seg.close_at is not None else seg.end
        tail_end = _clause_end(text, after_mark, ceiling) if after_mark < ceiling else ceiling
        follow_on = _FOLLOW_ON.search(text, after_mark, tail_end)
        if follow_on is not None:
            tail_end = follow_on.start()
        tail = text[after_mark:tail_end]
        previous_close[seg.paragraph] = after_mark
        content = text[seg.start : seg.end]
        lead_attr = _lead_attribution(text, clause_start, seg.open_at)
        tail_attr = _tail_attribution(text, after_mark, tail_end)
        attribution = lead_attr or tail_attr
        unit_start = clause_start if lead_attr else seg.open_at
        unit_end = tail_end if tail_attr else after_mark
        last = units[-1] if units else None
        if last is not None and _continues(text, paragraphs, last, seg, lead_attr, tail_attr):
            last.segments.append(seg)
            last.extent_end = max(last.extent_end, unit_end)
            if last.attribution is None:
                last.attribution = attribution
            continue
        colon_lead = None
        if lead_attr is None and lead.rstrip().endswith(":"):
            # "McCaskill scolded him: “…”": a colon introduces the quote, cue or not
            colon_lead = _colon_speaker(text, clause_start, clause_start + len(lead.rstrip()))
            attribution = attribution or colon_lead
        opens = not lead.strip() or lead_attr is not None or colon_lead is not None
        if _words(content) < _MIN_QUOTE_WORDS and not (opens and attribution is not None):
            embedded.append(seg)  # "“Never,” she said." is a quote; a lone “word” is not
            continue
        if not (opens and (_closes_sentence(content, tail) or tail_attr is not None)):
            embedded.append(seg)
            if tail_attr is not None:
                embedded_tail[seg.paragraph] = (tail_end, tail_attr)
            continue
        before = embedded_tail.pop(seg.paragraph, None)
        if attribution is None and before and not text[before[0] : seg.open_at].strip(" .,;"):
            attribution = before[1]
        if (
            attribution is None
            and seg.paragraph > 0
            and not lead.strip()
            and not _TRANSCRIPT.match(text, seg.start)
        ):
            attribution = _colon_intro(text, paragraphs[seg.paragraph - 1])
        units.append(
            _Unit(
                [seg], attribution, unit_start, unit_end, follow_on.span(1) if follow_on else None
            )
        )
    return units, embedded


def _closes_sentence(content: str, tail: str) -> bool:
    stripped = content.rstrip().rstrip("’'")  # "… you called ‘bargains.’”"
    return (
        not stripped
        or stripped[-1] in ".,!?…—–-:;"
        or not tail.strip()
        or tail.lstrip()[:1] in ".,!?;:"
    )


def _continues(
    text: str,
    paragraphs: list[tuple[int, int]],
    unit: _Unit,
    seg: _Segment,
    lead_attr: _Attribution | None,
    tail_attr: _Attribution | None,
) -> bool:
    """The segment carries on the unit's quote: "“A,” she said. “B.”" or a next paragraph."""
    last = unit.segments[-1]
    if lead_attr is not None and (
        unit.attribution is None or lead_attr.cue != unit.attribution.cue
    ):
        return False
    if seg.paragraph == last.paragraph:
        between = text[unit.extent_end : seg.open_at]
        return not between.strip(" ,;:—–-") and (tail_attr is None or unit.attribution is None)
    if seg.paragraph == last.paragraph + 1 and last.close_at is None:
        # A transcript's next "NAME:" is a new voice, not the same quote running on.
        new_voice = _TRANSCRIPT.match(text, seg.start) is not None
        # "…, added Rep. Ruiz." closing the paragraph: another voice, though a mark is missing
        new_voice = new_voice or (tail_attr is not None and unit.attribution is not None)
        return seg.open_at == paragraphs[seg.paragraph][0] and not new_voice
    return False
