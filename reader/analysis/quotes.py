"""Who said what: quotes (direct, mixed, reported) with their cue and speaker.

Rules follow how English news reports speech, on the text, the sentences and the
entities the pipeline already has (no parser): quotation marks give direct quotes; a
verb or phrase of saying next to a speaker gives the attribution ("…,” she said",
"Okafor said that …", "according to the ministry, …"). A speaker that is a name joins
its entity; a pronoun or a role ("the minister") joins the entity it refers to only when
one candidate fits; otherwise it stays as written. What looks like a verb of saying is
checked for being one: "the mayor's claims", "a report from Sunday" and a verb inside
someone's quoted words attribute nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from reader.analysis.model import Entity, EntityGroup, Quote, Span, Speaker
from reader.document import BlockKind, Document


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


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

PRONOUNS = {"he": "male", "she": "female", "they": "plural", "it": "thing", "we": "plural"}
_RELATIVES = frozenset({"who", "which"})
_SPEAKER_WORDS = frozenset({"i", "you", *PRONOUNS, *_RELATIVES})
# Words standing between a speaker and the verb: "Okafor has also said".
_BETWEEN = _wordset(
    "also has had have later previously repeatedly often once recently then again "
    "would will could might may should must did does do never already only still "
    "further publicly privately"
)
_DASHES = frozenset({"-", "--", "—", "–"})
_NOT_SPEECH = frozenset(
    {(w, "from") for w in ("reported", "reports", "reporting", "wrote", "writes", "writing")}
)
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
_OPENERS = "“«„"
_CLOSERS = "”»"
_MARKS = _OPENERS + _CLOSERS + '"'
_WORD = re.compile(r"[^\s]+")
# "“…” — Ana Ruiz": a quote signed with a dash and a name, as under an epigraph.
_SIGNATURE = re.compile(
    r"\s*([―—–]|-{1,2})[\s\xa0]*([A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,4})\.?\s*$"
)
_HEADLINE_SPEAKER = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}):\s+(?=\S)")
# "“WALLACE: …”": a transcript names its speaker in capitals before a colon.
_TRANSCRIPT = re.compile(r"([A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]+){0,2}):\s")
# "…,” she said, adding that …": a second report by the same speaker, in the same sentence.
_FOLLOW_ON_CUES = _wordset(
    "adding saying noting arguing insisting explaining warning claiming stressing"
)
_FOLLOW_ON = re.compile(rf",\s+({'|'.join(sorted(_FOLLOW_ON_CUES))})\b")
_SECOND_REPORT = re.compile(
    rf"(?:,\s+(?:{'|'.join(sorted(_FOLLOW_ON_CUES))})|[,;—-]\s+(?:and|but))\b", re.I
)
_MIN_QUOTE_WORDS = 3  # one or two quoted words are scare quotes or titles, not quotes
_MIN_REPORT_WORDS = 4
_MAX_SPEAKER_WORDS = 6
_SPEAKER_GROUPS = (
    EntityGroup.PERSON,
    EntityGroup.ORGANIZATION,
    EntityGroup.GROUP,
    EntityGroup.PLACE,  # "Japan said": a country speaks through its government
)


# Blocks that may report speech: a headline does too ("Ruiz Says Ferries Will Run").
_SPOKEN_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.HEADING, BlockKind.KEY_POINT, BlockKind.PARAGRAPH}
)


@dataclass(frozen=True, slots=True)
class _Segment:
    """Text between a pair of double quotation marks in one paragraph."""

    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or the paragraph end)
    open_at: int
    close_at: int | None  # None: the quote runs on into the next paragraph
    paragraph: int


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: Span | None
    cue: Span


@dataclass
class _Unit:
    """One direct quote being assembled from segments."""

    segments: list[_Segment]
    attribution: _Attribution | None
    extent_start: int
    extent_end: int
    follow_on: tuple[int, int] | None = None  # "…,” she said, adding that …": the cue


def extract_quotes(
    document: Document,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity],
) -> tuple[Quote, ...]:
    """Every quote in the article's paragraphs and headlines, with cue and speaker, in order."""
    text = _with_double_apostrophes_as_marks(document.text)
    paragraphs = [(b.start, b.end) for b in document.blocks if b.kind in _SPOKEN_KINDS]
    if not paragraphs:
        return ()
    resolver = _Resolver(text, paragraphs, entities)
    segments = [s for i, p in enumerate(paragraphs) for s in _segments(text, p, i)]
    units, embedded = _direct_units(text, paragraphs, segments)
    quotes: list[Quote] = []
    for unit in units:
        first, last = unit.segments[0], unit.segments[-1]
        transcript = _TRANSCRIPT.match(text, first.start)
        if unit.attribution is None and transcript is not None:
            colon = transcript.end(1)
            unit.attribution = _make(text, transcript.span(1), (colon, colon + 1))
        speaker = cue = None
        if unit.attribution is not None:
            cue = unit.attribution.cue
            if unit.attribution.speaker is not None:
                speaker = resolver.speaker(unit.attribution.speaker)
        else:
            speaker = _previous_subject(text, resolver, first.open_at)
        quotes.append(
            Quote(first.start, last.end, text[first.start : last.end], "direct", speaker, cue)
        )
        if unit.follow_on is not None:
            quotes.append(_follow_on_quote(text, resolver, unit.follow_on, speaker, embedded))
    headlines = [b for b in document.blocks if b.kind in (BlockKind.TITLE, BlockKind.HEADING)]
    said = [q for b in headlines if (q := _headline_quote(text, b.start, b.end, resolver))]
    quotes.extend(said)
    covered = _SpanIndex(
        [*((u.extent_start, u.extent_end) for u in units), *((q.start, q.end) for q in said)]
    )
    quoted_index = _SpanIndex((g.start, g.end) for g in embedded)
    for start, sentence_end in sentences:
        end = _without_next_opening(text, start, sentence_end)
        if resolver.paragraph_of(start) is None or covered.overlaps(start, end):
            continue
        quoted = [quoted_index.spans[k] for k in quoted_index.overlapping(start, end)]
        reported = _reported(text, start, end, quoted)
        voice = None
        while reported is not None:
            (c_start, c_end), attribution = reported
            if attribution.speaker is None:  # "…, adding that …" in the same voice
                attribution = replace(attribution, speaker=voice)
            voice = attribution.speaker
            cut, reported = _second_report(text, c_start, c_end)
            c_start, c_end = _trim(text, c_start, cut)  # "…, but he said that …" ends it
            kind = "mixed" if any(s < c_end and e > c_start for s, e in quoted) else "indirect"
            speaker = resolver.speaker(attribution.speaker) if attribution.speaker else None
            quotes.append(
                Quote(c_start, c_end, text[c_start:c_end], kind, speaker, attribution.cue)
            )
    _add_unframed(text, sentences, embedded, quotes, resolver)
    quotes.sort(key=lambda q: q.start)
    if text is document.text:
        return _carry_speakers(text, resolver, quotes)
    return tuple(_as_in(document.text, q) for q in _carry_speakers(text, resolver, quotes))


def _headline_quote(text: str, start: int, end: int, resolver: _Resolver) -> Quote | None:
    """ "Ana Ruiz: Ferries Will Run All Winter": a headline that names its speaker first."""
    match = _HEADLINE_SPEAKER.match(text, start, end)
    if match is None or resolver.mention_at(start) != match.span(1):
        return None
    c_start, c_end = _trim(text, match.end(), end)
    while c_end > c_start and text[c_end - 1] in ".’'”\"":
        c_end -= 1
    if _words(text[c_start:c_end]) < _MIN_REPORT_WORDS:
        return None
    name = Span(start, match.end(1), match.group(1))
    cue = Span(match.end(1), match.end(1) + 1, ":")
    return Quote(c_start, c_end, text[c_start:c_end], "indirect", resolver.speaker(name), cue)


def _without_next_opening(text: str, start: int, end: int) -> int:
    """The sentence's end without the opening mark of the next quote that the model gave it.

    "…, Ruiz said. “Next …": a sentence split can leave the next quote's mark on this one.
    """
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start and (
        text[stop - 1] in _OPENERS
        or (text[stop - 1] == '"' and text[stop - 2 : stop - 1].isspace())
    ):
        return stop - 1
    return end


def _as_in(original: str, quote: Quote) -> Quote:
    """The quote with its texts read from the document itself, not the working copy."""
    speaker, cue = quote.speaker, quote.cue
    if speaker is not None:
        written = original[speaker.start : speaker.end]
        name = written if speaker.key is None else speaker.name
        speaker = replace(speaker, text=written, name=name)
    if cue is not None:
        cue = replace(cue, text=original[cue.start : cue.end])
    return replace(quote, text=original[quote.start : quote.end], speaker=speaker, cue=cue)


def _with_double_apostrophes_as_marks(text: str) -> str:
    """The text with '' (two apostrophes, an old typewriter quotation mark) as one mark.

    Same length, so offsets hold: an opening '' becomes ' "', a closing one '" '.
    """
    if "''" not in text:
        return text

    def mark(match: re.Match[str]) -> str:
        after = text[match.end() : match.end() + 1]
        return ' "' if after and not after.isspace() and after not in ",.;:!?" else '" '

    return re.sub(r"''", mark, text)


def _carry_speakers(text: str, resolver: _Resolver, quotes: list[Quote]) -> tuple[Quote, ...]:
    """A quote without its own attribution is the voice quoted next to it.

    Within a paragraph, the nearest attributed quote (before, else after) speaks; a
    paragraph that opens with a quote carries on the last speaker of the paragraph before.
    """
    attributed: dict[int, list[int]] = {}
    where = []
    for i, quote in enumerate(quotes):
        index = resolver.paragraph_of(quote.start)
        where.append(index)
        if quote.speaker is not None and index is not None:
            attributed.setdefault(index, []).append(i)
    result = []
    for i, quote in enumerate(quotes):
        index = where[i]
        if quote.speaker is not None or index is None:
            result.append(quote)
            continue
        same = attributed.get(index, [])
        earlier = [j for j in same if j < i]
        later = [j for j in same if j > i]
        source = earlier[-1] if earlier else (later[0] if later else None)
        paragraph = resolver.paragraphs[index]
        if source is None and index > 0 and _opens_paragraph(text, paragraph, quote):
            # Only a run of quotation carries over: the paragraph before ends with a quote.
            before = attributed.get(index - 1, [])
            if before and before[-1] == i - 1 and quotes[before[-1]].kind != "indirect":
                source = before[-1]
        if source is not None:
            quote = replace(quote, speaker=quotes[source].speaker)
        result.append(quote)
    return tuple(result)


def _previous_subject(text: str, resolver: _Resolver, open_at: int) -> Speaker | None:
    """The person a quote's paragraph is about, when the sentence before it opens with them.

    "Ana Ruiz walked to the microphone. “We are not done yet.”": a quote without its own
    attribution continues the turn of the person the sentence before presents.
    """
    index = resolver.paragraph_of(open_at)
    if index is None:
        return None
    p_start = resolver.paragraphs[index][0]
    end = open_at
    while end > p_start and text[end - 1].isspace():
        end -= 1
    if end <= p_start or text[end - 1] not in ".!?":
        return None
    start = _clause_start(text, p_start, end - 1)
    tokens = _tokens(text, start, end)
    first = _after_opening_phrase(tokens, len(tokens))
    if first >= len(tokens):
        return None
    subject = _subject(text, start, end, resolver)
    if not _is_person(subject):
        return None
    titles = text[tokens[first][0] : subject.start].split()
    return subject if all(w[:1].isupper() for w in titles) else None


def _opens_paragraph(text: str, paragraph: tuple[int, int], quote: Quote) -> bool:
    return text[paragraph[0] : quote.start].strip() in ("", "“", '"', "”")


def _follow_on_quote(
    text: str,
    resolver: _Resolver,
    cue: tuple[int, int],
    speaker: Speaker | None,
    embedded: list[_Segment],
) -> Quote:
    """What follows "adding (that)" up to the sentence's end, in the same voice."""
    index = resolver.paragraph_of(cue[0])
    ceiling = resolver.paragraphs[index][1] if index is not None else len(text)
    start = cue[1]
    that = re.match(r"\s+that\b", text[start:ceiling])
    if that is not None:
        start += that.end()
    start, end = _trim(text, start, _clause_end(text, start, ceiling))
    while end > start and text[end - 1] in '.!?”"':
        end -= 1
    quoted = any(s.start < end and s.end > start for s in embedded)
    cue_span = Span(cue[0], cue[1], text[cue[0] : cue[1]])
    return Quote(start, end, text[start:end], "mixed" if quoted else "indirect", speaker, cue_span)


def _add_unframed(
    text: str,
    sentences: Sequence[tuple[int, int]],
    embedded: list[_Segment],
    found: list[Quote],
    resolver: _Resolver,
) -> None:
    """Quoted words inside a sentence that no verb of saying frames.

    Three words or more are someone's words (mixed): the sentence that holds them is the
    quote, and the person or organization it names before them the speaker. One or two
    quoted words are someone's only when a person (or he/she) says them in the sentence:
    "Varga dismissed the plan as “hot air”"; otherwise they are scare quotes or a title.
    """
    taken = _SpanIndex((q.start, q.end) for q in found)
    sentence_index = _SpanIndex(sentences)
    for seg in embedded:
        if taken.overlaps(seg.start, seg.end) or seg.end <= seg.start:
            continue
        around = [sentence_index.spans[k] for k in sentence_index.overlapping(seg.start, seg.end)]
        if not around:
            continue
        # "Most were older, she said, and “…”": the voice that reports in the sentence.
        subject = next(
            (
                q.speaker
                for q in found
                if q.speaker is not None
                and q.cue is not None
                and around[0][0] <= q.start < around[-1][1]
            ),
            None,
        ) or _subject(text, around[0][0], seg.open_at, resolver)
        if _words(text[seg.start : seg.end]) < _MIN_QUOTE_WORDS and not _is_person(subject):
            continue
        c_start, c_end = _trim(text, around[0][0], around[-1][1])
        while c_end > c_start and text[c_end - 1] in '.!?”"':
            c_end -= 1
        found.append(Quote(c_start, c_end, text[c_start:c_end], "mixed", subject, None))
        taken.add(c_start, c_end)


# --- quotation marks -------------------------------------------------------------


def _segments(text: str, paragraph: tuple[int, int], index: int) -> Iterable[_Segment]:
    start, end = paragraph
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _MARKS:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        can_open = (
            i == start or ch in _OPENERS or (ch == '"' and (before.isspace() or before in "([—–-/"))
        )
        # "… outreach,' " he said": a straight mark between spaces can only close
        can_close = ch in _CLOSERS or (ch == '"' and (not before.isspace() or after.isspace()))
        if open_at is None and can_open and not after.isspace():
            open_at = i
        elif open_at is not None and can_close:
            yield _Segment(open_at + 1, _before_space(text, open_at, i), open_at, i, index)
            open_at = None
        elif open_at is not None and ch in _OPENERS and re.match(r"[.!?]\s", text[i - 2 : i]):
            # "… to the hospital. “I have been …": a sentence opening a new quote ends
            # the one its writer forgot to close
            yield _Segment(open_at + 1, _before_space(text, open_at, i), open_at, None, index)
            open_at = i
    if open_at is not None:
        yield _Segment(open_at + 1, _before_space(text, open_at, end), open_at, None, index)


def _before_space(text: str, open_at: int, end: int) -> int:
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return end


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


def _direct_units(
    text: str, paragraphs: list[tuple[int, int]], segments: list[_Segment]
) -> tuple[list[_Unit], list[_Segment]]:
    """Quotes that stand as sentences of their own (direct), and those inside a sentence."""
    units: list[_Unit] = []
    embedded: list[_Segment] = []
    previous_close = {}
    # "… because “…,” she said. “…”": an embedded quote's attribution, for the quote after it
    embedded_tail: dict[int, tuple[int, _Attribution]] = {}
    for index, seg in enumerate(segments):
        p_start, p_end = paragraphs[seg.paragraph]
        floor = previous_close.get(seg.paragraph, p_start)
        clause_start = _clause_start(text, floor, seg.open_at)
        lead = text[clause_start : seg.open_at]
        nxt = segments[index + 1] if index + 1 < len(segments) else None
        ceiling = nxt.open_at if nxt is not None and nxt.paragraph == seg.paragraph else p_end
        after_mark = seg.close_at + 1 if seg.close_at is not None else seg.end
        tail_end = _clause_end(text, after_mark, ceiling) if after_mark < ceiling else ceiling
        follow_on = _FOLLOW_ON.search(text, after_mark, tail_end)
        if follow_on is not None:
            tail_end = follow_on.start()
        tail = text[after_mark:tail_end]
        previous_close[seg.paragraph] = after_mark
        content = text[seg.start : seg.end]
        lead_attr = _lead_attribution(text, clause_start, seg.open_at)
        tail_attr = _tail_attribution(text, after_mark, tail_end)
        attribution = lead_attr or tail_attr
        unit_start = clause_start if lead_attr else seg.open_at
        unit_end = tail_end if tail_attr else after_mark
        last = units[-1] if units else None
        if last is not None and _continues(text, paragraphs, last, seg, lead_attr, tail_attr):
            last.segments.append(seg)
            last.extent_end = max(last.extent_end, unit_end)
            if last.attribution is None:
                last.attribution = attribution
            continue
        colon_lead = None
        if lead_attr is None and lead.rstrip().endswith(":"):
            # "McCaskill scolded him: “…”": a colon introduces the quote, cue or not
            colon_lead = _colon_speaker(text, clause_start, clause_start + len(lead.rstrip()))
            attribution = attribution or colon_lead
        opens = not lead.strip() or lead_attr is not None or colon_lead is not None
        if _words(content) < _MIN_QUOTE_WORDS and not (opens and attribution is not None):
            embedded.append(seg)  # "“Never,” she said." is a quote; a lone “word” is not
            continue
        if not (opens and (_closes_sentence(content, tail) or tail_attr is not None)):
            embedded.append(seg)
            if tail_attr is not None:
                embedded_tail[seg.paragraph] = (tail_end, tail_attr)
            continue
        before = embedded_tail.pop(seg.paragraph, None)
        if attribution is None and before and not text[before[0] : seg.open_at].strip(" .,;"):
            attribution = before[1]
        if (
            attribution is None
            and seg.paragraph > 0
            and not lead.strip()
            and not _TRANSCRIPT.match(text, seg.start)
        ):
            attribution = _colon_intro(text, paragraphs[seg.paragraph - 1])
        units.append(
            _Unit(
                [seg], attribution, unit_start, unit_end, follow_on.span(1) if follow_on else None
            )
        )
    return units, embedded


def _closes_sentence(content: str, tail: str) -> bool:
    stripped = content.rstrip().rstrip("’'")  # "… you called ‘bargains.’”"
    return (
        not stripped
        or stripped[-1] in ".,!?…—–-:;"
        or not tail.strip()
        or tail.lstrip()[:1] in ".,!?;:"
    )


def _continues(
    text: str,
    paragraphs: list[tuple[int, int]],
    unit: _Unit,
    seg: _Segment,
    lead_attr: _Attribution | None,
    tail_attr: _Attribution | None,
) -> bool:
    """The segment carries on the unit's quote: "“A,” she said. “B.”" or a next paragraph."""
    last = unit.segments[-1]
    if lead_attr is not None and (
        unit.attribution is None or lead_attr.cue != unit.attribution.cue
    ):
        return False
    if seg.paragraph == last.paragraph:
        between = text[unit.extent_end : seg.open_at]
        return not between.strip(" ,;:—–-") and (tail_attr is None or unit.attribution is None)
    if seg.paragraph == last.paragraph + 1 and last.close_at is None:
        # A transcript's next "NAME:" is a new voice, not the same quote running on.
        new_voice = _TRANSCRIPT.match(text, seg.start) is not None
        # "…, added Rep. Ruiz." closing the paragraph: another voice, though a mark is missing
        new_voice = new_voice or (tail_attr is not None and unit.attribution is not None)
        return seg.open_at == paragraphs[seg.paragraph][0] and not new_voice
    return False


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


# --- attributions ------------------------------------------------------------------


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words with their offsets; trailing punctuation split off as its own token."""
    result = []
    for match in re.finditer(r"[\w’'.\-&/]+|[^\w\s]", text[start:end]):
        word = match.group()
        s = start + match.start()
        if (
            len(word) > 1
            and word.endswith(".")
            and word[:-1].lower() not in _ABBREVIATIONS
            and not re.fullmatch(r"(?:\w\.)+", word)
        ):
            result.append((s, s + len(word) - 1, word[:-1]))
            result.append((s + len(word) - 1, s + len(word), "."))
            continue
        result.append((s, s + len(word), word))
    return result


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


def _is_possessive(word: str) -> bool:
    return re.search(r"[’']s$|s[’']$", word) is not None


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


def _inverts(cue: str) -> bool:
    """The cue may come before its speaker: "…, said Varga", but never "…, called Varga"."""
    lower = cue.lower()
    return lower in STRONG_CUES and lower not in _TELL and not lower.endswith("ing")


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


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ',:;—“"'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—"):
        end -= 1
    return start, end


# --- speakers ----------------------------------------------------------------------


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


class _SpanIndex:
    """Spans sorted by start, for "which spans overlap [a, b)" without a scan of all."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions (in start order) of the spans that overlap [start, end)."""
        first = bisect_left(self.spans, (start - self.longest, -1))
        last = bisect_left(self.spans, (end, -1))
        return [k for k in range(first, last) if self.spans[k][1] > start]

    def overlaps(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))


class _Resolver:
    """Joins a speaker as written to the entity it names, where the article decides it."""

    def __init__(
        self, text: str, paragraphs: list[tuple[int, int]], entities: Sequence[Entity]
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.paragraph_starts = [s for s, _ in paragraphs]
        self.entities = [e for e in entities if e.group in _SPEAKER_GROUPS]
        self.mentions = sorted(
            ((m.start, m.end, e) for e in self.entities for m in e.mentions),
            key=lambda item: (item[0], item[1]),
        )
        self.index = _SpanIndex((s, e) for s, e, _ in self.mentions)
        self.holders: dict[str, Entity | None] = {}

    def paragraph_of(self, offset: int) -> int | None:
        index = bisect_right(self.paragraph_starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index][1]:
            return index
        return None

    def _within(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions overlapping [start, end), in text order."""
        return [self.mentions[k] for k in self.index.overlapping(start, end)]

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
        """The one fitting entity the current (else an earlier) paragraph names before `offset`."""
        index = self.paragraph_of(offset)
        if index is None:
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

    def _antecedent(self, offset: int) -> Entity | None:
        """ "Varga, who …": the entity named just before the relative pronoun."""
        before = [item for item in self._within(offset - 4, offset) if item[1] <= offset]
        return before[-1][2] if before else None

    def _role_holder(self, role: str) -> Entity | None:
        holders = []
        for s, _e, entity in self.mentions:
            if entity.group is not EntityGroup.PERSON:
                continue
            near = self.text[max(0, s - 40) : s].lower()
            if re.search(rf"\b{role}\b", near) and entity not in holders:
                holders.append(entity)
        return holders[0] if len(holders) == 1 else None


@lru_cache(maxsize=4096)
def _gender_of(first_name: str) -> str:
    guess = _detector().get_gender(first_name)
    if guess in ("male", "mostly_male"):
        return "male"
    if guess in ("female", "mostly_female"):
        return "female"
    return "unknown"


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def warm_up() -> None:
    """Load the first-name table now (about 0.3 s), e.g. while a worker waits for work."""
    _detector()


def _compatible(entity: Entity, gender: str) -> bool:
    if entity.group is not EntityGroup.PERSON:
        return False
    names = [entity.name, *entity.aliases]
    full = max(names, key=lambda n: len(n.split()))
    parts = full.split()
    if len(parts) < 2:
        return True
    found = _gender_of(parts[0])
    return found in ("unknown", gender)
