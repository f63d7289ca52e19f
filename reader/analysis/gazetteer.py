"""What Reader knows without the model: countries, major cities, nationalities, title words.

The small English model guesses a name's type from its letters and neighbours and
often calls a country an organization; a list settles what a list can settle.
"""

from __future__ import annotations

from functools import cache

import pycountry


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
Holland; Europe; Africa;
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
Europeans; Africans; Palestinians; Israelis; Iraqis; Afghans; Germans; Britons
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
    "sheikh emir sultan ayatollah dictator leader head commissioner inspector detective "
    "superintendent constable deputy president-elect diplomat analyst economist"
)
# Words that qualify a title ("Defence Minister", "Prime Minister", "former President").
TITLE_QUALIFIERS = words_set(
    "prime foreign defence defense finance interior justice health education trade economy "
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
