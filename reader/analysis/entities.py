"""From the model's raw entity spans to the list a reader can trust.

The small model tags each occurrence on its own and often disagrees with itself
("Trump" an organization four times, a person once). Here the spans are cleaned
(titles, possessives, bullets), merged into one entity per real-world thing,
typed by the votes of all their mentions plus what a list or the context settles,
checked against the body when they come from a title-case heading, extended with
every further whole-word occurrence, and ranked by salience.

Works on (start, end, label) spans in `Document.text`, so it needs no model to test.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from reader.analysis.gazetteer import (
    TITLE_QUALIFIERS,
    TITLE_WORDS,
    canonical_place,
    known_label,
    words_set,
)
from reader.analysis.model import Entity, EntityGroup, Mention
from reader.document import Block, BlockKind, Document

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
# Blocks whose text goes to the model; tags and the "Key points" label are not prose.
ANALYSED_KINDS = (
    BlockKind.TITLE,
    BlockKind.BYLINE,
    BlockKind.KEY_POINT,
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
)
# How much one mention in each kind of block says about the entity's importance.
BLOCK_WEIGHT = {
    BlockKind.TITLE: 3.0,
    BlockKind.KEY_POINT: 1.5,
    BlockKind.HEADING: 1.2,
    BlockKind.BYLINE: 0.5,
    BlockKind.PARAGRAPH: 1.0,
}
GROUP_WEIGHT = {EntityGroup.DATE: 0.3, EntityGroup.NUMBER: 0.3, EntityGroup.GROUP: 0.7}

# A vote from the context ("a Kalibr missile") outweighs a few of the model's guesses.
CUE_VOTE = 3.0
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
_ACRONYM_DOTS = re.compile(r"(?:[A-Z]\.){2,}")
_TRAILING_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros)\.)$")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_JUNK = " \t,;:!?\"'“”‘’()[]{}<>•·*#|/\\-–—_=+~"
# "X in the Barents Sea": a ship and a sea read as one name.
_IN_PLACE = re.compile(r"^(?P<left>.+?) in (?:the )?(?P<right>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)$")
_GEO_HEADS = words_set(
    "sea ocean river lake gulf bay strait channel mountains mountain hills valley desert "
    "island islands peninsula coast basin delta canal"
)
# Nouns after a name that say what it is: "a Kalibr missile", "the Barysaw base".
_THING_AFTER = words_set(
    "missile missiles rocket rockets warhead warheads submarine submarines howitzer howitzers "
    "rifle rifles torpedo torpedoes tank tanks telescope spacecraft"
)
_THING_BEFORE = words_set(
    "submarine ship vessel frigate destroyer carrier tanker ferry yacht cruiser warship "
    "icebreaker freighter liner spacecraft telescope satellite missile rocket"
)
_EVENT_AFTER = words_set(
    "exercises exercise drills games olympics summit war championship championships cup "
    "festival tournament marathon offensive"
)
_PLACE_AFTER = words_set(
    "base airbase airport region province district county village valley island peninsula "
    "oblast prefecture"
)
_ORG_NOUNS = words_set(
    "carrier airline company firm bank maker manufacturer agency broadcaster newspaper "
    "insurer retailer conglomerate startup operator producer exchange regulator ministry "
    "party club union charity university group giant"
)
_ROLE_WORDS = TITLE_WORDS | TITLE_QUALIFIERS
_WORD = re.compile(r"[\w'’.-]+")
# "Belavia, Belarus’s national carrier": the words after the comma say what it is.
_APPOSITIVE = re.compile(r",\s+([^,.;:()]{1,60})")


@dataclass(frozen=True, slots=True)
class RawSpan:
    """An entity span as the model tagged it, in `Document.text` offsets."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    label: str
    block: Block
    cue: str | None = None  # a label the context votes for
    titled: bool = False  # a role word stood before it: surely a person


@dataclass(slots=True)
class _Cluster:
    key: str
    value: bool  # a date or number: never searched for again
    candidates: list[_Candidate] = field(default_factory=list)
    extra_aliases: set[str] = field(default_factory=set)
    preferred_name: str | None = None
    forced_label: str | None = None

    def surfaces(self) -> Counter[str]:
        return Counter(c.text for c in self.candidates)


def extract_entities(
    document: Document, spans: Iterable[RawSpan], blocks: Sequence[Block] | None = None
) -> tuple[Entity, ...]:
    """Turn the model's spans into merged, typed, located and ranked entities.

    `blocks` are the blocks that were analysed (default: all analysable ones);
    further mentions are looked for only there.
    """
    analysed = tuple(blocks) if blocks is not None else document.blocks_of(*ANALYSED_KINDS)
    if not analysed:
        return ()
    starts = [b.start for b in analysed]
    candidates: list[_Candidate] = []
    for span in sorted(spans, key=lambda s: s.start):
        block = _block_at(analysed, starts, span.start)
        if block is None or span.end > block.end:
            continue  # never across a block boundary
        candidates.extend(_clean(document, span, block))
    clusters = _cluster(candidates)
    _merge_acronyms(document, analysed, clusters)
    _merge_people(document, clusters)
    _merge_place_heads(clusters)
    _merge_short_names(document, clusters)
    confirmed = [c for c in clusters.values() if _confirmed(document, analysed, c)]
    mentions = _locate(document, analysed, confirmed)
    entities = [_entity(document, c, mentions[id(c)]) for c in confirmed if mentions[id(c)]]
    return _rank(document, analysed, entities)


# --- cleaning one span ------------------------------------------------------------------


def _block_at(blocks: Sequence[Block], starts: list[int], offset: int) -> Block | None:
    index = bisect_right(starts, offset) - 1
    if index < 0 or offset >= blocks[index].end:
        return None
    return blocks[index]


def _clean(document: Document, span: RawSpan, block: Block) -> list[_Candidate]:
    start, end = _trim(document.text, span.start, span.end)
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
        if label in ("DATE", "TIME") and not _DATE_WORD.search(text):
            return []  # "the weekend", "years": nothing a reader can look up
        return [_Candidate(start, end, text, label, block)]
    if text[:4].lower() == "the " and known_label(text) is None and label != "WORK_OF_ART":
        start += 4
        text = text[4:]
    start, end, titled = _strip_title(document.text, start, end)
    text = document.text[start:end]
    if start >= end or not any(w[:1].isupper() for w in text.split()):
        return []  # all lower case: "the government", not a name
    if known_label(text) is None and all(w.lower().strip(".") in _ROLE_WORDS for w in text.split()):
        return []  # "Defence" of "Defence Minister X", or "President" alone
    split = _IN_PLACE.match(text)
    if split and (
        split["right"].split()[-1].lower() in _GEO_HEADS or known_label(split["right"]) == "GPE"
    ):
        right_start = start + split.start("right")
        return [
            *_clean(document, RawSpan(start, start + split.end("left"), label), block),
            _Candidate(right_start, end, split["right"], "LOC", block),
        ]
    candidate = _Candidate(start, end, text, "PERSON" if titled else label, block, titled=titled)
    candidate.cue = _context_cue(document.text, candidate)
    return [candidate]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def _strip_title(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Cut a leading role ("Defence Minister", "President") off a name."""
    words = list(_WORD.finditer(text, start, end))
    cut = 0
    for index, word in enumerate(words[:-1]):
        low = word.group().lower()
        if low in TITLE_WORDS:
            cut = index + 1
        elif low not in TITLE_QUALIFIERS:
            break
    if cut and words[cut].group()[:1].isupper():
        return words[cut].start(), end, True
    return start, end, False


def _context_cue(text: str, candidate: _Candidate) -> str | None:
    """A label the neighbouring words settle, for names no list knows."""
    if candidate.label == "NORP" or candidate.titled or known_label(candidate.text):
        return None
    block_end = candidate.block.end
    after = _WORD.match(text, _skip_spaces(text, candidate.end, block_end), block_end)
    next_word = after.group().lower() if after and after.start() == candidate.end + 1 else ""
    before = text[candidate.block.start : candidate.start].split()[-1:]
    prev_word = before[0].lower() if before else ""
    has_digit = any(ch.isdigit() for ch in candidate.text)
    if prev_word in _THING_BEFORE or next_word in _THING_AFTER:
        return "PRODUCT"
    if candidate.label == "PERSON":
        return "EVENT" if next_word in _EVENT_AFTER else None
    if next_word in _EVENT_AFTER and (candidate.label != "ORG" or has_digit):
        return "EVENT"
    if next_word in _PLACE_AFTER:
        return "FAC"
    appositive = _APPOSITIVE.match(text, candidate.end, block_end)
    described = appositive.group(1).lower().split()[:5] if appositive else []
    if prev_word in _ORG_NOUNS or _ORG_NOUNS.intersection(described):
        return "ORG"
    return None


def _skip_spaces(text: str, offset: int, limit: int) -> int:
    while offset < limit and text[offset] == " ":
        offset += 1
    return offset


# --- merging ----------------------------------------------------------------------------


def _key(text: str) -> str:
    canonical = canonical_place(text)
    if canonical:
        return canonical.casefold()
    if _ACRONYM_DOTS.fullmatch(text):
        text = text.replace(".", "")
    return " ".join(text.replace("’", "'").casefold().split())


def _cluster(candidates: list[_Candidate]) -> dict[str, _Cluster]:
    clusters: dict[str, _Cluster] = {}
    for candidate in candidates:
        value = candidate.label in VALUE_LABELS
        key = ("#" if value else "") + _key(candidate.text)
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = _Cluster(key, value)
            cluster.preferred_name = canonical_place(candidate.text)
        cluster.candidates.append(candidate)
    return clusters


def _merge_into(clusters: dict[str, _Cluster], source: _Cluster, target: _Cluster) -> None:
    target.candidates.extend(source.candidates)
    target.extra_aliases |= source.extra_aliases
    del clusters[source.key]


_ACRONYM_AFTER = re.compile(
    r"\b([A-Z][\w&'’-]*(?:\s+(?:of|the|and|for|on|&)?\s*[A-Z][\w&'’-]*)+)"
    r"\s+\(([A-Z][A-Za-z]?(?:[A-Z.&]){1,9})\)"
)
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z.&]{1,9})\s+\(([A-Z][\w&'’-]*(?:\s+[\w&'’-]+)+)\)")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "&"})


def _initials_match(expansion: str, acronym: str) -> bool:
    letters = "".join(w[0] for w in expansion.split() if w.lower() not in _FUNCTION_WORDS)
    return letters.upper() == acronym.replace(".", "").replace("&", "").upper()


def _merge_acronyms(document: Document, blocks: Sequence[Block], clusters: dict) -> None:
    """ "North Atlantic Treaty Organization (NATO)": one entity, named by the expansion."""
    for block in blocks:
        text = document.block_text(block)
        pairs = [(m[1], m[2]) for m in _ACRONYM_AFTER.finditer(text)]
        pairs += [(m[2], m[1]) for m in _ACRONYM_BEFORE.finditer(text)]
        for expansion, acronym in pairs:
            words = expansion.split()
            # The regex may start a few words early ("Officials at the World Health ...").
            for i in range(len(words)):
                if words[i].lower() in _FUNCTION_WORDS:
                    continue
                if _initials_match(" ".join(words[i:]), acronym):
                    expansion = " ".join(words[i:])
                    break
            else:
                continue
            short, long = clusters.get(_key(acronym)), clusters.get(_key(expansion))
            if short is None and long is None:
                continue
            target = long or short
            if short is not None and long is not None and short is not long:
                _merge_into(clusters, short, long)
            target.extra_aliases |= {acronym, expansion}
            target.preferred_name = expansion


def _stated(document: Document, cluster: _Cluster) -> bool:
    """Whether the article itself writes this name, not only a Title Case title or heading."""
    return any(_trusted(document, c.block) for c in cluster.candidates)


def _merge_people(document: Document, clusters: dict[str, _Cluster]) -> None:
    """Merge "Khrenin" (or "Viktor") into the one "Viktor Khrenin" of the article."""
    by_last: dict[str, list[_Cluster]] = {}
    by_first: dict[str, list[_Cluster]] = {}
    for cluster in clusters.values():
        full = [c.text for c in cluster.candidates if c.label == "PERSON" and " " in c.text]
        if cluster.value or not full or not _stated(document, cluster):
            continue
        words = Counter(full).most_common(1)[0][0].split()
        by_last.setdefault(_key(words[-1]), []).append(cluster)
        by_first.setdefault(_key(words[0]), []).append(cluster)
    for key, cluster in list(clusters.items()):
        if cluster.value or " " in key:
            continue
        persons = sum(c.label == "PERSON" for c in cluster.candidates)
        target = by_last.get(key, [])
        if len(target) != 1 and persons * 2 > len(cluster.candidates):
            target = by_first.get(key, [])
        if len(target) == 1 and target[0] is not cluster:
            _merge_into(clusters, cluster, target[0])
            target[0].forced_label = "PERSON"


def _merge_place_heads(clusters: dict[str, _Cluster]) -> None:
    """Merge "Barents" into "Barents Sea" when the article names both."""
    heads: dict[str, _Cluster] = {}
    for key, cluster in clusters.items():
        words = key.split()
        if len(words) > 1 and words[-1] in _GEO_HEADS:
            heads[" ".join(words[:-1])] = cluster
    for key, cluster in list(clusters.items()):
        target = heads.get(key)
        if target is not None and target is not cluster and not cluster.value:
            _merge_into(clusters, cluster, target)


def _merge_short_names(document: Document, clusters: dict[str, _Cluster]) -> None:
    """Merge "Kestrel" into "Kestrel Batteries", the one organization it can be short for.

    Only a long name the article states counts: "Talks With Nordline Stall" in a Title
    Case headline is not the full name of Nordline.
    """
    by_first: dict[str, list[_Cluster]] = {}
    for key, cluster in clusters.items():
        words = key.split()
        if (
            len(words) > 1
            and not cluster.value
            and _label(cluster) == "ORG"
            and _stated(document, cluster)
        ):
            by_first.setdefault(words[0], []).append(cluster)
    for key, cluster in list(clusters.items()):
        targets = by_first.get(key, [])
        if (
            len(targets) == 1
            and targets[0] is not cluster
            and not cluster.value
            and not cluster.forced_label
            and not any(known_label(s) for s in cluster.surfaces())
        ):
            target = targets[0]
            _merge_into(clusters, cluster, target)
            target.forced_label = "ORG"
            target.preferred_name = target.preferred_name or _name(target, "ORG", full=True)


def _label(cluster: _Cluster) -> str:
    if cluster.forced_label:
        return cluster.forced_label
    votes: Counter[str] = Counter()
    for candidate in cluster.candidates:
        votes[candidate.label] += 1.0
        if candidate.cue:
            votes[candidate.cue] += CUE_VOTE
    if not cluster.value:
        known = next(filter(None, (known_label(s) for s in cluster.surfaces())), None)
        if known:
            votes[known] += 10.0 + 2 * len(cluster.candidates)
    return votes.most_common(1)[0][0]


# --- confirming and locating -------------------------------------------------------------


def _title_case(text: str) -> bool:
    """Title Case or ALL CAPS: lines where the model takes any capital for a name."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    if not words:
        return True
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _trusted(document: Document, block: Block) -> bool:
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
        return not _title_case(document.block_text(block))
    return True


def _aliases(cluster: _Cluster) -> set[str]:
    return set(cluster.surfaces()) | cluster.extra_aliases


def _confirmed(document: Document, blocks: Sequence[Block], cluster: _Cluster) -> bool:
    """A name seen only in a Title Case heading must show up in the body, or be known."""
    if cluster.value or any(_trusted(document, c.block) for c in cluster.candidates):
        return True
    if any(known_label(s) for s in cluster.surfaces()) or cluster.extra_aliases:
        return True
    pattern = _alias_pattern(_aliases(cluster))
    return any(
        _trusted(document, b) and pattern.search(document.text, b.start, b.end) for b in blocks
    )


def _alias_pattern(aliases: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(aliases), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def _search_aliases(cluster: _Cluster, label: str) -> set[str]:
    aliases = {a for a in _aliases(cluster) if len(a) > 1}
    if label == "PERSON":
        full = [a.split() for a in aliases if " " in a]
        # The surname alone names the person after the first mention ("Khrenin said").
        aliases |= {words[-1] for words in full if len(words[-1]) > 2 and words[-1][0].isupper()}
    aliases |= {a.upper() for a in aliases if len(a) > 2}  # ALL-CAPS headlines
    return aliases


def _locate(
    document: Document, blocks: Sequence[Block], clusters: list[_Cluster]
) -> dict[int, list[Mention]]:
    """Every mention: the model's, then each further whole-word occurrence of an alias."""
    text = document.text
    taken = bytearray(len(text))
    mentions: dict[int, list[Mention]] = {id(c): [] for c in clusters}
    owner: dict[str, _Cluster | None] = {}
    for cluster in clusters:
        for candidate in cluster.candidates:
            if 1 not in taken[candidate.start : candidate.end]:
                taken[candidate.start : candidate.end] = b"\1" * (candidate.end - candidate.start)
                mentions[id(cluster)].append(
                    Mention(candidate.start, candidate.end, candidate.text)
                )
        if cluster.value:
            continue
        for alias in _search_aliases(cluster, _label(cluster)):
            # An alias two entities share names neither for sure.
            owner[alias] = None if owner.get(alias, cluster) is not cluster else cluster
    searchable = {a: c for a, c in owner.items() if c is not None}
    if searchable:
        pattern = _alias_pattern(searchable)
        for block in blocks:
            for match in pattern.finditer(text, block.start, block.end):
                start, end = match.span()
                if 1 in taken[start:end]:
                    continue
                taken[start:end] = b"\1" * (end - start)
                mentions[id(searchable[match.group()])].append(Mention(start, end, match.group()))
    return mentions


# --- the entity and its rank -------------------------------------------------------------


def _name(cluster: _Cluster, label: str, *, full: bool = False) -> str:
    """The name shown: a known canonical form, a person's full name, else the usual spelling."""
    if cluster.preferred_name:
        return cluster.preferred_name
    surfaces = cluster.surfaces()
    if label == "PERSON" or full:
        full = {s: n for s, n in surfaces.items() if " " in s}
        surfaces = Counter(full) or surfaces
    # Prefer the spelling of running text to a shouted headline's.
    name = max(surfaces, key=lambda s: (not (s.isupper() and len(s) > 4), surfaces[s], len(s)))
    if name.isupper() and len(name) > 4 and known_label(name):
        return name.title()  # a dateline's "VIENNA" is Vienna
    return name


def _entity(document: Document, cluster: _Cluster, mentions: list[Mention]) -> Entity:
    label = _label(cluster)
    name = _name(cluster, label)
    aliases = (_aliases(cluster) | {m.text for m in mentions}) - {name}
    return Entity(
        name=name,
        group=GROUP_OF_LABEL.get(label, EntityGroup.THING),
        label=label,
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        aliases=tuple(sorted(aliases)),
    )


def _rank(
    document: Document, blocks: Sequence[Block], entities: list[Entity]
) -> tuple[Entity, ...]:
    """Salience: mentions weighted by where they stand (title, key points, early body)."""
    starts = [b.start for b in blocks]
    length = max(1, len(document.text))
    scores = []
    for entity in entities:
        score = 0.0
        for mention in entity.mentions:
            block = blocks[bisect_right(starts, mention.start) - 1]
            score += BLOCK_WEIGHT.get(block.kind, 1.0) * (1.5 - 0.5 * mention.start / length)
        scores.append(score * GROUP_WEIGHT.get(entity.group, 1.0))
    top = max(scores, default=1.0) or 1.0
    ranked = [replace(e, salience=round(s / top, 4)) for e, s in zip(entities, scores, strict=True)]
    return tuple(sorted(ranked, key=lambda e: (-e.salience, e.first_offset)))


def rank_entities(document: Document, entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Salience again, by the same measure, after corrections moved mentions or groups."""
    analysed = document.blocks_of(*ANALYSED_KINDS)
    return _rank(document, analysed, list(entities)) if analysed else tuple(entities)
