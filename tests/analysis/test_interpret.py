"""Annotate once, interpret many times: the model's output is kept, rules never re-run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis import Annotations, EntityGroup, analyse_document, interpret
from reader.analysis import pipeline as pipeline_module
from reader.analysis.pipeline import annotate
from reader.document import Document, load_document, parse_article
from tests.corrections import Rename

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

ARTICLE = """\
Lantern Festival Draws Crowds to Kestrel Bay

By Mara Quill

Thousands of visitors filled the harbour of Kestrel Bay on Saturday for the lantern festival. \
Mayor Oren Falk opened the evening with a speech on the pier.

Falk said the Kestrel Bay Arts Council had spent a year preparing the event. The council \
hopes the festival will bring visitors back to the town every autumn.
"""


@pytest.fixture(scope="module")
def annotated(nlp) -> tuple[Document, Annotations]:
    document = parse_article(ARTICLE)
    return document, annotate(document)


def test_annotations_survive_a_json_round_trip(annotated) -> None:
    _document, annotations = annotated
    assert annotations.entities and annotations.sentences
    stored = json.dumps(annotations.to_dict())
    assert Annotations.from_dict(json.loads(stored)) == annotations


def test_annotations_in_another_format_are_refused(annotated) -> None:
    data = annotated[1].to_dict() | {"format": 99}
    with pytest.raises(ValueError, match="format"):
        Annotations.from_dict(data)
    with pytest.raises(ValueError, match="damaged"):
        Annotations.from_dict(annotated[1].to_dict() | {"entities": [[1]]})


def test_annotations_are_keyed_by_content_and_model(annotated) -> None:
    _document, annotations = annotated
    other = annotate(parse_article(ARTICLE.replace("Saturday", "Sunday")))
    assert annotations.cache_key != other.cache_key
    assert annotations.model == other.model != ""
    assert annotate(parse_article(ARTICLE)).cache_key == annotations.cache_key


def test_interpret_makes_no_model_call(annotated, monkeypatch) -> None:
    document, annotations = annotated
    expected = analyse_document(document)

    def no_model(*_args, **_kwargs):
        raise AssertionError("the language model was called")

    monkeypatch.setattr(pipeline_module, "annotate_texts", no_model)
    monkeypatch.setattr("reader.analysis.annotate.get_nlp", no_model)
    assert interpret(document, annotations) == expected


def test_entities_have_stable_unique_ids(annotated) -> None:
    document, annotations = annotated
    first = interpret(document, annotations)
    ids = [e.id for e in first.entities]
    assert all(ids) and len(set(ids)) == len(ids)
    assert [e.id for e in interpret(document, annotations).entities] == ids
    assert all(e.key == e.id for e in first.entities)


def test_a_rename_rule_keeps_the_entity_identity(annotated) -> None:
    document, annotations = annotated
    before = interpret(document, annotations)
    mayor = next(e for e in before.entities if e.group is EntityGroup.PERSON and "Falk" in e.name)
    after = interpret(document, annotations, [Rename(mayor.id, "The Mayor")])
    renamed = after.entity_by_key(mayor.key)
    assert renamed is not None and renamed.name == "The Mayor"
    assert renamed.mentions == mayor.mentions
    assert [e.name for e in after.entities if e.id != mayor.id] == [
        e.name for e in before.entities if e.id != mayor.id
    ]


def test_fixture_articles_interpret_like_a_full_analysis(nlp) -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        document = load_document(path)
        assert interpret(document, annotate(document)) == analyse_document(document)
