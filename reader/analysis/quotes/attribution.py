"""Attributions: the cue and the speaker phrase as written, before, after or around a quote."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.model import Span
from reader.analysis.quotes.cues import (
    _FOLLOW_ON_CUES,
    _IRREGULAR_PASTS,
    _SECOND_REPORT,
    _TELL,
    STRONG_CUES,
    WEAK_CUES,
    _cue_at,
    _inverts,
)
from reader.analysis.quotes.marks import _CLOSERS, _MARKS
from reader.analysis.quotes.words import (
    _BE,
    _BETWEEN,
    _CLAUSE_BREAKS,
    _COLLECTIVES,
    _DASHES,
    _DETERMINERS,
    _NOT_HEADS,
    _NOT_SUBJECTS,
    _NOUN_MARKERS,
    _OPENING_ADVERBS,
    _PREPOSITIONS,
    _SHARES,
    _SPEAKER_WORDS,
    _TIME_WORDS,
    _TIMES,
    _UTTERANCES,
    _clause_start,
    _is_word,
    _tokens,
    _trim,
    _words,
)

# "“…” — Ana Ruiz": a quote signed with a dash and a name, as under an epigraph.
_SIGNATURE = re.compile(
    r"\s*([―—–]|-{1,2})[\s\xa0]*([A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,4})\.?\s*$"
)
_MIN_REPORT_WORDS = 4
_MAX_SPEAKER_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: Span | None
    cue: Span


def _colon_intro(text: str, paragraph: tuple[int, int]) -> _Attribution | None:
    """ "Okafor continued:" as a paragraph of its own introduces the quote below it."""
    start, end = paragraph
    if not text[start:end].rstrip().endswith(":"):
        return None
    clause = _clause_start(text, start, end - 1)
    colon = start + len(text[start:end].rstrip())
    return _lead_attribution(text, clause, end) or _colon_speaker(text, clause, colon)


def _colon_speaker(text: str, start: int, colon: int) -> _Attribution | None:
    """ "Sanders made this comment:": the subject before a colon speaks, the colon the cue."""
    tokens = _tokens(text, start, colon - 1)
    subject = _sentence_subject(tokens, len(tokens))
    if subject is None or text[subject[0] : subject[1]].lower() in _NOT_SUBJECTS:
        return None
    return _make(text, subject, (colon - 1, colon))


def _left_speaker(
    tokens: list[tuple[int, int, str]], cue: int, text: str
) -> tuple[int, int] | None:
    """The speaker phrase ending right before token `cue`: "the minister", "Okafor"."""
    j = cue - 1
    while j >= 0 and tokens[j][2] in _BETWEEN:  # "Theresa May said": May is a name
        j -= 1
    if (
        j >= 1
        and tokens[j - 1][2].lower() in ("in", "on")
        and (tokens[j][2].isdigit() or tokens[j][2].lower() in _TIMES)
    ):
        j -= 2  # "McConnell, who in 2010 said …": the time stands between
    if j >= 0 and tokens[j][2] == ")":
        # "Jason Chaffetz (R-Utah) said": the name before the parenthesis speaks.
        opening = next((k for k in range(j - 1, max(-1, j - 6), -1) if tokens[k][2] == "("), None)
        if opening is not None:
            j = opening - 1
    if j < 0:
        return None
    last = j
    if not _is_word(tokens[last][2]) or tokens[last][2].lower() in _PREPOSITIONS | _BE:
        return None
    if tokens[last][2].lower() == "whom" and last >= 2 and tokens[last - 1][2].lower() == "of":
        # "families, many of whom say …": the share of the people named before
        return tokens[last - 2][0], tokens[last][1]
    if tokens[last][2].lower() in _CLAUSE_BREAKS - {"that"}:
        return None
    first = last
    while first - 1 >= 0 and last - first + 1 < _MAX_SPEAKER_WORDS:
        word = tokens[first - 1][2]
        lower = word.lower()
        within_name = (
            lower == "and" and tokens[first][2][:1].isupper() and first - 2 >= 0
        ) and tokens[first - 2][2][:1].isupper()
        if not _is_word(word) or (lower in _CLAUSE_BREAKS and not within_name) or lower in _BE:
            break
        if lower in _SPEAKER_WORDS and first - 1 != last:
            break
        named_after = tokens[first][2][:1].isupper() or (
            tokens[first][2].lower() == "the"
            and first + 1 <= last
            and tokens[first + 1][2][:1].isupper()
        )
        if lower in _PREPOSITIONS and not (
            named_after and first - 2 >= 0 and tokens[first - 2][2][:1].isupper()
        ):
            break  # "Mr. Morgan of the Sierra Club said" keeps its "of"
        if tokens[first][2].lower() in _SPEAKER_WORDS:
            break
        first -= 1
    while first < last and tokens[first][2].lower() in _PREPOSITIONS | _CLAUSE_BREAKS:
        first += 1
    article = next(
        (k for k in range(last - 1, first, -1) if tokens[k][2].lower() in ("a", "an", "the")),
        None,
    )
    if article is not None and not any(t[2][:1].isupper() for t in tokens[first:article]):
        first = article  # "features a Times report that …": the noun phrase, not its verb
    head = tokens[last][2]
    lower_words = [t[2] for t in tokens[first : last + 1]]
    if head.lower() in _SPEAKER_WORDS:
        first = last
    elif (
        not (
            any(w[:1].isupper() for w in lower_words)
            or lower_words[0].lower() in _DETERMINERS
            or lower_words[0][:1].isdigit()
            or head.lower().endswith("s")
            or head.lower() in _COLLECTIVES  # "…, police said."
        )
        or head.lower() in _DETERMINERS
    ) and not (first == last and head.lower() in _SHARES):
        return None  # but "some note that …", "all agreed that …" speak
    if first == last and head.lower() in _OPENING_ADVERBS:
        return None  # "Now tell us …"
    if (
        first >= 2
        and all(t[2].lower() in _TIME_WORDS or t[2].isdigit() for t in tokens[first : last + 1])
        and tokens[first - 1][2].lower() in _PREPOSITIONS
        and tokens[first - 2][2].lower().endswith("ed")
    ):
        # "A poll released in late August found": the poll, not the time, found it
        return _left_speaker(tokens, first - 2, text)
    return tokens[first][0], tokens[last][1]


def _right_speaker(tokens: list[tuple[int, int, str]], after: int) -> tuple[int, int] | None:
    """The speaker phrase right after an inverted cue: "…, said Elena Varga, who …"."""
    if after >= len(tokens):
        return None
    first = after
    word = tokens[first][2]
    if not _is_word(word):
        return None
    if word.lower() in ("he", "she", "they", "it", "we", "i"):
        return tokens[first][0], tokens[first][1]
    if not (word[:1].isupper() or word.lower() in _DETERMINERS - {"that", "this"}):
        # "said panel Chairman Jason Chaffetz": a lowercase role before a name.
        ahead = tokens[first : first + 4]
        if not any(t[2][:1].isupper() for t in ahead) or any(
            not _is_word(t[2]) or t[2].lower() in _CLAUSE_BREAKS | _PREPOSITIONS for t in ahead
        ):
            return None
    last = first
    while (
        last + 1 < len(tokens)
        and last + 1 - first < _MAX_SPEAKER_WORDS + 2
        and _is_word(tokens[last + 1][2])
        and tokens[last + 1][2].lower()
        not in _CLAUSE_BREAKS | _BETWEEN | _BE | {"in", "on", "at", "during"}
        and tokens[last + 1][2].lower() not in STRONG_CUES
        and not re.search(r"^[a-z].*ed$|n[’']t$", tokens[last + 1][2])  # "the union expected"
    ):
        last += 1
    return tokens[first][0], tokens[last][1]


def _noun_phrase(
    tokens: list[tuple[int, int, str]], first: int, end: int
) -> tuple[int, int] | None:
    """Tokens [first, end) as one speaker phrase with its prepositional phrase, if they are.

    Only where something fixes where the phrase starts (a closing mark, a comma): "…,” a
    narrator in the ad asks", "…, lawyers for the family said".
    """
    words = tokens[first:end]
    if not words or len(words) > _MAX_SPEAKER_WORDS + 2:
        return None
    lowers = [t[2].lower() for t in words]
    if not any(w in _PREPOSITIONS for w in lowers[1:-1]):
        return None
    if lowers[0] in _PREPOSITIONS or lowers[-1] in _PREPOSITIONS | _DETERMINERS:
        return None
    if not (lowers[0] in _DETERMINERS or words[0][2][:1].isupper() or lowers[0].endswith("s")):
        return None
    barred = _BE | _CLAUSE_BREAKS | _SPEAKER_WORDS | STRONG_CUES | WEAK_CUES
    if any(not _is_word(w) or w in barred for w in lowers):
        return None
    return words[0][0], words[-1][1]


def _make(text: str, speaker: tuple[int, int] | None, cue: tuple[int, int]) -> _Attribution:
    sp = Span(speaker[0], speaker[1], text[speaker[0] : speaker[1]]) if speaker else None
    return _Attribution(sp, Span(cue[0], cue[1], text[cue[0] : cue[1]]))


def _tail_attribution(text: str, start: int, end: int) -> _Attribution | None:
    """ "…,” she said." / "…,” said Varga, the minister." after a closing mark."""
    signed = _SIGNATURE.match(text, start, end)
    if signed is not None:
        return _make(text, signed.span(2), signed.span(1))
    tokens = _tokens(text, start, end)
    while tokens and not _is_word(tokens[0][2]) and tokens[0][2] in ",—–-":
        tokens = tokens[1:]
    first_comma = None
    for i in range(min(len(tokens), _MAX_SPEAKER_WORDS + 20)):
        width = _cue_at(tokens, i, weak=False, framing=True)
        if not width:
            if tokens[i][2] == "," and i > 0:
                # "…,” Flynn, a top adviser, said.": the name before the apposition speaks.
                first_comma = i if first_comma is None else first_comma
            elif (
                tokens[i][2] in _MARKS
                or (first_comma is None and i >= _MAX_SPEAKER_WORDS + 2)
                or (not _is_word(tokens[i][2]) and tokens[i][2] not in "().-")
            ):
                return None
            continue
        cue = (tokens[i][0], tokens[i + width - 1][1])
        if i == 0 or width == 2:
            speaker = _right_speaker(tokens, i + width)
        elif first_comma is not None:
            if tokens[i - 1][2] != "," or first_comma > _MAX_SPEAKER_WORDS:
                return None
            speaker = (tokens[0][0], tokens[first_comma - 1][1])
        else:
            speaker = _left_speaker(tokens, i, text)
            if speaker is None or speaker[0] != tokens[0][0]:
                speaker = _noun_phrase(tokens, 0, i)  # "…,” a narrator in the ad asks."
            if speaker is None:
                return None
        return _make(text, speaker, cue)
    return None


def _lead_attribution(text: str, start: int, end: int) -> _Attribution | None:
    """ "Varga said:" / "Varga told reporters," / "…, chanting" just before an opening mark."""
    lead = text[start:end].rstrip()
    if not lead:
        return None
    if lead[-1] in ":,":
        tokens = _tokens(text, start, start + len(lead) - 1)
    else:
        # "She walked in, chanting “…”": an -ing cue after a comma ends the lead itself
        tokens = _tokens(text, start, start + len(lead))
        last = len(tokens) - 1
        if last < 1 or tokens[last - 1][2] != "," or not tokens[last][2].endswith("ing"):
            return None
        if not _cue_at(tokens, last, weak=False, framing=True):
            return None
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 6), -1):
        width = _cue_at(tokens, i, weak=False, framing=True)
        if not width:
            continue
        cue = (tokens[i][0], tokens[i + width - 1][1])
        word = tokens[i][2]
        if i == 0 and word[:1].isupper():
            speaker = _right_speaker(tokens, 1)  # "Said Ana Ruiz: …"
        elif i > 0 and tokens[i - 1][2] == "," and word.lower().endswith("ing"):
            speaker = _sentence_subject(tokens, i)  # "She defended it, saying: …"
        elif i > 0 and tokens[i - 1][2] == ",":
            speaker = _subject_before_apposition(tokens, i)
        else:
            speaker = _left_speaker(tokens, i, text)
            if speaker is None and (
                _after_and(tokens, i) or word.lower().endswith("ing") or _after_dash(tokens, i)
            ):
                speaker = _sentence_subject(tokens, i)  # "She waved and said, …"
        if speaker is None and width == 2:
            speaker = _right_speaker(tokens, i + 2)
        return _make(text, speaker, cue)
    return None


def _reported(
    text: str, start: int, end: int, quoted: Sequence[tuple[int, int]] = ()
) -> tuple[tuple[int, int], _Attribution] | None:
    """Reported speech in the sentence [start, end): its content and attribution.

    A closing attribution ("…, Varga said on Monday.") wins over an opening one, since
    the sentence-final one frames everything before it. A verb inside quotation marks
    (`quoted`, the spans within marks) is the quoted person's word, not the writer's
    attribution: "“… companies report all assets,” the study says" is the study's.
    """
    tokens = _tokens(text, start, end)
    if not tokens:
        return None
    stop = end
    while stop > start and text[stop - 1] in '.!? ”"’':
        stop -= 1
    cues = [
        (i, w)
        for i in range(len(tokens))
        if (w := _cue_at(tokens, i, weak=bool(quoted)))
        and not any(s <= tokens[i][0] < e for s, e in quoted)
    ]
    for i, width in reversed(cues):
        if width == 1:
            found = _closing(text, tokens, i, start, stop)
            if found is not None:
                return found
        elif not any(t[2] in ",;:" for t in tokens[i + 2 :] if t[0] < stop):
            # "Ruiz reports that …, according to the port office.": the source at the end
            # frames all that comes before it.
            found = _according_to(text, tokens, i, start, stop)
            if found is not None and found[0][1] <= tokens[i][0]:
                return found
    for i, width in cues:
        if width == 2:
            found = _according_to(text, tokens, i, start, stop)
        else:
            found = _opening(text, tokens, i, stop)
        if found is not None:
            return found
    return None


def _second_report(
    text: str, start: int, end: int
) -> tuple[int, tuple[tuple[int, int], _Attribution] | None]:
    """A report joined to the content [start, end) by "and"/"but" after a comma or dash.

    "Ruiz agreed that the rules should change, but she said that the vote must wait":
    what comes after "she said" is her second report, not part of the first. Returns
    where the first content ends, and the second report if there is one.
    """
    if _SECOND_REPORT.search(text, start, end) is None:
        return end, None
    tokens = _tokens(text, start, end)
    for k in range(len(tokens) - 3):
        if tokens[k][2] == "," and tokens[k + 1][2].lower() in _FOLLOW_ON_CUES:
            # "…, arguing that …": a second report in the same voice (no speaker of its own)
            c_start = tokens[k + 2][1] if tokens[k + 2][2].lower() == "that" else tokens[k + 1][1]
            c_start, c_end = _trim(text, c_start, end)
            if _words(text[c_start:c_end]) >= _MIN_REPORT_WORDS:
                return tokens[k][0], ((c_start, c_end), _make(text, None, tokens[k + 1][:2]))
        if tokens[k][2] not in ",;—-" or tokens[k + 1][2].lower() not in ("and", "but"):
            continue
        first = k + 2
        for c in range(first + 1, min(len(tokens), first + _MAX_SPEAKER_WORDS + 1)):
            if not _cue_at(tokens, c, weak=False) or tokens[c][2].lower() == "according":
                continue
            left = _left_speaker(tokens, c, text)
            if left is None or left[0] != tokens[first][0]:
                break
            second = _opening(text, tokens, c, end)
            if second is not None:
                return tokens[k][0], second
            break
    return end, None


def _closing(
    text: str, tokens: list[tuple[int, int, str]], i: int, start: int, stop: int
) -> tuple[tuple[int, int], _Attribution] | None:
    """ "…, Varga said." / "…, said Varga, the minister.": the content is what precedes."""
    cue = (tokens[i][0], tokens[i][1])
    comma_before = i > 0 and tokens[i - 1][2] == ","
    left = None if comma_before else _left_speaker(tokens, i, text)
    tail_start = _tail_comma(tokens, i, left)
    if tail_start is None and not comma_before:
        comma = next((k for k in range(i - 1, max(-1, i - 9), -1) if tokens[k][2] == ","), None)
        if comma is not None and (phrase := _noun_phrase(tokens, comma + 1, i)) is not None:
            left, tail_start = phrase, tokens[comma][0]  # "…, lawyers for the family said."
    if tail_start is None:
        return None
    if left is not None:
        speaker, rest_from = left, i + 1
    elif not _inverts(tokens[i][2]):
        return None  # "…, called the plan a “disgrace”": no one speaks after "called"
    else:
        speaker = _right_speaker(tokens, i + 1)
        if speaker is None:
            return None
        rest_from = next((k for k, t in enumerate(tokens) if t[0] >= speaker[1]), len(tokens))
    rest = [t for t in tokens[rest_from:] if t[0] < stop]
    if _parenthetical(rest):
        # "The test, Pyongyang said, was its biggest yet": the report runs round the cue
        if _words(text[start:stop]) - _words(text[tail_start : rest[0][1]]) < _MIN_REPORT_WORDS:
            return None
        return _trim(text, start, stop), _make(text, speaker, cue)
    if _words(text[start:tail_start]) < _MIN_REPORT_WORDS:
        return None
    if rest and not (rest[0][2] in ",—(" or rest[0][2].lower() in _PREPOSITIONS | _TIMES):
        return None
    if rest and rest[0][2] != "," and _words(text[cue[1] : stop]) > 16:
        return None
    return _trim(text, start, tail_start), _make(text, speaker, cue)


def _parenthetical(rest: list[tuple[int, int, str]]) -> bool:
    """After ", Varga said" the sentence goes on with its own words, not a time or "adding"."""
    if len(rest) < 3 or rest[0][2] != ",":
        return False
    word = rest[1][2].lower()
    return (
        _is_word(word)
        and not word.endswith("ing")
        and word not in _TIMES | _PREPOSITIONS | _CLAUSE_BREAKS | _DETERMINERS | _SPEAKER_WORDS
        and not word[:1].isdigit()
        and not rest[1][2][:1].isupper()
    )


def _opening(
    text: str, tokens: list[tuple[int, int, str]], i: int, stop: int
) -> tuple[tuple[int, int], _Attribution] | None:
    """ "Varga said (on Monday) (that) …": the content is what follows."""
    if i < _after_opening_phrase(tokens, len(tokens)):
        return None  # "In a statement announcing the pick, the union …": not the main verb
    if i > 0 and tokens[i - 1][2] == "," and tokens[i][2].endswith("ing"):
        left = _sentence_subject(tokens, i)  # "Varga left the talks, saying that …"
    elif i > 0 and tokens[i - 1][2] == ",":
        left = _subject_before_apposition(tokens, i)
    else:
        left = _left_speaker(tokens, i, text)
        if left is not None and tokens[i][2].endswith("ing") and _is_utterance(tokens, i):
            # "She issued a statement calling the plan …": the statement's author speaks
            left = _sentence_subject(tokens, i) or left
        elif left is None and (_after_and(tokens, i) or _after_dash(tokens, i)):
            left = _sentence_subject(tokens, i)  # "Ruiz smiled and asked the crowd to …"
    if left is None:
        return None
    cue = (tokens[i][0], tokens[i][1])
    c_start = cue[1]
    if tokens[i][2].lower() in _TELL:
        c_start = _after_listener(tokens, i + 1, c_start)
    else:
        c_start = next((t[1] for t in tokens[i + 1 : i + 5] if t[2].lower() == "that"), c_start)
    c_start, c_end = _trim(text, c_start, stop)
    if _words(text[c_start:c_end]) < _MIN_REPORT_WORDS or text[c_start] in ",;":
        return None
    return (c_start, c_end), _make(text, left, cue)


def _after_opening_phrase(tokens: list[tuple[int, int, str]], limit: int) -> int:
    """Where the subject starts: after "But", "In a statement," a dateline and the like."""
    first = 0
    dash = next((k for k in range(min(limit, 4)) if tokens[k][2] in _DASHES), None)
    if (
        dash is not None
        and dash > 0
        and all(t[2].isupper() for t in tokens[:dash] if _is_word(t[2]))
    ):
        first = dash + 1  # "WASHINGTON -- Ana Ruiz, …"
    if first < limit and tokens[first][2].lower() in ("but", "and", "so", "still"):
        first += 1
    opener = tokens[first][2].lower() if first < limit else ""
    if (
        first + 1 < limit
        and tokens[first + 1][2] == ","
        and (opener in _OPENING_ADVERBS or opener.endswith("ly"))
    ):
        first += 2  # "However, …", "Separately, …"
    if first < limit and tokens[first][2].lower() in _PREPOSITIONS | {"following", "after"}:
        comma = next((k for k in range(first, min(limit, first + 12)) if tokens[k][2] == ","), None)
        if comma is not None:
            first = comma + 1
    while first < limit and tokens[first][2] in _MARKS:
        first += 1  # "On “Face the Press,” Ana Ruiz …": the comma sat inside the title
    return first


def _subject_before_apposition(
    tokens: list[tuple[int, int, str]], cue: int
) -> tuple[int, int] | None:
    """ "Ana Ruiz, the union's lawyer, said …": the name that opens the sentence."""
    first = _after_opening_phrase(tokens, cue)
    comma = next((k for k in range(first, cue) if tokens[k][2] == ","), None)
    if comma is None or comma == first or comma - first > _MAX_SPEAKER_WORDS or comma == cue - 1:
        return None
    words = tokens[first:comma]
    if not all(_is_word(t[2]) for t in words):
        return None
    if not (words[0][2][:1].isupper() or words[0][2].lower() in _DETERMINERS):
        return None
    if any(t[2].lower() in STRONG_CUES for t in tokens[comma:cue]):
        return None
    return words[0][0], words[-1][1]


def _sentence_subject(tokens: list[tuple[int, int, str]], limit: int) -> tuple[int, int] | None:
    """The pronoun or name that opens the clause of the verb before `limit`.

    The nearest clause that opens with one and goes on: "Once, at the pier, I laughed and
    said" is "I"; "Ana Ruiz, the lawyer, stood up and said" is the name that opens it.
    """
    end = limit - 1 if limit > 0 and tokens[limit - 1][2] == "," else limit
    commas = [k + 1 for k in range(end - 1, -1, -1) if tokens[k][2] == ","]
    for first in [*commas, _after_opening_phrase(tokens, end)]:
        if first >= end:
            continue
        head = tokens[first][2]
        if head.lower() in ("he", "she", "they", "we", "i"):
            return tokens[first][0], tokens[first][1]
        named = head.lower() == "the" and first + 1 < end and tokens[first + 1][2][:1].isupper()
        if named:  # "the Harbour Council issued …"
            first += 1
        elif head.lower() in ("the", "a", "an") and (verb := _verb_after(tokens, first, end)):
            return tokens[first][0], tokens[verb - 1][1]  # "the band leader called …"
        elif not head[:1].isupper() or head.lower() in _NOT_HEADS:
            continue  # "In a statement, …", "If we lived …": no one speaks
        last = first
        while last + 1 < end and last - first < 3 and tokens[last + 1][2][:1].isupper():
            last += 1
        if last == first and not named and (verb := _verb_after(tokens, first, end)):
            return tokens[first][0], tokens[verb - 1][1]  # "Small groups of dockers marched"
        if last + 1 >= end or (tokens[last + 1][2] == "," and last == first):
            continue  # "Once, …": an opening word; "…, in Tulsa, saying": no verb follows
        return tokens[first - 1 if named else first][0], tokens[last][1]
    return None


def _after_dash(tokens: list[tuple[int, int, str]], cue: int) -> bool:
    """ "Ana Ruiz, the head of Nordline -- the ferry company -- told me": an aside ends."""
    return cue > 0 and tokens[cue - 1][2] in _DASHES


def _verb_after(tokens: list[tuple[int, int, str]], first: int, end: int) -> int | None:
    """Where the verb is after a short noun phrase at `first` ("the band leader called")."""
    for k in range(first + 2, min(end, first + 5)):
        word = tokens[k][2]
        if not _is_word(word) or word[:1].isupper():
            return None
        lower = word.lower()
        if lower.endswith("ed") or lower in STRONG_CUES | WEAK_CUES | _BE | _IRREGULAR_PASTS:
            return k
    return None


def _is_utterance(tokens: list[tuple[int, int, str]], cue: int) -> bool:
    """The word before the cue names something said or written, by no one it names.

    "She issued a statement calling …", "tweets early Friday saying …"; but "a Varga
    tweet attacking …" is Varga's.
    """
    j = cue - 1
    while j >= 0 and tokens[j][2].lower() in _TIMES | _BETWEEN | {"early", "late", "night"}:
        j -= 1
    if j < 0 or tokens[j][2].lower() not in _UTTERANCES:
        return False
    k = j - 1
    while k >= 0 and _is_word(tokens[k][2]) and tokens[k][2].lower() not in _NOUN_MARKERS:
        if tokens[k][2][:1].isupper() or tokens[k][2].lower() in _PREPOSITIONS:
            return tokens[k][2].lower() in _PREPOSITIONS  # "a series of tweets" is no one's
        k -= 1
    return k < 0 or tokens[k][2].lower() in _NOUN_MARKERS - {"these", "those"}


def _after_and(tokens: list[tuple[int, int, str]], cue: int) -> bool:
    """The cue is the second verb of its subject: "… and (then) said"."""
    j = cue - 1
    while j >= 0 and tokens[j][2].lower() in _BETWEEN | {"repeatedly", "then"}:
        j -= 1
    return j > 0 and tokens[j][2].lower() == "and"


def _tail_comma(
    tokens: list[tuple[int, int, str]], cue: int, left: tuple[int, int] | None
) -> int | None:
    """The comma before "Varga said" / "said Varga" at the sentence's end, if so placed."""
    j = cue - 1
    if left is not None:
        while j >= 0 and tokens[j][0] >= left[0]:
            j -= 1
    while j >= 0 and (tokens[j][2].lower() in _BETWEEN or tokens[j][2] in _CLOSERS + '"'):
        j -= 1
    if j >= 0 and tokens[j][2] in ",—":
        return tokens[j][0]
    return None


def _according_to(
    text: str, tokens: list[tuple[int, int, str]], i: int, start: int, stop: int
) -> tuple[tuple[int, int], _Attribution] | None:
    cue = (tokens[i][0], tokens[i + 1][1])
    j = i + 2
    while j < len(tokens) and tokens[j][2] not in ",;:":
        j += 1
    if j - (i + 2) == 0 or j - (i + 2) > 20:
        return None
    last = j - 1
    while last > i + 2 and not _is_word(tokens[last][2]):
        last -= 1
    speaker = (tokens[i + 2][0], tokens[last][1])
    attribution = _make(text, speaker, cue)
    before = text[start : cue[0]].rstrip(" ,")
    if _words(before) >= _MIN_REPORT_WORDS:
        return _trim(text, start, start + len(before)), attribution
    if j < len(tokens) and _words(text[tokens[j][1] : stop]) >= _MIN_REPORT_WORDS:
        return _trim(text, tokens[j][1], stop), attribution
    return None


def _after_listener(tokens: list[tuple[int, int, str]], i: int, default: int) -> int:
    """After "told reporters" / "told the Times that": where the told content starts."""
    for j in range(i, min(len(tokens), i + 7)):
        if tokens[j][2].lower() == "that":
            return tokens[j][1]
    if i < len(tokens) and (tokens[i][2][:1].isupper() or tokens[i][2].lower() == "reporters"):
        return tokens[i][1]
    return default
