"""A stored analysis reads back as it was, and old or new stored forms still load."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from reader.analysis import Analysis, Entity, EntityGroup, Mention, SummarySentence
from reader.library import analysis_from_dict, analysis_to_dict

TEXT = "Mayor Odile Faure opened the bridge. Faure said it took ten years."


def sample() -> Analysis:
    faure = Entity(
        "Odile Faure",
        EntityGroup.PERSON,
        "PERSON",
        (Mention(6, 17, "Odile Faure"), Mention(37, 42, "Faure")),
        aliases=("Faure",),
        salience=0.8,
    )
    return Analysis(
        entities=(faure,),
        summary=(SummarySentence(0, 36, TEXT[0:36], 1.5),),
        sentences=((0, 36), (37, 66)),
        model_name="test-model",
    )


def test_round_trip_through_json_without_repeating_the_text():
    stored = json.dumps(analysis_to_dict(sample()))
    assert "Odile Faure opened" not in stored  # offsets only
    assert analysis_from_dict(json.loads(stored), TEXT) == sample()


def test_round_trip_with_text_needs_no_document():
    stored = json.loads(json.dumps(analysis_to_dict(sample(), with_text=True)))
    assert analysis_from_dict(stored) == sample()


def test_missing_and_unknown_keys_are_tolerated():
    data = {
        "entities": [
            {"name": "Rhône", "group": "no-such-group", "mentions": [{"start": 0, "end": 5}]}
        ],
        "quotes": [{"start": 1, "end": 2}],
    }
    analysis = analysis_from_dict(data, "Rhône valley")
    assert analysis.entities[0].mentions[0].text == "Rhône"
    assert analysis.entities[0].group is EntityGroup.THING
    assert analysis.summary == () and analysis.model_name == ""


# What another part of Reader might add to Analysis: nested data with an enum.
class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class AnalysisWithQuotes(Analysis):
    quotes: tuple[Quote, ...] = ()


def test_fields_added_to_analysis_are_stored_and_read_back(monkeypatch):
    import reader.library.serialise as serialise

    before = serialise.schema_fingerprint()
    monkeypatch.setattr(serialise, "Analysis", AnalysisWithQuotes)
    assert serialise.schema_fingerprint() != before  # stored analyses are made again
    quoted = AnalysisWithQuotes(
        entities=sample().entities,
        quotes=(Quote(37, 66, QuoteKind.DIRECT, "Faure"), Quote(0, 5, QuoteKind.INDIRECT)),
    )
    stored = json.loads(json.dumps(serialise.analysis_to_dict(quoted)))
    assert stored["quotes"][0] == {"start": 37, "end": 66, "kind": "direct", "speaker": "Faure"}
    assert serialise.analysis_from_dict(stored, TEXT) == quoted
    del stored["quotes"]
    assert serialise.analysis_from_dict(stored, TEXT).quotes == ()
