"""Double quotation marks: the quoted segments of a paragraph, in the working text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_OPENERS = "“«„"
_CLOSERS = "”»"
_MARKS = _OPENERS + _CLOSERS + '"'


@dataclass(frozen=True, slots=True)
class _Segment:
    """Text between a pair of double quotation marks in one paragraph."""

    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or the paragraph end)
    open_at: int
    close_at: int | None  # None: the quote runs on into the next paragraph
    paragraph: int


def _without_next_opening(text: str, start: int, end: int) -> int:
    """The sentence's end without the opening mark of the next quote that the model gave it.

    "…, Ruiz said. “Next …": a sentence split can leave the next quote's mark on this one.
    """
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start and (
        text[stop - 1] in _OPENERS
        or (text[stop - 1] == '"' and text[stop - 2 : stop - 1].isspace())
    ):
        return stop - 1
    return end


def _with_double_apostrophes_as_marks(text: str) -> str:
    """The text with '' (two apostrophes, an old typewriter quotation mark) as one mark.

    Same length, so offsets hold: an opening '' becomes ' "', a closing one '" '.
    """
    if "''" not in text:
        return text

    def mark(match: re.Match[str]) -> str:
        after = text[match.end() : match.end() + 1]
        return ' "' if after and not after.isspace() and after not in ",.;:!?" else '" '

    return re.sub(r"''", mark, text)


def _segments(text: str, paragraph: tuple[int, int], index: int) -> Iterable[_Segment]:
    start, end = paragraph
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _MARKS:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        can_open = (
            i == start or ch in _OPENERS or (ch == '"' and (before.isspace() or before in "([—–-/"))
        )
        # "… outreach,' " he said": a straight mark between spaces can only close
        can_close = ch in _CLOSERS or (ch == '"' and (not before.isspace() or after.isspace()))
        if open_at is None and can_open and not after.isspace():
            open_at = i
        elif open_at is not None and can_close:
            yield _Segment(open_at + 1, _before_space(text, open_at, i), open_at, i, index)
            open_at = None
        elif open_at is not None and ch in _OPENERS and re.match(r"[.!?]\s", text[i - 2 : i]):
            # "… to the hospital. “I have been …": a sentence opening a new quote ends
            # the one its writer forgot to close
            yield _Segment(open_at + 1, _before_space(text, open_at, i), open_at, None, index)
            open_at = i
    if open_at is not None:
        yield _Segment(open_at + 1, _before_space(text, open_at, end), open_at, None, index)


def _before_space(text: str, open_at: int, end: int) -> int:
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return end
