"""Counts read as English: one mention, two mentions; one entity, two entities."""

from __future__ import annotations

from reader.ui.plurals import plural


def test_counts_take_the_right_plural(qapp) -> None:
    assert plural("%n mention(s)", 1) == "1 mention"
    assert plural("%n mention(s)", 2) == "2 mentions"
    assert plural("%n entities", 1) == "1 entity"
    assert plural("%n entities", 0) == "0 entities"


def test_the_status_bar_says_it(qtbot, window, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("notes from the line\n\nthe train left Vienna on time.\n", encoding="utf-8")
    with qtbot.waitSignal(window.analysisFinished, timeout=10000):
        window.open_path(str(path))
    assert window.status.analysis_label.text() == "1 entity"
