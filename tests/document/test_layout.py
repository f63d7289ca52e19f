"""The loader reads many real-world article layouts (all fixtures written for these tests)."""

from __future__ import annotations

import textwrap

import pytest

from reader.document import BlockKind, Document, document_from_bytes, parse_article


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, doc.block_text(b)) for b in doc.blocks]


def check_offsets(doc: Document) -> None:
    assert doc.text == "\n".join(doc.block_text(b) for b in doc.blocks)
    for block in doc.blocks:
        assert "\n" not in doc.block_text(block)


SITE_EXPORT = """\
Harbour Strike Enters Second Week as Talks Stall

Creator:

Shipping Labour Estonia

Quick Read

  • Dock workers walked out on Monday.
  • The operator says the strike costs it €2 million a day.

A Quiet Harbour

The harbour stood empty on Monday as about 1,800 workers began an open-ended strike.

“We did not want this,” said the union’s leader, Marta Kask.

What Comes Next

Mediation could begin on Thursday, a ministry spokesperson said.

LATEST NEWS
Share this article
"""


def test_site_export_layout() -> None:
    doc = parse_article(SITE_EXPORT)
    check_offsets(doc)
    assert doc.title == "Harbour Strike Enters Second Week as Talks Stall"
    assert doc.tags == ("Shipping", "Labour", "Estonia")
    assert doc.key_points == (
        "Dock workers walked out on Monday.",
        "The operator says the strike costs it €2 million a day.",
    )
    assert doc.headings == ("A Quiet Harbour", "What Comes Next")
    assert "Creator" not in doc.text
    assert "LATEST NEWS" not in doc.text and "Share this" not in doc.text
    assert doc.byline == ""
    assert "“We did not want this,”" in doc.text  # typography kept as is
    assert [k for k, _ in kinds(doc)].count("paragraph") == 3


def test_byline_with_a_name_is_shown() -> None:
    doc = parse_article("A Title\n\nCreator: Jane Roe\n\nBody text that tells the story in full.\n")
    assert doc.byline == "Creator: Jane Roe"
    assert kinds(doc)[1] == ("byline", "Creator: Jane Roe")


def test_markdown_layout() -> None:
    text = textwrap.dedent(
        """\
        # Chess Prodigy Wins Open at Fourteen

        *By Sam Okafor*

        The tournament ended on Sunday after nine rounds of play.

        ## A Late Blunder

        Her opponent left a rook undefended on move 41.

        ### Reactions
        Coaches praised the calm of the young player.
        """
    )
    doc = parse_article(text)
    check_offsets(doc)
    assert doc.title == "Chess Prodigy Wins Open at Fourteen"
    assert doc.headings == ("A Late Blunder", "Reactions")
    levels = [b.level for b in doc.blocks_of(BlockKind.HEADING)]
    assert levels == [2, 3]
    assert "#" not in doc.text


def test_underlined_headings() -> None:
    text = "Rail Budget Approved\n====================\n\nLawmakers voted late on Friday.\n\nWhat changes\n------------\n\nFares rise by two percent in March.\n"
    doc = parse_article(text)
    assert doc.title == "Rail Budget Approved"
    assert doc.headings == ("What changes",)
    assert "===" not in doc.text and "---" not in doc.text


def test_no_title_one_long_paragraph() -> None:
    body = (
        "The city council voted on Tuesday to close the old bridge for repairs. "
        "Engineers said cracks had been found in two supports. "
        "Commuters will be diverted over the northern crossing until spring, officials said. "
    ) * 6
    doc = parse_article(body)
    check_offsets(doc)
    assert doc.title == ""
    assert doc.headings == ()
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH]


def test_crlf_and_cr_line_endings() -> None:
    raw = "Floods Close Schools\r\n\r\nHeavy rain closed 40 schools on Monday.\r\n\r\nRoads reopened by evening.\r\n"
    doc = document_from_bytes(raw.encode("utf-8"))
    assert "\r" not in doc.text
    assert doc.title == "Floods Close Schools"
    assert len(doc.body_blocks) == 2
    old_mac = document_from_bytes(raw.replace("\r\n", "\r").encode("utf-8"))
    assert old_mac.text == doc.text


def test_numbered_key_points() -> None:
    text = (
        "Budget at a Glance\n\nKey points:\n\n1. Taxes stay flat.\n2. Defence spending rises 3%.\n"
        "3) Pensions are indexed to wages.\n\nThe finance minister presented the plan on Wednesday.\n"
    )
    doc = parse_article(text)
    assert doc.key_points == (
        "Taxes stay flat.",
        "Defence spending rises 3%.",
        "Pensions are indexed to wages.",
    )
    assert doc.key_points_ordered
    assert kinds(doc)[1] == ("key_points_label", "Key points:")


@pytest.mark.parametrize("label", ["Highlights", "TL;DR", "Key takeaways", "Quick Read"])
@pytest.mark.parametrize("marker", ["-", "*", "•"])
def test_key_point_labels_and_markers(label: str, marker: str) -> None:
    text = f"Storm Hits Coast\n\n{label}\n{marker} Winds reached 120 km/h.\n{marker} Ports closed.\n\nThe storm arrived at dawn.\n"
    doc = parse_article(text)
    assert doc.key_points == ("Winds reached 120 km/h.", "Ports closed.")


def test_long_article_keeps_every_paragraph() -> None:
    paragraphs = [
        f"Paragraph {i} reports a detail of the long story, with figures like {i * 7}."
        for i in range(400)
    ]
    text = "A Very Long Report\n\n" + "\n\n".join(paragraphs) + "\n"
    doc = parse_article(text)
    check_offsets(doc)
    assert len(doc.body_blocks) == 400
    assert doc.word_count > 4000


def test_only_a_title() -> None:
    doc = parse_article("Markets Close Higher\n")
    assert doc.title == "Markets Close Higher"
    assert doc.text == "Markets Close Higher"


def test_dateline_first_paragraph_is_body_not_title() -> None:
    text = (
        "MINSK, Sept 16 (Reuters) - Officials said on Tuesday that the talks would resume next week.\n\n"
        "The ministry gave no further details.\n"
    )
    doc = parse_article(text)
    assert doc.title == ""
    assert doc.text.startswith("MINSK, Sept 16 (Reuters) -")
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)


def test_wire_layout_one_sentence_per_line_without_blank_lines() -> None:
    text = "RUGBY - HOSTS WIN OPENER .\nCARDIFF 1996-08-30\nWales beat Italy 31-20 on Friday .\nThe crowd was 40,000 .\n"
    doc = parse_article(text)
    check_offsets(doc)
    assert doc.title == "RUGBY - HOSTS WIN OPENER ."
    # Every token of every line survives, in order.
    assert doc.text.split() == text.split()


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Bridge Reopens\n\nThe bridge over the river reopened to cars and buses on Monday after\n"
        "three months of repairs, the city said.\n\n"
        "Traffic was light in the first hours, and cyclists had the new lane\nalmost to themselves.\n"
    )
    doc = parse_article(text)
    assert [doc.block_text(b) for b in doc.body_blocks] == [
        "The bridge over the river reopened to cars and buses on Monday after three months of "
        "repairs, the city said.",
        "Traffic was light in the first hours, and cyclists had the new lane almost to themselves.",
    ]


def test_advertisement_lines_are_dropped_anywhere() -> None:
    text = "Title Here\n\nFirst paragraph of the story.\n\nADVERTISEMENT\n\nSecond paragraph of the story.\n"
    doc = parse_article(text)
    assert "ADVERTISEMENT" not in doc.text
    assert len(doc.body_blocks) == 2


def test_giant_paragraph_is_split_for_the_view() -> None:
    sentence = "This sentence is part of a paragraph with no line breaks at all. "
    doc = parse_article(sentence * 40000)
    check_offsets(doc)
    assert len(doc.blocks) > 100
    assert max(b.end - b.start for b in doc.blocks) <= 8000


def test_explicit_tags_line() -> None:
    doc = parse_article(
        "Title\n\nTags: Energy, Climate policy, EU\n\nThe body of the story begins here.\n"
    )
    assert doc.tags == ("Energy", "Climate policy", "EU")


def test_heading_right_after_key_points_is_a_heading_not_tags() -> None:
    text = (
        "Ferry Service Resumes\n\nBy Tove Lind\n\nQuick Read\n\n• Boats sail again.\n• Fares are unchanged.\n\n"
        "A Long Wait Ends\n\nThe first ferry left the harbour at dawn with two hundred passengers aboard.\n"
    )
    doc = parse_article(text)
    assert doc.tags == ()
    assert doc.headings == ("A Long Wait Ends",)
    assert doc.byline == "By Tove Lind"


def test_section_headings_that_end_with_a_full_stop_are_headings() -> None:
    doc = parse_article(
        "How the Harbour Board Did This Year\n\n"
        "Ferries.\n\n"
        "Crossings to the islands ran on time for most of the year, and the new boats "
        "carried more cars than the old ones did.\n\n"
        "Fish and Quays.\n\n"
        "Landings fell in the spring, and two of the old quays were closed for repairs.\n\n"
        "Absolutely.\n\n"
        "That was the word of the year at the board, which said it four times a meeting.\n\n"
        "Will fees rise?\n\n"
        "Certainly.\n\n"
        "That was the answer from the board when asked whether fees would rise again."
    )
    found = [text for kind, text in kinds(doc) if kind == "heading"]
    assert found == ["Ferries.", "Fish and Quays."]  # a one-word reply is not a section


def test_one_short_line_with_a_full_stop_alone_stays_a_paragraph() -> None:
    doc = parse_article(
        "Harbour Board Answers\n\n"
        "Will fees rise again next year, the board was asked at its meeting on Monday?\n\n"
        "Absolutely.\n\n"
        "The chairman said the new boats had cost more than the board had planned for."
    )
    assert ("paragraph", "Absolutely.") in kinds(doc)


def test_a_title_with_abbreviations_is_still_one_sentence_and_a_title() -> None:
    doc = parse_article(
        "Ferry Rules Face Key Test In U.S. Court.\n\n"
        "The harbour board's new ferry rules face a key test on Tuesday, when the operators "
        "ask a court to throw them out before the summer timetable starts."
    )
    assert kinds(doc)[0] == ("title", "Ferry Rules Face Key Test In U.S. Court.")
    two = parse_article(
        "The ferries ran late again. The board will meet on Monday.\n\n"
        "Passengers waited two hours at the quay, and the board said it would answer them."
    )
    assert kinds(two)[0][0] == "paragraph"  # two sentences are not a title


def test_readers_letters_signed_with_a_full_stop_stay_paragraphs() -> None:
    doc = parse_article(
        "Your Letters on the Ferry Fares\n\n"
        "The new fares are far too high for those of us who cross every single day of the "
        "week to work on the islands.\n\n"
        "Dana Hollis.\n\n"
        "I have sailed with the board's ferries for forty years and never paid so much for "
        "so little as I do now.\n\n"
        "Ines Marlow Calder.\n\n"
        "Thank you for printing the timetable, which the board itself never seems to manage."
    )
    assert ("paragraph", "Dana Hollis.") in kinds(doc)
    assert ("paragraph", "Ines Marlow Calder.") in kinds(doc)
