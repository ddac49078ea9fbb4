"""Round-3 geoparser behaviour on a hand-made gazetteer and sentences written for the tests: datelines and
sentence-initial names of several words, abbreviations, "Town, State" apposition (the state, the right state,
the town's bare mentions), surnames that are alternate names of famous places, holidays, and a village placed
"in" a name that is both a provincial seat and its province."""

from __future__ import annotations

import pytest

from app.gazetteer.index import GazetteerIndex
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", pop=22_000_000),
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
    _place(290557, "United Arab Emirates", 24.0, 54.0, "A", "PCLI", "AE", pop=9_600_000),
    _place(2294206, "Wa", 10.06, -2.5, "P", "PPLA", "GH", "11", pop=78_000),
    _place(5128581, "New York City", 40.71, -74.0, "P", "PPL", "US", "NY", pop=8_800_000, alts=("New York",)),
    _place(5128638, "New York", 43.0, -75.5, "A", "ADM1", "US", "NY"),
    _place(4562407, "York", 39.96, -76.73, "P", "PPLA2", "US", "PA", pop=44_000),
    _place(3000012, "Parkland", 26.31, -80.24, "P", "PPL", "US", "FL", pop=30_000),
    _place(3000013, "Parkland", 47.15, -122.43, "P", "PPL", "US", "WA", pop=38_000),
    _place(4155751, "Florida", 28.75, -82.5, "A", "ADM1", "US", "FL"),
    _place(3442584, "Florida", -33.9, -56.0, "A", "ADM1", "UY", "07"),
    _place(5815135, "Washington", 47.5, -120.5, "A", "ADM1", "US", "WA"),
    _place(4140963, "Washington", 38.9, -77.04, "P", "PPLC", "US", "DC", pop=690_000),
    _place(5812944, "Tacoma", 47.25, -122.44, "P", "PPLA2", "US", "WA", pop=210_000),
    _place(3000020, "Kazanlak", 42.0, 23.1, "P", "PPLA", "BG", "38", pop=70_000, alts=("Zumara",)),
    _place(3000021, "Ester", 64.85, -148.0, "P", "PPL", "US", "AK", pop=2_400, alts=("Easter",)),
    _place(170063, "Aleppo", 36.2, 37.16, "P", "PPLA", "SY", "09", pop=1_600_000),
    _place(170062, "Aleppo", 36.25, 37.5, "A", "ADM1", "SY", "09"),
    _place(169880, "Hardatnin", 36.3, 37.1, "P", "PPL", "SY", "09", pop=3_000),
    _place(3000030, "Bakwa", 4.13, 27.4, "P", "PPL", "CD", "16", pop=100_575),
    _place(3000031, "Bakwah", 32.24, 62.95, "P", "PPLA2", "AF", "06", pop=0, alts=("Bakwa",)),
    _place(1142263, "Farah", 32.46, 62.39, "A", "ADM1", "AF", "06"),
    _place(3000032, "Aliyeh", 35.28, 36.01, "P", "PPL", "SY", "02", pop=0),
    _place(3000033, "Aliyeh", 35.80, 36.26, "P", "PPL", "SY", "12", pop=0),
    _place(3000034, "Aliyeh", 35.70, 36.15, "P", "PPL", "SY", "02", pop=0),
    _place(3000035, "Kansaba", 35.75, 36.10, "P", "PPL", "SY", "02", pop=0),
    _place(173578, "Latakia", 35.57, 36.03, "A", "ADM1", "SY", "02"),
]


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return GazetteerIndex(PLACES)


def test_a_dateline_and_a_sentence_start_of_several_words_are_the_city(index):
    text = "NEW YORK (AP) — A fire broke out overnight. New York firefighters said nobody was hurt."
    assert _found(text, index) == [("NEW YORK", 5128581), ("New York", 5128581)]


def test_a_country_abbreviation_is_the_country_and_other_capitals_words_are_not_places(index):
    text = "Talks in the UAE ended. The WA team and its CEO left for Syria on Monday."
    assert _found(text, index) == [("UAE", 290557), ("Syria", 163843)]


def test_the_name_after_a_towns_comma_is_the_state_that_holds_the_town(index):
    text = "Students from Parkland, Florida marched. The Parkland students met officials in Tacoma, Washington."
    assert _found(text, index) == [("Parkland", 3000012), ("Florida", 4155751), ("Parkland", 3000012),
                                   ("Tacoma", 5812944), ("Washington", 5815135)]


def test_a_surname_that_is_only_an_alternate_name_of_a_famous_place_is_a_person(index):
    text = "Former President Jacob Zumara spoke in Aleppo. Zumara said he would appeal."
    assert _found(text, index) == [("Aleppo", 170063)]


def test_holidays_are_not_places(index):
    assert _found("Over the Easter weekend the mayor stayed home.", index) == []


def test_a_place_said_to_lie_in_a_province_is_the_namesake_in_that_province(index):
    """"the town of Bakwa in Farah province": the Afghan district seat, not the larger Congolese town; "in the northern
    countryside of Latakia" places a village in that governorate likewise."""
    text = "Fighters captured the town of Bakwa in Farah province on Monday."
    assert _found(text, index) == [("Bakwa", 3000031), ("Farah", 1142263)]
    text = "Army units killed terrorists in Aliyeh in the countryside of Latakia."
    assert _found(text, index)[0][1] in (3000032, 3000034)  # (either Aliyeh of Latakia, not Idlib's)
    # "in the northern countryside of Latakia": the Aliyeh north of the governorate's point, and so for each name
    # listed before the province ("in Aliyeh and Kansaba in ...")
    text = "Army units killed terrorists in Aliyeh and Kansaba in the northern countryside of Latakia."
    assert _found(text, index)[0] == ("Aliyeh", 3000034)


def test_a_village_in_a_provincial_seat_name_means_the_province(index):
    text = "Troops killed 12 fighters in Hardatnin village in Aleppo, the monitor said."
    assert _found(text, index) == [("Hardatnin", 169880), ("Aleppo", 170062)]
    text = "Shells hit the old market in Aleppo, the monitor said."
    assert _found(text, index) == [("Aleppo", 170063)]


def test_a_town_the_text_places_in_a_country_is_none_of_its_namesakes_elsewhere() -> None:
    """"the Mozambican town of Palma": the demonym is no place, and where the slice lacks Mozambique's Palma the
    mention stays unresolved rather than becoming Palma de Mallorca; a town the slice holds there is found."""
    index = GazetteerIndex([
        _place(2512989, "Palma", 39.57, 2.65, "P", "PPLA", "ES", "07", pop=438_000),
        _place(1024312, "Mozambique", -18.25, 35.0, "A", "PCLI", "MZ", pop=30_000_000),
        _place(1040652, "Mocimboa da Praia", -11.35, 40.35, "P", "PPL", "MZ", "02", pop=30_000),
    ])
    assert _found("Islamic State fighters seized the Mozambican town of Palma on Friday.", index) == [("Palma", None)]
    assert _found("Islamic State fighters seized the Mozambican town of Mocimboa da Praia.", index) == [
        ("Mocimboa da Praia", 1040652)]


def test_the_soviet_union_is_placed_at_russia():
    """A former union named by its successor's record (GeoNames gives Russia for it, as it does for the Russian
    Federation): "the Soviet Union" and "the USSR" are mentions of Russia."""
    index = GazetteerIndex([
        _place(2017370, "Russia", 60.0, 100.0, "A", "PCLI", "RU", pop=144_000_000),
        _place(2635167, "United Kingdom", 54.0, -2.0, "A", "PCLI", "GB", pop=66_000_000),
    ])
    text = "The nerve agent was developed by the Soviet Union, and the USSR never declared it, the United Kingdom said."
    assert _found(text, index) == [("Soviet Union", 2017370), ("USSR", 2017370), ("United Kingdom", 2635167)]


def test_a_name_listed_with_a_state_is_the_state_of_that_name():
    """"states such as Oregon or Washington": listed with a first-order division, the very name of another division
    of that country is the division, not the capital its bare name means; "Washington, D.C." stays the city."""
    index = GazetteerIndex([
        _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
        _place(4140963, "Washington", 38.9, -77.04, "P", "PPLC", "US", "DC", pop=690_000),
        _place(5815135, "Washington", 47.5, -120.5, "A", "ADM1", "US", "WA"),
        _place(5744337, "Oregon", 44.0, -120.5, "A", "ADM1", "US", "OR"),
        _place(4155751, "Florida", 28.75, -82.5, "A", "ADM1", "US", "FL"),
    ])
    text = "Tech firms in the United States left western states such as Oregon or Washington last year."
    assert ("Washington", 5815135) in _found(text, index)
    text = "The team flew to Florida and Washington, D.C., last year, United States officials said."
    assert ("Washington", 4140963) in _found(text, index)
    assert ("Washington", 4140963) in _found("Officials in Washington said the United States would act.", index)


def test_a_state_code_after_a_datelines_comma_votes_for_its_state():
    """"HORRY COUNTY, SC (WMBF)": the postal code the recognizer reads as the state is no stray abbreviation ("BA" for
    an airline): it makes the article about South Carolina, whose Garden City the bare name then means."""
    index = GazetteerIndex([
        _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
        _place(4597040, "South Carolina", 34.0, -81.0, "A", "ADM1", "US", "SC"),
        _place(4582287, "Horry County", 33.92, -78.98, "A", "ADM2C", "US", "SC"),
        _place(5445439, "Garden City", 37.97, -100.87, "P", "PPLA2", "US", "KS", pop=27_000),
        _place(4579503, "Garden City", 33.59, -79.01, "P", "PPL", "US", "SC", pop=9_200),
    ])
    text = "HORRY COUNTY, SC (WMBF) - A homeless man lives on the side of the street in Garden City."
    assert ("Garden City", 4579503) in _found(text, index)
