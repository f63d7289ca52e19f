"""The library database: articles, their cached analyses, full-text search and an entity index.

One SQLite file in WAL mode, so a window and `reader library add` can use it at once.
Each article is written in its own transaction: a crash loses at most the article in
flight. A damaged or foreign file is moved aside, never trusted or deleted; a file from
a newer Reader is refused without being changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from reader.analysis import Analysis, Entity, EntityGroup
from reader.analysis.corrections import FORMAT_VERSION as RULES_VERSION
from reader.analysis.corrections import (
    CorrectionsError,
    Rule,
    RuleSet,
    dump_rules,
    parse_rules,
)
from reader.document import Document
from reader.library.dates import article_date
from reader.library.names import INDEXED_GROUPS, normalise_name, surname
from reader.library.query import ParsedQuery, any_phrase, parse_query
from reader.library.serialise import FORMAT_VERSION, analysis_from_dict, analysis_to_dict
from reader.library.snippets import make_snippet, term_pattern

APPLICATION_ID = 0x52445231  # "RDR1": tells our database from any other SQLite file
BUSY_TIMEOUT_S = 30.0
CO_MENTION_ARTICLES = 1000
# Above this many articles, "also in" reads articles newest first instead of sorting all.
ALSO_IN_SCAN_BY_DATE = 500
# Marks around matched words in snippets; never found in article text.
MATCH_START = "\x02"
MATCH_END = "\x03"

# MIGRATIONS[i] takes the schema from version i to version i + 1.
# Each distinct text is stored once per analyser, zlib-packed with its analysis
# (`texts.packed`); the full-text index reads the text through a view that unpacks it
# (`reader_text`), and entity names compare through the `reader_name` collation
# (names.normalise_name): both are registered on every connection. Changing
# normalise_name needs a migration that runs REINDEX.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE analysers(id INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE);
    CREATE TABLE texts(
        id INTEGER PRIMARY KEY,
        hash BLOB NOT NULL,
        analyser INTEGER NOT NULL,
        format INTEGER NOT NULL,
        packed BLOB NOT NULL,
        annotations BLOB,
        UNIQUE(hash, analyser)
    );
    CREATE TABLE articles(
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        text_id INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        words INTEGER NOT NULL DEFAULT 0,
        size INTEGER NOT NULL DEFAULT 0,
        mtime REAL NOT NULL DEFAULT 0,
        added REAL NOT NULL,
        missing INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_text ON articles(text_id);
    CREATE VIEW article_content AS
        SELECT a.id AS id, a.title AS title, reader_text(t.packed) AS body
        FROM articles a JOIN texts t ON t.id = a.text_id;
    CREATE VIRTUAL TABLE article_text USING fts5(
        title, body, content='article_content', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE INDEX articles_date ON articles(date);
    CREATE TABLE entities(
        id INTEGER PRIMARY KEY,
        grp TEXT NOT NULL,
        name TEXT NOT NULL,
        surname TEXT NOT NULL DEFAULT '',
        articles INTEGER NOT NULL DEFAULT 0,
        mentions INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_surname ON entities(surname) WHERE surname != '';
    CREATE INDEX entities_articles ON entities(grp, articles);
    CREATE TABLE entity_names(
        name TEXT NOT NULL COLLATE reader_name,
        entity_id INTEGER NOT NULL,
        canonical INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY(name, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX entity_names_entity ON entity_names(entity_id);
    CREATE TABLE article_entities(
        article_id INTEGER NOT NULL,
        entity_id INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY(article_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);
    CREATE TABLE entity_months(
        entity_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY(entity_id, month)
    ) WITHOUT ROWID;
    CREATE TRIGGER article_entity_added AFTER INSERT ON article_entities BEGIN
        UPDATE entities SET articles = articles + 1, mentions = mentions + NEW.count
        WHERE id = NEW.entity_id;
        INSERT INTO entity_months(entity_id, month, mentions)
        SELECT NEW.entity_id, substr(date, 1, 7), NEW.count FROM articles
        WHERE id = NEW.article_id AND date != ''
        ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions;
    END;
    CREATE TRIGGER article_entity_counted AFTER UPDATE OF count ON article_entities BEGIN
        UPDATE entities SET mentions = mentions + NEW.count - OLD.count WHERE id = NEW.entity_id;
        UPDATE entity_months SET mentions = mentions + NEW.count - OLD.count
        WHERE entity_id = NEW.entity_id
        AND month = (SELECT substr(date, 1, 7) FROM articles WHERE id = NEW.article_id);
    END;
    CREATE TRIGGER article_entity_removed AFTER DELETE ON article_entities BEGIN
        UPDATE entities SET articles = articles - 1, mentions = mentions - OLD.count
        WHERE id = OLD.entity_id;
        UPDATE entity_months SET mentions = mentions - OLD.count
        WHERE entity_id = OLD.entity_id
        AND month = (SELECT substr(date, 1, 7) FROM articles WHERE id = OLD.article_id);
        DELETE FROM entity_months WHERE entity_id = OLD.entity_id AND mentions <= 0;
    END;
    """,
    # 2: the reader's corrections (reader.analysis.corrections), in the order they apply.
    # `body` is the rule as `dump_rules` writes it; `article` is its scope (NULL: everywhere).
    """
    CREATE TABLE correction_rules(
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        article TEXT,
        created TEXT NOT NULL,
        position INTEGER NOT NULL
    );
    """,
    # 3: the article's date as the reader set it (View › Article Date…), by its text's hash.
    """
    CREATE TABLE reader_dates(
        content_hash TEXT PRIMARY KEY,
        day TEXT NOT NULL
    );
    """,
    # 4: the name each article gives a library entity, so the entity is shown by the name
    # its articles use (a rename "everywhere" renames it in the library too).
    """
    ALTER TABLE article_entities ADD COLUMN name TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class _BusyError(Exception):
    """Another connection holds a lock that the opening needs: worth a retry."""


class LibraryError(Exception):
    """Something about the library a user must be told, in their words (str(error))."""


class DamagedLibraryError(LibraryError):
    """The database file was damaged or not Reader's; it was moved to `moved_to`."""

    def __init__(self, path: Path, moved_to: Path) -> None:
        super().__init__(
            f"The library file {path} was damaged or not a Reader library; it was moved "
            f"aside to {moved_to.name} and a new, empty library will be started."
        )
        self.path = path
        self.moved_to = moved_to


class NewerLibraryError(LibraryError):
    """The database was written by a newer Reader: it is left as it is."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"The library file {path} comes from a newer version of Reader (schema {version}, "
            f"this Reader knows up to {SCHEMA_VERSION}); it was left unchanged. "
            "Update Reader, or choose another data folder with --data-dir."
        )
        self.path = path
        self.version = version


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article as the library lists it."""

    path: str
    title: str
    date: str
    folder: str
    words: int
    missing: bool
    added: float


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the library knows about a file, to decide whether to index it again."""

    content_hash: str
    size: int
    mtime: float
    analyser_version: str
    missing: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article matching a search; `snippet` has MATCH_START/MATCH_END around matches."""

    path: str
    title: str
    date: str
    snippet: str
    score: float
    words: int = 0

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(MATCH_START, "").replace(MATCH_END, "")

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, is_match) pieces, for a view to style without parsing."""
        parts: list[tuple[str, bool]] = []
        for index, chunk in enumerate(self.snippet.split(MATCH_START)):
            if index == 0:
                parts.append((chunk, False))
                continue
            matched, _, rest = chunk.partition(MATCH_END)
            parts += [(matched, True), (rest, False)]
        return [(text, match) for text, match in parts if text]


@dataclass(frozen=True, slots=True)
class EntityArticle:
    path: str
    title: str
    date: str
    count: int


@dataclass(frozen=True, slots=True)
class AlsoIn:
    """ "Also in N other articles": `total` of them, the latest `articles` listed."""

    total: int
    articles: tuple[EntityArticle, ...]


@dataclass(frozen=True, slots=True)
class LibraryEntity:
    """One entity across the library: its names, articles and company."""

    name: str
    group: EntityGroup
    aliases: tuple[str, ...]
    articles: tuple[EntityArticle, ...]
    first_date: str
    last_date: str
    co_mentions: tuple[tuple[str, EntityGroup, int], ...]

    @property
    def mentions(self) -> int:
        return sum(a.count for a in self.articles)


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """A row of the library's entity list: name, group, article count, mentions by date.

    `timeline` is (article month YYYY-MM, mentions), dated articles only, in order.
    """

    name: str
    group: EntityGroup
    articles: int
    mentions: int
    timeline: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class LibraryStats:
    articles: int
    missing: int
    entities: int
    words: int
    database_bytes: int


def content_hash(text: str) -> str:
    """Identifies an article's text (128 bits of SHA-256, in hex): never analysed twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Library:
    """The library database. Not shared between threads: each thread opens its own."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._open_when_free()

    # -- opening -------------------------------------------------------------------

    def _open_when_free(self) -> sqlite3.Connection:
        """Waits out another process that is creating or migrating the same file.

        SQLite does not call its busy handler for every lock it takes while the
        journal mode changes, so two Readers starting at once on a new library
        could fail at once; retrying the whole opening makes the wait honest.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                return self._connect()
            except _BusyError as exc:
                if time.monotonic() >= deadline:
                    raise LibraryError(f"The library file {self.path} is locked: {exc}") from None
                time.sleep(0.05)

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(
                f"The library file {self.path} could not be opened ({exc})."
            ) from None
        db.create_function("reader_text", 1, _packed_text, deterministic=True)
        db.create_collation("reader_name", _compare_names)
        try:
            # One read transaction, so that another process's migration cannot
            # commit between the three reads and look like a foreign file.
            db.execute("BEGIN")
            try:
                app_id = db.execute("PRAGMA application_id").fetchone()[0]
                version = db.execute("PRAGMA user_version").fetchone()[0]
                objects = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            finally:
                db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            db.close()
            if _is_busy(exc):
                raise _BusyError(str(exc)) from None
            raise DamagedLibraryError(self.path, self._move_aside()) from None
        if (objects or version) and app_id != APPLICATION_ID:
            db.close()
            raise DamagedLibraryError(self.path, self._move_aside())
        if version > SCHEMA_VERSION:
            db.close()
            raise NewerLibraryError(self.path, version)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            db.close()
            if _is_busy(exc):
                raise _BusyError(str(exc)) from None
            raise DamagedLibraryError(self.path, self._move_aside()) from None
        if version < SCHEMA_VERSION:
            try:
                self._migrate(db)
            except sqlite3.DatabaseError as exc:
                db.close()
                if _is_busy(exc):
                    raise _BusyError(str(exc)) from None
                # Not evidence of damage: the file is left as it was (the migration rolled back).
                raise LibraryError(
                    f"The library file {self.path} could not be brought up to date ({exc})."
                ) from None
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for step in MIGRATIONS[version:]:
                for statement in _statements(step):
                    db.execute(statement)
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        os.replace(self.path, target)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                os.replace(extra, target.with_name(target.name + suffix))
        return target

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- articles ------------------------------------------------------------------

    def article_state(self, path: str) -> ArticleState | None:
        row = self._db.execute(
            "SELECT hex(t.hash), a.size, a.mtime, v.version, a.missing FROM articles a"
            " JOIN texts t ON t.id = a.text_id JOIN analysers v ON v.id = t.analyser"
            " WHERE a.path = ?",
            (path,),
        ).fetchone()
        return ArticleState(row[0].lower(), row[1], row[2], row[3], bool(row[4])) if row else None

    def _text_row(self, digest: str, analyser_version: str, column: str) -> object:
        row = self._db.execute(
            f"SELECT t.{column} FROM texts t JOIN analysers v ON v.id = t.analyser"
            " WHERE t.hash = ? AND v.version = ?",
            (_hash_key(digest), analyser_version),
        ).fetchone()
        return row[0] if row else None

    def stored_analysis(
        self, digest: str, analyser_version: str, text: str = ""
    ) -> Analysis | None:
        """The cached analysis of a text (by its content hash), or None: no model needed."""
        packed = self._text_row(digest, analyser_version, "packed")
        if packed is None:
            return None
        stored_text, data = _unpack(packed)
        return analysis_from_dict(data, text or stored_text)

    def stored_annotations(self, digest: str, analyser_version: str) -> bytes | None:
        """The model's raw output kept with an analysis, to re-derive it without the model."""
        return self._text_row(digest, analyser_version, "annotations")

    def analysis_for(self, document: Document, analyser_version: str) -> Analysis | None:
        """The cached analysis of an opened document, if the library has this text."""
        return self.stored_analysis(content_hash(document.text), analyser_version, document.text)

    def put_article(
        self,
        document: Document,
        analysis: Analysis,
        *,
        analyser_version: str,
        path: str | None = None,
        size: int = 0,
        mtime: float = 0.0,
        annotations: bytes | None = None,
        digest: str | None = None,
    ) -> bool:
        """Add or replace one article with its analysis, in one transaction; True if new."""
        path = path or document.source_path
        packed = _pack(document.text, analysis_to_dict(analysis))
        key = _hash_key(digest or content_hash(document.text))
        with self._transaction() as db:
            db.execute("INSERT OR IGNORE INTO analysers(version) VALUES (?)", (analyser_version,))
            (version_id,) = db.execute(
                "SELECT id FROM analysers WHERE version = ?", (analyser_version,)
            ).fetchone()
            (text_id,) = db.execute(
                "INSERT INTO texts(hash, analyser, format, packed, annotations) VALUES (?,?,?,?,?)"
                " ON CONFLICT DO UPDATE SET format=excluded.format, packed=excluded.packed,"
                " annotations=coalesce(excluded.annotations, annotations) RETURNING id",
                (key, version_id, FORMAT_VERSION, packed, annotations),
            ).fetchone()
            row = db.execute("SELECT id, text_id FROM articles WHERE path = ?", (path,)).fetchone()
            values = (
                text_id,
                document.title,
                document.byline,
                article_date(document),
                document.word_count,
                size,
                mtime,
            )
            if row:
                article_id = row[0]
                old_entities = self._clear_article(db, article_id)
                db.execute(
                    "UPDATE articles SET text_id=?, title=?, byline=?, date=?, words=?, "
                    "size=?, mtime=?, missing=0 WHERE id=?",
                    (*values, article_id),
                )
            else:
                old_entities = []
                article_id = db.execute(
                    "INSERT INTO articles(path, text_id, title, byline, date, words, size, mtime,"
                    " added) VALUES (?,?,?,?,?,?,?,?,?)",
                    (path, *values, time.time()),
                ).lastrowid
            db.execute(
                "INSERT INTO article_text(rowid, title, body) VALUES (?, ?, ?)",
                (article_id, document.title, document.text),
            )
            # Who may need another name: an entity this article calls by a name other
            # than the library's, and one that lost this article's mentions.
            renamed = set(old_entities)
            for entity in analysis.entities:
                if entity.group in INDEXED_GROUPS and entity.count:
                    entity_id = self._library_entity(db, entity)
                    renamed.discard(entity_id)
                    (name,) = db.execute(
                        "SELECT name FROM entities WHERE id = ?", (entity_id,)
                    ).fetchone()
                    if entity.name != name:
                        renamed.add(entity_id)
                    # '' stands for the library's name: most articles use it, and it costs nothing.
                    db.execute(
                        "INSERT INTO article_entities(article_id, entity_id, count, name)"
                        " VALUES (?,?,?,?)"
                        " ON CONFLICT DO UPDATE SET count = count + excluded.count",
                        (
                            article_id,
                            entity_id,
                            entity.count,
                            "" if entity.name == name else entity.name,
                        ),
                    )
            self._drop_orphans(db, old_entities)
            self._name_by_articles(db, renamed)
            if row and row[1] != text_id:
                self._drop_text_if_unused(db, row[1])
        return row is None

    def touch(self, path: str, size: int, mtime: float) -> None:
        """The file changed on disk but not in text: remember its new size and time."""
        with self._transaction() as db:
            db.execute(
                "UPDATE articles SET size=?, mtime=?, missing=0 WHERE path=?", (size, mtime, path)
            )

    def remove(self, paths: Iterable[str]) -> int:
        """Remove articles by path, or every article under a folder path; returns how many."""
        removed = 0
        for path in paths:
            path = os.path.abspath(path)
            with self._transaction() as db:
                prefix = path.rstrip(os.sep) + os.sep
                rows = db.execute(
                    "SELECT id, text_id FROM articles WHERE path = ? OR substr(path, 1, ?) = ?",
                    (path, len(prefix), prefix),
                ).fetchall()
                entity_ids: list[int] = []
                for article_id, text_id in rows:
                    entity_ids += self._clear_article(db, article_id)
                    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                    self._drop_text_if_unused(db, text_id)
                self._drop_orphans(db, entity_ids)
            removed += len(rows)
        return removed

    def check_missing(self) -> int:
        """Mark files gone from disk as missing (and back when they return); returns missing."""
        rows = self._db.execute("SELECT id, path, missing FROM articles").fetchall()
        changes = [
            (int(not os.path.isfile(path)), article_id)
            for article_id, path, missing in rows
            if missing != (not os.path.isfile(path))
        ]
        if changes:
            with self._transaction() as db:
                db.executemany("UPDATE articles SET missing = ? WHERE id = ?", changes)
        return self._db.execute("SELECT count(*) FROM articles WHERE missing").fetchone()[0]

    def articles(self) -> list[ArticleRecord]:
        return [
            ArticleRecord(
                path=path,
                title=title,
                date=day,
                folder=os.path.dirname(path),
                words=words,
                missing=bool(missing),
                added=added,
            )
            for path, title, day, words, missing, added in self._db.execute(
                "SELECT path, title, date, words, missing, added FROM articles"
                " ORDER BY date DESC, title"
            )
        ]

    def stats(self) -> LibraryStats:
        articles, missing, words = self._db.execute(
            "SELECT count(*), coalesce(sum(missing), 0), coalesce(sum(words), 0) FROM articles"
        ).fetchone()
        entities = self._db.execute("SELECT count(*) FROM entities").fetchone()[0]
        size = sum(
            self.path.with_name(self.path.name + suffix).stat().st_size
            for suffix in ("", "-wal")
            if self.path.with_name(self.path.name + suffix).exists()
        )
        return LibraryStats(articles, missing, entities, words, size)

    # -- the reader's article dates --------------------------------------------------

    def reader_date(self, text_hash: str) -> date | None:
        """The date the reader gave the article with this text (View › Article Date…)."""
        row = self._db.execute(
            "SELECT day FROM reader_dates WHERE content_hash = ?", (text_hash,)
        ).fetchone()
        try:
            return date.fromisoformat(row[0]) if row else None
        except ValueError:
            return None

    def set_reader_date(self, text_hash: str, day: date) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO reader_dates(content_hash, day) VALUES (?, ?) "
                "ON CONFLICT(content_hash) DO UPDATE SET day = excluded.day",
                (text_hash, day.isoformat()),
            )

    # -- corrections ---------------------------------------------------------------

    def rules(self) -> RuleSet:
        """The reader's saved corrections, in the order they apply.

        A stored rule this Reader cannot read (written by a newer one) is skipped, not fatal.
        """
        found: list[Rule] = []
        for (body,) in self._db.execute("SELECT body FROM correction_rules ORDER BY position"):
            try:
                found += parse_rules(f'{{"version": {RULES_VERSION}, "rules": [{body}]}}')
            except CorrectionsError:
                continue
        return RuleSet(tuple(found))

    def add_rules(self, rules: Iterable[Rule]) -> None:
        """Save rules after the others (one made again moves last), in one transaction."""
        self.change_rules(rules, ())

    def change_rules(self, added: Iterable[Rule], removed: Iterable[str]) -> None:
        """Forget the rules with the ids `removed` and save `added`, in one transaction; rules
        another window or `reader corrections` saved meanwhile are left alone."""
        with self._transaction() as db:
            db.executemany("DELETE FROM correction_rules WHERE id = ?", [(i,) for i in removed])
            self._insert_rules(db, added)

    def replace_rules(self, rules: RuleSet) -> None:
        """Make `rules` the saved corrections (import, clear): all of them or, on error, none."""
        with self._transaction() as db:
            db.execute("DELETE FROM correction_rules")
            self._insert_rules(db, rules.rules)

    def rederivable(self) -> list[tuple[str, int, float, str, str]]:
        """(path, size, mtime, content hash, analyser version) of every article whose model
        output is kept, so its analysis can be derived again without the model."""
        return [
            (path, size, mtime, digest.lower(), version)
            for path, size, mtime, digest, version in self._db.execute(
                "SELECT a.path, a.size, a.mtime, hex(t.hash), v.version FROM articles a"
                " JOIN texts t ON t.id = a.text_id JOIN analysers v ON v.id = t.analyser"
                " WHERE t.annotations IS NOT NULL ORDER BY a.id"
            )
        ]

    def hashes_containing(self, names: Iterable[str]) -> set[str] | None:
        """Content hashes of the articles whose text has any of `names` in it (as words,
        whatever the case or accents); None when the index cannot say."""
        query = any_phrase(names)
        if not query:
            return set()
        try:
            rows = self._db.execute(
                "SELECT hex(t.hash) FROM article_text JOIN articles a ON a.id = article_text.rowid"
                " JOIN texts t ON t.id = a.text_id WHERE article_text MATCH ?",
                (query,),
            ).fetchall()
        except sqlite3.OperationalError:
            return None
        return {digest.lower() for (digest,) in rows}

    def stored_text(self, digest: str, analyser_version: str) -> str | None:
        packed = self._text_row(digest, analyser_version, "packed")
        return None if packed is None else _packed_text(packed)

    @staticmethod
    def _insert_rules(db: sqlite3.Connection, rules: Iterable[Rule]) -> None:
        (position,) = db.execute(
            "SELECT coalesce(max(position), 0) FROM correction_rules"
        ).fetchone()
        for rule in rules:
            if rule.created is None:
                rule = replace(rule, created=datetime.now(UTC).replace(microsecond=0))
            (body,) = json.loads(dump_rules((rule,)))["rules"]
            position += 1
            db.execute(
                "INSERT OR REPLACE INTO correction_rules"
                "(id, kind, body, article, created, position) VALUES (?,?,?,?,?,?)",
                (
                    rule.id,
                    rule.kind,
                    json.dumps(body, ensure_ascii=False),
                    rule.article,
                    rule.created.isoformat(),
                    position,
                ),
            )

    # -- search --------------------------------------------------------------------

    def search(self, query: str, limit: int | None = 50) -> list[SearchHit]:
        """Articles matching `query`, best first; any text is a valid query (maybe no hits).

        Words must all occur; "quoted words" as a phrase; `word*` as a prefix;
        `entity:"Name"` (or entity:Name) keeps articles that mention that entity by
        any of its names. `limit=None` returns every match.
        """
        limit = -1 if limit is None else limit
        parsed = parse_query(query, is_name=lambda name: bool(self._resolve(name)))
        if parsed.empty:
            return []
        restrict: dict[int, int] | None = None
        for name in parsed.entities:
            counts = self._articles_of(self._resolve(name))
            restrict = (
                counts
                if restrict is None
                else {k: v + counts[k] for k, v in restrict.items() if k in counts}
            )
        if restrict is not None and not restrict:
            return []
        if parsed.fts:
            return self._text_search(parsed, restrict, limit)
        assert restrict is not None
        return self._entity_hits(parsed.entities, restrict, limit)

    def _text_search(
        self, parsed: ParsedQuery, restrict: dict[int, int] | None, limit: int
    ) -> list[SearchHit]:
        sql = (
            "SELECT rowid, -bm25(article_text, 5.0, 1.0) FROM article_text"
            " WHERE article_text MATCH ?"
        )
        params: list[object] = [parsed.fts]
        if restrict is not None:
            sql += " AND rowid IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(restrict)))
        sql += " ORDER BY bm25(article_text, 5.0, 1.0) LIMIT ?"
        params.append(limit)
        try:
            ranked = self._db.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            # parse_query only produces quoted terms; this guards FTS5 corner cases.
            return []
        return self._hits(ranked, term_pattern(parsed.terms))

    def _entity_hits(
        self, names: tuple[str, ...], counts: dict[int, int], limit: int
    ) -> list[SearchHit]:
        best = sorted(counts, key=lambda k: -counts[k])[: limit if limit >= 0 else None]
        ids = [i for name in names for i in self._resolve(name)]
        terms = [t for n in self._names_of(ids) for t in parse_query(f'"{n}"').terms]
        return self._hits([(k, float(counts[k])) for k in best], term_pattern(terms))

    def _hits(
        self, ranked: list[tuple[int, float]], pattern: re.Pattern[str] | None
    ) -> list[SearchHit]:
        """Search hits in rank order, each with a snippet made from its stored text."""
        rows = {
            row[0]: row[1:]
            for row in self._db.execute(
                "SELECT a.id, a.path, a.title, a.date, a.words, t.packed FROM articles a"
                " JOIN texts t ON t.id = a.text_id WHERE a.id IN (SELECT value FROM json_each(?))",
                (json.dumps([rowid for rowid, _ in ranked]),),
            )
        }
        hits = []
        for rowid, score in ranked:
            if rowid not in rows:
                continue
            path, title, day, words, packed = rows[rowid]
            snippet = make_snippet(_packed_text(packed), pattern, MATCH_START, MATCH_END)
            hits.append(SearchHit(path, title, day, snippet, score, words))
        return hits

    # -- entities ------------------------------------------------------------------

    def entity(self, name: str, group: EntityGroup | str | None = None) -> LibraryEntity | None:
        """The library's entity called `name` (any of its names), with the most articles.

        When the model put the same name in several groups ("Aston Villa" a place here, an
        organization there) and no group is asked for, the articles of all of them are
        listed under the one in most articles. A bare surname shared by several people is
        not merged. Co-mentions are counted over the latest CO_MENTION_ARTICLES articles.
        """
        ids = self._named_anything(name, group)
        merge = group is None
        if not ids:
            ids = self._resolve(name, group)
            merge = False
        if not ids:
            return None
        entity_id, entity_name, entity_group = self._db.execute(
            "SELECT id, name, grp FROM entities WHERE id IN (SELECT value FROM json_each(?))"
            " ORDER BY articles DESC, id LIMIT 1",
            (json.dumps(ids),),
        ).fetchone()
        articles = tuple(
            EntityArticle(*row)
            for row in self._db.execute(
                "SELECT a.path, a.title, a.date, sum(ae.count) FROM article_entities ae"
                " JOIN articles a ON a.id = ae.article_id"
                " WHERE ae.entity_id IN (SELECT value FROM json_each(?))"
                " GROUP BY a.id ORDER BY a.date, a.path",
                (json.dumps(ids if merge else [entity_id]),),
            )
        )
        dates = sorted(a.date for a in articles if a.date)
        co_mentions = tuple(
            (row[0], EntityGroup(row[1]), row[2])
            for row in self._db.execute(
                "WITH recent AS (SELECT article_id FROM article_entities WHERE entity_id = ?"
                " ORDER BY article_id DESC LIMIT ?)"
                " SELECT e.name, e.grp, count(*) AS n FROM recent"
                " JOIN article_entities y ON y.article_id = recent.article_id"
                " JOIN entities e ON e.id = y.entity_id WHERE y.entity_id != ?"
                " GROUP BY y.entity_id ORDER BY n DESC, e.name LIMIT 10",
                (entity_id, CO_MENTION_ARTICLES, entity_id),
            )
        )
        aliases = tuple(n for n in self._names_of([entity_id]) if n != entity_name)
        return LibraryEntity(
            name=entity_name,
            group=EntityGroup(entity_group),
            aliases=aliases,
            articles=articles,
            first_date=dates[0] if dates else "",
            last_date=dates[-1] if dates else "",
            co_mentions=co_mentions,
        )

    def also_in(self, entity: Entity, exclude_path: str = "", limit: int = 50) -> AlsoIn:
        """The other articles that mention an article's `entity`: how many, and the latest."""
        entity_id = self._find_entity(self._db, entity)
        if entity_id is None:
            return AlsoIn(0, ())
        (total,) = self._db.execute(
            "SELECT articles - EXISTS(SELECT 1 FROM articles a JOIN article_entities ae"
            " ON ae.article_id = a.id WHERE a.path = ? AND ae.entity_id = entities.id)"
            " FROM entities WHERE id = ?",
            (exclude_path, entity_id),
        ).fetchone()
        # A frequent entity: walk articles newest first; a rare one: join its few articles.
        if total > ALSO_IN_SCAN_BY_DATE:
            sql = (
                "SELECT a.path, a.title, a.date, ae.count FROM articles a INDEXED BY articles_date"
                " JOIN article_entities ae ON ae.article_id = a.id AND ae.entity_id = ?"
                " WHERE a.path != ? ORDER BY a.date DESC LIMIT ?"
            )
        else:
            sql = (
                "SELECT a.path, a.title, a.date, ae.count FROM article_entities ae"
                " JOIN articles a ON a.id = ae.article_id"
                " WHERE ae.entity_id = ? AND a.path != ? ORDER BY a.date DESC, a.path LIMIT ?"
            )
        rows = self._db.execute(sql, (entity_id, exclude_path, limit)).fetchall()
        return AlsoIn(total, tuple(EntityArticle(*row) for row in rows))

    def top_entities(
        self, groups: Iterable[EntityGroup] = INDEXED_GROUPS, limit: int = 100
    ) -> list[EntitySummary]:
        """The entities in most articles, each with its mentions per article month."""
        rows = []
        for group in groups:
            rows += self._db.execute(
                "SELECT id, name, grp, articles, mentions FROM entities WHERE grp = ?"
                " ORDER BY articles DESC LIMIT ?",
                (EntityGroup(group).value, limit),
            ).fetchall()
        rows = sorted(rows, key=lambda r: (-r[3], r[1]))[:limit]
        timelines: dict[int, list[tuple[str, int]]] = {row[0]: [] for row in rows}
        for entity_id, month, mentions in self._db.execute(
            "SELECT entity_id, month, mentions FROM entity_months"
            " WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY month",
            (json.dumps(list(timelines)),),
        ):
            timelines[entity_id].append((month, mentions))
        return [
            EntitySummary(row[1], EntityGroup(row[2]), row[3], row[4], tuple(timelines[row[0]]))
            for row in rows
        ]

    def _resolve(self, name: str, group: EntityGroup | str | None = None) -> list[int]:
        """Library entities called `name`: by any name or alias, or a person by surname."""
        ids = self._named_anything(name, group)
        norm = normalise_name(name)
        if not ids and norm and " " not in norm and group in (None, EntityGroup.PERSON):
            ids = self._people_called(self._db, norm)
        return ids

    def _named_anything(self, name: str, group: EntityGroup | str | None = None) -> list[int]:
        """Library entities that have `name` as their name or one of their aliases."""
        if not normalise_name(name):
            return []
        sql = (
            "SELECT DISTINCT n.entity_id FROM entity_names n JOIN entities e"
            " ON e.id = n.entity_id WHERE n.name = ?"
        )
        params: list[object] = [name]
        if group is not None:
            sql += " AND e.grp = ?"
            params.append(EntityGroup(group).value)
        return [r[0] for r in self._db.execute(sql, params)]

    def _articles_of(self, entity_ids: list[int]) -> dict[int, int]:
        counts: dict[int, int] = {}
        for article_id, count in self._db.execute(
            "SELECT article_id, count FROM article_entities"
            " WHERE entity_id IN (SELECT value FROM json_each(?))",
            (json.dumps(entity_ids),),
        ):
            counts[article_id] = counts.get(article_id, 0) + count
        return counts

    def _names_of(self, entity_ids: list[int]) -> list[str]:
        """Every name of these entities, canonical names first."""
        return [
            r[0]
            for r in self._db.execute(
                "SELECT name FROM entity_names WHERE entity_id IN (SELECT value FROM json_each(?))"
                " ORDER BY canonical DESC, name",
                (json.dumps(entity_ids),),
            )
        ]

    @staticmethod
    def _people_called(db: sqlite3.Connection, surname_norm: str) -> list[int]:
        return [
            r[0]
            for r in db.execute(
                "SELECT id FROM entities WHERE surname = ? AND grp = 'person'", (surname_norm,)
            )
        ]

    @staticmethod
    def _named(db: sqlite3.Connection, name: str, group: str, canonical: bool) -> set[int]:
        return {
            r[0]
            for r in db.execute(
                "SELECT n.entity_id FROM entity_names n JOIN entities e ON e.id = n.entity_id"
                " WHERE n.name = ? AND e.grp = ?" + (" AND n.canonical" if canonical else ""),
                (name, group),
            )
        }

    @classmethod
    def _find_entity(cls, db: sqlite3.Connection, entity: Entity) -> int | None:
        """The library entity an article's entity is: by name, alias, or a unique surname."""
        group = entity.group.value
        same = cls._named(db, entity.name, group, canonical=True)
        if same:
            return min(same)
        norm = normalise_name(entity.name)
        is_person = entity.group is EntityGroup.PERSON
        # A one-word alias of a person is a surname that several people may share.
        ids: set[int] = set()
        for alias in (entity.name, *entity.aliases):
            alias_norm = normalise_name(alias)
            if alias_norm and not (is_person and " " not in alias_norm):
                ids |= cls._named(db, alias, group, canonical=False)
        if len(ids) == 1:
            return ids.pop()
        if is_person and " " not in norm:
            people = cls._people_called(db, norm)
            if len(people) == 1:
                return people[0]
        return None

    def _library_entity(self, db: sqlite3.Connection, entity: Entity) -> int:
        entity_id = self._find_entity(db, entity)
        if entity_id is None:
            norm = normalise_name(entity.name)
            last = surname(norm) if entity.group is EntityGroup.PERSON else ""
            entity_id = db.execute(
                "INSERT INTO entities(grp, name, surname) VALUES (?,?,?)",
                (entity.group.value, entity.name, last),
            ).lastrowid
            db.execute(
                "INSERT INTO entity_names(name, entity_id, canonical) VALUES (?,?,1)",
                (entity.name, entity_id),
            )
            if last:
                self._fold_surname_entity(db, entity_id, last)
        db.executemany(
            "INSERT OR IGNORE INTO entity_names(name, entity_id) VALUES (?,?)",
            [(n, entity_id) for n in (entity.name, *entity.aliases) if normalise_name(n)],
        )
        return entity_id

    @classmethod
    def _fold_surname_entity(cls, db: sqlite3.Connection, full_id: int, last: str) -> None:
        """A new "Viktor Khrenin" takes over an earlier "Khrenin" when he is the only Khrenin."""
        lone = cls._named(db, last, EntityGroup.PERSON.value, canonical=True)
        if len(lone) != 1 or len(cls._people_called(db, last)) != 1:
            return
        lone_id = lone.pop()
        db.execute(
            "INSERT INTO article_entities(article_id, entity_id, count)"
            " SELECT article_id, ?, count FROM article_entities WHERE entity_id = ?"
            " ON CONFLICT DO UPDATE SET count = count + excluded.count",
            (full_id, lone_id),
        )
        db.execute(
            "INSERT OR IGNORE INTO entity_names(name, entity_id)"
            " SELECT name, ? FROM entity_names WHERE entity_id = ?",
            (full_id, lone_id),
        )
        db.execute("DELETE FROM article_entities WHERE entity_id = ?", (lone_id,))
        db.execute("DELETE FROM entity_names WHERE entity_id = ?", (lone_id,))
        db.execute("DELETE FROM entities WHERE id = ?", (lone_id,))

    @staticmethod
    def _clear_article(db: sqlite3.Connection, article_id: int) -> list[int]:
        entity_ids = [
            r[0]
            for r in db.execute(
                "SELECT entity_id FROM article_entities WHERE article_id = ?", (article_id,)
            )
        ]
        db.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
        # An external-content index forgets a row only when told the values it indexed.
        db.execute(
            "INSERT INTO article_text(article_text, rowid, title, body)"
            " SELECT 'delete', id, title, body FROM article_content WHERE id = ?",
            (article_id,),
        )
        return entity_ids

    @staticmethod
    def _drop_orphans(db: sqlite3.Connection, entity_ids: list[int]) -> None:
        if not entity_ids:
            return
        orphans = [
            r[0]
            for r in db.execute(
                "SELECT value FROM json_each(?) WHERE NOT EXISTS"
                " (SELECT 1 FROM article_entities WHERE entity_id = value)",
                (json.dumps(sorted(set(entity_ids))),),
            )
        ]
        db.executemany("DELETE FROM entity_names WHERE entity_id = ?", [(i,) for i in orphans])
        db.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in orphans])

    @staticmethod
    def _name_by_articles(db: sqlite3.Connection, entity_ids: set[int]) -> None:
        """Each entity takes the name its articles use most (a full name before a lone word;
        on a tie, the name it has now).

        So a rename applied to every article renames the library's entity, and deleting
        the rule gives the old name back; a surname alone never displaces a full name.
        A row's name '' is a vote for the entity's present name.
        """
        if not entity_ids:
            return
        ids = json.dumps(sorted(entity_ids))
        db.execute(
            "UPDATE entities SET name = coalesce((SELECT CASE ae.name WHEN '' THEN entities.name"
            " ELSE ae.name END AS n FROM article_entities ae WHERE ae.entity_id = entities.id"
            " GROUP BY n ORDER BY instr(n, ' ') = 0, sum(ae.count) DESC, max(ae.name = '') DESC"
            " LIMIT 1), name) WHERE id IN (SELECT value FROM json_each(?))",
            (ids,),
        )
        db.execute(
            "INSERT INTO entity_names(name, entity_id, canonical)"
            " SELECT name, id, 1 FROM entities WHERE id IN (SELECT value FROM json_each(?))"
            " ON CONFLICT DO UPDATE SET canonical = 1",
            (ids,),
        )

    @staticmethod
    def _drop_text_if_unused(db: sqlite3.Connection, text_id: int) -> None:
        db.execute(
            "DELETE FROM texts WHERE id = ? AND NOT EXISTS"
            " (SELECT 1 FROM articles WHERE text_id = ?)",
            (text_id, text_id),
        )


def _hash_key(digest: str) -> bytes:
    return bytes.fromhex(digest)[:16]


def _pack(text: str, analysis: dict) -> bytes:
    """Text and analysis in one compressed blob: names in the analysis compress against the text."""
    body = text.encode("utf-8")
    data = json.dumps(analysis, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(b"%d\n" % len(body) + body + data, 9)


def _split(packed: bytes) -> tuple[bytes, bytes]:
    size, _, rest = zlib.decompress(packed).partition(b"\n")
    return rest[: int(size)], rest[int(size) :]


def _unpack(packed: bytes) -> tuple[str, dict]:
    text, data = _split(packed)
    return text.decode("utf-8"), json.loads(data)


def _packed_text(packed: bytes | None) -> str:
    return _split(packed)[0].decode("utf-8") if packed else ""


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    return normalise_name(name)


def _compare_names(left: str, right: str) -> int:
    a, b = _name_key(left), _name_key(right)
    return (a > b) - (a < b)


def _statements(script: str) -> list[str]:
    """The statements of a script, triggers (with their inner semicolons) kept whole."""
    statements: list[str] = []
    buffer = ""
    for part in script.split(";"):
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                statements.append(buffer.strip())
            buffer = ""
    return statements


def _is_busy(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text
