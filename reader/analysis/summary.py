"""The generated summary: the body sentences that best carry the story, in article order.

Extractive and deterministic, and built on the strongest prior in news: the story comes
first. The summary is the lead (the first body sentences), departing from it only on
strong evidence:

- page furniture is never taken, even when that leaves the summary short: photo captions
  and credits glued into the text ("(pictured)", "Scroll down for video"), bylines and time stamps
  ("By . Daily Mail Reporter .", "PUBLISHED: ... UPDATED: ..."), the site's calls to action
  ("Share this with your friends", "Join our newsletter"), lines with hardly any lower-case
  words (prose has function words; names, dates and credits do not);
- a fragment (a line broken mid-sentence by a scraper, with no closing punctuation) is taken
  only after the whole sentences;
- a quotation of several sentences is one unit, taken whole or not at all;
- a near-repeat of a sentence already taken is skipped;
- a lead sentence that is a voice rather than the story told (a quotation, a question the
  writer asks) gives way to the most central sentence not yet taken, but only when that one
  is clearly more central: it shares clearly more of the article's main words (tf-idf cosine
  with the rest of the body) and names at least as much of its main people, places and
  organizations. Scene-setting openings are not second-guessed: telling them from a plain
  lead by their shape alone lost more than it won on outside news.

A dateline at a sentence's start ("LAGOS (Reuters) - ", "(CNN)") is left out of the chosen
span, as is a byline and time stamp glued before it; the chosen span stays a span of
`Document.text`. There are no learned weights: every departure from the lead is a rule, and
bench/eval_summary.py --folds 5 shows it beside the plain lead on each fifth of outside news.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from reader.analysis.model import (
    DEFAULT_SUMMARY_LENGTH,
    MAX_SUMMARY_LENGTH,
    MIN_SUMMARY_LENGTH,
    Entity,
    SummarySentence,
)
from reader.analysis.text_statistics import centrality, content_words, cosine, tfidf_vectors
from reader.document import BlockKind, Document, dateline_length
from reader.document.spans import SpanIndex

DEFAULT_LENGTH = DEFAULT_SUMMARY_LENGTH
MIN_LENGTH = MIN_SUMMARY_LENGTH
MAX_LENGTH = MAX_SUMMARY_LENGTH
MIN_WORDS = 6
# Prose has function words: a "sentence" with fewer lower-case words is a name, a date or a credit.
MIN_LOWER_WORDS = 3
# How much more central a sentence must be to displace a lead voice, as a share of the
# most central sentence's centrality.
CLEAR_MARGIN = 0.2
# How far into a sentence a byline and time stamp may run before the dateline.
PREFIX_CHARS = 160
# tf-idf cosine above which two sentences say the same thing.
DUPLICATE_SIMILARITY = 0.5

_QUOTES = ('"', "“", "‘", "'", "«", "„")
_FURNITURE = re.compile(
    r"^(?:by\s*\.|(?:published|updated|posted)\s*:|last\s+updated\s+(?:at|on)\b|scroll\s+down\s+for\b|\|)"
    r"|\b(?:daily\s+mail\s+reporter|for\s+mailonline|for\s+the\s+daily\s+mail|getty\s+images)\b"
    r"|\((?:[^()]{0,40}\s)?(?:pictured|not\s+pictured|file\s+photo|stock\s+(?:image|photo)|"
    r"posed\s+by\s+models?|artist'?s\s+impression|left|right|centre|center|above|below)\)"
    r"|\(?(?:photo|picture|image)s?\s*:"
    r"|\b(?:share\s+this\s+with|like\s+us\s+on|like\s+on\s+facebook|share\s+on\s+(?:facebook|twitter)|"
    r"join\s+our\s+newsletter|sign\s+up\s+(?:for|to)\s+our|click\s+here\s+to|follow\s+us\s+on)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


def summarize(
    document: Document,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity] = (),
    length: int = DEFAULT_LENGTH,
) -> tuple[SummarySentence, ...]:
    """Pick up to `length` (clamped to 1..10) body sentences, returned in article order.

    `sentences` are (start, end) spans into `document.text` from the sentence splitter;
    only those inside paragraphs with at least MIN_WORDS words qualify. `entities` may be
    empty; their salience (or, lacking it, their mention counts) decides, with the words,
    whether a sentence is clearly more central than a lead quotation or question.
    """
    length = min(MAX_LENGTH, max(MIN_LENGTH, length))
    candidates = body_sentences(document, sentences)
    if not candidates:
        return ()
    vectors = tfidf_vectors([content_words(c.text) for c in candidates])
    central = _scaled(centrality(vectors))
    named = _entity_weight(candidates, entities)
    # Read only for the sentences the choice reaches (a long article's all would cost more
    # than the rest of the summary).
    furniture = functools.cache(lambda i: is_furniture(candidates[i].text))
    fragment = [not _SENTENCE_END.search(c.text) for c in candidates]
    voice = [_is_voice(c.text) for c in candidates]

    def repeats(index: int, chosen: Sequence[int]) -> bool:
        return any(
            cosine(vectors[index], vectors[other]) > DUPLICATE_SIMILARITY for other in chosen
        )

    # The lead, whole sentences before fragments; furniture never.
    chosen: list[int] = []
    for index in sorted(range(len(candidates)), key=lambda i: (fragment[i], i)):
        if not furniture(index) and not repeats(index, chosen):
            chosen.append(index)
            if len(chosen) == length:
                break
    # A quotation or question in the lead gives way to a clearly more central sentence:
    # the most central one (the earliest of equals) that may stand in for it.
    by_centrality = sorted(range(len(candidates)), key=lambda i: (-central[i], i))
    for slot, index in enumerate(list(chosen)):
        if not voice[index]:
            continue
        others = [chosen[k] for k in range(len(chosen)) if k != slot]
        best = next(
            (
                i
                for i in by_centrality
                if i not in chosen
                and not (fragment[i] or voice[i] or furniture(i))
                and not repeats(i, others)
            ),
            None,
        )
        if (
            best is not None
            and central[best] > central[index] + CLEAR_MARGIN
            and named[best] >= named[index]
        ):
            chosen[slot] = best
    return tuple(_without_dateline(candidates[i], central[i]) for i in sorted(chosen))


def body_sentences(
    document: Document, sentences: Sequence[tuple[int, int]]
) -> list[SummarySentence]:
    """The sentences that may enter a summary (unscored), trimmed of whitespace, in order.

    A sentence that ends inside an open quotation is joined to the ones that finish it, so
    a summary never shows half of what someone said.
    """
    paragraphs = document.blocks_of(BlockKind.PARAGRAPH)
    within = SpanIndex((block.start, block.end, block) for block in paragraphs)
    candidates: list[SummarySentence] = []
    for raw_start, raw_end in _quotations_whole(document.text, sorted(set(sentences))):
        raw = document.text[raw_start:raw_end]
        start = raw_start + len(raw) - len(raw.lstrip())
        end = max(start, raw_end - len(raw) + len(raw.rstrip()))
        text = document.text[start:end]
        if len(text.split()) < MIN_WORDS:
            continue
        row = within.containing(start)
        if row is not None and end <= within.ends[row]:
            candidates.append(SummarySentence(start, end, text))
    return candidates


def _quotations_whole(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with a quotation's later sentences joined to the one that opens it.

    The join stops at a paragraph break: a quotation that runs on into the next paragraph
    reopens its marks there, and an unclosed mark must not swallow the article.
    """
    joined: list[tuple[int, int]] = []
    open_quote = False
    for start, end in spans:
        if open_quote and joined and "\n" not in text[joined[-1][1] : start]:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
        open_quote = _leaves_quote_open(text[joined[-1][0] : joined[-1][1]])
    return joined


def _leaves_quote_open(sentence: str) -> bool:
    """More opening than closing double marks (curly), or an odd number of straight ones."""
    curly_open = sentence.count("“") + sentence.count("«")
    curly_close = sentence.count("”") + sentence.count("»")
    return curly_open > curly_close or sentence.count('"') % 2 == 1


def is_furniture(text: str) -> bool:
    """A caption, credit, byline or time stamp rather than a sentence of the story."""
    return bool(_FURNITURE.search(text)) or len(_LOWER_WORD.findall(text)) < MIN_LOWER_WORDS


def _without_dateline(sentence: SummarySentence, score: float) -> SummarySentence:
    """The sentence from where its story begins, when enough of a sentence remains."""
    cut = _story_offset(sentence.text)
    rest = sentence.text[cut:]
    if cut and len(rest.split()) >= MIN_WORDS:
        start = sentence.start + cut + len(rest) - len(rest.lstrip())
        return SummarySentence(start, sentence.end, rest.lstrip(), score)
    return SummarySentence(sentence.start, sentence.end, sentence.text, score)


def _story_offset(text: str) -> int:
    """Past a leading dateline, or past a byline and time stamp glued before one
    ("By Ana Reyes, CNN Updated 0412 GMT (CNN) -- "); 0 when the text starts with the story."""
    cut = dateline_length(text)
    if cut:
        return cut
    for opening, char in enumerate(text[:PREFIX_CHARS]):
        if char != "(":
            continue
        # Names, times and dates have hardly any lower-case words; the story's words do.
        if len(_LOWER_WORD.findall(text[:opening])) >= MIN_LOWER_WORDS:
            return 0
        length = dateline_length(text[opening:])
        if length:
            return opening + length
    return 0


def _scaled(values: np.ndarray) -> np.ndarray:
    """Values divided by their maximum, so the strongest is 1 (all zeros stay zeros)."""
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else values


def _entity_weight(candidates: Sequence[SummarySentence], entities: Sequence[Entity]) -> np.ndarray:
    """Summed weight of the entities each sentence mentions, scaled so the most is 1."""
    weight = np.zeros(len(candidates))
    importance = [e.salience for e in entities]
    if not any(importance):
        importance = [float(e.count) for e in entities]
    top = max(importance, default=0.0)
    if top <= 0:
        return weight
    sentences = SpanIndex.of((c.start, c.end) for c in candidates)  # in order: row = position
    for entity, value in zip(entities, importance, strict=True):
        for mention in entity.mentions:
            row = sentences.containing(mention.start)
            if row is not None and mention.end <= sentences.ends[row]:
                weight[row] += value / top
    return _scaled(weight)


def _is_voice(text: str) -> bool:
    """A quotation, or a question the writer asks: a voice, not the story told."""
    # A question after a colon or closing a quotation ("... the query: Will you come?",
    # "... ask 'are you well?'") is reported, not asked.
    return text.startswith(_QUOTES) or (text.endswith("?") and ":" not in text)
