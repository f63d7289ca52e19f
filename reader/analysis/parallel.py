"""Language-model worker processes: no GIL shared with a GUI, and more cores for long texts.

spaCy's entity recognizer holds the GIL while it works, so threads neither speed
it up nor keep a window's event loop free. Each worker process loads the model
once (about 150 MB) and annotates the share of texts it is sent; the pool splits
every request between the workers that are ready. One worker starts at once; more
start only when a long text arrives, one after the other, so short articles cost
one model's memory and a cold start does not compete with the window for the cores.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection

from reader.analysis.annotate import Annotation, annotate_texts
from reader.analysis.language import LanguageModelError

START_TIMEOUT_S = 120.0
# A request this long (about 800 words) makes the pool start its next worker.
GROW_CHARS = 5_000


def _serve(conn: Connection) -> None:
    """A worker's life: load the model, say so, then annotate until told to stop."""
    try:
        annotate_texts(["Warm-up."])
    except Exception as exc:  # reported to the parent in words, never a traceback
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            conn.send(("ok", annotate_texts(request)))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, context) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.ready = threading.Event()
        self.error = ""

    def wait_start(self) -> None:
        """Read the worker's first word: ready, or why it could not load the model."""
        try:
            if self.conn.poll(START_TIMEOUT_S):
                status, message = self.conn.recv()
                self.error = message if status == "error" else ""
            else:
                self.error = "the language model worker did not start in time"
        except (EOFError, OSError):
            self.error = "the language model worker stopped while starting"
        self.ready.set()

    @property
    def usable(self) -> bool:
        return self.ready.is_set() and not self.error and self.process.is_alive()

    def stop(self) -> None:
        with contextlib.suppress(OSError, BrokenPipeError):
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(2)
        self.conn.close()


class AnnotatorPool:
    """Worker processes holding the language model; `annotate` has the in-process signature."""

    def __init__(self, processes: int = 2) -> None:
        self._size = max(1, processes)
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()  # one request at a time
        self._start_lock = threading.Lock()
        self._starter: threading.Thread | None = None

    def start(self) -> None:
        """Start the first worker in the background; returns at once."""
        if not self._workers:
            self._grow()

    def _grow(self) -> None:
        """Start one more worker in the background, unless one is starting or all are there."""
        with self._start_lock:
            if self._starter is not None and self._starter.is_alive():
                return
            if len(self._workers) >= self._size or any(w.error for w in self._workers):
                return
            self._starter = threading.Thread(target=self._start_one, daemon=True)
            self._starter.start()

    def _start_one(self) -> None:
        worker = _Worker(self._context)
        self._workers.append(worker)
        worker.wait_start()

    def wait_ready(self) -> None:
        """Block until at least one worker can annotate; raise LanguageModelError if none can."""
        self.start()
        while True:
            workers = list(self._workers)
            if any(w.usable for w in workers):
                return
            failed = [w for w in workers if w.ready.is_set() and w.error]
            if failed:
                raise LanguageModelError(failed[0].error)
            dead = [w for w in workers if w.ready.is_set() and not w.process.is_alive()]
            if dead:  # a worker that died (killed, out of memory) is replaced
                for worker in dead:
                    self._workers.remove(worker)
                self._grow()
            elif workers:
                workers[-1].ready.wait(0.05)
            elif self._starter is not None:
                self._starter.join(0.05)

    def annotate(self, texts: Sequence[str]) -> list[Annotation]:
        """Annotate `texts`, split in contiguous shares between the ready workers."""
        texts = list(texts)
        if not texts:
            return []
        self.wait_ready()
        try:
            return self._annotate(texts)
        finally:
            # A long text brings in the next worker, after this request: starting it
            # now would only compete with the work under way.
            if sum(len(t) for t in texts) >= GROW_CHARS:
                self._grow()

    def _annotate(self, texts: list[str]) -> list[Annotation]:
        with self._lock:
            workers = [w for w in self._workers if w.usable]
            shares = _shares(texts, len(workers))
            busy = []
            for worker, share in zip(workers, shares, strict=False):
                if share:
                    worker.conn.send(share)
                    busy.append(worker)
            results: list[Annotation] = []
            problem = ""
            for worker in busy:
                try:
                    status, payload = worker.conn.recv()
                except (EOFError, OSError):
                    status, payload = "error", "the language model worker stopped unexpectedly"
                    worker.error = payload
                if status == "ok":
                    results.extend(payload)
                else:
                    problem = problem or payload
            if problem:
                raise LanguageModelError(f"The analysis failed in a worker process: {problem}")
            return results

    def wait_started(self, timeout: float = START_TIMEOUT_S) -> None:
        """Wait until a worker that is starting has loaded its model (or failed to)."""
        starter = self._starter
        if starter is not None:
            starter.join(timeout)

    @property
    def ready_workers(self) -> int:
        return sum(1 for w in self._workers if w.usable)

    def close(self) -> None:
        if self._starter is not None:
            self._starter.join(START_TIMEOUT_S)
        with self._lock:
            for worker in self._workers:
                worker.stop()
            self._workers.clear()
        self._starter = None


def _shares(texts: list[str], parts: int) -> list[list[str]]:
    """Split `texts` in order into `parts` runs of about equal length."""
    if parts <= 1:
        return [texts]
    total = sum(len(t) for t in texts)
    shares: list[list[str]] = [[] for _ in range(parts)]
    size = 0
    for text in texts:
        index = min(parts - 1, size * parts // max(1, total))
        shares[index].append(text)
        size += len(text)
    return shares
