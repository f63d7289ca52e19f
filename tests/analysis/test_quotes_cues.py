"""Which words are cues and who speaks: nouns that look like verbs of saying, verbs inside
someone's quoted words, and speakers the simpler rules missed."""

from __future__ import annotations

import pytest

from reader.analysis import analyse_document
from reader.analysis.model import Quote
from reader.document import parse_article
from tests.analysis.test_quotes import only, quotes_of

pytestmark = pytest.mark.spacy


def the_one_quote(nlp, paragraph: str, speaker: str) -> Quote:
    """The paragraph's only quote, checked to be spoken by a phrase containing `speaker`."""
    _, quotes = quotes_of(nlp, paragraph)
    assert len(quotes) == 1, [q.text for q in quotes]
    assert quotes[0].speaker is not None and speaker in quotes[0].speaker.text
    return quotes[0]


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
    quote = the_one_quote(nlp, sentence, speaker)
    assert quote.cue is not None and quote.cue.text == "say"


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


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Mayor Tomas Reyes posted a series of tweets early Sunday saying that the ferry "
            "company had misled the island for years.",
            "Tomas Reyes",
        ),
        (
            "After a hastily called, late-night meeting, the Harbour Council issued a "
            "statement calling the strike “a clear breach of the contract.”",
            "Harbour Council",
        ),
        (
            "Ines Calder is describing as “reckless” a Tomas Reyes tweet attacking the ferry "
            "company and its owners.",
            "a Tomas Reyes tweet",
        ),
    ],
)
def test_what_a_statement_or_tweet_says_is_its_authors(nlp, paragraph, speaker):
    the_one_quote(nlp, paragraph, speaker)


def test_a_colon_introduces_a_quote_without_a_verb_of_saying(nlp):
    _, quotes = quotes_of(
        nlp,
        "Port director Elena Varga looked at the buyer. She scolded him: “The whole harbour "
        "knows the price of the three boats you called ‘bargains.’” Then she left the room.",
    )
    quote = only(quotes, "whole harbour")
    assert quote.kind == "direct" and quote.text.startswith("The whole harbour")
    assert quote.speaker is not None and quote.speaker.name == "Elena Varga"


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_below(nlp):
    _, quotes = quotes_of(
        nlp,
        "On June 6, Tomas Reyes made the following remark:\n\n"
        "“For young people who have left school, the island has no jobs at all this year.”",
    )
    quote = only(quotes, "young people")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Tomas Reyes"


@pytest.mark.parametrize(
    ("sentence", "first", "second", "second_speaker"),
    [
        (
            "Former mayor Ines Calder, who ran the port for a decade, agreed that the "
            "timetable should change, but she said that the vote should wait until the spring.",
            "timetable should change",
            "vote should wait",
            "she",
        ),
        (
            "Ruth Okoye stressed that the pier repairs were not finished, and harbour pilots "
            "warned that the channel was still too shallow for big ships.",
            "repairs were not finished",
            "too shallow",
            "harbour pilots",
        ),
    ],
)
def test_a_second_report_joined_by_and_or_but_is_its_own(
    nlp, sentence, first, second, second_speaker
):
    _, quotes = quotes_of(nlp, sentence)
    opening, closing = only(quotes, first), only(quotes, second)
    assert opening is not closing
    assert second not in opening.text
    assert closing.speaker is not None and closing.speaker.text == second_speaker


@pytest.mark.parametrize(
    ("paragraph", "containing", "speaker"),
    [
        pytest.param(
            "The new advert is short. “You work hard. You pay your fares. So why didn’t the "
            "ferry company pay its share?” a narrator in the union's advert asks.",
            "pay its share",
            "a narrator in the union's advert",
            id="prepositional phrase after a closing mark",
        ),
        pytest.param(
            "The ferry will not sail again before the spring storms are over, a spokesman "
            "for the harbour board said.",
            "spring storms",
            "a spokesman for the harbour board",
            id="prepositional phrase after a comma",
        ),
        pytest.param(
            "At the debate last week, Ana Ruiz, a senior adviser to the harbour board, called "
            "the mayor's speech “a true wake-up call” to the town.",
            "wake-up call",
            "Ana Ruiz",
            id="called after an apposition is no inverted cue",
        ),
        pytest.param(
            "Ines Calder smiled and asked the crowd to welcome the new captain of the ferry.",
            "welcome",
            "Ines Calder",
            id="second verb after and",
        ),
        pytest.param(
            "In a statement announcing the pick, the Ferry Workers Union called Ines Calder a "
            "“champion” for its members, citing her work after the storm.",
            "champion",
            "the Ferry Workers Union",
            id="a verb in the opening phrase is not the cue",
        ),
        pytest.param(
            "\"I've always hated the phrase 'harbour outreach,' \" he told the group, adding "
            "that the phrase makes the port sound like a stranger to the town.",
            "harbour outreach",
            "he",
            id="a straight mark between spaces closes the quote",
        ),
        pytest.param(
            'Ines Calder walked onto the quay, chanting "Open the port! Open the port!"',
            "Open the port!",
            "Ines Calder",
            id="an -ing cue right before the marks",
        ),
        pytest.param(
            "Small groups of dockers marched around the harbour office while chanting, "
            '"Open the port, feed the town."',
            "feed the town",
            "Small groups of dockers",
            id="while chanting: the subject of the sentence",
        ),
        pytest.param(
            "At his barbecue, the band leader called the harbour bosses to the stage, "
            'singing "It\'s Our Harbour Now."',
            "Our Harbour",
            "the band leader",
            id="a subject that is a common noun",
        ),
        pytest.param(
            "But some note that the ferry company, even as it says it wants a deal, has "
            "offered nothing new.",
            "offered nothing",
            "some",
            id="some note that",
        ),
        pytest.param(
            "Mayor Tomas Reyes, now the head of the council, who in 2019 said the port's most "
            "important goal was a new pier, stayed quiet.",
            "new pier",
            "who",
            id="a time between the speaker and the cue",
        ),
        pytest.param(
            "Prime Minister Anna May said this week that the country would formally leave "
            "the union by the end of March.",
            "leave the union",
            "Anna May",
            id="May is a name, not a modal",
        ),
        pytest.param(
            "Ana Ruiz, the chief executive of Nordline -- the ferry company that runs the "
            'night boats -- told me, "We do business with anyone who pays for a ticket."',
            "anyone who pays",
            "Ana Ruiz",
            id="the name before an aside between dashes",
        ),
        pytest.param(
            "KIRKWALL -- Mayor Tomas Reyes, opening the harbour museum on Saturday, said it "
            "would tell the island's story, one of “storms and harvests, of leaving and of "
            "coming home.”",
            "storms and harvests",
            "Tomas Reyes",
            id="after a dateline",
        ),
        pytest.param(
            "“The ferry rules make no sense. They are simply wrong,” said 9/11 widow Ruth Okoye.",
            "simply wrong",
            "Ruth Okoye",
            id="an inverted speaker that starts with a number",
        ),
        pytest.param(
            "Port director Elena Varga said the old pier was worth keeping because “most "
            "people have no idea how old it is,” she said. “We have no future here if we "
            "forget where we came from.”",
            "no future here",
            "she",
            id="the attribution of the quoted words just before",
        ),
        pytest.param(
            "“It is a warning to everyone on the island,” Councillor Ruth Okoye said. “If the "
            "ferry stops, nobody can get to the hospital in winter.\n\n"
            "“I have been thinking a lot about where we are as a town,” added Mayor Tomas "
            "Reyes, the head of the council. “We are used to storms.”",
            "thinking a lot",
            "Tomas Reyes",
            id="a new voice after a quote left open at a paragraph's end",
        ),
        pytest.param(
            "Tomas Reyes, a spokesman for the ferry workers, said the union expected sailings "
            "to improve at the harbour once the winter storms ended.",
            "sailings",
            "Tomas Reyes",
            id="an inverted speaker stops before a verb",
        ),
        pytest.param(
            "A harbour survey released in late August found that most islanders want the "
            "night ferry back.",
            "night ferry",
            "A harbour survey",
            id="a time after a participle is not the speaker",
        ),
        pytest.param(
            "Having said that, there are some fishermen who argue that the harbour fees should "
            "be very low or nothing at all.",
            "harbour fees",
            "who",
            id="having said that is a turn of phrase",
        ),
    ],
)
def test_who_speaks(nlp, paragraph, containing, speaker):
    _, quotes = quotes_of(nlp, paragraph)
    quote = only(quotes, containing)
    assert quote.speaker is not None and speaker in (quote.speaker.text, quote.speaker.name)


def test_what_could_be_said_is_no_report(nlp):
    _, quotes = quotes_of(
        nlp,
        "The police fear that sweeping arrests could add fuel to the anger in the harbour.",
    )
    assert all(q.cue is None or q.cue.text != "add" for q in quotes)


def test_a_quote_left_open_ends_where_a_sentence_opens_a_new_one(nlp):
    _, quotes = quotes_of(
        nlp,
        "“It is a warning to everyone on the island,” Councillor Ruth Okoye said. “If the "
        "ferry stops, nobody can get to the hospital in winter. “I have been thinking a "
        "lot about where we are as a town,” added Mayor Tomas Reyes. “We are used to it.”",
    )
    first, second = only(quotes, "hospital"), only(quotes, "thinking a lot")
    assert first is not second
    assert first.speaker is not None and "Ruth Okoye" in first.speaker.text
    assert second.speaker is not None and second.speaker.name == "Tomas Reyes"


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param(
            "Ana Ruiz reported from Kirkwall, and Tomas Reyes from the ferry terminal in Stromness.",
            id="reported from a place",
        ),
        pytest.param(
            "The two skippers taped an hourlong show that aired on Thursday and was light on news.",
            id="a show that aired",
        ),
        pytest.param(
            "A judge may set the summons aside because of Okoye's Fifth Amendment claims, and "
            "the council rarely pursues such cases.",
            id="a possessive's claims",
        ),
        pytest.param(
            "Stop sending the ferries out in storms. Now tell us this is not about money!",
            id="an imperative after now",
        ),
    ],
)
def test_words_of_saying_that_report_nothing(nlp, paragraph):
    _, quotes = quotes_of(nlp, paragraph)
    assert quotes == ()


def test_a_headline_reports_speech(nlp):
    document = parse_article(
        "Ferries Will Run All Winter, Harbour Master Ines Calder Says\n\n"
        "The island's ferries will keep sailing through the storm season this year."
    )
    quotes = analyse_document(document).quotes
    quote = only(quotes, "Ferries Will Run")
    assert quote.speaker is not None and "Ines Calder" in quote.speaker.text


def test_a_headline_that_names_its_speaker_before_a_colon(nlp):
    document = parse_article(
        "Ines Calder: Ferry Company Asking Council To Pay Winter Fuel Bill\n\n"
        "Harbour master Ines Calder has criticised the ferry company. Calder spoke at the "
        "quay on Monday."
    )
    quote = only(analyse_document(document).quotes, "Winter Fuel Bill")
    assert quote.text.startswith("Ferry Company")
    assert quote.speaker is not None and quote.speaker.name == "Ines Calder"


def test_a_follow_on_report_in_the_same_voice(nlp):
    _, quotes = quotes_of(
        nlp,
        "Sen. Ruth Okoye said she did not believe the new timetable had hurt the ferry, "
        "arguing that it was the winter storms that did the damage.",
    )
    first, second = only(quotes, "new timetable"), only(quotes, "winter storms")
    assert first is not second
    assert second.cue is not None and second.cue.text == "arguing"
    assert second.speaker is not None and second.speaker.name == "Ruth Okoye"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        pytest.param(
            "The night officer who stopped the ferry was not wearing a camera, police said.",
            "police",
            id="a collective noun without an article",
        ),
        pytest.param(
            "The latest test, the harbour office said, was its biggest yet, although it may "
            "take days to know how strong it was.",
            "the harbour office",
            id="a parenthetical cue",
        ),
    ],
)
def test_the_whole_report_around_its_attribution(nlp, sentence, speaker):
    quote = the_one_quote(nlp, sentence, speaker)
    assert quote.text.startswith("The ")
