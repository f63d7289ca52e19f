"""One index over spans of `Document.text`: what covers an offset, what starts in a range.

Mentions, sentences, blocks, quotes, times: every layer of the article is spans with
offsets into the one text, and every question a panel or the view asks of them is
one bisection over their sorted starts. No Qt here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from operator import itemgetter, sub
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Spans (start, end, payload) sorted by position; `payloads[row]` says whose span it is."""

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        # Two stable sorts on plain int keys give the (start, end) order, ties in input order,
        # several times faster than one sort on (start, end) tuples (100,000 mentions).
        rows = sorted(spans, key=itemgetter(1))
        rows.sort(key=itemgetter(0))
        self.starts: list[int] = list(map(itemgetter(0), rows))
        self.ends: list[int] = list(map(itemgetter(1), rows))
        self.payloads: list[T] = list(map(itemgetter(2), rows))
        self._longest = max(map(sub, self.ends, self.starts), default=0)

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> SpanIndex[int]:
        """Plain (start, end) spans; each payload is the span's position in `spans`."""
        return SpanIndex((s, e, i) for i, (s, e) in enumerate(spans))

    def __len__(self) -> int:
        return len(self.starts)

    def at(self, offset: int) -> int | None:
        """The row of a span covering `offset`, else one ending exactly there, else None."""
        lo = bisect_left(self.starts, offset - self._longest)
        hi = bisect_right(self.starts, offset)
        best = None
        for row in range(lo, hi):
            if self.starts[row] <= offset < self.ends[row]:
                return row
            if offset == self.ends[row]:
                best = row
        return best

    def containing(self, offset: int) -> int | None:
        """The row of the last span starting at or before `offset` that covers it (no overlaps)."""
        row = self.floor(offset)
        return row if row >= 0 and offset < self.ends[row] else None

    def floor(self, offset: int) -> int:
        """The last row starting at or before `offset`; -1 when none does."""
        return bisect_right(self.starts, offset) - 1

    def rows_between(self, start: int, end: int) -> range:
        """Rows whose span starts within [start, end]."""
        return range(bisect_left(self.starts, start), bisect_right(self.starts, end))

    def overlapping(self, start: int, end: int) -> list[int]:
        """Rows whose span overlaps [start, end), in order; the longest span bounds the search."""
        first = bisect_left(self.starts, start - self._longest)
        last = bisect_left(self.starts, end)
        return [row for row in range(first, last) if self.ends[row] > start]

    def add(self, start: int, end: int, payload: T) -> None:
        """Insert a span after those with the same (start, end): the order a new index gives."""
        row = bisect_left(self.starts, start)
        while row < len(self.starts) and (self.starts[row], self.ends[row]) <= (start, end):
            row += 1
        self.starts.insert(row, start)
        self.ends.insert(row, end)
        self.payloads.insert(row, payload)
        self._longest = max(self._longest, end - start)

    def inside(self, start: int, end: int) -> list[int]:
        """Rows whose whole span lies within [start, end)."""
        return [
            row
            for row in range(bisect_left(self.starts, start), bisect_left(self.starts, end))
            if self.ends[row] <= end
        ]
