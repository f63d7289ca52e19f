"""Shared fixtures and steps of the sidebar tests: open an article, click rows and mentions.

The fixtures that go with them are in `sidebar_fixtures.py`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeView

from reader.analysis.service import AnalysisUnavailable
from reader.ui.colors import GROUP_COLORS
from reader.ui.entity_model import EntityRole

NO_MODEL = "No language model is installed. Run ./dev.sh setup."


def open_and_analyse(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.analysisFinished, timeout=10000):
        window.open_path(str(path))


def open_without_model(qtbot, make_window, path: Path):
    """Open an article in a window whose analysis cannot run at all."""

    def broken(document, progress, is_cancelled):
        raise AnalysisUnavailable(NO_MODEL)

    window = make_window(analyser=broken)
    with qtbot.waitSignal(window.analysisFailed, timeout=10000):
        window.open_path(str(path))
    return window


def tree(window) -> QTreeView:
    return window.findChild(QTreeView, "entityTree")


def entity_rows(window) -> dict[str, QModelIndex]:
    """Visible entity rows by display text of column 0."""
    view = tree(window)
    model = view.model()
    rows = {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            rows[index.data()] = index
    return rows


def group_titles(window) -> list[str]:
    model = tree(window).model()
    return [model.index(g, 0).data() for g in range(model.rowCount())]


def names_in_group(window, title: str) -> list[str]:
    model = tree(window).model()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        if group.data() == title:
            return [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
    return []


def click_entity(qtbot, window, name: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = tree(window)
    index = entity_rows(window)[name]
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center()
    )


def entity(window, name: str):
    return next(e for e in window.analysis.entities if e.name == name)


def highlighted(window) -> list[str]:
    return [s.cursor.selectedText() for s in window.article_view.extraSelections()]


def row_entity(index: QModelIndex):
    return index.data(EntityRole.ENTITY)


def current_selection(window):
    """The emphasised mention: the one drawn in its group's full colour, the rest are tints."""
    full = {QColor(c).name() for c in GROUP_COLORS.values()}
    layer = window.article_view.layer("entities")
    current = [s for s in layer if s.format.background().color().name() in full]
    assert len(current) == 1
    return current[0]
