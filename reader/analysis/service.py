"""One analysis service per application: the model workers, a job queue, the annotation cache.

`reader.app` creates one `AnalysisService` and hands it to every window and to the
CLI. Jobs are keyed by article: a new job for a key replaces the one waiting or
running under it. Jobs run one at a time on the service's thread, highest priority
first (the article on screen before background indexing); a running lower-priority
job gives way between batches and is resumed afterwards. Callbacks are called on the
service's thread; a Qt caller turns them into queued signals (`reader.ui.session`).

The model's output is cached by content hash and model, so opening the same text
again, or re-interpreting it with new rules (`interpret`), never runs the model.
No Qt here.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import Protocol

from reader.analysis.annotations import AnalysisCancelled, Annotations, content_hash
from reader.analysis.language import LanguageModelError
from reader.analysis.model import Analysis, ReferenceDate, SummarySentence
from reader.analysis.rules import Rule
from reader.document import Document

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]
CACHE_SIZE = 64


class Priority(IntEnum):
    """Lower runs first."""

    OPEN = 0  # the article a reader has open
    BACKGROUND = 10  # indexing, prefetching


class AnalysisUnavailable(Exception):
    """Raised by an engine when it cannot run at all (e.g. no language model)."""


class Engine(Protocol):
    """What runs the two steps. The real one is `ModelEngine`; tests bring fakes."""

    @property
    def model(self) -> str:
        """Name and version of the model: half of the cache key."""
        ...

    def warm_up(self) -> None:
        """Load the model (blocking); raise if it cannot be loaded."""
        ...

    def annotate(
        self, document: Document, progress: ProgressFn, is_cancelled: CancelFn
    ) -> Annotations:
        """The slow step, in batches: progress after each, AnalysisCancelled between them."""
        ...

    def interpret(
        self, document: Document, annotations: Annotations, rules: Iterable[Rule] = ()
    ) -> Analysis:
        """The fast, pure step."""
        ...

    def close(self) -> None: ...


class ModelEngine:
    """The real engine: spaCy in worker processes (an AnnotatorPool), or in this process."""

    def __init__(self, pool=None, *, in_process: bool = False) -> None:
        """`pool`: an AnnotatorPool (perhaps already starting); `in_process`: no workers."""
        if pool is None and not in_process:
            from reader.analysis.parallel import AnnotatorPool

            pool = AnnotatorPool()
        self.pool = pool
        self._model = ""

    @property
    def model(self) -> str:
        if not self._model:
            from reader.analysis.language import model_name

            self._model = model_name()
        return self._model

    def warm_up(self) -> None:
        if self.pool is not None:
            self.pool.start()
            self.pool.wait_ready()
        else:
            from reader.analysis.language import get_nlp

            get_nlp()

    def annotate(
        self, document: Document, progress: ProgressFn, is_cancelled: CancelFn
    ) -> Annotations:
        from reader.analysis.pipeline import annotate

        annotator = self.pool.annotate if self.pool is not None else None
        return annotate(document, annotator, progress=progress, is_cancelled=is_cancelled)

    def interpret(
        self, document: Document, annotations: Annotations, rules: Iterable[Rule] = ()
    ) -> Analysis:
        from reader.analysis.pipeline import interpret

        return interpret(document, annotations, rules)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


@dataclass(eq=False)
class Job:
    """One article to analyse; `cancel()` drops it (its callbacks are never called)."""

    key: str
    document: Document
    priority: int
    rules: tuple[Rule, ...] = ()
    progress: ProgressFn | None = None
    finished: Callable[[Annotations, Analysis], None] | None = None
    failed: Callable[[str], None] | None = None
    _cancelled: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class AnalysisService:
    """Owns the engine (the model workers), runs jobs by priority, caches annotations.

    `ready_callbacks` are called (on the service's thread) once the model is loaded.
    """

    def __init__(self, engine: Engine | None = None, *, cache_size: int = CACHE_SIZE) -> None:
        self.engine: Engine = engine if engine is not None else ModelEngine()
        self.ready_callbacks: list[Callable[[], None]] = []
        self._cache: OrderedDict[tuple[str, str], Annotations] = OrderedDict()
        self._cache_size = cache_size
        self._queue: list[tuple[int, int, Job]] = []
        self._jobs: dict[str, Job] = {}
        self._order = itertools.count()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._idle = threading.Event()
        self._idle.set()

    # --- running -------------------------------------------------------------------

    def start(self) -> None:
        """Start the thread, which first loads the model; returns at once."""
        with self._condition:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="analysis", daemon=True)
                self._thread.start()

    def submit(
        self,
        key: str,
        document: Document,
        *,
        priority: int = Priority.OPEN,
        rules: Iterable[Rule] = (),
        progress: ProgressFn | None = None,
        finished: Callable[[Annotations, Analysis], None] | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> Job:
        """Queue `document`'s analysis; `finished(annotations, analysis)` or `failed(message)`."""
        job = Job(key, document, int(priority), tuple(rules), progress, finished, failed)
        with self._condition:
            previous = self._jobs.get(key)
            if previous is not None:
                previous.cancel()
            self._jobs[key] = job
            heapq.heappush(self._queue, (job.priority, next(self._order), job))
            self._idle.clear()
            self._condition.notify_all()
        self.start()
        return job

    def cancel(self, key: str) -> None:
        with self._condition:
            job = self._jobs.pop(key, None)
        if job is not None:
            job.cancel()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no job is waiting or running (for tests and orderly exits)."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        """Drop every job, stop the thread and the model workers."""
        with self._condition:
            self._closed = True
            for job in self._jobs.values():
                job.cancel()
            self._jobs.clear()
            self._queue.clear()
            self._condition.notify_all()
        self.engine.close()  # first: a model still loading is not waited for
        if self._thread is not None:
            self._thread.join(10)

    # --- the fast, synchronous part -----------------------------------------------------

    def cached(self, document: Document) -> Annotations | None:
        with self._condition:
            return self._cache.get((content_hash(document.text), self.engine.model))

    def interpret(
        self, document: Document, annotations: Annotations, rules: Iterable[Rule] = ()
    ) -> Analysis:
        """Re-interpret kept annotations (a correction, a rule change): no model call."""
        return self.engine.interpret(document, annotations, tuple(rules))

    def summary(
        self, document: Document, analysis: Analysis, length: int
    ) -> tuple[SummarySentence, ...]:
        """The summary at another length (the pane's length chooser): no model call."""
        from reader.analysis.pipeline import summary_of

        return summary_of(document, analysis, length)

    def redate(
        self, document: Document, analysis: Analysis, day: date, rules: Iterable[Rule] = ()
    ) -> Analysis:
        """`analysis` with times, figures, dates and numbers against the reader's date for
        the article (View › Article Date…), the reader's `rules` still in force: no model call."""
        from reader.analysis.pipeline import with_times

        return with_times(document, analysis, ReferenceDate(day, "user"), rules)

    def analyse(self, document: Document, rules: Iterable[Rule] = ()) -> Analysis:
        """The whole analysis on the calling thread (the CLI); raises as the engine does."""
        annotations = self.cached(document)
        if annotations is None:
            annotations = self.engine.annotate(document, _no_progress, _never)
            self._remember(annotations)
        return self.interpret(document, annotations, rules)

    def analyse_in_background(
        self,
        key: str,
        document: Document,
        is_cancelled: CancelFn = lambda: False,
        rules: Iterable[Rule] = (),
    ) -> tuple[Annotations, Analysis]:
        """Analyse on the service's thread at BACKGROUND priority and wait for it here.

        For indexers on their own threads: the open article still goes first (this job
        gives way and resumes), and the model runs in the one place it runs. Raises
        AnalysisCancelled if `is_cancelled()` turns true, AnalysisUnavailable on failure.
        """
        done = threading.Event()
        outcome: list = []
        job = self.submit(
            key,
            document,
            priority=Priority.BACKGROUND,
            rules=rules,
            finished=lambda annotations, analysis: (
                outcome.append((annotations, analysis)),
                done.set(),
            ),
            failed=lambda message: (outcome.append(message), done.set()),
        )
        while not done.wait(0.05):
            if is_cancelled() or self._closed or job.cancelled:
                self.cancel(key)
                raise AnalysisCancelled
        if isinstance(outcome[0], str):
            raise AnalysisUnavailable(outcome[0])
        return outcome[0]

    def _remember(self, annotations: Annotations) -> None:
        with self._condition:
            self._cache[annotations.cache_key] = annotations
            self._cache.move_to_end(annotations.cache_key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    # --- the service's thread ---------------------------------------------------------

    def _run(self) -> None:
        try:
            self.engine.warm_up()
        except Exception:  # each job then reports the failure in words
            pass
        else:
            for callback in list(self.ready_callbacks):
                callback()
        while True:
            with self._condition:
                while not self._queue and not self._closed:
                    self._idle.set()
                    self._condition.wait()
                if self._closed:
                    self._idle.set()
                    return
                _priority, _order, job = heapq.heappop(self._queue)
            if not job.cancelled:
                self._work(job)

    def _outranked(self, job: Job) -> bool:
        with self._condition:
            return any(p < job.priority and not j.cancelled for p, _o, j in self._queue)

    def _work(self, job: Job) -> None:
        outranked = False

        def is_cancelled() -> bool:
            nonlocal outranked
            if job.cancelled or self._closed:
                return True
            # A job of higher priority is waiting: this one stops and goes back in the queue.
            outranked = self._outranked(job)
            return outranked

        def report(done: int, total: int) -> None:
            if job.progress is not None and not job.cancelled:
                job.progress(done, total)

        try:
            annotations = self.cached(job.document)
            if annotations is None:
                annotations = self.engine.annotate(job.document, report, is_cancelled)
                self._remember(annotations)
            else:
                report(1, 1)
            if job.cancelled or self._closed:
                return
            analysis = self.engine.interpret(job.document, annotations, job.rules)
        except AnalysisCancelled:
            if outranked and not job.cancelled:
                with self._condition:
                    heapq.heappush(self._queue, (job.priority, next(self._order), job))
            return
        except Exception as exc:
            if not job.cancelled and job.failed is not None:
                job.failed(describe_failure(exc))
            self._forget(job)
            return
        if not job.cancelled and job.finished is not None:
            job.finished(annotations, analysis)
        self._forget(job)

    def _forget(self, job: Job) -> None:
        with self._condition:
            if self._jobs.get(job.key) is job:
                del self._jobs[job.key]


def describe_failure(exc: Exception) -> str:
    """A failure in words for the reader: what went wrong and, if we know, what to do."""
    if isinstance(exc, LanguageModelError | AnalysisUnavailable):
        return str(exc)
    return f"The analysis failed ({type(exc).__name__}: {exc})."


def _no_progress(_done: int, _total: int) -> None:
    return None


def _never() -> bool:
    return False
