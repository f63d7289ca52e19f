"""Where the story starts and ends: datelines, captions, promos, labels, readers' comments.

All fixtures are written for these tests.
"""

from __future__ import annotations

import pytest

from reader.analysis.entities import ANALYSED_KINDS
from reader.document import BlockKind, dateline_length, parse_article
from tests.document.test_layout import check_offsets, kinds

FURNITURE = (BlockKind.SECTION_LABEL, BlockKind.CAPTION, BlockKind.PROMO, BlockKind.COMMENTS)


STORY = (
    "Thousands of port workers walked off the job on Tuesday, demanding that the "
    "government reverse a sharp rise in fuel prices."
)
WIRE_PAGE = f"""\
World

Port Workers Strike Over Fuel Prices

2 of 6. Dock workers gather outside the port gates in the early morning. REUTERS/Ana Petrova

Ten films to watch this winter.

PORTVILLE (Reuters) - {STORY}

The union said the strike would continue until talks began.
"""


def test_wire_page_furniture_before_the_dateline_gets_its_own_kinds() -> None:
    doc = parse_article(WIRE_PAGE)
    check_offsets(doc)
    assert kinds(doc) == [
        ("section_label", "World"),
        ("title", "Port Workers Strike Over Fuel Prices"),
        (
            "caption",
            "2 of 6. Dock workers gather outside the port gates in the early morning. "
            "REUTERS/Ana Petrova",
        ),
        ("promo", "Ten films to watch this winter."),
        ("paragraph", f"PORTVILLE (Reuters) - {STORY}"),
        ("paragraph", "The union said the strike would continue until talks began."),
    ]
    assert doc.title == "Port Workers Strike Over Fuel Prices"


@pytest.mark.parametrize(
    "dateline",
    [
        "PORTVILLE (Reuters) - ",
        "(CNN) -- ",
        "(CNN)",
        "Portville (CNN)",
        "PORTVILLE, March 3 (Reuters) - ",
        "NEW PORTVILLE, Ore., May 12 (AP) — ",
        "WASHINGTON — ",
        "PORTVILLE – ",
    ],
)
def test_each_dateline_form_marks_where_the_story_starts(dateline: str) -> None:
    doc = parse_article(
        "Business | Markets\n\nPort Workers Strike Over Fuel Prices\n\n"
        "Photo: Dock workers outside the port gates (Photo: Ana Petrova)\n\n"
        f"Ten films to watch this winter.\n\n{dateline}{STORY}\n\nThe union said more.\n"
    )
    assert [k for k, _ in kinds(doc)] == [
        "section_label",
        "title",
        "caption",
        "promo",
        "paragraph",
        "paragraph",
    ]
    first = doc.body_blocks[0]
    assert dateline_length(doc.block_text(first)) == len(dateline)


@pytest.mark.parametrize(
    "caption",
    [
        "Rescue workers search the rubble, May 3. Getty Images",
        "The mayor (pictured) opened the new bridge on Friday.",
        "Volunteers at the shelter. (Photo: Sam Okoro/Daily Courier)",
        "1 of 4. Volunteers sort donated food at the shelter.",
        "Volunteers sort donated food at the shelter. REUTERS/Sam Okoro",
    ],
)
def test_photo_captions_and_credits_before_the_dateline(caption: str) -> None:
    doc = parse_article(
        f"Shelter Asks for Help\n\n{caption}\n\nLEEDS (Reuters) - {STORY}\n\nMore follows.\n"
    )
    assert kinds(doc)[1] == ("caption", caption)
    assert doc.title == "Shelter Asks for Help"


def test_a_caption_first_line_does_not_become_the_title() -> None:
    doc = parse_article(
        "3 of 5. Fishing boats wait in the harbour.\n\nHarbour Closed by Storm\n\n"
        f"KESSPORT (Reuters) - {STORY}\n"
    )
    assert [k for k, _ in kinds(doc)] == ["caption", "title", "paragraph"]
    assert doc.title == "Harbour Closed by Storm"


def test_a_standfirst_about_the_story_stays_part_of_it() -> None:
    doc = parse_article(
        "Port Workers Strike\n\nUnion leaders say fuel prices must come down before workers return.\n\n"
        f"PORTVILLE (Reuters) - {STORY}\n"
    )
    assert "promo" not in [k for k, _ in kinds(doc)]


def test_unmistakable_captions_are_captions_anywhere() -> None:
    doc = parse_article(
        "Bridge Reopens\n\nThe bridge over the river reopened on Monday after three months.\n\n"
        "Photo: Cyclists cross the bridge on its first morning.\n\n"
        "Traffic was light in the first hours of the day.\n"
    )
    assert kinds(doc)[2] == ("caption", "Photo: Cyclists cross the bridge on its first morning.")
    assert len(doc.body_blocks) == 2


@pytest.mark.parametrize(
    "credit", ["Getty Images", "REUTERS/Ana Petrova", "Image copyright Getty Images"]
)
def test_a_credit_on_its_own_line_is_a_caption_anywhere(credit: str) -> None:
    doc = parse_article(
        "Bridge Reopens\n\nThe bridge over the river reopened on Monday after three months.\n\n"
        f"{credit}\n\nTraffic was light in the first hours of the day.\n"
    )
    assert kinds(doc)[2] == ("caption", credit)


def test_a_caption_with_an_agency_credit_is_a_caption_inside_the_story_too() -> None:
    caption = "Volunteers sort donated food at the shelter in Leeds, March 3. REUTERS/Sam Okoro"
    doc = parse_article(
        "Shelter Asks for Help\n\nThe shelter asked for help on Monday as demand rose.\n\n"
        f"{caption}\n\nVolunteers worked through the night.\n"
    )
    assert kinds(doc)[2] == ("caption", caption)


def test_a_credit_word_inside_the_story_is_prose() -> None:
    doc = parse_article(
        "Agency Sold\n\nThe photo agency was founded in a garage in 1995.\n\n"
        "Last year it was bought by Getty Images.\n\nStaff were told on Friday.\n"
    )
    assert not doc.blocks_of(BlockKind.CAPTION)


@pytest.mark.parametrize(
    "heading", ["Comments", "Your comments", "Have your say", "Add your comment", "23 comments"]
)
def test_a_comment_section_after_the_story_is_kept_apart(heading: str) -> None:
    doc = parse_article(
        "Library Saved\n\nThe town library will stay open after a late grant from the county.\n\n"
        "Staff said they were delighted.\n\n"
        f"{heading}\n\n"
        "Best news I have read all week, well done to everyone involved.\n\n"
        "Now fix the roads please.\n"
    )
    check_offsets(doc)
    comments = doc.blocks_of(BlockKind.COMMENTS)
    assert [doc.block_text(b) for b in comments] == [
        heading,
        "Best news I have read all week, well done to everyone involved.",
        "Now fix the roads please.",
    ]
    assert [b.level for b in comments] == [1, 0, 0]  # the heading is the section's first
    assert len(doc.body_blocks) == 2


def test_a_closing_run_of_signed_reader_posts_is_comments() -> None:
    doc = parse_article(
        "Library Saved\n\nThe town library will stay open after a late grant from the county.\n\n"
        "Staff said they were delighted and would extend opening hours.\n\n"
        "Great article, thank you! - Jim, Ohio\n\n"
        "About time somebody listened to us. -- Maria\n\n"
        "Reply\n"
    )
    assert [k for k, _ in kinds(doc)] == [
        "title",
        "paragraph",
        "paragraph",
        "comments",
        "comments",
        "comments",
    ]
    assert [b.level for b in doc.blocks_of(BlockKind.COMMENTS)] == [2, 0, 0]


def test_signed_posts_on_consecutive_lines_stay_apart() -> None:
    doc = parse_article(
        "Library Saved\n\nThe town library will stay open after a late grant from the county.\n\n"
        "Comments\n\n"
        "Great article, thank you for all the detail in it! - Jim, Ohio\n"
        "About time somebody listened to the people who use the library. - Maria\n"
    )
    assert [doc.block_text(b) for b in doc.blocks_of(BlockKind.COMMENTS)] == [
        "Comments",
        "Great article, thank you for all the detail in it! - Jim, Ohio",
        "About time somebody listened to the people who use the library. - Maria",
    ]


def test_a_single_signed_quote_in_the_story_is_not_comments() -> None:
    doc = parse_article(
        "Library Saved\n\nThe town library will stay open after a late grant from the county.\n\n"
        '"We are over the moon." - Head librarian, Ruth Amsel\n\n'
        "Opening hours will be extended from next month, the council said.\n"
    )
    assert not doc.blocks_of(BlockKind.COMMENTS)


@pytest.mark.parametrize(
    "text",
    [
        "(CNN) -- A strong earthquake shook the coast on Monday, officials said. " * 20,
        "By . Sam Reed . PUBLISHED: . 08:14 EST, 4 March 2014 . | . UPDATED: . 11:02 EST, "
        "4 March 2014 . A council voted to close three libraries on Tuesday. " * 5,
        "Sister Ana (pictured) ran the shelter for years. The shelter closed on Monday. " * 10,
    ],
)
def test_one_long_paragraph_stays_one_paragraph(text: str) -> None:
    doc = parse_article(text)
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH]


def test_lines_broken_mid_sentence_keep_their_kinds() -> None:
    text = (
        "The club has finished second for three seasons in a row, and the manager\n"
        "said the squad deserved credit.\n"
        '"We kept going," he said. "Nobody gave\n'
        'us a chance."\n'
        "The club plays its next match on Saturday - against the leaders.\n"
    )
    doc = parse_article(text)
    assert not any(b.kind in FURNITURE for b in doc.blocks)


def test_no_dateline_no_change() -> None:
    doc = parse_article(
        "World\n\nA Short Item\n\nThe council met on Monday and agreed the budget.\n"
    )
    assert not any(b.kind in FURNITURE for b in doc.blocks)


def test_furniture_is_never_analysed() -> None:
    assert not set(FURNITURE) & set(ANALYSED_KINDS)
    assert BlockKind.PARAGRAPH in ANALYSED_KINDS
