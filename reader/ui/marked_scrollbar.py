"""A scrollbar that shows where highlighted mentions are, like an editor's search marks."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget

MARK_HEIGHT = 3


class MarkedScrollBar(QScrollBar):
    """Paints marks in the groove at relative positions 0.0 (top) to 1.0 (bottom)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleScrollBar")
        self._marks: list[tuple[float, QColor]] = []

    @property
    def marks(self) -> list[tuple[float, QColor]]:
        return list(self._marks)

    def set_marks(self, marks: Iterable[tuple[float, QColor]]) -> None:
        self._marks = [(min(1.0, max(0.0, f)), QColor(c)) for f, c in marks]
        self.update()

    def clear_marks(self) -> None:
        if self._marks:
            self._marks = []
            self.update()

    def groove_rect(self):
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar,
            option,
            QStyle.SubControl.SC_ScrollBarGroove,
            self,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks:
            return
        groove = self.groove_rect()
        span = max(1, groove.height() - MARK_HEIGHT)
        # Many mentions land on the same pixel row: paint each row once.
        rows: dict[int, QColor] = {}
        for fraction, color in self._marks:
            rows.setdefault(groove.top() + round(fraction * span), color)
        painter = QPainter(self)
        left = groove.left() + 2
        width = max(2, groove.width() - 4)
        outline = QColor(0, 0, 0, 70)
        for y, color in rows.items():
            painter.fillRect(left, y, width, MARK_HEIGHT, color)
            painter.setPen(outline)
            painter.drawRect(left, y, width - 1, MARK_HEIGHT - 1)
        painter.end()
