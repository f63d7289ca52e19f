"""The timeline: the article's dated statements in date order, around the article's own date.

Each time the article gives ("on Tuesday", "last March", "in 2019") is resolved against
the article's date by the analysis; here the dated ones are listed earliest first, before
and after the article's date apart, each with its date in words and its sentence. A strip
above the list shows where they fall. Durations, sets and vague references ("recently")
have no place on a line and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.analysis import Analysis
from reader.analysis.contexts import SentenceFinder
from reader.analysis.model import ReferenceDate, TimeExpression
from reader.document import Document
from reader.ui.article_view import ArticleView
from reader.ui.feature_marks import TIMES_COLOR, TIMES_LAYER, mark_feature
from reader.ui.session import Reason
from reader.ui.when_shown import WhenShown

# The time rules (reader.analysis.times) load when a timeline is first drawn, not with the
# window: compiling their patterns would delay the first sight of the article.

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
_SOURCES = {
    "text": "given in the article",
    "file": "the file's date, a guess",
    "user": "set by you",
}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated statement: the time expression, the days it covers and its sentence."""

    time: TimeExpression
    first: date
    last: date
    sentence: str


def timeline_entries(document: Document, analysis: Analysis) -> list[TimelineEntry]:
    """The analysis's dated times in date order (earliest first, then by position)."""
    from reader.analysis.times import timex_interval

    entries = []
    finder = SentenceFinder(document, analysis)  # one lookup table for every row
    for time in analysis.times:
        interval = timex_interval(time.value)
        if interval is None:
            continue
        sentence = finder.text_around(time.start)
        entries.append(TimelineEntry(time, interval[0], interval[1], sentence))
    entries.sort(key=lambda e: (e.first, e.last, e.time.start))
    return entries


class TimelineStrip(QWidget):
    """A horizontal line from the earliest to the latest date, a tick for each entry.

    The article's date is a taller mark in the highlight colour.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineStrip")
        self.setAccessibleName("Where the article's dates fall")
        self.setMinimumHeight(48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._entries: list[TimelineEntry] = []
        self._reference: date | None = None

    def sizeHint(self) -> QSize:
        return QSize(200, 52)

    def set_entries(self, entries: list[TimelineEntry], reference: date | None) -> None:
        from reader.analysis.times import describe_value

        self._entries = entries
        self._reference = reference
        tips = [f"{describe_value(e.time.value)}: {e.time.text}" for e in entries[:20]]
        self.setToolTip("\n".join(tips))
        self.update()

    def positions(self) -> list[float]:
        """Where each entry (then the article's date) falls, from 0 (earliest) to 1 (latest)."""
        days = [e.first.toordinal() for e in self._entries]
        if self._reference is not None:
            days.append(self._reference.toordinal())
        if not days:
            return []
        low, high = min(days), max(days)
        return [0.5 if high == low else (day - low) / (high - low) for day in days]

    def paintEvent(self, event) -> None:
        from reader.analysis.times import describe_value

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        margin = 10.0
        width = max(1.0, self.width() - 2 * margin)
        middle = (self.height() - self.fontMetrics().height()) / 2
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(margin, middle), QPointF(margin + width, middle))
        positions = self.positions()
        if not positions:
            return
        days = [e.first for e in self._entries]
        if self._reference is not None:
            days.append(self._reference)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        label_top = self.height() - self.fontMetrics().height()
        label_box = QRectF(margin, label_top, width, self.fontMetrics().height())
        painter.drawText(
            label_box, Qt.AlignmentFlag.AlignLeft, describe_value(min(days).isoformat())
        )
        if max(days) != min(days):
            painter.drawText(
                label_box, Qt.AlignmentFlag.AlignRight, describe_value(max(days).isoformat())
            )
        reference = positions.pop() if self._reference is not None else None
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2))
        for position in positions:
            x = margin + position * width
            painter.drawLine(QPointF(x, middle - 6), QPointF(x, middle + 6))
        if reference is not None:
            x = margin + reference * width
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(QRectF(x - 2, middle - 12, 4, 24))


class TimelinePanel(QWidget):
    """Dock contents: the article's date, a strip of where its dates fall, and the list.

    Follows the panel protocol (`reader.ui.panels.Panel`); with an article view, a
    click scrolls the article to the time and marks it (and the others) there.

    Signals:
        timeActivated(int start, int end): the reader clicked (or pressed Enter on) a
            dated statement; the offsets are its time expression in `Document.text`.
    """

    timeActivated = Signal(int, int)

    title = "Timeline"
    dock_name = "timelineDock"
    dock_area = Qt.DockWidgetArea.RightDockWidgetArea
    tab_with = "summaryDock"  # a tab beside the summary, not a third strip of the sidebar

    @classmethod
    def create(cls, context) -> TimelinePanel:
        """The registry's factory: clicks go to the window's article view."""
        return cls(context.parent, context.view)

    def __init__(self, parent: QWidget | None = None, view: ArticleView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self._pending: tuple[Document, Analysis, str] | None = None
        self._when_shown = WhenShown(self, self._fill)
        self._view = view
        self._spans: list[tuple[int, int]] = []
        self.reference_label = QLabel(self)
        self.reference_label.setObjectName("timelineReference")
        self.reference_label.setWordWrap(True)
        self.strip = TimelineStrip(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("timelineView")
        self.tree.setAccessibleName("Timeline")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Date", "Said as", "Sentence"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.reference_label)
        layout.addWidget(self.strip)
        layout.addWidget(self.tree, 1)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        if view is not None:
            self.timeActivated.connect(self._go_to)
        self.clear()

    # --- panel protocol -----------------------------------------------------------

    def widget(self) -> QWidget:
        return self

    def menu_actions(self) -> list:
        return []

    def clear(self) -> None:
        self._when_shown.cancel()
        self._spans = []
        self.tree.clear()
        self.strip.set_entries([], None)
        self.reference_label.setText("No article.")

    def show_pending(self, document: Document) -> None:
        self.clear()
        self.reference_label.setText("Analysing…")

    def show_unavailable(self, reason: str) -> None:
        self.clear()
        self.reference_label.setText(reason)

    def show_analysis(
        self, document: Document, analysis: Analysis, reason: str = Reason.NEW.value
    ) -> None:
        """List the dated statements of `analysis` around its reference date.

        A correction or a new article date keeps the row chosen and the scroll position.
        Behind another tab, the list is built when the tab is chosen.
        """
        self._pending = (document, analysis, reason)
        self._when_shown.request()

    def _fill(self) -> None:
        assert self._pending is not None
        document, analysis, reason = self._pending
        chosen = self.tree.currentItem().data(0, SPAN_ROLE) if self.tree.currentItem() else None
        scroll = self.tree.verticalScrollBar().value()
        self._show_entries(document, analysis)
        if reason in (Reason.CORRECTED, Reason.RETYPESET):
            self._reselect(chosen)
            self.tree.verticalScrollBar().setValue(scroll)

    def _reselect(self, span) -> None:
        if not span:
            return
        for row in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(row)
            for index in range(group.childCount()):
                if group.child(index).data(0, SPAN_ROLE) == span:
                    self.tree.setCurrentItem(group.child(index))
                    return

    def _show_entries(self, document: Document, analysis: Analysis) -> None:
        from reader.analysis.times import describe_value

        self.tree.clear()
        entries = timeline_entries(document, analysis)
        self._spans = [(e.time.start, e.time.end) for e in entries]
        reference = analysis.reference_date
        self.reference_label.setText(_reference_text(reference))
        self.strip.set_entries(entries, reference.date if reference else None)
        if not entries:
            item = QTreeWidgetItem(["The article gives no dates."])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(item)
            return
        groups = _grouped(entries, reference.date if reference else None)
        for title, members in groups:
            if not members and title != "The article's date":
                continue
            group = QTreeWidgetItem([f"{title} ({len(members)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            if title == "The article's date" and reference is not None:
                marker = QTreeWidgetItem(
                    [describe_value(reference.date.isoformat()), "(the article's date)", ""]
                )
                marker.setFlags(Qt.ItemFlag.ItemIsEnabled)
                marker.setFont(0, font)
                group.addChild(marker)
            for entry in members:
                item = QTreeWidgetItem(
                    [describe_value(entry.time.value), entry.time.text, entry.sentence]
                )
                item.setData(0, SPAN_ROLE, (entry.time.start, entry.time.end))
                item.setToolTip(2, entry.sentence)
                item.setToolTip(0, entry.time.value)
                group.addChild(item)
            group.setExpanded(True)
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)

    @Slot(QTreeWidgetItem, int)
    def _on_item(self, item: QTreeWidgetItem, _column: int) -> None:
        span = item.data(0, SPAN_ROLE)
        if span:
            self.timeActivated.emit(int(span[0]), int(span[1]))

    @Slot(int, int)
    def _go_to(self, start: int, end: int) -> None:
        if self._view is not None:
            mark_feature(self._view, TIMES_LAYER, TIMES_COLOR, self._spans, (start, end))


def _reference_text(reference: ReferenceDate | None) -> str:
    if reference is None:
        return "The article's date is not known."
    when = reference.date.strftime("%A %d %B %Y").replace(" 0", " ")
    return f"Article date: {when} ({_SOURCES.get(reference.source, reference.source)})"


def _grouped(
    entries: list[TimelineEntry], reference: date | None
) -> list[tuple[str, list[TimelineEntry]]]:
    """Before the article's date, on it (the stretch contains it), and after it."""
    if reference is None:
        return [("Dates", entries)]
    before = [e for e in entries if e.last < reference]
    after = [e for e in entries if e.first > reference]
    around = [e for e in entries if e.first <= reference <= e.last]
    return [("Before", before), ("The article's date", around), ("After", after)]
