"""The language model in worker processes says exactly what it says in this process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.analysis.annotate import annotate_texts
from reader.analysis.parallel import AnnotatorPool, _shares
from reader.analysis.pipeline import analyse_document
from reader.document import load_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def test_shares_keep_order_and_balance() -> None:
    texts = [f"text {i} " * (i + 1) for i in range(9)]
    shares = _shares(texts, 2)
    assert [t for share in shares for t in share] == texts
    sizes = [sum(len(t) for t in share) for share in shares]
    assert all(sizes)
    assert max(sizes) < 0.75 * sum(sizes)


@pytest.fixture(scope="module")
def pool(nlp):
    pool = AnnotatorPool(2)
    pool.start()
    pool.wait_ready()
    yield pool
    pool.close()


def test_pool_annotates_like_the_model_in_process(pool) -> None:
    document = load_document(next(iter(sorted(FIXTURES.glob("*.txt")))))
    texts = [document.block_text(b) for b in document.blocks]
    assert pool.annotate(texts) == annotate_texts(texts)


def test_analysis_through_the_pool_equals_in_process(pool) -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        document = load_document(path)
        assert analyse_document(document, annotator=pool.annotate) == analyse_document(document)


def test_a_pool_without_a_model_says_so() -> None:
    from reader.analysis.language import LanguageModelError

    # A worker that cannot load the model reports why; the pool raises it in words.
    without_model = (
        "import sys; from reader.analysis.worker import send; "
        "send(sys.stdout.buffer, ('error', 'The English language model is not installed.'))"
    )
    pool = AnnotatorPool(1, command=[sys.executable, "-c", without_model])
    try:
        with pytest.raises(LanguageModelError, match="not installed"):
            pool.annotate(["A text."])
    finally:
        pool.close()


def test_a_long_request_brings_in_a_second_worker_with_the_same_results(pool) -> None:
    from reader.analysis.parallel import GROW_CHARS

    texts = []
    for path in sorted(FIXTURES.glob("*.txt")):
        document = load_document(path)
        texts += [document.block_text(b) for b in document.blocks]
    while sum(len(t) for t in texts) < GROW_CHARS:
        texts = texts + texts
    first = pool.annotate(texts)
    pool.wait_started()  # the second worker has loaded its model
    assert pool.ready_workers == 2
    assert pool.annotate(texts) == first == annotate_texts(texts)
