"""The generated summary picks body sentences a reader would want, located exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis.summary import DEFAULT_LENGTH, MAX_LENGTH, summarize
from reader.document import BlockKind, Document, load_document, parse_article
from tests.conftest import SHARED

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summary"
SEED = SHARED / "seed" / "zapad-2025.txt"
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]?|$)")


def split_sentences(document: Document) -> list[tuple[int, int]]:
    """Sentence spans per block, as the analysis pipeline hands them over (leading spaces kept)."""
    return [
        (block.start + m.start(), block.start + m.end())
        for block in document.blocks
        for m in _SENTENCE.finditer(document.block_text(block))
    ]


@pytest.fixture(scope="module")
def bridge() -> Document:
    return load_document(FIXTURES / "river-bridge.txt")


def texts(summary) -> list[str]:
    return [s.text for s in summary]


def test_sentences_are_located_exactly_and_in_article_order(bridge: Document) -> None:
    summary = summarize(bridge, split_sentences(bridge), length=6)
    assert len(summary) == 6
    starts = [s.start for s in summary]
    assert starts == sorted(starts)
    for sentence in summary:
        assert bridge.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_default_length_and_every_length_from_one_to_ten(bridge: Document) -> None:
    sentences = split_sentences(bridge)
    assert len(summarize(bridge, sentences)) == DEFAULT_LENGTH == 3
    for length in range(1, MAX_LENGTH + 1):
        assert len(summarize(bridge, sentences, length=length)) == length


@pytest.mark.parametrize(("asked", "given"), [(0, 1), (-4, 1), (11, 10), (500, 10)])
def test_length_is_clamped_to_one_to_ten(bridge: Document, asked: int, given: int) -> None:
    assert len(summarize(bridge, split_sentences(bridge), length=asked)) == given


def test_only_body_sentences_of_six_words_or_more_qualify(bridge: Document) -> None:
    not_body = [bridge.block_text(b) for b in bridge.blocks if b.kind is not BlockKind.PARAGRAPH]
    assert bridge.key_points and bridge.headings and bridge.title  # the fixture has them all
    summary = summarize(bridge, split_sentences(bridge), length=MAX_LENGTH)
    paragraphs = bridge.blocks_of(BlockKind.PARAGRAPH)
    for sentence in summary:
        assert any(b.start <= sentence.start and sentence.end <= b.end for b in paragraphs)
        assert sentence.text not in not_body
        assert len(sentence.text.split()) >= 6
    assert "Short cheer from the crowd." not in texts(summary)


def test_a_key_point_that_restates_the_lead_is_never_chosen() -> None:
    lead = "The harbour ferry resumed sailing on Friday after a storm damaged its landing pier."
    document = parse_article(
        "Ferry Back at Sea\n\nKey points\n\n"
        f"  • {lead}\n  • Repairs took three weeks.\n\n"
        f"{lead}\n"
        "Passengers queued from dawn to catch the first crossing to the islands.\n"
        "Fishermen said the harbour felt alive again once the engines started.\n"
    )
    summary = summarize(document, split_sentences(document), length=MAX_LENGTH)
    key_points = document.blocks_of(BlockKind.KEY_POINT)
    assert len(summary) == 3
    assert not any(k.start <= s.start < k.end for s in summary for k in key_points)


def test_near_duplicates_are_removed(bridge: Document) -> None:
    summary = summarize(bridge, split_sentences(bridge), length=MAX_LENGTH)
    reopened = [t for t in texts(summary) if t.startswith("The old river bridge in Kelmouth")]
    assert len(reopened) == 1
    # The two versions differ by a comma: only the earlier one is kept.
    assert reopened[0] == bridge.text[summary[0].start : summary[0].end]


def test_same_input_gives_the_same_summary(bridge: Document) -> None:
    sentences = split_sentences(bridge)
    first = summarize(bridge, sentences, length=4)
    assert summarize(bridge, sentences, length=4) == first
    assert summarize(bridge, list(reversed(sentences)) + sentences, length=4) == first


def test_a_document_without_paragraphs_has_an_empty_summary() -> None:
    document = parse_article(
        "A Title Alone on Its Line\n\nKey points\n\n"
        "  • The first key point is a full sentence of words.\n"
        "  • The second key point is also a full sentence.\n"
    )
    assert not document.blocks_of(BlockKind.PARAGRAPH)
    assert summarize(document, split_sentences(document)) == ()
    assert summarize(parse_article(""), []) == ()


def test_sentences_under_six_words_never_qualify() -> None:
    document = parse_article(
        "Rain fell all night long.\nThe river rose fast.\nRoads shut early today."
    )
    assert summarize(document, split_sentences(document)) == ()


# A plain news story: the lead says what happened, so the lead is the summary.
_NEWS = (
    "Tram Line Opens in Vellmark\n\n"
    "The new tram line across Vellmark opened to passengers on Saturday after four years of "
    "building work and a long dispute over its cost.\n"
    "The line links the railway station with the university and the hospital, and trams will "
    "run every six minutes at peak times.\n"
    "City officials expect about forty thousand journeys a day once the line is fully running.\n"
    "Tram drivers were trained over the winter on a test track beside the depot in Sorby.\n"
    "The tram line cost the city far more than planned, and the tram line opened two years late, "
    "so the tram line became an election issue.\n"
)


def test_a_plain_news_lead_is_kept_as_the_lead() -> None:
    document = parse_article(_NEWS)
    sentences = split_sentences(document)
    body = [document.text[s:e].strip() for s, e in sentences[1:]]  # after the title
    # The last sentence shares the most words with the rest, yet the lead stays.
    assert texts(summarize(document, sentences)) == body[:3]
    assert texts(summarize(document, sentences, length=1)) == body[:1]


def test_a_quotation_of_several_sentences_is_summarized_whole() -> None:
    document = parse_article(
        "Harbour Wall Repaired\n\n"
        "The harbour master of Kestrel Bay reopened the east wall to boats on Monday morning. "
        "Workers had told him after the storm, \u201cThe wall will hold for another winter. "
        "Boats can moor there again by spring.\u201d The repairs cost less than the council "
        "had set aside for the work.\n\n"
        'A fisherman said: "We waited three months for this. It was worth it." '
        "Most of the fleet returned to the east wall within the first week of its opening.\n"
    )
    summary = texts(summarize(document, split_sentences(document), length=4))
    # Each quotation is one unit of the summary, never cut after its first sentence.
    assert summary[1].endswith("Boats can moor there again by spring.\u201d")
    assert summary[1].startswith("Workers had told him")
    assert 'A fisherman said: "We waited three months for this. It was worth it."' in summary
    assert len(summary) == 4


def test_a_byline_and_time_stamps_glued_before_the_lead_are_skipped() -> None:
    lead = "A council in the north voted on Tuesday to close three of its public libraries."
    document = parse_article(
        "By . Anna Pike for Daily Mail Reporter . PUBLISHED: . 08:14 EST, 4 March 2014 . | . "
        f"UPDATED: . 11:02 EST, 4 March 2014 . {lead} "
        "The decision was taken after a long debate about the cost of running the buildings. "
        "Campaigners said they would take the council to court over the closures. "
        "The libraries will shut their doors for good at the end of the summer."
    )
    summary = summarize(document, split_sentences(document))
    assert texts(summary)[0] == lead
    assert not any("PUBLISHED" in t or "UPDATED" in t or "Reporter" in t for t in texts(summary))


def test_a_byline_and_time_stamp_glued_before_the_dateline_are_left_out() -> None:
    story = "A strong earthquake shook the northern coast on Monday, officials said."
    document = parse_article(
        f"By Ana Reyes, CNN Updated 0412 GMT (1212 HKT) March 3, 2025 (CNN) -- {story} "
        "Rescue teams reached the worst-hit villages by the afternoon. "
        "Schools in the region will stay closed until the buildings are checked."
    )
    summary = summarize(document, split_sentences(document))
    assert summary[0].text == story
    assert document.text[summary[0].start : summary[0].end] == story


def test_furniture_is_left_out_even_when_the_summary_is_short() -> None:
    document = parse_article(
        "Harbour master Tomas Rell (pictured) at the quay on Sunday morning. "
        "A winter storm flooded the harbour district of Kessport on Sunday night. "
        "Share this with your friends by clicking the button below."
    )
    summary = texts(summarize(document, split_sentences(document)))
    assert summary == ["A winter storm flooded the harbour district of Kessport on Sunday night."]


def test_a_line_broken_mid_sentence_comes_after_whole_sentences() -> None:
    document = parse_article(
        "Club Hails Its Season\n"
        "The club has finished second for three seasons in a row, and the manager\n"
        "said on Friday that the squad deserved enormous credit for it.\n"
        "The team plays its next league match away from home on Saturday.\n"
        "Tickets for the cup semi-final go on sale to members next week.\n"
    )
    assert document.title == "Club Hails Its Season"
    summary = texts(summarize(document, split_sentences(document), length=2))
    assert summary == [
        "said on Friday that the squad deserved enormous credit for it.",
        "The team plays its next league match away from home on Saturday.",
    ]


def test_story_sentences_that_start_like_time_stamps_are_kept() -> None:
    lead = "Published in a medical journal on Monday, the study followed nine thousand patients."
    document = parse_article(
        f"{lead} Updated guidance for doctors is expected later this year, officials said. "
        "Posted to a video site, the researchers' talk has been watched a million times."
    )
    assert texts(summarize(document, split_sentences(document)))[0] == lead


def test_a_photo_caption_glued_before_the_lead_is_skipped() -> None:
    document = parse_article(
        "Harbour master Tomas Rell (pictured) said the storm was the worst in living memory. "
        "Scroll down for video Waves broke over the sea wall of the old harbour at dawn. "
        "A winter storm flooded the harbour district of Kessport on Sunday night, forcing "
        "hundreds of families from their homes. "
        "Emergency crews pumped water from the streets until the afternoon. "
        "The town council said repairs to the sea wall would start next month."
    )
    summary = texts(summarize(document, split_sentences(document)))
    assert summary[0].startswith("A winter storm flooded the harbour district")
    assert not any("(pictured)" in t or "Scroll down" in t for t in summary)


def test_captions_promos_and_comments_around_the_story_are_never_summarized() -> None:
    document = parse_article(
        "Markets\n\nGrain Prices Climb After Dry Summer\n\n"
        "1 of 3. A farmer inspects a field of wheat near the river, in a photo taken on Monday.\n\n"
        "Ten recipes for a cold evening.\n\n"
        "ODESSA (Reuters) - Grain prices climbed to a two-year high on Tuesday after a dry summer "
        "cut the harvest across the region, traders said.\n\n"
        "Millers warned that bread would cost more by the autumn if prices stayed high.\n\n"
        "Comments\n\n"
        "Prices are going up everywhere, what a terrible year for all of us. - Pat, Leeds\n"
    )
    kinds = {b.kind for b in document.blocks}
    assert {BlockKind.CAPTION, BlockKind.PROMO, BlockKind.COMMENTS} <= kinds
    summary = texts(summarize(document, split_sentences(document), length=MAX_LENGTH))
    assert len(summary) == 2
    assert summary[0].startswith("Grain prices climbed")  # the dateline is left out
    assert document.text[document.text.index(summary[0]) - 2 :].startswith("- Grain")


def test_a_quotation_lead_gives_way_only_to_a_clearly_more_central_sentence() -> None:
    quote = (
        "\u201cWe have never seen anything like it,\u201d said one of the volunteers on the shore."
    )
    story = (
        "Thousands of dead fish washed up along the Lindau lake shore this week, and the lake "
        "authority blamed low oxygen in the lake after the heatwave."
    )
    document = parse_article(
        f"{quote} {story} "
        "The lake authority has closed the shore to swimmers while the lake water is tested. "
        "Fishermen say the lake has not been this warm in their lifetime."
    )
    summary = texts(summarize(document, split_sentences(document), length=2))
    assert quote not in summary and story in summary
    # Lead sentences that are neither quotation nor question are never displaced.
    assert texts(summarize(document, split_sentences(document)[1:], length=2))[0] == story


def test_seed_article_summary_comes_from_its_body() -> None:
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside this clone")
    document = load_document(SEED)
    summary = summarize(document, split_sentences(document))
    assert len(summary) == DEFAULT_LENGTH
    paragraphs = document.blocks_of(BlockKind.PARAGRAPH)
    for sentence in summary:
        assert any(b.start <= sentence.start and sentence.end <= b.end for b in paragraphs)
        assert sentence.text not in document.key_points


# One statement, said four ways, competes for the last place in a four-sentence summary.
