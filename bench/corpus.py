"""Benchmark articles generated from the project's own sample and fixture articles.

Nothing large is shipped: a long article is built on demand by repeating and varying
the paragraphs of articles we wrote ourselves.
"""

from __future__ import annotations

import random
from pathlib import Path

from reader.document import load_document

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "resources" / "samples").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")),
]


def _paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in SOURCES:
        document = load_document(path)
        paragraphs.extend(document.block_text(b) for b in document.body_blocks)
    return paragraphs


def article_of_words(words: int, seed: int = 1) -> str:
    """An article of about `words` words: a title, headings every few paragraphs, paragraphs."""
    pool = _paragraphs()
    rng = random.Random(seed)
    parts = ["Harbour Dispute Widens as Ferry Talks Drag On", ""]
    count = 0
    section = 0
    while count < words:
        order = pool[:]
        rng.shuffle(order)
        for paragraph in order:
            if count >= words:
                break
            if count // 400 > section:
                section = count // 400
                parts += [f"Part {section + 1} of the Story", ""]
            parts += [paragraph, ""]
            count += len(paragraph.split())
    return "\n".join(parts)


def article_of_bytes(size: int, seed: int = 7) -> str:
    """An article of about `size` bytes of UTF-8."""
    text = article_of_words(max(1, size // 6), seed)
    while len(text.encode("utf-8")) < size:
        text += "\n\n" + article_of_words(2000, seed + len(text))
    return text


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
