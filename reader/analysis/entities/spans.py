"""Cleaning one span the model tagged: from its edges to a name a reader would write.

Titles ("Defence Minister"), possessives, bullets and quotes come off; a span that runs
over a sentence break, repeats a word glued from a headline, or is page furniture
("Share on Facebook", "Climate &") is cut down or dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis.entities.knowledge import (
    CLUB_WORDS,
    FURNITURE_WORDS,
    GEO_HEADS,
    NAME_PARTICLES,
    ORG_WORDS,
    SENTENCE_ADVERBS,
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    is_adjective,
    is_given_name,
    is_world_place,
    known_label,
    words_set,
)
from reader.analysis.model import EntityGroup
from reader.document import Block, BlockKind, Document
from reader.document.spans import SpanIndex

GROUP_OF_LABEL = {
    "PERSON": EntityGroup.PERSON,
    "ORG": EntityGroup.ORGANIZATION,
    "GPE": EntityGroup.PLACE,
    "LOC": EntityGroup.PLACE,
    "FAC": EntityGroup.PLACE,
    "NORP": EntityGroup.GROUP,
    "EVENT": EntityGroup.EVENT,
    "DATE": EntityGroup.DATE,
    "TIME": EntityGroup.DATE,
    "CARDINAL": EntityGroup.NUMBER,
    "QUANTITY": EntityGroup.NUMBER,
    "MONEY": EntityGroup.NUMBER,
    "PERCENT": EntityGroup.NUMBER,
    "ORDINAL": EntityGroup.NUMBER,
    "PRODUCT": EntityGroup.THING,
    "WORK_OF_ART": EntityGroup.THING,
    "LAW": EntityGroup.THING,
    "LANGUAGE": EntityGroup.THING,
}
VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})

_APPROXIMATORS = re.compile(
    r"^(?:about|around|nearly|almost|some|roughly|approximately|over|under|only|just|"
    r"more than|less than|fewer than|up to|at least|at most|an estimated|as many as)\s+",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tomorrow)\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|July|September|"
    r"October|November|December"
)
# A month with its day or year: a date, whatever the model called it.
WHOLE_DATE = re.compile(
    rf"{_MONTH} (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?\d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?"
)
_TRAILING_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros)\.)$")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_JUNK = " \t,;:!?\"'“”‘’()[]{}<>•·*#|/\\-–—_=+~"
# "X in the Barents Sea": a ship and a sea read as one name.
_IN_PLACE = re.compile(r"^(?P<left>.+?) in (?:the )?(?P<right>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)$")
# A sentence ends inside the span: 'team?"He', 'said. Then' (not "Dr. Ruiz", "St. Louis").
# A spaced dash sets a name apart from what follows ("Romania - Ana Dias ( 31st )").
_BREAK = re.compile(r"[?!\n()]|[\"“”](?=\w)|(?<=\w)[\"“”]|(?<=[a-z]{4})\.\s| [-–—]+ ")
# 'Trimaan "Harry" Dhillon': a nickname in quotes inside a person's name.
NICKNAME = re.compile(r"[A-Z][\w'’-]+ [\"“](?P<nick>[A-Z][\w'’-]+)[\"”] [A-Z][\w'’-]+")
# Digits glued to a word ("1.7Mshares") come from page counters, not names.
_COUNTER = re.compile(
    r"\d[\d.,]*[KkMm]?(?:shares|views|likes|comments|followers|subscribers|retweets)", re.I
)
_HALF_PAIR = re.compile(r"^\s*&|&\s*$|\s(?:and|of|for|the)$")
# How names of peoples end: Chechen, Sunni, Kurdish, Congolese, Tajik, Ossetian.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:en|an|i|ish|ese|ic|ik|ek)$")
_SURNAME_AFTER = re.compile(r" ([A-Z][a-z][\w'’-]+)(?![\w'’-]| [A-Z])")
# A score after a name: "Riverton 3", "Hillshire 210-6" (not a year or a date: "2003-02-11").
_SCORE = r"\d{1,3}(?:-\d{1,3})?(?![\d.,:%-])"
SCORE_AFTER = re.compile(r" " + _SCORE)
# A results line names two sides with their scores: "Riverton 3 Lakeside 1",
# "Hillshire 210 and 95 , Dalesford 301 .".
_SIDE_SCORED = re.compile(r"(?<![\w.'’-])(?P<side>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*) " + _SCORE)
# "A. Dale 69": a player's initial, then a score, in a scorecard.
_INITIAL = re.compile(r"[A-Z]\.")
# A standings row: one side and its record, "Lakeside 4 1 0 3 7 8 3", "FENBURY 75 60 .556 -".
_TABLE_ROW_LINE = re.compile(
    r"(?P<side>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)(?: (?:[-+]?\d[\d,/]*(?:\.\d+)?|\.\d+|-)){3,}"
    r" ?\.?"
)
# A fixture: two sides and "v", "vs" or "at" between them ("Kirkbride v Allerby").
_FIXTURE_LINE = re.compile(
    r"(?P<home>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*) (?:v|vs\.?|AT) "
    r"(?P<away>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*) ?\.?"
)
# A wire dateline: the place in capitals, then a date, the agency or a dash
# ("OSLO 2003-02-11", "OSLO (Reuters) -", "OSLO, Feb 11 (AFP) -", "OSLO - ").
_DATELINE_PLACE = re.compile(
    r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
    r"(?=,? \d{4}-\d\d-\d\d|,? \(|, [A-Z][a-z]+\.? \d| [-–—]{1,2} )"
)
_GLUED_ARTICLES = frozenset({"The"})
_FUNCTION_ONLY = frozenset({"the", "a", "an", "of", "and", "in", "on", "at", "for", "to", "by"})
# A match score after a name ("Lithuania 2-1"): no part of it, unlike "Apollo 11".
_SCORE_WORD = re.compile(r"\d{1,2}-\d{1,2}")
_ROMAN = re.compile(r"[IVXL]{2,4}")
# What may stand between a sentence's end and its first word: spaces, opening marks, bullets.
_SENTENCE_OPENERS = " \t\"'“‘([-–—•*"
ROLE_WORDS = TITLE_WORDS | TITLE_QUALIFIERS
WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True, slots=True)
class RawSpan:
    """An entity span as the model tagged it, in `Document.text` offsets."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class Candidate:
    """One cleaned span: a mention of some entity, with what its context says."""

    start: int
    end: int
    text: str
    label: str
    block: Block
    cue: str | None = None  # a label the context votes for
    titled: bool = False  # a role word stood before it: surely a person
    scored: bool = False  # a score follows it in a results line: a team
    dateline: bool = False  # the place a wire story was filed from: "OSLO (Reuters) -"
    owns_company: bool = False  # "X's chief executive", "X's shareholders": not a person


@dataclass(slots=True)
class Cluster:
    """The candidates taken for one real-world thing, and what the merges settled."""

    key: str
    value: bool  # a date or number: never searched for again
    candidates: list[Candidate] = field(default_factory=list)
    extra_aliases: set[str] = field(default_factory=set)
    preferred_name: str | None = None
    forced_label: str | None = None

    def surfaces(self) -> Counter[str]:
        return Counter(c.text for c in self.candidates)


# "Austin, TX", "Washington, D.C.": a city and its state's code are one place.
_STATE_CODE = re.compile(r"[A-Z]\.?[A-Z]\.?")
# A state as newspapers abbreviate it: "Ala.", "Calif.", "Mass."
_STATE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.")
# "French" + "Alps", "European" + "Commission": a nationality the model tagged apart.
_QUALIFIED = frozenset({"LOC", "FAC", "ORG"})


# Compass words before a region's name ("the mountains of the North Kessel"); after a
# people's adjective they start a name of their own: "Muslim" + "North Caucasus".
_COMPASS = r"North|South|East|West|Northern|Southern|Eastern|Western|Central"
_COMPASS_WORD = re.compile(rf"(?:{_COMPASS}) ")


def join_qualified(text: str, spans: Sequence[RawSpan]) -> list[RawSpan]:
    """One span for a nationality word and the place or body it names ("French Alps"),
    and for a city and its state code ("Washington, DC")."""
    joined: list[RawSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == "NORP"
            and span.label in _QUALIFIED
            and text[last.end : span.start] == " "
            and not _COMPASS_WORD.match(text, span.start)
            and text[span.start : span.start + 1].isupper()
        ):
            joined[-1] = RawSpan(last.start, span.end, span.label)
        elif (
            last is not None
            and last.label == span.label == "GPE"
            and text[last.end : span.start] == ", "
            and _STATE_CODE.fullmatch(text, span.start, span.end)
        ):
            joined[-1] = RawSpan(last.start, span.end, "GPE")  # "Washington, DC"
        else:
            joined.append(span)
    return [
        _with_derby(text, _with_club(text, _with_named_body(text, span, following)))
        for span, following in _pairs(joined)
    ]


_DERBY_AFTER = re.compile(r" (derby|derbies)\b")


def _with_derby(text: str, span: RawSpan) -> RawSpan:
    """A derby is named by its places and the word: "the Kestow-Ormsby derby" is one event."""
    if span.label in VALUE_LABELS:
        return span
    after = _DERBY_AFTER.match(text, span.end)
    return RawSpan(span.start, after.end(), "EVENT") if after else span


_CLUB_AFTER = re.compile(r" ([A-Z][A-Za-z]+)\b(?![’'-])")


def _with_club(text: str, span: RawSpan) -> RawSpan:
    """A town and the club word after it the model left out are the club's name:
    "Kestow" + "United" is Kestow United, an organization (not "Mexico City", a place)."""
    if span.label not in ("GPE", "LOC", "ORG"):
        return span
    after = _CLUB_AFTER.match(text, span.end)
    if not after or after[1].lower() not in CLUB_WORDS:
        return span
    name = text[span.start : after.end(1)]
    if known_label(name) or is_world_place(name):
        return span
    return RawSpan(span.start, after.end(1), "ORG")


def _pairs(spans: list[RawSpan]) -> list[tuple[RawSpan, int]]:
    """Each span and where the next one starts (or the text's end)."""
    starts = [s.start for s in spans[1:]] + [1 << 62]
    return list(zip(spans, starts, strict=False))


# Capitalised words after a nationality, with "of"/"for" inside: "Collective of Workers".
_NAME_RUN = re.compile(
    r" (?P<run>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*"
    r"(?: (?:of|for) (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)?)"
)


def _with_named_body(text: str, span: RawSpan, limit: int) -> RawSpan:
    """A nationality that opens a body's name the model left untagged: "Welsh Guild of
    Weavers", "Nordic Rowing Federation" are one organization, not a people."""
    if span.label != "NORP" and known_label(text[span.start : span.end]) != "NORP":
        return span  # the model may call "English" a language
    found = _NAME_RUN.match(text, span.end, limit)
    if not found or "\n" in found.group():
        return span
    end = found.end()
    possessive = re.search(r"['’]s?(?= |$)", found["run"])
    if possessive:  # "Guild of Weavers' Rights": the name ends at its possessive
        end = found.start("run") + possessive.start()
    run = text[found.start("run") : end]
    words = run.split()
    if any(w.lower() in TITLE_WORDS for w in words):
        return span  # "British Prime Minister": a role, not a body
    last = words[-1].lower()
    if last in GEO_HEADS:
        return RawSpan(span.start, end, "LOC")  # "Nordic Sea"
    if last in ORG_WORDS or " of " in run or " for " in run:
        return RawSpan(span.start, end, "ORG")
    return span


def clean(document: Document, span: RawSpan, block: Block) -> list[Candidate]:
    """The candidates one model span stands for: usually one, none for junk, two for 'X in Y'."""
    start, end = trim(document.text, span.start, span.end)
    label = span.label
    if start >= end:
        return []
    text = document.text[start:end]
    if label in VALUE_LABELS:
        approx = _APPROXIMATORS.match(text)
        while approx and approx.end() < len(text):
            start += approx.end()
            text = document.text[start:end]
            approx = _APPROXIMATORS.match(text)
        if _COUNTER.search(text):
            return []  # "1.7Mshares": a share counter
        if label in ("DATE", "TIME") and not _DATE_WORD.search(text):
            return []  # "the weekend", "years": nothing a reader can look up
        return [Candidate(start, end, text, label, block)]
    if WHOLE_DATE.fullmatch(text):
        return [Candidate(start, end, text, "DATE", block)]  # "July 2010" tagged as a body
    if not NICKNAME.search(text):
        pieces = _BREAK.split(text)
        if len(pieces) > 1:
            offset = start + text.index(pieces[0])
            return clean(document, RawSpan(offset, offset + len(pieces[0]), label), block)
    if text.lower() in _FUNCTION_ONLY or len(text) < 2:
        return []  # "The" of a shouted headline's "THE LIGHTS", "I"
    honorific = _INNER_HONORIFIC.search(text)
    if honorific:  # "Patient A. Ms Hamilton": a sentence the model ran on, then a name
        return clean(document, RawSpan(start + honorific.start(1), end, label), block)
    if _HALF_PAIR.search(text):
        return []  # "Climate &" of a heading "Climate & Energy": half a pair, not a name
    start, end = _trim_words(document.text, start, end)
    verb = _inner_lower_word(document.text, start, end, label in _TITLED_WORKS)
    if verb is not None:
        # "Trump accused Holt": two names and the verb between them, not one name.
        return _both_sides(document, label, block, (start, verb.start()), (verb.end(), end))
    if label == "PERSON":
        start, end = _without_caption_adjective(document.text, start, end)
    rank = _RANK.search(document.text, start, end)
    if rank and (rank["number"] or _RANK_NUMBER.match(document.text, end)):
        start, end = trim(document.text, start, rank.start())  # "world No 4": a ranking
    sides = line_sides(document.text, block)[1]
    side = next(((s, e) for s, e in sides if s <= start < e), None)
    if side:  # "Hillshire 210", "Kestow 3 Allerby" in a results line: the side alone
        end = min(end, side[1])
    if start >= end or _furniture(document.text, start, end):
        return []
    text = document.text[start:end]
    if text[:4].lower() == "the " and known_label(text) is None and label != "WORK_OF_ART":
        start += 4
        text = text[4:]
    start, end, titled = _strip_title(document.text, start, end)
    end = _with_surname(document.text, start, end, block.end)
    text = document.text[start:end]
    if start >= end or not any(w[:1].isupper() for w in text.split()):
        return []  # all lower case: "the government", not a name
    if known_label(text) is None and all(w.lower().strip(".") in ROLE_WORDS for w in text.split()):
        return []  # "Defence" of "Defence Minister X", or "President" alone
    words = text.split()
    if (
        len(words) == 2
        and known_label(words[1]) == "NORP"
        and _DEMONYM.search(words[0])
        and not is_given_name(words[0])
    ):
        # "Chechen Muslim": two groups side by side, not one person.
        second = start + text.index(words[1], len(words[0]))
        return [
            Candidate(start, start + len(words[0]), words[0], "NORP", block),
            Candidate(second, second + len(words[1]), words[1], "NORP", block),
        ]
    first = known_label(words[0]) if 3 <= len(words) <= 4 else None
    placed = first == "GPE" and word_before(document.text, start) in _PLACE_PREPOSITIONS
    if (
        (first == "NORP" or placed)
        and is_given_name(words[1])
        and all(w[:1].isupper() and w.lower() not in ORG_WORDS for w in words[2:])
    ):
        # "American Dana Hollis": a nationality, then the person it describes; "envoy to
        # Kenya Dana Hollis": a place, then the person there.
        rest = start + text.index(words[1], len(words[0]))
        return [
            Candidate(start, start + len(words[0]), words[0], first, block),
            Candidate(rest, end, text[rest - start :], "PERSON", block),
        ]
    colon = text.find(": ")
    if colon > 0 and label not in _TITLED_WORKS:
        # "National Interests: The Human Rights Council": a run-in heading, then a name
        return _both_sides(document, label, block, (start, start + colon), (start + colon + 2, end))
    slash = _SLASH.search(text)
    if slash:  # "(Getty/Instagram)": two credits; "AC/DC" stays one
        return _both_sides(
            document, label, block, (start, start + slash.start()), (start + slash.end(), end)
        )
    comma = text.find(", ")
    if comma > 0 and label not in _TITLED_WORKS and not _qualifier(text[comma + 2 :]):
        # "Scopa, Ombra": two names in a list the model read as one.
        return _both_sides(document, label, block, (start, start + comma), (start + comma + 2, end))
    split = _IN_PLACE.match(text)
    if (
        split
        and not _body_in_country(split, label)
        and (
            split["right"].split()[-1].lower() in GEO_HEADS or known_label(split["right"]) == "GPE"
        )
    ):
        right_start = start + split.start("right")
        return [
            *clean(document, RawSpan(start, start + split.end("left"), label), block),
            Candidate(right_start, end, split["right"], "LOC", block),
        ]
    return [Candidate(start, end, text, "PERSON" if titled else label, block, titled=titled)]


# Titles of works keep their small words: "Make Your Kid a Millionaire".
_TITLED_WORKS = frozenset({"WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
_WORK_WORDS = words_set(
    "a an to with from into as is be or nor but over under vs via per than up out off "
    "about after before without within upon"
)
# Lower-case words a name may hold: "Bank of England", "Anna de Vries", "Trinidad and Tobago".
_INNER_WORDS = (
    _FUNCTION_ONLY
    | NAME_PARTICLES
    | {"upon", "y", "e", "und", "et", "des", "du"}
    # "Raqqa is Being Slaughtered Silently": a group named by a sentence
    | {"is", "are", "was", "were", "be", "been", "being", "not"}
)


def _without_caption_adjective(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's name less an adjective glued after it from a caption: "Dana Hollis
    Pictured", "Ines Calder Signed"."""
    words = list(WORD.finditer(text, start, end))
    last = words[-1].group() if words else ""
    if len(words) > 2 and is_given_name(words[0].group()) and _caption_word(last):
        return start, words[-2].end()
    return start, end


def _caption_word(word: str) -> bool:
    """A participle a caption glues on ("Pictured", "Signed"); not "Jr.", nor the "Laden" of
    "Osama bin Laden"."""
    return word.endswith("ed") and word.isalpha() and not word.isupper() and is_adjective(word)


def _inner_lower_word(text: str, start: int, end: int, work: bool) -> re.Match[str] | None:
    """A lower-case word inside a name that no name holds: a verb between two names. A
    title of a work holds more small words ("Who Wants to Be a Millionaire")."""
    allowed = _INNER_WORDS | _WORK_WORDS if work else _INNER_WORDS
    words = list(WORD.finditer(text, start, end))
    for word in words[1:-1]:
        if _lower(word) and word.group().isalpha() and word.group() not in allowed:
            return word
    return None


_INNER_HONORIFIC = re.compile(r"(?<=\S) ((?:Mr|Mrs|Ms|Dr)\.? [A-Z])")
_SLASH = re.compile(r"(?<=[A-Za-z]{3})/(?=[A-Z][A-Za-z]{2})")
_RANK = re.compile(r"(?<![\w'’-])(?:[Ww]orld )?No\.?(?P<number> ?\d+)?$")
_RANK_NUMBER = re.compile(r" ?\d")
_SUFFIX = re.compile(r"(?:Jr|Sr|Inc|Ltd|LLC|PLC)\.?|I{1,3}|IV")


def _both_sides(
    document: Document, label: str, block: Block, left: tuple[int, int], right: tuple[int, int]
) -> list[Candidate]:
    """The candidates of two spans that the model read as one."""
    return [
        *clean(document, RawSpan(*left, label), block),
        *clean(document, RawSpan(*right, label), block),
    ]


def _qualifier(right: str) -> bool:
    """Whether what follows a comma in a name qualifies it, as a place's state or country
    ("Charlotte, N.C.", "Dayton, Ohio") or a generation or company suffix ("Jr.", "Inc")."""
    return bool(
        _SUFFIX.fullmatch(right)
        or _STATE_CODE.fullmatch(right)
        or _STATE_ABBREVIATION.fullmatch(right)
        or known_label(right) == "GPE"
        or is_world_place(right)
    )


_PLACE_PREPOSITIONS = words_set("to in of from")


def _body_in_country(split: re.Match[str], label: str) -> bool:
    """Whether "X in Y" is one body's name: "Organisation for Security and Cooperation in
    Europe", "Doctors for Peace in Chile". A body names its country without "the" after a
    Title Case name of its own; a thing found in a place ("the Kursk in the Barents Sea")
    is written with "the" or named in one word."""
    if label != "ORG" or " in the " in split.group():
        return False
    left = split["left"].split()
    return len(left) > 1 and known_label(split["right"]) == "GPE"


def results_line(text: str, block: Block) -> bool:
    """Whether the block reads as sports results: two sides, each with its score, a
    standings row (one side and its record) or a fixture ("Kirkbride v Allerby")."""
    return bool(line_sides(text, block)[1])


@lru_cache(maxsize=1024)  # asked once per candidate: of each block, once
def line_sides(text: str, block: Block) -> tuple[str, tuple[tuple[int, int], ...]]:
    """What kind of results line the block is ("scores", "standings", "fixture", or "")
    and where its sides are named."""
    end = block.end
    while end > block.start and text[end - 1].isspace():
        end -= 1
    for kind, line in (("standings", _TABLE_ROW_LINE), ("fixture", _FIXTURE_LINE)):
        match = line.fullmatch(text, block.start, end)
        if match:
            groups = [g for g in ("side", "home", "away") if g in match.groupdict()]
            return kind, tuple(match.span(g) for g in groups)
    sides = tuple(m.span("side") for m in _SIDE_SCORED.finditer(text, block.start, block.end))
    return ("scores", sides) if len(sides) >= 2 else ("", ())


def results_sides(text: str, blocks: Sequence[Block]) -> list[RawSpan]:
    """Each side named in a results line ("Riverton 3 Lakeside 1"), a standings row or
    a fixture: a team, tagged by the model or not. Not a player known by an initial
    ("A. Dale 69"), nor a country."""
    found = []
    for block in blocks:
        for start, end in line_sides(text, block)[1]:
            name = text[start:end]
            if not _INITIAL.match(name) and known_label(name) != "GPE":
                found.append(RawSpan(start, end, "ORG"))
    return found


# A registered company's name: capitalised words, then Inc, Corp, Ltd, Plc, Co...
_CORPORATE_SUFFIX = r"(?:Inc|Corp|Ltd|Plc|PLC|LLC|Co|AG|NV|GmbH)\b"
_COMPANY = re.compile(
    r"(?<![\w'’.&-])(?:(?!" + _CORPORATE_SUFFIX + r")"  # a word, not a suffix: dots inside
    r"(?:[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*|[A-Z][a-z]?\.)(?: & | of | ))+"  # or "St."
     + _CORPORATE_SUFFIX + r"\.?"
)
# "Oslo-based Norvik Fish Corp": the words up to "-based" say where it is, not its name.
_DESCRIBED = re.compile(r".*-(?:based|owned|led|controlled|listed|registered) ")


def company_spans(text: str, blocks: Sequence[Block], spans: Sequence[RawSpan]) -> list[RawSpan]:
    """`spans` with every registered company name written out ("Norvik Fish Corp"), in
    place of the pieces the model made of it; "The" before it is not part of it."""
    found = []
    starts = {s.start for s in spans}
    for block in blocks:
        for match in _COMPANY.finditer(text, block.start, block.end):
            described = _DESCRIBED.match(match.group())
            start = match.start() + (described.end() if described else 0)
            start += 4 if text.startswith("The ", start) else 0
            name = text[start : match.end()]
            if " of " in name and (start not in starts or is_given_name(name.split()[0])):
                # "Shares of Acme Corp", "Ana Dias of Acme Corp": the name starts after "of"
                start += name.rindex(" of ") + 4
            if " " in text[start : match.end()]:
                found.append(RawSpan(start, match.end(), "ORG"))
    if not found:
        return list(spans)
    kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return kept + found


# Heads that make a Title Case run a place in running text ("shares fell on Wall Street",
# "ferries cross the Kell Strait"); not "Park", "Hall", "Lake", "Bay": surnames too.
_PLACE_HEAD = (
    r"Street|Road|Avenue|Square|Airport|Station|Stadium|Arena|Sea|Ocean|River|Gulf|"
    r"Strait|Valley|Desert|Peninsula|Canal|Islands?"
)
# Heads that make it a body ("their Harbour League fixtures", "the Tidal Energy Commission")
# and heads that make it a law ("under the Coastal Access Act").
_ORG_HEADS = words_set(
    "league party commission council committee union association federation institute "
    "university ministry agency foundation corporation authority alliance coalition"
)
_LAW_HEADS = words_set("act law treaty convention accord directive amendment")
_ORG_HEAD = "|".join(sorted(w.title() for w in _ORG_HEADS))
_LAW_HEAD = "|".join(sorted(w.title() for w in _LAW_HEADS))
_TITLE_WORD = r"[A-Z][a-z][\w'’-]*"
# Mid-sentence: after a lower-case word, a comma or a dash, the name's capitals are its own.
_MID_SENTENCE = r"(?:(?<=[a-z,] )|(?<= [-–—] ))"
_UNTAGGED = re.compile(
    _MID_SENTENCE
    + rf"(?P<name>(?:{_TITLE_WORD} ){{1,3}}(?P<head>{_PLACE_HEAD}|{_ORG_HEAD}|{_LAW_HEAD})"
    + rf"|(?P<compass>{_COMPASS}) {_TITLE_WORD}|(?P<given>{_TITLE_WORD}) {_TITLE_WORD})"
    + r"(?![\w'’-]| [A-Z])"
)


def untagged_names(
    text: str,
    blocks: Sequence[Block],
    spans: Sequence[RawSpan],
    lower_words: frozenset[str] = frozenset(),
) -> list[RawSpan]:
    """`spans` with the names of running text the model left untagged, where their own
    words say what they are: a place's, a body's or a law's head word ("Kell Strait",
    "Harbour League", "Coastal Access Act"), a compass word before a region ("North
    Kessel"), a known first name before a surname ("Mira Oddvar")."""
    found = []
    tagged = SpanIndex.of((s.start, s.end) for s in spans)
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            continue  # a Title Case heading capitalises every word
        for match in _UNTAGGED.finditer(text, block.start, block.end):
            start, end = match.span("name")
            if tagged.overlapping(start, end) or _after_name(text, start):
                continue
            label = _untagged_label(match, lower_words)
            if label is not None:
                found.append(RawSpan(start, end, label))
    return [*spans, *found]


# Capitalised words before a name that are not part of it: "The", "In" opening a sentence.
_OPENERS = words_set("the a an in on at for from to by with of and but as after before")


def word_before(text: str, offset: int, floor: int = 0) -> str:
    """The word before `offset`, across spaces but no further back than `floor`: where a
    title, a preposition or a people's adjective is read; "" when none stands there."""
    if offset <= floor or not text[offset - 1].isspace():
        return ""
    words = text[max(floor, offset - 40) : offset].rsplit(None, 1)
    return words[-1] if words else ""


def _after_name(text: str, start: int) -> bool:
    """Whether the word before `start` is capitalised too, so the run may be the tail of a
    longer name ("Mira Oddvar Hansen" seen from "Oddvar"); a people's adjective is not
    ("the mainly Kesh North Vale republic")."""
    word = word_before(text, start)
    if word.endswith(("'s", "’s")):
        return False  # "Kessia's Water Act": the owner's name, then the law's
    return word[:1].isupper() and word.lower() not in _OPENERS and known_label(word) != "NORP"


def _untagged_label(match: re.Match[str], lower_words: frozenset[str]) -> str | None:
    words = match.group("name").split()
    if match.group("head"):
        head = match.group("head")
        if head.lower() in _ORG_HEADS:
            return "ORG"
        if head.lower() in _LAW_HEADS:
            return "LAW"
        return "LOC" if head.lower() in GEO_HEADS else "FAC"
    if any(w.lower() in ORG_WORDS or w.lower() in GEO_HEADS for w in words):
        return None  # "North Harbour Group" ends in a word the heads above did not take
    if words[-1].lower() in lower_words:
        return None  # "Western Woman": the article writes "woman" as an ordinary word
    if match.group("compass"):
        return "LOC"
    first, last = words
    person = is_given_name(first) and not is_given_name(last) and last.lower() not in TITLE_WORDS
    return "PERSON" if person and not known_label(first) else None


def dateline_places(text: str, blocks: Sequence[Block]) -> list[RawSpan]:
    """The place each dateline names, whether or not the model tagged it: a line opening
    in capitals with a date or an agency after is where the story was filed."""
    found = []
    for block in blocks:
        match = _DATELINE_PLACE.match(text, block.start, block.end)
        if match and len(match.group()) > 2:
            name = match.group().title()
            if known_label(name) == "GPE" or is_world_place(name):
                found.append(RawSpan(match.start(), match.end(), "GPE"))
    return found


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop bullets, quotes and punctuation at the edges, and a possessive 's."""
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while start < end:
        possessive = _POSSESSIVE.search(text, start, end)
        if possessive:
            end = possessive.start()
        elif text[end - 1] in _EDGE_JUNK or (
            text[end - 1] == "." and not _TRAILING_ABBREV.search(text, start, end)
        ):
            end -= 1
        else:
            break
    return start, end


def _trim_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Lower-case words at the edges are not the name: 'this Aberdeen team', 'Mars billions ago'.

    A particle before a capital stays ("de Vries"); so does "of" inside a name
    ("University of Oxford"). An "-winning" tail comes off "Grammy Award-winning", and
    a word glued twice from a headline ("Sunderland Sunderland") counts once.
    """
    words = list(WORD.finditer(text, start, end))
    phone = next((i for i, w in enumerate(words) if i and text[w.start() - 1] == "+"), None)
    if phone is not None:
        words = words[:phone]  # "Oslo Newsroom +47 22 11": a phone number after a name
    if len(words) > 1 and _ROMAN.fullmatch(words[0].group()):
        words.pop(0)  # "starting XI McInnes would select": the team sheet's XI, then a name
    while len(words) > 1 and _lower(words[0]):
        if words[0].group().lower() in NAME_PARTICLES and words[1].group()[:1].isupper():
            break
        words.pop(0)
    if (
        len(words) > 1
        and words[0].group().lower() in SENTENCE_ADVERBS
        and words[1].group()[:1].isupper()
        and opens_sentence(text, words[0].start())
    ):
        words.pop(0)  # "Later Marcus Delgado walked out": the sentence's adverb, then a name
    while len(words) > 1 and (
        (
            _lower(words[-1])
            and not _numeric(words[-1])
            and not _DERBY_AFTER.fullmatch(" " + words[-1].group())
        )
        or words[-1].group() in _GLUED_ARTICLES
        or _SCORE_WORD.fullmatch(words[-1].group())
    ):
        words.pop()  # "Mars billions of years ago", "Leeds United The" (a glued headline)
    if not words:
        return start, start
    start, end = words[0].start(), words[-1].end()
    tail = _ADJECTIVE_TAIL.search(text, start, end)
    if tail and text[start:end][:1].isupper():
        end = tail.start()
    if len(words) == 2 and words[0].group() == words[1].group():
        end = words[0].end()
    return trim(text, start, end)


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of its sentence (or of its line)."""
    before = text[max(0, start - 40) : start].rstrip(_SENTENCE_OPENERS)
    return not before or before[-1] in ".?!:;\n"


def _with_surname(text: str, start: int, end: int, limit: int) -> int:
    """Where a lone first name's span should end: 'said Natalia' + 'Poplevskaya'.

    The model sometimes tags the first name alone; a capitalised word right after it
    that no list knows as a place or people is the surname.
    """
    name = text[start:end]
    if " " in name or not is_given_name(name) or known_label(name):
        return end
    after = _SURNAME_AFTER.match(text, end, limit)
    word = after[1].lower() if after else ""
    if not word or known_label(after[1]) or word in ROLE_WORDS | ORG_WORDS | GEO_HEADS:
        return end  # "Victoria Station", "Georgia Tech" are no one's surname
    if _CALENDAR_WORD.fullmatch(after[1]):
        return end  # "at Augusta Friday": the day, not a surname (but "Theresa May" is one)
    return after.end(1)


# "Grammy Award-winning", "Kremlin-backed", "Oslo-based": a name made an adjective. A
# lower-case piece of a name stays: "Ban Ki-moon", "Kim Jong-un".
_ADJECTIVE_TAIL = re.compile(
    r"(?<=[A-Za-z])-(?:[a-z]+(?:ed|ing)|born|based|style|era|run|made|wide|free|like|only|"
    r"bound|owned|led|held|built|grown|proof|friendly)$"
)


def _lower(word: re.Match[str]) -> bool:
    """No capital anywhere: "this", "ago" (but "iPhone" and "eBay" are names)."""
    return not any(ch.isupper() for ch in word.group())


def _numeric(word: re.Match[str]) -> bool:
    return any(ch.isdigit() for ch in word.group())


def _furniture(text: str, start: int, end: int) -> bool:
    """Share buttons and page counters ("1.7Mshares")."""
    name = text[start:end]
    if _COUNTER.search(name):
        return True
    return any(w.lower() in FURNITURE_WORDS for w in name.split())


def _strip_title(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Cut a leading role ("Defence Minister", "President") off a name, unless what is
    left is a body's head word alone: "Premier League" is no premier called League."""
    words = list(WORD.finditer(text, start, end))
    cut = 0
    for index, word in enumerate(words[:-1]):
        low = word.group().lower()
        if low in TITLE_WORDS:
            cut = index + 1
        elif low not in TITLE_QUALIFIERS:
            break
    if cut == len(words) - 1 and words[cut].group().lower() in ORG_WORDS:
        return start, end, False
    rest = [w.group() for w in words[cut : cut + 2]]
    title = words[cut - 1].group() if cut else word_before(text, start)
    if (
        # "(Miss) Universe Dana Hollis": a pageant's word; "Shocked Dana Hollis": a caption's
        (title.lower() == "miss" or _caption_word(rest[0]))
        and 2 < len(words) - cut < 5
        and not is_given_name(rest[0])
        and is_given_name(rest[1])
        and text[words[cut].end() : words[cut + 1].start()] == " "
        and all(w.group()[:1].isupper() and w.group().lower() not in ORG_WORDS for w in words[cut:])
    ):
        cut += 1
    if cut and words[cut].group()[:1].isupper():
        return words[cut].start(), end, True
    return start, end, False
