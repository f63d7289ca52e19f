"""Counts in words with the right plural ("1 mention", "2 mentions"), through Qt's `%n` forms.

Messages are written once as Qt numerus messages; `resources/translations/reader_en.qm`
(compiled from `reader_en.ts` with `pyside6-lrelease`) gives their English forms, and a
translation into another language adds its own forms the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from reader.assets import resource_path

CONTEXT = "Reader"
_translator: QTranslator | None = None


def _ensure_translator() -> None:
    global _translator
    app = QCoreApplication.instance()
    if _translator is not None or app is None:
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations/reader_en.qm"))):
        QCoreApplication.installTranslator(translator)
    _translator = translator


def plural(text: str, n: int) -> str:
    """`text` (a message with `%n`, listed in reader_en.ts) for `n` things."""
    _ensure_translator()
    return QCoreApplication.translate(CONTEXT, text, None, n)
