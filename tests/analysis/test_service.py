"""The analysis service: jobs by article, the open article first, cancelling, the cache."""

from __future__ import annotations

import threading

from reader.analysis import Analysis, Annotations
from reader.analysis.annotations import content_hash
from reader.analysis.pipeline import AnalysisCancelled
from reader.analysis.service import AnalysisService, AnalysisUnavailable, Priority
from reader.document import Document, parse_article


class StepEngine:
    """Annotates in ten batches; each waits for the test's permission to go on."""

    model = "step"

    def __init__(self) -> None:
        self.steps = threading.Semaphore(0)
        self.log: list[str] = []
        self.lock = threading.Lock()

    def warm_up(self) -> None:
        return None

    def annotate(self, document: Document, progress, is_cancelled) -> Annotations:
        name = document.title
        for batch in range(10):
            if is_cancelled():
                with self.lock:
                    self.log.append(f"{name} stopped at {batch}")
                raise AnalysisCancelled
            self.steps.acquire(timeout=10)
            progress(batch + 1, 10)
        with self.lock:
            self.log.append(f"{name} annotated")
        return Annotations(content_hash(document.text), self.model)

    def interpret(self, document: Document, annotations: Annotations, rules=()) -> Analysis:
        if "Broken" in document.title:
            raise AnalysisUnavailable("No model for broken articles.")
        return Analysis(model_name=document.title)

    def close(self) -> None:
        return None


def article(title: str) -> Document:
    return parse_article(f"{title}\n\nA paragraph about {title} for the test.\n")


def collect(service: AnalysisService, key: str, document: Document, **kwargs):
    done = threading.Event()
    outcome: dict = {"progress": []}

    def finished(annotations, analysis) -> None:
        outcome["analysis"] = analysis
        done.set()

    def failed(message) -> None:
        outcome["failed"] = message
        done.set()

    service.submit(
        key,
        document,
        progress=lambda d, t: outcome["progress"].append(d),
        finished=finished,
        failed=failed,
        **kwargs,
    )
    return done, outcome


def test_the_open_article_overtakes_background_work_which_then_resumes() -> None:
    engine = StepEngine()
    service = AnalysisService(engine)
    try:
        background, bg = collect(service, "index", article("Archive"), priority=Priority.BACKGROUND)
        for _ in range(3):
            engine.steps.release()
        while len(bg["progress"]) < 3:
            threading.Event().wait(0.01)
        opened, op = collect(service, "open", article("Front Page"))
        for _ in range(40):
            engine.steps.release()
        assert opened.wait(10) and background.wait(10)
        assert op["analysis"].model_name == "Front Page"
        assert bg["analysis"].model_name == "Archive"
        assert engine.log.index("Front Page annotated") < engine.log.index("Archive annotated")
        assert any(entry.startswith("Archive stopped") for entry in engine.log)
        assert op["progress"] == list(range(1, 11))
    finally:
        service.close()


def test_a_new_job_for_the_same_key_cancels_the_old_between_batches() -> None:
    engine = StepEngine()
    service = AnalysisService(engine)
    try:
        first, old = collect(service, "window", article("Old Story"))
        engine.steps.release()
        while not old["progress"]:
            threading.Event().wait(0.01)
        second, new = collect(service, "window", article("New Story"))
        for _ in range(20):
            engine.steps.release()
        assert second.wait(10)
        assert new["analysis"].model_name == "New Story"
        assert not first.wait(0.3)  # the old job never reports
        assert any(entry.startswith("Old Story stopped") for entry in engine.log)
    finally:
        service.close()


def test_annotations_are_cached_by_content_and_failures_are_words() -> None:
    engine = StepEngine()
    service = AnalysisService(engine)
    try:
        for _ in range(10):
            engine.steps.release()
        done, first = collect(service, "a", article("Harbour News"))
        assert done.wait(10)
        done, again = collect(service, "a", article("Harbour News"))
        assert done.wait(10)
        assert engine.log.count("Harbour News annotated") == 1
        assert again["analysis"] == first["analysis"]
        for _ in range(10):
            engine.steps.release()
        done, broken = collect(service, "b", article("Broken Story"))
        assert done.wait(10)
        assert broken["failed"] == "No model for broken articles."
    finally:
        service.close()
