"""Find in article: a bar under the text with next/previous and a match count."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.article_view import ArticleView
from reader.ui.layers import FIND_ORDER, SpanLayer, SpanStyle

FIND_LAYER = "find"
# Lime is in no entity group's colours (Okabe–Ito), so a match never looks like an entity.
FIND_COLOR = "#7FFF00"
FIND_STYLE = SpanStyle(background=FIND_COLOR, tint=0.5)
CURRENT_MATCH_STYLE = SpanStyle(background=FIND_COLOR, foreground="#000000", bold=True)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every case-insensitive occurrence of `query` in `text`, as code-point spans."""
    if not query:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


class FindBar(QWidget):
    """Searches the article shown in an ArticleView; matches are its "find" span layer.

    Signals:
        closed(): the bar was hidden (Esc or the close button).
    """

    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(self.tr("Find in article"))
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._index = -1

        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName(self.tr("Find text"))
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setAccessibleName(self.tr("Matches"))
        self.count_label.setMinimumWidth(90)
        self.previous_button = self._button(
            "findPrevious", self.tr("Previous match (Shift+Enter)"), "▲"
        )
        self.next_button = self._button("findNext", self.tr("Next match (Enter)"), "▼")
        self.close_button = self._button("findClose", self.tr("Close (Esc)"), "✕")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.find_previous)
        self.hide()

    def _button(self, name: str, tip: str, glyph: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(glyph)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        return button

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_index(self) -> int:
        return self._index

    @Slot()
    def open_bar(self) -> None:
        self.show()
        selected = self._view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self._view.clear_layer(FIND_LAYER)
        self._view.setFocus()
        self.closed.emit()

    @Slot()
    def search(self) -> None:
        document = self._view.article
        query = self.field.text()
        self._matches = find_all(document.text, query) if document is not None else []
        self._index = 0 if self._matches else -1
        self._show_matches()

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self._matches:
            self.search()
            if not self._matches:
                return
        self._index = (self._index + delta) % len(self._matches)
        self._show_matches()

    def _show_matches(self) -> None:
        view = self._view
        layer = SpanLayer(
            FIND_LAYER,
            FIND_ORDER,
            tuple(self._matches),
            FIND_STYLE,
            current=self._index,
            current_style=CURRENT_MATCH_STYLE,
            mark=FIND_COLOR,
        )
        view.set_span_layer(layer)
        if self._index >= 0:
            start, end = self._matches[self._index]
            view.scroll_to_offset(start, end)
            self.count_label.setText(
                self.tr("%1 of %2")
                .replace("%1", str(self._index + 1))
                .replace("%2", str(len(self._matches)))
            )
        else:
            self.count_label.setText(self.tr("No matches") if self.field.text() else "")

    def refresh(self) -> None:
        """Re-run the search on a newly shown article, if the bar is open."""
        if self.isVisible():
            self.search()


__all__ = ["FindBar", "find_all"]
