"""Temporal expressions in TIMEX3 form, resolved against the article's date.

Rules in the manner of HeidelTime: patterns find the expressions with TimeML's
extents ("the past three years", "last week", "a year earlier"), and each rule
knows its granularity (day, week, month, quarter, year, decade) and how to anchor
it: to the reference date, to the tense of the sentence ("said Tuesday" is the
Tuesday before, "will meet Tuesday" the one after) or to the last date the text
mentioned ("a year earlier"). python-dateutil does the calendar arithmetic.
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from reader.analysis.model import TimeExpression
from reader.analysis.numbers import SMALL_NUMBERS, TENS, word_number

# --- vocabulary -------------------------------------------------------------

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Unit word -> (TIMEX3 duration code, is a time unit (PT...), amount multiplier).
_UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "week": ("W", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "quarter": ("Q", False, 1), "year": ("Y", False, 1),
    "decade": ("DE", False, 1), "century": ("CE", False, 1),
}  # fmt: skip

_B = r"(?<![\w'’-])"  # a word starts here
_E = r"(?![\w])"  # a word ends here
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thurs?\.|Fri\.|Sat\.|Sun\.)"
)
_NUM_WORD = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(SMALL_NUMBERS[1:10]) + r"))?"
    r"|" + "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True)) + r")"
)
_VAGUE = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|numerous)"
_NUM = (
    r"(?:\d{1,3}(?:\.\d+)?(?:\s+1/2)?|" + _NUM_WORD + r"|an?|a\s+half|one\s+and\s+a\s+half"
    r"|a\s+couple\s+of|couple\s+of)"
)
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_APPROX = r"(?:about|around|almost|nearly|roughly|some|more\s+than|less\s+than|over)\s+"
_TZ = r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|local\s+time))?"
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm|AM|PM)(?![\w])"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|noon|midnight|midday)"
)
_REL = r"(?:this\s+past|this\s+coming|last|next|this|coming|past|previous|following|current|same)"


def _words_number(text: str) -> float | None:
    """'twenty-five' -> 25, '3' -> 3, 'a' -> 1; None for vague amounts ('several')."""
    text = text.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d+\s+1/2", text):
        return float(text.split()[0]) + 0.5
    if text.endswith("couple of"):
        return 2
    if text in ("a", "an"):
        return 1
    if re.fullmatch(r"a\s+half", text):
        return 0.5
    if re.fullmatch(r"one\s+and\s+a\s+half", text):
        return 1.5
    return word_number(text)


# --- resolution context -------------------------------------------------------


@dataclass
class _Context:
    """The reference date, tense around each expression and the last date mentioned."""

    reference: date
    text: str
    sentences: Sequence[tuple[int, int]]
    folded: str = ""  # `text` folded for the quick case-sensitive scans (see _fold)
    anchor: tuple[date, str] | None = None  # last date mentioned and its granularity
    quarter: tuple[int, int] | None = None  # last quarter mentioned (year, q)
    _cues: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] | None = None

    def __post_init__(self) -> None:
        # Sentences in order and apart (as the model gives them): the one holding a
        # position is found by bisection (a long article has thousands).
        pairs = itertools.pairwise(self.sentences)
        if all(s1 <= s2 and e1 <= s2 for (s1, e1), (s2, _) in pairs):
            self._starts = [start for start, _ in self.sentences]

    def sentence_of(self, position: int) -> tuple[int, int]:
        if self._starts is not None:
            index = bisect.bisect_right(self._starts, position) - 1
            if index >= 0 and position < self.sentences[index][1]:
                start, end = self.sentences[index]
                return start, end
        else:
            for start, end in self.sentences:
                if start <= position < end:
                    return start, end
        start = max(self.text.rfind(". ", 0, position), self.text.rfind("\n", 0, position))
        end_candidates = [
            i for i in (self.text.find(". ", position), self.text.find("\n", position)) if i >= 0
        ]
        return start + 1, min(end_candidates) if end_candidates else len(self.text)

    def tense(self, start: int, end: int, *, weak: bool = True) -> int:
        """+1 future, -1 past, 0 unknown: the tense cue nearest the expression.

        Without `weak` cues, a reporting verb ("said"), a bare "-ed" word ("the
        reduced dividend") or "would" does not count: they date the report, not the event.
        """
        s, e = self.sentence_of(start)
        best: tuple[int, int] | None = None
        cues = (
            _TENSE_CUE_FOLDED.finditer(self.folded, s, e)
            if self.folded
            else _TENSE_CUE.finditer(self.text, s, e)
        )
        for match in cues:
            cue_start, cue_end = match.span()
            if start <= cue_start < end or (
                not weak and (match.group("weak") or match.group("would"))
            ):
                continue
            if cue_end > start:
                distance = cue_start - end
            elif start - cue_end <= 12 and _ADJACENT.fullmatch(self.text, cue_end, start):
                distance = -1  # "scheduled for Sunday", "died Monday": the verb of the day
            else:
                distance = start - cue_end
            if best is not None and distance >= best[0]:
                continue  # a nearer cue is already found: no need to look closer at this one
            if match.group("ed") and (
                (self.text[cue_start].isupper() and cue_start > s)
                or _ADJECTIVE_BEFORE.search(self.text, max(s, cue_start - 12), cue_start)
            ):
                continue  # "United", "a still unspecified date": a name or an adjective
            if match.group("past") and (
                _INFINITIVE_BEFORE.search(self.text, max(s, cue_start - 4), cue_start)
                or _BY_AFTER.match(self.text, cue_end)
            ):
                # "would be paid": the modal decides; "lenders, led by a bank": a participle.
                continue
            sign = 1 if match.group("future") else -1
            if sign > 0 and _PAST_OF_FUTURE.search(self.text, max(s, cue_start - 12), cue_start):
                sign = -1  # "had been due to expire Friday": a plan in the past
            best = (distance, sign)
        return best[1] if best else 0

    def remember(self, day: date, granularity: str) -> None:
        self.anchor = (day, granularity)


_TENSE_CUE = re.compile(
    r"(?i)\b(?:(?P<future>will|won't|(?P<would>would)|shall|going\s+to|plan(?:s|ned)?\s+to|planning|scheduled|"
    r"expects?\s+to|expected\s+to|intends?\s+to|aims?\s+to|is\s+to|are\s+to|next|upcoming|"
    r"due\s+to|set\s+to|to\s+be\s+held|as\s+(?:soon|early)\s+as|tomorrow|"
    r"takes?\s+effect|expires|begins|starts|resumes|ends|(?:is|are)\s+due)"
    r"|(?P<past>was|were|had|did|ago|last|earlier|ended|bought|sold|took|made|came|went|began|"
    r"fell|rose|paid|won|lost|met|held|gave|became|brought|found|saw|spent|grew|built|"
    r"fought|sent|wrote|ran|led|kept|struck|shot|fled|flew|drove|spoke|broke|chose|drew|"
    r"felt|heard|knew|sank|stood|stole|taught|thought|threw|tore|woke|sought|caught|"
    r"(?P<weak>said|says|told|announced|reported"
    r"|(?!(?:hundred|indeed|proceed|exceed|succeed|speed|breed)\b)(?P<ed>\w{3,}ed))))\b|'ll\b"
)

# The same cues, case-sensitive, for folded text: every match at the same place, faster.
_TENSE_CUE_FOLDED = re.compile(_TENSE_CUE.pattern.removeprefix("(?i)"))

# Words before an "-ed" word that make it an adjective rather than a verb.
_ADJECTIVE_BEFORE = re.compile(
    r"(?i)\b(?:a|an|the|its|their|his|her|our|this|that|these|those|still|newly|well)\s+$"
)
_ADJACENT = re.compile(r"\s+(?:(?:on|for|at|in|by|until|till)\s+)?")
_INFINITIVE_BEFORE = re.compile(r"(?i)\bbe\s+$")
_BY_AFTER = re.compile(r"\s+by\b")
_PAST_OF_FUTURE = re.compile(r"(?i)\bhad(?:\s+been)?\s+$")


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


_UNTIL = re.compile(r"(?i)\b(?:until|till)\s+(?:at\s+least\s+)?$")


def _weekday_date(
    ctx: _Context, weekday: int, start: int, end: int, direction: int = 0, *, weak: bool = True
) -> date:
    ref = ctx.reference
    if direction == 0 and _UNTIL.search(ctx.text, max(0, start - 17), start):
        # "postponed until Tuesday": a deadline ahead, unless the event is past
        # ("until Tuesday, they had not called").
        direction = 1 if ctx.tense(start, end, weak=False) >= 0 else 0
    if direction == 0:
        if weekday == ref.weekday():
            return ref
        direction = ctx.tense(start, end, weak=weak) or -1
    delta = (weekday - ref.weekday()) % 7
    if direction > 0:
        return ref + timedelta(days=delta or 7)
    return ref - timedelta(days=(7 - delta) % 7 or 7)


def _year_for_month(ctx: _Context, month: int, day: int | None, start: int, end: int) -> int:
    """The year of a month (or month and day) named without one.

    News speaks of its own year: the reference year, unless the tense points the other
    way and the date lies two months or more off in the wrong direction (or, with no
    tense to go by, more than five months ahead or eight behind: "late November" in a
    January story is last year's, "payable Jan. 2" in a November story next year's).
    """
    ref = ctx.reference
    days = (date(ref.year, month, min(day or 15, 28)) - ref).days
    before = ctx.text[max(0, start - 8) : start].lower()
    if re.search(r"\b(?:since|last)\s+$", before):
        return ref.year - 1 if days > 0 else ref.year
    if re.search(r"\b(?:until|till|next)\s+$", before):
        return ref.year + 1 if days < 0 else ref.year
    if re.search(r"\bby\s+$", before) and days < -60 and ctx.tense(start, end, weak=False) >= 0:
        return ref.year + 1  # "a loan due by February" in an October story
    tense = ctx.tense(start, end)
    if tense > 0 and days < -60:
        return ref.year + 1
    if (tense < 0 and days > 60) or (tense == 0 and days > 150):
        return ref.year - 1
    if days < -240 and ctx.tense(start, end, weak=False) >= 0:
        return ref.year + 1  # "payable Jan. 2" in a November story: the coming January
    return ref.year


def _quarter_year(ctx: _Context, quarter: int, start: int, end: int) -> int:
    ref = ctx.reference
    current = (ref.month - 1) // 3 + 1
    if quarter > current and ctx.tense(start, end) <= 0:
        return ref.year - 1
    return ref.year


def _duration(amount: float | None, unit: str) -> str:
    code, is_time, multiplier = _UNITS[unit]
    if amount is None:
        # "for decades": an unknown number of years (TimeBank marks it PXY); "centuries" PXC.
        code = {"DE": "Y", "CE": "C"}.get(code, code)
        number = "X"
    else:
        amount *= multiplier
        if code == "Q":
            code, amount = "M", amount * 3
        elif code == "DE":
            code, amount = "Y", amount * 10
        elif code == "CE":
            code, amount = "Y", amount * 100
        if amount != int(amount):
            if code in ("Y", "D", "H") and amount * 2 == int(amount * 2):
                smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60)}[code]
                whole = int(amount)
                rest = round((amount - whole) * smaller[1])
                prefix = "PT" if is_time or (code == "D" and whole == 0) else "P"
                if whole == 0:
                    return f"{prefix}{rest}{smaller[0]}"
                if code == "D":
                    return f"P{whole}DT{rest}H"
                return f"{'PT' if is_time else 'P'}{whole}{code}{rest}{smaller[0]}"
            number = f"{amount:g}"
        else:
            number = str(int(amount))
    return f"{'PT' if is_time else 'P'}{number}{code}"


def _unit_of(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in _UNITS else word


def _shift(
    ctx: _Context, amount: float | None, unit: str, sign: int, base: tuple[date, str] | None
):
    """A date `amount` units before (sign -1) or after `base`, at the unit's granularity."""
    anchor = base or (ctx.reference, "day")
    if amount is None:
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    whole = int(amount)
    day = anchor[0]
    if unit == "year" and anchor[1] == "quarter" and ctx.quarter:
        year, quarter = ctx.quarter
        return f"{year + sign * whole:04d}-Q{quarter}"
    if unit in ("year", "decade", "century"):
        years = whole * {"year": 1, "decade": 10, "century": 100}[unit]
        moved = day + relativedelta(years=sign * years)
        if anchor[1] == "month" and base is not None and unit == "year":
            return moved.strftime("%Y-%m")
        return f"{moved.year:04d}"
    if unit == "quarter":
        moved = day + relativedelta(months=3 * sign * whole)
        return f"{moved.year:04d}-Q{(moved.month - 1) // 3 + 1}"
    if unit == "month":
        return (day + relativedelta(months=sign * whole)).strftime("%Y-%m")
    if unit in ("week", "fortnight"):
        return _week(day + timedelta(weeks=sign * whole * (2 if unit == "fortnight" else 1)))
    if unit == "day":
        return (day + timedelta(days=sign * whole)).isoformat()
    return "PAST_REF" if sign < 0 else "FUTURE_REF"


# --- rules --------------------------------------------------------------------

Handler = Callable[[re.Match[str], _Context], tuple[str, str] | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 0
    needs: re.Pattern[str] | None = None  # a cheap test: the rule cannot match without it


_RULES: list[_Rule] = []


def _rule(pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
    if "(?i)" in pattern:  # the whole rule ignores case
        pattern = "(?i)" + pattern.replace("(?i)", "")

    def register(handler: Handler) -> Handler:
        _RULES.append(_Rule(re.compile(pattern), handler, priority))
        return handler

    return register


def _month_number(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _weekday_number(text: str) -> int:
    return _WEEKDAYS[text.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@_rule(
    _B
    + r"(?P<week>(?i:the\s+week\s+of)\s+)?"
    + r"(?:(?i:last|this|next|this\s+coming)\s+)?(?:(?P<wd>"
    + _WEEKDAY
    + r"),?\s+)?(?:(?P<m1>"
    + _MONTH
    + r")\s+(?P<d1>"
    + _DAY
    + r")"
    r"|(?:the\s+)?(?P<d2>" + _DAY + r")\s+(?:of\s+)?(?P<m2>" + _MONTH + r"))"
    r"(?:,?\s+(?P<y>" + _YEAR + r"))?" + _E,
    priority=2,
)
def _month_day(match: re.Match[str], ctx: _Context):
    month = _month_number(match["m1"] or match["m2"])
    day = _day_number(match["d1"] or match["d2"])
    if match["y"]:
        year = int(match["y"])
    else:
        year = _year_for_month(ctx, month, day, match.start(), match.end())
    resolved = _safe_date(year, month, day)
    if resolved is None:
        return None
    ctx.remember(resolved, "day")
    if match["week"]:  # "the week of March 6": the week, at its own granularity
        return "date", _week(resolved)
    return "date", resolved.isoformat()


# Two days of one month, as TimeML marks them: "March 5-7", "April 24 and 25", "5 to 7 March"
# are two expressions, the second day taking the first's month and year.
_DAY_LINK = r"(?:\s*[-–]\s*|\s+(?i:to|through|and|or|until)\s+)"
_DAY_ENDS = r"(?![\w%:/]|[.,]\d|\s*(?:%|(?i:percent|per\b|[ap]\.?m\b)))"


@_rule(
    rf"{_B}(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DAY_LINK}(?P<d2>{_DAY})"
    rf"(?:,?\s+(?P<y1>{_YEAR}))?{_DAY_ENDS}"
    rf"|{_B}(?P<d3>{_DAY}){_DAY_LINK}(?P<d4>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})"
    rf"(?:,?\s+(?P<y2>{_YEAR}))?{_E}",
    priority=2,
)
def _day_range(match: re.Match[str], ctx: _Context):
    month = _month_number(match["m1"] or match["m2"])
    first_group, second_group = ("d1", "d2") if match["d1"] else ("d3", "d4")
    first, second = _day_number(match[first_group]), _day_number(match[second_group])
    if second <= first:
        return None  # "March 5-3" is not a stretch of days
    given = match["y1"] or match["y2"]
    year = int(given) if given else _year_for_month(ctx, month, first, match.start(), match.end())
    days = [_safe_date(year, month, first), _safe_date(year, month, second)]
    if None in days:
        return None
    ctx.remember(days[0], "day")
    # "March 5" and "7, 2013"; "5" and "7 March 2013".
    spans = [(match.start(), match.end(first_group)), (match.start(second_group), match.end())]
    return [("date", day.isoformat(), *span) for day, span in zip(days, spans, strict=True)]


@_rule(_B + r"(?P<y>" + _YEAR + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", priority=2)
def _iso_date(match: re.Match[str], ctx: _Context):
    resolved = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if resolved is None:
        return None
    ctx.remember(resolved, "day")
    return "date", resolved.isoformat()


@_rule(
    r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>(?:19|20)?\d\d)(?![\d/])"
)
def _slash_date(match: re.Match[str], ctx: _Context):
    year = int(match["y"])
    if year < 100:
        year += 1900 if year > 50 else 2000
    resolved = _safe_date(year, int(match["m"]), int(match["d"]))
    if resolved is None:
        return None
    ctx.remember(resolved, "day")
    return "date", resolved.isoformat()


_MOD = (
    r"(?:(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of"
    r"|the\s+start\s+of)[\s-]+)"
)


@_rule(
    _B + _MOD + r"?(?:(?P<rel>(?i:last|next|this))\s+)?(?P<m>" + _MONTH + r")"
    r"(?:,?\s+(?:of\s+)?(?P<y>" + _YEAR + r")|\s+(?P<rel2>(?i:last|next|this))\s+(?i:year))?" + _E
)
def _month(match: re.Match[str], ctx: _Context):
    name = match["m"]
    if len(name) <= 4 and name not in ("May", "June", "July") and not name.endswith("."):
        return None  # "Jan Kavan", "Mar" are names and words before they are months
    if name == "May" and not (match["y"] or match["rel"]) and match.group(0) == "May":
        before = ctx.text[max(0, match.start() - 12) : match.start()].lower()
        if not re.search(r"\b(?:in|since|until|by|of|through|from|to|before|after)\s+$", before):
            return None
    month = _month_number(name)
    if match["y"]:
        year = int(match["y"])
    elif match["rel2"]:
        year = ctx.reference.year + {"last": -1, "next": 1}.get(match["rel2"].lower(), 0)
    elif match["rel"]:
        rel = match["rel"].lower()
        ref = ctx.reference
        if rel == "this":
            year = ref.year
        elif rel == "last":
            # "last April" in an October story is this year's; "last February" in a
            # March story a year ago, since the month just gone would be "last month".
            year = ref.year if month < ref.month - 1 else ref.year - 1
        else:
            year = ref.year if month > ref.month + 1 else ref.year + 1
    else:
        year = _year_for_month(ctx, month, None, match.start(), match.end())
    ctx.remember(date(year, month, 1), "month")
    return "date", f"{year:04d}-{month:02d}"


# "the October-December quarter", "June–August 2012": two months, the second after the first.
@_rule(
    r"(?=[JFMASOND])"
    + _B
    + r"(?P<m1>"
    + _MONTH
    + r")\s*[-–]\s*(?P<m2>"
    + _MONTH
    + r")(?:,?\s+(?P<y>"
    + _YEAR
    + r"))?"
    + _E,
    priority=1,
)
def _month_range(match: re.Match[str], ctx: _Context):
    first, second = _month_number(match["m1"]), _month_number(match["m2"])
    if match["y"]:
        second_year = int(match["y"])
        first_year = second_year if first < second else second_year - 1
    else:
        first_year = _year_for_month(ctx, first, None, match.start(), match.end())
        second_year = first_year if first < second else first_year + 1
    ctx.remember(date(second_year, second, 1), "month")
    return [
        ("date", f"{first_year:04d}-{first:02d}", *match.span("m1")),
        ("date", f"{second_year:04d}-{second:02d}", match.start("m2"), match.end()),
    ]


@_rule(
    _B + r"(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|model\s+year)"
    r")\s+|FY\s*|(?i:post|pre)-)?"
    + _MOD
    + r"?(?P<y>"
    + _YEAR
    + r")(?![\d%,.]\d|\d|%|-\d|\s*(?:percent|per\s+cent))"
)
def _year(match: re.Match[str], ctx: _Context):
    before = ctx.text[max(0, match.start() - 2) : match.start()]
    if "$" in before or "#" in before or before.endswith("No"):
        return None
    year = int(match["y"])
    ctx.remember(date(year, 1, 1), "year")
    return "date", f"{year:04d}"


# "1939-1945", "the 2012-13 season": two years, as TimeML marks them, the second taking
# the first's century when it is written short.
@_rule(
    r"(?=[12])" + _B + r"(?P<y1>" + _YEAR + r")\s*[-–/]\s*(?P<y2>" + _YEAR + r"|\d\d)"
    r"(?![\d%-]|[.,]\d|\s*(?:percent|per\s+cent))",
    priority=1,
)
def _year_range(match: re.Match[str], ctx: _Context):
    first = int(match["y1"])
    second = int(match["y2"]) if len(match["y2"]) == 4 else first // 100 * 100 + int(match["y2"])
    if not first < second <= first + 100:
        return None
    ctx.remember(date(second, 1, 1), "year")
    return [
        ("date", f"{first:04d}", *match.span("y1")),
        ("date", f"{second:04d}", *match.span("y2")),
    ]


# "Q3 2012", "Q1", "H2 2013": quarters and halves in the shorthand of business news.
@_rule(r"(?=[QH])" + _B + r"(?P<what>Q[1-4]|H[12])(?:\s+(?P<y>" + _YEAR + r"))?(?![\w-])")
def _quarter_shorthand(match: re.Match[str], ctx: _Context):
    what, number = match["what"][0], int(match["what"][1])
    if what == "H" and not match["y"]:
        return None  # "H1" alone is as often a visa or a gene
    year = int(match["y"]) if match["y"] else _quarter_year(ctx, number, *match.span())
    if what == "Q":
        ctx.quarter = (year, number)
        ctx.remember(date(year, 3 * number - 2, 1), "quarter")
    return "date", f"{year:04d}-{what}{number}"


@_rule(
    _B
    + r"(?:(?i:the)\s+(?=(?i:early|late|mid)))?"
    + _MOD
    + r"?(?P<y>1[6-9]\d|20\d)0(?:'?s)"
    + _E
    + r"|"
    + _B
    + r"(?:(?i:the)\s+)?"
    + _MOD
    + r"?['’](?P<yy>\d)0s"
    + _E
)
def _decade(match: re.Match[str], ctx: _Context):
    if match["y"]:
        return "date", match["y"]
    return "date", f"19{match['yy']}"


@_rule(
    _B + r"(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+"
    r"(?i:century)" + _E
)
def _century(match: re.Match[str], ctx: _Context):
    return "date", f"{int(match['n']) - 1:02d}"


# Quarters and halves, named or by ordinal: "the third quarter", "third-quarter",
# "the fiscal first quarter", "the year-ago quarter", "the latest period".
_QUARTER_WORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


@_rule(
    _B + r"(?i:(?:the\s+|(?:this|last|next)\s+year's\s+)?(?:(?:comparable|same|corresponding)\s+)?"
    r"(?P<ago>year-ago\s+|year-earlier\s+)?(?:(?:fiscal|calendar)[\s-]+)?)(?:(?P<y0>"
    + _YEAR
    + r")\s+)?"
    r"(?P<q>(?i:"
    + _QUARTER_WORD
    + r"))(?:[\s-]+(?i:fiscal))?[\s-]+(?P<what>(?i:quarter|period|half))"
    r"(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?(?P<y>" + _YEAR + r"))?" + _E,
    priority=1,
)
def _quarter(match: re.Match[str], ctx: _Context):
    ordinal = _ORDINALS[match["q"].lower()]
    whole = match.group(0).lower()
    if "year's" in whole:
        year = ctx.reference.year + {"last": -1, "next": 1}.get(whole.split()[0], 0)
    elif match["y"] or match["y0"]:
        year = int(match["y"] or match["y0"])
    else:
        year = _quarter_year(ctx, ordinal, match.start(), match.end())
        if match["ago"]:
            year -= 1
    if match["what"].lower() == "half":
        if ordinal > 2:
            return None
        return "date", f"{year:04d}-H{ordinal}"
    if ordinal > 4:
        return None
    ctx.quarter = (year, ordinal)
    ctx.remember(date(year, 3 * ordinal - 2, 1), "quarter")
    return "date", f"{year:04d}-Q{ordinal}"


@_rule(
    r"(?i)"
    + _B
    + r"(?:the|this|that)\s+(?:(?P<which>latest|current|past|last|most\s+recent|same|recent|"
    r"year-ago|year-earlier|corresponding|comparable|previous|prior|fiscal|(?P<y>"
    + _YEAR
    + r"))\s+)?"
    r"(?:(?:fiscal|year-ago|year-earlier)\s+)?(?P<what>quarter|period)"
    r"(?:\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year|of\s+last\s+year))?" + _E
)
def _the_quarter(match: re.Match[str], ctx: _Context):
    which = (match["which"] or "").lower()
    whole = match.group(0).lower()
    if match["what"].lower() == "period" and not which:
        return None
    ref = ctx.reference
    previous = ref - relativedelta(months=3)
    year, quarter = previous.year, (previous.month - 1) // 3 + 1
    if ctx.quarter and which not in ("latest", "most recent", "past", "last"):
        year, quarter = ctx.quarter
    if which == "current" or (whole.startswith("this") and not ctx.quarter):
        year, quarter = ref.year, (ref.month - 1) // 3 + 1
    if match["y"]:
        if match["what"].lower() == "period" and not ctx.quarter:
            return "date", match["y"]
        return "date", f"{match['y']}-Q{quarter}"
    if (
        "year-ago" in whole
        or "year-earlier" in whole
        or "year" in whole.split()[-1]
        or (which in ("corresponding", "comparable") and "year" in whole)
    ):
        year -= 1
    elif which in ("previous", "prior"):
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return "date", f"{year:04d}-Q{quarter}"


@_rule(r"(?i)" + _B + r"(?P<adj>year-(?:ago|earlier))" + _E)
def _year_ago_adjective(match: re.Match[str], ctx: _Context):
    return "date", _shift(ctx, 1, "year", -1, _quarter_anchor(ctx))


def _quarter_anchor(ctx: _Context) -> tuple[date, str] | None:
    if ctx.anchor and ctx.anchor[1] == "quarter":
        return ctx.anchor
    return None


# "the first nine months", "the six months", "the first half" as a stretch of a year.
@_rule(
    r"(?i)" + _B + r"the\s+(?:first\s+)?(?P<n>" + _NUM_WORD + r"|\d+)\s+months"
    r"(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?" + _E
)
def _year_to_date(match: re.Match[str], ctx: _Context):
    amount = _words_number(match["n"])
    return "duration", _duration(amount, "month")


# "last week", "this year", "next month", "the past year", "the coming weekend".
@_rule(
    r"(?i)"
    + _B
    + r"(?:(?P<mod>early|late|earlier|later|mid|the\s+(?:end|beginning|start|middle)\s+of)"
    r"[\s-]+)?(?:(?:the)\s+)?"
    r"(?P<rel>"
    + _REL
    + r")\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)"
    + _E
    + r"(?!\s*(?:'s|’s)?\s*(?:old|-old))"
)
def _relative_unit(match: re.Match[str], ctx: _Context):
    rel = match["rel"].lower().split()[-1]
    unit = match["unit"].lower()
    whole = match.group(0).lower()
    stretch = rel == "coming" or unit not in ("year", "month", "week")
    if rel in ("past", "coming") and not match["mod"] and whole.startswith("the") and stretch:
        return "duration", _duration(1, unit) if unit != "weekend" else "P2D"
    sign = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        rel, 0
    )
    ref = ctx.reference
    if rel in ("same", "following", "previous") and ctx.anchor:
        # "the following week": counted from the date under discussion.
        ref = ctx.anchor[0]
    if unit == "weekend":
        day = ref + timedelta(weeks=sign)
        return "date", f"{_week(day)}-WE"
    if unit == "week":
        day = ref + timedelta(weeks=sign)
        ctx.remember(day, "week")
        return "date", _week(day)
    if unit == "month":
        day = ref + relativedelta(months=sign)
        ctx.remember(day.replace(day=1), "month")
        return "date", day.strftime("%Y-%m")
    if unit == "quarter":
        day = ref + relativedelta(months=3 * sign)
        quarter = (day.month - 1) // 3 + 1
        ctx.quarter = (day.year, quarter)
        return "date", f"{day.year:04d}-Q{quarter}"
    if unit == "decade":
        return "date", f"{(ref.year + 10 * sign) // 10:03d}"
    if unit == "century":
        return "date", f"{(ref.year + 100 * sign) // 100:02d}"
    year = ref.year + sign
    ctx.remember(date(year, 1, 1), "year")
    return "date", f"{year:04d}"


# The middle month of each season but winter, which straddles the turn of the year.
_SEASON_MIDDLE = {"SP": 4, "SU": 7, "FA": 10}


@_rule(
    r"(?i)" + _B + r"(?:(?P<mod>early|late|earlier|later)\s+)?"
    r"(?P<rel>last|next|this\s+past|this\s+coming|this)\s+"
    r"(?P<s>spring|summer|fall|autumn|winter)"
    + _E
    + r"|(?i)"
    + _B
    + r"(?:(?P<mod2>early|late)\s+)?(?:the\s+)?(?:(?P<s2>spring|summer|autumn|winter)"
    r"(?:(?:\s+of)?\s+(?P<y>" + _YEAR + r"))?|(?P<s3>fall)(?:\s+of)?\s+(?P<y2>" + _YEAR + r"))" + _E
)
def _season(match: re.Match[str], ctx: _Context):
    season = _SEASONS[(match["s"] or match["s2"] or match["s3"]).lower()]
    ref = ctx.reference
    rel = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    middle = _SEASON_MIDDLE.get(season)
    if match["y"] or match["y2"]:
        year = int(match["y"] or match["y2"])
    elif rel == "last":
        year = ref.year - 1
    elif rel == "next":
        year = ref.year + 1
    elif rel in ("this past", "this coming") and middle:
        # The season just gone, or the one ahead, whichever year it falls in.
        ahead = middle > ref.month
        year = ref.year - 1 if rel == "this past" and ahead else ref.year
        year = ref.year + 1 if rel == "this coming" and middle < ref.month else year
    elif not rel and middle:
        # "The bridge opened in the summer", in a March story: last year's.
        year = _year_for_month(ctx, middle, None, match.start(), match.end())
    else:
        year = ref.year
    return "date", f"{year:04d}-{season}"


_WEEKDAY_RANGE = re.compile(_WEEKDAY + r"\s*(?:[-–]|(?i:to|through|until|till))\s*$")


# "last Tuesday", "Tuesday", "Tuesday morning", "earlier Sunday".
@_rule(
    _B + r"(?:(?P<rel>(?i:last|next|this\s+coming|this\s+past|coming|this|earlier|later|late"
    r"|early))\s+)?(?P<wd>" + _WEEKDAY + r")"
    r"(?:['’]s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?" + _E
)
def _weekday(match: re.Match[str], ctx: _Context):
    weekday = _weekday_number(match["wd"])
    rel = (match["rel"] or "").lower().split()[-1] if match["rel"] else ""
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    # "Wednesday's ruling": the verb near it tells of the ruling's aftermath, not its day.
    possessive = match.group(0).endswith(("'s", "’s"))
    resolved = _weekday_date(
        ctx, weekday, match.start(), match.end(), direction, weak=not possessive
    )
    before = ctx.text[max(0, match.start() - 30) : match.start()]
    if not rel and ctx.anchor and ctx.anchor[1] == "day" and _WEEKDAY_RANGE.search(before):
        # "from Monday to Friday": the end of a stretch is the first such day after its start.
        start_day = ctx.anchor[0]
        resolved = start_day + timedelta(days=(weekday - start_day.weekday()) % 7 or 7)
    ctx.remember(resolved, "day")
    part = (match["part"] or "").lower()
    if part:
        return "time", f"{resolved.isoformat()}T{_PARTS[part]}"
    return "date", resolved.isoformat()


# "Thursday-Saturday", "Monday through Friday": TimeML marks the two days apart. They are
# resolved together: a stretch that is over ends on or before the article's day, one
# ahead starts on or after it, and one the tense leaves open takes the week around the
# article's day when that falls inside it.
@_rule(
    r"(?=[MTWFS])"
    + _B
    + r"(?P<wd1>"
    + _WEEKDAY
    + r")\s*(?:[-–]|\s(?i:to|through|thru|until|till)\s)\s*"
    r"(?P<wd2>" + _WEEKDAY + r")" + _E,
    priority=1,
)
def _weekday_range(match: re.Match[str], ctx: _Context):
    first, last = _weekday_number(match["wd1"]), _weekday_number(match["wd2"])
    length = (last - first) % 7
    ref = ctx.reference
    tense = ctx.tense(match.start(), match.end())
    start_this_week = ref - timedelta(days=(ref.weekday() - first) % 7)
    if tense > 0:
        start = ref + timedelta(days=(first - ref.weekday()) % 7)
    elif tense == 0 and start_this_week + timedelta(days=length) >= ref:
        start = start_this_week
    else:
        end = ref - timedelta(days=(ref.weekday() - last) % 7)
        start = end - timedelta(days=length)
    end = start + timedelta(days=length)
    ctx.remember(end, "day")
    return [
        ("date", start.isoformat(), match.start("wd1"), match.end("wd1")),
        ("date", end.isoformat(), match.start("wd2"), match.end("wd2")),
    ]


@_rule(
    r"(?i)" + _B + r"(?:(?P<mod>early|late|earlier|later)\s+)?"
    r"(?P<w>today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:yesterday|today|tomorrow)\s+(?:morning|afternoon|evening|night))(?:['’]s)?" + _E
)
def _deictic_day(match: re.Match[str], ctx: _Context):
    word = match["w"].lower()
    ref = ctx.reference
    offset = (
        -1 if word.startswith(("yesterday", "last")) else 1 if word.startswith("tomorrow") else 0
    )
    day = ref + timedelta(days=offset)
    ctx.remember(day, "day")
    part = word.split()[-1]
    if word == "tonight":
        return "time", f"{day.isoformat()}TNI"
    if part in _PARTS:
        return "time", f"{day.isoformat()}T{_PARTS[part]}"
    return "date", day.isoformat()


@_rule(
    r"(?i)"
    + _B
    + r"(?P<w>the\s+(?:next|following|previous|preceding)\s+(?:day|morning|evening|night)"
    r"|the\s+day\s+(?:before|after)|that\s+(?:same\s+)?day|the\s+same\s+day|earlier\s+that\s+day"
    r"|later\s+that\s+day|that\s+(?:morning|afternoon|evening|night))" + _E
)
def _anaphoric_day(match: re.Match[str], ctx: _Context):
    word = match["w"].lower()
    base = ctx.anchor[0] if ctx.anchor and ctx.anchor[1] == "day" else ctx.reference
    if "next" in word or "following" in word or "after" in word:
        base += timedelta(days=1)
    elif "previous" in word or "preceding" in word or "before" in word:
        base -= timedelta(days=1)
    part = word.split()[-1]
    if part in _PARTS and "next" not in word:
        return "time", f"{base.isoformat()}T{_PARTS[part]}"
    return "date", base.isoformat()


@_rule(
    r"(?i)" + _B + r"(?:earlier|later)\s+that\s+(?P<unit>week|month|year)"
    r"|" + _B + r"(?i:that|the\s+same)\s+(?P<unit2>week|month|year)" + _E
)
def _anaphoric_unit(match: re.Match[str], ctx: _Context):
    unit = (match["unit"] or match["unit2"]).lower()
    base = ctx.anchor[0] if ctx.anchor else ctx.reference
    if unit == "week":
        return "date", _week(base)
    if unit == "month":
        return "date", base.strftime("%Y-%m")
    return "date", f"{base.year:04d}"


@_rule(
    r"(?i)"
    + _B
    + r"(?P<mod>earlier|later|early|late)\s+(?P<w>today|yesterday|tomorrow)"
    + _E
    + r"|(?i)"
    + _B
    + r"(?:(?:earlier|later|so\s+far)\s+)?this\s+(?P<unit>week|month|year)"
    + _E
)
def _this_unit(match: re.Match[str], ctx: _Context):
    if match["w"]:
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["w"].lower()]
        return "date", (ctx.reference + timedelta(days=offset)).isoformat()
    unit = match["unit"].lower()
    ref = ctx.reference
    if unit == "week":
        return "date", _week(ref)
    if unit == "month":
        return "date", ref.strftime("%Y-%m")
    return "date", f"{ref.year:04d}"


# Durations: "three years", "the past two months", "two-year", "several weeks".
@_rule(
    r"(?i)" + _B + r"(?:(?:the\s+)?(?:past|last|next|first|coming|previous|final|following|"
    r"latest|preceding|remaining|additional|better\s+part\s+of\s+the)\s+)?"
    r"(?:" + _APPROX + r")?(?P<n>" + _NUM + r"|" + _VAGUE + r")"
    r"(?:(?:\s*[-–]\s*|\s+(?:to|or)\s+)(?P<high>\d{1,3}|" + _NUM_WORD + r"))?"
    r"(?:\s+(?:more|full|straight|"
    r"consecutive|additional|long|short|trading|business|working|calendar))?\s+(?P<unit>"
    + _UNIT
    + r"s?)"
    r"(?:\s+and\s+a\s+half)?" + _E + r"(?![\s-]+(?:ago|earlier|later|before|after|from\s+now|old))"
)
def _duration_rule(match: re.Match[str], ctx: _Context):
    unit = _unit_of(match["unit"])
    # "two to three weeks": one expression, valued at its lower bound as TimeML does.
    amount = _words_number(match["n"])
    text = match.group(0).lower()
    if text.startswith(("a ", "an ")) and text.split()[-1] in ("a", "an"):
        return None
    following = re.match(r"\s+([a-z]+)", ctx.text[match.end() : match.end() + 20])
    if unit == "second" and following and following[1] not in ("or", "and", "of", "to", "in"):
        return None  # "a second betrayal", "the second day": an ordinal
    before = ctx.text[max(0, match.start() - 24) : match.start()].lower()
    if re.search(
        r"(?:\d|once|twice|times|percent|%|million|billion|thousand|\$\S*|[a-z]{3,}s)\s*$", before
    ) and text.startswith(("a ", "an ")):
        return "set", _duration(1, unit)
    if "and a half" in text and amount is not None:
        amount += 0.5
    return "duration", _duration(amount, unit)


@_rule(
    r"(?i)"
    + _B
    + r"(?P<n>"
    + _NUM_WORD
    + r"|\d+(?:\.\d+)?|half)-(?P<unit>"
    + _UNIT
    + r")(?:-long)?"
    + _E
    + r"(?![\s-]+old)"
    + r"|(?i)"
    + _B
    + r"(?P<unit2>day|week|month|year|decade|hour)s?-long"
    + _E
)
def _duration_adjective(match: re.Match[str], ctx: _Context):
    if match["unit2"]:
        # "a day-long strike" lasts a day; "a decades-long feud" some number of decades.
        plural = match.group(0).lower().startswith(match["unit2"].lower() + "s")
        return "duration", _duration(None if plural else 1, match["unit2"].lower())
    amount = 0.5 if match["n"].lower() == "half" else _words_number(match["n"])
    return "duration", _duration(amount, _unit_of(match["unit"]))


@_rule(
    r"(?i)"
    + _B
    + r"(?:for|over|in|within)\s+(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)"
    + _E
)
def _vague_duration(match: re.Match[str], ctx: _Context):
    unit = _unit_of(match["unit"])
    return "duration", _duration(None, unit), match.start("unit"), match.end("unit")


# "two years ago", "a year earlier", "three days later", "a week or so ago".
@_rule(
    r"(?i)" + _B + r"(?:" + _APPROX + r")?(?P<n>" + _NUM + r"|" + _VAGUE + r")\s+"
    r"(?:(?:full|trading|business|working|calendar)\s+)?(?P<unit>"
    + _UNIT
    + r"s?)(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)"
    + _E,
    priority=1,
)
def _ago(match: re.Match[str], ctx: _Context):
    unit = _unit_of(match["unit"])
    amount = _words_number(match["n"])
    direction = match["dir"].lower()
    if direction in ("before", "after", "later"):
        # "ten days before the vote": TimeML marks the duration; the anchor is an event.
        return "duration", _duration(amount, unit), match.start(), match.start("dir")
    sign = 1 if direction in ("from now", "hence") else -1
    if direction in ("ago", "from now", "hence"):
        base = _quarter_anchor(ctx) if unit == "year" else None
    else:
        base = ctx.anchor
    if unit in ("hour", "minute", "second"):
        return "duration", _duration(amount, unit)
    return "date", _shift(ctx, amount, unit, sign, base)


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
    "recent years": "PAST_REF", "the future": "FUTURE_REF",
}  # fmt: skip


@_rule(
    r"(?i)"
    + _B
    + r"(?P<w>now|currently|nowadays|these\s+days|at\s+the\s+moment|at\s+present|the\s+present"
    r"|recently|recent\s+years|lately|the\s+past|formerly|the\s+future)" + _E
)
def _reference(match: re.Match[str], ctx: _Context):
    word = re.sub(r"\s+", " ", match["w"].lower())
    if word == "now" and ctx.text[match.end() : match.end() + 1] == "-":
        return None
    return "date", _REFS[word]


@_rule(r"(?i)" + _B + r"(?P<w>current)(?=\s+\w)" + _E)
def _reference_adjective(match: re.Match[str], ctx: _Context):
    after = ctx.text[match.end() : match.end() + 20].lower()
    if re.match(r"\s+(?:account|events|affairs|flows?|assets|liabilit|and\s|,)", after):
        return None
    return "date", _REFS[match["w"].lower()]


@_rule(
    r"(?i)" + _B + r"(?:the\s+)?(?P<rel>recent|coming|past|next\s+few|past\s+few|last\s+few|"
    r"past\s+several|last\s+several)\s+(?P<unit>days|weeks|months|quarters|years|decades)" + _E
)
def _vague_stretch(match: re.Match[str], ctx: _Context):
    rel = match["rel"].lower()
    unit = _unit_of(match["unit"])
    if rel == "recent" and unit == "year":
        return "date", "PAST_REF"
    if rel in ("past", "coming") and not match.group(0).lower().startswith("the"):
        return ("date", "PAST_REF") if rel == "past" else ("duration", _duration(None, unit))
    return "duration", _duration(None, unit)


@_rule(
    r"(?i)" + _B + r"the\s+(?:(?:near|short|long)\s+term|(?:near|distant|foreseeable|immediate)"
    r"\s+future)" + _E
)
def _term(match: re.Match[str], ctx: _Context):
    return "date", "FUTURE_REF"


@_rule(
    r"(?i)"
    + _B
    + r"the\s+(?P<unit>days|weeks|months|years)\s+(?=before|after|ahead|that\s+followed"
    r"|following|leading|since|to\s+come)"
)
def _the_units_around(match: re.Match[str], ctx: _Context):
    # "in the weeks before the vote": TimeML marks the vague stretch, the unit word alone.
    unit = _unit_of(match["unit"])
    return "duration", _duration(None, unit), match.start("unit"), match.end("unit")


@_rule(r"(?i)" + _B + r"(?:over|during|at|ahead\s+of|for|through|on)\s+(?P<w>the\s+weekend)" + _E)
def _the_weekend(match: re.Match[str], ctx: _Context):
    ref = ctx.reference
    ahead = match.group(0).lower().startswith("ahead")  # "ahead of the weekend": the coming one
    if ahead or ctx.tense(match.start(), match.end()) > 0:
        day = ref + timedelta(days=(5 - ref.weekday()) % 7)
    elif ref.weekday() >= 5:
        day = ref
    else:
        day = ref - timedelta(days=ref.weekday() + 1)
    return "date", f"{_week(day)}-WE", match.start("w"), match.end()


@_rule(
    r"(?i)" + _B + r"(?:for|in|during|through|throughout|over)\s+(?P<w>the\s+(?:(?:full|fiscal|"
    r"entire|whole|current|latest)\s+)?year)(?P<ended>\s+(?:ended|ending|to|through))?" + _E
)
def _the_year(match: re.Match[str], ctx: _Context):
    if match["ended"]:
        return "duration", "P1Y", match.start("w"), match.end("w")
    current = "current" in match["w"].lower()  # "the current year" is the article's own
    year = ctx.anchor[0].year if ctx.anchor and not current else ctx.reference.year
    if year > ctx.reference.year:
        year = ctx.reference.year  # a target year named before ("by 2016") is not "the year"
    return "date", f"{year:04d}", match.start("w"), match.end("w")


@_rule(
    r"(?i)"
    + _B
    + r"(?:by|at|until|before|around|since)\s+(?P<w>(?:the\s+)?year[\s-]end|year['’]s\s+end"
    r"|the\s+end\s+of\s+(?:the|this)\s+(?:year|month|week))" + _E
)
def _period_end(match: re.Match[str], ctx: _Context):
    ref = ctx.reference
    word = match["w"].lower()
    if word.endswith("month"):
        value = ref.strftime("%Y-%m")
    elif word.endswith("week"):
        value = _week(ref)
    else:
        value = f"{ref.year:04d}"
    return "date", value, match.start("w"), match.end("w")


@_rule(
    r"(?i)"
    + _B
    + r"(?:the\s+year\s+|(?P<m>"
    + _MONTH
    + r")\s+|(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+of\s+)?"
    r"(?:(?P<c>nineteen|eighteen)\s+(?P<y>(?:twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?P<z>one|two|three|four|five|six|seven|eight|nine|ten))?)"
    + _E
)
def _spoken_year(match: re.Match[str], ctx: _Context):
    if match["c"]:
        century = 1900 if match["c"].lower() == "nineteen" else 1800
        year = century + int(_words_number(match["y"]) or 0)
    else:
        year = 2000 + int(_words_number(match["z"]) or 0) if match["z"] else 2000
    before = ctx.text[max(0, match.start() - 12) : match.start()].lower()
    if (
        not match["c"]
        and not match.group(0).lower().startswith("the year")
        and not re.search(r"(?:in|since|by|until)\s+$", before)
    ):
        return None
    if match["m"]:  # "January nineteen ninety-seven"
        month = _month_number(match["m"])
        ctx.remember(date(year, month, 1), "month")
        return "date", f"{year:04d}-{month:02d}"
    if match["s"]:  # "the winter of nineteen ninety-four"
        return "date", f"{year:04d}-{_SEASONS[match['s'].lower()]}"
    ctx.remember(date(year, 1, 1), "year")
    return "date", f"{year:04d}"


_DECADE_WORDS = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
]


@_rule(
    r"(?i)"
    + _B
    + r"the\s+(?:(?P<mod>early|late|mid)[\s-]+)?(?P<d>"
    + "|".join(_DECADE_WORDS)
    + r")"
    + _E
)
def _spoken_decade(match: re.Match[str], ctx: _Context):
    return "date", f"19{_DECADE_WORDS.index(match['d'].lower()) + 2}"


# The day a clock time names after it: "5 p.m. Tuesday", "10:00 on March 3, 2012".
_CLOCK_DAY = (
    r"(?:,?\s+(?:on\s+)?(?P<wd>" + _WEEKDAY + r"|(?i:yesterday|today|tomorrow))"
    r"|,?\s+(?:on\s+)?(?P<m>" + _MONTH + r")\s+(?P<d>" + _DAY + r")(?:,?\s+(?P<y>" + _YEAR + r"))?)"
)


def _clock_time(clock: str, meridiem: str = "") -> tuple[int, int]:
    """The hour and minute of "2:46 p.m.", "noon", "9am" (or of "2" read with `meridiem`)."""
    clock = clock.lower()
    if clock in ("noon", "midday"):
        return 12, 0
    if clock == "midnight":
        return 24, 0
    numbers = re.match(r"(\d+)(?::(\d+))?", clock)
    hour, minute = int(numbers[1]), int(numbers[2] or 0)
    meridiem = "".join(c for c in clock[numbers.end() :] if c in "ap") or meridiem
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return hour, minute


def _clock_day(match: re.Match[str], ctx: _Context, weekday: str | None) -> date:
    """The day of a clock time: the one named with it, else the day under discussion."""
    if weekday:
        lowered = weekday.lower()
        if lowered in ("yesterday", "today", "tomorrow"):
            offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[lowered]
            return ctx.reference + timedelta(days=offset)
        return _weekday_date(ctx, _weekday_number(weekday), match.start(), match.end())
    if match["m"]:
        month, number = _month_number(match["m"]), _day_number(match["d"])
        year = int(match["y"]) if match["y"] else None
        year = year or _year_for_month(ctx, month, number, match.start(), match.end())
        return _safe_date(year, month, number) or ctx.reference
    if ctx.anchor and ctx.anchor[1] == "day":
        return ctx.anchor[0]
    return ctx.reference


@_rule(
    _B + r"(?P<clock>" + _CLOCK + r")" + _TZ + _CLOCK_DAY + r"?"
    r"|" + _B + r"(?P<wd2>" + _WEEKDAY + r")\s+(?:at\s+)?(?P<clock2>" + _CLOCK + r")" + _TZ,
    priority=1,
)
def _clock(match: re.Match[str], ctx: _Context):
    hour, minute = _clock_time(match["clock"] or match["clock2"])
    day = _clock_day(match, ctx, match["wd"] or match["wd2"])
    return "time", f"{day.isoformat()}T{hour:02d}:{minute:02d}"


# "4 in the morning", "eight o'clock in the evening": an hour with the part of the day.
@_rule(
    r"(?i)(?=[\deftnos])" + _B + r"(?P<h>1[0-2]|0?[1-9]|" + "|".join(SMALL_NUMBERS[1:13]) + r")"
    r"(?::(?P<mi>[0-5]\d))?(?:\s+o['’]clock)?\s+in the (?P<part>morning|afternoon|evening)" + _E
)
def _hour_of_the_day(match: re.Match[str], ctx: _Context):
    before = ctx.text[max(0, match.start() - 10) : match.start()].lower()
    if not re.search(r"\b(?:at|by|until|till|before|after|around|about|from|to|since)\s+$", before):
        return None  # "3 in the morning shift": a count, not an hour
    hour = int(_words_number(match["h"]) or 0)
    if match["part"].lower() != "morning" and hour < 12:
        hour += 12
    elif match["part"].lower() == "morning" and hour == 12:
        hour = 0
    day = ctx.anchor[0] if ctx.anchor and ctx.anchor[1] == "day" else ctx.reference
    return "time", f"{day.isoformat()}T{hour:02d}:{int(match['mi'] or 0):02d}"


# "9am-5pm", "from 10:00 to 12:30 on Friday", "between 2 and 4 p.m.": two times of one day,
# the first taking the second's a.m. or p.m. when it has none of its own.
@_rule(
    r"(?=[\dnNmM])" + _B + r"(?P<first>" + _CLOCK + r"|(?:[01]?\d|2[0-3])(?![\d:.,]))"
    r"\s*(?:[-–]|\s(?i:to|until|till|and)\s)\s*"
    r"(?P<clock>" + _CLOCK + r")" + _TZ + _CLOCK_DAY + r"?",
    priority=1,
)
def _clock_range(match: re.Match[str], ctx: _Context):
    second = match["clock"]
    if not re.search(r"[ap]\.?m|:|noon|midnight|midday", match["first"] + second, re.I):
        return None
    meridiem = "".join(c for c in second.lower().lstrip("0123456789: ") if c in "ap")[:1]
    first_time = _clock_time(match["first"], meridiem)
    second_time = _clock_time(second)
    if first_time > second_time and meridiem == "p":
        first_time = _clock_time(match["first"], "a")  # "11-1 p.m.": from the morning
    day = _clock_day(match, ctx, match["wd"])
    ctx.remember(day, "day")
    return [
        ("time", f"{day.isoformat()}T{hours:02d}:{minutes:02d}", *span)
        for (hours, minutes), span in (
            (first_time, match.span("first")),
            (second_time, (match.start("clock"), match.end())),
        )
    ]


@_rule(r"(?i)" + _B + r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly)" + _E)
def _set_adverb(match: re.Match[str], ctx: _Context):
    value = {
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
    }[match["w"].lower()]  # fmt: skip
    return "set", value


@_rule(
    _B + r"(?i:every|each)\s+(?:(?i:other)\s+)?(?:(?P<wd>" + _WEEKDAY + r")|(?P<m>" + _MONTH + r")"
    r"|(?P<unit>(?i:second|minute|hour|day|week|month|quarter|year|decade|morning|evening|night"
    r"|summer|winter|spring|fall|autumn)))"
    + _E
    + r"|"
    + _B
    + r"(?:(?i:on)\s+)?(?P<wds>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"
    + _E
)
def _every(match: re.Match[str], ctx: _Context):
    weekday = match["wd"] or (match["wds"] and match["wds"][:-1])
    if weekday:
        return "set", f"XXXX-WXX-{_weekday_number(weekday) + 1}"
    if match["m"]:
        return "set", f"XXXX-{_month_number(match['m']):02d}"
    unit = match["unit"].lower()
    if unit in _PARTS:
        return "set", f"XXXX-XX-XXT{_PARTS[unit]}"
    if unit in _SEASONS:
        return "set", f"XXXX-{_SEASONS[unit]}"
    return "set", _duration(1, unit)


@_rule(r"(?i)" + _B + r"(?:a|per)\s+(?P<unit>day|week|month|year|hour)" + _E)
def _per_unit(match: re.Match[str], ctx: _Context):
    before = ctx.text[max(0, match.start() - 30) : match.start()].lower()
    if match.group(0).lower().startswith("per") or re.search(
        r"(?:\d|once|twice|times|percent|%|\$\S*|barrels|tons|shares|cents|dollars|people)\s*$",
        before,
    ):
        return "set", _duration(1, match["unit"].lower())
    return None


# Holidays on a fixed day, on a day counted from Easter, and on the nth weekday of a month
# (n = -1: the last), each keyed by how its name starts once lower-cased.
_FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year’s eve": (12, 31), "new year": (1, 1),
    "independence": (7, 4), "fourth of july": (7, 4), "halloween": (10, 31),
    "valentine": (2, 14), "st. patrick": (3, 17), "st patrick": (3, 17),
    "saint patrick": (3, 17), "veterans": (11, 11), "armistice": (11, 11),
    "may day": (5, 1),
}  # fmt: skip
_EASTER_HOLIDAYS = {
    "easter monday": 1, "easter": 0, "good friday": -2, "holy thursday": -3,
    "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49,
}  # fmt: skip
_WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 3, 4), "labor": (9, 0, 1), "labour": (9, 0, 1),
    "memorial": (5, 0, -1), "martin luther king": (1, 0, 3), "presidents": (2, 0, 3),
    "columbus": (10, 0, 2), "mother": (5, 6, 2), "father": (6, 6, 3),
}  # fmt: skip


def _holiday_date(name: str, year: int) -> date:
    for start, (month, day) in _FIXED_HOLIDAYS.items():
        if name.startswith(start):
            return date(year, month, day)
    for start, offset in _EASTER_HOLIDAYS.items():
        if name.startswith(start):
            return easter(year) + timedelta(days=offset)
    for start, (month, weekday, nth) in _WEEKDAY_HOLIDAYS.items():
        if name.startswith(start):
            if nth < 0:
                last = date(year, month + 1, 1) - timedelta(days=1)
                return last - timedelta(days=(last.weekday() - weekday) % 7)
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    # Election Day: the Tuesday after the first Monday of November.
    first = date(year, 11, 1)
    return first + timedelta(days=(0 - first.weekday()) % 7 + 1)


@_rule(
    _B + r"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?"
    r"|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Boxing\s+Day"
    r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday"
    r"|(?:Holy|Maundy)\s+Thursday|Palm\s+Sunday|Ash\s+Wednesday|Pentecost"
    r"|Independence\s+Day|Fourth\s+of\s+July|Halloween|Valentine['’]s\s+Day"
    r"|(?:St\.?|Saint)\s+Patrick['’]s\s+Day|Veterans['’]?\s+Day|Armistice\s+Day|May\s+Day"
    r"|Labou?r\s+Day|Memorial\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day"
    r"|Presidents['’]?\s+Day|Columbus\s+Day|Mother['’]s\s+Day|Father['’]s\s+Day"
    r"|Election\s+Day)"
    r"(?:\s+(?P<y>" + _YEAR + r"))?" + _E
)
def _holiday(match: re.Match[str], ctx: _Context):
    name = re.sub(r"\s+", " ", match["h"].lower())
    ref = ctx.reference
    if match["y"]:
        return "date", _holiday_date(name, int(match["y"])).isoformat()
    rel = (match["rel"] or "").lower()
    this_year = _holiday_date(name, ref.year)
    if rel == "last" or (not rel and this_year > ref and ctx.tense(match.start(), match.end()) < 0):
        year = ref.year - 1 if this_year >= ref else ref.year
    elif rel == "next" or (
        not rel and this_year < ref and ctx.tense(match.start(), match.end()) > 0
    ):
        year = ref.year + 1 if this_year <= ref else ref.year
    else:
        year = ref.year
    return "date", _holiday_date(name, year).isoformat()


# --- driver -------------------------------------------------------------------

# Words without which a rule cannot match: a quick scan for them spares most blocks the
# rule's full pattern (together the rules would take a tenth of the analysis time).
_UNIT_WORDS = r"(?i:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur)"
_MONTH_WORDS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_WEEKDAY_WORDS = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_UNIT_WORDS_RE = re.compile(_UNIT_WORDS)
_NEEDS = {
    _deictic_day: r"(?i:today|yesterday|tomorrow|tonight|night|this)",
    _anaphoric_day: r"(?i:day|morning|afternoon|evening|night)",
    _reference: r"(?i:now|current|days|moment|present|recent|lately|past|formerly|future)",
    _reference_adjective: r"(?i:current)",
    _term: r"(?i:term|future)",
    _the_weekend: r"(?i:weekend)",
    _duration_rule: _UNIT_WORDS,
    _ago: _UNIT_WORDS,
    # "two-year", "day-long": a hyphen before the unit or before "long".
    _duration_adjective: (
        r"(?i:-second|-minute|-hour|-day|-week|-fortnight|-month|-quarter|-year|-decade|-centur"
        r"|-long)"
    ),
    _vague_duration: r"(?i:minutes|hours|days|weeks|months|years|decades|centuries)",
    _vague_stretch: _UNIT_WORDS,
    _the_units_around: r"(?i:days|weeks|months|years)",
    _per_unit: _UNIT_WORDS,
    _relative_unit: _UNIT_WORDS,
    _this_unit: r"(?i:this|today|yesterday|tomorrow)",
    _anaphoric_unit: _UNIT_WORDS,
    _year_to_date: r"(?i:months)",
    _year_ago_adjective: r"(?i:year-)",
    _the_year: r"(?i:year)",
    _period_end: r"(?i:year|end)",
    _decade: r"0'?s",
    _century: r"(?i:century)",
    _month_day: _MONTH_WORDS,
    _day_range: _MONTH_WORDS,
    _month: _MONTH_WORDS,
    _month_range: _MONTH_WORDS,
    _weekday: _WEEKDAY_WORDS,
    _weekday_range: _WEEKDAY_WORDS,
    _season: r"(?i:spring|summer|autumn|fall|winter)",
    _slash_date: r"\d/",
    _iso_date: r"\d-\d",
    _quarter: r"(?i:quarter|half|period)",
    _the_quarter: r"(?i:quarter|period)",
    _year: r"\d\d\d\d",
    _year_range: r"\d\d\d\d",  # as _year
    _quarter_shorthand: r"[QH][1-4]",
    _clock: r"(?i:\d\s*[ap]\.?m|\d:\d|noon|midnight|midday)",
    _hour_of_the_day: r"(?i:day|morning|afternoon|evening|night)",  # as _anaphoric_day
    _clock_range: r"(?i:\d\s*[ap]\.?m|\d:\d|noon|midnight|midday)",
    _spoken_year: r"(?i:nineteen|eighteen|thousand)",
    _spoken_decade: r"(?i:ties)",
    _every: r"(?i:every|each|days)",
    _set_adverb: r"(?i:daily|weekly|monthly|annually|yearly|hourly|nightly)",
    _holiday: (
        r"(?:Christmas|Year|Thanksgiving|Easter|Friday|Day|July|Halloween|Pentecost|Palm|Ash"
        r"|Holy|Maundy)"
    ),
}
_RULES[:] = [
    replace(rule, needs=re.compile(_NEEDS[rule.handler])) if rule.handler in _NEEDS else rule
    for rule in _RULES
]
# Rules that need the same words share one compiled test (and one scan per text).
_RULES[:] = [
    replace(rule, needs=_UNIT_WORDS_RE)
    if rule.needs is not None and rule.needs.pattern == _UNIT_WORDS
    else rule
    for rule in _RULES
]


# How far an expression reaches before and after the word it needs.
_REACH_BEFORE = 80
_REACH_AFTER = 60

# A case-insensitive word test is run case-sensitively on a folded copy of the text, several
# times faster: the copy has the same length, with every letter `re.IGNORECASE` takes for
# an ASCII letter (A-Z, and İ ı K ſ) replaced by that lower-case letter.
_FOLD = str.maketrans(
    {**{c: c.lower() for c in string.ascii_uppercase}, "İ": "i", "ı": "i", "\u212a": "k", "ſ": "s"}
)


def _folded(needs: re.Pattern[str]) -> re.Pattern[str] | None:
    """`needs` as a case-sensitive test of folded text, when it is one `(?i:…)` group of
    lower-case words, digits and classes (None otherwise: it is used as it is)."""
    pattern = needs.pattern
    body = pattern[4:-1]
    if not (pattern.startswith("(?i:") and pattern.endswith(")")) or needs.flags & re.I:
        return None
    if "(" in body or ")" in body or body != body.lower():
        return None
    return re.compile(body)


_FOLDED_NEEDS = {
    rule.needs: quick
    for rule in _RULES
    if rule.needs is not None and (quick := _folded(rule.needs)) is not None
}


def _fold(text: str) -> str:
    """`text.translate(_FOLD)`, by way of `str.lower` where it agrees: six times faster (a
    long article's text is translated while the window waits for the interpreter lock)."""
    folded = text.lower()
    if len(folded) != len(text):  # "İ" lowers to two characters
        return text.translate(_FOLD)
    # Any other letter lower() changes is not an ASCII letter either way.
    if "ı" in folded or "ſ" in folded:
        folded = folded.replace("ı", "i").replace("ſ", "s")
    return folded


def _windows(text: str, needs: re.Pattern[str] | None, folded: str) -> list[tuple[int, int]]:
    """The stretches of `text` where a rule needing `needs` can match (merged);
    `folded` is `_fold(text)`."""
    if needs is None:
        return [(0, len(text))]
    quick = _FOLDED_NEEDS.get(needs)
    windows: list[tuple[int, int]] = []
    for found in quick.finditer(folded) if quick is not None else needs.finditer(text):
        start = max(0, found.start() - _REACH_BEFORE)
        end = min(len(text), found.end() + _REACH_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def find_times(
    text: str,
    reference: date,
    sentences: Sequence[tuple[int, int]] = (),
    spans: Sequence[tuple[int, int]] | None = None,
) -> tuple[TimeExpression, ...]:
    """Every temporal expression in `text` (or in `spans` of it), resolved against `reference`.

    `sentences` (start, end) bound the words whose tense decides "Tuesday"; without
    them lines and full stops do.
    """
    regions = spans if spans is not None else [(0, len(text))]
    # Each rule scans the text once; a match must lie within one region (block).
    region_of = bytearray(len(text) + 1)
    for number, (start, end) in enumerate(regions, start=1):
        region_of[start:end] = bytes([number % 255 or 255]) * (end - start)
    candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    windows: dict[re.Pattern[str] | None, list[tuple[int, int]]] = {}
    folded = _fold(text)
    for rule in _RULES:
        if rule.needs not in windows:
            windows[rule.needs] = _windows(text, rule.needs, folded)
        for window_start, window_end in windows[rule.needs]:
            for match in rule.pattern.finditer(text, window_start, window_end):
                start, end = match.span()
                if end > start and region_of[start] and region_of[start] == region_of[end - 1]:
                    candidates.append((start, end, rule.priority, rule, match))
    # Longest first, then the more specific rule; keep what does not overlap.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int, _Rule, re.Match[str]]] = []
    occupied = bytearray(len(text) + 1)
    for start, end, _priority, rule, match in candidates:
        if any(occupied[start:end]):
            continue
        taken.append((start, end, rule, match))
        occupied[start:end] = b"\x01" * (end - start)
    taken.sort(key=lambda t: t[0])
    ctx = _Context(reference, text, sentences, folded)
    found: list[TimeExpression] = []
    for start, end, rule, match in taken:
        try:
            result = rule.handler(match, ctx)
        except KeyError:  # a letter re.IGNORECASE allows and the word tables lack ("ſpring")
            continue
        if result is None:
            continue
        # A rule may return one expression or several ("March 5-7": two days).
        for one in result if isinstance(result, list) else [result]:
            kind, value = one[0], one[1]
            first, last = (one[2], one[3]) if len(one) > 2 else (start, end)
            while last > first and text[last - 1] in " ,":
                last -= 1
            found.append(TimeExpression(first, last, text[first:last], kind, value))
    return tuple(found)


# --- reading values back ----------------------------------------------------------

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def timex_interval(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value covers; None for durations, sets, refs.

    `2013-03-22` is that day, `2013-W11` its Monday to Sunday, `2013-Q1` January to
    March, `201` the 2010s; a time of day (`2013-03-22T14:00`) is its day.
    """
    value = value.split("T")[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return day, day
        if match := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            if match[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = date(int(match[1]), int(match[2]), 1)
            return first, first + relativedelta(months=1, days=-1)
        if match := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
            months = 3 if match[2] == "Q" else 6
            first = date(int(match[1]), months * (int(match[3]) - 1) + 1, 1)
            return first, first + relativedelta(months=months, days=-1)
        if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            start_month, end_month = _SEASON_MONTHS[match[2]]
            first = date(int(match[1]), start_month, 1)
            last = date(int(match[1]), 1, 1) + relativedelta(months=end_month, days=-1)
            return first, last
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}", value):
            return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value) and int(value) > 0:
            return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def describe_value(value: str) -> str:
    """A TIMEX3 value in a reader's words: "Tue 12 Mar 2024", "week 11 of 2024", "the 2010s"."""
    parts = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
    day_part, _, clock = value.partition("T")
    if clock in parts:
        return f"{describe_value(day_part)}, {parts[clock]}"
    if clock and re.fullmatch(r"\d{2}:\d{2}", clock):
        return f"{describe_value(day_part)}, {clock}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day_part):
        return date.fromisoformat(day_part).strftime("%a %d %b %Y").replace(" 0", " ")
    if match := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", day_part):
        what = "weekend of week" if match[3] else "week"
        return f"{what} {int(match[2])} of {match[1]}"
    if match := re.fullmatch(r"(\d{4})-(\d{2})", day_part):
        return date(int(match[1]), int(match[2]), 1).strftime("%B %Y")
    if match := re.fullmatch(r"(\d{4})-([QH])(\d)", day_part):
        return f"{'Q' if match[2] == 'Q' else 'H'}{match[3]} {match[1]}"
    seasons = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", day_part):
        return f"{seasons[match[2]]} {match[1]}"
    if re.fullmatch(r"\d{3}", day_part):
        return f"the {day_part}0s"
    if re.fullmatch(r"\d{2}", day_part):
        number = int(day_part) + 1
        suffix = (
            "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        )
        return f"the {number}{suffix} century"
    references = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
    return references.get(value, value)
