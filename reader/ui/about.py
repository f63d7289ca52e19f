"""The About dialog and the application icon: what a user checks to know which Reader this is."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader import __version__
from reader.assets import resource_path

APP_LICENSE = "MIT"
UNKNOWN = "unknown"


def application_icon() -> QIcon:
    """Reader's icon: the pre-rendered PNGs at their sizes, the SVG for any other size."""
    icons = resource_path("icons")
    icon = QIcon()
    for png in sorted(icons.glob("reader-*.png")):
        icon.addFile(str(png))
    icon.addFile(str(icons / "reader.svg"))
    return icon


class AboutDialog(QDialog):
    """Shows Reader's version and licence and the language model's name, version and licence.

    `model_info` is the analysis layer's description of its model, with the keys `name`,
    `version` and `license`; a missing key shows as "unknown" rather than hiding the line.
    """

    def __init__(self, model_info: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Reader")
        self.setWindowIcon(application_icon())

        logo = QLabel(self)
        logo.setPixmap(application_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setAccessibleName("Reader icon")

        self.app_label = self._label(
            f"<h2>Reader {__version__}</h2>"
            "<p>Read news articles with their people, places and organizations at hand.</p>"
            f"<p>Licence: {APP_LICENSE}</p>",
            "Application version and licence",
        )
        name, version, licence = (
            escape(model_info.get(key, UNKNOWN)) for key in ("name", "version", "license")
        )
        self.model_label = self._label(
            f"<p>Language model: {name} {version}<br>Model licence: {licence}</p>",
            "Language model name, version and licence",
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(logo)
        layout.addWidget(self.app_label)
        layout.addWidget(self.model_label)
        layout.addWidget(buttons)

    def _label(self, html: str, accessible_name: str) -> QLabel:
        label = QLabel(html, self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(accessible_name)
        return label
