"""What analysis finds in a Document: plain, frozen data with offsets into `Document.text`."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

# Summary length in sentences: shared by the summarizer and the pane's length chooser.
DEFAULT_SUMMARY_LENGTH = 3
MIN_SUMMARY_LENGTH = 1
MAX_SUMMARY_LENGTH = 10


class EntityGroup(StrEnum):
    """The groups a reader sees in the sidebar, in the order they are shown."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    GROUP = "group"
    EVENT = "event"
    DATE = "date"
    NUMBER = "number"
    THING = "thing"

    @property
    def plural_title(self) -> str:
        return _PLURAL_TITLES[self]


_PLURAL_TITLES = {
    EntityGroup.PERSON: "People",
    EntityGroup.ORGANIZATION: "Organizations",
    EntityGroup.PLACE: "Places",
    EntityGroup.GROUP: "Groups",
    EntityGroup.EVENT: "Events",
    EntityGroup.DATE: "Dates",
    EntityGroup.NUMBER: "Numbers",
    EntityGroup.THING: "Things",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """One place the article names an entity: `Document.text[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing the article talks about, with every mention located.

    `label` is the fine-grained model label (PERSON, GPE, NORP...), `group` what
    the reader sees. Mentions are sorted by position. `id` (set by `interpret`, see
    `identify`) stays the same when a correction renames or regroups the entity.
    `confidence` weighs the evidence (model votes, agreement across mentions,
    knowledge, context cues); an `uncertain` entity is shown apart from the main list.
    """

    name: str
    group: EntityGroup
    label: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    salience: float = 0.0
    id: str = ""
    # Ids of the reader's correction rules that changed this entity (see corrections.py).
    corrected: tuple[str, ...] = ()
    # How sure the evidence makes us (0..1); an uncertain entity is listed apart.
    confidence: float = 1.0
    uncertain: bool = False

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def key(self) -> str:
        """Identifies the entity within one analysis: its stable `id` when it has one,
        else group and name (names repeat across groups). Selections and highlights use it,
        so they survive a correction."""
        return self.id or f"{self.group.value}:{self.name}"

    @property
    def first_offset(self) -> int:
        return self.mentions[0].start if self.mentions else 0

    def mentions_within(self, start: int, end: int) -> tuple[Mention, ...]:
        """Mentions lying wholly inside [start, end): a bisection, no scan of them all."""
        first = bisect_left(self.mentions, start, key=lambda m: m.start)
        last = bisect_left(self.mentions, end, key=lambda m: m.start)
        return tuple(m for m in self.mentions[first:last] if m.end <= end)


_SPACES = re.compile(r"\s+")


def entity_id(entity: Entity) -> str:
    """A stable identity from what founded the entity, not from the name it is shown with.

    Group, normalised text and offsets of the first mention, as our rules produced
    them before any correction: the same annotations give the same ids, and no two
    entities share a first mention.
    """
    first = entity.mentions[0] if entity.mentions else Mention(0, 0, entity.name)
    text = _SPACES.sub(" ", first.text).strip().casefold()
    return f"{entity.group.value}:{text}@{first.start}-{first.end}"


def identify(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """The entities with their `id` set (kept where already set)."""
    return tuple(e if e.id else replace(e, id=entity_id(e)) for e in entities)


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence of the body chosen for the summary, located in `Document.text`."""

    start: int
    end: int
    text: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: the words as written, and the entity they refer to.

    `start`/`end`/`text` locate the mention the attribution uses (a pronoun stays a
    pronoun); `key` is the entity's `Entity.key`, or None when the article does not
    decide who it is; `name` is the entity's name, or the words as written.
    """

    start: int
    end: int
    text: str
    name: str
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Something the article reports someone said; `start`/`end` cover the content only.

    `kind` is "direct" (all in quotation marks), "mixed" (partly quoted) or
    "indirect" (reported speech); `cue` is the verb or phrase of saying.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: Speaker | None = None
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of `Document.text`: `text[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The date an article's "Tuesday" and "last week" count from.

    `source` says where it came from: "text" (a date line or dateline), "file" (the
    file's modification date, a guess) or "user" (set by the reader).
    """

    date: date
    source: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression with its TIMEX3 type and value.

    `type` is "date", "time", "duration" or "set"; `value` is TIMEX3 (`2013-03-22`,
    `2013-W11`, `P3D`, `XXXX-WXX-2`, `PAST_REF`...) resolved against the reference date.
    """

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number the article gives, with its unit and what it counts when the text says.

    `unit` is "count" for bare counts ("7,000 troops"), an ISO currency code ("USD"),
    "percent", or a unit name ("kilometre"); `high` is the upper end of a range;
    `conversion` the same amount in other units, when the text adds it in brackets.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    counted: Span | None = None
    high: float | None = None
    conversion: Span | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the sidebar and summary pane show for one document."""

    entities: tuple[Entity, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    model_name: str = ""
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    reference_date: ReferenceDate | None = None
    quotes: tuple[Quote, ...] = ()

    def entity_by_key(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)

    def quotes_by(self, key: str) -> tuple[Quote, ...]:
        """What the entity with this key said, in article order."""
        return tuple(q for q in self.quotes if q.speaker is not None and q.speaker.key == key)
