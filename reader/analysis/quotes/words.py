"""The words and tokens the quote rules read: word lists, tokens with offsets, clauses."""

from __future__ import annotations

import re

from reader.analysis.quotes.pronouns import PRONOUNS


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_RELATIVES = frozenset({"who", "which"})
_SPEAKER_WORDS = frozenset({"i", "you", *PRONOUNS, *_RELATIVES})
# Words standing between a speaker and the verb: "Okafor has also said".
_BETWEEN = _wordset(
    "also has had have later previously repeatedly often once recently then again "
    "would will could might may should must did does do never already only still "
    "further publicly privately"
)
_DASHES = frozenset({"-", "--", "—", "–"})
_MODALS = _wordset("could might may should must can cannot")
_BE = _wordset("is was were are be been being am 's")
# Words that end a speaker phrase on its left: the phrase is what follows them.
_CLAUSE_BREAKS = _wordset(
    "that and but because when as if while since though although so or nor where "
    "after before than what whom whose whether"
)
_PREPOSITIONS = _wordset(
    "in on at for with to from of by about into over under during against among "
    "between without within through across"
)
# Singular nouns for a body of people that speak without an article: "police said".
_COLLECTIVES = _wordset(
    "police staff military government administration media press prosecution defense "
    "defence leadership management family crew"
)
_SHARES = _wordset("some many most several few both all")
_QUANTITIES = _wordset("few lot number couple dozen handful majority minority group pair series")
# Capitalised words that open a sentence without being anyone: "Here is the list:".
_NOT_SUBJECTS = _wordset("here there it this that these those what why how it's there's")
# What someone says or writes: "a statement calling …" is its author's.
_UTTERANCES = _wordset(
    "statement statements tweet tweets letter letters post posts message messages ad ads "
    "advert video email emails release speech remarks interview op-ed column memo"
)
# Words after which a verb of saying can only be a noun: "the report", "his claims".
_NOUN_MARKERS = _wordset("a an the these those his her its their our my your")
_DETERMINERS = _wordset(
    "a an the this that these those his her its their our my your some many several "
    "other another one two three both most few"
)
# Roles a report uses for someone it has named: "the minister" is the one person the
# article gives that role; "the company" the one organization.
_PERSON_ROLES = _wordset(
    "minister president senator governor spokesman spokeswoman spokesperson secretary "
    "chairman chairwoman chair director mayor judge candidate nominee chief officer "
    "leader premier chancellor ambassador general commissioner coach manager captain "
    "founder author researcher professor scientist lawyer attorney prosecutor "
    "executive congressman congresswoman representative sheriff adviser advisor"
)
_ORG_ROLES = _wordset(
    "company firm campaign ministry agency department government committee commission "
    "group party council court union authority board bank team organization "
    "organisation network newspaper paper club"
)
_OPENING_ADVERBS = _wordset(
    "however meanwhile still instead later earlier moreover yet now then also indeed "
    "overall again nevertheless nonetheless thus so but and"
)
_NOT_HEADS = _DETERMINERS | _OPENING_ADVERBS | _CLAUSE_BREAKS | _PREPOSITIONS
_TIMES = _wordset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "last this earlier later recently"
)
_TIME_WORDS = _TIMES | _wordset(
    "january february march april may june july august september october november december "
    "late early mid week month year spring summer autumn fall winter morning evening night"
)
_ABBREVIATIONS = _wordset(
    "mr mrs ms dr sen rep gov gen st jr sr lt col sgt capt prof rev no vs inc corp co "
    "ltd u.s u.k d.c a.m p.m"
)
_WORD = re.compile(r"[^\s]+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _clause_start(text: str, floor: int, position: int) -> int:
    """Where the sentence holding `position` starts, not before `floor`."""
    best = floor
    for match in re.finditer(r"[.!?][”\"’']?\s+", text[floor:position]):
        at = floor + match.start()
        word = _word_before(text, floor, at).lower().rstrip(".")
        if word in _ABBREVIATIONS or len(word) == 1:
            continue
        best = floor + match.end()
    return best


def _clause_end(text: str, position: int, ceiling: int) -> int:
    """Where the sentence holding `position` ends (after its full stop), within `ceiling`."""
    for match in re.finditer(r"[.!?](?=[”\"’']?(\s|$))", text[position:ceiling]):
        at = position + match.start()
        word = _word_before(text, position, at).lower().rstrip(".")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        return at + 1
    return ceiling


def _word_before(text: str, floor: int, at: int) -> str:
    i = at
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:at]


_TOKEN = re.compile(r"[\w’'.\-&/]+|[^\w\s]")
_INITIALS = re.compile(r"(?:\w\.)+")


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words with their offsets; trailing punctuation split off as its own token."""
    result = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        s = match.start()
        if (
            len(word) > 1
            and word.endswith(".")
            and word[:-1].lower() not in _ABBREVIATIONS
            and not _INITIALS.fullmatch(word)
        ):
            result.append((s, s + len(word) - 1, word[:-1]))
            result.append((s + len(word) - 1, s + len(word), "."))
            continue
        result.append((s, s + len(word), word))
    return result


def _is_possessive(word: str) -> bool:
    return re.search(r"[’']s$|s[’']$", word) is not None


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ',:;—“"'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—"):
        end -= 1
    return start, end
