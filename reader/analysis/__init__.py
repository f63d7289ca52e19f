"""Language analysis of a Document: entities and summary. No Qt here.

The data classes load at once; the pipeline (spaCy, numpy, the gazetteer) loads on
first use, so importing this package never delays the window.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reader.analysis.annotations import AnalysisCancelled, Annotations
from reader.analysis.model import (
    Analysis,
    Entity,
    EntityGroup,
    Mention,
    Quote,
    Speaker,
    SummarySentence,
)
from reader.analysis.rules import Rule

if TYPE_CHECKING:
    from reader.analysis.entities import RawSpan, extract_entities
    from reader.analysis.language import LanguageModelError, get_nlp, model_info
    from reader.analysis.pipeline import analyse_document, interpret

_LAZY = {
    "RawSpan": "reader.analysis.entities",
    "extract_entities": "reader.analysis.entities",
    "LanguageModelError": "reader.analysis.language",
    "get_nlp": "reader.analysis.language",
    "model_info": "reader.analysis.language",
    "analyse_document": "reader.analysis.pipeline",
    "interpret": "reader.analysis.pipeline",
}

__all__ = [
    "Analysis",
    "AnalysisCancelled",
    "Annotations",
    "Entity",
    "EntityGroup",
    "LanguageModelError",
    "Mention",
    "Quote",
    "RawSpan",
    "Rule",
    "Speaker",
    "SummarySentence",
    "analyse_document",
    "extract_entities",
    "get_nlp",
    "interpret",
    "model_info",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
