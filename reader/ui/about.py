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


def _model_html(model_info: Mapping[str, object]) -> str:
    if not model_info.get("name"):
        return "<p>Language model: none installed, so no entities are found.</p>"
    # A blank field stays visible as "unknown": the user sees what is missing.
    name, version, licence = (
        escape(str(model_info.get(key) or UNKNOWN)) for key in ("name", "version", "license")
    )
    return f"<p>Language model: {name} {version}<br>Model licence: {licence}</p>"


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

    `model_info` is the analysis layer's description of its model (`model_info()`), with the
    keys `name`, `version` and `license`; an empty name means no model is installed.
    """

    def __init__(self, model_info: Mapping[str, object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Reader")
        icon = application_icon()
        self.setWindowIcon(icon)

        logo = QLabel(self)
        logo.setPixmap(icon.pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setAccessibleName("Reader icon")

        self.app_label = self._label(
            f"<h2>Reader {__version__}</h2>"
            "<p>Read news articles with their people, places and organizations at hand.</p>"
            f"<p>Licence: {APP_LICENSE}</p>",
            "Application version and licence",
        )
        self.model_label = self._label(_model_html(model_info), "Language model and its licence")

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
