"""Quotations in single marks (British style) are found like double-quoted ones; apostrophes,
nested quotes and American single marks are left alone."""

from __future__ import annotations

import pytest

from reader.analysis import analyse_document
from reader.analysis.quotes.single_marks import as_double_quotes
from reader.document import parse_article


def test_british_quotations_read_as_double_marks_and_keep_their_length() -> None:
    text = (
        "'We sailed at dawn and we will sail again,' the skipper said.\n"
        "Her crew called the new rules 'a farce' and 'a danger to all of us'."
    )
    converted = as_double_quotes(text)
    assert len(converted) == len(text)
    assert converted == (
        "“We sailed at dawn and we will sail again,” the skipper said.\n"
        "Her crew called the new rules “a farce” and “a danger to all of us”."
    )


@pytest.mark.parametrize(
    ("text", "quotations"),
    [
        ("'Don't worry about the players' bus,' the driver said. 'It's parked.'", 2),
        ("'It was the '90s and we played rock 'n' roll all night,' Mira said.", 1),
        ("'The boss's view is clear: we stay,' said Ana. 'Nobody leaves.'", 2),
    ],
)
def test_apostrophes_inside_a_quotation_stay_apostrophes(text: str, quotations: int) -> None:
    converted = as_double_quotes(text)
    # Only the quotation marks change: every apostrophe inside a word or after a plural stays.
    changed = [converted[i] for i in range(len(text)) if converted[i] != text[i]]
    assert changed == ["“", "”"] * quotations
    assert converted.startswith("“")


def test_double_marks_nested_in_a_single_quotation_become_single() -> None:
    text = "'He called the plan \"hot air\" and left,' the mayor said. 'We go on.'"
    assert as_double_quotes(text) == (
        "“He called the plan ‘hot air’ and left,” the mayor said. “We go on.”"
    )


def test_american_style_keeps_its_single_marks_for_nested_and_scare_quotes() -> None:
    text = (
        "\"He told me, 'Go home,' and then he left,\" Ana said.\n"
        "The 'plan' was never written down, and \"nobody asked for it,\" Ben said."
    )
    assert as_double_quotes(text) == text


def test_two_apostrophes_as_an_archive_double_mark_are_left_to_the_quote_finder() -> None:
    text = "''We are done here,'' she said. The 'deal' was off."
    assert as_double_quotes(text) == text


def test_a_quotation_of_several_paragraphs_opens_each_paragraph() -> None:
    text = (
        "'We waited three days for the ferry and nobody told us anything.\n"
        "'Then they said it was cancelled,' the passenger said."
    )
    assert as_double_quotes(text) == (
        "“We waited three days for the ferry and nobody told us anything.\n"
        "“Then they said it was cancelled,” the passenger said."
    )


@pytest.mark.spacy
def test_single_quoted_quotes_are_found_with_their_speakers(nlp) -> None:
    document = parse_article(
        "Harbour reopens\n\n"
        "Harbour master Tomas Ekberg reopened the east quay on Monday.\n\n"
        "'The wall will hold for another winter,' Ekberg said. 'Boats can moor there again.'\n\n"
        "The fishermen's union called the repairs 'late but welcome'."
    )
    quotes = analyse_document(document).quotes
    wall = next(q for q in quotes if "wall will hold" in q.text)
    assert wall.kind == "direct"
    # One quote around its speaker, as with double marks; its text keeps the article's marks.
    assert wall.text.startswith("The wall will hold for another winter,' Ekberg said. 'Boats")
    assert document.text[wall.start - 1] == "'"
    assert wall.speaker is not None and wall.speaker.name == "Tomas Ekberg"
    assert not any(q.text == "late but welcome" for q in quotes)  # a scare quote, not speech


def test_a_closing_mark_spaced_after_a_nested_quote_still_closes() -> None:
    text = '"I shouted, \'Get down, it is falling,\' " the porter said. "Then it fell."'
    converted = as_double_quotes(text)
    assert len(converted) == len(text)
    assert converted.startswith("\"I shouted, 'Get down, it is falling,'\"  the porter said.")


@pytest.mark.spacy
def test_a_quote_ending_in_a_nested_quote_keeps_its_speaker(nlp) -> None:
    document = parse_article(
        "Storm on the pier\n\n"
        "Night porter Jonas Alder was on duty when the crane came down.\n\n"
        '"I shouted, \'Get down, it is falling,\' " Alder told the inquiry. "Then it fell."'
    )
    quote = next(q for q in analyse_document(document).quotes if "Get down" in q.text)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Jonas Alder"


def test_a_quotation_whose_paragraph_break_was_lost_closes_where_the_next_opens() -> None:
    text = (
        "She said: 'I tried every part time job on the quay. None paid enough. "
        "'The loan did not cover my rent.' She added that money was short."
    )
    converted = as_double_quotes(text)
    assert len(converted) == len(text)
    assert "“I tried every part time job on the quay. None paid enough.”“The loan" in converted
    assert converted.endswith("my rent.” She added that money was short.")
