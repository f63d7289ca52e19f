"""Snippets of an article around the words a search matched, made from the stored text.

The full-text index ranks; the few hits shown get their snippet here, so a search never
unpacks more texts than it shows. Matching follows the index's tokenizer (unicode61 with
diacritics removed): case and accents do not matter, words are runs of letters and digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# A search term: its words (folded) and whether the last one is a prefix.
Term = tuple[tuple[str, ...], bool]

CONTEXT_BEFORE = 60
SNIPPET_CHARS = 180


def fold(text: str) -> str:
    """Lower case without accents (as the index compares words)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Each unaccented Latin letter and the accented letters that fold to it."""
    variants: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char.lower():
            variants[base] = variants.get(base, "") + char
    return variants


def _letter(char: str) -> str:
    others = _accented().get(char, "")
    return f"[{re.escape(char)}{others}]" if others else re.escape(char)


def term_pattern(terms: Sequence[Term]) -> re.Pattern[str] | None:
    """One regular expression for all terms, matching the raw text without folding it."""
    parts = []
    for words, prefix in terms:
        if not words:
            continue
        body = r"[\W_]+".join("".join(_letter(c) for c in fold(w)) for w in words)
        parts.append(r"(?<![^\W_])" + body + (r"[^\W_]*" if prefix else r"(?![^\W_])"))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def make_snippet(text: str, pattern: re.Pattern[str] | None, start: str, end: str) -> str:
    """About SNIPPET_CHARS of `text` around its best cluster of matches, each wrapped in
    `start`…`end`; the opening of the text when nothing matches."""
    spans = [m.span() for m in pattern.finditer(text)] if pattern else []
    if spans:
        # The window that holds the most matches, preferring the earliest.
        best = max(
            spans, key=lambda s: sum(1 for o in spans if s[0] <= o[0] < s[0] + SNIPPET_CHARS)
        )
        begin = _word_start(text, max(0, best[0] - CONTEXT_BEFORE))
    else:
        begin = 0
    finish = _word_end(text, min(len(text), begin + SNIPPET_CHARS))
    out = ["…" if begin > 0 else ""]
    position = begin
    for s, e in spans:
        if s < begin or e > finish:
            continue
        out += [text[position:s], start, text[s:e], end]
        position = e
    out += [text[position:finish], "…" if finish < len(text) else ""]
    return " ".join("".join(out).split("\n"))


def _word_start(text: str, index: int) -> int:
    while 0 < index < len(text) and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index
