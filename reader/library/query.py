"""A user's search text → a safe FTS5 query, and the entity names it asks for.

Whatever a user types (quotes, `'`, `;`, `--`, `*`, `NEAR`, unbalanced quotes) becomes
a query of quoted terms, so FTS5 never sees an operator the user did not mean: words,
"phrases" and prefix* terms, all required.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# entity:"Any Name", or entity:Name followed by more capitalised words (a shell drops the
# quotes of entity:"Viktor Khrenin"): the longest run that names an entity is the name.
_ENTITY = re.compile(r'entity:\s*(?:"([^"]*)"?|([^\s"]+(?:\s+[A-Z][^\s"]*)*))', re.IGNORECASE)
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
# What unicode61 treats as part of a word; everything else only separates words.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """`fts` is an FTS5 MATCH expression ("" when there are no words); `entities` names."""

    fts: str
    entities: tuple[str, ...]
    terms: tuple[tuple[tuple[str, ...], bool], ...] = ()  # (words, last is a prefix)

    @property
    def empty(self) -> bool:
        return not self.fts and not self.entities


def parse_query(text: str, is_name: Callable[[str], bool] | None = None) -> ParsedQuery:
    """Parse a user's query; `is_name` says whether the library knows an entity by a name."""
    entities = []
    leftovers = []
    for match in _ENTITY.finditer(text):
        if match.group(1) is not None:
            name = match.group(1).strip()
        else:
            words = match.group(2).split()
            size = next(
                (n for n in range(len(words), 0, -1) if is_name and is_name(" ".join(words[:n]))),
                1,
            )
            name = " ".join(words[:size])
            leftovers += words[size:]
        if name:
            entities.append(name)
    rest = " ".join([_ENTITY.sub(" ", text), *leftovers])
    fts_terms = []
    terms = []
    for match in _TOKEN.finditer(rest):
        quoted = match.group(1) is not None
        token = match.group(1) if quoted else match.group(2)
        # "U.S." or "e-mail" are one term of several words: a phrase.
        words = _WORD.findall(token)
        if not words:
            continue
        prefix = not quoted and token.endswith("*")
        fts_terms.append(_quoted(" ".join(words)) + ("*" if prefix else ""))
        terms.append((tuple(words), prefix))
    return ParsedQuery(" ".join(fts_terms), tuple(entities), tuple(terms))


def _quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def any_phrase(names: Iterable[str]) -> str:
    """An FTS5 query for texts that contain any of `names` as a phrase ("" for none)."""
    phrases = {" ".join(words) for name in names if (words := _WORD.findall(name))}
    return " OR ".join(_quoted(p) for p in sorted(phrases))
