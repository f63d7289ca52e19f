"""The sidebar's Dates and Numbers, made from the times and figures the article gives.

The model tags dates and numbers too, but with its own spans ("Tuesday" where the
timeline has "on Tuesday", "7,000" as a DATE now and then). So that the sidebar,
the Timeline and the Figures panel agree, the Dates group is the analysis's time
expressions, one entity per resolved value ("Tuesday" and "September 16" are one
day), and the Numbers group its quantities, one entity per value and unit
("$3.2 billion" twice is one). Values that name no one date ("every Tuesday",
"XXXX-03") are grouped by value and wording together; the vague present, past and
future ("now", "recently", "in the future") are on no list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from reader.analysis.model import (
    Entity,
    EntityGroup,
    Mention,
    Quantity,
    TimeExpression,
    identify,
)

_VALUE_GROUPS = (EntityGroup.DATE, EntityGroup.NUMBER)
# A rate after a figure ("€2 million a day", "$40 per hour", "twice a week") is no date.
_RATE = re.compile(r"(?:a|an|per) (?:second|minute|hour|day|night|week|month|quarter|year)", re.I)
_QUANTITY_LABELS = {"count": "CARDINAL", "percent": "PERCENT"}


def value_entities(
    entities: Iterable[Entity],
    times: Sequence[TimeExpression],
    quantities: Sequence[Quantity],
) -> list[Entity]:
    """`entities` without the model's dates and numbers, plus those of `times` and `quantities`.

    A date or number a correction rule changed stays as corrected, and no new entity
    takes its mentions. The new entities have their `id` (from their first mention)
    but no salience yet: rank them with the rest.
    """
    entities = list(entities)
    kept = [e for e in entities if e.corrected or e.group not in _VALUE_GROUPS]
    taken = {(m.start, m.end) for e in kept if e.corrected for m in e.mentions}
    groups: dict[tuple, list[Mention]] = {}
    labels: dict[tuple, str] = {}
    for time in times:
        if time.value.endswith("_REF"):
            continue  # "now", "recently", "the future": no date a reader looks for
        if time.type == "set" and _RATE.fullmatch(" ".join(time.text.split())):
            continue
        key = (EntityGroup.DATE, *_time_key(time))
        groups.setdefault(key, []).append(Mention(time.start, time.end, time.text))
        labels[key] = "TIME" if time.type == "time" else "DATE"
    for quantity in quantities:
        key = (EntityGroup.NUMBER, quantity.value, quantity.high, quantity.unit)
        groups.setdefault(key, []).append(Mention(quantity.start, quantity.end, quantity.text))
        labels[key] = _quantity_label(quantity.unit)
    made = [
        _entity(key[0], labels[key], mentions)
        for key, mentions in groups.items()
        if not any((m.start, m.end) in taken for m in mentions)
    ]
    return [*kept, *identify(made)]


def _time_key(time: TimeExpression) -> tuple[str, ...]:
    """One day, week, month, year or duration is one entry; partial values also by wording."""
    if "X" in time.value:
        return (time.value, " ".join(time.text.casefold().split()))
    return (time.value,)


def _quantity_label(unit: str) -> str:
    if unit in _QUANTITY_LABELS:
        return _QUANTITY_LABELS[unit]
    return "MONEY" if len(unit) == 3 and unit.isupper() else "QUANTITY"


def _entity(group: EntityGroup, label: str, mentions: list[Mention]) -> Entity:
    """Named as the article writes it most often (the first of equals)."""
    mentions.sort(key=lambda m: m.start)
    wordings = Counter(m.text for m in mentions)
    name = max(wordings, key=lambda w: wordings[w])
    aliases = tuple(sorted(set(wordings) - {name}))
    return Entity(name, group, label, tuple(mentions), aliases)
