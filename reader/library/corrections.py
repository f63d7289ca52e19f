"""The reader's saved corrections, for anything that analyses: the window and `reader extract`.

The rules live in the library database (`Library.rules`). Reading them never creates the
database: with no library yet there are no saved rules.
"""

from __future__ import annotations

import os
import sqlite3

from reader.analysis.corrections import CorrectionsError, Rule, RuleSet, parse_rules
from reader.library.location import database_path
from reader.library.store import Library, LibraryError


def saved_rules(data_dir: str | os.PathLike[str] | None = None) -> RuleSet:
    """The rules saved in the library under `data_dir` (see `database_path`), none if no library.

    Raises LibraryError, in the user's words, when the library exists but cannot be read.
    """
    path = database_path(data_dir)
    if not path.exists():
        return RuleSet()
    try:
        with Library(path) as library:
            return library.rules()
    except sqlite3.Error as exc:
        raise LibraryError(f"The corrections in {path} could not be read ({exc}).") from None


def read_rules(path: str | None) -> tuple[Rule, ...]:
    """The rules of a corrections file (none without one); CorrectionsError says what is wrong."""
    if path is None:
        return ()
    try:
        with open(path, encoding="utf-8-sig") as file:
            return parse_rules(file.read())
    except OSError as exc:
        raise CorrectionsError(exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise CorrectionsError("not a UTF-8 text file") from None
