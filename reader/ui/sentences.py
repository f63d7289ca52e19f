"""The sentence a span stands in, as the panels that list spans show it."""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.analysis import Analysis
from reader.document import Document


def sentence_of(document: Document, analysis: Analysis, start: int, end: int) -> str:
    """The sentence around `start`..`end` on one line (its line when sentences are unknown)."""
    starts = [s for s, _e in analysis.sentences]
    index = bisect_right(starts, start) - 1
    if index >= 0 and analysis.sentences[index][1] >= end:
        first, last = analysis.sentences[index]
    else:
        first = document.text.rfind("\n", 0, start) + 1
        last = document.text.find("\n", end)
        last = len(document.text) if last < 0 else last
    return re.sub(r"\s+", " ", document.text[first:last]).strip()
