"""World news on a hand-made gazetteer and sentences written for the tests: contractions that fold like a
place, given names that a division also bears, and a division after a comma that closes a list of cities
rather than placing the town before it."""

from __future__ import annotations

import pytest

from app.gazetteer.index import GazetteerIndex
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", "00", pop=327_000_000),
    _place(3439705, "Uruguay", -33.0, -56.0, "A", "PCLI", "UY", "00", pop=3_400_000),
    _place(4155751, "Florida", 28.75, -82.5, "A", "ADM1", "US", "FL"),
    _place(3442584, "Florida", -33.75, -56.0, "A", "ADM1", "UY", "07"),
    _place(4168139, "Parkland", 26.31, -80.24, "P", "PPL", "US", "FL", pop=31_000),
    _place(4164138, "Miami", 25.77, -80.19, "P", "PPLA2", "US", "FL", pop=470_000),
    _place(4990729, "Detroit", 42.33, -83.05, "P", "PPLA2", "US", "MI", pop=670_000),
    _place(5128638, "New York", 43.0, -75.5, "A", "ADM1", "US", "NY"),
    _place(5128581, "New York City", 40.71, -74.01, "P", "PPL", "US", "NY", pop=8_800_000, alts=("New York",)),
    _place(4000201, "Iva", 34.31, -82.66, "P", "PPL", "US", "SC", pop=1_200),
    _place(4000202, "Hal", 50.73, 4.23, "P", "PPL", "BE", "WAL", pop=38_000),
    # a given name that a first-order division also goes by (as Mary in Turkmenistan), and a small town's name
    _place(162152, "Mary Welayaty", 37.6, 61.83, "A", "ADM1", "TM", "07", alts=("Mary",)),
    _place(4000203, "Mary", 37.9, 61.5, "P", "PPL", "TM", "07", pop=2_000),
    _place(4407066, "St. Louis", 38.63, -90.2, "P", "PPLA2", "US", "MO", pop=300_000, alts=("Saint Louis",)),
    # each half of a two-word name the gazetteer lacks, alone a place in another country
    _place(63689, "Buulobarde", 3.85, 45.57, "P", "PPL", "SO", "07", pop=20_000, alts=("Buulo",)),
    _place(4000204, "Al Marīr", 33.1, 44.2, "P", "PPL", "IQ", "08", pop=500),
    _place(4000205, "Jowhar", 2.78, 45.5, "P", "PPLA", "SO", "12", pop=47_000),
]


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return GazetteerIndex(PLACES)


def test_a_contraction_is_never_a_place(index):
    found = _found('"I’ve seen worse," he said in Miami. "He\'ll come back, and we’d all be glad."', index)
    assert [name for name, _ in found] == ["Miami"]


def test_a_given_name_before_a_surname_is_a_person_throughout(index):
    text = ("Mary Pitman runs a turkey farm outside Detroit. Every autumn Mary's birds sell out, and Mary of the "
            "farm shop says so too.")
    assert [name for name, _ in _found(text, index)] == ["Detroit"]
    # a given name that begins a longer place name stays a place ("St. Louis Police")
    assert ("St. Louis", 4407066) in _found("According to St. Louis Police, two people were arrested.", index)


def test_a_division_after_a_comma_names_the_one_holding_the_town(index):
    found = _found("Students in Parkland, Florida, mourned on Monday.", index)
    assert ("Parkland", 4168139) in found and ("Florida", 4155751) in found  # the US state, not Uruguay's


def test_a_division_that_holds_no_town_of_the_name_before_it_closes_a_list(index):
    found = _found("The firm has offices in Miami, Parkland, New York, and Detroit.", index)
    assert ("New York", 5128581) in found  # the city: no Parkland lies in New York state


def test_particles_alone_before_a_facility_word_name_nothing(index):
    # "an", "al", "as" are name particles ("an-Nabk"); alone before "airbase" they are an article, not a name
    found = _found("Troops taken hostage at an airbase near Miami were freed.", index)
    assert [name for name, _ in found] == ["Miami"]


def test_a_possessive_that_lost_its_apostrophe_ends_a_name_the_text_marks() -> None:
    """"the city of Aleppo Syrias largest": scraped text drops the apostrophe; the possessive is no word of the
    city's name but a country of its own."""
    index = GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(170063, "Aleppo", 36.2, 37.16, "P", "PPLA", "SY", "09", pop=1_600_000),
    ])
    assert _found("Regime forces retook the nearby city of Aleppo Syrias largest in 2015.", index) == [
        ("Aleppo", 170063), ("Syrias", 163843)]


def test_a_qualifier_after_a_name_is_part_of_it_and_no_place_of_its_own() -> None:
    """"al-Nashwa al-Sharqi" (eastern al-Nashwa) is one mention, resolved by the name it qualifies; "Kabira" after a
    name the gazetteer lacks is part of that name, not a village called so."""
    index = GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(7000001, "An Nashwah", 36.49, 40.73, "P", "PPL", "SY", "03", alts=("Nashwa",)),
        _place(7000002, "Ash Sharqi", 35.1, 36.9, "P", "PPL", "SY", "10", alts=("Sharqi",)),
        _place(7000003, "Kabira", 35.2, 36.1, "P", "PPL", "SY", "02"),
    ])
    text = "In Syria the army took the al-Nashwa al-Sharqi neighbourhood and stormed Surjah Kabira."
    assert _found(text, index) == [("Syria", 163843), ("al-Nashwa al-Sharqi", 7000001)]


def _arabic_surnames_index() -> GazetteerIndex:
    return GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(98182, "Baghdad", 33.34, 44.4, "P", "PPLC", "IQ", "07", pop=7_200_000),
        _place(7000026, "Talat", 16.2, 103.3, "P", "PPL", "TH", "23", pop=50_000),
        _place(7000027, "Al Burayj", 31.44, 34.4, "P", "PPL", "PS", "GZ", pop=40_000, alts=("Bureij",)),
        _place(7000021, "Abu Bakr", 36.1, 38.2, "P", "PPL", "SY", "09"),
        _place(7000022, "Sayf", 33.0, 44.0, "P", "PPL", "IQ", "07", alts=("Seif",)),
        _place(7000023, "Dawla", 15.0, 44.0, "P", "PPL", "YE", "01"),
        _place(7000024, "Zaatari", 32.3, 36.3, "P", "PPL", "JO", "19"),
        _place(170063, "Aleppo", 36.2, 37.16, "P", "PPLA", "SY", "09", pop=1_600_000),
        _place(7000025, "Al Bab", 36.37, 37.52, "P", "PPLA2", "SY", "09", pop=130_000, alts=("Bab",)),
        _place(7000028, "Zur", 47.7, 17.6, "P", "PPL", "HU", "08", pop=130_000),
    ])


def test_a_name_that_goes_on_past_its_article_is_one_name_not_two_places() -> None:
    """"Talat al-Bureij", "the Seif al-Dawla district": "al-Bureij" and "al-Dawla" after a capitalised name word end a
    longer name the gazetteer lacks, one mention resolved by nothing the gazetteer has under its parts (a Thai town,
    a Gaza camp); "Mohammed al-Zaatari" after a word that is no place names no place at all."""
    index = _arabic_surnames_index()
    text = ("In Syria, the Kurds began their assault by targeting Talat al-Bureij. Rebels attacked the Seif al-Dawla "
            "district of Aleppo, said Mohammed al-Zaatari, a resident.")
    assert _found(text, index) == [("Syria", 163843), ("Talat al-Bureij", None), ("Seif al-Dawla", None),
                                   ("Aleppo", 170063)]
    # lower-cased alike, where the word before the article is no English word
    assert _found(text.lower(), index) == [("syria", 163843), ("talat al-bureij", None), ("seif al-dawla", None),
                                           ("aleppo", 170063)]
    # the article assimilated before a sun letter is the article still: "Dier ez-Zor" (a misspelt Deir ez-Zor) is no
    # Hungarian town
    assert ("ez-Zor", 7000028) not in _found("In Syria, she was deployed to Dier ez-Zor, near the front.", index)


def test_an_article_after_an_english_word_or_in_a_text_without_commas_opens_a_place() -> None:
    """"Yesterday al-Bab was shelled": an English word before the article ends no name; and in a text that lost its
    commas (FA-KES's) a name after a name is the next item of a list, as the gazetteer reads it."""
    index = _arabic_surnames_index()
    assert _found("In Syria, Yesterday al-Bab was shelled, and the army moved on.", index) == [
        ("Syria", 163843), ("al-Bab", 7000025)]
    listed = "Army units targeted gatherings of terrorists in Aleppo al-Bab and the countryside " * 5
    assert ("al-Bab", 7000025) in _found(listed, index)


def test_a_list_that_lost_its_commas_splits_where_an_arabic_generic_opens_a_name() -> None:
    """"the villages of Misraba Ayn Tarma and Kafr Batna" (FA-KES's texts lost their commas): "Ayn" opens a name of
    its own after "Misraba"; "Deir al Adas" keeps its generic after a particle, and a capitalised word before a
    generic outside such a list is left as it was."""
    index = GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(7000011, "Misraba", 33.54, 36.37, "P", "PPL", "SY", "04"),
        _place(7000012, "Ayn Tarma", 33.52, 36.35, "P", "PPL", "SY", "04"),
        _place(7000013, "Kafr Batna", 33.51, 36.38, "P", "PPL", "SY", "04"),
        _place(7000014, "Dayr al Adas", 33.1, 36.2, "P", "PPL", "SY", "06", alts=("Deir al Adas",)),
    ])
    text = "In Syria the army took the villages of Misraba Ayn Tarma and Kafr Batna."
    assert _found(text, index) == [("Syria", 163843), ("Misraba", 7000011), ("Ayn Tarma", 7000012),
                                   ("Kafr Batna", 7000013)]
    assert _found("In Syria rebels held the village of Deir al Adas.", index)[-1] == ("Deir al Adas", 7000014)
    # lower-cased, a generic after a name word that is no particle or generic opens the next name as well (the two
    # villages before "and" are names no gazetteer here has)
    text = "in syria the army took the villages of tal hamra kafr mousa and kafr batna."
    assert _found(text, index)[1:] == [("tal hamra", None), ("kafr mousa", None), ("kafr batna", 7000013)]
    assert _found("in syria rebels held the village of deir al adas.", index)[-1] == ("deir al adas", 7000014)


def test_a_name_with_city_after_it_is_the_city_of_that_name() -> None:
    """"Kherson city" is Kherson, not Carson City, onto which the whole folds; "Kuwait city" is Kuwait City, so
    called as written."""
    index = GazetteerIndex([
        _place(706448, "Kherson", 46.64, 32.61, "P", "PPLA", "UA", "08", pop=66_000),
        _place(5501344, "Carson City", 39.16, -119.77, "P", "PPLA", "US", "NV", pop=58_639),
        _place(285787, "Kuwait City", 29.37, 47.98, "P", "PPLC", "KW", "02", pop=60_000),
    ])
    assert _found("Ukrainian troops entered Kherson city on Friday.", index) == [("Kherson", 706448)]
    assert _found("Protesters gathered in Kuwait city on Friday.", index) == [("Kuwait city", 285787)]


SYRIAN = [
    _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
    _place(168660, "Kafr Nabūdah", 35.43, 36.48, "P", "PPL", "SY", "12", alts=("Kafr Nabuda",)),
    _place(173847, "Ḩamāmīyāt", 35.36, 36.51, "P", "PPL", "SY", "12", alts=("Hamamiyat",)),
    _place(173566, "Al Laţāminah", 35.31, 36.62, "P", "PPL", "SY", "12", alts=("Latamneh",)),
    _place(4000301, "Al Majdal", 32.9, 36.6, "P", "PPL", "SY", "20", alts=("Al-Majda",)),
    _place(4000302, "Tal", 33.0, 36.0, "P", "PPL", "SY", "20"),
]


def test_a_list_that_lost_its_commas_splits_at_the_names_the_gazetteer_knows() -> None:
    """FA-KES texts come with their commas stripped: "the villages of Kafr Nabuda Hamamiyat and Latamneh" is three
    villages, not an unknown "Kafr Nabuda Hamamiyat"; "Tal Al-Majda" stays whole (a generic word is no name alone),
    and a capitalised English word after the list ends it."""
    index = GazetteerIndex(SYRIAN)
    text = "Syria: rebels seized the villages of Kafr Nabuda Hamamiyat and Latamneh on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria", "Kafr Nabuda", "Hamamiyat", "Latamneh"]
    text = "Syria: the army took the village of Tal Al-Majda on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria", "Tal Al-Majda"]


def test_a_list_without_commas_splits_after_a_known_name_before_unknown_ones() -> None:
    """"the villages of Kafr Nabuda Zumbala and Hamamiyat": after a name the gazetteer knows, name words it does not
    know are the list's next name, not the known one's tail; an adjective ("Saghira") or an article still ties them
    to it, and an English word ("Nearly 30 fighters") begins no name."""
    index = GazetteerIndex(SYRIAN)
    text = "Syria: rebels seized the villages of Kafr Nabuda Zumbala and Hamamiyat on Monday."
    assert _found(text, index) == [("Syria", 163843), ("Kafr Nabuda", 168660), ("Zumbala", None),
                                   ("Hamamiyat", 173847)]
    text = "Syria: rebels seized the villages of Kafr Nabuda Saghira and Hamamiyat on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria", "Kafr Nabuda Saghira", "Hamamiyat"]
    text = "Syria: rebels attacked the village of Hamamiyat Nearly 30 fighters died."
    assert [name for name, _ in _found(text, index)] == ["Syria", "Hamamiyat"]


def test_a_punctuated_list_keeps_its_items_whole() -> None:
    """"the villages of Kafr Nabuda, Latamneh and Hamamiyat Latamneh": a list its writer punctuated has lost no
    commas, so an item made of two names the gazetteer knows is one name it lacks, not two places (only a list with
    no comma in reach is split at the names the gazetteer knows)."""
    index = GazetteerIndex(SYRIAN)
    text = "Syria: rebels seized the villages of Kafr Nabuda, Latamneh and Hamamiyat Latamneh on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria", "Kafr Nabuda", "Latamneh", "Hamamiyat Latamneh"]


def test_a_plural_settlement_noun_after_a_list_marks_each_name_the_gazetteer_lacks() -> None:
    """"re-establishing control over Ghweiran and Nashwa neighborhoods", "to Masmakeh and al-Sinaa areas": SANA's
    lists close with the plural noun, and each name before it is a settlement, found unresolved where the gazetteer
    lacks it (a name it holds resolves as before). One name before a plural is no list: "the Hama villages" are
    villages around Hama."""
    index = GazetteerIndex(SYRIAN)
    text = "Syria: the army took control of Ghweiran, Kafr Nabuda and Masmakeh neighbourhoods on Monday."
    assert _found(text, index) == [("Syria", 163843), ("Ghweiran", None), ("Kafr Nabuda", 168660),
                                   ("Masmakeh", None)]
    text = "Syria: the army shelled the Ghweiran villages on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria"]


def test_a_name_before_refugee_camp_is_the_camp() -> None:
    """"captured the Handarat Refugee Camp", "entered the Yarmouk refugee camp": the name before the refugees' camp
    is the camp, a place of its own, found unresolved where the gazetteer lacks it; "a refugee camp" names none."""
    index = GazetteerIndex(SYRIAN)
    text = "Syria: the army captured the Handarat Refugee Camp and Kafr Nabuda on Monday."
    assert _found(text, index) == [("Syria", 163843), ("Handarat Refugee Camp", None), ("Kafr Nabuda", 168660)]
    text = "Syria: families fled to a refugee camp on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria"]


def test_a_name_opening_with_an_arabic_generic_is_a_place_by_its_form() -> None:
    """"have entered Tal Bizam", "the hilltop of Tal al-Eis": a capitalised name that opens with a toponym's generic
    word is a place the gazetteer may lack (hills and valleys mostly), found unresolved; a mother's by-name ("Umm
    Yusuf") is a person's, and a generic alone ("Tal") or before a particle alone names nothing new."""
    index = GazetteerIndex(SYRIAN)
    text = "Syria: the army entered Tal Bizam and the hilltop of Tal al-Eis on Monday."
    assert _found(text, index) == [("Syria", 163843), ("Tal Bizam", None), ("Tal al-Eis", None)]
    text = "Syria: she was known as Umm Yusuf in Kafr Nabuda."
    assert _found(text, index) == [("Syria", 163843), ("Kafr Nabuda", 168660)]
    # the ayn marked after the article's hyphen or inside a word, as Al-Masdar writes it, is part of the name
    text = "Syria: rebels seized the hilltop of Tal Al-‘Eiss and attacked Jabal Al-Afa’ay on Monday."
    assert _found(text, index) == [("Syria", 163843), ("Tal Al-‘Eiss", None), ("Jabal Al-Afa’ay", None)]
    # lower-cased, the words after the generic must be no English words, nor the generic one ("tell kelly")
    text = "syria: the army entered tal bizam on monday, but did not tell kelly."
    assert [name for name, _ in _found(text, index)] == ["syria", "tal bizam"]


def test_a_name_listed_beside_a_taken_town_is_a_place_too() -> None:
    """"took control of Kafr Nabuda, Naourah and Zumbala": a punctuated list of what a force took holds one kind of
    thing, so a capitalised name beside a town the gazetteer knows is a place it lacks, found unresolved. Not a list
    after "including" (news outlets are listed so too), nor one with no town in it."""
    index = GazetteerIndex(SYRIAN)
    text = "Syria: the army took control of Kafr Nabuda, Naourah and Zumbala on Monday."
    assert _found(text, index) == [("Syria", 163843), ("Kafr Nabuda", 168660), ("Naourah", None), ("Zumbala", None)]
    text = "Syria: outlets including Kafr Nabuda, Naourah and Zumbala reported it on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria", "Kafr Nabuda"]
    text = "Syria: the army captured Naourah and Zumbala on Monday."
    assert [name for name, _ in _found(text, index)] == ["Syria"]


def _facilities_index() -> GazetteerIndex:
    return GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(170654, "Damascus", 33.51, 36.29, "P", "PPLC", "SY", "13", pop=1_570_000),
        _place(7000031, "Badiyah", 22.3, 58.8, "P", "PPL", "OM", "01"),  # an Omani village the factory is not in
        _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", "00", pop=327_000_000),
        _place(4155751, "Florida", 28.75, -82.5, "A", "ADM1", "US", "FL"),
        _place(4160707, "Kendale Lakes", 25.71, -80.41, "P", "PPL", "US", "FL", pop=56_000),
        _place(4164138, "Miami", 25.77, -80.19, "P", "PPLA2", "US", "FL", pop=470_000),
        _place(162520, "Az Zārah", 34.92, 36.66, "P", "PPL", "SY", "11", alts=("Az Zarah", "Zaraa")),
    ])


def test_a_building_named_after_no_known_place_is_a_place_of_its_own() -> None:
    """"the Badiyah Cement Factory", "the Jazal Mountains": a name before a word for a building or works is a facility
    (the README's toponyms include them), not the Omani village its first word folds to; unresolved where the
    gazetteer lacks it. Words of English alone ("the Wastewater Treatment Plant") name no place."""
    index = _facilities_index()
    text = ("In Syria the army seized the Badiyah Cement Factory and the Jazal Mountains, then reached the Wastewater "
            "Treatment Plant.")
    assert _found(text, index) == [("Syria", 163843), ("Badiyah Cement Factory", None), ("Jazal Mountains", None)]
    # the kind of works in lower case between the name and the word for the building is part of the facility's name
    text = "In Syria the army seized the Lafarge cement factory and the Jazal oil refinery."
    assert _found(text, index) == [("Syria", 163843), ("Lafarge cement factory", None), ("Jazal oil refinery", None)]


def test_a_building_named_after_a_place_is_placed_by_it() -> None:
    """"a Damascus hospital", "Florida Atlantic University": a known place's name before the word says where the
    building is (the mention is that place, as before); "Kendale Lakes Elementary School" in a story about the US lies
    in the town of the article's country its name begins with, as written."""
    index = _facilities_index()
    assert _found("In Syria a girl was taken to a Damascus hospital.", index) == [
        ("Syria", 163843), ("Damascus", 170654)]
    text = ("Police in Miami, Florida, said a student of Florida Atlantic University was hurt near Kendale Lakes "
            "Elementary School in the United States.")
    assert ("Florida", 4155751) in _found(text, index)
    assert ("Kendale Lakes Elementary School", 4160707) in _found(text, index)


def test_a_building_is_named_after_a_town_whatever_its_article() -> None:
    """ "the Al-Zarah Thermal Station": the station lies in the Syrian village of Az Zarah, whose article the text
    writes as "Al-" (the sun letter's assimilation); the town is looked up without the article, as the index keeps
    names."""
    index = _facilities_index()
    text = "In Syria government forces regained the Al-Zarah Thermal Station on Monday."
    assert _found(text, index) == [("Syria", 163843), ("Al-Zarah Thermal Station", 162520)]


def test_two_names_side_by_side_placed_in_two_countries_are_one_name(index):
    # "Buulo Mareer" is neither Buulobarde nor an Iraqi village: one name the gazetteer lacks
    assert _found("Al-Shabaab fighters retook the town of Buulo Mareer on Monday.", index) == [("Buulo Mareer", None)]
    # two places of one country side by side stay two (a list that lost a comma)
    assert _found("Shelling hit Buulo Jowhar and Marka.", index)[:2] == [("Buulo", 63689), ("Jowhar", 4000205)]
