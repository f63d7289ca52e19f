"""The one span index: what covers an offset, what lies in a range."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import Analysis
from reader.analysis.contexts import sentence_at
from reader.document import parse_article
from reader.document.spans import SpanIndex


def test_lookups_on_a_few_spans() -> None:
    index = SpanIndex([(10, 15, "b"), (0, 4, "a"), (20, 30, "c")])
    assert index.payloads == ["a", "b", "c"]
    assert index.at(12) == 1 and index.at(15) == 1  # the end counts when nothing covers it
    assert index.at(17) is None
    assert index.containing(15) is None and index.containing(14) == 1
    assert index.floor(9) == 0 and index.floor(-1) == -1
    assert list(index.rows_between(4, 20)) == [1, 2]
    assert index.inside(0, 16) == [0, 1] and index.inside(11, 40) == [2]


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 40)), max_size=60))
def test_inside_agrees_with_a_full_scan(pairs) -> None:
    spans = [(start, start + length) for start, length in pairs]
    index = SpanIndex.of(spans)
    for start, end in ((0, 100), (50, 300), (120, 121)):
        found = sorted(index.payloads[row] for row in index.inside(start, end))
        expected = sorted(i for i, (s, e) in enumerate(spans) if start <= s and e <= end)
        assert found == expected


@given(
    st.lists(st.tuples(st.integers(0, 500), st.integers(0, 40)), max_size=60),
    st.lists(st.tuples(st.integers(0, 520), st.integers(0, 60)), min_size=1, max_size=8),
)
def test_overlapping_agrees_with_a_full_scan(pairs, queries) -> None:
    spans = [(start, start + length) for start, length in pairs]
    index = SpanIndex.of(spans)
    for start, length in queries:
        end = start + length
        rows = index.overlapping(start, end)
        assert rows == sorted(rows)  # in text order
        found = sorted(index.payloads[row] for row in rows)
        assert found == [i for i, (s, e) in enumerate(spans) if s < end and e > start]


def test_overlapping_finds_a_long_span_that_starts_far_before() -> None:
    index = SpanIndex.of([(0, 100), (40, 45), (60, 70)])
    assert index.overlapping(80, 90) == [0]
    assert index.overlapping(44, 61) == [0, 1, 2]
    assert index.overlapping(100, 120) == []  # the end is not inside


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 5)), max_size=40))
def test_rows_run_in_text_order_and_ties_keep_their_order(pairs) -> None:
    spans = [(start, start + length, i) for i, (start, length) in enumerate(pairs)]
    index = SpanIndex(reversed(spans))
    expected = sorted(reversed(spans), key=lambda span: (span[0], span[1]))
    assert index.payloads == [payload for _, _, payload in expected]
    assert index.starts == [s for s, _, _ in expected] and index.ends == [e for _, e, _ in expected]


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10)), max_size=30))
def test_adding_spans_one_by_one_builds_the_same_index(pairs) -> None:
    spans = [(start, start + length, i) for i, (start, length) in enumerate(pairs)]
    grown: SpanIndex[int] = SpanIndex()
    for span in spans:
        grown.add(*span)
    built = SpanIndex(spans)
    assert (grown.starts, grown.ends, grown.payloads) == (built.starts, built.ends, built.payloads)
    assert grown.overlapping(0, 100) == built.overlapping(0, 100)


def test_the_sentence_around_an_offset_else_its_block() -> None:
    document = parse_article(
        "Night Ferry\n\nThe ferry left late. It reached Tallinn at dawn.\n\nSecond paragraph here.\n"
    )
    text = document.text
    first = text.index("The ferry")
    second = text.index("It reached")
    sentences = ((first, first + len("The ferry left late.")), (second, text.index("dawn.") + 5))
    analysis = Analysis(sentences=sentences)
    assert sentence_at(document, analysis, text.index("Tallinn")) == sentences[1]
    assert sentence_at(document, analysis, first) == sentences[0]
    title = sentence_at(document, analysis, 2)  # no sentence there: the title block
    assert title is not None and text[title[0] : title[1]] == "Night Ferry"
