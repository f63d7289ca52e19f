"""The library in the window: cached reopening, "Also in", adding folders, a damaged database."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.analysis.pipeline import AnalysisCancelled
from reader.analysis.service import AnalysisService
from reader.app import create_main_window
from reader.document import BlockKind, Document
from reader.library import Library
from reader.ui.entity_panel import EntityPanel
from reader.ui.library_link import close_application_libraries
from reader.ui.library_panel import LibraryPanel
from tests.ui.conftest import drop_event
from tests.ui.fake_engine import FakeEngine

ARTICLES = {
    "pier.txt": """\
Pier Talks Stall Again

Marisol Quenby told the harbour board on Monday that the pier would stay shut.

The board said Marisol Quenby had not shown them the survey.
""",
    "ferry.txt": """\
Ferry Crews Return

Ferry crews went back to work after Marisol Quenby promised new rotas.

Tobias Wrenfield, who speaks for the crews, welcomed the promise.
""",
    "market.txt": """\
Fish Market Moves

The fish market will move inland next spring, the council said.

Oriana Felt runs the largest stall and opposes the move.
""",
}


def two_word_names(document: Document, progress, is_cancelled) -> Analysis:
    """A stand-in model: two capitalised words in a row in the story are a person."""
    spans: dict[str, list[Mention]] = {}
    for block in document.blocks_of(BlockKind.PARAGRAPH):
        text = document.text[block.start : block.end]
        for match in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", text):
            start = block.start + match.start()
            spans.setdefault(match.group(), []).append(
                Mention(start, start + len(match[0]), match[0])
            )
    progress(len(document.text), len(document.text))
    entities = tuple(
        Entity(name, EntityGroup.PERSON, "PERSON", tuple(found), salience=len(found))
        for name, found in spans.items()
    )
    return Analysis(entities=entities)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    for name, text in ARTICLES.items():
        target = folder / ("more" if name == "market.txt" else "") / name
        target.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def run(qtbot, isolated_settings, data_dir):
    """Start "the application": a window on a fresh service (a fake model) and the library."""
    services = []

    def start(paths=()):
        engine = FakeEngine(two_word_names)
        service = AnalysisService(engine)
        services.append(service)
        window = create_main_window([str(p) for p in paths], service=service)
        qtbot.addWidget(window)
        window.show()
        return window, engine

    yield start
    for service in services:
        service.close()
    close_application_libraries()


def open_and_wait(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        window.open_path(str(path))


def open_and_keep(qtbot, window, path: Path) -> None:
    """Open an article and wait until the library has it (it is written off the GUI thread)."""
    kept = window.panel(LibraryPanel).libraryChanged
    with qtbot.waitSignals([window.analysisFinished, kept], timeout=10_000):
        window.open_path(str(path))


def select(window, name: str) -> None:
    entity = next(e for e in window.analysis.entities if e.name == name)
    window.selection.set_keys([entity.key])


def library_titles(window) -> list[str]:
    model = window.panel(LibraryPanel).model
    return sorted(model.index(row, 0).data() for row in range(model.rowCount()))


def test_an_entity_in_two_opened_articles_is_also_in_the_other(qtbot, run, articles):
    window, _engine = run()
    open_and_keep(qtbot, window, articles / "pier.txt")
    open_and_keep(qtbot, window, articles / "ferry.txt")
    assert library_titles(window) == ["Ferry Crews Return", "Pier Talks Stall Again"]

    select(window, "Marisol Quenby")
    also_in = window.library_link.also_in_list
    assert also_in.isVisibleTo(window.panel(EntityPanel))
    assert also_in.heading.text() == "Also in 1 other article"
    assert "Pier Talks Stall Again · 2 mentions" in also_in.list.item(0).text()
    select(window, "Tobias Wrenfield")
    assert also_in.heading.text() == "Not in other library articles"

    select(window, "Marisol Quenby")
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        also_in.list.itemClicked.emit(also_in.list.item(0))
    assert window.document.title == "Pier Talks Stall Again"
    chosen = [e.name for e in window.analysis.entities if e.key in window.selection.keys]
    assert chosen == ["Marisol Quenby"]


def test_reopening_a_library_article_shows_its_analysis_without_the_model(qtbot, run, articles):
    window, engine = run()
    open_and_wait(qtbot, window, articles / "pier.txt")
    assert engine.annotated == [str(articles / "pier.txt")]
    window.close()
    close_application_libraries()

    # Another run of Reader: a new service, nothing cached but the library.
    window, engine = run()
    open_and_wait(qtbot, window, articles / "pier.txt")
    assert engine.annotated == [] and engine.interpreted == []
    assert [e.name for e in window.analysis.entities] == ["Marisol Quenby"]
    entities = window.panel(EntityPanel).model
    assert entities.rowCount() > 0


def test_opened_articles_are_not_added_when_the_setting_is_off(qtbot, run, articles):
    window, _engine = run()
    window.library_link.add_opened_action.setChecked(False)
    open_and_wait(qtbot, window, articles / "pier.txt")
    assert window.panel(LibraryPanel).wait_for_writes(5000)
    qtbot.wait(0)  # anything written would now be listed
    assert library_titles(window) == []
    window.close()
    close_application_libraries()

    window, _engine = run()  # the setting is remembered
    assert not window.library_link.add_opened_action.isChecked()


def test_adding_a_folder_indexes_it_through_the_service(qtbot, run, articles, monkeypatch):
    from PySide6.QtWidgets import QDockWidget, QFileDialog

    window, engine = run()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(articles))
    panel = window.panel(LibraryPanel)
    dock = window.findChild(QDockWidget, "libraryDock")
    assert not dock.isVisible()  # an empty library leaves the article its room
    add_folder = window.findChild(
        type(window.library_link.add_opened_action), "addFolderToLibraryAction"
    )
    with qtbot.waitSignal(panel.libraryChanged, timeout=10_000):
        add_folder.trigger()
        assert panel.progress.parent() is window.statusBar() or panel.progress.isVisibleTo(window)
    assert library_titles(window) == [
        "Ferry Crews Return",
        "Fish Market Moves",
        "Pier Talks Stall Again",
    ]
    assert sorted(Path(p).name for p in engine.annotated) == ["ferry.txt", "market.txt", "pier.txt"]
    assert "Added 3" in window.statusBar().currentMessage()
    assert not panel.progress.isVisible()
    assert dock.isVisible()

    # The library's articles open from the cache; an entity's list opens with it selected.
    panel.tabs.setCurrentIndex(1)
    people = [panel.entities.item(row) for row in range(panel.entities.count())]
    quenby = next(item for item in people if item.text().startswith("Marisol Quenby"))
    assert "2 articles" in quenby.text()
    panel.entities.itemClicked.emit(quenby)
    assert panel.tabs.currentIndex() == 0
    assert library_titles(window) == ["Ferry Crews Return", "Pier Talks Stall Again"]
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        panel.view.clicked.emit(panel.model.index(0, 0))
    assert len(engine.annotated) == 3
    chosen = [e.name for e in window.analysis.entities if e.key in window.selection.keys]
    assert chosen == ["Marisol Quenby"]


def test_dropping_a_folder_adds_it_to_the_library(qtbot, run, articles):
    window, _engine = run()
    panel = window.panel(LibraryPanel)
    with qtbot.waitSignal(panel.libraryChanged, timeout=10_000):
        window.dropEvent(drop_event(articles / "more"))
    assert library_titles(window) == ["Fish Market Moves"]
    assert window.document is None  # a folder is added, not opened


def test_a_damaged_library_is_a_message_and_reader_keeps_going(qtbot, run, data_dir, articles):
    data_dir.mkdir()
    (data_dir / "reader.sqlite3").write_bytes(b"these are not the bytes of a database " * 50)
    window, _engine = run()
    assert "moved aside" in window.message_bar.text
    assert list(data_dir.glob("reader.sqlite3.damaged-*"))
    open_and_keep(qtbot, window, articles / "pier.txt")
    assert "moved aside" in window.message_bar.text  # still said above the first article
    assert library_titles(window) == ["Pier Talks Stall Again"]  # the new library works
    open_and_wait(qtbot, window, articles / "ferry.txt")
    assert window.message_bar.text == ""  # said once, not above every article


def test_a_library_from_a_newer_reader_is_left_alone(qtbot, run, data_dir, articles):
    database = data_dir / "reader.sqlite3"
    Library(database).close()
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA user_version = 999")
    before = database.read_bytes()
    window, _engine = run()
    assert "newer version of Reader" in window.message_bar.text
    assert (
        window.findChild(
            type(window.library_link.add_opened_action), "addToLibraryAction"
        ).isEnabled()
        is False
    )
    open_and_wait(qtbot, window, articles / "pier.txt")  # reading works without a library
    assert window.analysis.entities
    window.close()
    close_application_libraries()
    assert database.read_bytes() == before


class SlowForIndexing(FakeEngine):
    """Holds the articles being indexed until released (giving way when outranked)."""

    def __init__(self, held: set[str]) -> None:
        super().__init__(two_word_names)
        self.held = held
        self.release = threading.Event()

    def annotate(self, document, progress, is_cancelled):
        if document.source_path in self.held:
            self.annotated.append(document.source_path)
            while not self.release.wait(0.01):
                if is_cancelled():
                    raise AnalysisCancelled
        return super().annotate(document, progress, is_cancelled)


def test_the_open_article_goes_before_indexing(qtbot, isolated_settings, data_dir, articles):
    held = {str(articles / "pier.txt"), str(articles / "ferry.txt")}
    engine = SlowForIndexing(held)
    service = AnalysisService(engine)
    try:
        window = create_main_window([], service=service)
        qtbot.addWidget(window)
        panel = window.panel(LibraryPanel)
        window.library_link.add_paths([str(articles)])
        qtbot.waitUntil(lambda: bool(engine.annotated), timeout=5000)
        assert panel.progress.isVisibleTo(window)

        # Indexing is stuck on its first article; the article the reader opens does not wait.
        open_and_wait(qtbot, window, articles / "more" / "market.txt")
        assert window.document.title == "Fish Market Moves" and window.analysis.entities
        assert panel.indexer.is_running()

        engine.release.set()
        qtbot.waitUntil(lambda: not panel.indexer.is_running(), timeout=10_000)
        assert library_titles(window) == [
            "Ferry Crews Return",
            "Fish Market Moves",
            "Pier Talks Stall Again",
        ]
    finally:
        service.close()
        close_application_libraries()


def test_an_article_added_from_the_command_line_opens_without_the_model(
    qtbot, isolated_settings, data_dir, articles
):
    """The real analysis both ways: `reader library add` and the window agree on what is stored."""
    from reader.app import create_service
    from reader.cli_library import main as library_main

    assert library_main(["add", str(articles / "pier.txt")]) == 0
    service = create_service(in_process=True)
    calls: list[str] = []
    annotate = service.engine.annotate
    service.engine.annotate = lambda document, *args: (
        calls.append(document.source_path) or (annotate(document, *args))
    )
    try:
        window = create_main_window([], service=service)
        qtbot.addWidget(window)
        open_and_wait(qtbot, window, articles / "pier.txt")
        assert calls == []
        assert "Marisol Quenby" in [e.name for e in window.analysis.entities]
        assert window.analysis.summary
    finally:
        service.close()
        close_application_libraries()


def test_the_date_the_reader_sets_is_remembered_for_that_article(qtbot, run, articles):
    from datetime import date

    window, _engine = run()
    pier, ferry = articles / "pier.txt", articles / "ferry.txt"
    open_and_wait(qtbot, window, pier)
    window.session.set_reference_date(date(2024, 5, 17))
    assert window.status.date_label.text() == "Dated 17 May 2024 (set by you)"
    open_and_wait(qtbot, window, ferry)
    assert "(set by you)" not in window.status.date_label.text()
    window.close()
    later, _engine = run()  # another window, another day: the library remembers
    open_and_wait(qtbot, later, pier)
    assert later.status.date_label.text() == "Dated 17 May 2024 (set by you)"
    assert later.analysis.reference_date.date == date(2024, 5, 17)
