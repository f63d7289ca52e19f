"""Which words are cues and who speaks: nouns that look like verbs of saying, verbs inside
someone's quoted words, and speakers the simpler rules missed."""

from __future__ import annotations

import pytest

from tests.analysis.test_quotes import only, quotes_of

pytestmark = pytest.mark.spacy


def test_a_verb_inside_quotation_marks_is_not_the_attribution(nlp):
    _, quotes = quotes_of(
        nlp,
        "The rules are loose. The harbour office “only asks that owners report every one of "
        "their largest boats. By counting only those, it misses most of the fleet,” the audit says.",
    )
    assert quotes, "the audit's words are a quote"
    for quote in quotes:
        assert quote.speaker is not None and quote.speaker.text == "the audit"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Many of the fishermen say the mayor's claims about the new pier are simply wrong.",
            "fishermen",
        ),
        (
            "Though it is hard to judge Norland's claims about the storm, engineers say "
            "the sea wall held up well.",
            "engineers",
        ),
        (
            "The plan angered the island's fishermen, many of whom say the mayor's claims "
            "about the new pier are simply wrong.",
            "many of whom",
        ),
    ],
)
def test_a_noun_that_looks_like_a_cue_is_not_one(nlp, sentence, speaker):
    _, quotes = quotes_of(nlp, sentence)
    assert len(quotes) == 1
    assert quotes[0].cue is not None and quotes[0].cue.text == "say"
    assert speaker in quotes[0].speaker.text


def test_a_noun_cue_with_its_that_clause_frames_it(nlp):
    _, quotes = quotes_of(
        nlp,
        "The mayor seized on a Harbour Weekly report from Sunday that the ferry has lost "
        "money for a decade.",
    )
    quote = only(quotes, "lost money")
    assert quote.text.startswith("the ferry")
    assert quote.speaker is not None and quote.speaker.text == "a Harbour Weekly"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Harbour Board on Ferries says the night timetable had a problem all along.",
        "She's claiming that the ferry will stop running in May next year.",
        "While a local judge found that the pier rules were unfair, the council kept them.",
    ],
)
def test_verbs_that_only_look_like_nouns_still_report(nlp, sentence):
    _, quotes = quotes_of(nlp, sentence)
    assert len(quotes) == 1 and quotes[0].speaker is not None


def test_a_quote_right_after_an_attributed_sentence_keeps_its_speaker(nlp):
    # Typewriter marks ('') and the model's sentence split leave the next quote's opening
    # mark on the attributed sentence; the attribution must still be found.
    _, quotes = quotes_of(
        nlp,
        "Port director Elena Varga has studied the plan.\n\n"
        "''I have some respect for the design'' of the new pier, Ms. Varga said. ''It is "
        "tidier than the old one. But I worry about the cost of it all.''",
    )
    first = only(quotes, "respect for the design")
    second = only(quotes, "tidier")
    assert first.speaker is not None and first.speaker.name == "Elena Varga"
    assert second.speaker is not None and second.speaker.name == "Elena Varga"
