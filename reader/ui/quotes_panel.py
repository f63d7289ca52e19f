"""The quotes panel: who said what, grouped by speaker, each quote one click from the article.

Self-contained: the main window (or the panel registry) feeds it with `show_quotes` and
connects `quoteActivated` to scrolling and marking in the article view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis import Analysis
from reader.analysis.model import Quote
from reader.document import Document

UNATTRIBUTED = "Unattributed"
SHORT_QUOTE_CHARS = 90
# Item data roles: where the quote is, and which quote of the analysis a row shows.
START_ROLE = Qt.ItemDataRole.UserRole + 1
END_ROLE = Qt.ItemDataRole.UserRole + 2
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 3
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 4


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    """The quotes one speaker gave: `key` is the entity key, or None when unresolved."""

    name: str
    key: str | None
    quotes: tuple[Quote, ...]


def group_by_speaker(analysis: Analysis) -> tuple[SpeakerGroup, ...]:
    """Speakers in salience order, then unresolved speakers as written, "Unattributed" last."""
    salience = {e.key: (index, e) for index, e in enumerate(analysis.entities)}
    by_key: dict[str, list[Quote]] = {}
    as_written: dict[str, list[Quote]] = {}
    unattributed: list[Quote] = []
    for quote in analysis.quotes:
        speaker = quote.speaker
        if speaker is None:
            unattributed.append(quote)
        elif speaker.key is not None and speaker.key in salience:
            by_key.setdefault(speaker.key, []).append(quote)
        else:
            as_written.setdefault(_plain(speaker.name), []).append(quote)
    groups = [
        SpeakerGroup(salience[key][1].name, key, tuple(quotes))
        for key, quotes in sorted(by_key.items(), key=lambda kv: salience[kv[0]][0])
    ]
    groups.extend(SpeakerGroup(name, None, tuple(quotes)) for name, quotes in as_written.items())
    if unattributed:
        groups.append(SpeakerGroup(UNATTRIBUTED, None, tuple(unattributed)))
    return tuple(groups)


def short_text(quote: Quote, limit: int = SHORT_QUOTE_CHARS) -> str:
    """The quote on one line, cut at a word near `limit` characters."""
    text = _plain(quote.text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;: ") + "…"


def quote_citation(quote: Quote, title: str) -> str:
    """A quote as a reader would paste it: “…” — speaker, in the article's title."""
    speaker = quote.speaker.name if quote.speaker is not None else "unattributed"
    source = f", in “{_plain(title)}”" if title.strip() else ""
    return f"“{_plain(quote.text)}” — {_plain(speaker)}{source}"


def said_label(count: int) -> str:
    """The entity-details line: "Said: 3 quotes"."""
    return f"Said: {count} quote{'s' if count != 1 else ''}"


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class QuotesPanel(QWidget):
    """Quotes grouped by speaker, with a speaker filter and copying.

    Signals:
        quoteActivated(int, int): the reader clicked a quote (or pressed Enter on it);
            the arguments are its content offsets in `Document.text`.
    """

    quoteActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotesView")
        self.setAccessibleName("Quotes")
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._groups: tuple[SpeakerGroup, ...] = ()

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("quotesFilter")
        self.filter_box.setAccessibleName("Filter quotes by speaker")
        self.filter_box.setPlaceholderText("Filter by speaker")
        self.filter_box.setClearButtonEnabled(True)

        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Quote", "Cue"])
        self.tree = QTreeView(self)
        self.tree.setObjectName("quotesTree")
        self.tree.setAccessibleName("Quotes by speaker")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.message = QLabel(self)
        self.message.setObjectName("quotesMessage")
        self.message.setWordWrap(True)

        self.copy_action = QAction("Copy Quote", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_current)
        self.tree.addAction(self.copy_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)

        self.filter_box.textChanged.connect(self._apply_filter)
        self.tree.activated.connect(self._on_activated)
        self.tree.clicked.connect(self._on_activated)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self.clear()

    # --- API -------------------------------------------------------------------------

    def show_quotes(self, document: Document, analysis: Analysis) -> None:
        """Fill the tree from `analysis.quotes` of `document`."""
        self._document, self._analysis = document, analysis
        self._groups = group_by_speaker(analysis)
        self.model.removeRows(0, self.model.rowCount())
        for group in self._groups:
            self.model.appendRow(self._speaker_row(group))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self._set_message("" if analysis.quotes else "No quotes in this article.")
        self._apply_filter(self.filter_box.text())

    def clear(self) -> None:
        """Empty the panel (no article, or a new one not analysed yet)."""
        self._document = self._analysis = None
        self._groups = ()
        self.model.removeRows(0, self.model.rowCount())
        self._set_message("Open an article to see who said what.")

    # The panel protocol the other docks follow.
    def show_pending(self, document: Document) -> None:
        self.clear()
        self._set_message("Analysing…")

    def show_analysis(self, document: Document, analysis: Analysis) -> None:
        self.show_quotes(document, analysis)

    def show_unavailable(self, message: str) -> None:
        self.clear()
        self._set_message(f"Quotes are unavailable. {message}")

    @property
    def groups(self) -> tuple[SpeakerGroup, ...]:
        return self._groups

    def quotes_for(self, key: str) -> tuple[Quote, ...]:
        """What the entity with `key` said (for "Said: N quotes" in entity details)."""
        return self._analysis.quotes_by(key) if self._analysis is not None else ()

    def visible_speakers(self) -> list[str]:
        root = QModelIndex()
        return [
            self.model.item(row).data(SPEAKER_ROLE)
            for row in range(self.model.rowCount())
            if not self.tree.isRowHidden(row, root)
        ]

    def current_quote(self) -> Quote | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return self.model.itemFromIndex(index.siblingAtColumn(0)).data(QUOTE_ROLE)

    @Slot()
    def copy_current(self) -> None:
        """Copy the current quote with its speaker and the article's title."""
        quote = self.current_quote()
        if quote is None:
            return
        title = self._document.title if self._document is not None else ""
        QGuiApplication.clipboard().setText(quote_citation(quote, title))

    # --- building --------------------------------------------------------------------

    def _speaker_row(self, group: SpeakerGroup) -> list[QStandardItem]:
        count = len(group.quotes)
        item = QStandardItem(f"{group.name} ({count})")
        item.setData(group.name, SPEAKER_ROLE)
        item.setToolTip(f"{group.name}: {count} quote{'s' if count != 1 else ''}")
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        for quote in group.quotes:
            text = QStandardItem(short_text(quote))
            text.setData(quote.start, START_ROLE)
            text.setData(quote.end, END_ROLE)
            text.setData(quote, QUOTE_ROLE)
            text.setToolTip(f"{quote.kind.capitalize()} quote: {_plain(quote.text)}")
            cue = QStandardItem(quote.cue.text if quote.cue is not None else "")
            item.appendRow([text, cue])
        return [item, QStandardItem("")]

    def _set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- reactions -------------------------------------------------------------------

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            name = self.model.item(row).data(SPEAKER_ROLE) or ""
            self.tree.setRowHidden(row, root, bool(needle) and needle not in name.lower())

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        item = self.model.itemFromIndex(index.siblingAtColumn(0))
        if item is None or item.data(QUOTE_ROLE) is None:
            return
        self.quoteActivated.emit(item.data(START_ROLE), item.data(END_ROLE))

    def _show_context_menu(self, position: QPoint) -> None:
        if self.current_quote() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.exec(self.tree.viewport().mapToGlobal(position))
