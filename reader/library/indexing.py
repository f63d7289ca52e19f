"""Adding article files to the library: find them, analyse what is new, one article at a time.

Each article is committed on its own, so stopping (Cancel, a crash, kill -9) loses at
most the article in flight and running again finishes the rest. A file whose size and
time are unchanged is skipped without reading; a changed file whose text is the same
keeps its analysis; the same text anywhere in the library is never analysed twice.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from reader import __version__
from reader.analysis import Analysis, AnalysisCancelled, Annotations, LanguageModelError, Rule
from reader.analysis.service import AnalysisService
from reader.document import Document, DocumentError, load_document
from reader.library.serialise import FORMAT_VERSION, schema_fingerprint
from reader.library.store import Library, content_hash

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Analysed:
    """An analysis, with the model's raw output when there is one (kept for re-deriving)."""

    analysis: Analysis
    annotations: bytes | None = None


class DocumentAnalyser(Protocol):
    """Analyses one document; `version` changes whenever its results may change."""

    version: str

    def __call__(self, document: Document) -> Analysed: ...


def analyser_version(model: str | None = None) -> str:
    """Names what produced an analysis: a stored analysis is reused only under the same name.

    The window uses it too, to show a library article's stored analysis without the model;
    `model` is the engine's model name (default: the installed language model's).
    """
    if model is None:
        from reader.analysis.language import model_name

        model = model_name()
    return f"reader-{__version__}/{model}/format-{FORMAT_VERSION}/{schema_fingerprint()}"


def pack_annotations(annotations: Annotations) -> bytes:
    """The model's output as the library keeps it (compressed JSON)."""
    raw = json.dumps(annotations.to_dict(), separators=(",", ":"))
    return zlib.compress(raw.encode("utf-8"))


def unpack_annotations(packed: bytes) -> Annotations:
    return Annotations.from_dict(json.loads(zlib.decompress(packed).decode("utf-8")))


class ModelAnalyser:
    """The real analysis: the language model in this process, or through `annotator`
    (an AnnotatorPool's `annotate`, to keep the model off the calling process), with the
    reader's saved corrections `rules` applied (the model's own output is kept as well)."""

    def __init__(self, annotator=None, rules: Sequence[Rule] = ()) -> None:
        self._annotator = annotator
        self.rules = tuple(rules)
        self.version = analyser_version()

    def __call__(self, document: Document) -> Analysed:
        from reader.analysis.pipeline import annotate, interpret

        annotations = annotate(document, self._annotator)
        analysis = interpret(document, annotations, self.rules)
        return Analysed(analysis, pack_annotations(annotations))


class ServiceAnalyser:
    """The analysis through an application's AnalysisService, at background priority.

    The window's indexer uses it: the model runs where it always runs, and the article
    the reader has open goes first. Call from any thread but the service's own.
    """

    def __init__(
        self,
        service: AnalysisService,
        key: str = "library-indexing",
        is_cancelled: Callable[[], bool] | None = None,
        rules: Sequence[Rule] = (),
    ) -> None:
        self._service = service
        self._rules = tuple(rules)
        self._key = key
        self._is_cancelled = is_cancelled or (lambda: False)
        self.version = analyser_version(service.engine.model)

    def __call__(self, document: Document) -> Analysed:
        annotations, analysis = self._service.analyse_in_background(
            self._key, document, self._is_cancelled, self._rules
        )
        return Analysed(analysis, pack_annotations(annotations))


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Progress:
    """Reported after each file: `done` of `total`, what happened to `path`, and why."""

    done: int
    total: int
    path: str
    outcome: Outcome
    message: str = ""


@dataclass(slots=True)
class AddReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False


def find_articles(paths: Iterable[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Article files under `paths` (files as given, folders recursively: .txt and .md).

    Returns (absolute paths in a stable order, [(path, reason)] for paths that are unusable).
    """
    found: dict[str, None] = {}
    problems: list[tuple[str, str]] = []
    for given in paths:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                        found.setdefault(os.path.join(folder, name), None)
        elif os.path.isfile(path):
            found.setdefault(path, None)
        else:
            problems.append((given, "no such file or folder"))
    return list(found), problems


def add_paths(
    library: Library,
    paths: Sequence[str],
    analyser: DocumentAnalyser,
    *,
    progress: Callable[[Progress], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> AddReport:
    """Add (or refresh) every article under `paths`; see the module docstring."""
    files, problems = find_articles(paths)
    report = AddReport(failed=list(problems))
    for done, path in enumerate(files, start=1):
        if is_cancelled is not None and is_cancelled():
            report.cancelled = True
            break
        try:
            outcome, message = add_file(library, path, analyser)
        except AnalysisCancelled:
            report.cancelled = True
            break
        if outcome is Outcome.FAILED:
            report.failed.append((path, message))
        else:
            setattr(report, outcome.value, getattr(report, outcome.value) + 1)
        if progress is not None:
            progress(Progress(done, len(files), path, outcome, message))
    return report


def add_file(library: Library, path: str, analyser: DocumentAnalyser) -> tuple[Outcome, str]:
    """Index one file (committed on its own); returns what happened and, on failure, why."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        return Outcome.FAILED, exc.strerror or str(exc)
    state = library.article_state(path)
    if (
        state is not None
        and not state.missing
        and state.size == stat.st_size
        and state.mtime == stat.st_mtime
        and state.analyser_version == analyser.version
    ):
        return Outcome.UNCHANGED, ""
    try:
        document = load_document(path)
    except DocumentError as exc:
        return Outcome.FAILED, exc.reason
    digest = content_hash(document.text)
    if (
        state is not None
        and state.content_hash == digest
        and (state.analyser_version == analyser.version)
    ):
        library.touch(path, stat.st_size, stat.st_mtime)
        return Outcome.UNCHANGED, ""
    cached = library.stored_analysis(digest, analyser.version, document.text)
    if cached is not None:
        analysed = Analysed(cached)
    else:
        try:
            analysed = analyser(document)
        except (LanguageModelError, AnalysisCancelled):
            raise  # no article can be analysed, or the user stopped: the caller says so
        except Exception as exc:  # one article that trips the analysis must not stop the rest
            return Outcome.FAILED, f"it could not be analysed ({exc or type(exc).__name__})"
    is_new = library.put_article(
        document,
        analysed.analysis,
        analyser_version=analyser.version,
        path=path,
        size=stat.st_size,
        mtime=stat.st_mtime,
        annotations=analysed.annotations,
        digest=digest,
    )
    return (Outcome.ADDED if is_new else Outcome.UPDATED), ""
