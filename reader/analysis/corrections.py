"""The reader's corrections to the entity list, as rules: plain data, applied after our own rules.

No extractor is right every time. A correction is a small rule the reader makes (rename,
change group, merge, split off, not an entity, add), kept apart from the model's result
and applied to it by `apply_rules`, a pure and fast function: the model never runs again,
the entities given are never changed, and applying no rules gives back what was given, so
clearing all rules always restores the model's own list.

Rules, as JSON (`{"version": 1, "rules": [...]}`, see `parse_rules` and `dump_rules`):

- `{"kind": "not_entity", "name": N}`: every entity named N is dropped.
- `{"kind": "group", "name": N, "group": G}`: entity N moves to group G; its fine label is kept
  when it belongs to G (a LOC stays a LOC among places), else it becomes G's usual label.
- `{"kind": "alias", "alias": A, "name": N}`: every other entity named or also called A joins
  entity N (mentions merged, names kept as aliases). With no entity N in the article, the
  entities called A are merged and take the name N. Merging selected entities into one is one
  alias rule per other entity's name.
- `{"kind": "rename", "name": N, "to": T}`: entity N is shown as T; N stays an alias.
- `{"kind": "add", "name": N, "group": G}`: N is an entity of group G with every whole-word
  occurrence of N in the analysed text as a mention (an existing entity named N is extended and
  moved to G; one only also called N keeps its mentions). Occurrences match N as written, with
  ' and ’ alike and any run of spaces between words, or N in capitals (a headline):
  case-sensitive otherwise, so adding "Apple" does not catch "apple". An occurrence that
  overlaps another entity's mention is left to it, unless the rule says
  `"take_overlapping": true`: then that entity loses the whole mention ("Port Avalon" goes,
  "Avalon" is added).
- `{"kind": "split", "alias": A, "name": N, "group": G}`: the mentions written A (folded as
  below) leave whatever entity holds them and form entity N of group G (or join an existing N
  of that group); "Florence" the nurse, not the city. With `"at": [offset, ...]` (mention
  starts, only for a rule scoped to one article) just those mentions move.

Names match case-insensitively with ’ and ' folded (`fold_name`), on an entity's name or, when
no entity has that name, on its aliases. Rules apply in order, each to the result of the ones
before; entities they leave with the same name in the same group become one (renaming "Pell"
to "Jonas Pell" beside Jonas Pell merges the two). Every rule has a scope: everywhere
(default), or one article, named by `article_hash(document)` (`"scope": "article",
"article": HASH`); a creation time
(`"created"`, ISO 8601) and a stable id (`"id"`, derived from what the rule says when absent,
so the same correction made twice is one rule). Every entity a rule changed lists the rule's id
in `Entity.corrected`. Salience is recomputed by the extractor's own measure after rules have
moved mentions, so a merged entity ranks as the sum of its parts would.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import MISSING, dataclass, field, fields, replace
from datetime import datetime
from functools import lru_cache
from typing import Any, ClassVar

from reader.analysis.model import Entity, EntityGroup, Mention
from reader.document import Document

FORMAT_VERSION = 1
EVERYWHERE = "everywhere"
THIS_ARTICLE = "article"
# The label a corrected entity gets when its old one does not belong to its new group.
USUAL_LABEL = {
    EntityGroup.PERSON: "PERSON",
    EntityGroup.ORGANIZATION: "ORG",
    EntityGroup.PLACE: "GPE",
    EntityGroup.GROUP: "NORP",
    EntityGroup.EVENT: "EVENT",
    EntityGroup.DATE: "DATE",
    EntityGroup.NUMBER: "CARDINAL",
    EntityGroup.THING: "PRODUCT",
}
_COMMON = frozenset({"article", "created", "id"})
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_APOSTROPHE = re.compile(r"['’‘ʼ]")


class CorrectionsError(ValueError):
    """A rules file Reader refuses; the message names the rule and what is wrong with it."""


@lru_cache(maxsize=8192)  # the same few hundred names are compared for every rule
def fold_name(name: str) -> str:
    """The form in which two names are the same: case, ’/' and spacing do not count."""
    return " ".join(name.translate(_FOLD).casefold().split())


def counted_rules(count: int) -> str:
    """ "1 rule", "3 rules": as the window and `reader corrections` report them."""
    return f"{count} rule" if count == 1 else f"{count} rules"


def article_hash(document: Document) -> str:
    """Names one article for rules scoped to it: the SHA-256 of the text all offsets index."""
    return hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class _Rule:
    """What every rule has: where it applies, when it was made, and its id."""

    kind: ClassVar[str] = ""
    article: str | None = None  # None: everywhere; else the article_hash it applies to
    created: datetime | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            content = json.dumps([self.kind, _content(self), self.article], ensure_ascii=False)
            digest = hashlib.sha1(content.encode("utf-8"), usedforsecurity=False).hexdigest()
            object.__setattr__(self, "id", f"{self.kind}-{digest[:12]}")

    @property
    def everywhere(self) -> bool:
        return self.article is None

    def describe(self) -> str:
        """How the rule changed an entity, as the entity's details say it."""
        raise NotImplementedError

    def apply(self, document: Document, entities: Sequence[Entity]) -> tuple[Entity, ...]:
        """This rule alone, as `interpret` applies rules (see reader.analysis.rules)."""
        return apply_rules(document, entities, (self,))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class NotEntity(_Rule):
    kind: ClassVar[str] = "not_entity"
    name: str

    def describe(self) -> str:
        return f"hidden by you: “{self.name}” is not an entity"


@dataclass(frozen=True, slots=True)
class ChangeGroup(_Rule):
    kind: ClassVar[str] = "group"
    name: str
    group: EntityGroup

    def describe(self) -> str:
        return f"moved by you to {self.group.plural_title}"


@dataclass(frozen=True, slots=True)
class Alias(_Rule):
    kind: ClassVar[str] = "alias"
    alias: str
    name: str

    def describe(self) -> str:
        return f"merged by you from “{self.alias}”"


@dataclass(frozen=True, slots=True)
class Rename(_Rule):
    kind: ClassVar[str] = "rename"
    name: str
    to: str

    def describe(self) -> str:
        return f"renamed by you from “{self.name}”"


@dataclass(frozen=True, slots=True)
class Add(_Rule):
    kind: ClassVar[str] = "add"
    name: str
    group: EntityGroup
    take_overlapping: bool = False

    def describe(self) -> str:
        return "added by you"


@dataclass(frozen=True, slots=True)
class Split(_Rule):
    kind: ClassVar[str] = "split"
    alias: str
    name: str
    group: EntityGroup
    at: tuple[int, ...] = ()  # mention starts; only in a rule scoped to one article

    def describe(self) -> str:
        return f"split off by you: “{self.alias}”"


Rule = NotEntity | ChangeGroup | Alias | Rename | Add | Split
RULE_TYPES: dict[str, type[_Rule]] = {
    t.kind: t for t in (NotEntity, ChangeGroup, Alias, Rename, Add, Split)
}


def merge_rules(
    keep: Entity, others: Iterable[Entity], *, article: str | None = None
) -> tuple[Alias, ...]:
    """Merging selected entities into `keep`: one alias rule for each other's name."""
    return tuple(Alias(alias=o.name, name=keep.name, article=article) for o in others)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The reader's rules, in the order they were made (the order they apply in)."""

    rules: tuple[Rule, ...] = ()

    def with_rule(self, rule: Rule) -> RuleSet:
        """This set and `rule`, last; a rule with the same id is replaced, not repeated."""
        return RuleSet((*(r for r in self.rules if r.id != rule.id), rule))

    def without(self, rule_id: str) -> RuleSet:
        return RuleSet(tuple(r for r in self.rules if r.id != rule_id))

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def for_article(self, article: str) -> tuple[Rule, ...]:
        """The rules that apply to the article with this `article_hash`."""
        return tuple(r for r in self.rules if r.article in (None, article))

    def notes(self, entity: Entity) -> tuple[tuple[str, str], ...]:
        """(rule id, what it did) for each rule that corrected `entity`: its details, its undo."""
        found = (self.get(rule_id) for rule_id in entity.corrected)
        return tuple((rule.id, rule.describe()) for rule in found if rule is not None)

    def to_json(self) -> str:
        return dump_rules(self.rules)

    def apply(self, document: Document, entities: Sequence[Entity]) -> tuple[Entity, ...]:
        """All the rules in one pass, as `interpret` applies rules (see reader.analysis.rules)."""
        return apply_rules(document, entities, self.rules)

    @classmethod
    def from_json(cls, text: str) -> RuleSet:
        return cls(parse_rules(text))


# --- JSON ------------------------------------------------------------------------------------


def _content(rule: _Rule) -> dict[str, Any]:
    """What the rule says, as JSON values: its own fields, defaults left out."""
    content: dict[str, Any] = {}
    for f in fields(rule):
        if f.name in _COMMON:
            continue
        value = getattr(rule, f.name)
        if value == f.default:
            continue
        if isinstance(value, EntityGroup):
            value = value.value
        content[f.name] = list(value) if isinstance(value, tuple) else value
    return content


def dump_rules(rules: Iterable[Rule]) -> str:
    """The rules as a JSON file that `parse_rules` reads back to equal rules."""
    items = []
    for rule in rules:
        item: dict[str, Any] = {"kind": rule.kind, **_content(rule)}
        item["scope"] = EVERYWHERE if rule.article is None else THIS_ARTICLE
        if rule.article is not None:
            item["article"] = rule.article
        if rule.created is not None:
            item["created"] = rule.created.isoformat()
        item["id"] = rule.id
        items.append(item)
    return (
        json.dumps({"version": FORMAT_VERSION, "rules": items}, ensure_ascii=False, indent=2) + "\n"
    )


def parse_rules(json_text: str) -> tuple[Rule, ...]:
    """Every rule of a rules file, or CorrectionsError for the first thing wrong in it.

    The whole file is checked before anything is returned, so a caller never half-imports.
    """
    try:
        data = json.loads(json_text)
    except json.JSONDecodeError as exc:
        raise CorrectionsError(
            f"not a JSON file (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(data, dict) or "rules" not in data:
        raise CorrectionsError('not a rules file: expected {"version": 1, "rules": [...]}')
    version = data.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise CorrectionsError(
            f"rules file version {version!r} is not supported (expected {FORMAT_VERSION})"
        )
    if not isinstance(data["rules"], list):
        raise CorrectionsError('"rules" must be a list')
    return tuple(_parse_rule(index, item) for index, item in enumerate(data["rules"], 1))


def _parse_rule(index: int, item: Any) -> Rule:
    if not isinstance(item, dict):
        raise CorrectionsError(f"rule {index}: not an object")
    kind = item.get("kind")
    name = item.get("name")
    where = f"rule {index}"
    if isinstance(kind, str):
        where += f" ({kind} “{name}”)" if isinstance(name, str) else f" ({kind})"
    if kind not in RULE_TYPES:
        known = ", ".join(RULE_TYPES)
        raise CorrectionsError(f"{where}: unknown kind {kind!r}; a kind is one of {known}")
    rule_type = RULE_TYPES[kind]
    values: dict[str, Any] = {}
    for f in fields(rule_type):
        if f.name in _COMMON:
            continue
        if f.name not in item:
            if f.default is not MISSING:
                continue  # optional
            raise CorrectionsError(f'{where}: "{f.name}" is missing')
        values[f.name] = _field_value(where, f.name, item[f.name])
    values.update(_scope(where, item))
    if values.get("at") and values.get("article") is None:
        raise CorrectionsError(f'{where}: "at" needs the rule scoped to one article')
    return rule_type(**values)  # type: ignore[return-value]


def _field_value(where: str, name: str, value: Any) -> Any:
    if name == "group":
        try:
            return EntityGroup(value)
        except ValueError:
            groups = ", ".join(g.value for g in EntityGroup)
            raise CorrectionsError(
                f"{where}: unknown group {value!r}; a group is one of {groups}"
            ) from None
    if name == "take_overlapping":
        if not isinstance(value, bool):
            raise CorrectionsError(f'{where}: "{name}" must be true or false')
        return value
    if name == "at":
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value
        ):
            raise CorrectionsError(f'{where}: "at" must be a list of character offsets')
        return tuple(value)
    if not isinstance(value, str) or not value.strip():
        raise CorrectionsError(f'{where}: "{name}" must be a non-empty text')
    return " ".join(value.split())


def _scope(where: str, item: dict[str, Any]) -> dict[str, Any]:
    scope = item.get("scope", THIS_ARTICLE if "article" in item else EVERYWHERE)
    values: dict[str, Any] = {}
    if scope == THIS_ARTICLE:
        article = item.get("article")
        if not isinstance(article, str) or not article:
            raise CorrectionsError(f'{where}: scope "article" needs the "article" it applies to')
        values["article"] = article
    elif scope != EVERYWHERE or "article" in item:
        raise CorrectionsError(f'{where}: "scope" must be "{EVERYWHERE}" or "{THIS_ARTICLE}"')
    if "created" in item:
        try:
            values["created"] = datetime.fromisoformat(item["created"])
        except (TypeError, ValueError):
            raise CorrectionsError(
                f'{where}: "created" must be a date and time (ISO 8601)'
            ) from None
    if "id" in item:
        if not isinstance(item["id"], str) or not item["id"]:
            raise CorrectionsError(f'{where}: "id" must be a non-empty text')
        values["id"] = item["id"]
    return values


# --- applying rules ---------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Draft:
    """An entity while rules change it; `source` is the entity it started as, if any."""

    source: Entity | None
    name: str
    group: EntityGroup
    label: str
    mentions: dict[tuple[int, int], Mention]
    aliases: set[str]
    rules: list[str] = field(default_factory=list)
    key: str = ""  # the folded name
    keys: frozenset[str] = frozenset()  # the folded name and aliases

    def __post_init__(self) -> None:
        self.refresh()

    @classmethod
    def of(cls, entity: Entity) -> _Draft:
        return cls(
            entity,
            entity.name,
            entity.group,
            entity.label,
            {(m.start, m.end): m for m in entity.mentions},
            set(entity.aliases),
        )

    def refresh(self) -> None:
        """Fold the names again after the name or aliases changed."""
        self.key = fold_name(self.name)
        self.keys = frozenset({self.key, *map(fold_name, self.aliases)})

    def called(self, key: str) -> bool:
        """Named or also called `key` (a folded name)."""
        return key in self.keys

    def absorb(self, other: _Draft) -> None:
        """Take `other`'s mentions, names and rules: the two are one entity."""
        self.mentions.update(other.mentions)
        self.aliases |= other.aliases | {other.name}
        self.rules = list(dict.fromkeys(self.rules + other.rules))
        self.refresh()

    def touch(self, rule: Rule) -> None:
        if rule.id not in self.rules:
            self.rules.append(rule.id)

    def entity(self) -> Entity:
        base = self.source or Entity(self.name, self.group, self.label, ())
        return replace(
            base,
            name=self.name,
            group=self.group,
            label=self.label,
            mentions=tuple(sorted(self.mentions.values(), key=lambda m: m.start)),
            aliases=tuple(sorted(self.aliases - {self.name})),
            corrected=tuple(dict.fromkeys((*base.corrected, *self.rules))),
        )


def apply_rules(
    document: Document, entities: Sequence[Entity], rules: Sequence[Rule]
) -> tuple[Entity, ...]:
    """The entities as the reader corrected them: `rules` that apply to `document`, in order.

    Pure: `entities` are not changed, and when no rule changes anything the same entities
    come back, in the same order.
    """
    # Imported here: the extractor loads the gazetteer, and the rules alone (a settings
    # dialog, an undo command) should not wait for it.
    from reader.analysis.entities import ANALYSED_KINDS, GROUP_OF_LABEL, rank_entities

    article = article_hash(document) if any(r.article is not None for r in rules) else None
    drafts = [_Draft.of(e) for e in entities]
    changed = False
    for rule in rules:
        if rule.article is not None and rule.article != article:
            continue
        if isinstance(rule, NotEntity):
            gone = set(map(id, _matching(drafts, rule.name)))
            drafts = [d for d in drafts if id(d) not in gone]
            changed |= bool(gone)
        elif isinstance(rule, Rename):
            for draft in _matching(drafts, rule.name):
                if draft.name == rule.to:
                    continue
                draft.aliases.add(draft.name)
                draft.name = rule.to
                draft.refresh()
                draft.touch(rule)
                changed = True
        elif isinstance(rule, ChangeGroup):
            for draft in _matching(drafts, rule.name):
                if draft.group is not rule.group:
                    _regroup(draft, rule.group, GROUP_OF_LABEL)
                    draft.touch(rule)
                    changed = True
        elif isinstance(rule, Alias):
            changed |= _join(drafts, rule)
        elif isinstance(rule, Split):
            changed |= _split(drafts, rule)
        elif isinstance(rule, Add):
            blocks = document.blocks_of(*ANALYSED_KINDS)
            changed |= _add(document, blocks, drafts, rule, GROUP_OF_LABEL)
    if not changed:
        return tuple(entities)
    drafts = _one_per_name(drafts)
    result = [d.entity() if d.rules or d.source is None else d.source for d in drafts if d.mentions]
    return rank_entities(document, result)


def _one_per_name(drafts: list[_Draft]) -> list[_Draft]:
    """Entities a rule left with the same name in the same group are one: the list never shows
    two alike (renaming "Pell" to "Jonas Pell" beside Jonas Pell merges them)."""
    first: dict[tuple[EntityGroup, str], _Draft] = {}
    kept = []
    for draft in drafts:
        same = first.setdefault((draft.group, draft.name), draft)
        if same is draft or not (same.rules or draft.rules):
            kept.append(draft)
        else:
            same.absorb(draft)
    return kept


def _matching(drafts: list[_Draft], name: str) -> list[_Draft]:
    """The entities a rule's name means: those so named, else those also so called."""
    key = fold_name(name)
    named = [d for d in drafts if d.key == key]
    return named or [d for d in drafts if d.called(key)]


def _regroup(draft: _Draft, group: EntityGroup, group_of_label: dict[str, EntityGroup]) -> None:
    """Into `group`, keeping the fine label when it belongs there (a LOC among places)."""
    if group_of_label.get(draft.label, EntityGroup.THING) is not group:
        draft.label = USUAL_LABEL[group]
    draft.group = group


def _join(drafts: list[_Draft], rule: Alias) -> bool:
    key = fold_name(rule.alias)
    targets = _matching(drafts, rule.name)
    sources = [d for d in drafts if d not in targets and d.called(key)]
    if not sources:
        return False
    if targets:
        target = targets[0]
    else:
        target = sources.pop(0)
        target.aliases.add(target.name)
        target.name = rule.name
    for source in sources:
        target.absorb(source)
        drafts.remove(source)
    target.aliases.add(rule.alias)
    target.refresh()
    target.touch(rule)
    return True


def _split(drafts: list[_Draft], rule: Split) -> bool:
    key = fold_name(rule.alias)
    at = set(rule.at)
    name_key = fold_name(rule.name)
    target = next((d for d in drafts if d.group is rule.group and d.key == name_key), None)
    moved: dict[tuple[int, int], Mention] = {}
    for draft in drafts:
        if draft is target:
            continue
        taken = [
            span
            for span, m in draft.mentions.items()
            if fold_name(m.text) == key and (not at or m.start in at)
        ]
        if not taken:
            continue
        for span in taken:
            moved[span] = draft.mentions.pop(span)
        if not any(fold_name(m.text) == key for m in draft.mentions.values()):
            draft.aliases = {a for a in draft.aliases if fold_name(a) != key}
            draft.refresh()
        draft.touch(rule)
    if not moved:
        return False
    if target is None:
        target = _Draft(None, rule.name, rule.group, USUAL_LABEL[rule.group], {}, set())
        drafts.append(target)
    target.mentions.update(moved)
    target.aliases |= {m.text for m in moved.values()}
    target.refresh()
    target.touch(rule)
    return True


def _add(
    document: Document,
    blocks: Sequence[Any],
    drafts: list[_Draft],
    rule: Add,
    group_of_label: dict[str, EntityGroup],
) -> bool:
    found = [m for b in blocks for m in _occurrences(document.text, rule.name, b.start, b.end)]
    # Only an entity of that name: one merely also called so keeps its mentions.
    key = fold_name(rule.name)
    target = next((d for d in drafts if d.key == key), None)
    owned = sorted(
        ((span, d) for d in drafts if d is not target for span in d.mentions),
        key=lambda item: item[0],
    )
    starts = [span[0] for span, _ in owned]
    longest = max((e - s for (s, e), _ in owned), default=0)
    gained: list[Mention] = []
    for mention in found:
        if target is not None and any(
            s < mention.end and mention.start < e for s, e in target.mentions
        ):
            continue  # already its own, or inside one of its longer mentions
        overlapping = _overlapping(owned, starts, longest, mention)
        if overlapping and not rule.take_overlapping:
            continue
        for span, draft in overlapping:
            if draft.mentions.pop(span, None) is not None:
                draft.touch(rule)
        gained.append(mention)
    if target is None:
        if not gained:
            return False
        target = _Draft(None, rule.name, rule.group, USUAL_LABEL[rule.group], {}, set())
        drafts.append(target)
    elif not gained and target.group is rule.group:
        return False
    target.mentions.update(((m.start, m.end), m) for m in gained)
    target.aliases |= {m.text for m in gained}
    target.refresh()
    _regroup(target, rule.group, group_of_label)
    target.touch(rule)
    return True


def _overlapping(
    owned: list[tuple[tuple[int, int], _Draft]], starts: list[int], longest: int, mention: Mention
) -> list[tuple[tuple[int, int], _Draft]]:
    """The other entities' mentions (sorted by start) that share a character with `mention`."""
    index = bisect_left(starts, mention.start - longest)
    hits = []
    while index < len(owned) and owned[index][0][0] < mention.end:
        (_, end), _ = owned[index]
        if end > mention.start:
            hits.append(owned[index])
        index += 1
    return hits


def _occurrences(text: str, name: str, start: int, end: int) -> list[Mention]:
    """Whole-word occurrences of `name` as written or in capitals, ’ and ' alike."""
    variants = {name, name.upper()}
    words = [
        r"\s+".join(_APOSTROPHE.sub("['’‘ʼ]", re.escape(w)) for w in v.split()) for v in variants
    ]
    pattern = re.compile(
        r"(?<![\w'’-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])"
    )
    return [Mention(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
