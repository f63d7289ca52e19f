"""File › Open Recent: the session's recent files, kept in step with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.session import ArticleSession


class RecentMenu(QMenu):
    """Numbered recent files (the full path as tooltip), then Clear Recent."""

    def __init__(self, session: ArticleSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Open &Recent"), parent)
        self.setObjectName("recentMenu")
        self._session = session
        self.clear_action = QAction(self.tr("&Clear Recent"), self)
        self.clear_action.triggered.connect(session.clear_recent_files)
        session.recentFilesChanged.connect(self.rebuild)
        self.rebuild()

    @Slot()
    def rebuild(self) -> None:
        for act in self.actions():  # clear() would delete the Clear Recent action, too
            self.removeAction(act)
            if act is not self.clear_action:
                act.deleteLater()
        recent = self._session.recent_files()
        for index, path in enumerate(recent, start=1):
            label = f"&{index} {Path(path).name}" if index < 10 else Path(path).name
            act = self.addAction(label)
            act.setData(path)
            act.setToolTip(path)
            act.triggered.connect(lambda _checked=False, p=path: self._session.open_recent(p))
        if recent:
            self.addSeparator()
        self.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(recent))
