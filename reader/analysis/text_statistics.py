"""Word statistics for comparing sentences: content words, tf-idf vectors, centrality."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = ("'s", "’s")
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
    words = (w[:-2] if w.endswith(_POSSESSIVE) else w for w in _WORD.findall(text.lower()))
    return [w for w in words if w not in STOP_WORDS]


def tfidf_vectors(documents: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length tf-idf vectors, one per word list; idf is taken over these lists alone.

    Sparse (word -> weight) so that a book-length file costs memory in proportion to its
    words; a list without words gives an empty vector, which resembles nothing.
    """
    frequency = Counter(word for words in documents for word in set(words))
    total = len(documents)
    vectors: list[dict[str, float]] = []
    for words in documents:
        # Smoothed idf: a word in every sentence still counts a little.
        weights = {
            word: count * (math.log((1 + total) / (1 + frequency[word])) + 1)
            for word, count in Counter(words).items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors.append({word: w / norm for word, w in weights.items()} if norm else {})
    return vectors


def cosine(first: dict[str, float], second: dict[str, float]) -> float:
    """Cosine similarity of two unit-length sparse vectors."""
    if len(second) < len(first):
        first, second = second, first
    return sum(weight * second.get(word, 0.0) for word, weight in first.items())


def centrality(vectors: Sequence[dict[str, float]]) -> np.ndarray:
    """Cosine of each vector with the sum of all the others: how typical it is of the text."""
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    total_norm2 = sum(w * w for w in total.values())
    result = np.zeros(len(vectors))
    for index, vector in enumerate(vectors):
        own_norm2 = sum(w * w for w in vector.values())
        with_total = sum(w * total[word] for word, w in vector.items())
        rest_norm2 = total_norm2 - 2 * with_total + own_norm2
        if rest_norm2 > 1e-12:
            result[index] = (with_total - own_norm2) / math.sqrt(rest_norm2)
    return result
