"""Language analysis of a Document: entities and summary. No Qt here."""

from reader.analysis.entities import RawSpan, extract_entities
from reader.analysis.language import LanguageModelError, get_nlp, model_info
from reader.analysis.model import Analysis, Entity, EntityGroup, Mention, SummarySentence
from reader.analysis.pipeline import AnalysisCancelled, analyse_document

__all__ = [
    "Analysis",
    "AnalysisCancelled",
    "Entity",
    "EntityGroup",
    "LanguageModelError",
    "Mention",
    "RawSpan",
    "SummarySentence",
    "analyse_document",
    "extract_entities",
    "get_nlp",
    "model_info",
]
