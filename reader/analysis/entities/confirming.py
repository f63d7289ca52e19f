"""Whether a name is confirmed by the article, and every place the article mentions it.

A name seen only in a Title Case heading must show up in the body (or be known);
once an entity stands, every further whole-word occurrence of its aliases is a mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from reader.analysis.entities.knowledge import TITLE_WORDS, is_given_name, known_label
from reader.analysis.entities.merging import surname, trusted
from reader.analysis.entities.spans import Candidate, Cluster, word_before
from reader.analysis.model import Mention
from reader.document import Block, Document


def aliases(cluster: Cluster) -> set[str]:
    return set(cluster.surfaces()) | cluster.extra_aliases


def confirmed(document: Document, blocks: Sequence[Block], cluster: Cluster) -> bool:
    """A name seen only in a Title Case heading must show up in the body, or be known;
    a word seen only after a title is no name when it is also a title's word."""
    if _title_word(document.text, cluster):
        return False
    if cluster.value or any(trusted(document, c.block) or c.dateline for c in cluster.candidates):
        return True
    if any(known_label(s) for s in cluster.surfaces()) or cluster.extra_aliases:
        return True
    pattern = alias_pattern(aliases(cluster))
    return any(
        trusted(document, b) and pattern.search(document.text, b.start, b.end) for b in blocks
    )


_FIRST_NAME_AFTER = "(?: ([A-Z][a-z]+) [A-Z])"


def _after_title(text: str, candidate: Candidate) -> bool:
    return word_before(text, candidate.start, candidate.block.start).lower() in TITLE_WORDS


def _title_word(text: str, cluster: Cluster) -> bool:
    """Whether a word only ever seen after a title ("former Miss Kestowland") is written
    elsewhere between the title and a full name ("Miss Kestowland Ines Calder"): part of
    the title, not a surname."""
    if " " in cluster.key or not all(c.titled or _after_title(text, c) for c in cluster.candidates):
        return False
    word = cluster.candidates[0].text
    pattern = re.compile(r"(?<![\w'’-])" + re.escape(word) + _FIRST_NAME_AFTER)
    return any(is_given_name(m[1]) for m in pattern.finditer(text))


def alias_pattern(names: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def _first_name(cluster: Cluster) -> str | None:
    """The known first name of a person's full name ("Alice" of "Alice Ruggles")."""
    full = [s for s in cluster.surfaces() if " " in s]
    first = full[0].split()[0] if full else ""
    if not is_given_name(first) or len(first) < 3 or known_label(first):
        return None  # "Jordan" of Jordan Kell may be the country too
    return first


def _search_aliases(cluster: Cluster, label: str, first_names: Counter[str]) -> set[str]:
    names = {a for a in aliases(cluster) if len(a) > 1}
    first = _first_name(cluster) if label == "PERSON" else None
    if first and first_names[first] == 1:
        names.add(first)  # "Alice said": the one Alice of the article
    if label == "PERSON":
        full = [a for a in names if " " in a]
        # The surname alone names the person after the first mention ("Khrenin said").
        for name in full:
            last = surname(name)
            if len(last) > 2 and last.split()[-1][:1].isupper():
                names.add(last)
                names.add(last[:1].upper() + last[1:])  # "De Vries" opening a sentence
    names |= {a.upper() for a in names if len(a) > 2}  # ALL-CAPS headlines
    return names


def locate(
    document: Document,
    blocks: Sequence[Block],
    clusters: Sequence[tuple[Cluster, str]],
    lower_words: frozenset[str] = frozenset(),
) -> dict[int, list[Mention]]:
    """Every mention: the model's, then each further whole-word occurrence of an alias.

    A person's first name alone is searched for only when one person has it and the
    article never writes it as an ordinary word ("Will", "May", "Hope").
    """
    text = document.text
    taken = bytearray(len(text))
    mentions: dict[int, list[Mention]] = {id(c): [] for c, _ in clusters}
    owner: dict[str, Cluster | None] = {}
    first_names = Counter(
        _first_name(c) for c, label in clusters if label == "PERSON" and _first_name(c)
    )
    for word in list(first_names):
        if word.lower() in lower_words:
            first_names[word] += 1  # as good as shared: never searched alone
    for cluster, label in clusters:
        for candidate in cluster.candidates:
            if 1 not in taken[candidate.start : candidate.end]:
                taken[candidate.start : candidate.end] = b"\1" * (candidate.end - candidate.start)
                mentions[id(cluster)].append(
                    Mention(candidate.start, candidate.end, candidate.text)
                )
        if cluster.value:
            continue
        for alias in _search_aliases(cluster, label, first_names):
            # An alias two entities share names neither for sure.
            owner[alias] = None if owner.get(alias, cluster) is not cluster else cluster
    searchable = {a: c for a, c in owner.items() if c is not None}
    if searchable:
        pattern = alias_pattern(searchable)
        for block in blocks:
            for match in pattern.finditer(text, block.start, block.end):
                start, end = match.span()
                if 1 in taken[start:end]:
                    continue
                taken[start:end] = b"\1" * (end - start)
                mentions[id(searchable[match.group()])].append(Mention(start, end, match.group()))
    return mentions
