"""Who said what, on short articles of our own: each construction English uses to report speech."""

from __future__ import annotations

import pytest

from reader.analysis import analyse_document
from reader.analysis.model import Quote
from reader.document import parse_article

pytestmark = pytest.mark.spacy


def quotes_of(nlp, body: str) -> tuple[str, tuple[Quote, ...]]:
    """The quotes Reader finds in an article with a title line and `body`."""
    document = parse_article("Harbour talks resume\n\n" + body)
    analysis = analyse_document(document)
    keys = {e.key: e for e in analysis.entities}
    for quote in analysis.quotes:
        assert document.text[quote.start : quote.end] == quote.text
        if quote.speaker is not None and quote.speaker.key is not None:
            # A resolved speaker is one of the sidebar's entities, under its name.
            assert keys[quote.speaker.key].name == quote.speaker.name
    return document.text, analysis.quotes


def only(quotes: tuple[Quote, ...], containing: str) -> Quote:
    found = [q for q in quotes if containing in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_direct_quote_with_speaker_after_joins_the_named_entity(nlp):
    _, quotes = quotes_of(
        nlp,
        "Port director Elena Varga met the unions on Monday.\n\n"
        "“We will not sign anything that cuts the night shift,” Varga said.",
    )
    quote = only(quotes, "night shift")
    assert quote.kind == "direct"
    assert quote.text == "We will not sign anything that cuts the night shift,"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "Varga"
    assert quote.speaker.name == "Elena Varga"
    assert quote.speaker.key is not None and quote.speaker.key.startswith("person:")


def test_straight_marks_and_speaker_before_the_quote(nlp):
    _, quotes = quotes_of(
        nlp,
        'Samuel Okafor told reporters: "The ferries will run again by Friday morning."',
    )
    quote = only(quotes, "ferries")
    assert quote.kind == "direct"
    assert quote.text == "The ferries will run again by Friday morning."
    assert quote.cue.text == "told"
    assert quote.speaker.name == "Samuel Okafor"


def test_speaker_inside_a_quote_makes_one_quote(nlp):
    _, quotes = quotes_of(
        nlp,
        "“The offer is fair,” said Samuel Okafor, the harbour board chairman. "
        "“Nobody loses a job, and nobody loses a shift.”",
    )
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text.startswith("The offer is fair") and quote.text.endswith("a shift.")
    assert quote.speaker.name == "Samuel Okafor"


def test_pronoun_speaker_resolves_to_the_one_compatible_person(nlp):
    _, quotes = quotes_of(
        nlp,
        "Margaret Holloway runs the ferry union. Her deputy, Thomas Brandt, stayed home.\n\n"
        "“We have waited three years for this contract,” she said.",
    )
    quote = only(quotes, "three years")
    assert quote.speaker.text == "she"
    assert quote.speaker.name == "Margaret Holloway"


def test_pronoun_with_two_candidates_in_the_paragraph_stays_as_written(nlp):
    _, quotes = quotes_of(
        nlp,
        "Thomas Brandt and Daniel Osei argued for an hour. "
        "“The vote comes first and the talks come later,” he said.",
    )
    quote = only(quotes, "vote comes first")
    assert quote.speaker.text == "he"
    assert quote.speaker.key is None
    assert quote.speaker.name == "he"


def test_quote_continuing_into_the_next_paragraph_is_one_quote(nlp):
    _, quotes = quotes_of(
        nlp,
        "Union leader Margaret Holloway spoke to reporters after the meeting.\n\n"
        "“We came here to settle this, and we stayed until the small hours to do it.\n\n"
        "“Tomorrow the first ferry leaves at six, as it always did,” she said.",
    )
    assert len([q for q in quotes if q.kind == "direct"]) == 1
    quote = only(quotes, "settle this")
    assert "first ferry leaves" in quote.text
    assert quote.speaker.name == "Margaret Holloway"


def test_scare_quotes_are_not_quotes(nlp):
    _, quotes = quotes_of(
        nlp,
        "The so-called “compromise” left the harbour board and the unions where they "
        'began, with the "old guard" still running the customs house.',
    )
    assert quotes == ()


def test_a_short_quote_framed_by_a_verb_of_saying_is_a_mixed_quote(nlp):
    _, quotes = quotes_of(
        nlp,
        "Margaret Holloway called the final offer from the harbour board “insulting.”",
    )
    quote = only(quotes, "insulting")
    assert quote.kind == "mixed"
    assert quote.cue.text == "called"
    assert quote.speaker.name == "Margaret Holloway"


def test_nested_quote_stays_inside_its_quote(nlp):
    _, quotes = quotes_of(
        nlp,
        "“When they told us ‘the ferries are safe’, we believed them,” said Margaret Holloway.",
    )
    quote = only(quotes, "we believed them")
    assert "‘the ferries are safe’" in quote.text
    assert quote.speaker.name == "Margaret Holloway"


def test_reported_speech_with_that(nlp):
    _, quotes = quotes_of(
        nlp,
        "Samuel Okafor said on Tuesday that the harbour would reopen within two weeks.",
    )
    quote = only(quotes, "reopen")
    assert quote.kind == "indirect"
    assert quote.cue.text == "said"
    assert quote.speaker.name == "Samuel Okafor"
    assert quote.text.endswith("within two weeks")


def test_reported_speech_with_speaker_at_the_end(nlp):
    _, quotes = quotes_of(
        nlp,
        "The night ferries will be the first to return, Elena Varga said.",
    )
    quote = only(quotes, "night ferries")
    assert quote.kind == "indirect"
    assert quote.text == "The night ferries will be the first to return"
    assert quote.speaker.name == "Elena Varga"


def test_according_to_at_the_start_and_at_the_end(nlp):
    _, quotes = quotes_of(
        nlp,
        "According to the harbour board, the strike cost the port four million euros.\n\n"
        "Cargo volumes fell by a third in October, according to Samuel Okafor.",
    )
    first = only(quotes, "four million")
    assert first.cue.text == "According to"
    assert first.speaker.text == "the harbour board"
    second = only(quotes, "Cargo volumes")
    assert second.speaker.name == "Samuel Okafor"


def test_told_reporters_skips_the_listener(nlp):
    _, quotes = quotes_of(
        nlp,
        "Margaret Holloway told reporters the union would vote on the offer next week.",
    )
    quote = only(quotes, "vote on the offer")
    assert quote.cue.text == "told"
    assert not quote.text.startswith("reporters")
    assert quote.speaker.name == "Margaret Holloway"


def test_warned_is_a_cue(nlp):
    _, quotes = quotes_of(
        nlp,
        "Thomas Brandt warned that a second strike could close the port for a month.",
    )
    quote = only(quotes, "second strike")
    assert quote.cue.text == "warned"


def test_mixed_quote_is_partly_quoted(nlp):
    _, quotes = quotes_of(
        nlp,
        'Elena Varga said the offer was "the best the workers have had in a decade" '
        "and urged the members to accept it.",
    )
    quote = only(quotes, "best the workers")
    assert quote.kind == "mixed"
    assert quote.speaker.name == "Elena Varga"


def test_role_resolves_to_the_one_holder_of_it(nlp):
    _, quotes = quotes_of(
        nlp,
        "Transport Minister Lotte Janssen visited the harbour on Monday with Elena Varga.\n\n"
        "The minister said the government would not pay for the lost wages of the strikers.",
    )
    quote = only(quotes, "lost wages")
    assert quote.speaker.text == "The minister"
    assert quote.speaker.name == "Lotte Janssen"


def test_plain_narration_has_no_quotes(nlp):
    _, quotes = quotes_of(
        nlp,
        "The ferry left the harbour at six. Passengers waited on the quay for an hour, "
        "and the cafe ran out of coffee before the boat came back.",
    )
    assert quotes == ()


def test_a_person_giving_one_or_two_quoted_words_is_quoting(nlp):
    _, quotes = quotes_of(
        nlp,
        "Margaret Holloway dismissed the harbour board’s latest offer as “hot air” on Monday.",
    )
    quote = only(quotes, "hot air")
    assert quote.kind == "mixed"
    assert quote.speaker.name == "Margaret Holloway"


def test_a_quote_signed_with_a_dash_names_its_speaker(nlp):
    _, quotes = quotes_of(
        nlp,
        "Readers wrote in about the strike.\n\n"
        "“Three days without a ferry is three days without work for me.” — Ana Ruiz",
    )
    quote = only(quotes, "without work")
    assert quote.speaker.text == "Ana Ruiz"
    assert quote.cue.text == "—"


def test_a_transcript_line_names_its_speaker(nlp):
    _, quotes = quotes_of(
        nlp,
        "From the radio interview:\n\n"
        "“HOLLOWAY: We asked for a contract, not a favour, and we got one in the end.”",
    )
    quote = only(quotes, "not a favour")
    assert quote.speaker.text == "HOLLOWAY"


def test_a_quote_paragraph_after_an_attributed_one_is_the_same_voice(nlp):
    _, quotes = quotes_of(
        nlp,
        "“The ferries are running again and the night shift stays,” Samuel Okafor said.\n\n"
        "“Nobody in this port wants to go through another winter like the last one.”",
    )
    quote = only(quotes, "another winter")
    assert quote.speaker is not None and quote.speaker.name == "Samuel Okafor"


def test_a_paragraph_opened_with_a_wrong_way_mark_is_still_a_quote(nlp):
    _, quotes = quotes_of(
        nlp,
        "Readers wrote in about the strike.\n\n"
        "”The harbour has been closed for far too long, and the town is paying for it.”",
    )
    assert only(quotes, "closed for far too long").kind == "direct"


def test_a_speaker_with_an_apposition_and_a_quote_resumed_after_the_attribution(nlp):
    _, quotes = quotes_of(
        nlp,
        "“We will not be rushed into a bad deal,” Margaret Holloway, the head of the "
        "ferry union, said at the quay, “and we will not walk away from a good one.”",
    )
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text.endswith("walk away from a good one.")
    assert quote.speaker.name == "Margaret Holloway"


def test_reported_speech_in_the_paragraph_before_does_not_lend_its_speaker(nlp):
    _, quotes = quotes_of(
        nlp,
        "Samuel Okafor said the harbour would reopen within two weeks.\n\n"
        "“Nobody has told us anything about a date for the reopening,” a dock worker "
        "complained, and walked off.",
    )
    quote = only(quotes, "Nobody has told us")
    assert quote.speaker is None or quote.speaker.name != "Samuel Okafor"


def test_a_named_subject_with_an_apposition_reports_speech(nlp):
    _, quotes = quotes_of(
        nlp,
        "Samuel Okafor, who chairs the harbour board, said the night ferries would "
        "return before the end of the month.",
    )
    quote = only(quotes, "night ferries")
    assert quote.kind == "indirect"
    assert quote.speaker.name == "Samuel Okafor"


def test_two_apostrophes_serve_as_quotation_marks(nlp):
    document_text, quotes = quotes_of(
        nlp,
        "''We never asked for more than the contract promised,'' Margaret Holloway said.",
    )
    quote = only(quotes, "never asked")
    assert quote.kind == "direct"
    assert quote.text == "We never asked for more than the contract promised,"
    assert quote.speaker.name == "Margaret Holloway"
    assert "''We never" in document_text


@pytest.mark.parametrize(
    "paragraph",
    [
        "“The ferries run at a loss every winter,” board chairman Samuel Okafor (Independent) "
        "said after the vote.",
        "“The ferries run at a loss every winter,” Samuel Okafor, 61, said on Tuesday.",
        "Samuel Okafor, speaking after the vote, said: “The ferries run at a loss every winter.”",
    ],
)
def test_a_speaker_with_a_parenthesis_an_age_or_an_aside(nlp, paragraph):
    _, quotes = quotes_of(nlp, paragraph)
    quote = only(quotes, "run at a loss")
    assert quote.speaker is not None and quote.speaker.name == "Samuel Okafor"


def test_a_closing_speaker_with_a_long_apposition(nlp):
    _, quotes = quotes_of(
        nlp,
        "The harbour board “has run out of excuses,” said Margaret Holloway, who has led "
        "the ferry union through three strikes and two lockouts since the port was sold.",
    )
    quote = only(quotes, "run out of excuses")
    assert quote.kind == "mixed"
    assert quote.speaker.name == "Margaret Holloway"


def test_an_opening_adverb_does_not_hide_the_subject(nlp):
    _, quotes = quotes_of(
        nlp,
        "Elena Varga and Samuel Okafor met on Monday.\n\n"
        "However, Okafor described the offer as “a step backwards for every family here.”",
    )
    quote = only(quotes, "step backwards")
    assert quote.speaker is not None and quote.speaker.name == "Samuel Okafor"


def test_a_short_quote_with_its_own_attribution_is_a_quote(nlp):
    _, quotes = quotes_of(nlp, "“Never again,” Margaret Holloway said.")
    quote = only(quotes, "Never again")
    assert quote.kind == "direct"
    assert quote.speaker.name == "Margaret Holloway"


def test_a_speaker_of_an_organization_is_the_person(nlp):
    _, quotes = quotes_of(
        nlp,
        "“It was the least bad outcome,” Mr. Brandt of the Dockworkers Federation said.",
    )
    quote = only(quotes, "least bad outcome")
    assert quote.speaker.text == "Mr. Brandt of the Dockworkers Federation"
    assert "Brandt" in quote.speaker.name


def test_adding_that_after_a_quote_is_a_second_quote_of_the_same_speaker(nlp):
    _, quotes = quotes_of(
        nlp,
        "“The night shift stays, and so do the pensions,” Margaret Holloway said, adding "
        "that the union would “watch every line of the contract.”",
    )
    first = only(quotes, "night shift stays")
    second = only(quotes, "watch every line")
    assert first is not second
    assert second.kind == "mixed" and second.cue.text == "adding"
    assert second.speaker.name == first.speaker.name == "Margaret Holloway"


def test_a_transcript_changes_voice_at_the_next_name(nlp):
    _, quotes = quotes_of(
        nlp,
        "From the radio debate:\n\n"
        "“HOLLOWAY: We asked for a contract and not a favour, and we will not back down.\n\n"
        "“OKAFOR: The board has offered everything it can afford this year.”",
    )
    assert only(quotes, "not a favour").speaker.text == "HOLLOWAY"
    assert only(quotes, "everything it can afford").speaker.text == "OKAFOR"


def test_a_speaker_phrase_joins_the_entity_it_heads_not_one_it_mentions(nlp):
    _, quotes = quotes_of(
        nlp,
        "Shopkeepers in Tallinn said the shelves had been half empty since Monday morning.\n\n"
        "The Ministry of Transport and Communications said the talks would resume on Friday.",
    )
    shops = only(quotes, "half empty")
    assert shops.speaker.text == "Shopkeepers in Tallinn"
    assert shops.speaker.key is None
    ministry = only(quotes, "talks would resume")
    assert ministry.speaker.name == "Ministry of Transport and Communications"


def test_found_reports_only_with_a_that_clause(nlp):
    _, quotes = quotes_of(
        nlp,
        "A harbour board survey found that most passengers would pay more for night "
        "ferries.\n\n"
        "Divers found a rusted anchor under the old quay on Thursday afternoon.",
    )
    quote = only(quotes, "most passengers")
    assert quote.cue.text == "found"
    assert not [q for q in quotes if "anchor" in q.text]


def test_a_name_with_an_aside_is_the_subject_not_an_opening_adverb(nlp):
    _, quotes = quotes_of(
        nlp,
        "Okafor, speaking to dock workers in Tallinn, said the board would not cut wages "
        "this year.",
    )
    quote = only(quotes, "not cut wages")
    assert quote.speaker.text == "Okafor"
