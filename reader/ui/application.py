"""Application-wide set-up: names (for QSettings), settings format, icon."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from reader.ui.about import application_icon


def configure_application(app: QApplication, name: str, organization: str, version: str) -> None:
    """Name the app so QSettings finds its file; INI files are readable and repairable by hand."""
    app.setApplicationName(name)
    app.setApplicationDisplayName(name)
    app.setOrganizationName(organization)
    app.setApplicationVersion(version)
    app.setDesktopFileName("io.github.reader_news.Reader")
    app.setWindowIcon(application_icon())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


# The first window's size when none is remembered, made smaller on a smaller screen.
FIRST_WINDOW_SIZE = QSize(1200, 820)


def first_window_size(screen: QScreen | None) -> QSize:
    """FIRST_WINDOW_SIZE, or nine tenths of the screen's free area where that is smaller."""
    if screen is None:
        return FIRST_WINDOW_SIZE
    free = screen.availableGeometry().size() * 0.9
    return FIRST_WINDOW_SIZE.boundedTo(free)
