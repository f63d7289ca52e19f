"""The seed article against what a careful human reader listed (read from ../shared at run time)."""

from __future__ import annotations

import json

import pytest

from reader.analysis import analyse_document
from reader.document import load_document
from tests.analysis.conftest import SHARED

pytestmark = pytest.mark.spacy

SEED = SHARED / "seed" / "zapad-2025.txt"
EXPECTED = SHARED / "seed" / "zapad-2025.expected.json"


def _strip_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("’s", "'s")) else name


def _find(entities, name):
    wanted = {name, _strip_possessive(name)}
    return [e for e in entities if wanted & ({e.name, *e.aliases})]


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists() or not EXPECTED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    document = load_document(SEED)
    return document, analyse_document(document), json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_at_least_95_percent_of_expected_entities_are_found_in_group_with_enough_mentions(seed):
    _, analysis, expected = seed
    missed = []
    for item in expected["entities"]:
        groups = {item["group"], *item.get("also", [])}
        names = [item["name"], *item.get("aliases", [])]
        candidates = [e for n in names for e in _find(analysis.entities, n)]
        if not any(e.group.value in groups and e.count >= item["min"] for e in candidates):
            missed.append(item["name"])
    found = len(expected["entities"]) - len(missed)
    assert found >= 0.95 * len(expected["entities"]), f"missed: {missed}"


def test_same_entity_pairs_are_one_entity(seed):
    _, analysis, expected = seed
    for first, second in expected["same_entity"]:
        a, b = _find(analysis.entities, first), _find(analysis.entities, second)
        assert a and a == b, (first, second)


def test_no_entity_name_contains_a_never_string(seed):
    _, analysis, expected = seed
    for entity in analysis.entities:
        for never in expected["never_an_entity"]:
            assert never not in entity.name, (entity.name, never)


def test_the_seed_articles_figures_say_what_they_count(seed):
    _, analysis, _ = seed
    counted = {(q.text, q.counted.text if q.counted else None) for q in analysis.quantities}
    assert {("7,000", "troops"), ("52", "detainees"), ("23", "countries")} <= counted
