"""Analysis ↔ plain dicts (JSON), tolerant of keys that older or newer Readers leave out.

Other parts of Reader add fields to Analysis with defaults; a stored analysis written
before a field existed still loads, and one written after it loses nothing it knows.
"""

from __future__ import annotations

from typing import Any

from reader.analysis import Analysis, Entity, EntityGroup, Mention, SummarySentence

# Bumped when the meaning of a stored key changes; readers refuse nothing, they re-analyse.
FORMAT_VERSION = 1


def analysis_to_dict(analysis: Analysis, *, with_text: bool = False) -> dict[str, Any]:
    """A JSON-ready dict of `analysis`.

    Mentions and summary sentences are stored as offsets only unless `with_text`:
    their text is `Document.text[start:end]`, so storing it again would double the size.
    """
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "model_name": analysis.model_name,
        "entities": [_entity_to_dict(e, with_text) for e in analysis.entities],
        "summary": [
            _span(s.start, s.end, s.text if with_text else None) | {"score": s.score}
            for s in analysis.summary
        ],
        "sentences": [[s, e] for s, e in analysis.sentences],
    }
    for name, value in _extra_fields(analysis).items():
        data[name] = value
    return data


def analysis_from_dict(data: dict[str, Any], text: str = "") -> Analysis:
    """The Analysis stored in `data`; `text` is the document text mentions point into."""

    def span_text(item: dict[str, Any]) -> str:
        stored = item.get("text")
        return stored if isinstance(stored, str) else text[item["start"] : item["end"]]

    entities = []
    for item in data.get("entities", ()):
        try:
            group = EntityGroup(item.get("group", EntityGroup.THING.value))
        except ValueError:
            group = EntityGroup.THING
        mentions = tuple(_mention(m, text) for m in item.get("mentions", ()))
        entities.append(
            Entity(
                name=item.get("name", ""),
                group=group,
                label=item.get("label", ""),
                mentions=mentions,
                aliases=tuple(item.get("aliases", ())),
                salience=float(item.get("salience", 0.0)),
            )
        )
    summary = tuple(
        SummarySentence(s["start"], s["end"], span_text(s), float(s.get("score", 0.0)))
        for s in data.get("summary", ())
    )
    sentences = tuple((int(s), int(e)) for s, e in data.get("sentences", ()))
    return Analysis(
        entities=tuple(entities),
        summary=summary,
        sentences=sentences,
        model_name=data.get("model_name", ""),
    )


def _entity_to_dict(entity: Entity, with_text: bool) -> dict[str, Any]:
    return {
        "name": entity.name,
        "group": entity.group.value,
        "label": entity.label,
        "aliases": list(entity.aliases),
        "salience": entity.salience,
        # The bulk of a stored analysis: [start, end] pairs unless the text must travel too.
        "mentions": [
            _span(m.start, m.end, m.text) if with_text else [m.start, m.end]
            for m in entity.mentions
        ],
    }


def _mention(item: dict[str, Any] | list[int], text: str) -> Mention:
    if isinstance(item, dict):
        start, end = item["start"], item["end"]
        stored = item.get("text")
        return Mention(start, end, stored if isinstance(stored, str) else text[start:end])
    start, end = item
    return Mention(start, end, text[start:end])


def _span(start: int, end: int, text: str | None) -> dict[str, Any]:
    return (
        {"start": start, "end": end} if text is None else {"start": start, "end": end, "text": text}
    )


_KNOWN = {"entities", "summary", "sentences", "model_name"}


def _extra_fields(analysis: Analysis) -> dict[str, Any]:
    """Fields other branches add to Analysis (quotes, times, quantities), kept as JSON.

    They are stored so a later Reader that knows them can read them back; this one
    only carries them.
    """
    fields = getattr(type(analysis), "__dataclass_fields__", {})
    extra: dict[str, Any] = {}
    for name in fields:
        if name in _KNOWN:
            continue
        extra[name] = _plain(getattr(analysis, name))
    return extra


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
