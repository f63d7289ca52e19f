"""The window shows the text at once and analyses in the background; a newer article wins."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.ui.conftest import GatedAnalyser, capitalised_names


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_is_shown_before_the_analysis_finishes(qtbot, make_window, tmp_path) -> None:
    analyser = GatedAnalyser()
    window = make_window(analyser=analyser)
    path = write(
        tmp_path, "a.txt", "Alpine Rail Reopens\n\nTrains to Innsbruck ran again on Monday.\n"
    )
    finished: list[str] = []
    window.analysisFinished.connect(finished.append)
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.open_path(str(path))
    assert "Innsbruck" in window.article_view.toPlainText()
    assert finished == []
    assert window.status.analysis_label.text() == "Analysing…"
    analyser.gate.set()
    with qtbot.waitSignal(window.analysisFinished, timeout=10000):
        pass
    assert [e.name for e in window.analysis.entities if e.name == "Innsbruck"]


def test_opening_b_while_a_is_analysed_shows_only_bs_entities(qtbot, make_window, tmp_path) -> None:
    started_a = threading.Event()
    release_a = threading.Event()

    def analyser(document, progress, is_cancelled):
        if "Aachen" in document.text:
            started_a.set()
            release_a.wait(10)  # A is slow: B is opened meanwhile
        return capitalised_names(document, progress, is_cancelled)

    window = make_window(analyser=analyser)
    a = write(tmp_path, "a.txt", "Aachen Story\n\nAachen council met in Aachen today.\n")
    b = write(tmp_path, "b.txt", "Bremen Story\n\nBremen harbour reopened in Bremen today.\n")
    finished: list[str] = []
    window.analysisFinished.connect(finished.append)
    window.open_path(str(a))
    qtbot.waitUntil(started_a.is_set, timeout=10000)
    with qtbot.waitSignal(window.documentReady, timeout=10000):
        window.open_path(str(b))
    release_a.set()  # A's analysis now completes, too late
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    qtbot.wait(200)  # give A's stale result every chance to land
    assert finished == [str(b)]
    names = {e.name for e in window.analysis.entities}
    assert "Bremen" in names and "Aachen" not in names
    assert window.article_view.toPlainText().startswith("Bremen Story")


def test_progress_bar_shows_on_long_articles(qtbot, make_window, tmp_path) -> None:
    analyser = GatedAnalyser()
    window = make_window(analyser=analyser)
    long_text = "Long Report\n\n" + "\n\n".join(
        f"Paragraph {i} about Vienna and Graz." for i in range(800)
    )
    path = write(tmp_path, "long.txt", long_text)
    with qtbot.waitSignal(window.documentReady, timeout=20000):
        window.open_path(str(path))
    assert window.status.progress_bar.isVisible()
    analyser.gate.set()
    with qtbot.waitSignal(window.analysisFinished, timeout=20000):
        pass
    assert not window.status.progress_bar.isVisible()
