"""Python counts code points, Qt counts UTF-16 units: the one place offsets are converted.

Characters outside the Basic Multilingual Plane (emoji, some CJK) take two UTF-16
units, so every Qt position after one is shifted by one per such character.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Converts between `Document.text` offsets and QTextDocument positions."""

    __slots__ = ("_astral", "_astral_qt_end")

    def __init__(self, text: str) -> None:
        # Most articles have no astral character: then both conversions are the identity.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_qt_end = [i + k + 2 for k, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_right(self._astral_qt_end, position)
