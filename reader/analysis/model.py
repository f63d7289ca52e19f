"""What analysis finds in a Document: plain, frozen data with offsets into `Document.text`."""

from __future__ import annotations

from dataclasses import dataclass
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
    the reader sees. Mentions are sorted by position.
    """

    name: str
    group: EntityGroup
    label: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    salience: float = 0.0

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def key(self) -> str:
        """Identifies the entity within one analysis (names repeat across groups)."""
        return f"{self.group.value}:{self.name}"

    @property
    def first_offset(self) -> int:
        return self.mentions[0].start if self.mentions else 0


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence of the body chosen for the summary, located in `Document.text`."""

    start: int
    end: int
    text: str
    score: float = 0.0


# A located piece of text (a quote's cue): the same shape as a Mention.
Span = Mention


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
class Analysis:
    """Everything the sidebar and summary pane show for one document."""

    entities: tuple[Entity, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    model_name: str = ""
    quotes: tuple[Quote, ...] = ()

    def entity_by_key(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)

    def quotes_by(self, key: str) -> tuple[Quote, ...]:
        """What the entity with this key said, in article order."""
        return tuple(q for q in self.quotes if q.speaker is not None and q.speaker.key == key)
