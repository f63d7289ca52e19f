"""GUI fixtures: a main window on the real AnalysisService with a fast fake engine (no spaCy)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

import pytest

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.analysis.service import AnalysisService
from reader.document import BlockKind, Document
from tests.ui.fake_engine import FakeEngine


def capitalised_names(document: Document, progress, is_cancelled) -> Analysis:
    """A stand-in analyser: every capitalised word of the body is a 'place'.

    Enough to exercise the window's plumbing without loading a language model.
    """
    spans: dict[str, list[Mention]] = {}
    for block in document.blocks_of(BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TITLE):
        for match in re.finditer(r"\b[A-Z][a-z]{3,}\b", document.text[block.start : block.end]):
            start = block.start + match.start()
            spans.setdefault(match.group(), []).append(
                Mention(start, start + len(match.group()), match.group())
            )
    progress(len(document.text), len(document.text))
    entities = tuple(
        Entity(name, EntityGroup.PLACE, "GPE", tuple(mentions), salience=len(mentions))
        for name, mentions in sorted(spans.items(), key=lambda kv: -len(kv[1]))
    )
    return Analysis(entities=entities)


class GatedAnalyser:
    """An analyser that waits until the test opens its gate: for cancellation tests."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started: list[str] = []

    def __call__(self, document: Document, progress, is_cancelled) -> Analysis:
        self.started.append(document.source_path)
        self.gate.wait(10)
        return capitalised_names(document, progress, is_cancelled)


def drop_event(*paths):
    """A drop of these local files or folders, as the window receives it."""
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPoint(50, 50).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event._mime = mime  # the event does not own its data: keep it alive with the event
    return event


@pytest.fixture
def make_window(qtbot, isolated_settings) -> Callable:
    from reader.ui.main_window import MainWindow

    services = []

    def factory(analyser=capitalised_names):
        service = AnalysisService(FakeEngine(analyser))
        services.append(service)
        window = MainWindow(service=service)
        qtbot.addWidget(window)
        window.show()
        return window

    yield factory
    for service in services:
        service.close()


@pytest.fixture
def window(make_window):
    return make_window()
