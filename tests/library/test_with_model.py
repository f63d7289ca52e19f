"""The library with the real language model: what `reader extract` finds is what it stores."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from reader.analysis import analyse_document
from reader.analysis.annotations import Annotations, content_hash
from reader.analysis.pipeline import interpret
from reader.document import load_document
from reader.library import Library, ModelAnalyser, add_paths

pytestmark = pytest.mark.spacy

ARTICLE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "politics-harbour-accord.txt"
)


def test_stored_analysis_equals_a_fresh_one_and_keeps_the_model_output(tmp_path: Path):
    analyser = ModelAnalyser()
    with Library(tmp_path / "reader.sqlite3") as library:
        assert add_paths(library, [str(ARTICLE)], analyser).added == 1
        document = load_document(ARTICLE)
        fresh = analyse_document(document)
        assert library.analysis_for(document, analyser.version) == fresh
        raw = json.loads(
            zlib.decompress(
                library.stored_annotations(
                    library.article_state(str(ARTICLE)).content_hash, analyser.version
                )
            )
        )
        kept = Annotations.from_dict(raw)
        assert kept.content_hash == content_hash(document.text) and len(kept.sentences) > 3
        # The kept model output is enough to make the analysis again, without the model.
        assert interpret(document, kept) == fresh
        varga = library.entity("Varga")
        assert varga is not None and varga.name == "Elena Varga"
        assert varga.articles[0].count == next(
            e.count for e in fresh.entities if e.name == "Elena Varga"
        )
        assert library.search('entity:"Elena Varga" vienna')[0].title == document.title
