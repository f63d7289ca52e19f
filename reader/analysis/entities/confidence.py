"""How far the evidence lets a reader trust an entity, from 0 to 1.

The evidence: how many times the model tagged the name and how well its votes agree,
what knowledge and context say (a country list, a first name, "President" before it,
"a ... missile" after it), and two warnings: a single capitalised word seen only at
the start of sentences ("Magician", "Homophobia") is often an ordinary word, and so is
a word the article also writes in lower case, or an adjective English never uses as a
noun ("Tragic", "Earthen"). Below `UNCERTAIN_BELOW` an entity is
listed apart, as uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.entities.knowledge import (
    ORG_WORDS,
    SKY_PLACES,
    is_adjective,
    is_world_place,
    known_label,
)
from reader.analysis.entities.labels import looks_like_person, votes
from reader.analysis.entities.spans import Cluster, opens_sentence
from reader.analysis.model import Mention

UNCERTAIN_BELOW = 0.5
# A continent's adjective ("European markets", "African leaders") names no people as a
# nationality does; the plural noun ("Europeans") does.
_CONTINENTAL = re.compile(
    r"(?:(?:Central|Eastern|Western|Northern|Southern) )?(?:European|Asian|African)"
)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][\w'’]*(?![\w-])")


def confidence(
    text: str,
    cluster: Cluster,
    label: str,
    mentions: Sequence[Mention],
    lower_words: frozenset[str],
) -> float:
    """The entity's confidence from its evidence (see the module docstring).

    `lower_words` are the article's `lower_case_words`.
    """
    if cluster.value:
        return 1.0
    tally = votes(cluster)
    total = sum(tally.values())
    agreement = 1.0 if cluster.forced_label or not total else tally[label] / total
    tagged = len(cluster.candidates)
    surfaces = cluster.surfaces()
    multiword = any(" " in s for s in surfaces)
    supported = (
        any(known_label(s) or is_world_place(s) or s.lower() in SKY_PLACES for s in surfaces)
        or any(c.titled or c.cue or c.scored or c.dateline for c in cluster.candidates)
        or bool(cluster.extra_aliases)
        or cluster.forced_label is not None
        or (label == "PERSON" and any(looks_like_person(s) for s in surfaces))
    )
    score = 0.35 + 0.25 * agreement + min(0.2, 0.07 * tagged) + min(0.1, 0.02 * len(mentions))
    score += 0.1 * multiword + 0.15 * supported
    if not multiword and any(s.lower() in ORG_WORDS for s in surfaces):
        supported = False  # "the Trust", "the Council": a word standing in for a name
        score -= 0.25
    if label == "NORP" and all(_CONTINENTAL.fullmatch(s) for s in surfaces):
        score = min(score, UNCERTAIN_BELOW - 0.1)
    if not multiword and not supported:
        # Every mention, the model's and those found after: one capitalised in mid-sentence
        # says it is a name.
        if all(opens_sentence(text, m.start) for m in mentions):
            score -= 0.3
        if any(s[:1].isupper() and s.lower() in lower_words for s in surfaces):
            score -= 0.25
        if all(is_adjective(s) for s in surfaces):
            score -= 0.3  # "Tragic: ..." or "Earthen materials": an adjective, not a name
    return round(max(0.0, min(1.0, score)), 3)


def lower_case_words(text: str) -> frozenset[str]:
    """Every word the article writes in lower case: read once, asked of each entity."""
    return frozenset(_LOWER_WORD.findall(text))
