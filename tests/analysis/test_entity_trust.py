"""Entities a reader can trust: safe merges, the right group for the obvious, no furniture,
confidence and salience. Hand-made spans on our own sentences: no model needed.
"""

from __future__ import annotations

from reader.analysis import EntityGroup, RawSpan, extract_entities
from reader.analysis.entities.knowledge import is_given_name, is_world_place
from reader.analysis.entities.merging import surname
from reader.document import parse_article
from tests.analysis.test_entity_rules import entities_of


def named(entities, name):
    found = [e for e in entities if e.name == name or name in e.aliases]
    assert len(found) == 1, (name, [(e.name, e.aliases) for e in entities])
    return found[0]


# --- merges ------------------------------------------------------------------------------


def test_a_place_never_joins_an_organization_that_starts_with_it():
    entities = entities_of(
        "River Talks\n\nThe Nile Basin Initiative met in Entebbe. Farmers along the Nile "
        "fear drought. The Nile Basin Initiative said the Nile is shrinking.",
        ("Nile Basin Initiative", "ORG"),
        ("Nile", "LOC"),
    )
    nile = named(entities, "Nile")
    initiative = named(entities, "Nile Basin Initiative")
    assert nile is not initiative
    assert nile.group is EntityGroup.PLACE and nile.count == 2
    assert initiative.group is EntityGroup.ORGANIZATION


def test_a_short_organization_name_still_joins_its_full_name():
    entities = entities_of(
        "Results\n\nShares in Kestrel Batteries rose on Monday. Kestrel said demand was strong.",
        ("Kestrel Batteries", "ORG"),
        ("Kestrel", "ORG"),
    )
    assert named(entities, "Kestrel").name == "Kestrel Batteries"


def test_name_particles_in_any_case_are_one_person():
    entities = entities_of(
        "Budget\n\nThe treasurer, Anna de Vries, spoke first. Later de Vries said the plan "
        "was sound. De Vries left at noon.",
        ("Anna de Vries", "PERSON"),
        ("de Vries", "ORG"),
    )
    person = named(entities, "Anna de Vries")
    assert person.group is EntityGroup.PERSON
    assert person.count == 3
    assert surname("Ludwig van der Berg") == "van der Berg"


def test_a_first_name_alone_joins_the_one_person_who_has_it():
    entities = entities_of(
        "Harbour\n\nGordon Pell, the harbour master, opened the gates. Mira Tosk watched. "
        "Gordon said the tide was high.",
        ("Gordon Pell", "PERSON"),
        ("Mira Tosk", "PERSON"),
        ("Gordon", "GPE"),
    )
    gordon = named(entities, "Gordon Pell")
    assert "Gordon" in {m.text for m in gordon.mentions}
    assert not any(e.group is EntityGroup.PLACE for e in entities)


def test_a_first_name_two_people_share_joins_neither():
    entities = entities_of(
        "Duet\n\nMira Tosk and Mira Vell sang. Mira bowed.",
        ("Mira Tosk", "PERSON"),
        ("Mira Vell", "PERSON"),
        ("Mira", "PERSON"),
    )
    assert "Mira" not in {m.text for m in named(entities, "Mira Tosk").mentions}
    assert "Mira" not in {m.text for m in named(entities, "Mira Vell").mentions}


def test_an_acronym_without_brackets_joins_the_organization_it_abbreviates():
    entities = entities_of(
        "Campus\n\nThe Northern Coastal University may close. Staff at NCU said so.",
        ("Northern Coastal University", "ORG"),
        ("NCU", "ORG"),
    )
    assert named(entities, "NCU").name == "Northern Coastal University"


def test_a_national_qualifier_and_plurals_do_not_split_an_entity():
    entities = entities_of(
        "Rights\n\nThe Russian Rowing Network filed a claim. The Rowing Network said it "
        "would appeal. Chechens marched; a Chechen leader spoke.",
        ("Russian Rowing Network", "ORG"),
        ("Rowing Network", "ORG"),
        ("Chechens", "NORP"),
        ("Chechen", "NORP"),
    )
    assert named(entities, "Rowing Network").name == "Russian Rowing Network"
    assert named(entities, "Chechens") is named(entities, "Chechen")


# --- the right group -----------------------------------------------------------------------


def test_planets_moons_seas_and_valleys_are_places_never_people():
    entities = entities_of(
        "Sky\n\nMercury passed close to the Sun. Astronomers watched Titan too. A ship sailed "
        "the Korvel Sea past the Ambra Valley.",
        ("Mercury", "PERSON"),
        ("Titan", "PERSON"),
        ("Korvel Sea", "PERSON"),
        ("Ambra Valley", "PERSON"),
    )
    for name in ("Mercury", "Titan", "Korvel Sea", "Ambra Valley"):
        assert named(entities, name).group is EntityGroup.PLACE, name


def test_units_and_company_words_are_never_people_and_rovers_are_things():
    entities = entities_of(
        "Lab\n\nThe signal ran at 50 Hertz. Tarn Holdings paid for the Questor rover. "
        "Holdings fell later.",
        ("Hertz", "PERSON"),
        ("Tarn Holdings", "PERSON"),
        ("Holdings", "PERSON"),
        ("Questor", "PERSON"),
    )
    assert not any(e.group is EntityGroup.PERSON for e in entities)
    assert named(entities, "Tarn Holdings").group is EntityGroup.ORGANIZATION
    assert named(entities, "Questor").group is EntityGroup.THING


def test_a_first_name_and_surname_make_a_person_the_model_called_an_organization():
    entities = entities_of(
        "Court\n\nLawyers for Rita Voskuil filed the papers.",
        ("Rita Voskuil", "ORG"),
    )
    assert named(entities, "Rita Voskuil").group is EntityGroup.PERSON
    assert is_given_name("Rita") and not is_given_name("Holdings")
    assert is_world_place("Aberdeen") and not is_world_place("Voskuil")


# --- furniture and span edges --------------------------------------------------------------


def test_heading_fragments_share_buttons_and_counters_are_never_entities():
    entities = entities_of(
        "Climate & Energy\n\nShare on Facebook\n\n2.4Kshares\n\nThe Corvi Trust planted "
        "trees in Lund.",
        ("Climate &", "ORG"),
        ("Share on Facebook", "ORG"),
        ("2.4Kshares", "CARDINAL"),
        ("Corvi Trust", "ORG"),
    )
    names = {e.name for e in entities}
    assert names == {"Corvi Trust"}


def test_a_span_over_a_sentence_break_or_lower_case_edges_is_cut_to_the_name():
    document = parse_article(
        'Match\n\nIs this Dunmore side?"He asked it twice. Vela billions of years ago cooled.'
    )
    text = document.text
    spans = [
        RawSpan(text.index("this Dunmore"), text.index("He") + 2, "ORG"),
        RawSpan(text.index("Vela"), text.index("ago") + 3, "EVENT"),
    ]
    names = {e.name for e in extract_entities(document, spans)}
    assert names == {"Dunmore", "Vela"}


# --- confidence and salience ---------------------------------------------------------------


def test_a_capitalised_ordinary_word_is_uncertain_and_a_titled_person_is_not():
    entities = entities_of(
        "Report\n\nPatience wears thin, said Mayor Lio Barrant. The patience of residents "
        "is tested.",
        ("Patience", "ORG"),
        ("Mayor Lio Barrant", "PERSON"),
    )
    patience = named(entities, "Patience")
    assert patience.uncertain and patience.confidence < 0.5
    barrant = named(entities, "Lio Barrant")
    assert not barrant.uncertain and barrant.confidence > 0.8


def test_the_story_subject_ranks_above_a_place_mentioned_in_passing():
    entities = entities_of(
        "Okafor Signs for Dunmore\n\nTeodor Okafor joined the club on Friday. "
        "He flew in from Lisbon. Lisbon was sunny. Lisbon airport was busy.\n\n"
        "Okafor trained at once. Okafor said he was happy.",
        ("Teodor Okafor", "PERSON"),
        ("Okafor", "PERSON"),
        ("Lisbon", "GPE"),
    )
    assert entities[0].name == "Teodor Okafor"


def test_a_nationality_joins_the_place_or_body_it_qualifies():
    document = parse_article("Trip\n\nClimbers died in the Swiss Alps. The Danish Ministry spoke.")
    text = document.text
    spans = [
        RawSpan(text.index("Swiss"), text.index("Swiss") + 5, "NORP"),
        RawSpan(text.index("Alps"), text.index("Alps") + 4, "LOC"),
        RawSpan(text.index("Danish"), text.index("Danish") + 6, "NORP"),
        RawSpan(text.index("Ministry"), text.index("Ministry") + 8, "ORG"),
    ]
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    assert groups == {"Swiss Alps": EntityGroup.PLACE, "Danish Ministry": EntityGroup.ORGANIZATION}


def test_republics_are_places_and_derbies_events_never_people():
    entities = entities_of(
        "Sport\n\nFans from the Varan Republic came to the Harbour Derby. Four derbies were "
        "played.",
        ("Varan Republic", "PERSON"),
        ("Harbour Derby", "PERSON"),
        ("Four", "CARDINAL"),
    )
    assert named(entities, "Varan Republic").group is EntityGroup.PLACE
    assert named(entities, "Harbour Derby").group is EntityGroup.EVENT
    assert named(entities, "Four").group is EntityGroup.NUMBER


def test_two_groups_side_by_side_are_two_groups_not_a_person():
    entities = entities_of(
        "Faith\n\nA Kurdish Muslim cleric spoke. Muslim leaders agreed; Kurdish groups too.",
        ("Kurdish Muslim", "PERSON"),
        ("Muslim", "NORP"),
    )
    assert named(entities, "Kurdish").group is EntityGroup.GROUP
    assert named(entities, "Muslim").group is EntityGroup.GROUP
    assert not any(e.group is EntityGroup.PERSON for e in entities)


def test_a_city_taken_for_an_organization_joins_its_university_and_numerals_drop():
    entities = entities_of(
        "Study\n\nResearchers at the University of Lund published it. Lund said the data "
        "were sound. The starting XI Brennan picked, said Tom Brennan, was young.",
        ("University of Lund", "ORG"),
        ("Lund", "ORG"),
        ("XI Brennan", "PRODUCT"),
        ("Tom Brennan", "PERSON"),
    )
    assert named(entities, "Lund").name == "University of Lund"
    brennan = named(entities, "Tom Brennan")
    assert {m.text for m in brennan.mentions} == {"Brennan", "Tom Brennan"}
    assert not any("XI" in e.name for e in entities)


def test_an_honorific_outside_the_span_and_a_lone_first_name_make_a_person():
    entities = entities_of(
        "Talks\n\nAsked twice, Mr Ostrava-Kell said no. The plan failed, said Natalia Brisk.",
        ("Ostrava-Kell", "ORG"),
        ("Natalia", "GPE"),
    )
    assert named(entities, "Ostrava-Kell").group is EntityGroup.PERSON
    assert named(entities, "Natalia Brisk").group is EntityGroup.PERSON


def test_awards_are_things_and_a_country_is_not_a_first_name_alias():
    entities = entities_of(
        "Music\n\nJordan Kell won the Harbour Music Award in Jordan. Kell thanked Jordan.",
        ("Harbour Music Award", "PERSON"),
        ("Jordan Kell", "PERSON"),
        ("Jordan", "GPE"),
    )
    assert named(entities, "Harbour Music Award").group is EntityGroup.THING
    kell = named(entities, "Jordan Kell")
    assert "Jordan" not in {m.text for m in kell.mentions}
    assert named(entities, "Jordan").group is EntityGroup.PLACE


def test_a_company_the_model_calls_a_person_still_joins_and_airports_are_places():
    entities = entities_of(
        "Deal\n\nTarvo Mill Works bought land near Aino Kask Airport. “Tarvo needs room,” "
        "a director said.",
        ("Tarvo Mill Works", "ORG"),
        ("Tarvo", "PERSON"),
        ("Aino Kask Airport", "PERSON"),
    )
    assert named(entities, "Tarvo").name == "Tarvo Mill Works"
    assert named(entities, "Aino Kask Airport").group is EntityGroup.PLACE


def test_a_name_joins_its_one_numbered_edition():
    entities = entities_of(
        "Drills\n\nThe Borealis-2031 exercises began. Borealis drills last a week.",
        ("Borealis-2031", "EVENT"),
        ("Borealis", "ORG"),
    )
    assert named(entities, "Borealis").name == "Borealis-2031"


def test_a_city_and_its_state_code_are_one_place():
    document = parse_article("Visit\n\nShe flew to Tarrant, TX on Monday.")
    text = document.text
    spans = [
        RawSpan(text.index("Tarrant"), text.index("Tarrant") + 7, "GPE"),
        RawSpan(text.index("TX"), text.index("TX") + 2, "GPE"),
    ]
    assert [e.name for e in extract_entities(document, spans)] == ["Tarrant, TX"]


def test_abbreviations_and_inner_capitals_survive_the_edge_cleaning():
    entities = entities_of(
        "Visit\n\nDr. Ana Ruiz flew to St. Louis with an Apple iPhone to meet 4Kids Media.",
        ("Dr. Ana Ruiz", "PERSON"),
        ("St. Louis", "GPE"),
        ("Apple iPhone", "PRODUCT"),
        ("4Kids Media", "ORG"),
    )
    assert {e.name for e in entities} == {"Ana Ruiz", "St. Louis", "Apple iPhone", "4Kids Media"}


def test_a_first_name_that_is_also_an_ordinary_word_is_not_searched_alone():
    entities = entities_of(
        "Vote\n\nWill Osterby chairs the board. It will meet soon. Will the board agree?",
        ("Will Osterby", "PERSON"),
    )
    assert {m.text for m in named(entities, "Will Osterby").mentions} == {"Will Osterby"}


def test_hyphenated_first_names_and_surnames_stay_one_person():
    entities = entities_of(
        "Court\n\nJean-Luc Ferrand met Maria Oyelaran-Kowalski. Ferrand spoke first; "
        "Oyelaran-Kowalski replied.",
        ("Jean-Luc Ferrand", "PERSON"),
        ("Maria Oyelaran-Kowalski", "PERSON"),
        ("Oyelaran-Kowalski", "ORG"),
    )
    assert named(entities, "Jean-Luc Ferrand").count == 2
    maria = named(entities, "Maria Oyelaran-Kowalski")
    assert maria.count == 2 and maria.group is EntityGroup.PERSON


def test_grounds_and_lone_head_words_are_never_people_but_surnames_like_park_are():
    entities = entities_of(
        "Derby Day\n\nFans filled the Arena of Lights. Election fever grew as Augusta National "
        "closed. Park said the match was fair, Mina Park added.",
        ("Arena of Lights", "PRODUCT"),
        ("Election", "PERSON"),
        ("Augusta National", "PERSON"),
        ("Park", "PERSON"),
        ("Mina Park", "PERSON"),
    )
    assert named(entities, "Arena of Lights").group is EntityGroup.PLACE
    assert named(entities, "Augusta National").group is EntityGroup.ORGANIZATION
    assert not any(e.name == "Election" for e in entities)
    assert named(entities, "Mina Park").count == 2


def test_a_town_with_a_first_name_in_it_and_a_named_telescope_are_not_people_or_firms():
    entities = entities_of(
        "Trip\n\nShe flew from Key West to see the Vantor Space Telescope.",
        ("Key West", "PERSON"),
        ("Vantor Space Telescope", "ORG"),
    )
    assert named(entities, "Key West").group is EntityGroup.PLACE
    assert named(entities, "Vantor Space Telescope").group is EntityGroup.THING


def test_counties_newspapers_and_towns_on_a_sports_page_are_not_people():
    entities = entities_of(
        "Results\n\nThe Harlan Dispatch reported on Morgan County. Leeds beat Norwich, and "
        "Norwich fans left early.",
        ("Harlan Dispatch", "PERSON"),
        ("Morgan County", "PERSON"),
        ("Norwich", "PERSON"),
    )
    assert named(entities, "Harlan Dispatch").group is EntityGroup.ORGANIZATION
    assert named(entities, "Morgan County").group is EntityGroup.PLACE
    assert named(entities, "Norwich").group is EntityGroup.PLACE


def test_a_word_standing_in_for_a_name_is_uncertain_and_brackets_and_glued_words_cut():
    entities = entities_of(
        "Charity\n\nThe Velden Food Trust opened, and so did the Ormsby Land Trust. The Trust "
        "said demand rose. The Rural Midwives Council (RMC said so. Leeds Rovers The fans cheered.",
        ("Velden Food Trust", "ORG"),
        ("Ormsby Land Trust", "ORG"),
        ("Trust", "ORG"),
        ("Rural Midwives Council (RMC", "ORG"),
        ("Leeds Rovers The", "ORG"),
    )
    assert named(entities, "Trust").uncertain  # which of the two trusts, the text won't say
    assert not named(entities, "Velden Food Trust").uncertain
    names = {e.name for e in entities}
    assert "Rural Midwives Council" in names and "Leeds Rovers" in names


def test_a_continent_s_adjective_is_uncertain_but_its_people_and_nations_are_not():
    entities = entities_of(
        "Markets\n\nEuropean markets fell as Danish and Asian traders sold.",
        ("European", "NORP"),
        ("Danish", "NORP"),
        ("Asian", "NORP"),
    )
    assert named(entities, "European").uncertain
    assert named(entities, "Asian").uncertain
    assert not named(entities, "Danish").uncertain
    entities = entities_of(
        "Markets\n\nEuropean markets fell. Europeans shrugged.",
        ("European", "NORP"),
        ("Europeans", "NORP"),
    )
    assert not named(entities, "Europeans").uncertain  # the people themselves


def test_a_single_word_after_moved_to_or_born_in_is_a_place_not_a_person():
    entities = entities_of(
        "Profile\n\nThe juggler moved to Quarryvale in 1999. Her partner was born in Dunmarsh. "
        "She later moved to Mabel.",
        ("Quarryvale", "PERSON"),
        ("Dunmarsh", "PERSON"),
        ("Mabel", "PERSON"),
    )
    assert named(entities, "Quarryvale").group is EntityGroup.PLACE
    assert named(entities, "Dunmarsh").group is EntityGroup.PLACE
    assert named(entities, "Mabel").group is EntityGroup.PERSON  # a first name stays one


def test_a_county_a_briton_and_a_newsroom_with_its_phone_are_not_people():
    entities = entities_of(
        "Notes\n\nThe Briton won in Kestowshire on Sunday .\n\n-- Ormsby Newsroom +44 20 7542",
        ("Briton", "PERSON"),
        ("Kestowshire", "PERSON"),
        ("Ormsby Newsroom +44 20 7542", "PERSON"),
    )
    assert named(entities, "Briton").group is EntityGroup.GROUP
    assert named(entities, "Kestowshire").group is EntityGroup.PLACE
    assert named(entities, "Ormsby Newsroom").group is EntityGroup.ORGANIZATION


def test_a_ferry_or_shipping_line_is_an_organization():
    entities = entities_of(
        "Crossings\n\nNordvik Line and the Amber Coast Lines both cut sailings this winter.",
        ("Nordvik Line", "PERSON"),
        ("Amber Coast Lines", "PERSON"),
    )
    assert named(entities, "Nordvik Line").group is EntityGroup.ORGANIZATION
    assert named(entities, "Amber Coast Lines").group is EntityGroup.ORGANIZATION


def test_an_adjective_is_no_name_alone_and_comes_off_a_persons_name():
    entities = entities_of(
        "Summit Diary\n\n"
        "The climbers left at dawn without oxygen Proud: the pair reached the ridge by noon. "
        "Photographs show the walls of the Seravic basin from earthen Earthen ramparts. "
        "Dana Hollis Pictured with the flag, and Dana Hollis again later.\n",
        ("Proud", "PERSON"),
        ("Earthen", "NORP"),
        ("Dana Hollis Pictured", "PERSON"),
        ("Dana Hollis", "PERSON"),
    )
    assert named(entities, "Proud").uncertain
    assert named(entities, "Earthen").uncertain
    assert named(entities, "Dana Hollis").count == 2
    assert not [e for e in entities if "Pictured" in e.name]


def test_the_tail_of_a_bodys_or_persons_name_joins_the_one_that_ends_so():
    entities = entities_of(
        "Harbour Inquiry\n\n"
        "The Kestow Harbour Pilots Council met Ines Marlow Hollis on Monday. The Council said "
        "the Pilots Council would report in May, and Marlow Hollis agreed. The House Fisheries "
        "Committee and the Senate Fisheries Committee asked the Fisheries Committee staff.\n",
        ("Kestow Harbour Pilots Council", "ORG"),
        ("Council", "ORG"),
        ("Pilots Council", "ORG"),
        ("Ines Marlow Hollis", "PERSON"),
        ("Marlow Hollis", "PERSON"),
        ("House Fisheries Committee", "ORG"),
        ("Senate Fisheries Committee", "ORG"),
        ("Fisheries Committee", "ORG"),
    )
    council = named(entities, "Kestow Harbour Pilots Council")
    assert council.count == 3 and {"Council", "Pilots Council"} <= set(council.aliases)
    assert named(entities, "Ines Marlow Hollis").count == 2
    # Two committees end alike: the short name joins neither.
    assert named(entities, "Fisheries Committee").count == 1


def test_a_surname_two_people_share_is_a_person_even_when_it_is_a_country():
    entities = entities_of(
        "Rescued At Sea\n\n"
        "Louis Jordan was found after weeks at sea. His father, Frank Jordan, wept. Jordan "
        "said he had fished to survive, and Jordan thanked the crew.\n",
        ("Louis Jordan", "PERSON"),
        ("Frank Jordan", "PERSON"),
        ("Jordan", "PERSON"),
    )
    lone = [e for e in entities if e.name == "Jordan"]
    assert lone and lone[0].group is EntityGroup.PERSON  # not the kingdom


def test_a_city_and_a_plural_is_a_team_and_its_short_name_joins_it():
    entities = entities_of(
        "Late Rally\n\n"
        "The Kestow Rovers beat the San Francisco Giants , and the Atlanta Braves lost . "
        "The Giants manager said the Braves would recover , and the Bay Area fans agreed .\n",
        ("Kestow Rovers", "ORG"),
        ("San Francisco Giants", "PERSON"),
        ("Atlanta Braves", "PERSON"),
        ("Giants", "PERSON"),
        ("Braves", "ORG"),
        ("Bay Area", "PERSON"),
    )
    giants = named(entities, "San Francisco Giants")
    assert giants.group is EntityGroup.ORGANIZATION and "Giants" in giants.aliases
    braves = named(entities, "Atlanta Braves")
    assert braves.group is EntityGroup.ORGANIZATION and braves.count == 2
    assert named(entities, "Bay Area").group is EntityGroup.PLACE


def test_the_fullest_name_is_shown_and_a_surname_the_model_took_for_a_body_is_the_persons():
    entities = entities_of(
        "Talks Resume\n\n"
        "President Ansel Peña Marrow met Kestow United officials. Peña Marrow said United "
        "had agreed, and Peña Marrow left. Dana Lamont Scott spoke too; Scott said so.\n",
        ("Ansel Peña Marrow", "PERSON"),
        ("Peña Marrow", "PERSON"),
        ("Kestow United", "ORG"),
        ("United", "ORG"),
        ("Dana Lamont Scott", "ORG"),
        ("Scott", "ORG"),
    )
    assert named(entities, "Peña Marrow").name == "Ansel Peña Marrow"
    assert named(entities, "United").name == "Kestow United"
    scott = named(entities, "Scott")
    assert scott.name == "Dana Lamont Scott" and scott.group is EntityGroup.PERSON
