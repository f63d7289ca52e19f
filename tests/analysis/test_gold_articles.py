"""The careful-reader gold and the seed, scored as bench/eval_gold.py does: no going back.

Reads ../shared at run time (skips when it is absent); the thresholds sit a little
below the figures reached, so a change that loses ground fails here.
"""

from __future__ import annotations

import json

import pytest

from bench.eval_gold import Tally, reader_list, score
from tests.analysis.conftest import SHARED

pytestmark = pytest.mark.spacy

GOLD = SHARED / "gold"
SEED = SHARED / "seed"


def pooled(pairs) -> dict:
    total = Tally()
    for text, expected in pairs:
        tally, _ = score(json.loads(expected.read_text(encoding="utf-8")), reader_list(text))
        total.add(tally)
    return total.figures()


def test_the_careful_reader_gold_stays_at_the_level_reached(nlp):
    expected = sorted(GOLD.glob("*.expected.json"))
    if not expected:
        pytest.skip("../shared/gold is not beside this checkout")
    figures = pooled(
        (GOLD / "texts" / p.name.replace(".expected.json", ".txt"), p) for p in expected
    )
    assert figures["recall"] >= 0.91, figures
    assert figures["precision"] >= 0.92, figures
    assert figures["top10_precision"] >= 0.95, figures
    assert figures["merges"] >= 0.92, figures
    assert figures["junk"] == 0, figures


def test_the_seed_stays_whole(nlp):
    text = SEED / "zapad-2025.txt"
    if not text.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    figures = pooled([(text, SEED / "zapad-2025.expected.json")])
    assert figures["recall"] == 1.0 and figures["merges"] == 1.0, figures
    assert figures["precision"] >= 0.89 and figures["top10_precision"] >= 0.9, figures
    assert figures["junk"] == 0, figures
