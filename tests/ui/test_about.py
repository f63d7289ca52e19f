"""The About dialog tells a user which Reader and which language model they are running."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from reader import __version__
from reader.assets import resource_path
from reader.ui.about import AboutDialog, application_icon


def test_about_shows_app_version_licence_and_model(qtbot) -> None:
    model = {"name": "xx_fixture_model", "version": "9.8.7", "license": "CC BY-SA 4.0"}
    dialog = AboutDialog(model)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.objectName() == "aboutDialog"
    assert f"Reader {__version__}" in dialog.app_label.text()
    assert "MIT" in dialog.app_label.text()
    model_text = dialog.model_label.text()
    assert "xx_fixture_model 9.8.7" in model_text
    assert "CC BY-SA 4.0" in model_text
    assert dialog.model_label.accessibleName()
    assert not dialog.windowIcon().isNull()


def test_about_says_unknown_for_missing_model_details(qtbot) -> None:
    dialog = AboutDialog({"name": "<model & co>"})
    qtbot.addWidget(dialog)

    text = dialog.model_label.text()
    assert "&lt;model &amp; co&gt; unknown" in text
    assert "Model licence: unknown" in text


def test_about_says_when_no_model_is_installed(qtbot) -> None:
    dialog = AboutDialog({"name": "", "version": "", "license": "", "installed": False})
    qtbot.addWidget(dialog)

    assert "none installed" in dialog.model_label.text()


def test_icon_carries_a_png_for_every_size_desktops_ask_for(qtbot) -> None:
    icon_dir = resource_path("icons")
    for size in (16, 24, 32, 48, 64, 128, 256):
        image = QImage(str(icon_dir / f"reader-{size}.png"))
        assert image.size() == QSize(size, size)
        # The page's centre is opaque: the icon was drawn, not left transparent.
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        assert QSize(size, size) in application_icon().availableSizes()
