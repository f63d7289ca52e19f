"""The article's own date, which its "Tuesday" and "last week" count from.

Read from the header when the article gives one (a `Published:` line, a date line, a
byline with a date, a dateline such as `LONDON, March 12 (Reuters) -`, whose year is
the file's), else the file's modification date, marked as a guess.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime

from reader.analysis.model import ReferenceDate
from reader.document import BlockKind, Document

# How far into the article a date line may stand: the header and the first paragraphs.
_HEADER_BLOCKS = 8
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_FULL_DATES = (
    re.compile(r"(?<!\d)" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"\b(?P<mn>" + _MONTH + r")\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
    re.compile(r"(?<!\d)" + _DAY + r"\s+(?P<mn>" + _MONTH + r"),?\s+" + _YEAR + r"\b"),
)
_DATE_LABEL = re.compile(
    r"(?i)^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|date[d]?|filed)\b"
)
# `LONDON, March 12 (Reuters) -` or `WASHINGTON (AP) — March 12`: a place in capitals.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?(?:\s*\([\w .]+\))?\s*[,—–-]*\s*"
    r"(?P<mn>" + _MONTH + r")\s+" + _DAY + r"\b"
)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _full_date(text: str) -> date | None:
    for pattern in _FULL_DATES:
        match = pattern.search(text)
        if match:
            month = int(match["m"]) if "m" in match.groupdict() else _month_number(match["mn"])
            found = _make(int(match["y"]), month, int(re.match(r"\d+", match["d"]).group()))
            if found:
                return found
    return None


def date_from_text(document: Document) -> date | None:
    """The article's date as its header gives it, or None."""
    header = [
        b
        for b in document.blocks[:_HEADER_BLOCKS]
        if b.kind in (BlockKind.TITLE, BlockKind.BYLINE, BlockKind.PARAGRAPH, BlockKind.TAGS)
    ]
    texts = [document.block_text(b) for b in header]
    # A labelled date line, a byline, or a short line that is mostly a date.
    for block, text in zip(header, texts, strict=True):
        if _DATE_LABEL.match(text) or block.kind == BlockKind.BYLINE or len(text) <= 60:
            found = _full_date(text)
            if found:
                return found
    for text in texts:
        match = _DATELINE.match(text)
        if match:
            # A dateline gives no year: the latest such day up to the file's date.
            latest = file_date(document) or date.today()
            month = _month_number(match["mn"])
            day = int(re.match(r"\d+", match["d"]).group())
            found = _make(latest.year, month, day)
            if found and found > latest:
                found = _make(latest.year - 1, month, day)
            return found
    return None


def file_date(document: Document) -> date | None:
    """The modification date of the article's file, if it has one on disk."""
    if not document.source_path:
        return None
    try:
        return datetime.fromtimestamp(os.stat(document.source_path).st_mtime).date()
    except (OSError, ValueError, OverflowError):
        return None


def find_reference_date(document: Document, user: date | None = None) -> ReferenceDate:
    """The reader's date if given, else the article's own, else the file's, else today's."""
    if user is not None:
        return ReferenceDate(user, "user")
    found = date_from_text(document)
    if found is not None:
        return ReferenceDate(found, "text")
    return ReferenceDate(file_date(document) or date.today(), "file")


def parse_iso_date(text: str) -> date:
    """`YYYY-MM-DD` (or a longer TIMEX3/ISO value starting with it) as a date.

    Raises ValueError with a reader-facing message when it is not a date.
    """
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text)
    found = match and _make(int(match[1]), int(match[2]), int(match[3]))
    if not found:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD")
    return found
