"""A scrollbar that shows where highlights are, like an editor's search marks: one set per layer."""

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
        self._layers: dict[str, list[tuple[float, QColor]]] = {}

    @property
    def marks(self) -> list[tuple[float, QColor]]:
        """Every layer's marks, in layer-name order."""
        return [mark for name in sorted(self._layers) for mark in self._layers[name]]

    def set_layer_marks(self, name: str, marks: Iterable[tuple[float, QColor]]) -> None:
        """Replace the marks of one layer; an empty list removes them."""
        clamped = [(min(1.0, max(0.0, f)), QColor(c)) for f, c in marks]
        if clamped or self._layers.pop(name, None) is not None:
            if clamped:
                self._layers[name] = clamped
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
        marks = self.marks
        if not marks:
            return
        groove = self.groove_rect()
        span = max(1, groove.height() - MARK_HEIGHT)
        # Many mentions land on the same pixel row: paint each row once.
        rows: dict[int, QColor] = {}
        for fraction, color in marks:
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
