"""Analysis ↔ plain dicts (JSON), tolerant of keys that older or newer Readers leave out.

Other parts of Reader add fields to Analysis with defaults; a stored analysis written
before a field existed still loads, and one written after it loses nothing it knows.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import types
import typing
from enum import Enum
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
                **_read_fields(Entity, item, _ENTITY_KNOWN),
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
        **_read_extra_fields(data),
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
    } | {
        f.name: _plain(getattr(entity, f.name))
        for f in dataclasses.fields(entity)
        if f.name not in _ENTITY_KNOWN
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
# Entity fields written by hand above; the others (id, corrections, confidence…) go by type.
_ENTITY_KNOWN = {"name", "group", "label", "mentions", "aliases", "salience"}


def _extra_fields(analysis: Analysis) -> dict[str, Any]:
    """Fields other parts of Reader add to Analysis (quotes, times, quantities), as JSON."""
    return {
        f.name: _plain(getattr(analysis, f.name))
        for f in dataclasses.fields(analysis)
        if f.name not in _KNOWN
    }


def _read_extra_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The added fields found in `data`, rebuilt by their type hints; absent ones default."""
    return _read_fields(Analysis, data, _KNOWN)


def _read_fields(cls: type, data: dict[str, Any], known: set[str]) -> dict[str, Any]:
    hints = _hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in known or f.name not in data:
            continue
        try:
            values[f.name] = _typed(data[f.name], hints.get(f.name, Any))
        except (TypeError, ValueError, KeyError):
            continue  # stored by another shape of the field: the default is safer
    return values


def schema_fingerprint() -> str:
    """Changes whenever Analysis or the data inside it gains, loses or renames a field,
    so analyses stored before the change are made again rather than read without it."""
    names: list[str] = []
    seen: set[type] = set()

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.add(cls)
        for f in dataclasses.fields(cls):
            names.append(f"{cls.__name__}.{f.name}")
            for inner in _dataclasses_in(_hints(cls).get(f.name, Any)):
                walk(inner)

    walk(Analysis)
    return hashlib.sha256(",".join(names).encode()).hexdigest()[:8]


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except (NameError, TypeError):
        return {}


def _dataclasses_in(hint: Any) -> list[type]:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return [hint]
    return [c for arg in typing.get_args(hint) for c in _dataclasses_in(arg)]


def _typed(value: Any, hint: Any) -> Any:
    """`value` (plain JSON) as the type `hint` describes: dataclasses, enums, tuples."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if value is None:
        return None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(
            **{
                f.name: _typed(value[f.name], hints.get(f.name, Any))
                for f in dataclasses.fields(hint)
                if f.name in value
            }
        )
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is datetime.date:
        return datetime.date.fromisoformat(value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(v, args[0]) for v in value)
        return tuple(_typed(v, a) for v, a in zip(value, args, strict=False))
    if origin in (list, set, frozenset):
        return origin(_typed(v, args[0] if args else Any) for v in value)
    if origin is dict:
        return {k: _typed(v, args[1] if len(args) > 1 else Any) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _typed(value, arg)
            except (TypeError, ValueError, KeyError):
                continue
        return value
    return value


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
