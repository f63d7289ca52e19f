"""Bad input never hurts the window: a clear message, the previous article kept, nothing injected."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.document import MAX_FILE_BYTES
from reader.ui.summary_panel import SummaryPanel

GOOD = "Harbour Reopens After Storm\n\nThe harbour reopened on Sunday after three days of high winds.\n"


@pytest.fixture
def opened(qtbot, window, tmp_path: Path):
    """A window already showing a good article."""
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.open_path(str(path))
    return window


def expect_failure(qtbot, window, path: Path | str, words: str) -> str:
    before = window.article_view.toPlainText()
    with qtbot.waitSignal(window.openFailed, timeout=10000) as blocker:
        window.open_path(str(path))
    failed_path, message = blocker.args
    assert failed_path == str(path)
    assert words in message
    assert Path(path).name in message
    assert window.message_bar.isVisible()
    assert window.message_bar.text_label.text() == message
    assert window.article_view.toPlainText() == before
    return message


def test_missing_path(qtbot, opened, tmp_path) -> None:
    expect_failure(qtbot, opened, tmp_path / "nope.txt", "does not exist")


def test_directory(qtbot, opened, tmp_path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    expect_failure(qtbot, opened, folder, "folder")


def test_broken_symlink(qtbot, opened, tmp_path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    expect_failure(qtbot, opened, link, "no longer exists")


def test_unreadable_file(qtbot, opened, tmp_path, monkeypatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_open = open

    def deny(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    expect_failure(qtbot, opened, path, "permission")


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"], ids=["empty", "whitespace"])
def test_empty_files(qtbot, opened, tmp_path, content) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    expect_failure(qtbot, opened, path, "empty")


def _png(path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path), "PNG")


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello")


def _elf(path: Path) -> None:
    path.write_bytes(Path(sys.executable).resolve().read_bytes()[:4096])


@pytest.mark.parametrize("make", [_png, _zip, _elf], ids=["png", "zip", "elf"])
def test_binary_files_are_refused(qtbot, opened, tmp_path, make) -> None:
    path = tmp_path / "download.txt"
    make(path)
    expect_failure(qtbot, opened, path, "not a text article")


def test_too_large_file_is_refused_without_reading_it(qtbot, opened, tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: 60 MB on paper, nothing on disk
    assert path.stat().st_size > MAX_FILE_BYTES
    expect_failure(qtbot, opened, path, "MB")


def open_ok(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.documentReady, timeout=30000):
        window.open_path(str(path))


@pytest.mark.parametrize(
    ("encoding", "notice"),
    [
        ("utf-8-sig", False),
        ("utf-16", False),
        ("utf-16-be", False),
        ("cp1252", True),
        ("latin-1", True),
    ],
)
def test_encodings_are_shown_correctly(qtbot, window, tmp_path, encoding, notice) -> None:
    text = "Café Prices Rise\n\nA crème brûlée now costs more in Zürich.\n"
    path = tmp_path / f"{encoding}.txt"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    open_ok(qtbot, window, path)
    assert "A crème brûlée now costs more in Zürich." in window.article_view.toPlainText()
    assert window.message_bar.isVisible() == notice


def test_invalid_utf8_bytes_are_replaced_with_a_notice(qtbot, window, tmp_path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(
        "Naïve Title\n\nSome ünïcode text with a bad byte \xff here.\n".encode().replace(
            b"\xc3\xbf", b"\xff"
        )
    )
    open_ok(qtbot, window, path)
    assert "\ufffd" in window.article_view.toPlainText()
    assert "invalid" in window.message_bar.text_label.text()


def test_nul_bytes(qtbot, window, tmp_path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Title\n\nText with\x00 a NUL byte.\n")
    open_ok(qtbot, window, path)
    assert "\x00" not in window.article_view.toPlainText()
    assert window.message_bar.isVisible()


def test_single_two_megabyte_line(qtbot, window, tmp_path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("word " * 400_000, encoding="utf-8")
    open_ok(qtbot, window, path)
    assert window.article_view.toPlainText() == window.document.text
    assert window.document.word_count == 400_000


@pytest.mark.slow  # about six seconds of typesetting
def test_two_hundred_thousand_short_lines(qtbot, window, tmp_path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("".join(f"line {i}\n" for i in range(200_000)), encoding="utf-8")
    open_ok(qtbot, window, path)
    assert window.article_view.document().blockCount() == len(window.document.blocks)
    assert window.article_view.toPlainText() == window.document.text


def test_mixed_scripts_and_emoji_are_shown_exactly(qtbot, window, tmp_path) -> None:
    text = (
        "Мир и עולם — 世界 🌍\n\n"
        "Москва, ירושלים and 東京 met in Genève, e\u0301te\u0301 🎉 edition, with 🇪🇺 flags.\n"
    )
    path = tmp_path / "scripts.txt"
    path.write_text(text, encoding="utf-8")
    open_ok(qtbot, window, path)
    assert window.article_view.toPlainText() == window.document.text
    assert "🎉 edition" in window.article_view.toPlainText()
    # Offsets still land exactly: select a word after the emoji through the model's offsets.
    start = window.document.text.index("edition")
    cursor = window.article_view.cursor_for(start, start + len("edition"))
    assert cursor.selectedText() == "edition"


def test_markup_in_the_article_stays_literal_text(qtbot, window, tmp_path) -> None:
    secret = tmp_path / "secret.png"
    _png(secret)
    text = (
        "<b>Bold</b> &amp; <i>Headline</i>\n\n"
        f'<script>alert("x")</script> <img src="file://{secret}"> <a href="https://example.org">link</a> '
        "and [a markdown link](https://example.org) &lt;tag&gt;.\n"
    )
    path = tmp_path / "markup.txt"
    path.write_text(text, encoding="utf-8")
    open_ok(qtbot, window, path)
    view = window.article_view
    assert view.toPlainText() == window.document.text
    assert '<script>alert("x")</script>' in view.toPlainText()
    assert "&amp;" in view.toPlainText()
    assert window.windowTitle().startswith("<b>Bold</b> &amp;")
    qdoc = view.document()
    # Nothing became a link, an image or any other object.
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isAnchor()
            assert not fmt.isImageFormat()
            it += 1
        block = block.next()


def test_file_changed_or_deleted_on_disk_offers_reload(qtbot, window, tmp_path) -> None:
    path = tmp_path / "live.txt"
    path.write_text(GOOD, encoding="utf-8")
    open_ok(qtbot, window, path)
    path.write_text(GOOD.replace("Sunday", "Monday"), encoding="utf-8")
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=5000)
    assert "changed on disk" in window.message_bar.text_label.text()
    assert "Sunday" in window.article_view.toPlainText()  # kept until the user reloads
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.message_bar.action_button.click()
    assert "Monday" in window.article_view.toPlainText()
    path.unlink()
    qtbot.waitUntil(lambda: "deleted" in window.message_bar.text_label.text(), timeout=5000)
    assert "Monday" in window.article_view.toPlainText()


@pytest.mark.parametrize(
    "damage",
    [
        b"[General\nrecentFiles=/tmp/a.txt\nview/pointSize=30\n",  # a section never closed
        bytes(range(256)) * 16,  # binary noise where the INI file should be
    ],
    ids=["unclosed-section", "binary-noise"],
)
def test_damaged_settings_file_says_so_and_starts_with_defaults(
    qtbot, isolated_settings, make_window, tmp_path, damage
) -> None:
    settings_file = Path(QSettings().fileName())
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_bytes(damage)
    window = make_window()
    assert window.message_bar.isVisible()
    message = window.message_bar.text_label.text()
    assert message == f"The settings file {settings_file} could not be read; defaults are used."
    assert window.article_view.point_size == 12.0
    assert window.recent_files() == []
    # Reader goes on working, and what it remembers from now on is written readably.
    path = tmp_path / "after.txt"
    path.write_text(GOOD, encoding="utf-8")
    open_ok(qtbot, window, path)
    assert not window.message_bar.isVisible()
    assert QSettings().value("recentFiles") in ([str(path)], str(path))


def test_a_settings_file_of_odd_values_uses_defaults_for_them(
    qtbot, isolated_settings, make_window
) -> None:
    settings_file = Path(QSettings().fileName())
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_bytes(b"[view]\npointSize=not-a-number\n[summary]\nlength=many\n")
    window = make_window()
    assert window.article_view.point_size == 12.0
    assert window.panel(SummaryPanel).length_box.value() == 3
    assert not window.message_bar.isVisible()


def test_missing_language_model_keeps_the_article_readable(qtbot, make_window, tmp_path) -> None:
    from reader.analysis.service import AnalysisUnavailable

    def no_model(document, progress, is_cancelled):
        raise AnalysisUnavailable(
            "The English language model is not installed. Run ./dev.sh run to install it."
        )

    window = make_window(analyser=no_model)
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    with qtbot.waitSignal(window.analysisFailed, timeout=10000) as blocker:
        window.open_path(str(path))
    assert "language model is not installed" in blocker.args[1]
    assert window.article_view.toPlainText().startswith("Harbour Reopens")
    assert "unavailable" in window.status.analysis_label.text().lower()
    from PySide6.QtWidgets import QLabel

    sidebar = window.findChild(QLabel, "entityMessage")
    assert sidebar.isVisible()
    assert "unavailable" in sidebar.text() and "./dev.sh run" in sidebar.text()


def test_the_app_never_writes_to_the_article(qtbot, window, tmp_path) -> None:
    path = tmp_path / "ro.txt"
    path.write_text(GOOD, encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    open_ok(qtbot, window, path)
    window.close()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
