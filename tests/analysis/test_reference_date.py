"""The article's own date: from its header when it gives one, else the file's, else the reader's."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from reader.analysis.reference_date import find_reference_date, parse_iso_date
from reader.document import load_document, parse_article

BODY = (
    "The harbour board voted on Tuesday to keep the night ferry.\n\nIt will meet again next week.\n"
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Published: 12 March 2024\n\n", date(2024, 3, 12)),
        ("By Mara Lind\nMarch 12, 2024\n\n", date(2024, 3, 12)),
        ("Updated 2023-11-05 14:20\n\n", date(2023, 11, 5)),
    ],
)
def test_a_date_line_in_the_header_is_the_articles_date(header, expected):
    document = parse_article("Ferry Vote\n\n" + header + BODY)
    found = find_reference_date(document)
    assert (found.date, found.source) == (expected, "text")


def test_a_dateline_takes_its_year_from_the_files_date(tmp_path: Path):
    path = tmp_path / "vote.txt"
    path.write_text(
        "Ferry Vote Kept\n\nTALLINN, March 12 (Reuters) - The harbour board voted on Tuesday "
        "to keep the ferry it bought in 2019.\n",
        encoding="utf-8",
    )
    stamp = datetime(2024, 3, 13, 9, 0).timestamp()
    os.utime(path, (stamp, stamp))
    found = find_reference_date(load_document(path))
    assert (found.date, found.source) == (date(2024, 3, 12), "text")
    # Filed on 2 January: a dateline of 30 December is the year before.
    path.write_text(
        "Ferry Vote Kept\n\nTALLINN, Dec. 30 (Reuters) - The harbour board voted.\n",
        encoding="utf-8",
    )
    stamp = datetime(2025, 1, 2, 9, 0).timestamp()
    os.utime(path, (stamp, stamp))
    assert find_reference_date(load_document(path)).date == date(2024, 12, 30)


def test_without_a_date_in_the_text_the_files_date_is_a_guess(tmp_path: Path):
    path = tmp_path / "vote.txt"
    path.write_text("Ferry Vote\n\n" + BODY, encoding="utf-8")
    stamp = datetime(2022, 6, 30, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    found = find_reference_date(load_document(path))
    assert (found.date, found.source) == (date(2022, 6, 30), "file")


def test_the_readers_date_wins():
    document = parse_article("Ferry Vote\n\nPublished: 12 March 2024\n\n" + BODY)
    found = find_reference_date(document, date(2020, 1, 2))
    assert (found.date, found.source) == (date(2020, 1, 2), "user")


def test_a_date_that_is_not_one_says_so():
    assert parse_iso_date("2024-02-29") == date(2024, 2, 29)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_iso_date("2023-02-29")


def test_setting_the_date_re_resolves_times_without_the_model():
    from reader.analysis.model import Analysis, ReferenceDate
    from reader.analysis.pipeline import with_times

    document = parse_article("Ferry Vote\n\n" + BODY)
    first = with_times(document, Analysis(), ReferenceDate(date(2024, 3, 14), "file"))
    again = with_times(document, first, ReferenceDate(date(2024, 5, 2), "user"))
    assert [t.value for t in first.times] == ["2024-03-12", "2024-W12"]
    assert [t.value for t in again.times] == ["2024-04-30", "2024-W19"]
    assert again.reference_date == ReferenceDate(date(2024, 5, 2), "user")
