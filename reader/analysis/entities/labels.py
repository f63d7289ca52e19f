"""Which group an entity belongs to: the model's votes over all mentions, weighed with
what the context ("a Kalibr missile", "the Perseverance rover", "planet Theia") and
knowledge (countries, cities, given names, planets, units, company words) say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from reader.analysis.entities.knowledge import (
    FACILITY_HEADS,
    GEO_HEADS,
    GEO_LEADS,
    NAME_PARTICLES,
    ONLINE_SERVICES,
    ORG_WORDS,
    SKY_PLACES,
    STATE_HEADS,
    TITLE_WORDS,
    UNITS,
    country_names,
    is_given_name,
    is_world_place,
    known_label,
    nouns,
    words_set,
)
from reader.analysis.entities.spans import (
    SCORE_AFTER,
    VALUE_LABELS,
    WHOLE_DATE,
    WORD,
    Candidate,
    Cluster,
    RawSpan,
    line_sides,
    results_sides,
    word_before,
)
from reader.document import Block

# A vote from the context ("a Kalibr missile") outweighs a few of the model's guesses.
CUE_VOTE = 3.0
# Per mention: what knowledge adds. A list settles a country; a town or a first name
# only tips the model's own doubt.
KNOWN_VOTE = 10.0
PLACE_VOTE = 0.6
TOWN_VOTE = 1.5
GIVEN_NAME_VOTE = 1.2

# Nouns after a name that say what it is: "a Kalibr missile", "the Curiosity rover".
_THING_AFTER = words_set(
    "missile missiles rocket rockets warhead warheads submarine submarines howitzer howitzers "
    "rifle rifles torpedo torpedoes tank tanks telescope spacecraft rover rovers probe lander "
    "orbiter capsule shuttle drone drones"
)
_THING_BEFORE = words_set(
    "submarine ship vessel frigate destroyer carrier tanker ferry yacht cruiser warship "
    "icebreaker freighter liner spacecraft telescope satellite missile rocket rover probe "
    "lander orbiter"
)
# Words before the title of a work: "the novel X", "his new album, X".
_WORK_BEFORE = words_set(
    "album albums ep song book novel memoir film movie documentary musical opera painting "
    "sculpture poem"
)
_EVENT_AFTER = words_set(
    "exercises exercise drills games olympics summit war championship championships cup "
    "festival tournament marathon offensive derby derbies"
)
# Verbs of speech right after a name the model calls a person bear it out: "Okafor said".
_SPEECH_AFTER = words_set("said says told added argued insisted replied wrote admitted")
# Verbs of moving and living before "to"/"in" + a place: "moved to", "grew up in".
_MOVED = words_set(
    "moved move moves moving flew fly travelled traveled returned relocated arrived lives "
    "lived living born based raised settled up headed emigrated"
)
# "the town of X", "east of X": what only a place is.
_PLACE_OF = words_set(
    "town city village hamlet suburb province region island outskirts north south east west "
    "northeast northwest southeast southwest"
)
_PLACE_AFTER = words_set(
    "base airbase airport region province district county village valley island peninsula "
    "oblast prefecture"
)
_ORG_NOUNS = words_set(
    "carrier airline company firm bank maker manufacturer agency broadcaster newspaper "
    "insurer retailer conglomerate startup operator producer exchange regulator ministry "
    "party club union charity university group giant journal magazine tabloid"
)
# "Belavia, Belarus’s national carrier": the words after the comma say what it is.
_HONORIFICS = words_set("mr mrs ms miss dr prof sir dame mx")
# "Grammy Award", "Hubble Space Telescope": things, never people or organizations.
_THING_HEADS = words_set(
    "award awards prize prizes medal trophy telescope spacecraft rover probe satellite "
    "missile submarine show"
)
# How a company's registered name ends: "Homegate Hospitality Inc", "Norvik Ltd".
_CORPORATE = words_set("inc corp ltd plc llc gmbh ag nv bv spa holdings corporation")
# Words that open a place's name: "Fort Carson", "Port Talbot", "Cape Wrath".
_PLACE_LEADS = words_set("fort port cape mount lake isle")
# How streets, squares and the like are named: places, whatever the name before.
_STREET_HEADS = words_set(
    "street road avenue boulevard square bridge airport station stadium arena"
)
# How public bodies are named: after their place ("West Kessel Police", "Ormsby County
# Sheriff's Office"), but a body all the same.
_BODY_HEADS = words_set(
    "police constabulary office department ministry council committee commission agency "
    "authority service court association party federation league university foundation "
    "institute news times post tribune herald journal gazette telegraph chronicle enquirer "
    "examiner courier"
)
# How events are named, tournaments too ("Harbourtown Open", "Lakeside Classic"): words
# that end no one's name.
_EVENT_HEADS = words_set(
    "derby cup war summit olympics games championship championships festival tournament "
    "marathon election referendum open classic invitational prix series"
)
# Words that alone name no one, whatever the model says (not "Park", "Hall", "Banks":
# surnames too).
_NEVER_A_PERSON = _EVENT_HEADS | words_set(
    "sea ocean river valley desert islands peninsula strait gulf holdings inc ltd plc llc "
    "corp group company airlines university ministry committee"
)
# Place words that are common surnames too: "Sue Hills", "Ada Lake".
_SURNAME_HEADS = words_set("hills rivers lake bay coast banks park hall castle tower bridge")
_APPOSITIVE = re.compile(r",\s+([^,.;:()]{1,60})")


# What only a company or other body has: "Nordline's chief executive", "its shareholders".
_COMPANY_POSSESSION = re.compile(
    r"['’]s (?:chief executive|ceo|chairman|chairwoman|board of directors|shareholders|"
    r"share price|shares|headquarters|subsidiary|subsidiaries|workforce)\b",
    re.IGNORECASE,
)


# "Daily Globe reporters", "Acme Steel workers": a body's people, named after it.
_BODY_PEOPLE = re.compile(
    r" (?:reporters|journalists|correspondents|editors|employees|staff|workers|shareholders)\b"
)


def owns_company(text: str, candidate: Candidate) -> bool:
    """True when the text gives the name what only a company has (a person has no board),
    or calls its people after it when the name is no person's ("Daily Globe reporters")."""
    if _COMPANY_POSSESSION.match(text, candidate.end, candidate.block.end):
        return True
    name = candidate.text
    return (
        " " in name
        and not looks_like_person(name)
        and not known_label(name)
        and _BODY_PEOPLE.match(text, candidate.end, candidate.block.end) is not None
    )


def context_cue(text: str, candidate: Candidate) -> str | None:
    """A label the neighbouring words settle, for names no list knows."""
    if candidate.label == "NORP" or candidate.titled or known_label(candidate.text):
        return None
    if candidate.label in VALUE_LABELS and (
        not (
            any(ch.isupper() for ch in candidate.text)
            and any(ch.isdigit() for ch in candidate.text)
        )
        or WHOLE_DATE.fullmatch(candidate.text)
    ):
        # "Four derbies": a number; "July 2010, professors at ...": a date. But "Zapad-2025
        # exercises" names an event.
        return None
    block_end = candidate.block.end
    after = WORD.match(text, _skip_spaces(text, candidate.end, block_end), block_end)
    next_word = (
        after.group().lower().rstrip(".") if after and after.start() == candidate.end + 1 else ""
    )
    # The two words before it, split off from the right: not the whole paragraph's words.
    before = text[candidate.block.start : candidate.start].rsplit(None, 2)[-2:]
    prev_word = before[-1].lower() if before else ""
    has_digit = any(ch.isdigit() for ch in candidate.text)
    if prev_word in _THING_BEFORE or next_word in _THING_AFTER:
        return "PRODUCT"
    if prev_word in _WORK_BEFORE or (
        prev_word.rstrip(",") in _WORK_BEFORE and not looks_like_person(candidate.text)
    ):
        return "WORK_OF_ART"  # "the album Thriller", "her new EP, Tide Tables Vol Two"
    if before and (
        prev_word.rstrip(".") in _HONORIFICS
        or (before[-1][:1].isupper() and prev_word in TITLE_WORDS)
    ):
        return "PERSON"  # "Mr Szijjarto", "President Varga" when the title stayed outside
    if _AGE_AFTER.match(text, candidate.end, block_end):
        return "PERSON"  # "Samantha, 34, from Leeds": only people are given an age
    if prev_word in GEO_LEADS and " " not in candidate.text:
        return "LOC"  # "planet Theia", "Lake Tana"
    if (
        prev_word in ("in", "near")
        and candidate.label != "PERSON"
        and is_world_place(candidate.text)
    ):
        return "GPE"  # "talks in Tartu": a town the model took for a body
    if len(before) == 2 and prev_word == "of" and before[0].lower() in _PLACE_OF:
        return "GPE"  # "the town of Quarryvale", "east of Quarryvale"
    if candidate.label == "PERSON":
        if (
            len(before) == 2
            and prev_word in ("to", "in", "from", "near")
            and before[0].lower() in _MOVED
            and " " not in candidate.text
            and not is_given_name(candidate.text)
        ):
            return "GPE"  # "moved to Vegas", "born in Quarry": where one lives, not whom
        if next_word in _SPEECH_AFTER:
            return "PERSON"  # "Okafor said": the model's person, who speaks
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


# A person's title and the place it is of: "Duke of Ormsby", "Archbishop of Kestow".
_TITLE_OF_PLACE = re.compile(
    r"(?:Duke|Duchess|Prince|Princess|Earl|Countess|Marquess|Baron|Baroness|Lord|Lady|"
    r"Archbishop|Bishop|Mayor|Lord Mayor|Governor) of (?:the )?[A-Z]"
)
# An age in apposition: "Dana, 34, a nurse", "Dana Hollis, 61 , said".
_AGE_AFTER = re.compile(r" ?, ?(?:aged )?\d{1,3} ?,")
# A table row gives one side and its record: "Lakeside 74 62 .544 -".
_TABLE_ROW = re.compile(SCORE_AFTER.pattern + r"(?: \.?\d+){1,}")
# English counties are named "-shire"; a place word tagged as a person otherwise stays one.
_COUNTY = re.compile(r"[A-Z][a-z]+shire")


def scored(text: str, candidate: Candidate) -> bool:
    """Whether the name is a side in a results line, a standings row or a fixture: a
    place named for its team ("Riverton 3 Lakeside 1": Riverton's club, not the town).
    Not a country, whose national side a reader still files under the country."""
    name = candidate.text
    if known_label(name) == "GPE" and name.lower() in country_names():
        return False
    if candidate.label not in ("GPE", "LOC", "ORG", "FAC", "PERSON", "NORP"):
        return False
    kind, sides = line_sides(text, candidate.block)
    side = any(s <= candidate.start and candidate.end <= e for s, e in sides)
    if candidate.label == "PERSON" and not (
        is_world_place(name)
        or _COUNTY.fullmatch(name)
        # "Kestow 4 1 0 3", "Kestow v Allerby": a lone word that is no first name, a club
        or (side and kind != "scores" and " " not in name and not is_given_name(name))
    ):
        return False  # "J. Alder 63": a batsman's score
    # A person's name stays one ("the Dole team"), but "Kestowshire captain" is a team's.
    team_words = (
        (candidate.label in ("GPE", "LOC", "ORG", "FAC") or _COUNTY.fullmatch(name))
        and not looks_like_person(name)
        and _team_words(text, candidate)
    )
    if side or team_words:
        return True
    block_end = candidate.block.end
    if not SCORE_AFTER.match(text, candidate.end, block_end):
        return False
    return _TABLE_ROW.match(text, candidate.end, block_end) is not None


# Words around a place's name that make it its team: "Kestow captain", "rivals Kestow".
_TEAM_AFTER = words_set(
    "captain skipper manager coach striker midfielder defender goalkeeper fans supporters "
    "bowler batsman"
)
_TEAM_BEFORE = words_set("rivals beat defeated thrashed v vs vs.")


def _team_words(text: str, candidate: Candidate) -> bool:
    """Whether a team's words stand by the name: "Kestow captain", "beat Kestow"."""
    after = WORD.match(text, candidate.end + 1, candidate.block.end)
    before = word_before(text, candidate.start, candidate.block.start)
    return bool(
        (after and after.group().lower() in _TEAM_AFTER and text[candidate.end] == " ")
        or before.lower() in _TEAM_BEFORE
    )


def team_spans(text: str, blocks: Sequence[Block], spans: Sequence[RawSpan]) -> list[RawSpan]:
    """`spans` with the sides of results lines as organizations: those the model left
    untagged, and those it tagged in part in a standings row or a fixture, where the side
    is the whole capitalised run before the record ("KANSAS" of "KANSAS CITY 61 74 .452").
    A side named like a person ("Rita Sklar 68") is a player's score, not a team."""
    whole = {
        side
        for block in blocks
        if line_sides(text, block)[0] in ("standings", "fixture")
        for side in line_sides(text, block)[1]
    }
    found = []
    for side in results_sides(text, blocks):
        if looks_like_person(text[side.start : side.end]):
            continue
        inside = [s for s in spans if s.start < side.end and side.start < s.end]
        if not inside:
            found.append(side)
        elif (side.start, side.end) in whole and all(
            side.start <= s.start and s.end <= side.end and s.label not in VALUE_LABELS
            for s in inside
        ):
            found.append(side)  # the model's part of the name gives way to the whole
    if not found:
        return list(spans)
    kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return kept + found


# "Tim Rowe ( Canada )", "Ana Dias (Portugal)": a competitor and the country they stand for.
_PERSON_OF_COUNTRY = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})"
    r" ?\( ?(?P<country>[A-Z][\w. ]+?) ?\)"
)
# "P. Dale 69", "T.O'Brien 109": a player known by an initial, then a score.
_INITIAL_SCORED = re.compile(r"(?<![\w'’.-])(?P<name>[A-Z]\. ?[A-Z][a-z]*['’]?[A-Z]?[a-z]+) \d")


def listed_people(text: str, blocks: Sequence[Block], spans: Sequence[RawSpan]) -> list[RawSpan]:
    """`spans` with the people of lists of results, whatever the model made of them: a
    first name and surname with their country in brackets (the country too), or an
    initial and surname with a score. A longer name the model found stands."""
    found = []
    for block in blocks:
        if text.find("(", block.start, block.end) >= 0:  # a country in brackets needs one
            for match in _PERSON_OF_COUNTRY.finditer(text, block.start, block.end):
                if known_label(match["country"]) == "GPE" and looks_like_person(match["name"]):
                    found.append(RawSpan(match.start("name"), match.end("name"), "PERSON"))
                    found.append(RawSpan(match.start("country"), match.end("country"), "GPE"))
        for match in _INITIAL_SCORED.finditer(text, block.start, block.end):
            found.append(RawSpan(match.start("name"), match.end("name"), "PERSON"))
    found = [
        p
        for p in found
        if not any(
            s.start <= p.start and p.end <= s.end and (s.start, s.end) != (p.start, p.end)
            for s in spans
        )
    ]
    if not found:
        return list(spans)
    kept = [s for s in spans if not any(s.start < p.end and p.start < s.end for p in found)]
    return kept + found


def _skip_spaces(text: str, offset: int, limit: int) -> int:
    while offset < limit and text[offset] == " ":
        offset += 1
    return offset


_INITIAL = re.compile(r"[A-Z]\.")


def _city_team(name: str) -> bool:
    """A city and a plural: "Atlanta Braves", "San Jose Sharks" (not "Florence Jones")."""
    place, _, team = name.rpartition(" ")
    return (
        team.endswith("s")
        and team[:1].isupper()
        and team[:-1].lower() in nouns()  # "Braves", "Rovers"; not "Hollis" of Marlow Hollis
        and is_world_place(place)
        and (" " in place or not is_given_name(place))
    )


@lru_cache(maxsize=65536)
def looks_like_person(name: str) -> bool:
    """A first name then capitalised surname words: "Rita Sklar", "Anna de Vries".

    Not when a word says organization ("Jet Propulsion Laboratory") or the first word
    is a place or nationality ("Jordan Valley", "Chechen Republic").
    """
    words = [w.strip('"“”') for w in name.split()]
    if len(words) < 2 or len(words) > 4 or not is_given_name(words[0]):
        return False
    if known_label(name) or known_label(words[0]) or is_world_place(name):
        return False  # "Key West", "Santa Clara": towns with a first name in them
    rest = [w for w in words[1:] if w.lower() not in NAME_PARTICLES]
    if len(rest) > 2 and not (is_given_name(rest[0]) or _INITIAL.fullmatch(rest[0])):
        return False  # four names run on only as "Jorge Alberto López Amores", not as a headline
    return bool(rest) and all(
        w[:1].isupper()
        and not w.isupper()
        and w.lower().rstrip(".") not in ORG_WORDS
        and (w.lower() not in GEO_HEADS | FACILITY_HEADS or w.lower() in _SURNAME_HEADS)
        for w in rest
    )


class _Vote(NamedTuple):
    """What of one candidate the votes weigh: the tally is a function of these alone."""

    label: str
    cue: str | None
    owns_company: bool
    titled: bool
    scored: bool
    text: str


def votes(cluster: Cluster) -> Counter[str]:
    """Each mention's model label, context cues, and knowledge, as weighted votes."""
    return Counter(_tally(cluster.value, _votes_of(cluster)))


_VOTE_FIELDS = attrgetter(*_Vote._fields)


def _votes_of(cluster: Cluster) -> tuple[tuple, ...]:
    return tuple(map(_VOTE_FIELDS, cluster.candidates))


# The merges, the label and the confidence all ask for a cluster's votes, a dozen times
# between two changes of its candidates: counted once per set of candidates.
@lru_cache(maxsize=8192)
def _tally(value: bool, votes_of: tuple[tuple, ...]) -> Counter[str]:
    """The votes of `votes`, from each candidate's `_Vote` fields; shared, so never
    changed by a caller."""
    candidates = [_Vote._make(fields) for fields in votes_of]
    tally: Counter[str] = Counter()
    for candidate in candidates:
        tally[candidate.label] += 1.0
        if candidate.cue:
            tally[candidate.cue] += CUE_VOTE
    if any(c.owns_company for c in candidates):
        # A chief executive or shareholders settle it: the model's "person" votes are the
        # organization's, whatever knowledge says about the name.
        tally["ORG"] += tally.pop("PERSON", 0.0) + KNOWN_VOTE
    if value:
        return tally
    surfaces = Counter(c.text for c in candidates)
    n = len(candidates)
    known = next(filter(None, (known_label(s) for s in surfaces)), None)
    if known:
        tally[known] += KNOWN_VOTE + 2 * n
    elif any(is_world_place(s) for s in surfaces):
        # A town of two words ("Key West") is seldom anything else; one word may be a
        # surname, but not one the model calls a person with no title, first name or
        # role anywhere ("Norwich", "Alfreton" on a sports page).
        several = any(" " in s and is_world_place(s) for s in surfaces)
        lone = tally["PERSON"] >= max(tally.values()) and not any(
            c.titled or c.cue for c in candidates
        )
        tally["GPE"] += (TOWN_VOTE if several or lone else PLACE_VOTE) * n
    person = any(looks_like_person(s) for s in surfaces)
    if any(s.lower() in SKY_PLACES and s[:1].isupper() for s in surfaces):
        tally["LOC"] += KNOWN_VOTE + 2 * n  # "Mercury", "Moon", "Titan": places
    elif not person and any(
        len(s.split()) > 1 and s.split()[-1].lower() in GEO_HEADS for s in surfaces
    ):
        tally["LOC"] += CUE_VOTE * n  # "Rift Valley"; but "Sue Hills" is a person
    if person:
        tally["PERSON"] += GIVEN_NAME_VOTE * n
    heads = {s.split()[-1].lower() for s in surfaces if " " in s}
    pairs = {s.split()[-1].lower() for s in surfaces if len(s.split()) == 2}
    leads = {s.split()[0].lower() for s in surfaces if " of " in s}
    if (heads | leads) & FACILITY_HEADS and not person:
        tally["FAC"] += tally.pop("PERSON", 0.0) + tally.pop("PRODUCT", 0.0)  # "Stadium of Light"
    if any(_city_team(s) for s in surfaces) and "PERSON" in tally:
        tally["ORG"] += tally.pop("PERSON") + CUE_VOTE  # "Atlanta Braves": a team, no one
    firsts = {s.split()[0].lower() for s in surfaces if " " in s}
    if firsts & _PLACE_LEADS and not person:
        tally["LOC"] += CUE_VOTE * n  # "Fort Carson", "Cape Wrath"
    if heads & _STREET_HEADS:
        tally["FAC"] += CUE_VOTE * n  # "Unity Boulevard", "Revolution Square": no body
    if any(" " not in s and s.lower() in _NEVER_A_PERSON for s in surfaces):
        tally.pop("PERSON", None)  # "Election", "Derby", "Valley" alone: no one's name
    if "PERSON" in tally and any(_COUNTY.fullmatch(s) for s in surfaces):
        tally["GPE"] += tally.pop("PERSON")  # "Kestowshire": a county, no one's name
    if heads & _THING_HEADS:
        tally["PRODUCT"] += CUE_VOTE * n
    if {h.rstrip(".") for h in heads} & _CORPORATE:
        tally["ORG"] += KNOWN_VOTE + 2 * n  # a registered company, whatever it is named after
    elif heads & _BODY_HEADS:
        tally["ORG"] += KNOWN_VOTE + 2 * n  # "Kestow County Police": a body, not its county
    if pairs & STATE_HEADS:
        tally["GPE"] += CUE_VOTE * n  # "Chechen Republic", "Russian Federation"
    if heads & _EVENT_HEADS and "PERSON" in tally:
        tally["EVENT"] += tally.pop("PERSON")  # "The Desperation Derby", "Winter War"
    if any(s.lower() in ONLINE_SERVICES for s in surfaces):
        tally["ORG"] += tally.pop("PERSON", 0.0) + KNOWN_VOTE  # "on Twitter": no one's name
    if any(_TITLE_OF_PLACE.match(s) for s in surfaces):
        tally["PERSON"] += KNOWN_VOTE + 2 * n  # "Duchess of Kestow", "Mayor of Ormsby"
    words = [w.lower().rstrip(".") for s in surfaces for w in s.split()]
    if any(s.lower() in UNITS for s in surfaces) or (
        len(set(words)) == 1 and words[0] in ORG_WORDS
    ):
        tally.pop("PERSON", None)  # "Hertz" or "Holdings" alone is no one's name
    elif {s.split()[-1].lower().rstrip(".") for s in surfaces} & ORG_WORDS and "PERSON" in tally:
        tally["ORG"] += tally.pop("PERSON")  # "Toon Army", "Kestrel Holdings"
    if any(c.scored for c in candidates):
        # A side in a results line is its team, in the prose around the results too.
        tally["ORG"] = max(tally.values()) + 1.0
    return tally


def label_of(cluster: Cluster) -> str | None:
    """The winning label: what the merges forced, else the heaviest vote.

    None when nothing is left to vote for: "Holdings" or "Kelvin" tagged as a person.
    """
    if cluster.forced_label:
        return cluster.forced_label
    tally = _tally(cluster.value, _votes_of(cluster))
    return tally.most_common(1)[0][0] if tally else None
