"""World news on a hand-made gazetteer and sentences written for the tests: US states after a town's comma (AP
abbreviations and postal codes), people who speak, surnames kept by their own votes, and a country reached by a
name that a US state bears as its own."""

from __future__ import annotations

import pytest

from app.gazetteer.index import GazetteerIndex
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", "00", pop=327_000_000),
    _place(2510769, "Spain", 40.0, -4.0, "A", "PCLI", "ES", "00", pop=46_000_000),
    _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
    _place(99237, "Iraq", 33.0, 44.0, "A", "PCLI", "IQ", "00", pop=38_000_000, alts=("Iwa",)),
    _place(2017370, "Russia", 60.0, 100.0, "A", "PCLI", "RU", "00", pop=144_000_000),
    _place(524901, "Moscow", 55.75, 37.62, "P", "PPLC", "RU", "48", pop=10_000_000),
    _place(3117735, "Madrid", 40.42, -3.7, "P", "PPLC", "ES", "29", pop=3_200_000),
    _place(5667009, "Montana", 47.0, -109.5, "A", "ADM1", "US", "MT"),
    _place(453753, "Montana", 43.5, 23.2, "A", "ADM1", "BG", "47"),
    _place(453752, "Montana", 43.41, 23.23, "P", "PPLA", "BG", "47", pop=47_000),
    _place(5656882, "Helena", 46.59, -112.04, "P", "PPLA", "US", "MT", pop=32_000),
    _place(5101760, "New Jersey", 40.13, -74.41, "A", "ADM1", "US", "NJ"),
    _place(5105496, "Trenton", 40.22, -74.76, "P", "PPLA", "US", "NJ", pop=84_000),
    _place(4597040, "South Carolina", 34.0, -81.0, "A", "ADM1", "US", "SC"),
    _place(4862182, "Iowa", 42.0, -93.5, "A", "ADM1", "US", "IA"),
    _place(4853828, "Des Moines", 41.6, -93.61, "P", "PPLA", "US", "IA", pop=215_000),
    _place(4000101, "Brandt", 44.66, -96.64, "P", "PPL", "US", "SD", pop=100),
    _place(170905, "Dar‘ā", 32.62, 36.1, "P", "PPLA", "SY", "12", pop=98_000),
]


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return GazetteerIndex(PLACES)


def test_an_ap_abbreviation_after_a_towns_comma_is_the_us_state(index):
    found = _found("HELENA, Mont. (AP) -- The governor of the state met farmers near Helena on Monday.", index)
    assert ("Mont", 5667009) in found  # the US state, though Bulgaria has a province of that name
    assert ("N.J", 5101760) in _found("The company, based in Trenton, N.J., hired forty workers.", index)


def test_a_postal_code_after_a_towns_comma_is_the_us_state(index):
    assert ("SC", 4597040) in _found("A deputy in Horry County, SC said the road was closed.", index)
    assert not any(name == "SC" for name, _ in _found("The SC ruling was appealed.", index))


def test_a_small_places_name_that_speaks_is_a_person_throughout(index):
    text = "Police in the United States questioned a driver. Brandt said he saw nothing. Officers let Brandt go."
    assert [name for name, _ in _found(text, index)] == ["United States"]


def test_a_capital_that_speaks_stays_a_place(index):
    assert ("Moscow", 524901) in _found("Moscow said it would expel diplomats from Russia's embassy.", index)


def test_a_surname_is_not_kept_by_the_votes_of_its_own_mentions(index):
    text = ("The Spanish retailer behind Zara opened stores in Madrid. Zara sells shirts across Spain. Zara hired "
            "designers in Madrid, and Spain's shoppers liked Zara.")
    assert not any(name == "Zara" for name, _ in _found(text, index))


def test_a_spelling_variant_stays_in_an_article_about_an_arabic_speaking_country(index):
    text = "Rebels in Syria shelled Zara on Monday. Syria's army answered. Syria and Syria's allies met."
    assert ("Zara", 170905) in _found(text, index)


def test_a_country_reached_by_a_us_states_own_name_is_not_meant(index):
    found = _found("Candidates in Iowa met voters in Des Moines. Iowa farmers want roads.", index)
    assert found[0] == ("Iowa", 4862182)
    assert ("Iowa", 99237) not in found
