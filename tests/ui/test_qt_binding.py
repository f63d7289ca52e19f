"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 did: every
void method call dropped a reference to None, and a long article crashed the app)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument


def test_void_calls_keep_none_alive(qapp) -> None:
    document = QTextDocument()
    cursor = QTextCursor(document)
    block_format, char_format = QTextBlockFormat(), QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        cursor.insertBlock(block_format, char_format)
        cursor.insertText("x", char_format)
    assert sys.getrefcount(None) >= before - 100
