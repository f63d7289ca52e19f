"""Language-model worker processes: no GIL shared with a GUI, and more cores for long texts.

spaCy's entity recognizer holds the GIL while it works, so threads neither speed
it up nor keep a window's event loop free. Each worker process loads the model
once (about 150 MB) and annotates the share of texts it is sent; the pool splits
every request between the workers that are ready. One worker starts at once; more
start only when a long text arrives, one after the other, so short articles cost
one model's memory and a cold start does not compete with the window for the cores.

Workers are their own program (`python -m reader.analysis.worker`, or the bundle's
executable with WORKER_FLAG), started through subprocess: they never import the
caller's main module, so the pool works from any script, notebook or `python -c`.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from reader.analysis.annotate import Annotation
from reader.analysis.language import LanguageModelError
from reader.analysis.worker import receive, send

START_TIMEOUT_S = 120.0
# A request this long (about 800 words) makes the pool start its next worker.
GROW_CHARS = 5_000
# In a bundle there is no `python -m`: the executable itself serves as a worker.
WORKER_FLAG = "--model-worker"


def worker_command() -> list[str]:
    """How to start one worker process from this installation."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "reader.analysis.worker"]


def _worker_environment() -> dict[str, str]:
    """This environment, with the folder holding `reader` first on the path (a checkout)."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


class _Worker:
    def __init__(self, command: Sequence[str]) -> None:
        self.process = subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if sys.stderr is not None else subprocess.DEVNULL,
            env=_worker_environment(),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        self.ready = threading.Event()
        self.error = ""

    def send(self, message) -> None:
        send(self.process.stdin, message)

    def receive(self):
        return receive(self.process.stdout)

    def wait_start(self) -> None:
        """Read the worker's first word: ready, or why it could not load the model."""
        timer = threading.Timer(START_TIMEOUT_S, self.process.kill)
        timer.start()
        try:
            status, message = self.receive()
            self.error = message if status == "error" else ""
        except (EOFError, OSError, ValueError):
            if timer.is_alive():
                self.error = "the language model worker stopped while starting"
            else:
                self.error = "the language model worker did not start in time"
        finally:
            timer.cancel()
        self.ready.set()

    @property
    def usable(self) -> bool:
        return self.ready.is_set() and not self.error and self.process.poll() is None

    def is_alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if not self.ready.is_set():
            self.process.kill()  # still loading the model: nothing to finish
        with contextlib.suppress(OSError, ValueError):
            self.send(None)
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()
        try:
            self.process.wait(2)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(2)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(OSError, ValueError):
            self.process.stdout.close()


class AnnotatorPool:
    """Worker processes holding the language model; `annotate` has the in-process signature."""

    def __init__(self, processes: int = 2, command: Sequence[str] | None = None) -> None:
        """`command` starts one worker (default: `worker_command()`)."""
        self._size = max(1, processes)
        self._command = list(command) if command is not None else worker_command()
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()  # one request at a time
        self._start_lock = threading.Lock()
        self._starter: threading.Thread | None = None
        self._closed = False

    def start(self) -> None:
        """Start the first worker in the background; returns at once."""
        if not self._workers:
            self._grow()

    def _grow(self) -> None:
        """Start one more worker in the background, unless one is starting or all are there."""
        with self._start_lock:
            if self._closed or (self._starter is not None and self._starter.is_alive()):
                return
            if len(self._workers) >= self._size or any(w.error for w in self._workers):
                return
            self._starter = threading.Thread(target=self._start_one, daemon=True)
            self._starter.start()

    def _start_one(self) -> None:
        with self._start_lock:
            if self._closed:
                return
            worker = _Worker(self._command)
            self._workers.append(worker)
        worker.wait_start()

    def wait_ready(self) -> None:
        """Block until at least one worker can annotate; raise LanguageModelError if none can."""
        self.start()
        while True:
            if self._closed:
                raise LanguageModelError("the language model workers were stopped")
            workers = list(self._workers)
            if any(w.usable for w in workers):
                return
            failed = [w for w in workers if w.ready.is_set() and w.error]
            if failed:
                raise LanguageModelError(failed[0].error)
            dead = [w for w in workers if w.ready.is_set() and not w.is_alive()]
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
            problem = ""
            for worker, share in zip(workers, shares, strict=False):
                if share:
                    try:
                        worker.send(share)
                    except (OSError, ValueError):
                        worker.error = problem = "the language model worker stopped unexpectedly"
                        continue
                    busy.append(worker)
            results: list[Annotation] = []
            for worker in busy:
                try:
                    status, payload = worker.receive()
                except (EOFError, OSError, ValueError):
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
        """Stop every worker; one still loading its model is stopped at once."""
        with self._start_lock:
            self._closed = True
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.stop()
        if self._starter is not None:
            self._starter.join(START_TIMEOUT_S)
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
