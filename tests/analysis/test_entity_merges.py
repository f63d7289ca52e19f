"""Merges a reader makes without thinking: a town for its club, a state for its republic,
and the one of two people sharing a surname whom a pronoun or a title points to.
Hand-made spans on our own sentences: no model needed."""

from __future__ import annotations

from reader.analysis import EntityGroup
from tests.analysis.test_entity_rules import entities_of
from tests.analysis.test_entity_trust import named


def test_a_town_is_its_club_on_a_page_that_names_the_club():
    entities = entities_of(
        "Cup Night\n\nKestow United won 2-0 at home. Kestow had lost the first meeting, "
        "and fans across Kestow celebrated late.",
        ("Kestow", "GPE"),
    )
    club = named(entities, "Kestow United")
    assert club.group is EntityGroup.ORGANIZATION
    assert club.count == 3
    assert not any(e.name == "Kestow" for e in entities)


def test_a_city_named_with_city_stays_a_place_and_two_clubs_take_no_town():
    entities = entities_of(
        "Derby Day\n\nFans flew in from Mexico City. Ormsby Rovers and Ormsby Athletic "
        "both play in Ormsby.",
        ("Mexico", "GPE"),
        ("Ormsby", "GPE"),
    )
    assert named(entities, "Mexico").group is EntityGroup.PLACE  # not "Mexico City" the club
    assert named(entities, "Ormsby Rovers").group is EntityGroup.ORGANIZATION
    assert named(entities, "Ormsby Athletic").group is EntityGroup.ORGANIZATION
    assert named(entities, "Ormsby").group is EntityGroup.PLACE
    # A state's club leaves the state a place.
    entities = entities_of(
        "Late Rally\n\nThe Nevada Rangers rallied late. Snow fell across Nevada overnight.",
        ("Nevada", "GPE"),
    )
    assert named(entities, "Nevada Rangers").group is EntityGroup.ORGANIZATION
    assert named(entities, "Nevada").group is EntityGroup.PLACE


def test_a_state_called_by_its_people_s_adjective_is_the_place():
    entities = entities_of(
        "Border Talks\n\nThe Slovak Republic sent a delegation. Slovakia has long asked for "
        "the talks, and Slovak farmers back them.",
        ("Slovak Republic", "GPE"),
        ("Slovakia", "GPE"),
        ("Slovak", "NORP"),
    )
    slovakia = named(entities, "Slovakia")
    assert slovakia.group is EntityGroup.PLACE
    assert "Slovak Republic" in slovakia.aliases
    assert named(entities, "Slovak").group is EntityGroup.GROUP


def test_a_surname_two_people_share_joins_the_one_a_pronoun_or_title_points_to():
    text = (
        "A Family Firm\n\nThe shop was opened by Martha Penrose and her husband Edwin "
        "Penrose in 1990. Penrose said he never expected it to last. Later Mrs Penrose "
        "took over the books."
    )
    entities = entities_of(
        text, ("Martha Penrose", "PERSON"), ("Edwin Penrose", "PERSON"), ("Penrose", "PERSON")
    )
    edwin, martha = named(entities, "Edwin Penrose"), named(entities, "Martha Penrose")
    # "Penrose said he" is Edwin; "Mrs Penrose" is Martha: mentions that disagree stay apart.
    assert edwin.count == 1 and martha.count == 1
    assert any(e.name == "Penrose" for e in entities)
    entities = entities_of(
        text.replace("Later Mrs Penrose", "Later Penrose said he"),
        ("Martha Penrose", "PERSON"),
        ("Edwin Penrose", "PERSON"),
        ("Penrose", "PERSON"),
    )
    assert named(entities, "Edwin Penrose").count == 3
    assert named(entities, "Martha Penrose").count == 1


def test_a_derby_is_one_event_named_with_its_word_in_the_singular_and_the_plural():
    entities = entities_of(
        "Derby Day\n\nKestow have lost the last three Kestow-Ormsby derbies. Fans hope "
        "Saturday's Kestow-Ormsby derby ends the run.",
        ("Kestow-Ormsby", "ORG"),
        ("Kestow", "GPE"),
    )
    derby = named(entities, "Kestow-Ormsby derby")
    assert derby.group is EntityGroup.EVENT
    assert derby.count == 2 and "Kestow-Ormsby derbies" in derby.aliases


def test_a_dateline_city_stays_the_place_when_its_team_is_in_the_results():
    entities = entities_of(
        "Weekend Football\n\nLYON (Reuters) - Results of games played on Sunday :\n\n"
        "Lyon 2 Ormsby 1\n\nKestow 0 Lyon 3",
        ("Lyon", "GPE"),
    )
    lyon = [e for e in entities if e.name.lower() == "lyon"]
    assert {e.group for e in lyon} == {EntityGroup.PLACE, EntityGroup.ORGANIZATION}
    place = next(e for e in lyon if e.group is EntityGroup.PLACE)
    assert [m.text for m in place.mentions] == ["LYON"]
