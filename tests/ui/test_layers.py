"""Span layers: plain data the view draws, redraws after a retypeset, marks and hit-tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from reader.ui.colors import GROUP_COLORS
from reader.ui.find_bar import FIND_COLOR
from reader.ui.layers import FEATURE_ORDER, FIND_ORDER, SpanLayer, SpanStyle
from tests.ui.sidebar_helpers import click_entity, open_and_analyse

pytest_plugins = ["tests.ui.sidebar_fixtures"]


def quote_layer(window, phrase: str, **kwargs) -> SpanLayer:
    start = window.document.text.index(phrase)
    return SpanLayer(
        "quotes",
        FEATURE_ORDER,
        ((start, start + len(phrase)),),
        SpanStyle(background="#CC0000", tint=0.3),
        **kwargs,
    )


def test_a_layer_is_drawn_again_after_a_retypeset(qtbot, analysed) -> None:
    view = analysed.article_view
    view.set_span_layer(quote_layer(analysed, "the light would guide boats"))
    before = view.layer("quotes")
    assert [s.cursor.selectedText() for s in before] == ["the light would guide boats"]
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e20"))
    with qtbot.waitSignal(view.documentShown, timeout=5000):
        view.setPalette(palette)
    after = view.layer("quotes")
    assert [s.cursor.selectedText() for s in after] == ["the light would guide boats"]
    darker = after[0].format.background().color()
    assert darker.lightness() < before[0].format.background().color().lightness()


def test_a_clickable_layer_says_which_span_was_clicked(qtbot, analysed) -> None:
    view = analysed.article_view
    view.set_span_layer(quote_layer(analysed, "narrow channel", clickable=True))
    start = analysed.document.text.index("narrow channel")
    view.scroll_to_offset(start)
    rect = view.cursorRect(view.cursor_for(start + 3, start + 3))
    with qtbot.waitSignal(view.spanClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["quotes", 0]
    assert view.span_at(start - 30) is None


def test_layers_stack_by_order_and_keep_their_own_scrollbar_marks(qtbot, analysed) -> None:
    view = analysed.article_view
    click_entity(qtbot, analysed, "Selby")
    qtbot.waitUntil(lambda: bool(analysed.scroll_marks.marks), timeout=2000)
    entity_marks = analysed.scroll_marks.marks
    qtbot.keyClick(analysed, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(analysed.find_bar.field, "Selby")
    selections = view.extraSelections()
    find = view.layer("find")
    assert [s.cursor.selectedText() for s in find] == ["Selby", "Selby"]
    # Find (FIND_ORDER) is drawn over the entities: its selections come last.
    tail = [(s.cursor.selectionStart(), s.format) for s in selections[-len(find) :]]
    assert tail == [(s.cursor.selectionStart(), s.format) for s in find]
    assert FIND_ORDER > FEATURE_ORDER
    marks = analysed.scroll_marks.marks
    assert len(marks) == len(entity_marks) + 2
    assert QColor(FIND_COLOR) in [color for _, color in marks]
    analysed.find_bar.close_bar()
    assert analysed.scroll_marks.marks == entity_marks


def test_find_looks_like_no_entity_group(qtbot, window, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Harbour Day\n\nThe harbour opened today.\n", encoding="utf-8")
    open_and_analyse(qtbot, window, path)
    assert QColor(FIND_COLOR).name() not in {QColor(c).name() for c in GROUP_COLORS.values()}
