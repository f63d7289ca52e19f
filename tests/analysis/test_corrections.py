"""The reader's corrections: each rule kind, name matching, rules files, and that nothing is lost.

Entities are made by hand on an article of our own, so no model is needed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import Entity, EntityGroup, Mention
from reader.analysis.corrections import (
    Add,
    Alias,
    ChangeGroup,
    CorrectionsError,
    NotEntity,
    Rename,
    RuleSet,
    Split,
    apply_rules,
    article_hash,
    dump_rules,
    fold_name,
    merge_rules,
    parse_rules,
)
from reader.analysis.entities import rank_entities
from reader.document import parse_article

ARTICLE = (
    "Harbour Festival Fills Port Avalon\n\n"
    "By Mira Quent\n\n"
    "Mayor Jonas Pell opened the Harbour Festival in Port Avalon on Saturday. Pell said the "
    "town had waited ten years for it, and Avalon families lined the quay.\n\n"
    "The Avalon Rowing Club won the first race. Club captain Florence Adair thanked the crowd. "
    "Florence later met visitors from Florence, the Italian city, at the quay.\n\n"
    "Stalls were run by Tidewater Events. Tidewater’s staff counted 4,000 visitors and sold "
    "a calloway cup of cider to each. The CALLOWAY CUP final is on Sunday, and Calloway Cup "
    "tickets sold out; Calloway Cups went too. Ceres Dunmore sang. Later O’Rourke’s band played."
)
DOCUMENT = parse_article(ARTICLE)
TEXT = DOCUMENT.text


def occurrences(*surfaces: str) -> list[Mention]:
    found = []
    for surface in surfaces:
        pattern = r"(?<![\w’-])" + re.escape(surface) + r"(?![\w-])"
        found += [Mention(m.start(), m.end(), m.group()) for m in re.finditer(pattern, TEXT)]
    return sorted(found, key=lambda m: m.start)


def entity(name: str, group: EntityGroup, label: str, *surfaces: str, nth=None) -> Entity:
    mentions = occurrences(*(surfaces or (name,)))
    if nth is not None:
        mentions = [mentions[i] for i in nth]
    aliases = tuple(sorted({m.text for m in mentions} - {name}))
    return Entity(name, group, label, tuple(mentions), aliases)


def without_overlaps(entities: list[Entity]) -> list[Entity]:
    """As the extractor leaves them: a character belongs to the first entity that claims it."""
    taken = [False] * len(TEXT)
    kept = []
    for e in entities:
        mentions = []
        for m in sorted(e.mentions, key=lambda m: m.start - m.end):  # longest first
            if not any(taken[m.start : m.end]):
                taken[m.start : m.end] = [True] * (m.end - m.start)
                mentions.append(m)
        mentions.sort(key=lambda m: m.start)
        kept.append(Entity(e.name, e.group, e.label, tuple(mentions), e.aliases))
    return kept


P, ORG, PL = EntityGroup.PERSON, EntityGroup.ORGANIZATION, EntityGroup.PLACE
ENTITIES = rank_entities(
    DOCUMENT,
    without_overlaps(
        [
            entity("Jonas Pell", P, "PERSON"),
            entity("Pell", P, "PERSON"),  # the model did not see it is the same man
            entity("Port Avalon", PL, "GPE"),
            entity("Harbour Festival", EntityGroup.EVENT, "EVENT"),
            entity("Avalon Rowing Club", ORG, "ORG"),
            entity("Florence Adair", P, "PERSON"),
            # "Florence" the captain and "Florence" the city, taken for one place.
            entity("Florence", PL, "GPE"),
            entity("Tidewater Events", ORG, "ORG", "Tidewater Events", "Tidewater"),
            entity("Ceres Dunmore", ORG, "ORG"),
            entity("Mira Quent", P, "PERSON"),
            entity("Saturday", EntityGroup.DATE, "DATE"),
            entity("O’Rourke", P, "PERSON"),
        ]
    ),
)


def named(entities, name: str, group: EntityGroup | None = None) -> Entity:
    matches = [e for e in entities if e.name == name and group in (None, e.group)]
    assert len(matches) == 1, [e.name for e in entities]
    return matches[0]


def names(entities) -> set[str]:
    return {e.name for e in entities}


def mention_counter(entities) -> Counter:
    return Counter((m.start, m.end, m.text) for e in entities for m in e.mentions)


# --- names ------------------------------------------------------------------------------------


def test_names_match_whatever_the_case_apostrophe_and_spacing():
    assert fold_name("O’Rourke") == fold_name("o'rourke") == fold_name("  O'ROURKE ")
    assert fold_name("Jonas  Pell") == fold_name("jonas pell")
    assert fold_name("Jonas Pell") != fold_name("Jonas Bell")


def test_a_rule_written_differently_still_finds_its_entity():
    result = apply_rules(DOCUMENT, ENTITIES, [Rename(name="o'rourke", to="Dara O’Rourke")])
    assert "O’Rourke" in named(result, "Dara O’Rourke").aliases
    result = apply_rules(DOCUMENT, ENTITIES, [NotEntity(name="TIDEWATER")])  # an alias
    assert "Tidewater Events" not in names(result)


# --- each kind --------------------------------------------------------------------------------


def test_no_rules_give_back_the_very_same_entities():
    assert apply_rules(DOCUMENT, ENTITIES, ()) == ENTITIES
    unmatched = [Rename(name="Nobody Here", to="Someone"), NotEntity(name="Atlantis")]
    assert apply_rules(DOCUMENT, ENTITIES, unmatched) == ENTITIES


def test_rename_shows_the_new_name_and_keeps_the_old_one_as_alias():
    rule = Rename(name="Jonas Pell", to="Mayor Pell")
    result = apply_rules(DOCUMENT, ENTITIES, [rule])
    pell = named(result, "Mayor Pell")
    assert "Jonas Pell" in pell.aliases
    assert pell.mentions == named(ENTITIES, "Jonas Pell").mentions
    assert pell.corrected == (rule.id,)
    assert rule.describe() == "renamed by you from “Jonas Pell”"
    assert named(result, "Port Avalon").corrected == ()


def test_renaming_to_the_name_of_another_entity_of_its_group_makes_them_one():
    result = apply_rules(DOCUMENT, ENTITIES, [Rename(name="Pell", to="Jonas Pell")])
    pell = named(result, "Jonas Pell")
    assert pell.count == named(ENTITIES, "Jonas Pell").count + named(ENTITIES, "Pell").count
    assert len(result) == len(ENTITIES) - 1


def test_group_change_moves_the_entity_and_gives_it_a_label_of_its_group():
    rule = ChangeGroup(name="Ceres Dunmore", group=P)
    result = apply_rules(DOCUMENT, ENTITIES, [rule])
    ceres = named(result, "Ceres Dunmore")
    assert (ceres.group, ceres.label) == (P, "PERSON")
    assert ceres.corrected == (rule.id,)
    # Already right: nothing to correct, nothing marked.
    assert apply_rules(DOCUMENT, ENTITIES, [ChangeGroup(name="Port Avalon", group=PL)]) == ENTITIES


def test_alias_joins_every_entity_so_called_into_the_named_one():
    rule = Alias(alias="Pell", name="Jonas Pell")
    result = apply_rules(DOCUMENT, ENTITIES, [rule])
    assert "Pell" not in names(result)
    pell = named(result, "Jonas Pell")
    both = named(ENTITIES, "Jonas Pell").mentions + named(ENTITIES, "Pell").mentions
    assert pell.mentions == tuple(sorted(both, key=lambda m: m.start))
    assert "Pell" in pell.aliases
    assert pell.salience >= max(named(ENTITIES, n).salience for n in ("Jonas Pell", "Pell"))
    assert pell.corrected == (rule.id,)
    assert [e.salience for e in result] == sorted((e.salience for e in result), reverse=True)
    assert RuleSet((rule,)).notes(pell) == ((rule.id, "merged by you from “Pell”"),)


def test_alias_without_its_entity_in_the_article_names_the_one_so_called():
    result = apply_rules(DOCUMENT, ENTITIES, [Alias(alias="Quent", name="Mira Quent")])
    assert result == ENTITIES  # nothing is called "Quent"
    result = apply_rules(DOCUMENT, ENTITIES, [Alias(alias="Mira Quent", name="M. Quent")])
    assert named(result, "M. Quent").mentions == named(ENTITIES, "Mira Quent").mentions


def test_merging_selected_entities_is_alias_rules_for_the_others():
    keep = named(ENTITIES, "Port Avalon")
    others = [named(ENTITIES, "Avalon Rowing Club"), named(ENTITIES, "Harbour Festival")]
    rules = merge_rules(keep, others)
    result = apply_rules(DOCUMENT, ENTITIES, rules)
    merged = named(result, "Port Avalon")
    assert merged.count == keep.count + sum(o.count for o in others)
    assert {"Avalon Rowing Club", "Harbour Festival"} <= set(merged.aliases)
    assert set(merged.corrected) == {r.id for r in rules}
    assert rules[0].describe() == "merged by you from “Avalon Rowing Club”"


def test_not_entity_hides_it():
    result = apply_rules(DOCUMENT, ENTITIES, [NotEntity(name="saturday")])
    assert "Saturday" not in names(result)
    assert len(result) == len(ENTITIES) - 1


def test_add_finds_every_whole_word_occurrence_as_written_or_in_capitals():
    rule = Add(name="Calloway Cup", group=EntityGroup.EVENT)
    result = apply_rules(DOCUMENT, ENTITIES, [rule])
    cup = named(result, "Calloway Cup")
    assert [m.text for m in cup.mentions] == ["CALLOWAY CUP", "Calloway Cup"]  # not "calloway cup"
    assert (cup.group, cup.label, cup.corrected) == (EntityGroup.EVENT, "EVENT", (rule.id,))
    for mention in cup.mentions:
        assert TEXT[mention.start : mention.end] == mention.text
        assert TEXT[mention.end] == " "  # "Calloway Cups" is another word


def test_add_leaves_other_entities_their_mentions_unless_told_to_take_them():
    result = apply_rules(DOCUMENT, ENTITIES, [Add(name="Avalon", group=PL)])
    avalon = named(result, "Avalon")
    assert [TEXT[m.start : m.end + 9] for m in avalon.mentions] == ["Avalon families"]
    assert named(result, "Port Avalon").mentions == named(ENTITIES, "Port Avalon").mentions
    taking = apply_rules(DOCUMENT, ENTITIES, [Add(name="Avalon", group=PL, take_overlapping=True)])
    assert "Port Avalon" not in names(taking)
    assert named(taking, "Avalon").count > avalon.count


def test_add_does_not_take_over_an_entity_only_also_called_so():
    assert apply_rules(DOCUMENT, ENTITIES, [Add(name="Tidewater", group=PL)]) == ENTITIES


def test_add_extends_and_moves_an_entity_that_exists():
    pell = entity("Pell", P, "PERSON", nth=[0])  # only its first mention was found
    result = apply_rules(DOCUMENT, (pell,), [Add(name="Pell", group=ORG)])
    assert named(result, "Pell").count == len(occurrences("Pell"))
    assert named(result, "Pell").group is ORG


def test_split_off_one_mention_for_this_article():
    florence = named(ENTITIES, "Florence")
    person_start = florence.mentions[0].start  # "Florence later met"
    rule = Split(
        alias="Florence",
        name="Florence Adair",
        group=P,
        at=(person_start,),
        article=article_hash(DOCUMENT),
    )
    result = apply_rules(DOCUMENT, ENTITIES, [rule])
    adair = named(result, "Florence Adair")
    assert person_start in [m.start for m in adair.mentions]
    assert named(result, "Florence").mentions == florence.mentions[1:]
    assert rule.id in adair.corrected and rule.id in named(result, "Florence").corrected


def test_split_everywhere_takes_every_mention_so_written():
    result = apply_rules(DOCUMENT, ENTITIES, [Split(alias="Florence", name="Florence", group=P)])
    florence = named(result, "Florence")
    assert florence.group is P and florence.count == named(ENTITIES, "Florence").count


def test_a_rule_for_another_article_does_not_apply_here():
    elsewhere = Rename(name="Jonas Pell", to="J. Pell", article="0" * 64)
    assert apply_rules(DOCUMENT, ENTITIES, [elsewhere]) == ENTITIES
    here = Rename(name="Jonas Pell", to="J. Pell", article=article_hash(DOCUMENT))
    assert "J. Pell" in names(apply_rules(DOCUMENT, ENTITIES, [here]))


def test_rules_apply_in_order_each_to_the_result_of_the_last():
    rules = [Rename(name="Jonas Pell", to="Mayor Pell"), Alias(alias="Pell", name="mayor pell")]
    result = apply_rules(DOCUMENT, ENTITIES, rules)
    parts = named(ENTITIES, "Jonas Pell").count + named(ENTITIES, "Pell").count
    assert named(result, "Mayor Pell").count == parts
    assert named(result, "Mayor Pell").corrected == tuple(r.id for r in rules)


# --- rules files ------------------------------------------------------------------------------

ISSUE_EXAMPLE = """{"version": 1, "rules": [
  {"kind": "not_entity", "name": "Calculated Openness"},
  {"kind": "group", "name": "Ceres", "group": "place"},
  {"kind": "alias", "alias": "Khrenin", "name": "Viktor Khrenin"},
  {"kind": "rename", "name": "Donald J. Trump", "to": "Donald Trump"},
  {"kind": "add", "name": "Zapad", "group": "event"}
]}"""


def test_the_issue_format_reads_and_writes_back_to_equal_rules():
    rules = parse_rules(ISSUE_EXAMPLE)
    assert [type(r) for r in rules] == [NotEntity, ChangeGroup, Alias, Rename, Add]
    assert all(r.everywhere for r in rules)
    stamped = (*rules, Split(alias="F", name="G", group=P, at=(3,), article="ab", created=NOW))
    assert parse_rules(dump_rules(stamped)) == stamped
    assert json.loads(dump_rules(stamped))["rules"][0] == {
        "kind": "not_entity",
        "name": "Calculated Openness",
        "scope": "everywhere",
        "id": rules[0].id,
    }


NOW = datetime(2026, 11, 28, 16, 30, tzinfo=UTC)


def test_the_same_correction_is_one_rule():
    first = Rename(name="Jonas Pell", to="Mayor Pell", created=NOW)
    again = Rename(name="Jonas Pell", to="Mayor Pell")
    assert first.id == again.id != Rename(name="Jonas Pell", to="Mr Pell").id
    rules = RuleSet().with_rule(first).with_rule(again)
    assert rules.rules == (again,)
    assert rules.without(again.id).rules == ()
    assert rules.get(first.id) is again
    scoped = rules.with_rule(NotEntity(name="x", article="ab"))
    assert len(scoped.for_article("ab")) == 2 and len(scoped.for_article("cd")) == 1
    assert RuleSet.from_json(scoped.to_json()) == scoped


def bad(rule: str) -> str:
    return '{"version": 1, "rules": [{"kind": "rename", "name": "A", "to": "B"}, ' + rule + "]}"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (bad('{"kind": "merge", "name": "A"}'), "rule 2 (merge “A”): unknown kind"),
        (
            bad('{"kind": "group", "name": "Ceres", "group": "planet"}'),
            "rule 2 (group “Ceres”): unknown group 'planet'",
        ),
        (
            bad('{"kind": "alias", "name": "Viktor Khrenin"}'),
            'rule 2 (alias “Viktor Khrenin”): "alias" is missing',
        ),
        (bad('{"kind": "rename", "name": "A", "to": 7}'), 'rule 2 (rename “A”): "to" must be'),
        (bad('{"kind": "not_entity", "name": " "}'), 'rule 2 (not_entity “ ”): "name" must be'),
        (
            bad('{"kind": "add", "name": "Z", "group": "event", "take_overlapping": "yes"}'),
            "rule 2 (add “Z”)",
        ),
        (
            bad('{"kind": "not_entity", "name": "A", "scope": "galaxy"}'),
            'rule 2 (not_entity “A”): "scope"',
        ),
        (
            bad('{"kind": "split", "alias": "F", "name": "G", "group": "person", "at": [1]}'),
            "scoped to one article",
        ),
        (bad('{"kind": "rename", "name": "A", "to": "B", "created": "yesterday"}'), '"created"'),
        (bad('"rename"'), "rule 2: not an object"),
        (bad("{}"), "rule 2: unknown kind None"),
        ('{"version": 1, "rules": [', "not a JSON file (line 1"),
        ('{"version": 2, "rules": []}', "version 2 is not supported"),
        ('{"version": true, "rules": []}', "version True is not supported"),
        ('{"version": 1, "rules": {}}', '"rules" must be a list'),
        ("[1, 2]", "not a rules file"),
    ],
)
def test_a_bad_rules_file_is_refused_naming_what_is_wrong(text, says):
    with pytest.raises(CorrectionsError) as refused:
        parse_rules(text)
    assert says in str(refused.value)


# --- nothing is lost --------------------------------------------------------------------------

SURFACES = sorted({m.text for e in ENTITIES for m in e.mentions} | {e.name for e in ENTITIES})
NAME = st.sampled_from(SURFACES)
GROUP = st.sampled_from(list(EntityGroup))
KEEPING = st.one_of(
    st.builds(Rename, name=NAME, to=NAME),
    st.builds(ChangeGroup, name=NAME, group=GROUP),
    st.builds(Alias, alias=NAME, name=NAME),
    st.builds(Split, alias=NAME, name=NAME, group=GROUP),
)
ANY = st.one_of(
    KEEPING,
    st.builds(NotEntity, name=NAME),
    st.builds(Add, name=NAME, group=GROUP, take_overlapping=st.booleans()),
)


@settings(max_examples=150, deadline=None)
@given(rules=st.lists(KEEPING, max_size=6))
def test_rules_other_than_hide_and_add_keep_every_mention_exactly_once(rules):
    result = apply_rules(DOCUMENT, ENTITIES, rules)
    assert mention_counter(result) == mention_counter(ENTITIES)
    assert all(e.mentions for e in result)


@settings(max_examples=150, deadline=None)
@given(rules=st.lists(ANY, max_size=6))
def test_any_rules_only_hide_mentions_or_add_occurrences_of_an_added_name(rules):
    before = mention_counter(ENTITIES)
    result = apply_rules(DOCUMENT, ENTITIES, rules)
    after = mention_counter(result)
    assert max(after.values(), default=1) == 1  # no mention twice
    added = {fold_name(r.name) for r in rules if isinstance(r, Add)}
    for start, end, text in after:
        assert TEXT[start:end] == text
        assert (start, end, text) in before or fold_name(text) in added
    spans = sorted((m.start, m.end) for e in result for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))  # no overlaps
    if not any(isinstance(r, (NotEntity, Add)) for r in rules):
        assert after == before


@pytest.mark.spacy
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_on_the_model_s_own_entities_rules_keep_every_mention_once(analysed, data):
    document, analysis = analysed[data.draw(st.sampled_from(sorted(analysed)))]
    surfaces = sorted({a for e in analysis.entities for a in (e.name, *e.aliases)})
    name = st.sampled_from(surfaces)
    rules = data.draw(
        st.lists(
            st.one_of(
                st.builds(Rename, name=name, to=name),
                st.builds(ChangeGroup, name=name, group=GROUP),
                st.builds(Alias, alias=name, name=name),
                st.builds(Split, alias=name, name=name, group=GROUP),
            ),
            max_size=5,
        )
    )
    result = apply_rules(document, analysis.entities, rules)
    assert mention_counter(result) == mention_counter(analysis.entities)
    assert len({e.key for e in result}) == len(result)
    for entity in result:
        assert entity.name not in entity.aliases
        assert all(document.text[m.start : m.end] == m.text for m in entity.mentions)
