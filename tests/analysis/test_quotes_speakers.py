"""Speakers in the harder constructions: verbs that frame a quote only beside its marks,
an inverted cue at a sentence's start, a second verb of the subject, a parenthetical cue."""

from __future__ import annotations

import pytest

from tests.analysis.test_quotes import only, quotes_of

pytestmark = pytest.mark.spacy


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“Bring the boats in before the storm,” the harbour master shouted.", "harbour master"),
        ("“Nobody may fish inside the bay until May,” the notice reads.", "the notice"),
        ("“Keep the lanterns burning all night long,” Mira Holt sings.", "Mira Holt"),
    ],
)
def test_a_verb_that_frames_a_quote_beside_its_marks(nlp, sentence, speaker):
    _, quotes = quotes_of(nlp, sentence)
    quote = only(quotes, "the")
    assert quote.kind == "direct"
    assert speaker in quote.speaker.text


def test_framing_verbs_away_from_quotes_report_nothing(nlp):
    _, quotes = quotes_of(nlp, "The harbour master shouted at the crew of the ferry on Monday.")
    assert quotes == ()


def test_an_inverted_cue_opening_the_sentence_takes_the_name_after_it(nlp):
    _, quotes = quotes_of(
        nlp,
        "The pier was closed for a week. Said Tomas Reyes: “We lost every booking in June.”",
    )
    quote = only(quotes, "booking")
    assert quote.speaker.text == "Tomas Reyes"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ines Calder defended the decision, saying, “The old pier was not safe for anyone.”",
        "Ines Calder stood up and then said, “The old pier was not safe for anyone.”",
    ],
)
def test_a_cue_that_is_the_subjects_second_verb(nlp, paragraph):
    _, quotes = quotes_of(nlp, paragraph)
    quote = only(quotes, "old pier")
    assert quote.speaker is not None and quote.speaker.name == "Ines Calder"


def test_the_subject_of_a_second_verb_comes_after_an_opening_phrase(nlp):
    _, quotes = quotes_of(
        nlp,
        "Once, on the crowded ferry, she smiled and said, “The island has never looked better.”",
    )
    quote = only(quotes, "island")
    assert quote.speaker is not None and quote.speaker.text == "she"


def test_quoted_words_after_a_parenthetical_cue_belong_to_its_speaker(nlp):
    _, quotes = quotes_of(
        nlp,
        "Ruth Okoye counted the passengers at the gate. Most of them were "
        "tourists, she said, and “nobody had heard of the strike before they landed.”",
    )
    quote = only(quotes, "nobody had heard")
    assert quote.speaker is not None and quote.speaker.text == "she"
    assert quote.speaker.name == "Ruth Okoye"


def test_a_quote_after_a_sentence_about_a_person_continues_their_turn(nlp):
    _, quotes = quotes_of(
        nlp,
        "Captain Ines Calder stepped up to the microphone at the quay. "
        "“Every ship in this port depends on the night crews.”",
    )
    quote = only(quotes, "night crews")
    assert quote.speaker is not None and quote.speaker.name == "Ines Calder"


def test_a_quote_after_a_sentence_that_only_mentions_a_person_stays_unattributed(nlp):
    _, quotes = quotes_of(
        nlp,
        "The council thanked Ines Calder for her years at the quay. "
        "“Every ship in this port depends on the night crews.”",
    )
    assert all(q.speaker is None for q in quotes if "night crews" in q.text)


def test_saying_after_a_comma_reports_for_the_subject_of_its_clause(nlp):
    _, quotes = quotes_of(
        nlp,
        "Worried by the long delays, Marta Lindqvist visited the harbour office in Kirkwall, "
        "Orkney, saying that the night ferries should run again before winter.",
    )
    quote = only(quotes, "night ferries")
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Marta Lindqvist"


def test_commented_introduces_a_quote(nlp):
    _, quotes = quotes_of(
        nlp, "Over dinner, an old fisherman commented: “The bay has not been this quiet in years.”"
    )
    quote = only(quotes, "bay")
    assert quote.kind == "direct" and quote.text.startswith("The bay")
    assert quote.cue is not None and quote.cue.text == "commented"
    assert quote.speaker is not None and quote.speaker.text == "an old fisherman"


def test_a_quoted_title_in_the_opening_phrase_does_not_hide_the_subject(nlp):
    _, quotes = quotes_of(
        nlp,
        "On “Harbour Hour,” Captain Ines Calder praised the night crews. "
        "“Every ship in this port depends on them.”",
    )
    quote = only(quotes, "Every ship")
    assert quote.speaker is not None and quote.speaker.name == "Ines Calder"


def test_according_to_at_the_end_frames_a_report_before_it(nlp):
    _, quotes = quotes_of(
        nlp,
        "The ferry company has said it will keep the winter timetable for another year, "
        "according to the island council.",
    )
    quote = only(quotes, "winter timetable")
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.speaker is not None and quote.speaker.text == "the island council"


def test_a_pronoun_takes_the_one_person_of_its_own_or_the_last_sentence(nlp):
    # One long paragraph naming three men (as pages that lost their breaks run on).
    _, quotes = quotes_of(
        nlp,
        "Marcus Delgado, Tomas Reyes and Pavel Strand met at the harbour office on Monday. "
        "Pavel Strand was furious when he said that the ferry company had broken its word. "
        "Marcus Delgado then walked out of the meeting alone. "
        "“We will be back tomorrow with the lawyers,” he said.",
    )
    assert only(quotes, "broken its word").speaker.name == "Pavel Strand"
    assert only(quotes, "lawyers").speaker.name == "Marcus Delgado"


def test_a_pronoun_with_two_men_just_before_it_stays_as_written(nlp):
    _, quotes = quotes_of(
        nlp,
        "Marcus Delgado met Tomas Reyes at the harbour office on Monday. "
        "“We will be back tomorrow with the lawyers,” he said.",
    )
    quote = only(quotes, "lawyers")
    assert quote.speaker.text == "he" and quote.speaker.key is None
