"""Pronouns: whether a person entity can be "he" or "she", from the first name."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reader.analysis.model import Entity, EntityGroup

PRONOUNS = {"he": "male", "she": "female", "they": "plural", "it": "thing", "we": "plural"}


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
