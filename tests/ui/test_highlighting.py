"""Highlights in the article: walking mentions, show all, clicks in the text, Esc, emoji, marks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from reader.ui.entity_panel import EntityPanel
from tests.ui.fake_entities import SECOND_ARTICLE, DictionaryAnalyser
from tests.ui.sidebar_helpers import (
    click_entity,
    current_selection,
    entity,
    highlighted,
    open_and_analyse,
    tree,
)

pytest_plugins = ("tests.ui.sidebar_fixtures",)


def current_start(window) -> int:
    return current_selection(window).cursor.selectionStart()


def test_f3_and_shift_f3_walk_the_mentions_with_wrap_around(qtbot, analysed) -> None:
    click_entity(qtbot, analysed, "Ilse Varga")
    starts = [m.start for m in entity(analysed, "Ilse Varga").mentions]
    view = analysed.article_view
    assert current_start(analysed) == starts[0]
    seen = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_F3)
        seen.append((current_start(analysed), analysed.statusBar().currentMessage()))
    assert seen == [
        (starts[1], "mention 2 of 4"),
        (starts[2], "mention 3 of 4"),
        (starts[3], "mention 4 of 4"),
        (starts[0], "mention 1 of 4"),
    ]
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert current_start(analysed) == starts[3]
    assert analysed.statusBar().currentMessage() == "mention 4 of 4"
    # The current mention is emphasised, not highlighted twice.
    assert len(view.extraSelections()) == 4
    assert highlighted(analysed).count("Varga") == 2


def test_buttons_walk_too_and_mentions_scroll_into_view(qtbot, make_window, tmp_path) -> None:
    filler = "\n\n".join(
        f"Paragraph {i} has nothing much to say about anything." for i in range(80)
    )
    path = tmp_path / "long.txt"
    path.write_text(f"A Long Story\n\nSelby opens it.\n\n{filler}\n\nSelby ends it.\n", "utf-8")
    window = make_window(analyser=DictionaryAnalyser())
    open_and_analyse(qtbot, window, path)
    click_entity(qtbot, window, "Selby")
    bar = window.article_view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    qtbot.mouseClick(window.panel(EntityPanel).next_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "mention 2 of 2"
    assert bar.value() > bar.maximum() // 2
    view = window.article_view
    rect = view.cursorRect(current_selection(window).cursor)
    assert view.viewport().rect().contains(rect.center())
    qtbot.mouseClick(window.panel(EntityPanel).previous_button, Qt.MouseButton.LeftButton)
    assert bar.value() < bar.maximum() // 2


def test_show_all_underlines_every_mention_in_its_group_colour(qtbot, analysed) -> None:
    action = analysed.panel(EntityPanel).show_all_action
    assert action in analysed.view_menu.actions()
    action.trigger()
    layer = analysed.article_view.layer("show_all")
    expected = sorted((m.start, m.text) for e in analysed.analysis.entities for m in e.mentions)
    assert sorted((s.cursor.selectionStart(), s.cursor.selectedText()) for s in layer) == expected
    assert all(
        s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline for s in layer
    )
    colours = {s.cursor.selectedText(): s.format.underlineColor().name() for s in layer}
    assert colours["Selby"] == colours["Port Evra"] != colours["Varga"]
    action.trigger()
    assert analysed.article_view.layer("show_all") == []


def test_clicking_a_mention_in_the_article_selects_its_entity(qtbot, analysed) -> None:
    view = analysed.article_view
    varga = entity(analysed, "Ilse Varga")
    mention = varga.mentions[2]  # "Varga said..."
    rect = view.cursorRect(view.cursor_for(mention.start + 2, mention.start + 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert analysed.panel(EntityPanel).selected_keys() == [varga.key]
    assert tree(analysed).currentIndex().data() == "Ilse Varga"
    # The clicked mention is the current one: the view does not jump away from it.
    assert current_start(analysed) == mention.start
    assert analysed.statusBar().currentMessage() == "mention 3 of 4"
    # Clicking plain text leaves the highlight alone.
    plain = analysed.document.text.index("ribbon")
    rect = view.cursorRect(view.cursor_for(plain + 2, plain + 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert analysed.panel(EntityPanel).selected_keys() == [varga.key]


def test_escape_in_the_article_clears_highlight_and_selection(qtbot, analysed) -> None:
    click_entity(qtbot, analysed, "Port Evra")
    assert highlighted(analysed)
    scroll_marks = analysed.scroll_marks
    qtbot.waitUntil(lambda: len(scroll_marks.marks) == 3)
    qtbot.keyClick(analysed.article_view, Qt.Key.Key_Escape)
    assert highlighted(analysed) == []
    assert analysed.panel(EntityPanel).selected_keys() == []
    assert analysed.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: scroll_marks.marks == [])


def test_scrollbar_marks_follow_the_mentions(qtbot, analysed) -> None:
    click_entity(qtbot, analysed, "Ilse Varga")
    bar = analysed.scroll_marks
    qtbot.waitUntil(lambda: len(bar.marks) == 4)
    fractions = [f for f, _ in bar.marks]
    assert fractions == sorted(fractions)
    assert 0 < fractions[0] < fractions[-1] < 1


def test_an_emoji_before_a_mention_does_not_shift_its_highlight(
    qtbot, make_window, tmp_path
) -> None:
    path = tmp_path / "emoji.txt"
    path.write_text(
        "Rockets 🚀 Over Selby\n\nThe crowd 🎉🎉 cheered as Ilse Varga waved from Port Evra.\n",
        encoding="utf-8",
    )
    window = make_window(analyser=DictionaryAnalyser())
    open_and_analyse(qtbot, window, path)
    for name in ("Ilse Varga", "Port Evra", "Selby"):
        click_entity(qtbot, window, name)
        assert highlighted(window) == [m.text for m in entity(window, name).mentions]


def test_a_second_article_clears_the_panel_and_highlights(qtbot, analysed, tmp_path) -> None:
    click_entity(qtbot, analysed, "Port Evra")
    analysed.panel(EntityPanel).show_all_action.trigger()
    other = tmp_path / "frost.txt"
    other.write_text(SECOND_ARTICLE, encoding="utf-8")
    open_and_analyse(qtbot, analysed, other)
    assert analysed.panel(EntityPanel).selected_keys() == []
    assert analysed.article_view.layer("entities") == []
    assert analysed.statusBar().currentMessage() == ""
    # Show all stays on, now for the new article.
    assert {s.cursor.selectedText() for s in analysed.article_view.layer("show_all")} == {
        "Marrow Hill"
    }
    click_entity(qtbot, analysed, "Marrow Hill")
    assert highlighted(analysed).count("Marrow Hill") == 4  # 2 highlights + 2 underlines


def test_a_palette_change_keeps_the_highlights(qtbot, analysed) -> None:
    click_entity(qtbot, analysed, "Selby")
    qtbot.keyClick(analysed.article_view, Qt.Key.Key_F3)
    before = analysed.article_view.layer("entities")[0].format.background().color()
    palette = QPalette(analysed.article_view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e20"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    with qtbot.waitSignal(analysed.article_view.documentShown, timeout=5000):
        analysed.article_view.setPalette(palette)
    QApplication.processEvents()
    assert highlighted(analysed) == ["Selby", "Selby"]
    assert analysed.statusBar().currentMessage() == "mention 2 of 2"
    after = analysed.article_view.layer("entities")[0].format.background().color()
    assert after.lightness() < before.lightness()
