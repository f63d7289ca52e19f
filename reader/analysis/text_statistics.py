"""Word statistics for comparing sentences: content words and tf-idf vectors, pure numpy."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# Function words carry no topic: two sentences sharing "the" and "said" are not alike.
_STOP_WORDS_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once one only or
    other our ours ourselves out over own said same say says she should so some such than that
    the their theirs them themselves then there these they this those through to too two under
    until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def content_words(text: str) -> list[str]:
    """Lower-cased words of `text` without function words or possessive endings, in order."""
    words = (_POSSESSIVE.sub("", m.group().lower()) for m in _WORD.finditer(text))
    return [w for w in words if w not in STOP_WORDS]


def tfidf_vectors(documents: Sequence[Sequence[str]]) -> np.ndarray:
    """Unit-length tf-idf rows, one per word list; idf is taken over these lists alone.

    Rows of lists without words are all zeros, so they resemble nothing.
    """
    vocabulary: dict[str, int] = {}
    for words in documents:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    counts = np.zeros((len(documents), max(1, len(vocabulary))))
    for row, words in enumerate(documents):
        for word in words:
            counts[row, vocabulary[word]] += 1
    frequency = np.count_nonzero(counts, axis=0)
    # Smoothed idf: a word in every sentence still counts a little.
    weights = counts * (np.log((1 + len(documents)) / (1 + frequency)) + 1)
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.divide(weights, norms, out=np.zeros_like(weights), where=norms > 0)
