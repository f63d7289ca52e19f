"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 did: every
void method call dropped a reference to None, and a long article crashed the app)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# Typesetting a long article makes hundreds of thousands of void calls; with the broken
# binding None's count reaches zero long before the end and the interpreter aborts.
LONG_TYPESETTING = textwrap.dedent(
    """
    from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    document = QTextDocument()
    cursor = QTextCursor(document)
    block_format, char_format = QTextBlockFormat(), QTextCharFormat()
    for _ in range(100_000):
        cursor.insertBlock(block_format, char_format)
        cursor.insertText("x", char_format)
        cursor.setCharFormat(char_format)
    print(document.blockCount())
    """
)


def test_a_long_typesetting_run_keeps_the_interpreter_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LONG_TYPESETTING],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["100001"]
