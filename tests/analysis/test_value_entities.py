"""The sidebar's Dates and Numbers are the times and figures the Timeline and Figures list."""

from __future__ import annotations

from datetime import date

from reader.analysis import Annotations, EntityGroup, interpret
from reader.analysis.annotations import content_hash
from reader.analysis.corrections import RuleSet, parse_rules
from reader.analysis.model import ReferenceDate
from reader.analysis.pipeline import with_times
from reader.document import parse_article

ARTICLE = """\
Harbour Pilots Vote to Strike

Published: Thursday 6 March 2025

The harbour pilots' union said on Tuesday that 1,200 members would now stop work next month. \
The vote came a day after the port authority offered a raise of 4%, worth $2.5 million a year.

Pilots guided 1,200 ships into the port last year, and the authority said on March 4 that it \
would meet the union again. Captain Ivo Marsh leads the union.
"""


def _interpreted(rules=()):
    """What the model might have said: a few dates and numbers with its own spans, a person."""
    document = parse_article(ARTICLE)

    def span(words: str, label: str) -> tuple[int, int, str]:
        start = document.text.index(words)
        return start, start + len(words), label

    spans = (
        span("on Tuesday", "DATE"),
        span("1,200 members", "CARDINAL"),
        span("March 4", "DATE"),
        span("4%", "PERCENT"),
        span("Ivo Marsh", "PERSON"),
    )
    annotations = Annotations(content_hash(document.text), "hand-made", spans, ())
    return document, interpret(document, annotations, rules)


def _group(analysis, group: EntityGroup):
    return [e for e in analysis.entities if e.group is group]


def _names(analysis) -> set[str]:
    return {e.name for e in analysis.entities}


def _spans(entities) -> set[tuple[int, int]]:
    return {(m.start, m.end) for e in entities for m in e.mentions}


def test_dates_and_numbers_have_the_spans_of_the_times_and_figures() -> None:
    _document, analysis = _interpreted()
    assert analysis.times and analysis.quantities
    # Not the vague present, nor the rate in "$2.5 million a year".
    dated = {
        (t.start, t.end)
        for t in analysis.times
        if not t.value.endswith("_REF") and t.text != "a year"
    }
    assert _spans(_group(analysis, EntityGroup.DATE)) == dated
    assert "now" in {t.text for t in analysis.times} and "now" not in _names(analysis)
    assert "a year" in {t.text for t in analysis.times} and "a year" not in _names(analysis)
    numbers = _group(analysis, EntityGroup.NUMBER)
    assert _spans(numbers) == {(q.start, q.end) for q in analysis.quantities}
    assert "1,200 members" not in {m.text for e in numbers for m in e.mentions}
    assert [e.name for e in _group(analysis, EntityGroup.PERSON)] == ["Ivo Marsh"]


def test_one_day_written_two_ways_is_one_date_and_one_figure_twice_is_one_number() -> None:
    _document, analysis = _interpreted()
    tuesday = next(e for e in _group(analysis, EntityGroup.DATE) if e.name == "Tuesday")
    assert tuesday.aliases == ("March 4",) and tuesday.count == 2
    twelve_hundred = [e for e in _group(analysis, EntityGroup.NUMBER) if e.name == "1,200"]
    assert len(twelve_hundred) == 1 and twelve_hundred[0].count == 2
    assert all(e.id and e.salience > 0 for e in analysis.entities)


def test_another_article_date_regroups_the_dates() -> None:
    document, analysis = _interpreted()
    week_later = with_times(document, analysis, ReferenceDate(date(2025, 3, 13), "user"))
    names = {e.name: e for e in _group(week_later, EntityGroup.DATE)}
    # "said on Tuesday" is now the 11th, no longer the 4th of March.
    assert names["Tuesday"].count == 1 and names["March 4"].count == 1
    assert week_later.reference_date.source == "user"


def test_a_corrected_date_keeps_its_correction_when_the_date_changes() -> None:
    rules = parse_rules(
        '{"version": 1, "rules": [{"kind": "rename", "name": "next month", "to": "April"}]}'
    )
    document, analysis = _interpreted((RuleSet(rules),))
    assert "April" in {e.name for e in _group(analysis, EntityGroup.DATE)}
    redated = with_times(document, analysis, ReferenceDate(date(2025, 3, 13), "user"))
    dates = [e.name for e in _group(redated, EntityGroup.DATE)]
    assert "April" in dates and "next month" not in dates


def test_an_article_edited_in_place_gets_its_own_figures_when_interpreted_again() -> None:
    document, analysis = _interpreted()
    # Reloaded after an edit that keeps every block and sentence where it was.
    edited = parse_article(ARTICLE.replace("1,200 ships", "3,400 ships"))
    assert len(edited.text) == len(document.text)
    again = with_times(edited, analysis, analysis.reference_date)
    figures = {q.text for q in again.quantities}
    assert "3,400" in figures and figures != {q.text for q in analysis.quantities}
    assert with_times(document, analysis, analysis.reference_date).quantities == analysis.quantities
