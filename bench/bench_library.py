"""The library at 10,000 articles (~6M words): indexing, search, "also in", reopening, size.

The corpus is generated: each article mixes paragraphs of our own sample and fixture
articles (bench/corpus.py) with paragraphs made from templates and a generated lexicon of
people, towns and organisations, so the index sees a long tail of names and words.
Analyses come from a fast path (the real model runs once per distinct source paragraph;
generated names are placed with known offsets), so the figures measure the database.
The model's own throughput is measured on a few whole articles for comparison.

Targets (issue 12): indexing not the bottleneck (well above the model's throughput);
search p95 < 50 ms (words, phrases, entity:); "also in N" p95 < 20 ms; reopening from
the cache (stored analysis → Analysis) well under 250 ms; database < 2× text; memory flat.

Usage: PYTHONPATH=. python bench/bench_library.py [--articles 10000] [--keep DIR]
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_interactive import StallMeter, rss_mb, wait_for
from bench.corpus import _paragraphs
from reader.analysis import Analysis, Entity, EntityGroup, Mention, analyse_document
from reader.document import load_document, parse_article
from reader.library import Analysed, Library, add_paths

FIRST_NAMES = [
    "Anya",
    "Boris",
    "Carla",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kira",
    "Luca",
    "Mara",
    "Nils",
    "Olga",
    "Pavel",
    "Quinn",
    "Rosa",
    "Sami",
    "Tilde",
    "Umar",
    "Vera",
    "Wim",
    "Xenia",
    "Yusuf",
    "Zora",
    "Aldo",
    "Bette",
    "Cyril",
    "Dana",
]
SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ven",
    "tal",
    "ors",
    "bel",
    "dru",
    "nik",
    "sa",
    "lo",
    "vey",
    "tor",
    "gen",
    "ul",
    "ash",
    "pe",
    "rin",
    "do",
    "mar",
]
ORG_KINDS = ("Harbour Board", "Workers Union", "Shipping Company", "Council", "Ferry Line")
TOPICS = (
    "sea wall repairs",
    "ferry timetable",
    "fishing quota",
    "bridge tolls",
    "dredging contract",
    "port pension fund",
    "winter storm damage",
    "container terminal",
    "lighthouse restoration",
    "harbour pilot strike",
)
TEMPLATES = (
    "{p1} of the {o1} told reporters in {t1} that the {topic} would cost {n} million euros "
    "over {k} years, and that {p2} had agreed to review the figures.",
    "{p2}, who leads the {o1}, said {t1} had waited {k} years for the {topic} and that "
    "residents of {t2} would vote on it in the spring.",
    "In {t2}, the {o2} warned that the {topic} could delay work on the quay; {p1} said the "
    "warning was {adj} and promised a reply within {k} weeks.",
)
ADJECTIVES = ("premature", "fair", "overdue", "misleading", "welcome", "puzzling")
WORDS_PER_ARTICLE = 600
START_DATE = date(2024, 1, 1)


def lexicon(seed: int = 5) -> dict[str, list[str]]:
    rng = random.Random(seed)

    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    surnames = sorted({word(rng.choice((2, 3))) for _ in range(3000)})
    towns = sorted(
        {word(rng.choice((2, 3))) + rng.choice(("", "by", "holm", "port")) for _ in range(800)}
    )
    return {
        "people": [f"{rng.choice(FIRST_NAMES)} {s}" for s in surnames],
        "towns": towns,
        "orgs": [f"{t} {rng.choice(ORG_KINDS)}" for t in towns[:300]],
    }


class SourceParagraphs:
    """Our own paragraphs, each analysed once by the real model (entity offsets within it)."""

    def __init__(self) -> None:
        self.texts = _paragraphs()
        self.entities: list[list[tuple[str, EntityGroup, str, int, int]]] = []
        for text in self.texts:
            document = parse_article(text)
            analysis = analyse_document(document)
            (block,) = document.body_blocks or document.blocks
            found = [
                (e.name, e.group, e.label, m.start - block.start, m.end - block.start)
                for e in analysis.entities
                for m in e.mentions
                if block.start <= m.start and m.end <= block.end
            ]
            self.entities.append(found)


class Corpus:
    """Article `n` is a pure function of n: its text and its analysis, rebuilt on demand."""

    def __init__(self, sources: SourceParagraphs, words: dict[str, list[str]]) -> None:
        self.sources = sources
        self.words = words

    def compose(self, n: int) -> tuple[str, list[tuple[str, EntityGroup, str, int, int]]]:
        """Document.text of article n and its entity mentions (name, group, label, start, end)."""
        rng = random.Random(n)
        day = START_DATE + timedelta(days=n * 730 // 10_000 + rng.randrange(3))
        people = rng.sample(self.words["people"], 4)
        towns = rng.sample(self.words["towns"], 3)
        orgs = rng.sample(self.words["orgs"], 2)
        title = f"{rng.choice(TOPICS).capitalize()} Divides {towns[0]}"
        lines = [title, f"Published: {day.day} {day:%B %Y}"]
        mentions: list[tuple[str, EntityGroup, str, int, int]] = []
        offset = len(title) + 1 + len(lines[1]) + 1
        self._place(mentions, title, 0, towns[:1], EntityGroup.PLACE, "GPE")
        count = 0
        while count < WORDS_PER_ARTICLE:
            if rng.random() < 0.35:
                text = rng.choice(TEMPLATES).format(
                    p1=people[0] if rng.random() < 0.7 else people[2],
                    p2=people[1] if rng.random() < 0.7 else people[3],
                    o1=orgs[0],
                    o2=orgs[1],
                    t1=towns[0],
                    t2=rng.choice(towns[1:]),
                    topic=rng.choice(TOPICS),
                    n=rng.randrange(2, 900),
                    k=rng.randrange(2, 12),
                    adj=rng.choice(ADJECTIVES),
                )
                self._place(mentions, text, offset, people, EntityGroup.PERSON, "PERSON")
                self._place(mentions, text, offset, orgs, EntityGroup.ORGANIZATION, "ORG")
                self._place(mentions, text, offset, towns, EntityGroup.PLACE, "GPE")
            else:
                index = rng.randrange(len(self.sources.texts))
                text = self.sources.texts[index]
                mentions += [
                    (name, group, label, offset + s, offset + e)
                    for name, group, label, s, e in self.sources.entities[index]
                ]
            lines.append(text)
            offset += len(text) + 1
            count += len(text.split())
        return "\n".join(lines), mentions

    @staticmethod
    def _place(mentions, text: str, offset: int, names, group, label) -> None:
        for name in names:
            mentions += [
                (name, group, label, offset + m.start(), offset + m.end())
                for m in re.finditer(re.escape(name), text)
            ]

    def file_text(self, n: int) -> str:
        return self.compose(n)[0].replace("\n", "\n\n") + "\n"


class CorpusAnalyser:
    """The fast path: the analysis of a corpus article from its composition, no model."""

    version = "bench-corpus-1"

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.seconds = 0.0

    def __call__(self, document) -> Analysed:
        began = time.perf_counter()
        n = int(Path(document.source_path).stem.split("-")[1])
        text, mentions = self.corpus.compose(n)
        assert text == document.text, "the layout changed the generated article"
        by_name: dict[tuple[str, EntityGroup, str], list[Mention]] = {}
        for name, group, label, start, end in mentions:
            by_name.setdefault((name, group, label), []).append(
                Mention(start, end, text[start:end])
            )
        entities = tuple(
            Entity(name, group, label, tuple(sorted(found, key=lambda m: m.start)))
            for (name, group, label), found in by_name.items()
        )
        self.seconds += time.perf_counter() - began
        return Analysed(Analysis(entities=entities, model_name="bench"))


def window_figures(root: Path, database: Path, corpus: Corpus, count: int) -> dict[str, float]:
    """The library panel: opening it on the full library, and the event loop while it indexes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.ui.library_panel import LibraryPanel

    app = QApplication.instance() or QApplication([])
    began = time.perf_counter()
    full = LibraryPanel(database, analyser_factory=lambda: CorpusAnalyser(corpus))
    full.show()
    app.processEvents()
    opened_ms = (time.perf_counter() - began) * 1000
    full.close_library()
    panel = LibraryPanel(root / "panel" / "reader.sqlite3", lambda: CorpusAnalyser(corpus))
    panel.show()
    paths = [str(root / "articles" / f"article-{n:05d}.txt") for n in range(count)]
    meter = StallMeter()
    meter.start()
    began = time.perf_counter()
    panel.add_paths(paths)
    wait_for(panel.libraryChanged)
    seconds = time.perf_counter() - began
    stall = meter.stop()
    panel.close_library()
    return {
        "panel_open_full_library_ms": round(opened_ms, 1),
        "panel_indexed_articles": count,
        "panel_index_articles_per_s": round(count / seconds, 1),
        "indexing_longest_stall_ms": stall,
    }


class NoModel:
    """An engine that must not be needed: the window shows the library's stored analysis."""

    model = "bench-no-model"

    def __init__(self) -> None:
        self.calls = 0

    def warm_up(self) -> None:
        return None

    def annotate(self, document, progress, is_cancelled):
        self.calls += 1
        raise RuntimeError("the model was called for an article in the library")

    def interpret(self, document, annotations, rules=()):
        self.calls += 1
        raise RuntimeError("the model was called for an article in the library")

    def close(self) -> None:
        return None


def window_reopen_ms(database: Path, corpus: Corpus, article: Path) -> dict[str, float]:
    """The main window on the full library: documentReady → entities shown, no model call."""
    from PySide6.QtWidgets import QApplication

    from reader.analysis.service import AnalysisService
    from reader.library import analyser_version
    from reader.ui.library_link import application_library, close_application_libraries
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    engine = NoModel()
    document = load_document(article)
    with Library(database) as library:
        stat = article.stat()
        library.put_article(
            document,
            CorpusAnalyser(corpus)(document).analysis,
            analyser_version=analyser_version(engine.model),
            size=stat.st_size,
            mtime=stat.st_mtime,
        )
    service = AnalysisService(engine)
    window = MainWindow(service=service, library=application_library(database.parent))
    window.show()
    stamps: dict[str, float] = {}
    window.documentReady.connect(lambda _p: stamps.setdefault("ready", time.perf_counter()))
    window.analysisFinished.connect(lambda _p: stamps.setdefault("shown", time.perf_counter()))
    window.open_path(str(article))
    wait_for(window.analysisFinished, 30_000)
    app.processEvents()
    shown = bool(window.panel_host.panels[0].widget().isVisible() and window.analysis)
    window.close()
    service.close()
    close_application_libraries()
    return {
        "window_reopen_entities_after_ready_ms": round(
            (stamps["shown"] - stamps["ready"]) * 1000 if shown and "ready" in stamps else -1, 1
        ),
        "window_reopen_model_calls": engine.calls,
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)


def timed_ms(call) -> float:
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100, help="queries of each kind")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it")
    options = parser.parse_args(argv)
    root = Path(options.keep or tempfile.mkdtemp(prefix="reader-bench-library-"))
    root.mkdir(parents=True, exist_ok=True)
    figures: dict[str, object] = {"articles": options.articles}

    sources = SourceParagraphs()
    corpus = Corpus(sources, lexicon())
    folder = root / "articles"
    folder.mkdir(exist_ok=True)
    text_bytes = 0
    words = 0
    for n in range(options.articles):
        text = corpus.file_text(n)
        (folder / f"article-{n:05d}.txt").write_text(text, encoding="utf-8")
        text_bytes += len(text.encode("utf-8"))
        words += len(text.split())
    figures["words"] = words
    figures["text_mb"] = round(text_bytes / 1048576, 1)

    # The model's own pace on whole corpus articles (model already loaded by SourceParagraphs).
    sample = [load_document(folder / f"article-{n:05d}.txt") for n in range(3)]
    began = time.perf_counter()
    for document in sample:
        analyse_document(document)
    figures["model_articles_per_s_one_process"] = round(
        len(sample) / (time.perf_counter() - began), 2
    )

    database = root / "reader.sqlite3"
    for extra in root.glob("reader.sqlite3*"):
        extra.unlink()
    analyser = CorpusAnalyser(corpus)
    memory: list[float] = []

    def progress(step) -> None:
        if step.done % max(1, options.articles // 10) == 0:
            memory.append(rss_mb())

    with Library(database) as library:
        began = time.perf_counter()
        report = add_paths(library, [str(folder)], analyser, progress=progress)
        elapsed = time.perf_counter() - began
        assert report.added == options.articles and not report.failed, report
        store_seconds = elapsed - analyser.seconds
        figures["index_articles_per_s"] = round(options.articles / store_seconds, 1)
        figures["index_words_per_s"] = round(words / store_seconds)
        figures["index_vs_model_one_process"] = round(
            figures["index_articles_per_s"] / figures["model_articles_per_s_one_process"], 1
        )
        figures["rss_mb_during_indexing"] = memory
        figures["rss_growth_mb_second_half"] = round(memory[-1] - memory[len(memory) // 2], 1)

        began = time.perf_counter()
        unchanged = add_paths(library, [str(folder)], analyser)
        figures["rescan_unchanged_s"] = round(time.perf_counter() - began, 2)
        assert unchanged.unchanged == options.articles

        rng = random.Random(3)
        vocabulary = [w for t in sources.texts for w in re.findall(r"[a-z]{5,}", t)]
        vocabulary += [w.lower() for w in corpus.words["towns"]]
        phrases = []
        for text in [*sources.texts, *TOPICS]:
            tokens = re.findall(r"[A-Za-z]+", text)
            if len(tokens) > 2:
                i = rng.randrange(len(tokens) - 2)
                phrases.append(" ".join(tokens[i : i + 2]))
        people = corpus.words["people"]
        queries = {
            "words": [rng.choice(vocabulary) for _ in range(options.queries)],
            "two_words": [
                f"{rng.choice(vocabulary)} {rng.choice(vocabulary)}" for _ in range(options.queries)
            ],
            "phrase": [f'"{rng.choice(phrases)}"' for _ in range(options.queries)],
            "prefix": [rng.choice(vocabulary)[:4] + "*" for _ in range(options.queries)],
            "entity": [f'entity:"{rng.choice(people)}"' for _ in range(options.queries)],
            "surname": [f"entity:{rng.choice(people).split()[1]}" for _ in range(options.queries)],
        }
        for kind, batch in queries.items():
            library.search(batch[0])
            timings = [timed_ms(lambda q=q: library.search(q)) for q in batch]
            figures[f"search_{kind}_p95_ms"] = percentile(timings, 0.95)

        paths = [str(folder / f"article-{n:05d}.txt") for n in range(options.articles)]
        also, reopen, entity_lookup = [], [], []
        for _ in range(options.queries):
            document = load_document(rng.choice(paths))
            cached = library.analysis_for(document, analyser.version)
            reopen.append(timed_ms(lambda d=document: library.analysis_for(d, analyser.version)))
            entity = rng.choice([e for e in cached.entities if e.group is EntityGroup.PERSON])
            also.append(timed_ms(lambda e=entity, d=document: library.also_in(e, d.source_path)))
            entity_lookup.append(timed_ms(lambda e=entity: library.entity(e.name)))
        figures["also_in_p95_ms"] = percentile(also, 0.95)
        figures["reopen_from_cache_p95_ms"] = percentile(reopen, 0.95)
        figures["entity_details_p95_ms"] = percentile(entity_lookup, 0.95)
        figures["top_entities_ms"] = round(timed_ms(library.top_entities), 1)
        stats = library.stats()
        figures["library_entities"] = stats.entities
    began = time.perf_counter()
    Library(database).close()
    figures["reopen_library_ms"] = round((time.perf_counter() - began) * 1000, 1)
    size = database.stat().st_size  # closed: the write-ahead log is checkpointed
    figures["database_mb"] = round(size / 1048576, 1)
    figures["database_to_text"] = round(size / text_bytes, 2)
    figures.update(window_figures(root, database, corpus, min(1000, options.articles)))
    figures.update(window_reopen_ms(database, corpus, folder / "article-00007.txt"))
    figures["targets"] = {
        "search_p95_ms": 50,
        "also_in_p95_ms": 20,
        "reopen_from_cache_ms": 250,
        "window_reopen_entities_after_ready_ms": 250,
        "database_to_text": 2.0,
        "indexing_longest_stall_ms": 100,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
