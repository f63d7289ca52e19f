"""One selection per window: any panel writes it, the sidebar and the article follow."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.ui.entity_panel import EntityPanel
from tests.ui.sidebar_helpers import click_entity, entity, highlighted

pytest_plugins = ["tests.ui.sidebar_fixtures"]


def test_a_panel_writing_the_selection_highlights_and_selects(qtbot, analysed) -> None:
    selby = entity(analysed, "Selby")
    analysed.selection.set_keys([selby.key])  # as a quotes or timeline panel would
    assert highlighted(analysed) == ["Selby", "Selby"]
    assert analysed.panel(EntityPanel).selected_keys() == [selby.key]
    assert analysed.statusBar().currentMessage() == "mention 1 of 2"
    analysed.selection.clear()
    assert highlighted(analysed) == []
    assert analysed.panel(EntityPanel).selected_keys() == []


def test_the_sidebar_and_the_article_write_the_same_selection(qtbot, analysed) -> None:
    trust = entity(analysed, "Coastal Trust")
    click_entity(qtbot, analysed, "Coastal Trust")
    assert analysed.selection.keys == [trust.key]
    view = analysed.article_view
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert analysed.selection.keys == []
    assert analysed.panel(EntityPanel).selected_keys() == []


def test_a_new_article_clears_the_selection(qtbot, analysed, article) -> None:
    analysed.selection.set_keys([entity(analysed, "Selby").key])
    with qtbot.waitSignal(analysed.analysisFinished, timeout=10000):
        analysed.open_path(str(article))
    assert analysed.selection.keys == []
    assert highlighted(analysed) == []
