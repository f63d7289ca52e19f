"""The merge, type, confirmation and location rules, on hand-made spans: no model needed."""

from __future__ import annotations

import re

from reader.analysis import EntityGroup, RawSpan, extract_entities
from reader.document import parse_article


def spans_of(text: str, *pairs: tuple[str, str]) -> list[RawSpan]:
    """A RawSpan for every occurrence of each (surface, label) pair, as a model might tag."""
    found = []
    for surface, label in pairs:
        for match in re.finditer(re.escape(surface), text):
            found.append(RawSpan(match.start(), match.end(), label))
    return found


def entities_of(text: str, *pairs: tuple[str, str]):
    """Entities from spans as a model tags them: the longest at each place, never nested."""
    document = parse_article(text)
    spans = spans_of(document.text, *pairs)
    spans = [
        s for s in spans if not any(o.start <= s.start and s.end <= o.end and o != s for o in spans)
    ]
    return extract_entities(document, spans)


def entity_named(entities, name):
    return next(e for e in entities if e.name == name)


ARTICLE = (
    "Ferry Talks Resume\n\n"
    "Calm Waters Ahead\n\n"
    "Defence Minister Ilse Carver met officials in Tallinn on Monday. Carver’s aides said "
    "the talks went well.\n\n"
    "Carver later spoke to the U.S. delegation. The US team flew home, and the United States "
    "embassy issued a statement. Carver thanked them.\n\n"
    "The Baltic Ports Authority (BPA) will inspect the ferry. The BPA said so on Friday."
)


def test_titles_and_possessives_are_cut_and_surnames_merged_into_one_person():
    document = parse_article(ARTICLE)
    text = document.text
    spans = spans_of(text, ("Defence Minister Ilse Carver", "PERSON"), ("Carver’s", "ORG"))
    entities = extract_entities(document, spans)
    carver = entity_named(entities, "Ilse Carver")
    assert carver.group is EntityGroup.PERSON
    # The model found two; every further "Carver" is a mention too.
    assert carver.count == 4
    assert "Carver" in carver.aliases
    assert not any(e.name.startswith("Defence") for e in entities)


def test_us_spellings_are_one_place():
    document = parse_article(ARTICLE)
    spans = spans_of(document.text, ("U.S.", "GPE"), ("US", "ORG"), ("United States", "GPE"))
    entities = extract_entities(document, spans)
    places = [e for e in entities if e.group is EntityGroup.PLACE]
    assert len(places) == 1
    assert places[0].name == "United States"
    assert {m.text for m in places[0].mentions} == {"U.S.", "US", "United States"}


def test_acronym_merges_with_its_expansion():
    document = parse_article(ARTICLE)
    spans = spans_of(document.text, ("Baltic Ports Authority", "ORG"), ("BPA", "ORG"))
    entities = extract_entities(document, spans)
    authority = entity_named(entities, "Baltic Ports Authority")
    assert "BPA" in authority.aliases
    assert authority.count == 3
    assert len([e for e in entities if e.group is EntityGroup.ORGANIZATION]) == 1


def test_a_name_only_in_a_title_case_heading_is_not_listed_unless_the_body_has_it():
    document = parse_article(ARTICLE)
    spans = spans_of(
        document.text, ("Calm Waters", "ORG"), ("Ferry Talks", "ORG"), ("Tallinn", "GPE")
    )
    names = {e.name for e in extract_entities(document, spans)}
    assert "Calm Waters" not in names
    assert "Ferry Talks" not in names
    assert "Tallinn" in names


def test_every_mention_is_the_exact_text_it_points_to_and_stays_in_one_block():
    document = parse_article(ARTICLE)
    text = document.text
    # A span running across the newline between blocks is not a name.
    across = RawSpan(text.index("Ahead"), text.index("Defence") + 7, "ORG")
    spans = [*spans_of(text, ("Carver", "PERSON"), ("Tallinn", "GPE")), across]
    for entity in extract_entities(document, spans):
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert "\n" not in mention.text


def test_group_follows_the_majority_and_a_country_list_settles_a_country():
    document = parse_article(
        "Talks\n\nEstonia and Latvia met. Estonia agreed. Estonia signed. Latvia left."
    )
    text = document.text
    spans = [RawSpan(m.start(), m.end(), "ORG") for m in re.finditer("Estonia", text)]
    entities = extract_entities(document, spans)
    assert entity_named(entities, "Estonia").group is EntityGroup.PLACE


def test_context_names_a_weapon_a_thing_and_approximate_numbers_lose_their_hedge():
    document = parse_article(
        "Strike\n\nThe navy fired a Vortan missile at a depot. About 300 troops watched. "
        "Nearly 300 more arrived."
    )
    spans = spans_of(
        document.text, ("Vortan", "GPE"), ("About 300", "CARDINAL"), ("Nearly 300", "CARDINAL")
    )
    entities = extract_entities(document, spans)
    assert entity_named(entities, "Vortan").group is EntityGroup.THING
    assert entity_named(entities, "300").count == 2


def test_entities_are_ranked_by_salience_title_mentions_count_most():
    document = parse_article(
        "Okonkwo Wins Again\n\nIn Lagos, Chidi Okonkwo won. Lagos cheered. Lagos danced."
    )
    spans = spans_of(document.text, ("Chidi Okonkwo", "PERSON"), ("Lagos", "GPE"))
    entities = extract_entities(document, spans)
    assert entities[0].name == "Chidi Okonkwo"
    assert entities[0].salience == 1.0
    assert [e.salience for e in entities] == sorted((e.salience for e in entities), reverse=True)


def test_a_headline_fragment_is_not_the_full_name_of_a_company():
    text = (
        "Dock Strike Widens as Talks With Harbourline Stall\n\n"
        "Harbourline said on Monday that its ferries would stay in port. Workers at "
        "Harbourline want a raise.\n"
    )
    document = parse_article(text)
    spans = spans_of(document.text, ("Harbourline Stall", "ORG"), ("Harbourline", "ORG"))
    spans = [s for s in spans if not any(o.start < s.start < o.end for o in spans)]
    entities = extract_entities(document, spans)
    names = [e.name for e in entities]
    assert "Harbourline" in names
    assert not any("Stall" in name for name in names)


RESULTS = (
    "Weekend Round-Up\n\n"
    "Portland 4 Denver 2\n\n"
    "Hampshire 240 and 112 , Cornwallshire 198 .\n\n"
    "Fans in Portland cheered late into the night ."
)


def test_a_place_with_a_score_in_a_results_line_is_its_team():
    document = parse_article(RESULTS)
    spans = spans_of(
        document.text,
        ("Portland", "GPE"),
        ("Denver", "GPE"),
        ("Hampshire 240", "PERSON"),
        ("Cornwallshire", "PERSON"),
    )
    entities = extract_entities(document, spans)
    groups = {e.name: e.group for e in entities}
    assert groups["Portland"] == EntityGroup.ORGANIZATION
    # The score is cut off the side's name; a county is no person.
    assert groups["Hampshire"] == EntityGroup.ORGANIZATION
    assert groups["Cornwallshire"] == EntityGroup.ORGANIZATION


def test_a_number_after_a_place_in_prose_or_a_country_side_stays_a_place():
    document = parse_article(
        "Road Trip\n\nWe drove from Portland 40 miles to the coast .\n\n"
        "Norway 2 Denver 1\n\nNorway won in Denver ."
    )
    spans = spans_of(document.text, ("Portland", "GPE"), ("Norway", "GPE"))
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    assert groups["Portland"] == EntityGroup.PLACE
    assert groups["Norway"] == EntityGroup.PLACE  # a national side is filed under its country


def test_a_dateline_names_the_place_the_story_was_filed_from():
    document = parse_article(
        "Ferries Halted\n\nBUCHAREST 2003-02-11\n\n"
        "Ferry services were cancelled on Tuesday as the storm grew .\n\n"
        "WARNING 2003-02-12\n"
    )
    spans = spans_of(document.text, ("BUCHAREST 2003-02-11", "DATE"))
    entities = extract_entities(document, spans)
    assert [e.name for e in entities if e.group == EntityGroup.PLACE] == ["Bucharest"]
    assert not any("WARNING" in e.name for e in entities)  # a word in capitals is no place
    # The date the model tagged with the place keeps its date.
    assert any(e.group == EntityGroup.DATE and e.name == "2003-02-11" for e in entities)

    wire = parse_article("SPRINGFIELD (Reuters) - A second storm is expected on Friday .\n")
    places = [e for e in extract_entities(wire, []) if e.group == EntityGroup.PLACE]
    assert [p.mentions[0].text for p in places] == ["SPRINGFIELD"]


def test_a_nationality_opening_a_body_s_name_is_part_of_it():
    document = parse_article(
        "Weavers Protest\n\n"
        "Speaking through the Welsh Guild of Hand Weavers, the weaver said the rules were "
        "unfair. The English Rowing Federation agreed, and the British Prime Minister and "
        "British weavers stayed silent. She handed out the Welsh Guild of Hand Weavers' "
        "Rights leaflet.\n\n"
        "The findings were published in the journal Lumen. An editorial in Lumen disagreed."
    )
    spans = spans_of(
        document.text,
        ("Welsh", "NORP"),
        ("English", "LANGUAGE"),
        ("British", "NORP"),
        ("Lumen", "WORK_OF_ART"),
    )
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    assert groups["Welsh Guild of Hand Weavers"] == EntityGroup.ORGANIZATION
    assert groups["English Rowing Federation"] == EntityGroup.ORGANIZATION
    assert groups["British"] == EntityGroup.GROUP  # a role or a plain noun after it: a people
    assert "Welsh" not in groups and "English" not in groups
    assert groups["Lumen"] == EntityGroup.ORGANIZATION  # "the journal Lumen"


def lone(text: str, word: str, label: str) -> list[RawSpan]:
    """`word` wherever it stands alone, not after another capitalised word."""
    pattern = rf"(?<![A-Z][a-z] )(?<![A-Z][a-z][a-z] )(?<![A-Z][a-z]{{3}} )\b{word}\b"
    return [RawSpan(m.start(), m.end(), label) for m in re.finditer(pattern, text)]


def test_a_surname_shared_with_a_country_is_the_person_when_the_model_says_so():
    document = parse_article(
        "New Novel\n\nNovelist Ruth Chad finished her book in May. Chad said the ending "
        "came last, and Chad thanked her editor.\n\nThe book is set in Chad."
    )
    text = document.text
    spans = spans_of(text, ("Ruth Chad", "PERSON"))
    chads = lone(text, "Chad", "PERSON")
    spans += [*chads[:2], RawSpan(chads[2].start, chads[2].end, "GPE")]
    entities = extract_entities(document, spans)
    ruth = entity_named(entities, "Ruth Chad")
    assert len(ruth.mentions) >= 3
    assert ruth.group == EntityGroup.PERSON


def test_a_country_named_like_a_person_s_surname_stays_a_place():
    document = parse_article(
        "New Novel\n\nNovelist Ruth Chad finished her book in Chad. She flew to Chad in May."
    )
    text = document.text
    spans = spans_of(text, ("Ruth Chad", "PERSON")) + lone(text, "Chad", "GPE")
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    assert groups["Chad"] == EntityGroup.PLACE
    assert groups["Ruth Chad"] == EntityGroup.PERSON


def test_the_sides_of_a_results_line_are_teams_even_untagged_but_players_are_not():
    document = parse_article(
        "Saturday Scores\n\n"
        "Kirkbride 2 Fenbury Thistle 1 , Dunmore 0 Allerby 3 .\n\n"
        "Rita Sklar 68 Anna Berg 70 .\n\n"
        "Fans of Fenbury Thistle sang late into the night ."
    )
    groups = {e.name: e.group for e in extract_entities(document, [])}
    for team in ("Kirkbride", "Fenbury Thistle", "Dunmore", "Allerby"):
        assert groups[team] == EntityGroup.ORGANIZATION
    assert not any(e.uncertain for e in extract_entities(document, []))
    assert "Rita Sklar" not in groups and "Anna Berg" not in groups


def test_a_registered_company_name_is_an_organization_whatever_it_is_named_after():
    document = parse_article(
        "Hotel Deal\n\nShares in Portland Hospitality Inc rose after Norvik Ltd. agreed to buy "
        "its hotels. Portland Hospitality Inc said the deal closes in May."
    )
    spans = spans_of(document.text, ("Portland Hospitality Inc", "GPE"), ("Norvik Ltd.", "PERSON"))
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    assert groups["Portland Hospitality Inc"] == EntityGroup.ORGANIZATION
    assert groups["Norvik Ltd."] == EntityGroup.ORGANIZATION


def test_a_surname_that_is_also_a_town_is_a_person_when_it_speaks():
    document = parse_article(
        "Budget Row\n\nThe plan will fail, Mansfield said on Monday. Mansfield told "
        "reporters the vote was close.\n\nVoters in Mansfield were not asked."
    )
    text = document.text
    spans = [RawSpan(m.start(), m.end(), "PERSON") for m in re.finditer("Mansfield", text)]
    groups = {e.name: e.group for e in extract_entities(document, spans[:2])}
    assert groups["Mansfield"] == EntityGroup.PERSON


def test_a_name_with_a_chief_executive_or_shareholders_is_an_organization():
    text = (
        "Harbour Talks Resume\n\n"
        "Ferries run by Calloway stayed in port on Monday.\n\n"
        "Calloway’s chief executive, Ines Marr, said the talks would go on.\n\n"
        "Calloway says the dispute costs it money every day, and Calloway's shareholders "
        "want it settled.\n"
    )
    document = parse_article(text)
    entities = extract_entities(
        document, spans_of(document.text, ("Calloway", "PERSON"), ("Ines Marr", "PERSON"))
    )
    assert entity_named(entities, "Calloway").group is EntityGroup.ORGANIZATION
    assert entity_named(entities, "Ines Marr").group is EntityGroup.PERSON


def test_standings_rows_and_fixtures_name_teams_even_in_a_title_case_line():
    document = parse_article(
        "Valley League\n\n"
        "Standings after Saturday's games :\n\n"
        "Kestow 4 1 0 3 7 8 3\n\n"
        "Brennock Athletic 4 0 3 1 2 3 3\n\n"
        "Fixtures :\n\n"
        "Dunmarsh v Kestow\n\n"
        "ORMSBY AT TALLOW\n\n"
        "Dunmarsh 3 Brennock Athletic 1"
    )
    spans = spans_of(document.text, ("Kestow 4 1", "PERSON"), ("Dunmarsh 3 Brennock", "PERSON"))
    entities = extract_entities(document, spans)
    groups = {e.name: e.group for e in entities}
    for team in ("Kestow", "Brennock Athletic", "Dunmarsh", "ORMSBY", "TALLOW"):
        assert groups[team] == EntityGroup.ORGANIZATION, team
    # The record and the other side are cut off the model's span.
    assert not any(any(ch.isdigit() for ch in name) for name in groups)
    assert entity_named(entities, "Kestow").count == 2


def test_competitors_with_their_country_or_an_initial_and_a_score_are_people():
    document = parse_article(
        "Harbour Regatta\n\n"
        "Single sculls : Tomas Ferreira ( Portugal ) beat Helga Brandt (Norway) by a length .\n\n"
        "Scorecard : Kestow 210 ( R. Ashdown 64 , T.O'Malley 51 ) .\n\n"
        "Lunch ( Monday ) was served ."
    )
    people = {e.name for e in extract_entities(document, []) if e.group is EntityGroup.PERSON}
    assert {"Tomas Ferreira", "Helga Brandt", "R. Ashdown", "T.O'Malley"} <= people
    places = {e.name for e in extract_entities(document, []) if e.group is EntityGroup.PLACE}
    assert {"Portugal", "Norway"} <= places  # the countries in brackets, untagged too
    assert "Lunch" not in people


def test_scores_dashes_and_lone_articles_come_off_names_and_town_of_makes_a_place():
    document = parse_article(
        "Under The Lights\n\n"
        "Norway beat Kestow Rovers 2-1 in a friendly .\n\n"
        "Scorers : Norway - Tomas Berg ( 31st ) .\n\n"
        "Rebels held the town of Quarryvale until Monday , and fighting went on east of "
        "Dunmarsh and on the island of Skellig Mor ."
    )
    spans = spans_of(
        document.text,
        ("The", "ORG"),
        ("Kestow Rovers 2-1", "ORG"),
        ("Norway - Tomas Berg", "ORG"),
        ("Quarryvale", "PERSON"),
        ("Dunmarsh", "PERSON"),
        ("Skellig Mor", "ORG"),
    )
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    assert "The" not in groups
    assert groups["Skellig Mor"] == EntityGroup.PLACE
    assert groups["Kestow Rovers"] == EntityGroup.ORGANIZATION
    assert groups["Norway"] == EntityGroup.PLACE
    assert groups["Quarryvale"] == groups["Dunmarsh"] == EntityGroup.PLACE
    assert not any("-" in name for name in groups)


def test_a_town_with_a_team_s_words_around_it_is_the_team_but_a_country_or_player_is_not():
    document = parse_article(
        "Cup Round-Up\n\n"
        "Kestow captain Ivo Marsh scored twice as Kestow beat Dunmarsh . Title rivals "
        "Ormsby lost , Turkey beat Norway , and Tomas Berg beat Helga Brandt at the net .\n\n"
        "Fans packed the streets of Quarryvale ."
    )
    spans = spans_of(
        document.text,
        ("Kestow", "GPE"),
        ("Dunmarsh", "GPE"),
        ("Ormsby", "GPE"),
        ("Turkey", "GPE"),
        ("Norway", "GPE"),
        ("Quarryvale", "GPE"),
        ("Helga Brandt", "ORG"),
    )
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    for team in ("Kestow", "Dunmarsh", "Ormsby"):
        assert groups[team] == EntityGroup.ORGANIZATION, team
    assert groups["Turkey"] == groups["Norway"] == groups["Quarryvale"] == EntityGroup.PLACE
    assert groups["Helga Brandt"] != EntityGroup.ORGANIZATION


def test_a_listed_competitor_is_a_person_whatever_the_model_said_and_a_nationality_comes_off():
    document = parse_article(
        "Track Results\n\n"
        "Women 's 400 metres – Tomas Ferreira ( Portugal ) 50.31 seconds .\n\n"
        "Scorecard : R. Ashdown 64 , George W. Harlan 12 .\n\n"
        "Norwegian Helga Brandt outclassed the field ."
    )
    spans = spans_of(
        document.text,
        ("Tomas Ferreira", "ORG"),
        ("R. Ashdown", "ORG"),
        ("George W. Harlan", "PERSON"),
        ("Norwegian Helga Brandt", "ORG"),
    )
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    for person in ("Tomas Ferreira", "R. Ashdown", "George W. Harlan", "Helga Brandt"):
        assert groups[person] == EntityGroup.PERSON, person
    assert groups["Norwegian"] == EntityGroup.GROUP
    assert "W. Harlan" not in groups  # the model's longer name stands


def test_a_registered_company_is_named_whole_and_a_body_s_reporters_make_it_one():
    document = parse_article(
        "Deals\n\n"
        "Shares of Norvik Fish Corp rose after Oslo-based Tessel & Lund Ltd bid , said Ana "
        "Dias of Harbour Capital Inc. The Dow Fields Co agreed .\n\n"
        "Two Morning Ledger reporters asked the Morning Ledger for comment ."
    )
    spans = spans_of(
        document.text,
        ("Norvik", "PERSON"),
        ("Tessel", "PERSON"),
        ("Ana Dias", "PERSON"),
        ("Morning Ledger", "PERSON"),
    )
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    for company in (
        "Norvik Fish Corp",
        "Tessel & Lund Ltd",
        "Harbour Capital Inc.",
        "Dow Fields Co",
    ):
        assert groups[company] == EntityGroup.ORGANIZATION, company
    assert groups["Ana Dias"] == EntityGroup.PERSON
    assert groups["Morning Ledger"] == EntityGroup.ORGANIZATION
    assert not any(name.startswith(("Shares", "Oslo-based", "The ")) for name in groups)


BODY_IN_COUNTRY = (
    "Growers Meet in Accra\n\n"
    "The Council for Fair Harvests in Africa met growers in Accra on Tuesday. Members of the "
    "Council for Fair Harvests in Africa asked for better prices.\n\n"
    "The freighter Maren Lund in the Baltic Sea was turned back on Monday."
)


def test_a_body_named_after_its_country_stays_one_organization():
    document = parse_article(BODY_IN_COUNTRY)
    text = document.text
    spans = spans_of(
        text,
        ("Council for Fair Harvests in Africa", "ORG"),
        ("Maren Lund in the Baltic Sea", "ORG"),
    )
    names = {e.name: e.group for e in extract_entities(document, spans)}
    assert names["Council for Fair Harvests in Africa"] is EntityGroup.ORGANIZATION
    assert "Africa" not in names
    # A thing found in a place is still read as two names.
    assert names["Baltic Sea"] is EntityGroup.PLACE
    assert "Maren Lund" in names


def test_a_team_the_model_tagged_in_part_in_a_standings_row_or_fixture_is_named_whole():
    document = parse_article(
        "Northern Conference\n\n"
        "W L PCT GB\n\n"
        "PORT ELLIS 61 74 .452 20\n\n"
        "GLENMORE 58 77 .430 23\n\n"
        "Friday's games :\n\n"
        "PORT ELLIS AT GLENMORE\n\n"
        "Port Ellis beat Glenmore on Thursday ."
    )
    text = document.text
    spans = spans_of(text, ("PORT", "ORG"), ("GLENMORE", "ORG"), ("Port Ellis", "GPE"))
    entities = extract_entities(document, spans)
    port = entity_named(entities, "Port Ellis")
    assert port.group is EntityGroup.ORGANIZATION
    assert [m.text for m in port.mentions].count("PORT ELLIS") == 2
    assert not any(e.name == "PORT" for e in entities)
    assert entity_named(entities, "GLENMORE").group is EntityGroup.ORGANIZATION


def test_a_tournament_named_open_or_classic_is_an_event_not_a_person():
    document = parse_article(
        "Golf\n\n"
        "Dana Whitlow won the Harbourtown Open on Sunday , a week after the Lakeside Classic .\n\n"
        "Whitlow said the Harbourtown Open was her best week ."
    )
    spans = spans_of(
        document.text,
        ("Dana Whitlow", "PERSON"),
        ("Harbourtown Open", "PERSON"),
        ("Lakeside Classic", "PERSON"),
    )
    groups = {e.name: e.group for e in extract_entities(document, spans)}
    assert groups["Harbourtown Open"] is EntityGroup.EVENT
    assert groups["Lakeside Classic"] is EntityGroup.EVENT
    assert groups["Dana Whitlow"] is EntityGroup.PERSON


def test_a_street_or_strait_the_model_left_untagged_in_running_text_is_a_place():
    document = parse_article(
        "Harbour Street Closed\n\n"
        "Traders on Harbour Street closed early , and ferries across the Kell Strait were "
        "cancelled , said Ines Calder .\n\n"
        "Calder said Harbour Street would reopen on Friday ."
    )
    spans = spans_of(document.text, ("Ines Calder", "PERSON"), ("Calder", "PERSON"))
    entities = extract_entities(document, spans)
    groups = {e.name: e.group for e in entities}
    assert groups["Harbour Street"] is EntityGroup.PLACE
    assert entity_named(entities, "Harbour Street").count == 3  # the heading's too, once known
    assert groups["Kell Strait"] is EntityGroup.PLACE
    assert groups["Ines Calder"] is EntityGroup.PERSON


def test_an_adverb_opening_the_sentence_is_not_part_of_the_name_after_it():
    text = (
        "Quay Strike\n\n"
        "Marcus Delgado met the dockers at the quay on Monday. "
        "Later Marcus Delgado walked out alone. Meanwhile Harbour Board members stayed inside.\n"
    )
    document = parse_article(text)
    spans = spans_of(
        document.text,
        ("Marcus Delgado", "PERSON"),
        ("Later Marcus Delgado", "ORG"),
        ("Meanwhile Harbour Board", "ORG"),
    )
    spans = [s for s in spans if document.text[s.start - 6 : s.start] != "Later "]
    entities = extract_entities(document, spans)
    names = {e.name: e for e in entities}
    assert "Later Marcus Delgado" not in names and "Meanwhile Harbour Board" not in names
    assert names["Marcus Delgado"].group is EntityGroup.PERSON
    assert names["Marcus Delgado"].count == 2
    assert names["Harbour Board"].group is EntityGroup.ORGANIZATION


def test_untagged_names_are_found_by_their_own_words_a_body_a_law_a_region_a_person():
    entities = entities_of(
        "Tidewater Vote\n\n"
        "The club's Premier League status is safe, and under Kessia's Coastal Access Act "
        "the mainly Catholic North Vessmark region keeps its harbours. Two critics - Oksana "
        "Bredikhina and Pavel Ostrum - spoke for the fishermen, said Ines Calder .\n\n"
        "Calder said the Coastal Access Act would pass .",
        ("Ines Calder", "PERSON"),
        ("Pavel Ostrum", "PERSON"),
        ("Kessia", "GPE"),
        ("Catholic", "NORP"),
    )
    groups = {e.name: e.group for e in entities}
    assert groups["Premier League"] is EntityGroup.ORGANIZATION  # not a premier called League
    assert groups["Coastal Access Act"] is EntityGroup.THING
    assert entity_named(entities, "Coastal Access Act").count == 2
    assert groups["North Vessmark"] is EntityGroup.PLACE  # not "Catholic North Vessmark"
    assert groups["Oksana Bredikhina"] is EntityGroup.PERSON  # a known first name, a surname
    assert "League" not in groups and "Catholic North Vessmark" not in groups


def test_an_untagged_capitalised_run_without_a_telling_word_stays_out():
    entities = entities_of(
        "Harbour Notes\n\n"
        "Boats left early , and the Grey Gull Marvo Quent crew stayed behind with Harbour "
        "Master Ines Calder , who said Bright Morning Tide had sailed .\n",
        ("Ines Calder", "PERSON"),
    )
    names = {e.name for e in entities}
    # No head word, no first name at the front: nothing to go on, so nothing is invented.
    assert not names & {"Marvo Quent", "Gull Marvo", "Bright Morning", "Morning Tide"}


def test_a_middle_initial_or_a_suffix_does_not_make_another_person():
    entities = entities_of(
        "Harbour Trial\n\n"
        "Dana K. Hollis told the court on Monday that the permits were forged. Later Dana "
        "Hollis said she had warned the board. Hollis left at noon.\n\n"
        "Judge Ansel Marrow Jr. adjourned the case. Marrow will rule on Friday. George H. "
        "Pellam and George W. Pellam, brothers, sat at the back; George Pellam did not speak.\n",
        ("Dana K. Hollis", "PERSON"),
        ("Dana Hollis", "PERSON"),
        ("Ansel Marrow Jr.", "PERSON"),
        ("Marrow", "ORG"),
        ("George H. Pellam", "PERSON"),
        ("George W. Pellam", "PERSON"),
        ("George Pellam", "PERSON"),
    )
    people = {e.name: e for e in entities}
    assert people["Dana K. Hollis"].count == 3  # the full name, the bare one, the surname
    assert "Dana Hollis" not in people
    assert people["Ansel Marrow Jr."].count == 2  # "Marrow" is his surname, not "Jr."
    # Two men with different middle initials stay two, and the bare name joins neither.
    assert {"George H. Pellam", "George W. Pellam"} <= set(people)
    assert people["George H. Pellam"].count == people["George W. Pellam"].count == 1


def test_a_lower_case_piece_of_a_name_stays_but_an_adjective_tail_comes_off():
    entities = entities_of(
        "Summit Ends\n\n"
        "Secretary-General Han Su-bin met the Kelmar-backed envoy Ilse Carver on Monday. "
        "Han Su-bin said the talks were useful.\n",
        ("Han Su-bin", "PERSON"),
        ("Kelmar-backed", "ORG"),
        ("Ilse Carver", "PERSON"),
    )
    names = {e.name for e in entities}
    assert "Han Su-bin" in names and "Han Su" not in names
    assert "Kelmar" in names and "Kelmar-backed" not in names


def test_a_ranking_a_list_and_a_body_named_after_its_county_are_read_right():
    entities = entities_of(
        "Open Week\n\n"
        "The world No 3 Ilse Carver beat Dana Hollis , the World No. 12 , on Monday . "
        "Fans filled the cafes Marisol, Ventana and the Kestow Arms in Charlotte, N.C. , "
        "and the Kestow County Police closed the road .\n\n"
        "Carver said the Kestow County Police had been kind .\n",
        ("world No", "ORG"),
        ("World No. 12", "EVENT"),
        ("Ilse Carver", "PERSON"),
        ("Dana Hollis", "PERSON"),
        ("Marisol, Ventana", "GPE"),
        ("Charlotte, N.C.", "GPE"),
        ("Kestow County Police", "GPE"),
    )
    groups = {e.name: e.group for e in entities}
    assert not [name for name in groups if "No" in name.split() or name == "World"]
    assert groups["Marisol"] is groups["Ventana"] is EntityGroup.PLACE  # two, not one
    assert "Charlotte, N.C." in groups  # a state after a city qualifies it
    assert groups["Kestow County Police"] is EntityGroup.ORGANIZATION


def test_a_word_of_a_title_before_a_first_name_is_not_part_of_the_name():
    entities = entities_of(
        "Pageant Row\n\n"
        "The former Miss Kestowland Ines Calder said on Monday that she was hurt, and the "
        "Ormsby Evening Tribune printed her letter. Calder thanked readers .\n",
        ("Kestowland Ines Calder", "PERSON"),
        ("Calder", "GPE"),
        ("Ormsby Evening Tribune", "GPE"),
    )
    entities = {e.name: e for e in entities}
    assert entities["Ines Calder"].count == 2  # the surname joins her, not a place
    assert "Kestowland Ines Calder" not in entities and "Calder" not in entities
    assert entities["Ormsby Evening Tribune"].group is EntityGroup.ORGANIZATION


def test_an_age_makes_a_person_and_an_opening_preposition_is_not_part_of_a_place():
    entities = entities_of(
        "Flood Watch\n\n"
        "Near Fort Ormsby the river rose overnight. Kestow, 34, a nurse, carried two children "
        "out, and Trooper Ines Calder closed the bridge while Magistrate Dana Hollis watched. "
        "The Hollis Foundation paid for boats.\n",
        ("Near Fort Ormsby", "PERSON"),
        ("Kestow", "GPE"),
        ("Trooper Ines Calder", "PERSON"),
        ("Magistrate Dana Hollis", "PERSON"),
        ("Hollis Foundation", "GPE"),
    )
    groups = {e.name: e.group for e in entities}
    assert groups["Kestow"] is EntityGroup.PERSON  # only people are given an age
    assert "Near Fort Ormsby" not in groups and "Fort Ormsby" in groups
    assert groups["Ines Calder"] is EntityGroup.PERSON  # "Trooper" is her rank
    assert groups["Dana Hollis"] is EntityGroup.PERSON and "Magistrate Dana Hollis" not in groups
    assert groups["Hollis Foundation"] is EntityGroup.ORGANIZATION


def test_dates_services_and_titled_places_get_the_group_a_reader_expects():
    entities = entities_of(
        "Pier Reopens\n\n"
        "In a study published in March 2011 , researchers at Kestow University counted the "
        "gulls. Fans were back at Augusta Monday to watch, and photos of the pier were posted "
        "on Twitter by the Duchess of Ormsby . Delighted Ines Calder cut the ribbon .\n\n"
        "Calder said the Duchess of Ormsby had helped , and Twitter users agreed .\n",
        ("March 2011", "ORG"),
        ("Kestow University", "ORG"),
        ("Augusta", "GPE"),
        ("Twitter", "PERSON"),
        ("Duchess of Ormsby", "ORG"),
        ("Delighted Ines Calder", "PERSON"),
    )
    entities = {e.name: e for e in entities}
    assert entities["March 2011"].group is EntityGroup.DATE  # whatever the model said
    assert "Augusta Monday" not in entities  # a day of the week is no surname
    assert entities["Twitter"].group is EntityGroup.ORGANIZATION
    assert entities["Duchess of Ormsby"].group is EntityGroup.PERSON
    assert entities["Ines Calder"].count == 2  # "Delighted" is the caption's word
    assert "Delighted Ines Calder" not in entities


def test_a_company_with_and_without_its_registered_suffix_is_one():
    document = parse_article(
        "KESTREL HOLDINGS LTD TO BUY PIER\n\n"
        "Kestrel Holdings Ltd. said on Monday it would buy the pier from Norvik Corp. for "
        "$2 million. Norvik said the sale would close in May, and Kestrel Holdings said it "
        "would keep the staff. Marro's Inc. , which runs the cafe, said Marro would stay.\n"
    )
    spans = spans_of(
        document.text,
        ("KESTREL HOLDINGS LTD", "ORG"),
        ("Kestrel Holdings Ltd.", "ORG"),
        ("Kestrel Holdings", "ORG"),
        ("Norvik Corp.", "ORG"),
        ("Norvik", "PERSON"),
        ("Marro's Inc.", "ORG"),
        ("Marro", "ORG"),
    )
    organizations = [
        e for e in extract_entities(document, spans) if e.group.value == "organization"
    ]
    by_alias = {name: e for e in organizations for name in (e.name, *e.aliases)}
    assert by_alias["Kestrel Holdings"] is by_alias["Kestrel Holdings Ltd."]
    assert by_alias["Norvik"] is by_alias["Norvik Corp."]
    assert by_alias["Marro"] is by_alias["Marro's Inc."]
    assert len(organizations) == 3


def test_a_place_before_a_persons_name_after_to_or_in_is_the_place():
    entities = entities_of(
        "Envoy Named\n\n"
        "The new envoy to Norway Dana Hollis arrived on Monday and met Ilse Carver . "
        "Norway Dana Hollis , the pianist , played that night .\n",
        ("Norway Dana Hollis", "ORG"),
        ("Ilse Carver", "PERSON"),
    )
    entities = {e.name: e for e in entities}
    assert entities["Dana Hollis"].group is EntityGroup.PERSON
    assert entities["Norway"].group is EntityGroup.PLACE
    # With no "to", "in" or "of" before it, the run is left as the model read it.
    assert "Norway Dana Hollis" in entities


def test_a_square_or_boulevard_is_a_place_whatever_the_model_said():
    entities = entities_of(
        "March Ends\n\n"
        "The marchers crossed Harmony Boulevard and gathered in Liberty Square , where "
        "Ilse Carver spoke .\n",
        ("Harmony Boulevard", "PERSON"),
        ("Liberty Square", "ORG"),
        ("Ilse Carver", "PERSON"),
    )
    groups = {e.name: e.group for e in entities}
    assert groups["Harmony Boulevard"] is groups["Liberty Square"] is EntityGroup.PLACE


def test_a_verb_a_slash_or_a_headline_inside_a_span_does_not_make_one_name():
    entities = entities_of(
        "Calder Hid Harbour Debts From Board\n\n"
        "In the debate, Calder accused Hollis of lying, and the Kestow Port Authority said "
        "nothing. Photos: (Ormsby/Wavecrest).\n\n"
        "Ines Calder denied it. The K.P.A. will meet on Friday. Dana Hollis left early.\n",
        ("Calder Hid Harbour Debts", "PERSON"),
        ("Calder accused Hollis", "PERSON"),
        ("Kestow Port Authority", "ORG"),
        ("Ormsby/Wavecrest", "ORG"),
        ("Ines Calder", "PERSON"),
        ("K.P.A.", "ORG"),
        ("Dana Hollis", "PERSON"),
    )
    entities = {e.name: e for e in entities}
    assert not [name for name in entities if " accused " in name or "Hid" in name]
    assert entities["Ines Calder"].count == 3  # the headline's and the debate's Calder
    assert entities["Dana Hollis"].count == 2
    assert {"Ormsby", "Wavecrest"} <= set(entities)
    assert "K.P.A." in entities["Kestow Port Authority"].aliases  # initials, dots and all


def test_a_word_between_a_title_and_a_full_name_is_the_titles_not_a_person():
    document = parse_article(
        "Pageant Row\n\n"
        "The former Miss Kestowland Ines Calder spoke on Monday. Critics of Miss Kestowland "
        "said the contest was unfair, and Miss Kestowland organisers agreed .\n"
    )
    spans = spans_of(document.text, ("Kestowland Ines Calder", "PERSON"), ("Kestowland", "PERSON"))
    # The model tags the full name once, and "Kestowland" alone where no name follows.
    spans = [
        s
        for s in spans
        if not document.text.startswith("Kestowland Ines", s.start)
        or s.end - s.start > len("Kestowland")
    ]
    names = {e.name for e in extract_entities(document, spans)}
    assert "Ines Calder" in names and "Kestowland" not in names


def test_a_run_in_heading_a_verb_in_a_title_and_a_stray_letter_are_not_names():
    entities = entities_of(
        "Harbour Report\n\n"
        "Local Interests: The Harbour Pilots Council said on Monday that it would act. In the "
        "debate, Calder accused Hollis of lying. Patient B. Ms Varga was treated. I said "
        "nothing. The Dana Hollis Show aired, and so did Who Wants to Be a Sailor .\n",
        ("Local Interests: The Harbour Pilots Council", "ORG"),
        ("Calder accused Hollis", "WORK_OF_ART"),
        ("Patient B. Ms Varga", "PERSON"),
        ("I", "ORG"),
        ("The Dana Hollis Show", "PERSON"),
        ("Who Wants to Be a Sailor", "WORK_OF_ART"),
    )
    entities = {e.name: e for e in entities}
    assert "Harbour Pilots Council" in entities
    assert not [n for n in entities if ":" in n or " accused " in n or n == "I"]
    assert "Varga" in entities and entities["Varga"].group is EntityGroup.PERSON
    assert entities["Dana Hollis Show"].group is EntityGroup.THING
    assert "Who Wants to Be a Sailor" in entities  # a title keeps its small words


def test_a_title_after_a_works_word_is_a_thing_but_a_person_after_a_comma_is_not():
    entities = entities_of(
        "Singer Returns\n\n"
        "Ines Calder released her new album, Tide Tables Vol Two, on Monday, and the novel "
        "Quiet Harbour sold out. In the film, Dana Hollis plays a ferry captain.\n",
        ("Ines Calder", "PERSON"),
        ("Tide Tables Vol Two", "PERSON"),
        ("Quiet Harbour", "ORG"),
        ("Dana Hollis", "PERSON"),
    )
    groups = {e.name: e.group for e in entities}
    assert groups["Tide Tables Vol Two"] is groups["Quiet Harbour"] is EntityGroup.THING
    assert groups["Dana Hollis"] is EntityGroup.PERSON


def test_names_that_are_sentences_stay_whole_and_to_play_is_no_work():
    entities = entities_of(
        "Harbour Voices\n\n"
        "The activists of Kestow is Still Waiting posted again, and her hit The Tide Is Gone "
        "played on. Recruits paid to play Dana Hollis or Ines Calder on stage.\n",
        ("Kestow is Still Waiting", "ORG"),
        ("The Tide Is Gone", "WORK_OF_ART"),
        ("Dana Hollis", "PERSON"),
        ("Ines Calder", "PERSON"),
    )
    groups = {e.name: e.group for e in entities}
    assert groups["Kestow is Still Waiting"] is EntityGroup.ORGANIZATION
    assert groups["The Tide Is Gone"] is EntityGroup.THING
    assert groups["Dana Hollis"] is EntityGroup.PERSON


def test_untagged_pairs_with_an_ordinary_word_are_not_names_and_forts_are_places():
    entities = entities_of(
        "Coast Notes\n\n"
        "She edits the magazine Western Woman , a title for every woman on the coast , and "
        "lives near the mainly Catholic North Vessmark region. Troops left Fort Ormsby , said "
        "Karim bin Laden , a trader .\n",
        ("Fort Ormsby", "PERSON"),
        ("Karim bin Laden", "PERSON"),
        ("Catholic", "NORP"),
    )
    groups = {e.name: e.group for e in entities}
    assert "Western Woman" not in groups  # "woman" is an ordinary word of this article
    assert groups["North Vessmark"] is EntityGroup.PLACE
    assert groups["Fort Ormsby"] is EntityGroup.PLACE
    assert groups["Karim bin Laden"] is EntityGroup.PERSON  # "Laden" is no caption's word


def test_a_known_town_after_in_is_a_place_the_model_took_for_a_body():
    entities = entities_of(
        "Talks Move\n\nThe talks will resume on Thursday in Tartu , said Ines Calder .\n",
        ("Tartu", "ORG"),
        ("Ines Calder", "PERSON"),
    )
    groups = {e.name: e.group for e in entities}
    assert groups["Tartu"] is EntityGroup.PLACE
