"""Airports worldwide in the gazetteer (OurAirports large and medium airports), on a hand-made gazetteer and
sentences written for the tests: a bare town name stays the town's even where an airport bears it as its own name,
"airport" after the name makes it the airport's, an airport is found by its own bare name as written ("Mitiga") but
not through a transliteration fold ("Beatles": Bettles Airport) nor in lower-cased text."""

from __future__ import annotations

import pytest

from app.gazetteer.index import GazetteerIndex
from tests.unit.hand_gazetteer import found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(2635167, "United Kingdom", 54.0, -2.0, "A", "PCLI", "GB", "00", pop=66_000_000),
    _place(1149361, "Afghanistan", 33.0, 66.0, "A", "PCLI", "AF", "00", pop=37_000_000),
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", "00", pop=327_000_000),
    _place(2643743, "London", 51.51, -0.13, "P", "PPLC", "GB", "ENG", pop=8_900_000),
    _place(1138336, "Kandahar", 31.61, 65.71, "P", "PPLA", "AF", "23", pop=390_000),
    _place(1138337, "Sortavala", 61.70, 30.67, "P", "PPL", "RU", "28", pop=20_000),
    # an airport whose own name is the town's (OurAirports has "Sortavala", "Abbeville")
    _place(900000001, "Sortavala", 61.74, 30.67, "S", "AIRP", "RU", "28", alts=("Sortavala Airport",)),
    _place(900000002, "Kandahar", 31.51, 65.85, "S", "AIRP", "AF", "23",
           alts=("Kandahar Airport", "Kandahar International Airport")),
    _place(900002434, "London Heathrow Airport", 51.47, -0.46, "S", "AIRP", "GB", "ENG",
           alts=("Heathrow Airport", "London Airport")),
    _place(2210247, "Libya", 27.0, 17.0, "A", "PCLI", "LY", "00", pop=6_700_000),
    _place(2210247 + 1, "Tripoli", 32.89, 13.19, "P", "PPLC", "LY", "77", pop=1_150_000),
    _place(900003224, "Mitiga International Airport", 32.89, 13.28, "S", "AIRP", "LY", "77",
           alts=("Mitiga Airport", "Tripoli Airport")),
    _place(900005343, "Bettles Airport", 66.91, -151.53, "S", "AIRP", "US", "AK", alts=("Bettles",)),
]


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return GazetteerIndex(PLACES)


def test_bare_town_name_is_the_town_not_its_namesake_airport(index: GazetteerIndex) -> None:
    text = "Fighting was reported in Kandahar on Sunday, officials in Afghanistan said. Sortavala was calm."
    assert ("Kandahar", 1138336) in found(text, index)
    assert ("Sortavala", 1138337) in found(text, index)


def test_airport_word_makes_it_the_airport(index: GazetteerIndex) -> None:
    text = "Taliban fighters seized Kandahar airport on Sunday, officials in Afghanistan said."
    assert any(gid == 900000002 for _, gid in found(text, index))


def test_airport_by_its_bare_name_as_written(index: GazetteerIndex) -> None:
    text = "Flights from Mitiga were suspended on Sunday, officials in Tripoli said."
    mentions = found(text, index)
    assert ("Mitiga", 900003224) in mentions
    assert ("Tripoli", 2210248) in mentions  # "Tripoli Airport" is an alternate of Mitiga, not Tripoli's rival
    assert ("London", 2643743) in found("Flights to London were cancelled on Sunday.", index)


def test_airport_by_an_alternate_name_that_says_airport(index: GazetteerIndex) -> None:
    """The index's records carry their own names only: "Tripoli Airport" is Mitiga's alternate."""
    assert ("Tripoli Airport", 900003224) in found("Shells hit Tripoli Airport on Sunday, Libya said.", index)
    assert ("tripoli airport", 900003224) in found("shells hit tripoli airport on sunday, libya said.", index)


def test_no_airport_through_a_fold_or_in_lower_case(index: GazetteerIndex) -> None:
    assert not any(gid == 900005343 for _, gid in found("Fans of Beatles songs met in London on Sunday.", index))
    lowered = "flights from mitiga were suspended on sunday, officials in libya said."
    assert not any(gid == 900003224 for _, gid in found(lowered, index))


def test_a_citys_name_before_airport_is_the_airport_serving_that_city() -> None:
    """"Aden airport": the airport of Aden (a city of a million beside it), not Colombia's El Eden Airport, whose
    own name folds the same way; without a city of that name the airfields rank as before."""
    index = GazetteerIndex([
        _place(415189, "Aden", 12.78, 45.04, "P", "PPLA", "YE", "02", pop=1_000_000),
        _place(9000001, "Aden International Airport", 12.83, 45.03, "S", "AIRP", "YE", "02",
               alts=("Aden Airport",)),
        _place(9000002, "El Eden Airport", 4.45, -75.77, "S", "AIRP", "CO", "24", alts=("Eden Airport",)),
        _place(102358, "Saudi Arabia", 24.0, 45.0, "A", "PCLI", "SA", pop=34_000_000),
    ])
    assert ("Aden airport", 9000001) in found("Saudi-led coalition forces captured Aden airport.", index)
    # the city's possessive is the same name ("Aden's airport"; the tokens drop the "'s"), beside GeoNames' own
    # alternates of the airfields
    index = GazetteerIndex([
        _place(415189, "Aden", 12.78, 45.04, "P", "PPLA", "YE", "02", pop=1_000_000),
        _place(900005311, "Aden International Airport", 12.83, 45.03, "S", "AIRP", "YE", "02",
               alts=("Aden Airport", "Aden Airfield", "RAF Khormaksar")),
        _place(900006099, "El Eden Airport", 4.45, -75.77, "S", "AIRP", "CO", "24",
               alts=("El Eden Airfield", "Armenia Airport", "El Edén Airport")),
        _place(900031899, "Aden Adde International Airport", 2.01, 45.3, "S", "AIRP", "SO", "13",
               alts=("Aden Adde Airport", "Mogadishu Airport")),
    ])
    text = "Government forces seized Aden's airport from the rebels."
    assert ("Aden's airport", 900005311) in found(text, index)
