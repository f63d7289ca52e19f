"""View › Article Date…: the reader sets the date an article's "Tuesday" counts from."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import ReferenceDate
from reader.ui.session import ArticleSession

_SOURCES = {
    "text": "Reader read it from the article.",
    "file": "The article gives none: this is the file's date, a guess.",
    "user": "You set it.",
}


class ArticleDateDialog(QDialog):
    """A date field with a calendar, starting at the present reference date."""

    def __init__(self, current: ReferenceDate | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleDateDialog")
        self.setWindowTitle("Article Date")
        start = current.date if current else date.today()
        explanation = QLabel(
            "Times such as “on Tuesday” or “last week” are counted from this date. "
            + (_SOURCES.get(current.source, "") if current else ""),
            self,
        )
        explanation.setWordWrap(True)
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.date_edit.setObjectName("articleDate")
        self.date_edit.setAccessibleName("Article date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.date_edit)
        layout.addWidget(buttons)

    def chosen_date(self) -> date:
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())


def describe_reference_date(reference: ReferenceDate | None) -> str:
    """For the status bar: "Dated 6 March 2025", with "(a guess)" when it is the file's date."""
    if reference is None:
        return ""
    when = f"{reference.date.day} {reference.date.strftime('%B %Y')}"
    note = {"file": " (a guess)", "user": " (set by you)"}.get(reference.source, "")
    return f"Dated {when}{note}"


def ask_article_date(current: ReferenceDate | None, parent: QWidget | None = None) -> date | None:
    """The date the reader chose, or None if they cancelled."""
    dialog = ArticleDateDialog(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen_date()


def choose_article_date(session: ArticleSession, parent: QWidget | None = None) -> None:
    """View › Article Date…: ask, then have the session resolve the times again."""
    if session.document is None:
        return
    analysis = session.analysis
    day = ask_article_date(analysis.reference_date if analysis else None, parent)
    if day is not None:
        session.set_reference_date(day)


def article_date_action(session: ArticleSession, window: QWidget) -> QAction:
    """View › Article Date…, for the window's View menu."""
    action = QAction(window.tr("Article &Date…"), window)
    action.setObjectName("articleDateAction")
    action.triggered.connect(lambda: choose_article_date(session, window))
    return action
