"""The reader's saved corrections, for anything that analyses: the window and `reader extract`.

The rules live in the library database (`Library.rules`). Reading them never creates the
database: with no library yet there are no saved rules.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable

from reader.analysis.corrections import CorrectionsError, Rule, RuleSet, fold_name, parse_rules
from reader.document import Document, DocumentError, load_document
from reader.document.loading import document_from_bytes
from reader.library.location import database_path
from reader.library.store import Library, LibraryError, content_hash


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


def rederive(
    library: Library,
    rules: RuleSet,
    is_cancelled: Callable[[], bool] | None = None,
    *,
    changed: Iterable[Rule] | None = None,
) -> int:
    """Apply `rules` to library articles from their kept model output (the model never
    runs), so search and "also in" know the corrected names; returns how many were done.

    With `changed` (the rules added or removed), only the articles those rules can reach
    are done: the ones whose text has a name they, or rules chained to them, speak of.
    Without it, every article. Each article is its own transaction: stopped half-way, the
    rest keep their old analysis until the next run.
    """
    from reader.analysis.annotations import Annotations
    from reader.analysis.pipeline import interpret

    reached = None if changed is None else _articles_reached(library, rules, list(changed))
    done = 0
    for path, size, mtime, digest, version in library.rederivable():
        if is_cancelled is not None and is_cancelled():
            break
        if reached is not None and digest not in reached:
            continue
        raw = library.stored_annotations(digest, version)
        document = _document(library, path, digest, version)
        if raw is None or document is None:
            continue
        try:
            annotations = Annotations.from_dict(json.loads(zlib.decompress(raw)))
        except (ValueError, zlib.error):
            continue  # damaged: the analysis stored stays as it was
        analysis = interpret(document, annotations, rules.rules)
        library.put_article(
            document,
            analysis,
            analyser_version=version,
            path=path,
            size=size,
            mtime=mtime,
            annotations=raw,
            digest=digest,
        )
        done += 1
    return done


def _articles_reached(library: Library, rules: RuleSet, changed: list[Rule]) -> set[str] | None:
    """Content hashes of the articles that `changed` can alter, or None for all of them.

    A rule names entities; a rule that renames or merges links names, so a change to one
    reaches every name chained to it ("A" merged into "B", then "B" renamed "C").
    """
    names = {fold_name(name) for rule in changed for name in rule_names(rule)}
    linked = [*rules.rules, *changed]
    grew = True
    while grew:
        grew = False
        for rule in linked:
            own = {fold_name(name) for name in rule_names(rule)}
            if own & names and not own <= names:
                names |= own
                grew = True
    return library.hashes_containing(names)


def rule_names(rule: Rule) -> tuple[str, ...]:
    """The entity names a rule speaks of (what it matches and what it makes)."""
    return tuple(
        value
        for field in ("name", "alias", "to")
        if isinstance(value := getattr(rule, field, None), str) and value
    )


def _document(library: Library, path: str, digest: str, version: str) -> Document | None:
    """The article as it was analysed: its file when unchanged, else the text kept for it."""
    try:
        document = load_document(path)
        if content_hash(document.text) == digest:
            return document
    except DocumentError:
        pass
    text = library.stored_text(digest, version)
    try:
        return None if text is None else document_from_bytes(text.encode("utf-8"), path)
    except DocumentError:
        return None
