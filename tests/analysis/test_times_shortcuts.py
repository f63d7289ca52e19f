"""The quick ways times are found find the same times: the case-folded scan that decides
where to look, and the bisection that finds the sentence deciding a tense."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import times

FRAGMENTS = [
    "last Tuesday",
    "she ſaid on Monday",
    "they WİLL meet on Friday",
    "the talks were held",
    "Wednesday",
    "Thursday the board will decide",
    "the ferry was late; Friday",
    "three DAYS ago",
    "Every Week",
    "in the SPRING",
    "at 5 P.M.",
    "at 7:30 pm",
    "the fourth Quarter",
    "a YEAR-earlier",
    "the year-end",
    "NINETEEN eighty-four",
    "in the sixTIES",
    "Nightly",
    "this morning",
    "Tomorrow",
    "fortnightly",
    "the 19th Century",
    "March 5-7",
    "ſpring",  # long s: re.IGNORECASE takes it for an s
    "two WEE\u212aS ago",  # a Kelvin sign for the K
    "a wee\u212a later",
    "every",
    "thıs morning",
    "DAİLY",  # dotted capital I
    "ıt was mıdday",  # dotless i
    "Straße",
    "ΣΟΦΙΑ",
    "2019",
    "12/03",
    ", ",
    ". ",
    "\n\n",
    "the council said",
]


@contextlib.contextmanager
def without_folding() -> Iterator[None]:
    """Every word test case-insensitive on the text itself, as before the quick scan."""
    kept, tense = dict(times._FOLDED_NEEDS), times._TENSE_CUE_FOLDED
    times._FOLDED_NEEDS.clear()
    times._TENSE_CUE_FOLDED = times._TENSE_CUE  # case-insensitive: the same on any text
    try:
        yield
    finally:
        times._FOLDED_NEEDS.update(kept)
        times._TENSE_CUE_FOLDED = tense


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), max_size=25),
    shouted=st.lists(st.booleans(), min_size=25, max_size=25),
)
def test_any_casing_gives_the_times_a_case_insensitive_scan_gives(parts, shouted):
    text = " ".join(p.upper() if loud else p for p, loud in zip(parts, shouted, strict=False))
    day = date(2024, 6, 12)
    quick = times.find_times(text, day)
    with without_folding():
        slow = times.find_times(text, day)
    assert quick == slow
    assert times._FOLDED_NEEDS  # the quick scan is in use


def test_the_quick_scan_finds_times_in_shouted_and_unusual_letters():
    text = "THE FERRY SAILS EVERY WEEK. IT RAN LATE TWO WEE\u212aS AGO AND AGAIN THıS MORNING."
    found = {t.text for t in times.find_times(text, date(2024, 6, 12))}
    assert {"EVERY WEEK", "TWO WEE\u212aS AGO", "THıS MORNING"} <= found


@settings(max_examples=100, deadline=None)
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25),
    order=st.randoms(use_true_random=False),
)
def test_a_sentence_found_by_bisection_decides_the_tense_as_any_other_lookup(parts, order):
    text = ""
    sentences = []
    for part in parts:  # each fragment a sentence of its own, the splitter says
        start = len(text)
        text += part.strip() + "; "
        sentences.append((start, len(text) - 2))
    day = date(2024, 6, 12)
    shuffled = sentences[:]
    order.shuffle(shuffled)
    if shuffled == sentences:
        shuffled.reverse()
    in_order = times.find_times(text, day, sentences)
    assert in_order == times.find_times(text, day, shuffled)  # out of order: read one by one
