"""Each job of reader.analysis.entities on its own spans: cleaning, labels, merging,
confidence and ranking, without the rest of the pipeline and without a model.
"""

from __future__ import annotations

from reader.analysis.entities.confidence import confidence, lower_case_words
from reader.analysis.entities.labels import label_of
from reader.analysis.entities.merging import cluster, merge_all
from reader.analysis.entities.ranking import LEAD_WEIGHT, block_weights
from reader.analysis.entities.spans import RawSpan, clean
from reader.analysis.model import Mention
from reader.document import BlockKind, parse_article

TEXT = (
    "Ferry Fares Rise\n\n"
    "Minister Ola Brandt said fares would rise. Brandt blamed fuel.\n\n"
    "Harbourline agreed. Later, Brandt met Harbourline staff in Tallinn.\n\n"
    "Quiet settled over the port."
)


def candidates_of(document, *pairs):
    found = []
    for surface, label in pairs:
        start = document.text.index(surface)
        block = next(b for b in document.blocks if b.start <= start < b.end)
        found += clean(document, RawSpan(start, start + len(surface), label), block)
    return found


def test_clean_cuts_the_title_and_remembers_it():
    document = parse_article(TEXT)
    [candidate] = candidates_of(document, ("Minister Ola Brandt", "ORG"))
    assert candidate.text == "Ola Brandt"
    assert candidate.titled and candidate.label == "PERSON"


def test_labels_weigh_a_country_list_above_the_model():
    document = parse_article(TEXT)
    clusters = cluster(candidates_of(document, ("Tallinn", "ORG")))
    assert label_of(clusters["tallinn"]) == "GPE"


def test_merging_puts_a_surname_under_its_person():
    document = parse_article(TEXT)
    found = candidates_of(document, ("Minister Ola Brandt", "PERSON"), ("Brandt blamed", "ORG"))
    clusters = cluster(found)
    assert set(clusters) == {"ola brandt", "brandt"}
    merge_all(document, document.blocks, clusters)
    assert set(clusters) == {"ola brandt"}
    assert label_of(clusters["ola brandt"]) == "PERSON"


def test_confidence_doubts_an_ordinary_word_opening_a_sentence():
    document = parse_article(TEXT)
    clusters = cluster(candidates_of(document, ("Quiet", "ORG"), ("Harbourline agreed", "ORG")))
    words = lower_case_words(document.text)
    quiet = clusters["quiet"]
    harbour = clusters["harbourline"]
    mention = [Mention(c.start, c.end, c.text) for c in quiet.candidates]
    assert confidence(document.text, quiet, "ORG", mention, words) < 0.5
    # Found again in mid-sentence ("met Harbourline staff"): a name after all.
    again = document.text.index("Harbourline staff")
    mentions = [Mention(c.start, c.end, c.text) for c in harbour.candidates]
    assert confidence(document.text, harbour, "ORG", mentions, words) < 0.5
    mentions.append(Mention(again, again + 11, "Harbourline"))
    assert confidence(document.text, harbour, "ORG", mentions, words) >= 0.5


def test_ranking_weighs_the_title_and_the_lead_most():
    document = parse_article(TEXT)
    weights = dict(zip(document.blocks, block_weights(document.blocks), strict=True))
    title = document.blocks_of(BlockKind.TITLE)[0]
    paragraphs = document.blocks_of(BlockKind.PARAGRAPH)
    assert weights[title] > weights[paragraphs[0]] == LEAD_WEIGHT > weights[paragraphs[-1]]
