"""Verbs and phrases of saying, and whether a word is one here ("said", not "the claims")."""

from __future__ import annotations

import re

from reader.analysis.quotes.words import (
    _BE,
    _BETWEEN,
    _CLAUSE_BREAKS,
    _MODALS,
    _NOUN_MARKERS,
    _PREPOSITIONS,
    _QUANTITIES,
    _SPEAKER_WORDS,
    _is_possessive,
    _is_word,
    _wordset,
)

# Verbs of saying in every form a report uses them. The strong ones introduce reported
# speech on their own; the weak ones ("called", "described") count only next to quotation
# marks, where they frame someone's words rather than name or describe something.
_STRONG_LEMMAS = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "note": ("note", "notes", "noted", "noting"),
    "write": ("write", "writes", "wrote", "writing"),
    "report": ("report", "reports", "reported"),
    "warn": ("warn", "warns", "warned", "warning"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "state": ("stated",),
    "announce": ("announce", "announces", "announced", "announcing"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "contend": ("contend", "contends", "contended"),
    "declare": ("declare", "declares", "declared"),
    "assert": ("assert", "asserts", "asserted"),
    "recall": ("recalls", "recalled"),
    "respond": ("responded",),
    "comment": ("commented",),
    "reply": ("replied",),
    "stress": ("stressed",),
    "emphasize": ("emphasized", "emphasised"),
    "complain": ("complained", "complains"),
    "concede": ("conceded", "concedes"),
    "confirm": ("confirmed", "confirms"),
    "deny": ("denied", "denies"),
    "promise": ("promised", "promises", "promising"),
    "pledge": ("pledged", "pledges"),
    "vow": ("vowed", "vows"),
    "allege": ("alleged", "alleges"),
    "maintain": ("maintained", "maintains"),
    "continue": ("continued",),
    "tweet": ("tweeted",),
    "testify": ("testified",),
    "observe": ("observed",),
    "remark": ("remarked",),
    "ask": ("asked", "asks", "asking"),
    "boast": ("boasted", "boasts"),
    "demand": ("demanded", "demands", "demanding"),
}
_WEAK_LEMMAS = {
    "call": ("called", "calls", "calling"),
    "describe": ("described", "describes"),
    "label": ("labeled", "labelled"),
    "dub": ("dubbed",),
    "blast": ("blasted",),
    "criticize": ("criticized", "criticised"),
    "accuse": ("accused", "accuses"),
    "praise": ("praised",),
    "urge": ("urged", "urges"),
    "believe": ("believes", "believed"),
    "cite": ("cited", "cites", "citing"),
    "dismiss": ("dismissed", "dismisses"),
    "refer": ("referred", "refers"),
    "rule": ("ruled", "rules"),
    "stress": ("stressing", "stresses"),
    "hope": ("hopes", "hoped"),
    "expect": ("expects", "expected"),
    "mock": ("mocked", "mocks"),
    "attack": ("attacked", "attacks", "attacking"),
}
STRONG_CUES = frozenset(w for forms in _STRONG_LEMMAS.values() for w in forms)
# The uninflected forms, nouns as often as verbs ("a report", "the claim").
_BARE_CUES = frozenset(
    lemma
    for lemmas in (_STRONG_LEMMAS, _WEAK_LEMMAS)
    for lemma, forms in lemmas.items()
    if lemma in forms
) | {"show", "think", "believe"}
_IRREGULAR_PASTS = _wordset("said told wrote found thought knew held")
# Verbs that frame a quote only right beside its marks ("“…,” she shouted", "the letter
# reads: “…”"): on their own they report no speech ("she shouted at the driver").
FRAMING_CUES = _wordset(
    "shouted shouts yelled yells screamed screams sang sings chanted chants whispered "
    "whispers exclaimed exclaims quipped quips joked jokes mused muses cried "
    "concluded concludes reads read recounted recounts replies retorted retorts tweets "
    "shouting yelling screaming singing chanting whispering"
)
WEAK_CUES = frozenset(w for forms in _WEAK_LEMMAS.values() for w in forms)
# Verbs that report what a poll, study or person holds only with a "that" clause after
# them: "the poll found that …", not "police found a car".
THAT_CUES = _wordset(
    "show shows showed found finds indicated indicates revealed reveals concluded concludes "
    "estimated estimates believe believes thinks think argued agreed agrees acknowledged "
    "learned learns"
)
_TELL = frozenset(_STRONG_LEMMAS["tell"])
_ANY_CUE = STRONG_CUES | WEAK_CUES | FRAMING_CUES | THAT_CUES | {"according"}
_NOT_SPEECH = frozenset(
    {(w, "from") for w in ("reported", "reports", "reporting", "wrote", "writes", "writing")}
)
# "…,” she said, adding that …": a second report by the same speaker, in the same sentence.
_FOLLOW_ON_CUES = _wordset(
    "adding saying noting arguing insisting explaining warning claiming stressing"
)
_FOLLOW_ON = re.compile(rf",\s+({'|'.join(sorted(_FOLLOW_ON_CUES))})\b")
_SECOND_REPORT = re.compile(
    rf"(?:,\s+(?:{'|'.join(sorted(_FOLLOW_ON_CUES))})|[,;—-]\s+(?:and|but))\b", re.I
)


def _cue_at(tokens: list[tuple[int, int, str]], i: int, weak: bool, framing: bool = False) -> int:
    """How many tokens the cue starting at token i spans (0: not a cue).

    `framing`: the token stands right beside quotation marks, where verbs such as
    "shouted" or "reads" frame a quote.
    """
    word = tokens[i][2].lower()
    if word not in _ANY_CUE:
        return 0
    if word == "according" and i + 1 < len(tokens) and tokens[i + 1][2].lower() == "to":
        return 2
    followed_by_that = i + 1 < len(tokens) and tokens[i + 1][2].lower() == "that"
    if (
        word in STRONG_CUES
        or (weak and word in WEAK_CUES)
        or (framing and word in FRAMING_CUES)
        or (word in THAT_CUES and followed_by_that)
    ):
        if i > 0 and tokens[i - 1][2].lower() in _BE and not word.endswith("ing"):
            return 0  # "it was said", "he was told": passive, not a report
        if i > 0 and tokens[i - 1][2].lower() == "having" and followed_by_that:
            return 0  # "Having said that, …": a turn of phrase
        if _is_noun_use(tokens, i) or (_after_modal(tokens, i) and not followed_by_that):
            return 0
        after = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
        if (word, after) in _NOT_SPEECH:
            return 0  # "Ruiz reported from Kirkwall": where, not what
        return 1
    return 0


def _after_modal(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """ "Crackdowns could add fuel", "she may note": what might be said is no report."""
    j = i - 1
    while j >= 0 and tokens[j][2].lower() in ("also", "only", "still", "not", "never"):
        j -= 1
    return j >= 0 and tokens[j][2] in _MODALS  # "Theresa May said" is no modal


def _is_noun_use(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """The cue word is a noun here that frames nothing: "the president's claims about …".

    A verb never follows an article or a possessive, nor (but for "to say" and a gerund,
    "for saying that …") a preposition. A bare form ("report", "claim") after "a" and the
    words of its noun phrase is a noun too: as a verb it would need a plural subject ("the
    officials report", "a few say"). A noun with its "that" clause ("Ruiz's claim that
    …", "a Times report that …") still frames what follows.
    """
    word = tokens[i][2].lower()
    if word not in THAT_CUES and any(t[2].lower() == "that" for t in tokens[i + 1 : i + 7]):
        return False  # but "an hourlong show that aired" is a show
    gerund = word.endswith("ing")
    past = word.endswith("ed") or word in _IRREGULAR_PASTS
    before = tokens[i - 1][2].lower() if i > 0 else ""
    if before in _NOUN_MARKERS or (before in _PREPOSITIONS - {"to"} and not gerund):
        return True
    if before.endswith("ly") and i > 1 and tokens[i - 2][2].lower() in _NOUN_MARKERS:
        return True  # "a hastily called meeting": an adjective
    owner = i - 1
    while owner > 0 and tokens[owner][2][:1].isupper() and not _is_possessive(tokens[owner][2]):
        owner -= 1  # "Ruiz's Fifth Amendment claims"
    if word.endswith("s") and owner < i - 1 and _is_possessive(tokens[owner][2]):
        return True
    if _is_possessive(before) and not (past or gerund):
        # "Trump's claims"; but "he's said" is "he has said", "she's claiming" "she is"
        return before[:-2] not in _SPEAKER_WORDS | {"that", "there", "what", "it"}
    if word not in _BARE_CUES:
        return False
    for j in range(i - 1, max(-1, i - 5), -1):
        lower = tokens[j][2].lower()
        if lower in ("a", "an"):
            return True
        if (
            not _is_word(lower)
            or lower in _NOUN_MARKERS | _QUANTITIES | _PREPOSITIONS
            or lower in _BE | _BETWEEN | _CLAUSE_BREAKS | STRONG_CUES
        ):
            return False
    return False


def _inverts(cue: str) -> bool:
    """The cue may come before its speaker: "…, said Varga", but never "…, called Varga"."""
    lower = cue.lower()
    return lower in STRONG_CUES and lower not in _TELL and not lower.endswith("ing")
