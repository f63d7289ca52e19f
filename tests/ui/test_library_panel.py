"""The library panel: articles listed, searched as you type, entities across articles, indexing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from reader.analysis import Entity, EntityGroup, Mention
from reader.library import Library, add_paths
from reader.ui.library_panel import AlsoInList, LibraryPanel
from tests.library.conftest import DictionaryAnalyser, write_articles

SCRIPTED = {
    "week4/markup.txt": """\
Harbour Board Publishes <script> Notes

Published: 24 March 2025

The notes mention <script>alert(1)</script> and &amp; beside Korveth, as plain text.
""",
}


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "reader.sqlite3"


@pytest.fixture
def filled(database: Path, articles: Path) -> Path:
    with Library(database) as library:
        add_paths(library, [str(articles)], DictionaryAnalyser())
    return database


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    from tests.library.conftest import ARTICLES

    return write_articles(tmp_path / "articles", {**ARTICLES, **SCRIPTED})


@pytest.fixture
def make_panel(qtbot):
    panels = []

    def factory(database: Path, analyser_factory=DictionaryAnalyser, **options) -> LibraryPanel:
        panel = LibraryPanel(database, analyser_factory=analyser_factory, **options)
        qtbot.addWidget(panel)
        panel.show()
        panels.append(panel)
        return panel

    yield factory
    for panel in panels:
        panel.close_library()


def titles(panel: LibraryPanel) -> list[str]:
    model = panel.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_lists_articles_with_date_folder_and_words(make_panel, filled, qtmodeltester):
    panel = make_panel(filled)
    qtmodeltester.check(panel.model)
    assert panel.objectName() == "libraryView"
    assert panel.findChild(QLineEdit, "librarySearch") is panel.search_box
    assert len(titles(panel)) == 4
    row = next(
        r for r in range(4) if panel.model.index(r, 0).data() == "Harbour Board Answers Critics"
    )
    assert panel.model.index(row, 1).data() == "2025-03-10"
    assert panel.model.index(row, 2).data() == "week2"
    assert int(panel.model.index(row, 3).data()) > 10
    assert "4 articles" in panel.status.text()


def test_columns_sort_by_value(make_panel, filled):
    panel = make_panel(filled)
    panel.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    dates = [panel.model.index(r, 1).data() for r in range(panel.model.rowCount())]
    assert dates == sorted(dates)
    panel.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    words = [int(panel.model.index(r, 3).data().replace(",", "")) for r in range(4)]
    assert words == sorted(words, reverse=True)


def test_typing_filters_through_the_index_with_highlighted_snippets(qtbot, make_panel, filled):
    panel = make_panel(filled)
    qtbot.keyClicks(panel.search_box, "fisherm*")
    qtbot.waitUntil(lambda: titles(panel) == ["Harbour Board Answers Critics"], timeout=2000)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert "<b>Fishermen</b>" in panel.snippet.text()
    panel.search_box.setText('"no such phrase here"')
    qtbot.waitUntil(lambda: titles(panel) == [], timeout=2000)
    assert panel.status.text() == "No articles match."


def test_article_text_in_snippets_is_escaped(qtbot, make_panel, filled):
    panel = make_panel(filled)
    panel.search_box.setText("alert")
    panel.refresh()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    shown = panel.snippet.text()
    assert "&lt;script&gt;" in shown and "<script>" not in shown
    assert "&amp;amp;" in shown


def test_enter_and_click_ask_for_the_article(qtbot, make_panel, filled, articles):
    panel = make_panel(filled)
    panel.search_box.setText("volunteers")
    with qtbot.waitSignal(panel.articleRequested) as enter:
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert enter.args == [str(articles / "week3" / "café-reopens.txt")]
    panel.search_box.setText("")
    panel.refresh()
    rect = panel.view.visualRect(panel.model.index(0, 0))
    with qtbot.waitSignal(panel.articleRequested) as click:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert Path(click.args[0]).exists()


def test_choosing_an_entity_lists_only_its_articles(qtbot, make_panel, filled):
    panel = make_panel(filled)
    panel.show_entity("Khrenin")
    assert sorted(titles(panel)) == [
        "Harbour Board Answers Critics",
        "Minister Visits Flooded Harbour at Korveth",
        "Seafront Café Reopens After the Floods",
    ]


def test_library_entities_with_sparklines_filter_the_list(qtbot, make_panel, filled):
    panel = make_panel(filled)
    names = [panel.entities.item(i).text() for i in range(panel.entities.count())]
    assert names[0].startswith("Korveth · place · 4 articles")
    assert not any("Monday" in n for n in names)
    assert not panel.entities.item(0).icon().isNull()
    daubry = next(
        i for i in range(panel.entities.count()) if "Daubry" in panel.entities.item(i).text()
    )
    with qtbot.waitSignal(panel.entityChosen) as chosen:
        panel.entities.itemClicked.emit(panel.entities.item(daubry))
    assert chosen.args == ["Ines Daubry"]
    assert titles(panel) == ["Seafront Café Reopens After the Floods"]
    assert panel.entities.item(daubry).text() == "Ines Daubry · person · 1 article"


def test_library_entities_without_dates_have_no_empty_charts(qtbot, make_panel, tmp_path):
    folder = write_articles(
        tmp_path / "undated",
        {"a.txt": "Pier Closed\n\nViktor Khrenin closed the pier at Korveth.\n"},
    )
    database = tmp_path / "undated-data" / "reader.sqlite3"
    with Library(database) as library:
        add_paths(library, [str(folder)], DictionaryAnalyser())
    panel = make_panel(database)
    labels = [panel.entities.item(i) for i in range(panel.entities.count())]
    assert labels and all(item.icon().isNull() for item in labels)


def test_also_in_other_articles(qtbot, make_panel, filled, articles):
    panel = make_panel(filled)
    here = articles / "week1" / "minister-visits.txt"
    person = Entity(
        "Viktor Khrenin", EntityGroup.PERSON, "PERSON", (Mention(0, 14, "Viktor Khrenin"),)
    )
    also = AlsoInList()
    qtbot.addWidget(also)
    found = panel.also_in(person, str(here))
    also.show_articles(found.articles, found.total)
    assert also.heading.text() == "Also in 2 other articles"
    assert (
        also.list.item(0)
        .text()
        .startswith("2025-03-17 · Seafront Café Reopens After the Floods · 1 mention")
    )
    with qtbot.waitSignal(also.articleRequested) as requested:
        also.list.itemActivated.emit(also.list.item(1))
    assert requested.args == [str(articles / "week2" / "board-answers.md")]
    also.show_articles([])
    assert also.heading.text() == "Not in other library articles"


def test_background_indexing_shows_progress_then_the_articles(
    qtbot, make_panel, database, articles
):
    panel = make_panel(database)
    assert "empty" in panel.status.text()
    seen = []
    panel.indexer.progress.connect(lambda done, total, path: seen.append((done, total)))
    with qtbot.waitSignal(panel.libraryChanged, timeout=10_000):
        assert panel.add_paths([str(articles)])
        assert panel.progress.isVisibleTo(panel) and panel.cancel_button.isVisibleTo(panel)
    assert seen[-1] == (4, 4)
    assert len(titles(panel)) == 4
    assert not panel.progress.isVisibleTo(panel)
    assert "Added 4" in panel.status.text()


class GatedAnalyser(DictionaryAnalyser):
    """Waits at each article until the test lets it go."""

    gate = threading.Semaphore(0)

    def __call__(self, document):
        GatedAnalyser.gate.acquire(timeout=10)
        return super().__call__(document)


def test_cancel_stops_indexing_and_keeps_what_was_added(qtbot, make_panel, database, articles):
    panel = make_panel(database, analyser_factory=GatedAnalyser)
    done = []
    panel.indexer.finished.connect(lambda *counts: done.append(counts))
    panel.add_paths([str(articles)])
    GatedAnalyser.gate.release()
    qtbot.waitUntil(lambda: panel.progress.value() == 1, timeout=5000)
    panel.cancel_button.click()
    GatedAnalyser.gate.release()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done[0][0] < 4
    assert len(titles(panel)) == done[0][0]


def test_a_damaged_library_is_replaced_and_the_user_told(make_panel, database):
    database.parent.mkdir(parents=True)
    database.write_bytes(b"not a database at all " * 100)
    panel = make_panel(database)
    assert "moved aside" in panel.status.text()
    assert titles(panel) == []
    assert list(database.parent.glob("reader.sqlite3.damaged-*"))


def test_an_opened_article_is_remembered_and_reopens_from_the_cache(
    qtbot, make_panel, database, tmp_path
):
    from reader.document import load_document

    path = (
        write_articles(
            tmp_path / "opened", {"one.txt": "Pier Closed\n\nKorveth closed its pier to boats.\n"}
        )
        / "one.txt"
    )
    panel = make_panel(database, analyser_version_of=lambda: "window-1")
    document = load_document(path)
    assert panel.cached_analysis(document) is None
    analysis = DictionaryAnalyser()(document).analysis
    with qtbot.waitSignal(panel.libraryChanged):
        panel.remember(document, analysis)
    assert titles(panel) == ["Pier Closed"]
    assert panel.cached_analysis(load_document(path)) == analysis


def test_keeping_an_opened_article_never_waits_for_a_busy_library(
    qtbot, make_panel, database, tmp_path
):
    """`reader library add` in another process may hold the database for a while: the
    window goes on, and the article is in once the library is free."""
    import sqlite3

    from reader.document import load_document

    folder = write_articles(
        tmp_path / "opened", {"two.txt": "Quay Reopens\n\nHalvard reopened the quay.\n"}
    )
    panel = make_panel(database)
    document = load_document(folder / "two.txt")
    analysis = DictionaryAnalyser()(document).analysis
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the library
    try:
        panel.remember(document, analysis)  # returns at once: the write waits, not the window
        assert titles(panel) == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    with qtbot.waitSignal(panel.libraryChanged, timeout=10_000):
        pass
    assert titles(panel) == ["Quay Reopens"]


def test_a_database_failing_under_the_panel_is_a_message(make_panel, filled, monkeypatch):
    import sqlite3

    panel = make_panel(filled)

    def malformed(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(panel.library, "search", malformed)
    panel.search_box.setText("harbour")
    panel.refresh()
    assert titles(panel) == []
    assert (
        panel.status.text() == "The library could not be read (database disk image is malformed)."
    )


def test_one_article_is_counted_in_the_singular(make_panel, database, articles):
    with Library(database) as library:
        add_paths(library, [str(next(iter(sorted(articles.iterdir()))))], DictionaryAnalyser())
    assert make_panel(database).status.text() == "1 article in the library"
