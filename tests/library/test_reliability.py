"""The library survives damaged files, newer Readers, crashes and two writers at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.library import (
    SCHEMA_VERSION,
    DamagedLibraryError,
    Library,
    NewerLibraryError,
    add_paths,
)
from tests.library.conftest import write_articles

ROOT = Path(__file__).resolve().parents[2]

# A child process that adds a folder slowly with the dictionary analyser.
ADDER = """
import sys, time
from reader.library import Library, add_paths
from tests.library.conftest import DictionaryAnalyser

class Slow(DictionaryAnalyser):
    def __call__(self, document):
        time.sleep(float(sys.argv[3]))
        return super().__call__(document)

with Library(sys.argv[1]) as library:
    add_paths(library, [sys.argv[2]], Slow())
"""


def many_articles(root: Path, count: int) -> Path:
    texts = {
        f"day{n:02d}.txt": (
            f"Harbour Report Number {n}\n\nPublished: {n % 28 + 1} April 2025\n\n"
            f"Viktor Khrenin inspected pier {n} at Korveth with the Harbour Board.\n"
        )
        for n in range(count)
    }
    return write_articles(root, texts)


def counts(database: Path) -> tuple[int, int, int]:
    with sqlite3.connect(database) as db:
        return (
            db.execute("SELECT count(*) FROM articles").fetchone()[0],
            db.execute("SELECT count(DISTINCT path) FROM articles").fetchone()[0],
            db.execute("SELECT count(*) FROM article_text_docsize").fetchone()[0],
        )


def start_adder(database: Path, folder: Path, delay: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", ADDER, str(database), str(folder), str(delay)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_a_text_file_in_place_of_the_database_is_moved_aside(tmp_path: Path):
    database = tmp_path / "reader.sqlite3"
    database.write_text("these are my shopping notes, not a database\n" * 50)
    with pytest.raises(DamagedLibraryError) as caught:
        Library(database)
    moved = caught.value.moved_to
    assert moved.name.startswith("reader.sqlite3.damaged-")
    assert moved.read_text().startswith("these are my shopping notes")
    assert "moved aside" in str(caught.value)
    with Library(database) as fresh:  # the next open starts a new library
        assert fresh.stats().articles == 0


def test_a_truncated_database_is_moved_aside(tmp_path: Path, articles, analyser):
    database = tmp_path / "reader.sqlite3"
    with Library(database) as library:
        add_paths(library, [str(articles)], analyser)
    data = database.read_bytes()
    database.write_bytes(data[:100] + b"\xff" * 4000)
    with pytest.raises(DamagedLibraryError):
        Library(database)
    assert Library(database).stats().articles == 0


def test_another_programs_sqlite_file_is_not_used(tmp_path: Path):
    database = tmp_path / "reader.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE recipes(name TEXT)")
        db.execute("INSERT INTO recipes VALUES ('bread')")
    with pytest.raises(DamagedLibraryError) as caught:
        Library(database)
    with sqlite3.connect(caught.value.moved_to) as db:
        assert db.execute("SELECT name FROM recipes").fetchall() == [("bread",)]


def test_a_database_from_a_newer_reader_is_refused_and_left_unchanged(tmp_path: Path):
    database = tmp_path / "reader.sqlite3"
    Library(database).close()
    with sqlite3.connect(database) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    before = database.read_bytes()
    with pytest.raises(NewerLibraryError, match="newer version of Reader"):
        Library(database)
    assert database.read_bytes() == before
    assert not list(tmp_path.glob("*.damaged-*"))


def test_a_new_database_has_our_schema_version(tmp_path: Path):
    database = tmp_path / "reader.sqlite3"
    Library(database).close()
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_kill_9_while_adding_loses_nothing_and_a_rerun_finishes(tmp_path: Path, analyser):
    folder = many_articles(tmp_path / "articles", 40)
    database = tmp_path / "reader.sqlite3"
    Library(database).close()
    child = start_adder(database, folder, 0.05)
    deadline = time.monotonic() + 30
    while counts(database)[0] < 5 and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    partial = counts(database)
    assert 5 <= partial[0] < 40
    assert partial[0] == partial[1] == partial[2]
    with Library(database) as library:
        report = add_paths(library, [str(folder)], analyser)
        assert report.unchanged >= 5 and report.added + report.unchanged == 40
        assert len(library.search("entity:Khrenin", limit=100)) == 40
    assert counts(database) == (40, 40, 40)


def test_two_processes_adding_at_once_lose_and_duplicate_nothing(tmp_path: Path):
    folder = many_articles(tmp_path / "articles", 30)
    database = tmp_path / "reader.sqlite3"
    first = start_adder(database, folder, 0.0)
    second = start_adder(database, folder, 0.0)
    assert first.wait(60) == 0 and second.wait(60) == 0
    assert counts(database) == (30, 30, 30)
    with Library(database) as library:
        khrenin = library.entity("Viktor Khrenin")
        assert len(khrenin.articles) == 30
        assert library.stats().entities == 3


def test_several_readers_starting_at_once_on_a_new_library_all_open_it(tmp_path: Path):
    """Two windows and a CLI started together must not call a half-made library damaged."""
    # Each child imports first, then waits for the start signal, so they really open together.
    opener = (
        "import sys, time, pathlib\n"
        "from reader.library import Library\n"
        "go = pathlib.Path(sys.argv[2])\n"
        "while not go.exists():\n"
        "    time.sleep(0.001)\n"
        "Library(sys.argv[1]).close()\n"
    )
    for attempt in range(6):
        database = tmp_path / f"library{attempt}" / "reader.sqlite3"
        go = tmp_path / f"go{attempt}"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", opener, str(database), str(go)],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(6)
        ]
        time.sleep(1.0)
        go.touch()
        errors = [child.communicate(timeout=60)[1] for child in children]
        assert [child.returncode for child in children] == [0] * 6, errors
        assert not list(database.parent.glob("*.damaged-*"))
    with Library(database) as library:
        assert library.stats().articles == 0
