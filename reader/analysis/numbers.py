"""Numbers written as words ("twenty-five"), shared by the time and quantity rules."""

from __future__ import annotations

import re

SMALL_NUMBERS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def word_number(text: str) -> int | None:
    """'twenty-five' or 'twenty five' -> 25, 'seven' -> 7; None when it is not one."""
    total = 0
    for part in re.split(r"[- ]+", text.lower().strip()):
        if part in SMALL_NUMBERS:
            total += SMALL_NUMBERS.index(part)
        elif part in TENS:
            total += 20 + 10 * TENS.index(part)
        else:
            return None
    return total
