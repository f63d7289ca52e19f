"""A user's search text → a safe FTS5 query, and the entity names it asks for.

Whatever a user types (quotes, `'`, `;`, `--`, `*`, `NEAR`, unbalanced quotes) becomes
a query of quoted terms, so FTS5 never sees an operator the user did not mean: words,
"phrases" and prefix* terms, all required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTITY = re.compile(r'entity:\s*(?:"([^"]*)"?|(\S+))', re.IGNORECASE)
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
# What unicode61 treats as part of a word; everything else only separates words.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """`fts` is an FTS5 MATCH expression ("" when there are no words); `entities` names."""

    fts: str
    entities: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.fts and not self.entities


def parse_query(text: str) -> ParsedQuery:
    entities = []
    for match in _ENTITY.finditer(text):
        name = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        if name:
            entities.append(name)
    rest = _ENTITY.sub(" ", text)
    terms = []
    for match in _TOKEN.finditer(rest):
        if match.group(1) is not None:
            words = _WORD.findall(match.group(1))
            if words:
                terms.append(_quoted(" ".join(words)))
            continue
        token = match.group(2)
        prefix = token.endswith("*")
        words = _WORD.findall(token)
        if not words:
            continue
        # "U.S." or "e-mail" are one term of several words: a phrase.
        term = _quoted(" ".join(words))
        terms.append(term + "*" if prefix else term)
    return ParsedQuery(" ".join(terms), tuple(entities))


def _quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'
