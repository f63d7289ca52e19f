"""An article's own date, read from its date lines, byline or dateline."""

from __future__ import annotations

import calendar
import re
from datetime import date

from reader.document import BlockKind, Document

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<num>\d\d)-(?P<day>\d\d)\b"),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
)
# Only the top of an article says when it was written; later dates are what it reports.
HEAD_CHARS = 400


def article_date(document: Document) -> str:
    """ISO date (YYYY-MM-DD) from the byline/date lines or the first paragraph, or ""."""
    places = [document.block_text(b) for b in document.blocks_of(BlockKind.BYLINE)]
    body = document.body_blocks
    if body:
        places.append(document.block_text(body[0])[:HEAD_CHARS])
    for text in places:
        found = _find_date(text)
        if found:
            return found
    return ""


def _find_date(text: str) -> str:
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["num"]) if groups.get("num") else _MONTHS[groups["month"].lower()]
            try:
                return date(int(groups["year"]), month, int(groups["day"])).isoformat()
            except ValueError:
                continue
    return ""
