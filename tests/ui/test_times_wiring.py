"""Timeline and Figures in the window: they fill, a click goes there, Article Date… re-dates."""

from __future__ import annotations

import os
import time
from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

from reader.analysis.pipeline import with_times
from reader.analysis.reference_date import find_reference_date
from reader.ui.article_date_dialog import ArticleDateDialog
from reader.ui.entity_panel import EntityPanel
from reader.ui.figures_panel import FiguresPanel
from reader.ui.timeline_panel import SPAN_ROLE, TimelinePanel
from tests.ui.conftest import capitalised_names
from tests.ui.sidebar_helpers import highlighted, open_and_analyse

FILLER = (
    "Along the quay the cafes opened early and the gulls waited on the railings while "
    "passengers looked for news of their crossing and read the notices again.\n\n"
)
ARTICLE = (
    "Ferry Crews Walk Out\n\n"
    "Published: Thursday 6 March 2025\n\n"
    "The ferry crews' union said on Tuesday that 800 members would walk out. "
    "Managers will meet the union on Friday to discuss a raise of 3%.\n\n"
    + FILLER * 30
    + "The company carried 1.4 million passengers last year on its 12 ships.\n"
)


def with_dates(document, progress, is_cancelled):
    """The fake model's entities, then times and figures as the real interpret finds them."""
    analysis = capitalised_names(document, progress, is_cancelled)
    return with_times(document, analysis, find_reference_date(document))


@pytest.fixture
def opened(qtbot, make_window, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window = make_window(analyser=with_dates)
    window.resize(1100, 600)
    open_and_analyse(qtbot, window, path)
    return window


def _rows(panel: TimelinePanel) -> dict[str, tuple]:
    """'Said as' -> (date in words, the item) for every dated statement listed."""
    tree, rows = panel.tree, {}
    for group_row in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(group_row)
        for index in range(group.childCount()):
            item = group.child(index)
            if item.data(0, SPAN_ROLE):  # not the marker of the article's own date
                rows[item.text(1)] = (item.text(0), item)
    return rows


def seen(window, kind: type):
    """The panel of `kind`, its tab chosen as a reader would (a hidden tab is built when shown)."""
    panel = window.panel(kind)
    panel.parentWidget().raise_()
    return panel


def _date_label(window) -> str:
    return window.findChild(QLabel, "articleDate").text()


def test_the_panels_are_docked_and_fill_when_the_article_is_analysed(opened) -> None:
    docks = {d.objectName(): d for d in opened.findChildren(QDockWidget)}
    assert {"timelineDock", "figuresDock"} <= docks.keys()
    titles = [a.text() for a in opened.view_menu.actions()]
    assert "Timeline" in titles and "Figures" in titles and "Article &Date…" in titles
    assert opened.panel(TimelinePanel).tree.topLevelItemCount() == 0  # behind the Summary tab
    rows = _rows(seen(opened, TimelinePanel))
    assert rows["Tuesday"][0] == "Tue 4 Mar 2025"  # "said on Tuesday": the one before
    assert rows["Friday"][0] == "Fri 7 Mar 2025"  # "will meet on Friday": the one after
    assert seen(opened, TimelinePanel).strip.positions()
    figures = seen(opened, FiguresPanel).model
    written = {figures.item(row, 0).text() for row in range(figures.rowCount())}
    assert {"800", "3%", "1.4 million", "12"} <= written
    assert _date_label(opened) == "Dated 6 March 2025"


def test_clicking_a_time_or_figure_scrolls_the_article_there_and_marks_it(opened) -> None:
    view = opened.article_view
    text = opened.document.text
    assert view.verticalScrollBar().value() == 0
    rows = _rows(seen(opened, TimelinePanel))
    last_year = rows["last year"][1]
    seen(opened, TimelinePanel).tree.itemClicked.emit(last_year, 0)
    layer = view.span_layer("times")
    start, end = layer.spans[layer.current]
    assert text[start:end] == "last year" and len(layer.spans) == len(rows)
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.cursorRect(view.cursor_for(start, end)))

    view.verticalScrollBar().setValue(0)
    panel = seen(opened, FiguresPanel)
    model = panel.model
    row = next(r for r in range(model.rowCount()) if model.item(r, 0).text() == "12")
    panel.view.clicked.emit(model.index(row, 0))
    layer = view.span_layer("figures")
    start, end = layer.spans[layer.current]
    assert text[start:end] == "12" and text[end:].startswith(" ships")
    assert view.span_layer("times") is None  # one panel's marks at a time
    assert view.verticalScrollBar().value() > 0


def _accept_date_dialog(year: int, month: int, day: int) -> None:
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ArticleDateDialog) and w.isVisible()
    )
    dialog.date_edit.setDate(QDate(year, month, day))
    dialog.accept()


def test_article_date_resolves_the_weekdays_again_without_the_model(opened, qtbot) -> None:
    engine = opened.service.engine
    annotated, interpreted = list(engine.annotated), list(engine.interpreted)
    panel = seen(opened, FiguresPanel)
    QTimer.singleShot(0, lambda: _accept_date_dialog(2025, 3, 13))
    with qtbot.waitSignal(opened.session.analysisChanged) as changed:
        opened.findChild(QAction, "articleDateAction").trigger()
    assert changed.args[1] == "corrected"
    rows = _rows(seen(opened, TimelinePanel))
    assert rows["Tuesday"][0] == "Tue 11 Mar 2025"
    assert rows["Friday"][0] == "Fri 14 Mar 2025"
    assert _date_label(opened) == "Dated 13 March 2025 (set by you)"
    assert "13 March 2025" in seen(opened, TimelinePanel).reference_label.text()
    assert panel.model.rowCount() >= 4
    assert (engine.annotated, engine.interpreted) == (annotated, interpreted)


def test_a_date_from_the_files_time_is_marked_as_a_guess(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(ARTICLE.replace("Published: Thursday 6 March 2025\n\n", ""), encoding="utf-8")
    stamp = time.mktime(datetime(2024, 11, 8, 12, 0).timetuple())
    os.utime(path, (stamp, stamp))
    window = make_window(analyser=with_dates)
    open_and_analyse(qtbot, window, path)
    assert _date_label(window) == "Dated 8 November 2024 (a guess)"
    assert _rows(seen(window, TimelinePanel))["Tuesday"][0] == "Tue 5 Nov 2024"


def test_the_date_set_stays_for_a_reload_but_not_for_another_article(
    opened, qtbot, tmp_path
) -> None:
    opened.session.set_reference_date(datetime(2025, 3, 13).date())
    with qtbot.waitSignal(opened.analysisFinished, timeout=10000):
        opened.session.reload()
    assert _date_label(opened) == "Dated 13 March 2025 (set by you)"
    assert _rows(seen(opened, TimelinePanel))["Tuesday"][0] == "Tue 11 Mar 2025"
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Ferry Crews", "Tram Drivers"), encoding="utf-8")
    open_and_analyse(qtbot, opened, other)
    assert _date_label(opened) == "Dated 6 March 2025"


def test_the_sidebars_dates_are_the_timelines_and_stay_selected_through_a_new_date(
    opened, qtbot
) -> None:
    dates = [e for e in opened.analysis.entities if e.group.value == "date"]
    assert {e.name for e in dates} == set(_rows(seen(opened, TimelinePanel)))
    tuesday = next(e for e in dates if e.name == "Tuesday")
    opened.selection.set_keys([tuesday.key])
    assert highlighted(opened) == ["Tuesday"]
    with qtbot.waitSignal(opened.session.analysisChanged):
        opened.session.set_reference_date(datetime(2025, 3, 13).date())
    assert opened.panel(EntityPanel).selected_keys() == [tuesday.key]
    assert highlighted(opened) == ["Tuesday"]


def test_a_number_the_reader_hid_stays_hidden_through_a_new_date(opened, qtbot) -> None:
    from reader.analysis.corrections import NotEntity

    def numbers() -> set[str]:
        return {e.name for e in opened.analysis.entities if e.group.value == "number"}

    assert "800" in numbers()
    with qtbot.waitSignal(opened.session.analysisChanged):
        opened.session.set_rules([NotEntity(name="800")])
    assert "800" not in numbers() and "12" in numbers()
    with qtbot.waitSignal(opened.session.analysisChanged):
        opened.session.set_reference_date(datetime(2025, 3, 13).date())
    assert "800" not in numbers() and "12" in numbers()
    assert _date_label(opened) == "Dated 13 March 2025 (set by you)"
