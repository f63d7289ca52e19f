"""What the README promises a reader, done the way a reader does it: menus, keys, dialogs,
right-clicks, hovering and dragging (pytest-qt, offscreen, the fast fake analyser)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QLineEdit, QMenu, QToolTip

from reader import __version__
from reader.ui.entity_panel import EntityPanel
from reader.ui.summary_panel import SummaryPanel
from tests.ui.fake_entities import ARTICLE, DictionaryAnalyser
from tests.ui.sidebar_helpers import click_entity, entity, entity_rows, highlighted, tree

pytest_plugins = ("tests.ui.sidebar_fixtures",)

STORY = "Ferry Timetable Changes\n\nFerries to Selby leave at nine from Monday, the port said.\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def open_and_wait(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.open_path(str(path))


def when_shown(find, act, attempts: int = 200) -> None:
    """Act on a modal dialog or popup menu once it is up (exec() blocks the test meanwhile)."""

    def poll(left: int = attempts) -> None:
        widget = find()
        if widget is not None and widget.isVisible():
            try:
                act(widget)
            finally:  # whatever happened, never leave the test blocked behind it
                QTimer.singleShot(3000, widget.close)
        elif left:
            QTimer.singleShot(25, lambda: poll(left - 1))
        else:  # it never came up as expected: close whatever blocks, and let the test fail
            for blocking in (QApplication.activeModalWidget(), QApplication.activePopupWidget()):
                if blocking is not None:
                    blocking.close()

    QTimer.singleShot(0, poll)


def choose_from_popup(qtbot, text: str) -> list[str]:
    """Pick a context-menu item with the keyboard; returns the menu's item texts."""
    seen: list[str] = []

    def pick(menu: QMenu) -> None:
        seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == text))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    when_shown(QApplication.activePopupWidget, pick)
    return seen


def right_click(widget, position: QPoint) -> None:
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, position, widget.mapToGlobal(position)
    )
    QApplication.sendEvent(widget, event)


# --- opening, reloading, recent files, dropping ---------------------------------------------


@pytest.fixture
def qt_dialogs(qapp):
    """Qt's own file dialog, even where the desktop would lend its native one."""
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = qapp.testAttribute(attribute)
    qapp.setAttribute(attribute, True)
    yield
    qapp.setAttribute(attribute, before)


def test_file_open_through_the_dialog(qtbot, window, tmp_path, qt_dialogs) -> None:
    path = write(tmp_path, "ferries.txt", STORY)
    typed: list[str] = []

    def type_the_name(dialog: QFileDialog) -> None:
        qtbot.wait(300)  # the dialog lists its folder first
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        qtbot.keyClicks(field, str(path))
        typed.append(field.text())
        qtbot.wait(300)  # its completer pops up after a moment; the reader ignores it
        if field.completer() is not None:
            field.completer().popup().hide()
        qtbot.keyClick(field, Qt.Key.Key_Return)

    when_shown(QApplication.activeModalWidget, type_the_name)
    with qtbot.waitSignal(window.documentReady, timeout=10000) as blocker:
        qtbot.keyClick(window.article_view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert typed == [str(path)]
    assert blocker.args == [str(path)]
    assert window.windowTitle().startswith("Ferry Timetable Changes")


def test_file_open_dialog_cancelled_keeps_the_article(qtbot, window, tmp_path, qt_dialogs) -> None:
    open_and_wait(qtbot, window, write(tmp_path, "ferries.txt", STORY))
    closed: list[bool] = []

    def cancel(dialog: QDialog) -> None:
        dialog.reject()
        closed.append(True)

    when_shown(QApplication.activeModalWidget, cancel)
    window.open_action.trigger()
    assert closed == [True]
    assert window.article_view.toPlainText().startswith("Ferry Timetable Changes")
    assert not window.message_bar.isVisible()


def test_f5_reloads_the_file_from_disk(qtbot, window, tmp_path) -> None:
    path = write(tmp_path, "ferries.txt", STORY)
    open_and_wait(qtbot, window, path)
    path.write_text(STORY.replace("nine", "ten"), encoding="utf-8")
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        qtbot.keyClick(window.article_view, Qt.Key.Key_F5)
    assert "leave at ten" in window.article_view.toPlainText()


def test_clear_recent_empties_the_menu_for_good(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    for name in ("one.txt", "two.txt"):
        open_and_wait(qtbot, window, write(tmp_path, name, STORY))
    listed = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert listed == ["&1 two.txt", "&2 one.txt"]
    clear = next(a for a in window.recent_menu.actions() if a.text() == "&Clear Recent")
    assert clear.isEnabled()
    clear.trigger()
    assert [a.data() for a in window.recent_menu.actions() if a.data()] == []
    assert not clear.isEnabled()
    window.close()
    assert make_window().recent_files() == []


def drag_enter(window, urls: list[QUrl]) -> bool:
    mime = QMimeData()
    mime.setUrls(urls)
    event = QDragEnterEvent(
        QPoint(40, 40),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_dragging_a_file_over_the_window_is_accepted_and_a_web_link_is_not(
    window, tmp_path
) -> None:
    path = write(tmp_path, "ferries.txt", STORY)
    assert drag_enter(window, [QUrl.fromLocalFile(str(path))])
    assert not drag_enter(window, [QUrl("https://example.org/story.txt")])


def replace_like_an_editor(path: Path, text: str) -> None:
    """Write a new file beside it and rename it over the old one, as many editors save."""
    fresh = path.with_name(path.name + ".swp")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)


def test_the_file_is_still_watched_after_an_editor_replaces_it(qtbot, window, tmp_path) -> None:
    path = write(tmp_path, "live.txt", STORY)
    open_and_wait(qtbot, window, path)
    replace_like_an_editor(path, STORY.replace("nine", "ten"))
    qtbot.waitUntil(window.message_bar.isVisible, timeout=5000)
    assert "changed on disk" in window.message_bar.text_label.text()
    window.message_bar.dismiss()
    replace_like_an_editor(path, STORY.replace("nine", "eleven"))
    qtbot.waitUntil(window.message_bar.isVisible, timeout=5000)
    assert "changed on disk" in window.message_bar.text_label.text()
    assert "leave at nine" in window.article_view.toPlainText()
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.message_bar.action_button.click()
    assert "leave at eleven" in window.article_view.toPlainText()


# --- Help › About ----------------------------------------------------------------------------


def test_help_about_through_the_menu(qtbot, window) -> None:
    texts: list[str] = []

    def read_and_close(dialog: QDialog) -> None:
        texts.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.accept()

    when_shown(QApplication.activeModalWidget, read_and_close)
    about = next(a for a in window.help_menu.actions() if a.text() == "&About Reader")
    about.trigger()
    shown = " ".join(texts)
    assert __version__ in shown
    assert "MIT" in shown
    assert "en_core_web_sm" in shown


# --- find --------------------------------------------------------------------------------------


def test_find_walks_back_with_shift_enter_and_both_ways_with_the_arrows(
    qtbot, window, tmp_path
) -> None:
    text = "Three Harbours\n\nSelby, then Evra, then Selby again, and Selby once more.\n"
    open_and_wait(qtbot, window, write(tmp_path, "harbours.txt", text))
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "selby")
    starts = [
        i for i in range(len(window.document.text)) if window.document.text.startswith("Selby", i)
    ]

    def current() -> tuple[str, int]:
        layer = window.article_view.span_layer("find")
        assert layer is not None
        return bar.count_label.text(), layer.spans[layer.current][0]

    assert current() == ("1 of 3", starts[0])
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current() == ("3 of 3", starts[2])  # back from the first wraps to the last
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current() == ("2 of 3", starts[1])
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert current() == ("3 of 3", starts[2])
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert current() == ("1 of 3", starts[0])
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert current() == ("3 of 3", starts[2])
    qtbot.keyClicks(bar.field, "x")
    assert bar.count_label.text() in ("No matches", "0 of 0", "no matches")


# --- entities in the article -------------------------------------------------------------------


def test_ctrl_shift_e_underlines_every_mention_and_again_removes_them(qtbot, analysed) -> None:
    mentions = sum(e.count for e in analysed.analysis.entities)
    qtbot.keyClick(
        analysed.article_view,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert analysed.panel(EntityPanel).show_all_action.isChecked()
    assert len(analysed.article_view.layer("show_all")) == mentions
    qtbot.keyClick(
        analysed.article_view,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert analysed.article_view.layer("show_all") == []


def hover(view, offset: int) -> str:
    """Rest the mouse on the character at `offset`; the tooltip text shown, or ''."""
    position = view.cursorRect(view.cursor_for(offset + 1, offset + 1)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, position, view.viewport().mapToGlobal(position))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_hovering_a_mention_names_its_entity_and_group(qtbot, analysed) -> None:
    analysed.panel(EntityPanel).show_all_action.trigger()
    view = analysed.article_view
    varga = entity(analysed, "Ilse Varga")
    assert hover(view, varga.mentions[1].start) == "Ilse Varga — Person"
    trust = entity(analysed, "Coastal Trust")
    assert hover(view, trust.mentions[0].start) == "Coastal Trust — Organization"
    hover(view, analysed.document.text.index("ribbon"))  # plain words: no tooltip
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)


def test_right_click_an_entity_to_copy_its_name_or_its_sentences(qtbot, analysed) -> None:
    view = tree(analysed)
    click_entity(qtbot, analysed, next(n for n in entity_rows(analysed) if "Coastal Trust" in n))
    index = entity_rows(analysed)[next(n for n in entity_rows(analysed) if "Coastal Trust" in n)]
    where = view.visualRect(index).center()
    items = choose_from_popup(qtbot, "Copy Name")
    right_click(view.viewport(), where)
    assert items[:2] == ["Copy Name", "Copy Mention Sentences"]
    assert QGuiApplication.clipboard().text() == "Coastal Trust"
    choose_from_popup(qtbot, "Copy Mention Sentences")
    right_click(view.viewport(), where)
    assert QGuiApplication.clipboard().text().splitlines() == [
        "The Coastal Trust paid for the repairs.",
        "The Coastal Trust raised the money over three long winters of appeals.",
        "A spokesman for the Coastal Trust said volunteers from Selby had repainted the whole tower.",
    ]


def test_right_click_the_summary_to_copy_it(qtbot, analysed) -> None:
    panel = analysed.panel(SummaryPanel)
    browser = panel.browser
    items = choose_from_popup(qtbot, "Copy Summary")
    right_click(browser.viewport(), QPoint(10, 10))
    assert "Copy Summary as Markdown" in items and "Copy Selection" in items
    plain = QGuiApplication.clipboard().text()
    for sentence in panel.summary:
        assert sentence.text in plain
    choose_from_popup(qtbot, "Copy Summary as Markdown")
    right_click(browser.viewport(), QPoint(10, 10))
    markdown = QGuiApplication.clipboard().text()
    assert markdown.startswith("# Harbour Lights Return to Port Evra\n")
    assert "## Summary" in markdown


@pytest.mark.parametrize("when", ["at once", "after the prebuild"])
def test_clicking_an_entity_with_hundreds_of_mentions(qtbot, make_window, tmp_path, when) -> None:
    sentences = " ".join(f"Boat {i} sailed from Selby at dawn." for i in range(250))
    path = write(tmp_path, "regatta.txt", f"The Selby Regatta\n\n{sentences}\n")
    window = make_window(analyser=DictionaryAnalyser())
    with qtbot.waitSignal(window.analysisFinished, timeout=10000):
        window.open_path(str(path))
    if when == "after the prebuild":
        qtbot.waitUntil(lambda: not window.highlighter._prebuild_timer.isActive(), timeout=10000)
    click_entity(qtbot, window, next(n for n in entity_rows(window) if n.startswith("Selby")))
    texts = highlighted(window)
    assert texts.count("Selby") == 251  # the title's and every boat's
    assert window.statusBar().currentMessage() == "mention 1 of 251"
    qtbot.keyClick(window.article_view, Qt.Key.Key_F3)
    assert window.statusBar().currentMessage() == "mention 2 of 251"


# --- the article shapes the README lists ------------------------------------------------------

VARIANTS = """\
Tram Line Opens in Kelvarra

Author: Nadia Orme
Published: 12 March 2025
Updated: 13 March 2025, 09:40

Topics: Transport, Cities

The first tram in forty years carried passengers through Kelvarra on Saturday.

The city council said the line cost less than planned.

Read more

Share this article
"""

UNLABELLED = """\
Storm Warning for the Coast

- Gales of up to 110 km/h are expected on Tuesday.
- Ferries between the islands are cancelled.

Forecasters said the storm would reach the coast before dawn on Tuesday.
"""


def test_author_date_lines_topics_and_read_more(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, write(tmp_path, "tram.txt", VARIANTS))
    document = window.document
    assert document.title == "Tram Line Opens in Kelvarra"
    # The date lines join the byline, shown small and quiet.
    assert document.byline.startswith("Author: Nadia Orme")
    assert "Published: 12 March 2025" in document.byline
    assert document.tags == ("Transport", "Cities")
    shown = window.article_view.toPlainText()
    assert "Read more" not in shown and "Share this article" not in shown
    assert "Topics" not in shown
    assert shown.endswith("The city council said the line cost less than planned.")
    qdoc = window.article_view.document()

    def block_with(words: str):
        block = qdoc.begin()
        while words not in block.text():
            block = block.next()
        return block.begin().fragment().charFormat().font().pointSizeF()

    assert block_with("Published: 12 March 2025") < block_with("The first tram")
    assert block_with("Author: Nadia Orme") < block_with("The first tram")


def test_an_unlabelled_bullet_list_at_the_top_is_the_key_points(qtbot, window, tmp_path) -> None:
    open_and_wait(qtbot, window, write(tmp_path, "storm.txt", UNLABELLED))
    assert window.document.key_points == (
        "Gales of up to 110 km/h are expected on Tuesday.",
        "Ferries between the islands are cancelled.",
    )
    qdoc = window.article_view.document()
    first_point = qdoc.findBlockByNumber(1)
    assert first_point.text() == "Gales of up to 110 km/h are expected on Tuesday."
    assert first_point.textList() is not None


# --- size ---------------------------------------------------------------------------------------


@pytest.mark.slow  # some seconds to lay out and typeset 16 MB
def test_a_file_just_under_16_mb_opens_in_the_window(qtbot, window, tmp_path) -> None:
    from reader.document import MAX_FILE_BYTES

    paragraph = ARTICLE.split("\n\n")[3] + "\n\n"
    count = (MAX_FILE_BYTES - 4096) // len(paragraph.encode("utf-8"))
    path = tmp_path / "almost-16-mb.txt"
    path.write_text("A Very Long Report\n\n" + paragraph * count, encoding="utf-8")
    assert MAX_FILE_BYTES - 8192 < path.stat().st_size < MAX_FILE_BYTES
    analysed: list[str] = []
    window.analysisFinished.connect(analysed.append)
    with qtbot.waitSignal(window.documentReady, timeout=180_000):
        window.open_path(str(path))
    assert not window.message_bar.isVisible()
    assert window.article_view.toPlainText() == window.document.text
    assert window.document.title == "A Very Long Report"
    qtbot.waitUntil(lambda: analysed == [str(path)], timeout=60_000)
    assert window.analysis.entities and not window.status.progress_bar.isVisible()
