"""Quantities: each number the article gives, with its unit and what it counts.

"7,000 troops" is 7000, a count of "troops"; "$3.2 billion" is 3.2e9 USD; "40 km
(25 miles)" is 40 kilometres with "25 miles" linked as its conversion; "between 10
and 15" is a range. quantulum3 was tried first: it took 1.5 s on a 1,000-word
article (the whole analysis takes less) and read "a backdrop" as a pressure, so the
few forms news uses are read here with regular expressions instead.

Numbers inside temporal expressions ("two years ago", "March 12") belong to the
times, and years, ordinals and codes ("Zapad-2025", "F-16") are not quantities.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from reader.analysis.model import Quantity, Span
from reader.analysis.numbers import TENS, word_number

_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12, "dozen": 12,
}  # fmt: skip
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|a\s+dozen|dozen)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)|(?:mn|bn|tn|m|b|k)(?![\w]))"
_NUMBER = r"(?:" + _DIGITS + r"|" + _WORD_NUMBER + r")" + _SCALE + r"?"

_CURRENCY_SIGNS = {
    "US$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "C$": "CAD", "A$": "AUD",
    "HK$": "HKD", "NZ$": "NZD", "₹": "INR", "₽": "RUB",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "yen": "JPY", "rupee": "INR", "rouble": "RUB",
    "ruble": "RUB", "yuan": "CNY", "pound sterling": "GBP", "franc": "CHF", "pence": "GBX",
    "cent": "USX", "usd": "USD", "eur": "EUR", "gbp": "GBP",
}  # fmt: skip
# Unit word (singular, lower case) -> the name shown.
_UNITS = {
    "km": "kilometre", "kilometre": "kilometre", "kilometer": "kilometre", "mile": "mile",
    "m": "metre", "metre": "metre", "meter": "metre", "cm": "centimetre",
    "centimetre": "centimetre", "centimeter": "centimetre", "mm": "millimetre",
    "millimetre": "millimetre", "millimeter": "millimetre", "ft": "foot", "foot": "foot",
    "feet": "foot", "inch": "inch", "inches": "inch", "yard": "yard", "kg": "kilogram",
    "kilogram": "kilogram", "kilo": "kilogram", "g": "gram", "gram": "gram", "tonne": "tonne",
    "ton": "ton", "lb": "pound", "lbs": "pound", "pound": "pound", "ounce": "ounce",
    "oz": "ounce", "litre": "litre", "liter": "litre", "l": "litre", "gallon": "gallon",
    "barrel": "barrel", "hectare": "hectare", "ha": "hectare", "acre": "acre",
    "square kilometre": "square kilometre", "square kilometer": "square kilometre",
    "sq km": "square kilometre", "square mile": "square mile", "km2": "square kilometre",
    "mph": "mile per hour", "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "knot": "knot", "°c": "degree Celsius", "°f": "degree Fahrenheit",
    "degrees celsius": "degree Celsius", "degrees fahrenheit": "degree Fahrenheit",
    "degree": "degree", "mw": "megawatt", "megawatt": "megawatt", "gw": "gigawatt",
    "gigawatt": "gigawatt", "kw": "kilowatt", "kilowatt": "kilowatt", "kwh": "kilowatt hour",
    "mwh": "megawatt hour", "gb": "gigabyte", "tb": "terabyte", "mb": "megabyte",
    "percentage point": "percentage point", "nautical mile": "nautical mile",
}  # fmt: skip
_UNIT_PATTERN = (
    r"(?:square\s+kilomet(?:re|er)s?|square\s+miles?|sq\s+km|nautical\s+miles?"
    r"|degrees\s+(?:celsius|fahrenheit)|percentage\s+points?|kilomet(?:re|er)s?|km/h|km2|kph|km"
    r"|miles?|mph|metres?|meters?|centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|feet|foot|ft"
    r"|inch(?:es)?|yards?|kilograms?|kilos?|kg|grams?|g|tonnes?|tons?|lbs?|pounds?|ounces?|oz"
    r"|litres?|liters?|l|gallons?|barrels?|hectares?|ha|acres?|knots?|°\s?[CF]|degrees?"
    r"|megawatts?|MW|gigawatts?|GW|kilowatts?|kW|kWh|MWh|GB|TB|MB|m)"
)
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"
_CURRENCY_SUFFIX = (
    r"(?:\s+(?:US\s+)?(?:dollars?|euros?|yen|rupees?|roubles?|rubles?|yuan|francs?"
    r"|pounds\s+sterling|pence|cents?)|\s+(?:USD|EUR|GBP))"
)
_SIGN = r"(?:US\$|HK\$|NZ\$|C\$|A\$|\$|£|€|¥|₹|₽)"

_AMOUNT = (
    r"(?P<sign>" + _SIGN + r")?\s?(?P<n>" + _NUMBER + r")"
    r"(?:(?P<pct>" + _PERCENT + r")|(?P<cur>" + _CURRENCY_SUFFIX + r")"
    r"|(?:\s?-?\s?(?P<unit>" + _UNIT_PATTERN + r")(?![\w/])))?"
)
_QUANTITY = re.compile(
    r"(?<![\w.,$£€¥/-])(?:(?P<between>between|from)\s+)?"
    + _AMOUNT
    + r"(?:\s*(?P<conn>-|–|to|and)\s*"
    r"(?P<sign2>" + _SIGN + r")?(?P<n2>" + _NUMBER + r")(?P<pct2>" + _PERCENT + r")?"
    r"(?:\s?(?P<unit2>" + _UNIT_PATTERN + r")(?![\w/]))?)?(?![\w])",
    re.IGNORECASE,
)
_CONVERSION = re.compile(r"\s*\((?:about\s+|or\s+|some\s+|around\s+)?(?P<inner>[^()]{1,40})\)")

# Words a counted noun phrase never crosses.
_STOP = frozenset(
    re.findall(
        r"\w+",
        """a an the and or but of to in on at for by with from as is was were are be been has
        have had per than that which who this these those it its their his her our your my
        percent each more less over under about around nearly almost some other last next first
        later earlier ago will would could should may might can did do does not no into out up
        down off""",
    )
)
# Plural nouns that do not end in -s.
_PLURAL_NOUNS = frozenset(
    re.findall(
        r"\w+",
        "people police personnel staff children men women cattle livestock sheep aircraft crew",
    )
)


# Compiled once: each is asked of every number in a long article.
_SPACES = re.compile(r"\s+")
_SCALED = re.compile(r"(.+?)\s?(hundred|thousand|million|billion|trillion|mn|bn|tn|m|b|k)")
_DIGITS_ONLY = re.compile(r"[\d,]+(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.]*)\s+$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ORDINAL_ENDING = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_JOINED_ON = re.compile(r"[-/]\w")
_DASH_NEXT = re.compile(r"\s*[-–]")
_NUMBER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _number_value(text: str) -> float | None:
    lowered = _SPACES.sub(" ", text.lower().strip())
    scale = 1.0
    match = _SCALED.fullmatch(lowered)
    if match:
        lowered, scale = match.group(1).strip(), _SCALES[match.group(2)]
    if _DIGITS_ONLY.fullmatch(lowered):
        return float(lowered.replace(",", "")) * scale
    if lowered in ("a dozen", "dozen"):
        return 12 * scale
    number = word_number(lowered)
    return None if number is None else number * scale


def _unit_name(text: str) -> str:
    lowered = _SPACES.sub(" ", text.lower()).replace("° ", "°")
    if lowered in _UNITS:
        return _UNITS[lowered]
    if lowered.endswith("es") and lowered[:-2] in _UNITS:
        return _UNITS[lowered[:-2]]
    if lowered.endswith("s") and lowered[:-1] in _UNITS:
        return _UNITS[lowered[:-1]]
    return lowered


def _currency(sign: str | None, suffix: str | None) -> str | None:
    if sign:
        return _CURRENCY_SIGNS[sign.upper() if sign[0].isalpha() else sign]
    if suffix:
        word = _SPACES.sub(" ", suffix.lower().strip()).removeprefix("us ")
        if word in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[word]
        if word.endswith("s") and word[:-1] in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[word[:-1]]
    return None


def _counted(text: str, position: int, limit: int) -> Span | None:
    """The noun phrase right after a bare count: "7,000 [Russian troops]", "52 [detainees]"."""
    words = list(_WORD.finditer(text[position : min(limit, position + 60)]))
    chosen: re.Match[str] | None = None
    previous_end = 0
    for index, word in enumerate(words[:4]):
        gap = text[position + previous_end : position + word.start()]
        if (index == 0 and gap.strip()) or (index > 0 and gap != " "):
            break
        lowered = word.group().lower()
        if lowered in _STOP:
            break
        if lowered.endswith("s") or lowered in _PLURAL_NOUNS or word.group().isupper():
            chosen = word
        previous_end = word.end()
    if chosen is None:
        return None
    start = position + words[0].start()
    end = position + chosen.end()
    return Span(start, end, text[start:end])


def find_quantities(
    text: str,
    spans: Sequence[tuple[int, int]] | None = None,
    times: Sequence[tuple[int, int]] = (),
) -> tuple[Quantity, ...]:
    """Every quantity in `text` (or in `spans` of it), leaving out numbers inside `times`."""
    regions = spans if spans is not None else [(0, len(text))]
    busy = sorted(times)
    # A quantity overlaps a time when one starting before its end ends after its start:
    # the times by start, and the furthest end among the first n, answer it by bisection
    # (a long article has thousands of each).
    starts = [s for s, _ in busy]
    reach = list(itertools.accumulate((e for _, e in busy), max))
    found: list[Quantity] = []
    for region_start, region_end in regions:
        position = region_start
        while (match := _QUANTITY.search(text, position, region_end)) is not None:
            quantity = _quantity(text, match, region_end)
            before = bisect.bisect_left(starts, quantity.end) if quantity is not None else 0
            if quantity is None or (before and reach[before - 1] > quantity.start):
                position = max(match.end("n"), match.start() + 1)
                continue
            found.append(quantity)
            position = max(quantity.end, quantity.conversion.end if quantity.conversion else 0)
    return tuple(found)


# Words after which a number names a thing rather than counts: "No. 10", "Page 3", "Boeing 747".
_LABEL_WORDS = frozenset(
    re.findall(
        r"[\w.]+",
        "no. no number page article chapter section room flight route platform level grade "
        "size version episode season round game vol. volume line item point gate row seat "
        "category class model phase stage step table figure exhibit",
    )
)
_SENTENCE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "The A An About Nearly Some Almost Only Just More Over Around Under All Another With At "
        "By In On For From To Of And But Those These Its Their His Her Our Up Down Roughly "
        "Approximately Fewer Less Than Between Another Every Each",
    )
)


def _labels_a_thing(text: str, start: int) -> bool:
    match = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if match is None:
        return False
    word = match.group(1)
    if word.lower() in _LABEL_WORDS:
        return True
    word_start = max(0, start - 30) + match.start()
    return (
        word[0].isupper()
        and word not in _SENTENCE_WORDS
        and not _at_sentence_start(text, word_start)
    )


def _at_sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 30) : position].rstrip()
    return not before or before[-1] in '.!?:\n"“'


def _quantity(text: str, match: re.Match[str], limit: int) -> Quantity | None:
    number = match["n"]
    value = _number_value(number)
    if value is None:
        return None
    plain = _FOUR_DIGITS.fullmatch(number) is not None
    sign, pct, cur, unit = match["sign"], match["pct"], match["cur"], match["unit"]
    if plain and not (sign or pct or cur or unit) and 1600 <= value <= 2099:
        return None  # a year: the times have it
    after = text[match.end() : match.end() + 3]
    if _ORDINAL_ENDING.match(after) or _JOINED_ON.match(after):
        return None
    end = match.end()
    start = match.start("sign") if sign else match.start("n")
    if match["between"] and match["n2"] is not None:
        start = match.start()
    if not (sign or pct or cur or unit) and _labels_a_thing(text, start):
        return None
    high = None
    if match["n2"] is not None:
        high = _number_value(match["n2"])
        lone = match["between"] is None and (
            high is None or high <= value or match["conn"] == "and"
        )
        if high is None or lone:
            if _DASH_NEXT.match(text, match.end("n")):
                return None  # "2-1" is a score, not a range
            # "5 and 6 ships": two numbers; keep the first alone.
            end = match.end("unit") if unit else match.end("pct") if pct else match.end("n")
            end = match.end("cur") if cur else end
            high = None
            start = match.start("sign") if sign else match.start("n")
    currency = _currency(sign or match["sign2"], cur)
    if currency:
        unit_name = currency
    elif pct or match["pct2"]:
        unit_name = "percent"
    elif unit or match["unit2"]:
        raw = unit or match["unit2"]
        if raw.lower() in ("m", "l", "g") and not number[0].isdecimal():
            return None
        unit_name = _unit_name(raw)
    else:
        unit_name = "count"
    if number[0].isupper() and not _at_sentence_start(text, start):
        return None  # "What the Two Sides Want": a headline's Title Case, not a count
    word = _NUMBER_WORD.fullmatch(number)
    if unit_name == "count" and word and not high and _counted(text, end, limit) is None:
        return None  # a word number counts only with its noun: "two officers", not "two of them"
    while end > start and text[end - 1] in " -–":
        end -= 1
    counted = _counted(text, end, limit) if unit_name == "count" else None
    conversion = None
    bracket = _CONVERSION.match(text, end)
    if bracket and unit_name != "count":
        inner = _QUANTITY.fullmatch(bracket["inner"].strip())
        if inner and (inner["unit"] or inner["cur"] or inner["sign"] or inner["pct"]):
            inner_start = text.find(inner.group().strip(), bracket.start("inner"))
            inner_end = inner_start + len(inner.group().strip())
            conversion = Span(inner_start, inner_end, text[inner_start:inner_end])
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit_name,
        counted=counted,
        high=high,
        conversion=conversion,
    )
