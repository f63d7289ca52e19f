"""The summary pane: the article's own key points and a generated summary of its body.

Changing the length re-runs only the summarizer on the analysis already made. The
pane is rich text built from escaped article text, so nothing in an article is
ever read as markup.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat
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
from reader.analysis.model import DEFAULT_SUMMARY_LENGTH as DEFAULT_LENGTH
from reader.analysis.model import MAX_SUMMARY_LENGTH as MAX_LENGTH
from reader.analysis.model import MIN_SUMMARY_LENGTH as MIN_LENGTH
from reader.document import BlockKind, Document
from reader.ui.article_view import ArticleView
from reader.ui.colors import accent_color, group_color, tint

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

    Follows the panel protocol (show_pending / show_analysis / show_unavailable).

    Signals:
        lengthChanged(int): the reader chose another summary length (already remembered).
    """

    lengthChanged = Signal(int)

    def __init__(self, view: ArticleView, settings=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPanel")
        self._view = view
        self._settings = settings
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
        self.browser.setAccessibleName("Summary")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.length_box = QSpinBox(self)
        self.length_box.setObjectName("summaryLength")
        self.length_box.setAccessibleName("Summary length in sentences")
        self.length_box.setRange(MIN_LENGTH, MAX_LENGTH)
        self.length_box.setSuffix(" sentences")
        self.length_box.setValue(self._stored_length())
        length_label = QLabel("&Length:", self)
        length_label.setBuddy(self.length_box)

        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setObjectName("copySummary")
        self.copy_button.setToolTip("Copy the key points and summary as plain text")
        self.copy_markdown_button = QPushButton("Copy as Markdown", self)
        self.copy_markdown_button.setObjectName("copySummaryMarkdown")
        self.copy_markdown_button.setToolTip("Copy the title, key points and summary as Markdown")

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
        self._analysis = None
        self._summary = ()
        self._note = "Analysing…"
        self._render()

    def show_analysis(self, document: Document, analysis: Analysis) -> None:
        if document is not self._document:
            self._set_document(document)
        self._analysis = analysis
        self._summary = self._summarize(self.length_box.value())
        self._note = "" if self._summary else "The body is too short to summarize."
        self._render()

    def show_unavailable(self, message: str) -> None:
        self._analysis = None
        self._summary = ()
        self._note = f"The summary is unavailable. {message}"
        self._render()

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
        if not analysis.sentences or (analysis.summary and length == DEFAULT_LENGTH):
            return analysis.summary[:length]
        from reader.analysis.summary import summarize  # numpy loads only when needed

        return summarize(document, analysis.sentences, analysis.entities, length)

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
        palette = self.browser.palette()
        text_color = palette.color(QPalette.ColorRole.Text).name()
        quiet = palette.color(QPalette.ColorRole.PlaceholderText).name()
        accent = accent_color(palette).name()
        label = (
            f'<p style="margin-top:{{}}px; margin-bottom:6px; color:{accent}; '
            f'font-weight:600; font-size:small">{{}}</p>'
        )
        link = f'<a href="{{}}" style="color:{text_color}; text-decoration:none">{{}}</a>'
        parts: list[str] = []
        document = self._document
        if document is None:
            parts.append(f'<p style="color:{quiet}">Open an article to see its gist here.</p>')
        else:
            # The summary comes first: the key points are at the top of the article already.
            parts.append(label.format(2, "SUMMARY"))
            if self._summary:
                parts.extend(
                    f'<p style="margin-bottom:10px; line-height:135%">'
                    f"{link.format(f's:{i}', self._marked(s))}</p>"
                    for i, s in enumerate(self._summary)
                )
            if self._note:
                parts.append(f'<p style="color:{quiet}">{html.escape(self._note)}</p>')
            if self._key_points:
                glyph = "▸" if self._key_points_collapsed else "▾"
                toggle = (
                    f'<a href="{TOGGLE_KEY_POINTS}" style="color:{accent}; '
                    f'text-decoration:none">{glyph}&nbsp;KEY POINTS</a>'
                )
                parts.append(label.format(14, toggle))
                if not self._key_points_collapsed:
                    items = "".join(
                        f'<li style="margin-bottom:4px; line-height:135%">'
                        f"{link.format(f'kp:{i}', self._marked(s))}</li>"
                        for i, s in enumerate(self._key_points)
                    )
                    parts.append(f'<ul style="margin-left:0px; -qt-list-indent:1">{items}</ul>')
        self.browser.setHtml("".join(parts))
        has_content = bool(self._summary or self._key_points)
        self.copy_button.setEnabled(has_content)
        self.copy_markdown_button.setEnabled(has_content)

    def _mentions_in(self, start: int, end: int) -> list[tuple[int, int, EntityGroup]]:
        """Mentions inside [start, end), by position: a bisection per entity, no full scan."""
        found: list[tuple[int, int, EntityGroup]] = []
        if self._analysis is None:
            return found
        for entity in self._analysis.entities:
            mentions = entity.mentions
            k = bisect_left(mentions, start, key=lambda m: m.start)
            while k < len(mentions) and mentions[k].start < end:
                if mentions[k].end <= end:
                    found.append((mentions[k].start, mentions[k].end, entity.group))
                k += 1
        found.sort(key=lambda m: (m[0], m[1]))
        return found

    def _marked(self, span) -> str:
        """Escaped text of a span with its entity mentions tinted in their group colour."""
        document = self._document
        assert document is not None
        palette = self.browser.palette()
        mentions = self._mentions_in(span.start, span.end)
        out: list[str] = []
        position = span.start
        for start, end, group in mentions:
            if start < position:
                continue  # overlapping mentions: the first one wins
            out.append(html.escape(_plain_keep_edges(document.text[position:start])))
            # Softer than the article's highlights: the summary is read, not searched.
            background = tint(group_color(group), palette, SUMMARY_TINT).name()
            out.append(
                f'<span style="background-color:{background}">'
                f"{html.escape(document.text[start:end])}</span>"
            )
            position = end
        out.append(html.escape(_plain_keep_edges(document.text[position : span.end])))
        return "".join(out).strip()

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
        mark = QTextCharFormat()
        mark.setBackground(
            tint(QColor(view.palette().color(QPalette.ColorRole.Highlight)), view.palette(), 0.22)
        )
        view.set_layer(SUMMARY_LAYER, [view.make_selection(start, end, mark)])
        view.scroll_to_offset(start, end)

    def click_summary_sentence(self, index: int) -> None:
        """What a click on the index-th summary sentence does (for keyboard and tests)."""
        self._on_anchor_clicked(QUrl(f"s:{index}"))

    def click_key_point(self, index: int) -> None:
        self._on_anchor_clicked(QUrl(f"kp:{index}"))

    # --- length -------------------------------------------------------------------------

    def _stored_length(self) -> int:
        if self._settings is None:
            return DEFAULT_LENGTH
        value = self._settings.value(LENGTH_SETTING, DEFAULT_LENGTH, int)
        return value if MIN_LENGTH <= value <= MAX_LENGTH else DEFAULT_LENGTH

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
        copy_selection = menu.addAction("Copy Selection", self.browser.copy)
        copy_selection.setEnabled(self.browser.textCursor().hasSelection())
        menu.addSeparator()
        menu.addAction("Copy Summary", self.copy_plain_text)
        menu.addAction("Copy Summary as Markdown", self.copy_markdown)
        menu.exec(self.browser.viewport().mapToGlobal(position))


def _plain_keep_edges(text: str) -> str:
    """Collapse runs of whitespace without dropping the single spaces around mentions."""
    return re.sub(r"\s+", " ", text)
