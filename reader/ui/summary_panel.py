"""The summary pane: the article's own key points and a generated summary of its body.

Changing the length asks the analysis service for another length of the analysis
already made (no model call). The pane is typeset with QTextCursor from article text,
like the article itself, so nothing in an article is ever read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.analysis import Analysis, EntityGroup, SummarySentence
from reader.analysis.model import (
    DEFAULT_SUMMARY_LENGTH,
    MAX_SUMMARY_LENGTH,
    MIN_SUMMARY_LENGTH,
)
from reader.document import BlockKind, Document
from reader.ui.article_view import ArticleView
from reader.ui.colors import accent_color, group_color, tint
from reader.ui.layers import SUMMARY_ORDER, SpanLayer, SpanStyle
from reader.ui.session import Reason

LENGTH_SETTING = "summary/length"
KEY_POINTS_COLLAPSED_SETTING = "summary/keyPointsCollapsed"
TOGGLE_KEY_POINTS = "toggle:kp"
SUMMARY_TINT = 0.3
SUMMARY_LAYER = "summary"


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class SummaryPanel(QWidget):
    """Dock contents: the summary, then the key points (foldable, remembered); a click on a
    sentence scrolls the article there and marks it.

    Follows the panel protocol (`reader.ui.panels.Panel`).

    Signals:
        lengthChanged(int): the reader chose another summary length (already remembered).
    """

    lengthChanged = Signal(int)

    title = "Summary"
    dock_name = "summaryDock"
    dock_area = Qt.DockWidgetArea.RightDockWidgetArea

    @classmethod
    def create(cls, context) -> SummaryPanel:
        """The registry's factory: other lengths are asked of the analysis service."""
        return cls(context.view, context.settings, context.parent, context.session.service.summary)

    def __init__(
        self,
        view: ArticleView,
        settings=None,
        parent: QWidget | None = None,
        summarize: Callable[[Document, Analysis, int], tuple[SummarySentence, ...]] | None = None,
    ) -> None:
        """`summarize(document, analysis, length)` gives other lengths (default: a prefix)."""
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self._view = view
        self._settings = settings
        self._summarize_at = summarize
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._key_points: tuple[_Span, ...] = ()
        self._summary: tuple[SummarySentence, ...] = ()
        self._note = ""
        self._key_points_collapsed = bool(
            settings is not None and settings.value(KEY_POINTS_COLLAPSED_SETTING, False, bool)
        )

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("summaryView")
        self.browser.setAccessibleName(self.tr("Summary"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.length_box = QSpinBox(self)
        self.length_box.setObjectName("summaryLength")
        self.length_box.setAccessibleName(self.tr("Summary length in sentences"))
        self.length_box.setRange(MIN_SUMMARY_LENGTH, MAX_SUMMARY_LENGTH)
        self.length_box.setSuffix(self.tr(" sentences"))
        self.length_box.setValue(self._stored_length())
        length_label = QLabel(self.tr("&Length:"), self)
        length_label.setBuddy(self.length_box)

        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copySummary")
        self.copy_button.setToolTip(self.tr("Copy the key points and summary as plain text"))
        self.copy_markdown_button = QPushButton(self.tr("Copy as Markdown"), self)
        self.copy_markdown_button.setObjectName("copySummaryMarkdown")
        self.copy_markdown_button.setToolTip(
            self.tr("Copy the title, key points and summary as Markdown")
        )

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(length_label)
        controls.addWidget(self.length_box)
        controls.addStretch(1)
        controls.addWidget(self.copy_button)
        controls.addWidget(self.copy_markdown_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.browser, 1)

        self.length_box.valueChanged.connect(self._on_length_changed)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.browser.customContextMenuRequested.connect(self._show_context_menu)
        self.copy_button.clicked.connect(self.copy_plain_text)
        self.copy_markdown_button.clicked.connect(self.copy_markdown)
        self._render()

    def sizeHint(self) -> QSize:
        """Tall enough for a three-sentence summary beside the entity list."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 380))

    # --- panel protocol -----------------------------------------------------------

    def show_pending(self, document: Document) -> None:
        self._set_document(document)
        self._set_analysis(None)
        self._summary = ()
        self._note = self.tr("Analysing…")
        self._render()

    def widget(self) -> QWidget:
        return self

    def menu_actions(self) -> list:
        return []

    def show_analysis(self, document: Document, analysis: Analysis, reason: str) -> None:
        if document is not self._document:
            self._set_document(document)
        scroll = self.browser.verticalScrollBar().value()
        self._set_analysis(analysis)
        self._summary = self._summarize(self.length_box.value())
        self._note = "" if self._summary else self.tr("The body is too short to summarize.")
        self._render()
        if reason in (Reason.CORRECTED, Reason.RETYPESET):
            self.browser.verticalScrollBar().setValue(scroll)

    def show_unavailable(self, message: str) -> None:
        self._set_analysis(None)
        self._summary = ()
        self._note = f"The summary is unavailable. {message}"
        self._render()

    def _set_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis

    def _set_document(self, document: Document) -> None:
        self._document = document
        self._key_points = tuple(
            _Span(b.start, b.end) for b in document.blocks_of(BlockKind.KEY_POINT)
        )

    # --- what is shown ---------------------------------------------------------------

    @property
    def summary(self) -> tuple[SummarySentence, ...]:
        return self._summary

    @property
    def key_points(self) -> list[str]:
        document = self._document
        return (
            [_plain(document.text[s.start : s.end]) for s in self._key_points] if document else []
        )

    def _summarize(self, length: int) -> tuple[SummarySentence, ...]:
        analysis, document = self._analysis, self._document
        if analysis is None or document is None:
            return ()
        if self._summarize_at is None:
            return analysis.summary[:length]
        return self._summarize_at(document, analysis, length)

    @property
    def key_points_collapsed(self) -> bool:
        return self._key_points_collapsed

    def set_key_points_collapsed(self, collapsed: bool) -> None:
        """Fold the key points under their label (they are at the top of the article too)."""
        self._key_points_collapsed = collapsed
        if self._settings is not None:
            self._settings.set_value(KEY_POINTS_COLLAPSED_SETTING, collapsed)
        self._render()

    def _render(self) -> None:
        """Typeset the pane with QTextCursor, as the article is: article text is never markup."""
        palette = self.browser.palette()
        self.browser.clear()
        cursor = QTextCursor(self.browser.document())
        quiet = QTextCharFormat()
        quiet.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        document = self._document
        if document is None:
            cursor.insertText(self.tr("Open an article to see its gist here."), quiet)
        else:
            # The summary comes first: the key points are at the top of the article already.
            self._heading(cursor, self.tr("SUMMARY"), True)
            for i, sentence in enumerate(self._summary):
                cursor.insertBlock(_spaced(10), QTextCharFormat())
                self._insert_marked(cursor, sentence, f"s:{i}")
            if self._note:
                cursor.insertBlock(_spaced(0), QTextCharFormat())
                cursor.insertText(self._note, quiet)
            if self._key_points:
                glyph = "▸" if self._key_points_collapsed else "▾"
                title = f"{glyph}\u00a0{self.tr('KEY POINTS')}"
                self._heading(cursor, title, False, href=TOGGLE_KEY_POINTS)
                if not self._key_points_collapsed:
                    items = QTextListFormat()
                    items.setStyle(QTextListFormat.Style.ListDisc)
                    items.setIndent(1)
                    for i, span in enumerate(self._key_points):
                        if i == 0:
                            cursor.insertBlock(_spaced(4), QTextCharFormat())
                            cursor.createList(items)
                        else:  # the next item of the same list
                            cursor.insertBlock(cursor.blockFormat(), QTextCharFormat())
                        self._insert_marked(cursor, span, f"kp:{i}")
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        has_content = bool(self._summary or self._key_points)
        self.copy_button.setEnabled(has_content)
        self.copy_markdown_button.setEnabled(has_content)

    def _heading(self, cursor: QTextCursor, text: str, first: bool, href: str = "") -> None:
        block = _spaced(6)
        block.setTopMargin(2 if first else 14)
        if first:
            cursor.setBlockFormat(block)
        else:
            cursor.insertBlock(block, QTextCharFormat())
        current = cursor.currentList()
        if current is not None:  # the heading after the key points is not an item
            current.remove(cursor.block())
            block.setIndent(0)
            cursor.setBlockFormat(block)
        fmt = QTextCharFormat()
        fmt.setForeground(accent_color(self.browser.palette()))
        fmt.setFontWeight(600)
        if href:  # a heading that folds what is under it
            fmt.setAnchor(True)
            fmt.setAnchorHref(href)
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        cursor.insertText(text, fmt)

    def _mentions_in(self, start: int, end: int) -> list[tuple[int, int, EntityGroup]]:
        """Mentions inside [start, end), by position."""
        entities = self._analysis.entities if self._analysis is not None else ()
        return sorted(
            (m.start, m.end, e.group) for e in entities for m in e.mentions_within(start, end)
        )

    def _insert_marked(self, cursor: QTextCursor, span, href: str) -> None:
        """A span of the article as a link, its entity mentions tinted in their group colour."""
        document = self._document
        assert document is not None
        palette = self.browser.palette()
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setAnchorHref(href)
        link.setForeground(palette.color(QPalette.ColorRole.Text))
        pieces: list[tuple[str, EntityGroup | None]] = []
        position = span.start
        for start, end, group in self._mentions_in(span.start, span.end):
            if start < position:
                continue  # overlapping mentions: the first one wins
            pieces.append((_plain_keep_edges(document.text[position:start]), None))
            pieces.append((document.text[start:end], group))
            position = end
        pieces.append((_plain_keep_edges(document.text[position : span.end]), None))
        if pieces:  # the spans are stripped sentences: no space at either end
            pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
            pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])
        for text, group in pieces:
            fmt = QTextCharFormat(link)
            if group is not None:
                # Softer than the article's highlights: the summary is read, not searched.
                fmt.setBackground(tint(group_color(group), palette, SUMMARY_TINT))
            if text:
                cursor.insertText(text, fmt)

    # --- clicks ------------------------------------------------------------------------

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.toString() == TOGGLE_KEY_POINTS:
            self.set_key_points_collapsed(not self._key_points_collapsed)
            return
        kind, _, number = url.toString().partition(":")
        spans = self._key_points if kind == "kp" else self._summary
        try:
            span = spans[int(number)]
        except (ValueError, IndexError):
            return
        self.go_to(span.start, span.end)

    def go_to(self, start: int, end: int) -> None:
        """Scroll the article to a sentence and mark it until another is chosen."""
        view = self._view
        accent = view.palette().color(QPalette.ColorRole.Highlight).name()
        style = SpanStyle(background=accent, tint=0.22)
        view.set_span_layer(SpanLayer(SUMMARY_LAYER, SUMMARY_ORDER, ((start, end),), style))
        view.scroll_to_offset(start, end)

    def click_summary_sentence(self, index: int) -> None:
        """What a click on the index-th summary sentence does (for keyboard and tests)."""
        self._on_anchor_clicked(QUrl(f"s:{index}"))

    def click_key_point(self, index: int) -> None:
        self._on_anchor_clicked(QUrl(f"kp:{index}"))

    # --- length -------------------------------------------------------------------------

    def _stored_length(self) -> int:
        if self._settings is None:
            return DEFAULT_SUMMARY_LENGTH
        value = self._settings.value(LENGTH_SETTING, DEFAULT_SUMMARY_LENGTH, int)
        return (
            value if MIN_SUMMARY_LENGTH <= value <= MAX_SUMMARY_LENGTH else DEFAULT_SUMMARY_LENGTH
        )

    @Slot(int)
    def _on_length_changed(self, length: int) -> None:
        if self._settings is not None:
            self._settings.set_value(LENGTH_SETTING, length)
        if self._analysis is not None:
            self._summary = self._summarize(length)
            self._render()
        self.lengthChanged.emit(length)

    # --- copying -----------------------------------------------------------------------

    def plain_text(self) -> str:
        parts: list[str] = []
        if self._key_points:
            parts.append("Key points\n" + "\n".join(f"• {p}" for p in self.key_points))
        if self._summary:
            parts.append("Summary\n" + " ".join(_plain(s.text) for s in self._summary))
        return "\n\n".join(parts)

    def markdown(self) -> str:
        document = self._document
        parts: list[str] = []
        if document is not None and document.title:
            parts.append(f"# {_plain(document.title)}")
        if self._key_points:
            parts.append("## Key points\n\n" + "\n".join(f"- {p}" for p in self.key_points))
        if self._summary:
            parts.append("## Summary\n\n" + " ".join(_plain(s.text) for s in self._summary))
        return "\n\n".join(parts) + "\n"

    @Slot()
    def copy_plain_text(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())

    @Slot()
    def copy_markdown(self) -> None:
        QGuiApplication.clipboard().setText(self.markdown())

    @Slot()
    def _show_context_menu(self, position) -> None:
        menu = QMenu(self)
        copy_selection = menu.addAction(self.tr("Copy Selection"), self.browser.copy)
        copy_selection.setEnabled(self.browser.textCursor().hasSelection())
        menu.addSeparator()
        menu.addAction(self.tr("Copy Summary"), self.copy_plain_text)
        menu.addAction(self.tr("Copy Summary as Markdown"), self.copy_markdown)
        menu.exec(self.browser.viewport().mapToGlobal(position))


def _spaced(bottom: int) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setBottomMargin(bottom)
    return block


def _plain_keep_edges(text: str) -> str:
    """Collapse runs of whitespace without dropping the single spaces around mentions."""
    return re.sub(r"\s+", " ", text)
