"""The figures: every quantity the article gives, in a sortable table, copyable as CSV.

A row says the figure as written, its value, its unit, what it counts ("troops") and
its sentence; the header sorts by any column (values by number). A click goes there.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis import Analysis
from reader.analysis.contexts import SentenceFinder
from reader.analysis.model import Quantity
from reader.document import Document
from reader.ui.article_view import ArticleView
from reader.ui.feature_marks import FIGURES_COLOR, FIGURES_LAYER, mark_feature
from reader.ui.session import Reason
from reader.ui.when_shown import WhenShown

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Figure", "Value", "Unit", "Counts", "Sentence")


def format_value(quantity: Quantity) -> str:
    """7000 -> "7,000"; 3.2e9 -> "3,200,000,000"; a range as "10–15"."""

    def number(value: float) -> str:
        return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"

    if quantity.high is not None:
        return f"{number(quantity.value)}–{number(quantity.high)}"
    return number(quantity.value)


class FiguresModel(QStandardItemModel):
    """One row per quantity; SORT_ROLE holds what each column sorts by."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setSortRole(SORT_ROLE)

    def set_quantities(self, document: Document | None, analysis: Analysis | None) -> None:
        self.removeRows(0, self.rowCount())
        if document is None or analysis is None:
            return
        finder = SentenceFinder(document, analysis)  # one lookup table for every row
        for quantity in analysis.quantities:
            counted = quantity.counted.text if quantity.counted else ""
            sentence = finder.text_around(quantity.start)
            unit = quantity.unit
            if quantity.conversion is not None:
                unit = f"{unit} (= {quantity.conversion.text})"
            cells = [
                (quantity.text, quantity.value),
                (format_value(quantity), quantity.value),
                (unit, unit.lower()),
                (counted, counted.lower()),
                (sentence, quantity.start),
            ]
            row = []
            for text, key in cells:
                item = QStandardItem(text)
                item.setEditable(False)
                item.setData(key, SORT_ROLE)
                item.setData((quantity.start, quantity.end), SPAN_ROLE)
                item.setToolTip(text)
                row.append(item)
            self.appendRow(row)

    def as_csv(self) -> str:
        """The rows in their present order, with a header line."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["figure", "value", "unit", "counts", "sentence"])
        for row in range(self.rowCount()):
            cells = [self.item(row, column) for column in range(len(COLUMNS))]
            value = cells[1].data(SORT_ROLE)
            writer.writerow(
                [cells[0].text(), f"{value:g}", cells[2].text(), cells[3].text(), cells[4].text()]
            )
        return buffer.getvalue()


class FiguresPanel(QWidget):
    """Dock contents: the table of figures and a Copy as CSV button.

    Follows the panel protocol (`reader.ui.panels.Panel`); with an article view, a
    click scrolls the article to the figure and marks it (and the others) there.

    Signals:
        quantityActivated(int start, int end): the reader clicked (or pressed Enter on) a
            figure; the offsets are the figure in `Document.text`.
    """

    quantityActivated = Signal(int, int)

    title = "Figures"
    dock_name = "figuresDock"
    dock_area = Qt.DockWidgetArea.RightDockWidgetArea
    tab_with = "timelineDock"

    @classmethod
    def create(cls, context) -> FiguresPanel:
        """The registry's factory: clicks go to the window's article view."""
        return cls(context.parent, context.view)

    def __init__(self, parent: QWidget | None = None, view: ArticleView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresPanel")
        self._pending: tuple[Document, Analysis, str] | None = None
        self._when_shown = WhenShown(self, self._fill)
        self._view = view
        self._spans: list[tuple[int, int]] = []
        self.model = FiguresModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("quantitiesView")
        self.view.setAccessibleName("Figures")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.note = QLabel(self)
        self.note.setObjectName("figuresNote")
        self.copy_button = QPushButton("Copy as CSV", self)
        self.copy_button.setObjectName("copyFiguresCsv")
        self.copy_button.setToolTip("Copy every figure, in the order shown, as CSV")
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.note, 1)
        controls.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self.view.clicked.connect(self._on_index)
        self.view.activated.connect(self._on_index)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.copy_button.clicked.connect(self.copy_csv)
        if view is not None:
            self.quantityActivated.connect(self._go_to)
        self.clear()

    # --- panel protocol -----------------------------------------------------------

    def widget(self) -> QWidget:
        return self

    def menu_actions(self) -> list:
        return []

    def clear(self) -> None:
        self._when_shown.cancel()
        self._spans = []
        self.model.set_quantities(None, None)
        self.note.setText("No article.")
        self.copy_button.setEnabled(False)

    def show_pending(self, document: Document) -> None:
        self.clear()
        self.note.setText("Analysing…")

    def show_unavailable(self, reason: str) -> None:
        self.clear()
        self.note.setText(reason)

    def show_analysis(
        self, document: Document, analysis: Analysis, reason: str = Reason.NEW.value
    ) -> None:
        """List the quantities of `analysis`, keeping the reader's sort order.

        A correction or a new article date keeps the scroll position too. Behind another
        tab, the table is built when the tab is chosen.
        """
        self._pending = (document, analysis, reason)
        self._when_shown.request()

    def _fill(self) -> None:
        assert self._pending is not None
        document, analysis, reason = self._pending
        scroll = self.view.verticalScrollBar().value()
        self._spans = [(q.start, q.end) for q in analysis.quantities]
        self.model.set_quantities(document, analysis)
        header = self.view.header()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        count = self.model.rowCount()
        self.note.setText("The article gives no figures." if count == 0 else f"{count} figures")
        self.copy_button.setEnabled(count > 0)
        for column in range(4):
            self.view.resizeColumnToContents(column)
        if reason in (Reason.CORRECTED, Reason.RETYPESET):
            self.view.verticalScrollBar().setValue(scroll)

    @Slot()
    def copy_csv(self) -> None:
        QGuiApplication.clipboard().setText(self.model.as_csv())

    @Slot(QModelIndex)
    def _on_index(self, index: QModelIndex) -> None:
        span = index.data(SPAN_ROLE)
        if span:
            self.quantityActivated.emit(int(span[0]), int(span[1]))

    @Slot(int, int)
    def _go_to(self, start: int, end: int) -> None:
        if self._view is not None:
            mark_feature(self._view, FIGURES_LAYER, FIGURES_COLOR, self._spans, (start, end))

    def _show_context_menu(self, position) -> None:
        menu = QMenu(self)
        menu.addAction("Copy as CSV", self.copy_csv).setEnabled(self.model.rowCount() > 0)
        menu.exec(self.view.viewport().mapToGlobal(position))
