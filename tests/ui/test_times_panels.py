"""Timeline and Figures panels on hand-built analyses: order, grouping, sorting, CSV, clicks."""

from __future__ import annotations

import csv
import io
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication

from reader.analysis import Analysis
from reader.analysis.model import Quantity, ReferenceDate, Span, TimeExpression
from reader.document import parse_article
from reader.ui.article_date_dialog import ArticleDateDialog
from reader.ui.figures_panel import FiguresPanel
from reader.ui.timeline_panel import TimelinePanel

ARTICLE = (
    "Harbour Board Keeps Night Ferry\n\n"
    "The board voted on Tuesday to keep the night ferry. "
    "It will meet the union next month for two days. "
    "The route opened in 2019 and carried 12,000 passengers and 340 cars, "
    "earning $1.5 million. "
    "The crossing is 40 km (25 miles) long.\n"
)


def _span(document_text: str, text: str, after: int = 0) -> tuple[int, int]:
    start = document_text.index(text, after)
    return start, start + len(text)


def _analysis():
    document = parse_article(ARTICLE)
    text = document.text
    sentences = []
    position = text.index("The board")
    for part in text[position:].split(". "):
        start = text.index(part, position)
        sentences.append((start, start + len(part)))
        position = start + len(part)

    def time(words: str, kind: str, value: str) -> TimeExpression:
        start, end = _span(text, words)
        return TimeExpression(start, end, words, kind, value)

    def quantity(words: str, value: float, unit: str, counted: str | None = None, **extra):
        start, end = _span(text, words)
        counted_span = None
        if counted:
            c_start, c_end = _span(text, counted, end)
            counted_span = Span(c_start, c_end, counted)
        return Quantity(start, end, words, value, unit, counted_span, **extra)

    conversion_start, conversion_end = _span(text, "25 miles")
    analysis = Analysis(
        sentences=tuple(sentences),
        times=(
            time("next month", "date", "2024-04"),
            time("Tuesday", "date", "2024-03-12"),
            time("2019", "date", "2019"),
            time("two days", "duration", "P2D"),  # no place on a timeline
        ),
        quantities=(
            quantity("12,000", 12000, "count", "passengers"),
            quantity("340", 340, "count", "cars"),
            quantity("$1.5 million", 1.5e6, "USD"),
            quantity(
                "40 km",
                40,
                "kilometre",
                conversion=Span(conversion_start, conversion_end, "25 miles"),
            ),
        ),
        reference_date=ReferenceDate(date(2024, 3, 14), "text"),
    )
    return document, analysis


def _children(tree, row: int) -> list[list[str]]:
    group = tree.topLevelItem(row)
    return [[group.child(i).text(c) for c in range(3)] for i in range(group.childCount())]


def test_timeline_lists_dated_statements_in_order_past_and_future_apart(qtbot):
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    document, analysis = _analysis()
    panel.show_analysis(document, analysis)
    tree = panel.tree
    assert tree.objectName() == "timelineView" and tree.accessibleName() == "Timeline"
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert titles == ["Before (2)", "The article's date (0)", "After (1)"]
    before = _children(tree, 0)
    assert [row[1] for row in before] == ["2019", "Tuesday"]  # earliest first
    assert before[1][0] == "Tue 12 Mar 2024"
    assert before[1][2] == "The board voted on Tuesday to keep the night ferry"
    assert _children(tree, 1)[0][1] == "(the article's date)"
    assert _children(tree, 2)[0][:2] == ["April 2024", "next month"]
    assert "14 March 2024" in panel.reference_label.text()
    # The strip has a mark for each dated statement and one for the article's date.
    assert len(panel.strip.positions()) == 4


def test_clicking_a_dated_statement_goes_to_it(qtbot):
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    document, analysis = _analysis()
    panel.show_analysis(document, analysis)
    item = panel.tree.topLevelItem(0).child(1)
    with qtbot.waitSignal(panel.timeActivated) as signal:
        panel.tree.itemClicked.emit(item, 0)
    start, end = signal.args
    assert document.text[start:end] == "Tuesday"


def test_timeline_without_dates_says_so_and_clears(qtbot):
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    document, _ = _analysis()
    panel.show_analysis(document, Analysis(reference_date=ReferenceDate(date(2024, 1, 2), "file")))
    assert panel.tree.topLevelItem(0).text(0) == "The article gives no dates."
    assert "a guess" in panel.reference_label.text()
    panel.clear()
    assert panel.tree.topLevelItemCount() == 0


def _rows(panel: FiguresPanel) -> list[list[str]]:
    model = panel.model
    return [
        [model.item(r, c).text() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_figures_list_value_unit_and_what_they_count(qtbot, qtmodeltester):
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    document, analysis = _analysis()
    panel.show_analysis(document, analysis)
    qtmodeltester.check(panel.model)
    assert panel.view.objectName() == "quantitiesView"
    rows = _rows(panel)
    assert [row[0] for row in rows] == ["12,000", "340", "$1.5 million", "40 km"]
    assert rows[0][1:4] == ["12,000", "count", "passengers"]
    assert rows[2][1:3] == ["1,500,000", "USD"]
    assert rows[3][2] == "kilometre (= 25 miles)"
    assert rows[0][4].startswith("The route opened in 2019")


def test_figures_sort_by_number_not_by_text(qtbot):
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    document, analysis = _analysis()
    panel.show_analysis(document, analysis)
    panel.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in _rows(panel)] == ["$1.5 million", "12,000", "340", "40 km"]
    # A new article keeps the reader's order.
    panel.show_analysis(document, analysis)
    assert _rows(panel)[0][0] == "$1.5 million"


def test_figures_copy_as_csv_and_click_to_go_there(qtbot):
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    document, analysis = _analysis()
    panel.show_analysis(document, analysis)
    panel.copy_button.click()
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text())))
    assert rows[0] == ["figure", "value", "unit", "counts", "sentence"]
    assert rows[1][:4] == ["12,000", "12000", "count", "passengers"]
    with qtbot.waitSignal(panel.quantityActivated) as signal:
        panel.view.clicked.emit(panel.model.index(1, 3))
    start, end = signal.args
    assert document.text[start:end] == "340"


def test_figures_without_figures_say_so(qtbot):
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    document, _ = _analysis()
    panel.show_analysis(document, Analysis())
    assert panel.note.text() == "The article gives no figures."
    assert not panel.copy_button.isEnabled()


def test_article_date_dialog_starts_at_the_date_and_returns_the_choice(qtbot):
    dialog = ArticleDateDialog(ReferenceDate(date(2024, 3, 14), "file"))
    qtbot.addWidget(dialog)
    assert dialog.chosen_date() == date(2024, 3, 14)
    dialog.date_edit.setDate(QDate(2023, 12, 1))
    assert dialog.chosen_date() == date(2023, 12, 1)
