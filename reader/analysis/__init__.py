"""Language analysis of a Document: entities and summary. No Qt here."""

from reader.analysis.model import Analysis, Entity, EntityGroup, Mention, SummarySentence

__all__ = ["Analysis", "Entity", "EntityGroup", "Mention", "SummarySentence"]
