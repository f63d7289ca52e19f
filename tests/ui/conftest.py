"""GUI fixtures: a main window with a fast, synchronous fake analyser (no spaCy)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

import pytest

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.document import BlockKind, Document


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


@pytest.fixture
def make_window(qtbot, isolated_settings) -> Callable:
    from reader.ui.main_window import MainWindow

    windows = []

    def factory(analyser=capitalised_names, warm_up=None):
        window = MainWindow(analyser=analyser, warm_up=warm_up)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.runner.cancel()
        window.runner.wait(5000)
        window.loader.wait(5000)


@pytest.fixture
def window(make_window):
    return make_window()
