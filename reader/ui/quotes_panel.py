"""The quotes panel: who said what, grouped by speaker, each quote one click from the article.

Follows the panel protocol (`reader.ui.panels.Panel`): the registry docks it as a tab
beside the summary. With an article view, a click scrolls there and marks the quote
(`reader.ui.quote_marks`), and its View › Show Quotes tints every quote in its speaker's
colour (remembered in the settings).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
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
from reader.ui.article_view import ArticleView
from reader.ui.quote_marks import (
    clear_quote_tints,
    mark_quote,
    plain,
    short_text,
    show_quote_tints,
)
from reader.ui.quote_marks import said_label as said_label  # for entity details and tests
from reader.ui.session import Reason
from reader.ui.settings import Settings
from reader.ui.when_shown import WhenShown

UNATTRIBUTED = "Unattributed"
SHOW_QUOTES_SETTING = "view/showQuotes"
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
            as_written.setdefault(plain(speaker.name), []).append(quote)
    groups = [
        SpeakerGroup(salience[key][1].name, key, tuple(quotes))
        for key, quotes in sorted(by_key.items(), key=lambda kv: salience[kv[0]][0])
    ]
    groups.extend(SpeakerGroup(name, None, tuple(quotes)) for name, quotes in as_written.items())
    if unattributed:
        groups.append(SpeakerGroup(UNATTRIBUTED, None, tuple(unattributed)))
    return tuple(groups)


def quote_citation(quote: Quote, title: str) -> str:
    """A quote as a reader would paste it: “…” — speaker, in the article's title."""
    speaker = quote.speaker.name if quote.speaker is not None else "unattributed"
    source = f", in “{plain(title)}”" if title.strip() else ""
    return f"“{plain(quote.text)}” — {plain(speaker)}{source}"


class QuotesPanel(QWidget):
    """Quotes grouped by speaker, with a speaker filter and copying.

    Signals:
        quoteActivated(int, int): the reader clicked a quote (or pressed Enter on it);
            the arguments are its content offsets in `Document.text`.
    """

    quoteActivated = Signal(int, int)

    title = "Quotes"
    dock_name = "quotesDock"
    dock_area = Qt.DockWidgetArea.RightDockWidgetArea
    tab_with = "summaryDock"

    @classmethod
    def create(cls, context) -> QuotesPanel:
        """The registry's factory: clicks and Show Quotes go to the window's article view."""
        return cls(context.parent, context.view, context.settings)

    def __init__(
        self,
        parent: QWidget | None = None,
        view: ArticleView | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quotesView")
        self.setAccessibleName("Quotes")
        self._view = view
        self._settings = settings
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._groups: tuple[SpeakerGroup, ...] | None = ()  # None: not grouped yet
        self._when_shown = WhenShown(self, self._fill)  # the tree waits to be seen

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
        header = self.tree.header()  # the quote takes the width; the cue only what it needs
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.message = QLabel(self)
        self.message.setObjectName("quotesMessage")
        self.message.setWordWrap(True)

        self.copy_action = QAction("Copy Quote", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_current)
        self.tree.addAction(self.copy_action)
        # The window's Edit › Copy has Ctrl+C too: in the tree, the tree's copy wins.
        self.tree.installEventFilter(self)

        self.show_quotes_action = QAction("Show &Quotes", self)
        self.show_quotes_action.setObjectName("showQuotesAction")
        self.show_quotes_action.setCheckable(True)
        self.show_quotes_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.show_quotes_action.setToolTip("Tint every quote in its speaker's colour")
        if settings is not None:
            self.show_quotes_action.setChecked(settings.value(SHOW_QUOTES_SETTING, False, bool))
        self.show_quotes_action.toggled.connect(self._on_show_quotes)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)

        self.filter_box.textChanged.connect(self._apply_filter)
        self.tree.activated.connect(self._on_activated)
        self.tree.clicked.connect(self._on_activated)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        if view is not None:
            self.quoteActivated.connect(self._go_to)
        self.clear()

    # --- API -------------------------------------------------------------------------

    def show_quotes(self, document: Document, analysis: Analysis) -> None:
        """Fill the tree from `analysis.quotes` of `document`.

        A panel out of sight (a tab behind the summary) fills when it is shown: thousands
        of quotes take a fifth of a second, which the window need not stall for.
        """
        self._document, self._analysis = document, analysis
        self._groups = None  # grouped when filled or asked for, not while out of sight
        self._set_message("" if analysis.quotes else "No quotes in this article.")
        self._when_shown.request()

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for group in self.groups:
            self.model.appendRow(self._speaker_row(group))
        self.tree.expandAll()
        self._apply_filter(self.filter_box.text())

    def clear(self) -> None:
        """Empty the panel (no article, or a new one not analysed yet)."""
        self._document = self._analysis = None
        self._groups = ()
        self._when_shown.cancel()
        self.model.removeRows(0, self.model.rowCount())
        self._set_message("Open an article to see who said what.")

    # --- panel protocol ----------------------------------------------------------------

    def widget(self) -> QWidget:
        return self

    def menu_actions(self) -> list[QAction]:
        return [self.show_quotes_action]

    def show_pending(self, document: Document) -> None:
        self.clear()
        self._set_message("Analysing…")

    def show_analysis(
        self, document: Document, analysis: Analysis, reason: str = Reason.NEW.value
    ) -> None:
        """List the quotes; a correction or a retypeset keeps the scroll position."""
        scroll = self.tree.verticalScrollBar().value()
        self.show_quotes(document, analysis)
        if reason in (Reason.CORRECTED, Reason.RETYPESET):
            self.tree.verticalScrollBar().setValue(scroll)
        if self._view is not None and self.show_quotes_action.isChecked():
            show_quote_tints(self._view, analysis)

    def show_unavailable(self, message: str) -> None:
        self.clear()
        self._set_message(f"Quotes are unavailable. {message}")

    @property
    def groups(self) -> tuple[SpeakerGroup, ...]:
        if self._groups is None:
            analysis = self._analysis
            self._groups = group_by_speaker(analysis) if analysis is not None else ()
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

    def eventFilter(self, watched, event: QEvent) -> bool:
        is_key = event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if watched is self.tree and is_key and event.matches(QKeySequence.StandardKey.Copy):
            if event.type() == QEvent.Type.KeyPress:
                self.copy_current()
            event.accept()
            return event.type() == QEvent.Type.KeyPress
        return super().eventFilter(watched, event)

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
            text.setToolTip(f"{quote.kind.capitalize()} quote: {plain(quote.text)}")
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

    @Slot(int, int)
    def _go_to(self, start: int, end: int) -> None:
        if self._view is not None:
            mark_quote(self._view, self._analysis, start, end)

    @Slot(bool)
    def _on_show_quotes(self, checked: bool) -> None:
        if self._settings is not None:
            self._settings.set_value(SHOW_QUOTES_SETTING, checked)
        if self._view is None:
            return
        if checked:
            show_quote_tints(self._view, self._analysis)
        else:
            clear_quote_tints(self._view)

    def _show_context_menu(self, position: QPoint) -> None:
        if self.current_quote() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.exec(self.tree.viewport().mapToGlobal(position))
