"""The status bar's permanent part: what the analysis is doing, and the article's length."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from reader.analysis import Analysis
from reader.document import Document
from reader.ui.article_date_dialog import describe_reference_date
from reader.ui.plurals import plural
from reader.ui.session import Reason

# Below this many characters the analysis is quick enough that a progress bar would only flicker.
PROGRESS_MIN_CHARS = 20_000


class ArticleStatus(QObject):
    """Analysis state, a progress bar for long articles, word count and reading time."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._bar = bar
        bar.setObjectName("statusBar")
        self.analysis_label = self._label("analysisStatus", self.tr("Analysis status"))
        self.progress_bar = QProgressBar(bar)
        self.progress_bar.setObjectName("analysisProgress")
        self.progress_bar.setAccessibleName(self.tr("Analysis progress"))
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        self.words_label = self._label("wordCount", self.tr("Word count and reading time"))
        self.date_label = self._label("articleDate", self.tr("The article's date"))
        self.date_label.setToolTip(
            self.tr(
                "Times such as “on Tuesday” count from this date. View › Article Date… sets it."
            )
        )
        bar.addPermanentWidget(self.date_label)
        bar.addPermanentWidget(self.analysis_label)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.words_label)

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self._bar)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        return label

    @Slot(object)
    def show_opened(self, document: Document) -> None:
        words = self.tr("%1 words · %2 min read")
        self.words_label.setText(
            words.replace("%1", f"{document.word_count:,}").replace(
                "%2", str(document.reading_minutes)
            )
        )
        self._bar.clearMessage()
        self.date_label.clear()
        self.analysis_label.setText(self.tr("Analysing…"))
        self.progress_bar.setValue(0)
        self.progress_bar.setVisible(len(document.text) >= PROGRESS_MIN_CHARS)

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(min(100, round(100 * done / total)))

    @Slot(object, str)
    def show_analysis(self, analysis: Analysis, reason: str) -> None:
        if reason == Reason.RETYPESET:
            return
        self.progress_bar.hide()
        self.analysis_label.setText(plural("%n entities", len(analysis.entities)))
        self.date_label.setText(describe_reference_date(analysis.reference_date))

    @Slot(str)
    def show_failure(self, message: str) -> None:
        self.progress_bar.hide()
        self.analysis_label.setText(self.tr("Entities unavailable"))
        self._bar.showMessage(message, 15000)

    @Slot(str)
    def show_message(self, text: str) -> None:
        """A passing message ("mention 2 of 6"); "" clears it."""
        if text:
            self._bar.showMessage(text)
        else:
            self._bar.clearMessage()
