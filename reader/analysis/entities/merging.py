"""One entity per real-world thing: merging the clusters of spellings that name it.

Every merge here is a safe one: a short name joins a longer one only when their types
and the article agree (a surname into the one person of that surname, an acronym into
its expansion, "Barents" into "Barents Sea"). A place or subject never joins an
organization that merely starts with it: "Nile" stays apart from "Nile Basin Initiative".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from reader.analysis.entities.knowledge import (
    CLUB_WORDS,
    GEO_HEADS,
    NAME_PARTICLES,
    STATE_HEADS,
    canonical_place,
    country_names,
    given_name_genders,
    is_given_name,
    known_label,
    state_names,
)
from reader.analysis.entities.labels import label_of, looks_like_person
from reader.analysis.entities.spans import (
    NICKNAME,
    VALUE_LABELS,
    Candidate,
    Cluster,
    results_line,
    word_before,
)
from reader.document import Block, BlockKind, Document

_ACRONYM_DOTS = re.compile(r"(?:[A-Z]\.){2,}")
_ACRONYM_AFTER = re.compile(
    r"\b([A-Z][\w&'’-]*(?:\s+(?:of|the|and|for|on|&)?\s*[A-Z][\w&'’-]*)+)"
    r"\s+\(([A-Z][A-Za-z]?(?:[A-Z.&]){1,9})\)"
)
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z.&]{1,9})\s+\(([A-Z][\w&'’-]*(?:\s+[\w&'’-]+)+)\)")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "&"})
_NOT_SHORT_FOR_ORG = frozenset({"GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """What spellings of one name share: "U.S." and "US", "Trump’s" and "Trump's"."""
    canonical = canonical_place(text)
    if canonical:
        return canonical.casefold()
    if _ACRONYM_DOTS.fullmatch(text):
        text = text.replace(".", "")
    return " ".join(text.replace("’", "'").casefold().split())


def cluster(candidates: Sequence[Candidate]) -> dict[str, Cluster]:
    """Candidates of the same spelling, one cluster each; dates and numbers apart."""
    clusters: dict[str, Cluster] = {}
    for candidate in candidates:
        value = candidate.label in VALUE_LABELS
        name = ("#" if value else "") + key(candidate.text)
        found = clusters.get(name)
        if found is None:
            found = clusters[name] = Cluster(name, value)
            found.preferred_name = canonical_place(candidate.text)
        found.candidates.append(candidate)
    return clusters


def merge_all(document: Document, blocks: Sequence[Block], clusters: dict[str, Cluster]) -> None:
    """Every safe merge, most certain first."""
    split_datelines(clusters)
    merge_acronyms(document, blocks, clusters)
    merge_people(document, clusters)
    merge_place_heads(clusters)
    merge_town_clubs(document, clusters)
    merge_state_names(clusters)
    merge_registered_names(clusters)
    merge_short_names(document, clusters)
    merge_name_tails(document, clusters)
    merge_qualified_names(clusters)
    merge_numbered_names(clusters)
    merge_group_plurals(clusters)


def split_datelines(clusters: dict[str, Cluster]) -> None:
    """A dateline's city is the place the story was filed from, even when the story's
    results name its team the same ("MILAN (Reuters) -" and "Milan 2 Roma 1")."""
    for name, found in list(clusters.items()):
        filed = [c for c in found.candidates if c.dateline]
        if filed and len(filed) < len(found.candidates) and any(c.scored for c in found.candidates):
            found.candidates = [c for c in found.candidates if not c.dateline]
            place = clusters["@" + name] = Cluster("@" + name, False, filed)
            place.preferred_name = found.preferred_name


def merge_into(clusters: dict[str, Cluster], source: Cluster, target: Cluster) -> None:
    target.candidates.extend(source.candidates)
    target.extra_aliases |= source.extra_aliases
    del clusters[source.key]


def _initials(expansion: str) -> str:
    return "".join(w[0] for w in expansion.split() if w.lower() not in _FUNCTION_WORDS).upper()


def _initials_match(expansion: str, acronym: str) -> bool:
    return _initials(expansion) == acronym.replace(".", "").replace("&", "").upper()


def merge_acronyms(document: Document, blocks: Sequence[Block], clusters: dict) -> None:
    """ "North Atlantic Treaty Organization (NATO)": one entity, named by the expansion.

    Without the brackets an acronym joins the one organization of the article whose
    initials it is ("CEU" and "Central European University").
    """
    for block in blocks:
        text = document.block_text(block)
        if "(" not in text:
            continue  # both forms put one of the two in brackets
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
            short, long = clusters.get(key(acronym)), clusters.get(key(expansion))
            if short is None and long is None:
                continue
            target = long or short
            if short is not None and long is not None and short is not long:
                merge_into(clusters, short, long)
            target.extra_aliases |= {acronym, expansion}
            target.preferred_name = expansion
    by_initials: dict[str, list[Cluster]] = {}
    for found in clusters.values():
        words = found.key.split()
        if len(words) > 2 and not found.value and label_of(found) == "ORG":
            by_initials.setdefault(_initials(_name_of(found)), []).append(found)
    if not by_initials:
        return
    for name, found in list(clusters.items()):
        if found.value:
            continue
        surface = found.surfaces().most_common(1)[0][0].replace(".", "")  # "I.R.S." is IRS
        targets = by_initials.get(surface, [])
        if (
            2 <= len(surface) <= 6
            and surface.isupper()
            and len(targets) == 1
            and targets[0] is not found
            and name in clusters
        ):
            merge_into(clusters, found, targets[0])
            targets[0].preferred_name = _name_of(targets[0])


def _name_of(found: Cluster) -> str:
    return found.preferred_name or found.surfaces().most_common(1)[0][0]


def trusted(document: Document, block: Block) -> bool:
    """Running text, or a title or heading in sentence case (Title Case names anything);
    a results line ("Kestow 3 Allerby 1") taken for a heading names its sides."""
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
        return not title_case(document.block_text(block)) or results_line(document.text, block)
    return True


def title_case(text: str) -> bool:
    """Title Case or ALL CAPS: lines where the model takes any capital for a name."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    if not words:
        return True
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def stated(document: Document, found: Cluster) -> bool:
    """Whether the article itself writes this name, not only a Title Case title or heading."""
    return any(trusted(document, c.block) for c in found.candidates)


# Generation suffixes after a surname: "John Roberts Jr." is a Roberts.
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _without_suffix(name: str) -> list[str]:
    words = name.replace(",", "").split()
    while len(words) > 2 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words


def surname(name: str) -> str:
    """ "de Vries" of "Anna de Vries", "Khrenin" of "Viktor Khrenin", "Roberts" of "John
    G. Roberts Jr.": particles belong to it, a generation suffix does not."""
    words = _without_suffix(name)
    first = len(words) - 1
    while first > 1 and words[first - 1].lower() in NAME_PARTICLES:
        first -= 1
    return " ".join(words[first:])


def merge_people(document: Document, clusters: dict[str, Cluster]) -> None:
    """Merge "Khrenin", "de Vries" or "Viktor" into the one person of the article so named.

    A first name alone joins only when exactly one person has it; then it is a person
    even if the model took it for a place ("Georgia" for Georgia Blake).
    """
    merge_name_variants(clusters)
    by_last: dict[str, list[Cluster]] = {}
    by_first: dict[str, list[Cluster]] = {}
    for found in clusters.values():
        if found.value or label_of(found) != "PERSON":
            continue
        full = [c.text for c in found.candidates if " " in c.text]
        # A headline in Title Case names anything, but not a titled or first-named person.
        sure = any(c.titled for c in found.candidates) or any(map(looks_like_person, full))
        if not (sure or stated(document, found)):
            continue
        if not full:
            continue
        name = Counter(full).most_common(1)[0][0]
        last = surname(name)
        for form in {last, last.split()[-1]}:
            by_last.setdefault(key(form), []).append(found)
        by_first.setdefault(key(name.split()[0]), []).append(found)
        nickname = NICKNAME.search(name)
        if nickname:  # 'Trimaan "Harry" Dhillon' is Harry too
            by_first.setdefault(key(nickname["nick"]), []).append(found)
    for name, found in list(clusters.items()):
        if found.value or name not in clusters:
            continue
        if len(name.split()) > 1 and name.split()[0] not in NAME_PARTICLES:
            continue
        surfaces = found.surfaces()
        target = by_last.get(name, [])
        persons = sum(c.label == "PERSON" for c in found.candidates)
        if any(known_label(s) for s in surfaces) and not (
            target and persons * 2 > len(found.candidates)
        ):
            # "Georgia" the country, "Jordan" the kingdom: a surname only when the article
            # names a Jordan and the model reads the lone word as a person too.
            continue
        if len(target) > 1 and persons * 2 > len(found.candidates):
            # "Jordan" of Frank and Louis Jordan: a person, whichever of them is meant
            found.forced_label = "PERSON"
        if len(target) > 1:  # "Ruggles said he": the one Ruggles the pronoun fits
            sex = _sex_of(document.text, found)
            target = [t for t in target if sex and _sex_of_first_name(t) == sex]
        if len(target) != 1:
            given = any(is_given_name(s) for s in surfaces)
            if persons * 2 > len(found.candidates) or given:
                target = by_first.get(name, [])
        if len(target) == 1 and target[0] is not found:
            merge_into(clusters, found, target[0])
            target[0].forced_label = "PERSON"


def merge_name_variants(clusters: dict[str, Cluster]) -> None:
    """One person for "Dana Hollis" and "Dana K. Hollis" (or "Dana Hollis Jr."): the same
    first name and surname, one written with nothing between. Two people with different
    middle names ("George H. Bush", "George W. Bush") stay apart, and a bare "George
    Bush" joins neither when both are there."""
    by_ends: dict[tuple[str, str], list[tuple[Cluster, tuple[str, ...]]]] = {}
    for name, found in clusters.items():
        if found.value or " " not in name or label_of(found) != "PERSON":
            continue
        full = [c.text for c in found.candidates if " " in c.text]
        words = _without_suffix(Counter(full).most_common(1)[0][0])
        last = surname(" ".join(words))
        middle = tuple(w.casefold() for w in words[1 : len(words) - len(last.split())])
        by_ends.setdefault((key(words[0]), key(last)), []).append((found, middle))
    for variants in by_ends.values():
        bare = [found for found, middle in variants if not middle]
        fuller = [found for found, middle in variants if middle]
        if len(bare) == 1 and len(fuller) == 1:
            merge_into(clusters, bare[0], fuller[0])


# "Ruggles said he", "Ruggles, she said": the pronoun that stands for the name after it.
_PRONOUN_AFTER = re.compile(
    r"(?: (?:said|says|added|argued|insisted|explained|wrote|thinks|thought|believes)"
    r"(?: that)?| ?,)? (he|she)\b"
)
_SEX_OF_TITLE = {"mr": "M", "sir": "M", "lord": "M", "mrs": "F", "ms": "F", "miss": "F"}
_SEX_OF_TITLE |= {"dame": "F", "lady": "F"}


def _sex_of(text: str, found: Cluster) -> str | None:
    """The sex the article gives a name by a title ("Mrs Ruggles") or a pronoun after
    it ("Ruggles said he"), when all its mentions agree."""
    seen = set()
    for candidate in found.candidates:
        before = word_before(text, candidate.start, candidate.block.start)
        title = _SEX_OF_TITLE.get(before.lower().rstrip("."))
        pronoun = _PRONOUN_AFTER.match(text, candidate.end, candidate.block.end)
        seen |= {title} if title else set()
        seen |= {"M" if pronoun[1] == "he" else "F"} if pronoun else set()
    return seen.pop() if len(seen) == 1 else None


def _sex_of_first_name(found: Cluster) -> str | None:
    full = [c.text for c in found.candidates if " " in c.text]
    first = Counter(full).most_common(1)[0][0].split()[0] if full else ""
    return given_name_genders().get(first.lower())


def merge_place_heads(clusters: dict[str, Cluster]) -> None:
    """Merge "Barents" into "Barents Sea" when the article names both and it is no person."""
    heads: dict[str, Cluster] = {}
    for name, found in clusters.items():
        words = name.split()
        if len(words) > 1 and words[-1] in GEO_HEADS:
            heads[" ".join(words[:-1])] = found
    for name, found in list(clusters.items()):
        target = heads.get(name)
        if (
            target is not None
            and target is not found
            and not found.value
            and label_of(found) != "PERSON"
        ):
            merge_into(clusters, found, target)


def merge_town_clubs(document: Document, clusters: dict[str, Cluster]) -> None:
    """Merge "Kestow" into "Kestow United", the one club the article names after the town:
    on a page that names a town's club, the town alone is the club ("Kestow won 2-0")."""
    by_town: dict[str, list[Cluster]] = {}
    for name, found in clusters.items():
        town, _, word = name.rpartition(" ")
        if (
            town
            and word in CLUB_WORDS
            and not found.value
            and stated(document, found)
            and label_of(found) == "ORG"
        ):
            by_town.setdefault(town, []).append(found)
    for name, found in list(clusters.items()):
        targets = by_town.get(name, [])
        if (
            len(targets) == 1
            and targets[0] is not found
            and not found.value
            and label_of(found) not in ("PERSON", "NORP")
            and name not in country_names()
            and name not in state_names()  # "Texas" of the Texas Rangers is the state too
        ):
            merge_into(clusters, found, targets[0])
            targets[0].forced_label = "ORG"
            targets[0].preferred_name = targets[0].preferred_name or _full_name(targets[0])


def merge_state_names(clusters: dict[str, Cluster]) -> None:
    """Merge "Slovak Republic" into "Slovakia", "Russian Federation" into "Russia": a
    state called by its people's adjective is the one place of the article whose name
    that adjective shares its stem with (all but its last two letters)."""
    places = {
        name: found
        for name, found in clusters.items()
        if " " not in name and not found.value and label_of(found) in ("GPE", "LOC")
    }
    for name, found in list(clusters.items()):
        words = name.split()
        if len(words) != 2 or words[1] not in STATE_HEADS or found.value:
            continue
        stem = words[0][: max(4, len(words[0]) - 2)]
        targets = [p for key, p in places.items() if key.startswith(stem) and p is not found]
        if len(targets) == 1:
            targets[0].preferred_name = targets[0].preferred_name or _name_of(targets[0])
            merge_into(clusters, found, targets[0])


# A company's registered suffix: "Sony Corp." is Sony, "Giant Group Ltd." is Giant Group.
_REGISTERED = re.compile(
    r",? (?:inc|corp|co|ltd|plc|llc|lp|l\.p|oy|oyj|ab|ag|sa|s\.a|nv|n\.v|bv|gmbh|spa|"
    r"s\.p\.a|pty|limited|incorporated|corporation)\.?$"
)
_POSSESSIVE_KEY = re.compile(r"'s?$")


def merge_registered_names(clusters: dict[str, Cluster]) -> None:
    """ "Sony" and "Sony Corp.", "Giant Group" and "GIANT GROUP LTD": one company, named
    with and without its registered suffix ("Rally's Inc." is Rally's, and Rally)."""
    by_bare: dict[str, list[Cluster]] = {}
    registered: dict[str, Cluster] = {}
    for name, found in clusters.items():
        if found.value:
            continue
        suffix = _REGISTERED.search(name)
        bare = _POSSESSIVE_KEY.sub("", name[: suffix.start()] if suffix else name)
        by_bare.setdefault(bare, []).append(found)
        if suffix:
            registered.setdefault(bare, found)
    for bare, target in registered.items():
        for found in by_bare[bare]:
            if found is target:
                continue
            if _REGISTERED.search(found.key) or (
                label_of(found) not in _NOT_SHORT_FOR_ORG
                and not any(known_label(s) for s in found.surfaces())
            ):
                merge_into(clusters, found, target)
                target.forced_label = "ORG"


def merge_short_names(document: Document, clusters: dict[str, Cluster]) -> None:
    """Merge "Kestrel" into "Kestrel Batteries", the one organization it can be short for.

    Never when the short name is taken for a place, a group or a thing, against the vote
    of any town of that name: a place or a subject ("Nile", "Mars") is not the
    organization that starts with it (the model's "person" for a company is a common
    slip). "Oxford", taken for an organization, joins "University of Oxford".
    Only a long name the article states counts: "Talks With Nordline Stall" in a Title
    Case headline is not the full name of Nordline.
    """
    by_first: dict[str, list[Cluster]] = {}
    for name, found in clusters.items():
        words = name.split()
        if (
            len(words) > 1
            and not found.value
            and label_of(found) == "ORG"
            and stated(document, found)
        ):
            by_first.setdefault(words[0], []).append(found)
            if len(words) > 2 and words[-2] == "of":  # "University of Oxford" is Oxford too
                by_first.setdefault(words[-1], []).append(found)
    for name, found in list(clusters.items()):
        targets = by_first.get(name, [])
        if (
            len(targets) == 1
            and targets[0] is not found
            and not found.value
            and not found.forced_label
            and label_of(found) not in _NOT_SHORT_FOR_ORG
            and not any(known_label(s) for s in found.surfaces())
            and not any(looks_like_person(s) for s in targets[0].surfaces())
        ):
            target = targets[0]
            merge_into(clusters, found, target)
            target.forced_label = "ORG"
            target.preferred_name = target.preferred_name or _full_name(target)


def merge_name_tails(document: Document, clusters: dict[str, Cluster]) -> None:
    """ "Midwifery Council", "the Trust" or "Yankees" into "Nursing and Midwifery Council",
    "Kestow Trust" or "New York Yankees", the one body the article names that ends so;
    "Duncan Smith" into "Iain Duncan Smith", the one person. Two bodies ending alike
    ("House Intelligence Committee", "Senate Intelligence Committee") take neither."""
    by_tail: dict[tuple[str, str], set[int]] = {}
    for name, found in clusters.items():
        if found.value or not stated(document, found):
            continue
        label = label_of(found)
        if label not in ("ORG", "PERSON"):
            continue
        for full in {name} | {key(a) for a in found.extra_aliases}:  # an acronym's expansion
            words = full.split()
            for size in range(1 if label == "ORG" else 2, len(words)):
                by_tail.setdefault((label, " ".join(words[-size:])), set()).add(id(found))
    by_id = {id(found): found for found in clusters.values()}
    # Longer tails first: "Pilots Council" joins its body before "Council" counts bodies.
    for name, found in sorted(clusters.items(), key=lambda item: -len(item[0].split())):
        if found.value or name not in clusters:
            continue
        label = label_of(found)
        # A surname is merge_people's, and was settled there; the model's "person" for a
        # team's short name ("Giants", "Red Sox") is the team's.
        tails = by_tail.get((label, name), set()) if " " in name or label != "PERSON" else set()
        if label == "PERSON" and not tails and not any(map(looks_like_person, found.surfaces())):
            tails = by_tail.get(("ORG", name), set())
        targets = [by_id[t] for t in tails if t != id(found) and by_id[t].key in clusters]
        if len(targets) != 1 or any(known_label(s) for s in found.surfaces()):
            continue
        target = targets[0]
        if label != "PERSON" and any(map(looks_like_person, target.surfaces())):
            continue  # "Scott" is no body's short name for a Keith Lamont Scott
        target.forced_label = label_of(target)  # the long name says what it is
        merge_into(clusters, found, target)
        if target.forced_label == "ORG":
            target.preferred_name = target.preferred_name or _full_name(target)


def _full_name(found: Cluster) -> str:
    surfaces = found.surfaces()
    full = Counter({s: n for s, n in surfaces.items() if " " in s}) or surfaces
    return full.most_common(1)[0][0]


def merge_group_plurals(clusters: dict[str, Cluster]) -> None:
    """ "Chechens" and "Chechen", "Americans" and "American": one group; "the last five
    Kestow derbies" and "the Kestow derby": one event."""
    for name, found in list(clusters.items()):
        single = clusters.get(name[:-3] + "y") if name.endswith("ies") else None
        single = single or (clusters.get(name[:-1]) if name.endswith("s") else None)
        if single is None or single is found or found.value or not name[:1].isalpha():
            continue
        label = label_of(single)
        if " " in name and label == "EVENT":
            single.preferred_name = single.preferred_name or _name_of(single)
        if (" " not in name and label == "NORP") or (" " in name and label == "EVENT"):
            merge_into(clusters, found, single)
            single.forced_label = label


def merge_qualified_names(clusters: dict[str, Cluster]) -> None:
    """ "LGBT Network" into "Russian LGBT Network": an organization and its national qualifier."""
    for name, found in list(clusters.items()):
        first, _, rest = name.partition(" ")
        short = clusters.get(rest) if rest else None
        if (
            short is not None
            and short is not found
            and not short.value
            and known_label(first.title()) == "NORP"
            and label_of(found) == "ORG"
            and label_of(short) == "ORG"
        ):
            merge_into(clusters, short, found)


def merge_numbered_names(clusters: dict[str, Cluster]) -> None:
    """ "Zapad" into "Zapad-2025": the one numbered edition of an event or product named."""
    by_stem: dict[str, list[Cluster]] = {}
    for name, found in clusters.items():
        stem, dash, number = name.rpartition("-")
        if dash and stem and number.isdigit() and not found.value:
            by_stem.setdefault(stem, []).append(found)
    for name, found in list(clusters.items()):
        targets = by_stem.get(name, [])
        if (
            len(targets) == 1
            and targets[0] is not found
            and not found.value
            and not any(known_label(s) for s in found.surfaces())
        ):
            merge_into(clusters, found, targets[0])
