"""Speakers: a speaker as written joined to the entity it names, where the article decides it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reader.analysis.model import Entity, EntityGroup, Span, Speaker
from reader.analysis.quotes.attribution import _MAX_SPEAKER_WORDS, _after_opening_phrase
from reader.analysis.quotes.pronouns import PRONOUNS, _compatible
from reader.analysis.quotes.words import (
    _BE,
    _BETWEEN,
    _CLAUSE_BREAKS,
    _DETERMINERS,
    _ORG_ROLES,
    _PERSON_ROLES,
    _RELATIVES,
    _SPEAKER_WORDS,
    _is_word,
    _tokens,
)
from reader.document.spans import SpanIndex

_SPEAKER_GROUPS = (
    EntityGroup.PERSON,
    EntityGroup.ORGANIZATION,
    EntityGroup.GROUP,
    EntityGroup.PLACE,  # "Japan said": a country speaks through its government
)


def _is_person(speaker: Speaker | None) -> bool:
    if speaker is None:
        return False
    return speaker.key is not None and speaker.key.startswith(EntityGroup.PERSON.value + ":")


def _subject(text: str, start: int, quote_at: int, resolver: _Resolver) -> Speaker | None:
    """Who the sentence at `start` is about, before its quote opens at `quote_at`.

    The phrase that opens the sentence (after "In an interview," and the like): a
    pronoun, a name, or a determiner and its noun ("The two senators"); else the first
    person or organization named before the quotation marks.
    """
    tokens = _tokens(text, start, quote_at)
    first = _after_opening_phrase(tokens, len(tokens))
    if first >= len(tokens):
        return None
    head = tokens[first]
    if head[2].lower() in _SPEAKER_WORDS - _RELATIVES:
        return resolver.speaker(Span(head[0], head[1], head[2]))
    mention = resolver.mention_at(head[0]) or resolver.first_mention(head[0], quote_at)
    if mention is not None and mention[0] == head[0]:
        return resolver.speaker(Span(mention[0], mention[1], text[mention[0] : mention[1]]))
    if head[2].lower() in _DETERMINERS - {"that", "this"}:
        last = first
        while (
            last + 1 < len(tokens)
            and last + 1 - first < _MAX_SPEAKER_WORDS
            and _is_word(tokens[last + 1][2])
            and tokens[last + 1][2].lower() not in _BE | _BETWEEN | _CLAUSE_BREAKS
            and not tokens[last + 1][2].lower().endswith("ed")
        ):
            last += 1
        if last > first:
            return resolver.speaker(Span(head[0], tokens[last][1], text[head[0] : tokens[last][1]]))
    if mention is None:
        return None
    return resolver.speaker(Span(mention[0], mention[1], text[mention[0] : mention[1]]))


class _Resolver:
    """Joins a speaker as written to the entity it names, where the article decides it."""

    def __init__(
        self,
        text: str,
        paragraphs: list[tuple[int, int]],
        entities: Sequence[Entity],
        sentences: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.paragraph_index = SpanIndex.of(paragraphs)
        self.sentences = SpanIndex.of(sorted(set(sentences)))
        self.entities = [e for e in entities if e.group in _SPEAKER_GROUPS]
        self.index = SpanIndex((m.start, m.end, e) for e in self.entities for m in e.mentions)
        self.holders: dict[str, Entity | None] = {}

    def paragraph_of(self, offset: int) -> int | None:
        """The position in `paragraphs` of the paragraph holding `offset`, if one does."""
        row = self.paragraph_index.containing(offset)
        return None if row is None else self.paragraph_index.payloads[row]

    def _within(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions overlapping [start, end), in text order."""
        index = self.index
        return [
            (index.starts[k], index.ends[k], index.payloads[k])
            for k in index.overlapping(start, end)
        ]

    def mention_at(self, offset: int) -> tuple[int, int] | None:
        """The mention of a possible speaker (places too) that starts at `offset`."""
        found = [(s, e) for s, e, _ in self._within(offset, offset + 1) if s == offset]
        return found[0] if found else None

    def first_mention(self, start: int, end: int) -> tuple[int, int] | None:
        """The first person or organization mention within [start, end), if any."""
        for s, e, entity in self._within(start, end):
            if start <= s and e <= end and entity.group in _SPEAKER_GROUPS[:2]:
                return s, e
        return None

    def speaker(self, span: Span) -> Speaker:
        entity = self._resolve(span)
        if entity is None:
            return Speaker(span.start, span.end, span.text, span.text, None)
        return Speaker(span.start, span.end, span.text, entity.name, entity.key)

    def _resolve(self, span: Span) -> Entity | None:
        whole = self._ending_at(span.start, span.end)
        if whole is not None:  # "The Ministry of Transport" names the ministry itself
            return whole
        head_end = re.search(r" (?:of|in|at|from|for) ", span.text)
        if head_end is not None:  # "Mr. Morgan of the Sierra Club" is Morgan
            span = Span(span.start, span.start + head_end.start(), span.text[: head_end.start()])
        words = span.text.split()
        head = words[-1].lower().strip(".,’'") if words else ""
        named = self._within(span.start, span.end)
        if named:
            # "Varga's office said" names Varga but is not Varga: the head must be the name.
            for _s, e_, entity in named:
                if span.end - len(words[-1]) <= e_ <= span.end + 1:
                    return entity
            return None
        if head in ("he", "she"):
            return self._nearest(span.start, lambda e: _compatible(e, PRONOUNS[head]))
        if head in _RELATIVES:
            return self._antecedent(span.start)
        if head in ("it", "they") or (head in _ORG_ROLES and len(words) > 1):
            return self._nearest(span.start, lambda e: e.group is EntityGroup.ORGANIZATION)
        if head in _PERSON_ROLES and len(words) > 1 and words[0].lower() in ("the", "a"):
            if head not in self.holders:
                self.holders[head] = self._role_holder(head)
            return self.holders[head]
        return None

    def _ending_at(self, start: int, end: int) -> Entity | None:
        """The entity whose one mention covers [start, end) up to its end, titles aside."""
        for s, e, entity in self._within(start, end):
            if e == end and s >= start and not re.search(r"(?:^|\s)[a-z]", self.text[start:s]):
                return entity
        return None

    def _nearest(self, offset: int, fits: Callable[[Entity], bool]) -> Entity | None:
        """The one fitting entity named before `offset`: in its sentence, else the sentence
        before in its paragraph, else its paragraph (else an earlier one). Where two fit,
        no one: "Neville was scathing when he said …" is Neville even in a paragraph of
        many men, but "Neville met Carver. He said …" is no one's to guess."""
        index = self.paragraph_of(offset)
        if index is None:
            return None
        row = self.sentences.containing(offset)
        if row is not None:
            p_start = self.paragraphs[index][0]
            start = self.sentences.starts[row]
            for begin, end in ((start, offset), (self._sentence_before(row, p_start), start)):
                if begin is None or begin < p_start:
                    break
                found = self._fitting(begin, end, fits)
                if len(found) == 1:
                    return found[0]
                if found:
                    return None
        for back in range(index, max(-1, index - 4), -1):
            p_start, p_end = self.paragraphs[back]
            limit = min(offset, p_end)
            found: list[Entity] = []
            for s, e, entity in self._within(p_start, limit):
                if p_start <= s and e <= limit and fits(entity) and entity not in found:
                    found.append(entity)
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                return None
        return None

    def _sentence_before(self, row: int, paragraph_start: int) -> int | None:
        if row == 0 or self.sentences.starts[row - 1] < paragraph_start:
            return None
        return self.sentences.starts[row - 1]

    def _fitting(self, start: int, end: int, fits: Callable[[Entity], bool]) -> list[Entity]:
        found: list[Entity] = []
        for s, e, entity in self._within(start, end):
            if start <= s and e <= end and fits(entity) and entity not in found:
                found.append(entity)
        return found

    def _antecedent(self, offset: int) -> Entity | None:
        """ "Varga, who …": the entity named just before the relative pronoun."""
        before = [item for item in self._within(offset - 4, offset) if item[1] <= offset]
        return before[-1][2] if before else None

    def _role_holder(self, role: str) -> Entity | None:
        holders = []
        for s, entity in zip(self.index.starts, self.index.payloads, strict=True):
            if entity.group is not EntityGroup.PERSON:
                continue
            near = self.text[max(0, s - 40) : s].lower()
            if re.search(rf"\b{role}\b", near) and entity not in holders:
                holders.append(entity)
        return holders[0] if len(holders) == 1 else None
