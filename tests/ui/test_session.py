"""The article session: a correction keeps what the reader had; analysis in batches is cancellable."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QModelIndex

from reader.analysis.model import identify
from reader.ui.entity_model import EntityRole
from reader.ui.entity_panel import EntityPanel
from reader.ui.session import Reason
from tests.corrections import Rename
from tests.ui.conftest import capitalised_names
from tests.ui.fake_entities import ARTICLE, DictionaryAnalyser
from tests.ui.sidebar_helpers import (
    click_entity,
    entity,
    entity_rows,
    highlighted,
    names_in_group,
    open_and_analyse,
    tree,
)

# The harbour story, then enough of the town's week that the article scrolls.
LONG_ARTICLE = ARTICLE + "\n".join(
    f"\nOn day {day} the ferry from Selby was late again, and the Coastal Trust said "
    f"the harbour wall in Port Evra needed more work before the winter storms.\n"
    for day in range(1, 60)
)


class IdentifiedAnalyser(DictionaryAnalyser):
    """The dictionary analyser, with stable ids as the real interpret gives them."""

    def __call__(self, document, progress, is_cancelled):
        analysis = super().__call__(document, progress, is_cancelled)
        return replace(analysis, entities=identify(analysis.entities))


def group_index(window, title: str) -> QModelIndex:
    model = tree(window).model()
    return next(
        model.index(g, 0) for g in range(model.rowCount()) if model.index(g, 0).data() == title
    )


def test_a_correction_keeps_selection_scroll_and_panel_state(qtbot, make_window, tmp_path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(LONG_ARTICLE, encoding="utf-8")
    window = make_window(analyser=IdentifiedAnalyser())
    open_and_analyse(qtbot, window, path)
    varga = entity(window, "Ilse Varga")
    click_entity(qtbot, window, "Ilse Varga")
    window.panel(EntityPanel).next_mention_action.trigger()  # the second mention is current
    tree(window).collapse(group_index(window, "Places"))
    scrollbar = window.article_view.verticalScrollBar()
    assert scrollbar.maximum() > 0
    scrollbar.setValue(scrollbar.maximum() // 2)
    scrolled = scrollbar.value()
    highlight_before = highlighted(window)
    annotated = list(window.service.engine.annotated)

    reasons: list[str] = []
    window.session.analysisChanged.connect(lambda _analysis, reason: reasons.append(reason))
    window.session.set_rules([Rename(varga.id, "Mayor Varga")])

    assert reasons == [Reason.CORRECTED]
    assert window.service.engine.annotated == annotated  # the model was not asked again
    assert "Mayor Varga" in names_in_group(window, "People")
    assert window.panel(EntityPanel).selected_keys() == [varga.key]
    assert tree(window).currentIndex().data(EntityRole.KEY) == varga.key
    assert not tree(window).isExpanded(group_index(window, "Places"))
    assert scrollbar.value() == scrolled
    assert highlighted(window) == highlight_before
    assert window.highlighter.current_index == 1
    assert "Mayor Varga" in window.panel(EntityPanel).detail.text()


def test_a_new_article_starts_over(qtbot, make_window, tmp_path) -> None:
    first = tmp_path / "harbour.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    window = make_window(analyser=IdentifiedAnalyser())
    open_and_analyse(qtbot, window, first)
    click_entity(qtbot, window, "Selby")
    reasons: list[str] = []
    window.session.analysisChanged.connect(lambda _analysis, reason: reasons.append(reason))
    open_and_analyse(qtbot, window, first)  # reloaded: a new analysis, nothing kept
    assert reasons == [Reason.NEW]
    assert window.panel(EntityPanel).selected_keys() == []
    assert "Selby" in entity_rows(window)


class StepGate:
    """The fake engine waits here before each batch: `step()` lets one through, `open()` all."""

    def __init__(self) -> None:
        self._steps = threading.Semaphore(0)
        self._open = False

    def wait(self, timeout: float) -> bool:
        return self._open or self._steps.acquire(timeout=timeout)

    def step(self) -> None:
        self._steps.release()

    def open(self) -> None:
        self._open = True
        self._steps.release()


class BatchGatedAnalyser:
    """Holds the fake engine before each batch until the test lets it go on."""

    batch_chars = 1  # every block is a batch

    def __init__(self) -> None:
        self.gate = StepGate()

    def __call__(self, document, progress, is_cancelled):
        return capitalised_names(document, progress, is_cancelled)


def test_progress_comes_per_batch_and_a_newer_article_cancels_between_batches(
    qtbot, make_window, tmp_path
) -> None:
    analyser = BatchGatedAnalyser()
    window = make_window(analyser=analyser)
    engine = window.service.engine
    a = tmp_path / "a.txt"
    a.write_text(
        "Aachen Report\n\n" + "\n\n".join(f"Part {i} of the Aachen story." for i in range(30)),
        encoding="utf-8",
    )
    b = tmp_path / "b.txt"
    b.write_text("Bremen Story\n\nBremen harbour reopened in Bremen today.\n", encoding="utf-8")
    progress: list[int] = []
    window.session.progress.connect(lambda done, total: progress.append(done))
    window.open_path(str(a))
    qtbot.waitUntil(lambda: engine.annotated == [str(a)], timeout=10000)
    for _ in range(3):  # three batches of A go through
        analyser.gate.step()
    qtbot.waitUntil(lambda: len(progress) == 3, timeout=10000)
    assert progress == sorted(progress)
    finished: list[str] = []
    window.analysisFinished.connect(finished.append)
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.open_path(str(b))
    analyser.gate.open()  # from now on every batch goes through
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    qtbot.wait(200)
    assert finished == [str(b)]
    assert engine.annotated == [str(a), str(b)]
    assert engine.interpreted == [str(b)]  # A stopped between batches: never interpreted
    assert {e.name for e in window.analysis.entities} >= {"Bremen"}


def test_a_reload_keeps_the_corrections_and_reuses_the_annotations(
    qtbot, make_window, tmp_path
) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window = make_window(analyser=IdentifiedAnalyser())
    open_and_analyse(qtbot, window, path)
    varga = entity(window, "Ilse Varga")
    window.session.set_rules([Rename(varga.id, "Mayor Varga")])
    reasons: list[str] = []
    window.session.analysisChanged.connect(lambda _analysis, reason: reasons.append(reason))
    with qtbot.waitSignal(window.analysisFinished, timeout=10000):
        window.session.reload()
    assert reasons == [Reason.REANALYSED]
    assert "Mayor Varga" in names_in_group(window, "People")
    assert window.service.engine.annotated == [str(path)]  # same text: the model is not rerun
