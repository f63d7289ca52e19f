"""Application-wide set-up: names (for QSettings), settings format, icon."""

from __future__ import annotations

from PySide6.QtCore import QSettings
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
