"""The main window opens articles and shows them as articles (pytest-qt, offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTextEdit

from reader.app import create_main_window
from reader.document import load_document
from tests.conftest import SAMPLE
from tests.ui.conftest import drop_event

ARTICLE = """\
Night Trains Return to the Alps

By Lena Brunner

Rail Travel Europe

Key points
- Sleeper services resume on three routes.
- Tickets go on sale on Friday.

Why Now

The operator said demand for overnight travel had doubled since 2019, and that new carriages were ready.

Passengers will be able to book private cabins from Zurich to Vienna, and from Vienna to Venice.

Advertisement

LATEST NEWS
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "night-trains.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def open_and_wait(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.documentReady, timeout=10000) as blocker:
        window.open_path(str(path))
    assert blocker.args == [str(path)]


def test_open_by_api_shows_the_article_laid_out(qtbot, window, article) -> None:
    open_and_wait(qtbot, window, article)
    view = window.findChild(QTextEdit, "articleView")
    document = load_document(article)
    assert view.toPlainText() == document.text
    assert window.windowTitle().startswith("Night Trains Return to the Alps")
    assert "Advertisement" not in view.toPlainText()
    assert "LATEST NEWS" not in view.toPlainText()
    qdoc = view.document()
    title_block = qdoc.firstBlock()
    heading = qdoc.findBlockByNumber(len(document.blocks) - 3)
    assert heading.text() == "Why Now"
    assert heading.blockFormat().headingLevel() == 2
    assert title_block.blockFormat().headingLevel() == 1
    # The key points are a real bullet list in the view.
    key_point_blocks = [
        qdoc.findBlockByNumber(i)
        for i, b in enumerate(document.blocks)
        if b.kind.value == "key_point"
    ]
    assert [b.text() for b in key_point_blocks] == list(document.key_points)
    assert all(b.textList() is not None for b in key_point_blocks)
    # The "Key points" label is in the one accent colour, not link blue.
    from reader.ui.colors import accent_color

    label = qdoc.findBlockByNumber(key_point_blocks[0].blockNumber() - 1)
    assert label.text().lower() == "key points"
    colour = label.begin().fragment().charFormat().foreground().color()
    assert colour.name() == accent_color(view.palette()).name()


def test_status_bar_shows_word_count_and_reading_time(qtbot, window, tmp_path) -> None:
    # 3 title words and 1,200 body words: at 230 words a minute, five minutes.
    paragraph = " ".join(["ferry"] * 100)
    path = tmp_path / "counted.txt"
    path.write_text("Counting Words Today\n\n" + "\n\n".join([paragraph] * 12), encoding="utf-8")
    open_and_wait(qtbot, window, path)
    assert window.status.words_label.text() == "1,203 words · 5 min read"
    short = tmp_path / "short.txt"
    short.write_text("Brief\n\nOnly six words in this one.\n", encoding="utf-8")
    open_and_wait(qtbot, window, short)
    assert window.status.words_label.text() == "7 words · 1 min read"


def test_create_main_window_opens_first_path_and_lists_the_rest(
    qtbot, isolated_settings, article, tmp_path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Another Story\n\nWith a paragraph of its own.\n", encoding="utf-8")
    window = create_main_window([str(article), str(other)])
    qtbot.addWidget(window)
    # documentReady is emitted from the event loop, after create_main_window returned.
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        pass
    assert window.article_view.toPlainText() == load_document(article).text
    assert str(other) in window.recent_files()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert any("other.txt" in t for t in texts)
    window.close()


def test_create_main_window_with_no_paths_opens_nothing(qtbot, isolated_settings) -> None:
    window = create_main_window([])
    qtbot.addWidget(window)
    assert window.article_view.toPlainText() == ""
    window.close()


def test_recent_files_persist_across_windows(qtbot, make_window, article) -> None:
    first = make_window()
    open_and_wait(qtbot, first, article)
    first.close()
    second = make_window()
    assert second.recent_files()[0] == os.path.abspath(article)
    action = next(a for a in second.recent_menu.actions() if a.data() == os.path.abspath(article))
    with qtbot.waitSignal(second.documentReady, timeout=10000):
        action.trigger()


def test_a_stale_recent_entry_is_dropped_with_a_message(qtbot, window, article) -> None:
    open_and_wait(qtbot, window, article)
    article.unlink()
    with qtbot.waitSignal(window.openFailed, timeout=5000) as blocker:
        window.session.open_recent(os.path.abspath(article))
    assert "no longer exists" in blocker.args[1]
    assert os.path.abspath(article) not in window.recent_files()
    assert window.message_bar.isVisible()
    # The article already shown stays shown.
    assert "Night Trains" in window.article_view.toPlainText()


def test_drop_a_file_on_the_window_opens_it(qtbot, window, article) -> None:
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.dropEvent(drop_event(article))
    assert "Night Trains" in window.article_view.toPlainText()


def test_find_counts_and_walks_matches(qtbot, window, article) -> None:
    open_and_wait(qtbot, window, article)
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findChild(type(window.find_bar), "findBar")
    assert bar.isVisible()
    field = bar.findChild(QLineEdit, "findField")
    qtbot.keyClicks(field, "vienna")
    assert bar.count_label.text() == "1 of 2"
    layer = window.article_view.layer("find")
    assert [s.cursor.selectedText() for s in layer] == ["Vienna", "Vienna"]
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 2"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "1 of 2"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.article_view.layer("find") == []


def test_zoom_in_out_reset_and_persist(qtbot, make_window, article) -> None:
    window = make_window()
    open_and_wait(qtbot, window, article)
    view = window.article_view
    base = view.point_size
    title_height = view.document().firstBlock().layout().boundingRect().height()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size == base + 2
    view.document().adjustSize()
    assert view.document().firstBlock().layout().boundingRect().height() > title_height
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size == base + 1
    window.close()
    again = make_window()
    assert again.article_view.point_size == base + 1
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    qtbot.keyClick(again.article_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.article_view.point_size == base


def test_opening_a_second_file_replaces_the_first(qtbot, window, article, tmp_path) -> None:
    open_and_wait(qtbot, window, article)
    other = tmp_path / "second.txt"
    other.write_text("Second Story\n\nOnly this text should be shown now.\n", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    assert window.article_view.toPlainText() == "Second Story\nOnly this text should be shown now."
    assert window.windowTitle().startswith("Second Story")


def test_bundled_sample_opens(qtbot, window) -> None:
    open_and_wait(qtbot, window, SAMPLE)
    assert window.document.key_points
    assert window.document.headings


def test_dock_layout_persists_across_windows(qtbot, make_window) -> None:
    from PySide6.QtWidgets import QDockWidget

    first = make_window()
    summary = first.findChild(QDockWidget, "summaryDock")
    assert summary.isVisible()
    summary.hide()
    first.resize(900, 700)
    first.close()
    second = make_window()
    assert not second.findChild(QDockWidget, "summaryDock").isVisible()
    assert second.findChild(QDockWidget, "entityDock").isVisible()
    assert second.size().height() == 700


def test_a_first_window_fits_on_its_screen(make_window) -> None:
    window = make_window()
    free = window.screen().availableGeometry().size()
    assert window.width() <= free.width() and window.height() <= free.height()
