"""Quotations in single marks, read as the quote finder reads double ones.

British, Irish and Australian papers quote with single marks ('We will win,' she said) and
nest double marks inside; American ones do the reverse. The quote finder knows double marks,
so it is given a copy of the text, of the same length, in which the single marks that open
and close a quotation at the top level read as double ones. Single marks inside a
double-quoted passage are nested quotes and stay; apostrophes stay: "don't", "the players'
bus", "the '90s", "rock 'n' roll".
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.document import Document

_OPENING = "‘'"
_CLOSING = "’'"
# Before an opening mark: the start of the paragraph, a space, or an opening bracket or dash.
_BEFORE_OPENING = " \t([{—–-/"
# A closing mark that ends a quotation for sure: after the quotation's own punctuation, or
# before the sentence's.
_END_INSIDE = ".,!?…;:—–-"
_END_OUTSIDE = ",.;:!?)]—–-"
# Apostrophes that open a word: "the '90s", "'n'", "'em", "'til".
_ELISION = re.compile(r"\d0s\b|\d\d\b|n['’]|em\b|til\b|cause\b", re.IGNORECASE)
# Double-quoted passages, in which single marks are nested quotations.
_DOUBLE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_SPACED_CLOSING = re.compile(r"(['’]) \"(?=[\s,.;:!?]|$)")
_NESTED = {"“": "‘", "”": "’", '"': ""}


def as_double_quotes(text: str) -> str:
    """`text` with its top-level single quotation marks as double ones (same length)."""
    if ("'" not in text and "‘" not in text) or "''" in text:
        return text  # '' is an archive's double mark (the quote finder reads it as one)
    # "…it's going to hit the mountain,' " he said": the space set between a nested quote's
    # closing mark and the outer one goes after both, so the outer mark reads as closing.
    text = _SPACED_CLOSING.sub(r'\1" ', text)
    paragraphs = [(paragraph, _quotations(paragraph)) for paragraph in text.split("\n")]
    # The house style: single marks quote when they open more quotations than double ones
    # do; otherwise they are nested quotes, scare quotes or a headline's.
    singles = sum(len(found) for _, found in paragraphs)
    if singles <= len(_DOUBLE.findall(text)):
        return text
    chars = list(text)
    offset = 0
    for paragraph, found in paragraphs:
        for start, end in found:
            chars[offset + start] = "“"
            if end is None:
                continue
            chars[offset + end] = "”"
            # Double marks nested inside read as single ones, as in American style.
            opening = True
            for index in range(offset + start + 1, offset + end):
                if chars[index] in _NESTED:
                    chars[index] = _NESTED[chars[index]] or ("‘" if opening else "’")
                    opening = chars[index] == "’"
        offset += len(paragraph) + 1
    return "".join(chars)


def with_double_quotes(document: Document) -> Document:
    """`document` as the quote finder should read it (the same document when nothing changes)."""
    text = as_double_quotes(document.text)
    return document if text == document.text else replace(document, text=text)


def _quotations(paragraph: str) -> list[tuple[int, int | None]]:
    """(opening, closing) positions of the paragraph's single-quoted quotations; closing is
    None for one that runs on into the next paragraph, as a quotation of several does."""
    nested = [(m.start(), m.end()) for m in _DOUBLE.finditer(paragraph)]
    found: list[tuple[int, int | None]] = []
    position = 0
    while True:
        opening = _next_opening(paragraph, position, nested)
        if opening is None:
            return found
        following = _next_opening(paragraph, opening + 1, nested)
        closing = _closing(paragraph, opening + 1, following, nested)
        if closing is None:
            if following is None:
                if opening == 0 and len(paragraph.split()) >= 4:
                    found.append((opening, None))  # "'…" for a whole paragraph: it continues
                return found
            # "'… None paid enough. 'The loan …'": a quotation of several paragraphs on a
            # page that lost its breaks; the space before the next one closes this one.
            if paragraph[following - 1] == " " and len(paragraph[opening:following].split()) >= 4:
                found.append((opening, following - 1))
            position = following
            continue
        found.append((opening, closing))
        position = closing + 1


def _inside(position: int, nested: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in nested)


def _next_opening(paragraph: str, position: int, nested: list[tuple[int, int]]) -> int | None:
    for index in range(position, len(paragraph) - 1):
        if paragraph[index] not in _OPENING or _inside(index, nested):
            continue
        if index and paragraph[index - 1] not in _BEFORE_OPENING:
            continue  # inside a word: an apostrophe
        following = paragraph[index + 1]
        if following.isspace() or _ELISION.match(paragraph, index + 1):
            continue
        return index
    return None


def _closing(
    paragraph: str, position: int, following: int | None, nested: list[tuple[int, int]]
) -> int | None:
    """The mark that closes a quotation opened before `position`, looked for before the next
    quotation opens (at `following`): the first sure end, else the first mark that can close
    and is no plural's apostrophe ("the players' bus"), else the first that can close."""
    limit = len(paragraph) if following is None else following
    possible = []
    for index in range(position, limit):
        char = paragraph[index]
        if char not in _CLOSING or _inside(index, nested):
            continue
        before = paragraph[index - 1]
        after = paragraph[index + 1] if index + 1 < len(paragraph) else ""
        if before.isspace() or after.isalnum():
            continue  # an opening mark, or an apostrophe inside a word ("don't")
        if before in _END_INSIDE or after == "" or after in _END_OUTSIDE:
            return index
        possible.append(index)
    plain = [index for index in possible if paragraph[index - 1] not in "sS"]
    return (plain or possible or [None])[0]
