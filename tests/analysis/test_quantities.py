"""Quantities: numbers with their units and what they count, on sentences of our own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.quantities import find_quantities

# An article of our own in the shape of a wire story about a military exercise.
ARTICLE = """\
Northern Shield drills end with 4,500 sailors at sea

The navy said on Friday that 4,500 sailors and 38 warships took part in the drills, which
covered 120 km (75 miles) of coastline. Officials from 17 countries watched from a frigate.
The exercise cost $1.4 billion, about 12% more than the last one, and 61 detainees held at
the base were moved inland. Between 10 and 15 aircraft flew each day, and fuel prices rose
by 0.3 percentage points. The harbour is 30 metres deep.
"""


def quantities(text: str) -> list[tuple[str, float, str, str | None]]:
    return [
        (q.text, q.value, q.unit, q.counted.text if q.counted else None)
        for q in find_quantities(text)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Drills involved 9,000 troops.", ("9,000", 9000, "count", "troops")),
        ("The port sold shares worth $3.2 billion.", ("$3.2 billion", 3.2e9, "USD", None)),
        ("The club paid £40m for him.", ("£40m", 4e7, "GBP", None)),
        ("Fares rose 7 percent.", ("7 percent", 7, "percent", None)),
        ("Fares rose 3.5%.", ("3.5%", 3.5, "percent", None)),
        ("The pipeline carries 800 barrels a day.", ("800 barrels", 800, "barrel", None)),
        ("Police held 52 protesters overnight.", ("52", 52, "count", "protesters")),
        ("The rebels freed two aid workers.", ("two", 2, "count", "aid workers")),
        ("It weighs 12 kg.", ("12 kg", 12, "kilogram", None)),
    ],
)
def test_each_form_gets_value_unit_and_what_it_counts(sentence, expected):
    assert quantities(sentence) == [expected]


def test_a_conversion_in_brackets_is_linked_not_listed_twice():
    text = "The border fence runs 40 km (25 miles) east."
    (found,) = find_quantities(text)
    assert (found.text, found.value, found.unit) == ("40 km", 40, "kilometre")
    assert found.conversion is not None and found.conversion.text == "25 miles"


def test_ranges_keep_both_ends():
    (found,) = find_quantities("Between 10 and 15 ships were damaged.")
    assert (found.value, found.high, found.unit, found.counted.text) == (10, 15, "count", "ships")
    (percent,) = find_quantities("Turnout fell from 60 to 55 percent.")
    assert (percent.value, percent.high, percent.unit) == (60, 55, "percent")


def test_years_scores_ordinals_codes_and_times_are_not_quantities():
    text = "In 2021 the F-16 unit won 2-1 on the 3rd day of Zapad-2025."
    assert quantities(text) == []
    text = "After 9/11 the Boeing 747 on page 3 of No. 10's list made 40 trips."
    assert quantities(text) == [("40", 40, "count", "trips")]
    # Numbers inside a temporal expression belong to the times.
    text = "The talks lasted three days."
    assert find_quantities(text, times=[(17, 27)]) == ()


def test_the_sample_article_lists_its_figures():
    found = quantities(ARTICLE)
    counted = {(text, counts) for text, _value, unit, counts in found if unit == "count"}
    assert ("4,500", "sailors") in counted
    assert ("38", "warships") in counted
    assert ("17", "countries") in counted
    assert ("61", "detainees") in counted
    units = {text: unit for text, _value, unit, _counts in found}
    assert units["$1.4 billion"] == "USD"
    assert units["12%"] == "percent"
    assert units["120 km"] == "kilometre"
    assert units["0.3 percentage points"] == "percentage point"
    assert units["30 metres"] == "metre"
    assert "75 miles" not in units  # linked to 120 km as its conversion
    for quantity in find_quantities(ARTICLE):
        assert ARTICLE[quantity.start : quantity.end] == quantity.text


def test_title_case_word_numbers_are_headline_words():
    assert quantities("What the Two Sides Want") == []
    assert quantities("Two officers stood by.") == [("Two", 2, "count", "officers")]


@settings(max_examples=150, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=2, max_value=9999), min_size=1, max_size=12),
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30)), max_size=8),
)
def test_no_figure_is_taken_from_inside_a_time_wherever_the_times_fall(counts, cuts):
    text = " ".join(f"The depot moved {n} crates and {n + 1} pallets." for n in counts)
    times = sorted((start, min(len(text), start + size)) for start, size in cuts)
    found = find_quantities(text, times=times)
    for quantity in found:
        assert not any(s < quantity.end and quantity.start < e for s, e in times)
    clear = find_quantities(text)
    untouched = [q for q in clear if not any(s < q.end and q.start < e for s, e in times)]
    assert set(untouched) <= set(found)  # what no time touches is still found
