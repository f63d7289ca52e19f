"""The careful-reader score: what a careful human reader finds, against Reader's entity list.

Usage: PYTHONPATH=. python bench/eval_gold.py [--gold DIR] [--seed DIR] [--baseline raw]
Scores every `gold/*.expected.json` (texts in `gold/texts/`) pooled over the articles, and
the seed article (`seed/zapad-2025.*`) on its own, as `../shared/data/README.md`
("Careful-reader gold") describes. Only the main list counts: an entity marked
uncertain counts neither as found nor as wrong. `--baseline raw` also scores raw
`en_core_web_sm`, every distinct name and label an entity. Prints one JSON line;
per-article figures go to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# ../shared beside the checkout; READER_SHARED points elsewhere (a git worktree, say).
SHARED = Path(
    os.environ.get("READER_SHARED") or Path(__file__).resolve().parents[1].parent / "shared"
)
NAME_GROUPS = frozenset({"person", "organization", "place", "group", "event", "thing"})


@dataclass(frozen=True)
class Listed:
    """One entity of a tool's main list, reduced to what the scorer reads."""

    name: str
    group: str
    names: frozenset[str]  # normalised name, aliases and mention texts
    count: int
    salience: float


def normalise(name: str) -> str:
    """Compare names as a reader would: case, curly quotes, spacing and a possessive aside."""
    name = " ".join(name.replace("’", "'").split()).casefold()
    return name[:-2] if name.endswith("'s") else name


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    listed: int = 0
    right: int = 0
    top_listed: int = 0
    top_right: int = 0
    pairs: int = 0
    merged: int = 0
    mentions_wanted: int = 0
    mentions_found: int = 0
    junk: int = 0

    def add(self, other: Tally) -> None:
        for key, value in vars(other).items():
            setattr(self, key, getattr(self, key) + value)

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "recall": ratio(self.found, self.expected),
            "precision": ratio(self.right, self.listed),
            "top10_precision": ratio(self.top_right, self.top_listed),
            "merges": ratio(self.merged, self.pairs),
            "mention_recall": ratio(self.mentions_found, self.mentions_wanted),
            "junk": self.junk,
        }


def score(expected: dict, listed: Sequence[Listed]) -> tuple[Tally, list[str]]:
    """One article's tally, and the reasons for each miss (for stderr)."""
    tally = Tally()
    notes: list[str] = []
    wanted = [
        (
            {normalise(n) for n in (e["name"], *e.get("aliases", []))},
            {e["group"], *e.get("also", [])},
            e,
        )
        for e in expected["entities"]
    ]
    for names, groups, item in wanted:
        tally.expected += 1
        matches = [entry for entry in listed if entry.names & names]
        in_group = [entry for entry in matches if entry.group in groups]
        if in_group:
            tally.found += 1
        else:
            got = ", ".join(f"{m.name}/{m.group}" for m in matches) or "nothing"
            notes.append(f"missed {item['name']} ({item['group']}): {got}")
        best = max((m.count for m in in_group or matches), default=0)
        tally.mentions_wanted += item.get("min", 1)
        tally.mentions_found += min(best, item.get("min", 1))
    named = [entry for entry in listed if entry.group in NAME_GROUPS]
    top = sorted(named, key=lambda entry: -entry.salience)[:10]
    top_ids = {id(entry) for entry in top}
    for entry in named:
        right = any(entry.names & names and entry.group in groups for names, groups, _ in wanted)
        tally.listed += 1
        tally.right += right
        if id(entry) in top_ids:
            tally.top_listed += 1
            tally.top_right += right
        if not right:
            flag = " (top 10)" if id(entry) in top_ids else ""
            notes.append(f"wrong {entry.name}/{entry.group}{flag}")
    for first, second in expected.get("same_entity", []):
        tally.pairs += 1
        a = [id(e) for e in listed if normalise(first) in e.names]
        b = [id(e) for e in listed if normalise(second) in e.names]
        if a and a == b:
            tally.merged += 1
        else:
            notes.append(f"not merged {first} + {second}")
    for entry in listed:
        junk = [never for never in expected.get("never_an_entity", []) if never in entry.name]
        if junk:
            tally.junk += 1
            notes.append(f"junk {entry.name!r}")
    return tally, notes


def reader_list(path: Path) -> list[Listed]:
    from reader.analysis import analyse_document
    from reader.document import load_document

    analysis = analyse_document(load_document(path))
    return [
        Listed(
            e.name,
            e.group.value,
            frozenset(normalise(n) for n in (e.name, *e.aliases, *(m.text for m in e.mentions))),
            e.count,
            e.salience,
        )
        for e in analysis.entities
        if not e.uncertain
    ]


def raw_list(path: Path, model) -> list[Listed]:
    """Raw spaCy: every distinct (text, label) an entity, ranked by count then position."""
    from reader.analysis.entities import GROUP_OF_LABEL
    from reader.document import load_document

    text = load_document(path).text
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    for ent in model(text).ents:
        key = (ent.text, ent.label_)
        counts[key] += 1
        first.setdefault(key, ent.start_char)
    length = max(1, len(text))
    return [
        Listed(
            name,
            GROUP_OF_LABEL.get(label, "thing").value if label in GROUP_OF_LABEL else "thing",
            frozenset({normalise(name)}),
            count,
            count - first[(name, label)] / length,
        )
        for (name, label), count in counts.items()
    ]


def evaluate(articles: list[tuple[Path, Path]], lister, label: str) -> dict:
    pooled = Tally()
    for text, expected_path in articles:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        tally, notes = score(expected, lister(text))
        pooled.add(tally)
        print(f"[{label}] {text.name}: {json.dumps(tally.figures())}", file=sys.stderr)
        for note in notes:
            print(f"    {note}", file=sys.stderr)
    return pooled.figures()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", default=str(SHARED / "gold"))
    parser.add_argument("--seed", default=str(SHARED / "seed"))
    parser.add_argument("--baseline", choices=("raw",), help="also score raw en_core_web_sm")
    options = parser.parse_args()
    gold_dir, seed_dir = Path(options.gold), Path(options.seed)
    gold = [
        (gold_dir / "texts" / (p.name.removesuffix(".expected.json") + ".txt"), p)
        for p in sorted(gold_dir.glob("*.expected.json"))
    ]
    seed = [(t, t.with_suffix(".expected.json")) for t in sorted(seed_dir.glob("*.txt"))]
    if not gold:
        sys.exit(f"eval_gold: no *.expected.json in {gold_dir}")
    report: dict = {"articles": len(gold)}
    report["reader"] = evaluate(gold, reader_list, "reader")
    report["reader_seed"] = evaluate(seed, reader_list, "reader seed")
    if options.baseline == "raw":
        from reader.analysis.language import load_full_model

        model = load_full_model()
        report["raw"] = evaluate(gold, lambda p: raw_list(p, model), "raw")
        report["raw_seed"] = evaluate(seed, lambda p: raw_list(p, model), "raw seed")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
