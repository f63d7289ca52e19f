"""Entity names as the library compares them: "Viktor Khrenin", "viktor khrenin’s", "U.S."/"US"."""

from __future__ import annotations

import re
import unicodedata

from reader.analysis import EntityGroup

# Dates and numbers are about one article; the library indexes the names of things.
INDEXED_GROUPS = (
    EntityGroup.PERSON,
    EntityGroup.ORGANIZATION,
    EntityGroup.PLACE,
    EntityGroup.GROUP,
    EntityGroup.EVENT,
    EntityGroup.THING,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_DROP = re.compile(r"[.'’`]")
_SPACES = re.compile(r"[\s\-‐–—_/]+")


def normalise_name(name: str) -> str:
    """Case, accents, dots, possessives and a leading "the" do not make another name.

    The library's `reader_name` collation sorts by this: a change needs a REINDEX migration.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip()).casefold()
    text = _DROP.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def surname(normalised: str) -> str:
    """The last word of a normalised person name ("" for a one-word name)."""
    parts = normalised.split(" ")
    return parts[-1] if len(parts) > 1 else ""
