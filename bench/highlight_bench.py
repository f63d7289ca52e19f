"""How long clicking an entity takes on a 1 MB article: prints one JSON line.

Builds a synthetic article of about 1 MB in which one name is mentioned more than
1,000 times, opens it in the main window (offscreen) and times, best of several:
selecting the entity until the highlight layers are set, one F3 step, and
turning "show all" on. Run: `PYTHONPATH=. python bench/highlight_bench.py`.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.analysis import Analysis, Entity, EntityGroup, Mention
from reader.analysis.service import AnalysisService
from reader.document import BlockKind, Document
from reader.ui.entity_panel import EntityPanel
from tests.ui.fake_engine import FakeEngine

TARGET_CHARS = 1_000_000
NAME = "Aurelia Stone"
REPEATS = 7

WORDS = [
    "the",
    "council",
    "met",
    "again",
    "on",
    "a",
    "grey",
    "morning",
    "to",
    "weigh",
    "the",
    "harbour",
    "budget",
    "while",
    "fishermen",
    "waited",
    "outside",
    "for",
    "news",
    "of",
    "the",
    "quota",
    "and",
    "the",
    "weather",
    "turned",
]


def build_article() -> str:
    paragraphs = ["The Long Budget Night", ""]
    size = 0
    i = 0
    while size < TARGET_CHARS:
        words = [WORDS[(i * 7 + k) % len(WORDS)] for k in range(60)]
        words[10] = NAME if i % 2 == 0 else "Stone"
        words[40] = "Marlow"
        text = " ".join(words) + "."
        text = text[0].upper() + text[1:]
        paragraphs += [text, ""]
        size += len(text) + 2
        i += 1
    return "\n".join(paragraphs)


def analyser(document: Document, progress, is_cancelled) -> Analysis:
    found: dict[tuple[str, EntityGroup], list[Mention]] = {}
    for block in document.blocks_of(BlockKind.PARAGRAPH):
        text = document.text[block.start : block.end]
        for match in re.finditer(rf"{NAME}|Stone|Marlow", text):
            group = EntityGroup.PLACE if match.group() == "Marlow" else EntityGroup.PERSON
            name = "Marlow" if group is EntityGroup.PLACE else NAME
            start = block.start + match.start()
            found.setdefault((name, group), []).append(
                Mention(start, start + len(match.group()), match.group())
            )
    entities = tuple(
        Entity(name, group, group.name, tuple(ms), ("Stone",) if name == NAME else (), len(ms))
        for (name, group), ms in found.items()
    )
    return Analysis(entities=entities)


def best_ms(samples: list[float]) -> float:
    return round(min(samples) * 1000, 2)


def main() -> None:
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app.setOrganizationName("ReaderBench")
        from reader.ui.main_window import MainWindow

        path = Path(tmp) / "long.txt"
        path.write_text(build_article(), encoding="utf-8")
        window = MainWindow(service=AnalysisService(FakeEngine(analyser)))
        window.resize(1200, 820)
        window.show()
        done = []
        window.analysisFinished.connect(done.append)
        window.open_path(str(path))
        deadline = time.monotonic() + 120
        while not done and time.monotonic() < deadline:
            app.processEvents()
        person = next(e for e in window.analysis.entities if e.name == NAME)
        panel = window.panel(EntityPanel)

        click, step, show_all = [], [], []
        for _ in range(REPEATS):
            panel.clear_selection()
            app.processEvents()
            start = time.perf_counter()
            panel.select_entity(person.key)
            click.append(time.perf_counter() - start)
            start = time.perf_counter()
            window.panel(EntityPanel).next_mention_action.trigger()
            step.append(time.perf_counter() - start)
            start = time.perf_counter()
            panel.show_all_action.setChecked(True)
            show_all.append(time.perf_counter() - start)
            panel.show_all_action.setChecked(False)
            app.processEvents()
        selections = len(window.article_view.extraSelections())
        print(
            json.dumps(
                {
                    "bench": "highlight",
                    "article_chars": len(window.document.text),
                    "mentions": person.count,
                    "selections": selections,
                    "click_ms": best_ms(click),
                    "click_ms_median": round(statistics.median(click) * 1000, 2),
                    "next_mention_ms": best_ms(step),
                    "show_all_on_ms": best_ms(show_all),
                }
            )
        )
        window.close()


if __name__ == "__main__":
    main()
