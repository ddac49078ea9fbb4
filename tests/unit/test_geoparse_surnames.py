"""A name the article uses as a surname is a person throughout it, even where a provincial seat somewhere bears it;
a country, first-order division or capital of that name stays a place. Sentences written for the test."""

from __future__ import annotations

from app.gazetteer.index import GazetteerIndex
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

INDEX = GazetteerIndex([
    _place(2186280, "Nelson", -41.27, 173.28, "P", "PPLA", "NZ", "18", pop=49_000),
    _place(6086871, "Nelson", 49.48, -117.29, "P", "PPL", "CA", "02", pop=10_000),
    _place(6251999, "Canada", 60.0, -96.0, "A", "PCLI", "CA", pop=37_000_000),
    _place(248816, "Jordan", 31.0, 36.0, "A", "PCLI", "JO", pop=10_000_000),
])


def test_a_provincial_seat_does_not_outweigh_the_article_s_own_surname():
    text = "The councillor, Dewly Nelson, spoke in Canada. Nelson himself started as a critic."
    assert _found(text, INDEX) == [("Canada", 6251999)]


def test_a_country_does():
    text = "The forward, Michael Jordan, spoke in Canada. Jordan closed its border."
    assert ("Jordan", 248816) in _found(text, INDEX)


FOLDS = GazetteerIndex([
    _place(6325521, "Lévis", 46.8, -71.18, "P", "PPL", "CA", "10", pop=140_000),
    _place(6251999, "Canada", 60.0, -96.0, "A", "PCLI", "CA", pop=37_000_000),
    _place(5851609, "Honolulu County", 21.46, -157.97, "A", "ADM2", "US", "HI"),
    _place(4930956, "Boston", 42.36, -71.06, "P", "PPLA", "US", "MA", pop=670_000),
])


def test_a_given_name_that_only_folds_onto_a_place_is_no_place():
    # "Levi" folds to Lévis but is none of its names; the article is about Canada all the same
    assert _found("In Canada, Alan Lord walks his dog, Levi, every day. Levi is his service dog.", FOLDS) == [
        ("Canada", 6251999)]
    assert ("Lévis", 6325521) in _found("Ferries cross from Quebec to Lévis in Canada.", FOLDS)


def test_a_full_stop_after_a_given_name_ends_the_name():
    assert ("BOSTON", 4930956) in _found("By Nate Raymond. BOSTON (Reuters) - A restaurant owner was arrested.", FOLDS)


NAMES = GazetteerIndex([
    _place(6251999, "Canada", 60.0, -96.0, "A", "PCLI", "CA", pop=37_000_000),
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000, alts=("America",)),
    _place(5521972, "Gail", 32.77, -101.45, "P", "PPLA2", "US", "TX", pop=230),
    _place(5677433, "Shelby", 48.5, -111.86, "P", "PPLA2", "US", "MT", pop=3_200),
    _place(4151550, "Collier County", 26.17, -81.73, "A", "ADM2C", "US", "FL"),
    _place(1711000, "Calamba", 14.2, 121.17, "P", "PPLA2", "PH", "40", pop=450_000),
])


def test_a_given_name_that_names_no_notable_place_is_a_person_unless_the_text_places_it():
    text = "Gail Cole and Lani Bonifacic founded the club in the United States. Gail thanked them."
    assert [t for t, _ in _found(text, NAMES)] == ["United States"]
    assert ("Shelby", 5677433) in _found("The prison in Shelby, in the United States, closed.", NAMES)
    assert ("America", 6252001) in _found("America and Canada signed it.", NAMES)


def test_a_county_s_name_of_common_words_carries_its_own_cue():
    assert ("Collier County", 4151550) in _found("An event highlighting Collier County's grant.", NAMES)


def test_a_title_after_the_word_city_is_no_town():
    assert _found("It was signed by then City Mayor Justin Chipeco in Calamba.", NAMES) == [("Calamba", 1711000)]


def test_a_given_name_that_only_folds_onto_a_notable_place_still_starts_a_person_s_name():
    """"Darin" folds like Darien, but a notable place keeps a given name a place only when it bears that very name
    ("Charlotte", "Victoria"): "Darin Nosser" is a person, and so is the surname after the given name."""
    index = GazetteerIndex([
        _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
        _place(4889447, "Darien", 41.08, -73.47, "P", "PPL", "US", "CT", pop=120_000),
        _place(4407066, "St. Louis", 38.63, -90.2, "P", "PPL", "US", "MO", pop=300_000),
        _place(4350413, "Nosser", 39.4, -76.6, "P", "PPL", "US", "MD", pop=2_000),
    ])
    text = "Police in the United States identified the suspects as Darin Nosser, 52, and a woman of 55."
    assert _found(text, index) == [("United States", 6252001)]


def test_a_surname_that_only_folds_onto_a_notable_place_does_not_stop_a_given_name():
    """"Zhuk" folds like Duhok, an Iraqi provincial seat, but is not its name: "Daria Zhuk" is a person. A given name
    that begins a place's own two-word name ("Santa Barbara") still starts no person's name."""
    index = GazetteerIndex([
        _place(2017370, "Russia", 60.0, 100.0, "A", "PCLI", "RU", pop=144_000_000),
        _place(96994, "Dihok", 36.87, 42.99, "P", "PPLA", "IQ", "06", pop=280_000, alts=("Duhok",)),
        _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
        _place(5392952, "Santa Barbara", 34.42, -119.7, "P", "PPLA2", "US", "CA", pop=90_000),
    ])
    text = "In Russia, the producer Daria Zhuk and a correspondent complained of harassment."
    assert _found(text, index) == [("Russia", 2017370)]
    assert ("Santa Barbara", 5392952) in _found("Santa Barbara officials said the fire spread.", index)


def test_a_given_name_that_only_a_division_abroad_bears_is_a_person():
    """"Paul" is a county of Cape Verde and a village in Idaho: in a story about the US the division abroad does not
    keep the given name a place, so the village's focus does not make "Paul scored" one; a division of a country
    the story is about still does ("Georgia")."""
    index = GazetteerIndex([
        _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
        _place(3374391, "Paul", 17.15, -25.02, "A", "ADM1", "CV", "05"),
        _place(5603391, "Paul", 42.6, -113.78, "P", "PPL", "US", "ID", pop=1_200),
        _place(4699066, "Houston", 29.76, -95.36, "P", "PPLA2", "US", "TX", pop=2_300_000),
        _place(4197000, "Georgia", 32.75, -83.5, "A", "ADM1", "US", "GA"),
    ])
    text = "Paul scored 27 points to help Houston win in the United States on Sunday."
    assert [gid for _, gid in _found(text, index)] == [4699066, 6252001]
    assert ("Georgia", 4197000) in _found("Storms hit Georgia and Texas in the United States.", index)


def test_a_given_name_that_only_folds_onto_a_countrys_name_is_a_person():
    """"Jane" folds like one of Ghana's names but is none of them: the country does not keep the given name a place;
    a country's own alias ("America") still does."""
    index = GazetteerIndex([
        _place(2300660, "Ghana", 8.1, -1.2, "A", "PCLI", "GH", pop=29_000_000, alts=("Gana",)),
        _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
        _place(2643743, "London", 51.51, -0.13, "P", "PPLC", "GB", "ENG", pop=8_900_000),
    ])
    assert _found("The tribute show in London is full of hits such as Baby Jane and Sailing.", index) == [
        ("London", 2643743)]
    assert ("America", 6252001) in _found("Volunteers drove across America last year.", index)


def test_a_common_given_name_is_no_provincial_seat_abroad():
    """"Smoky Mary", "Mary of Bethany": a common given name that only a province and its seat abroad bear (Mary, in
    Turkmenistan) is a person in a story about elsewhere."""
    index = GazetteerIndex([
        _place(1218667, "Mary", 37.59, 61.83, "P", "PPLA", "TM", "05", pop=167_000),
        _place(1218666, "Mary", 37.5, 62.0, "A", "ADM1", "TM", "05"),
        _place(4335045, "New Orleans", 29.95, -90.07, "P", "PPLA2", "US", "LA", pop=390_000),
    ])
    text = "Known locally as Smoky Mary, the steam line ran through New Orleans until 1932."
    assert _found(text, index) == [("New Orleans", 4335045)]


def test_a_city_s_name_before_a_word_that_is_only_a_surname_is_a_given_name():
    """"Victoria Rowell", "Stanley Uzoaru": a given name that is also a city's name, before a capitalised word that is
    no English word, no place's very name and no word of a place's or a street's name, begins a person's name; before
    a street abbreviation ("Victoria St.") or a place noun it stays the place's name, and a country stays a country."""
    index = GazetteerIndex([
        _place(6174041, "Victoria", 48.43, -123.37, "P", "PPLA", "CA", "02", pop=290_000),
        _place(6251999, "Canada", 60.0, -95.0, "A", "PCLI", "CA", pop=37_000_000),
        _place(248816, "Jordan", 31.0, 36.0, "A", "PCLI", "JO", pop=10_000_000),
    ])
    text = "The drama debuted in Canada last year and was created by Victoria Rowell, who also directed it."
    assert _found(text, index) == [("Canada", 6251999)]
    assert ("Victoria", 6174041) in _found("The office at 333 Victoria St. opened in Canada.", index)
    assert ("Jordan", 248816) in _found("Officials said Jordan Rowell had closed the border to Canada.", index)


UKRAINE = GazetteerIndex([
    _place(697568, "Pervomayske", 48.0, 37.6, "P", "PPL", "UA", "05", pop=8_470),
    _place(2017370, "Russia", 60.0, 100.0, "A", "PCLI", "RU", pop=144_000_000),
    _place(511794, "Pervomaysk", 54.87, 43.8, "P", "PPLA2", "RU", "51", pop=14_000),
])


def test_the_other_romanisation_of_a_ukrainian_village_is_its_name_not_a_fold() -> None:
    # GeoNames writes Pervomayske (BGN/PCGN), news Pervomaiske (Ukraine's own system): an article that speaks only of
    # Russia's forces still names the Ukrainian village, not a surname that happens to fold onto it
    assert _found("Russian forces captured Pervomaiske.", UKRAINE) == [("Pervomaiske", 697568)]
    assert _found("Russian forces captured Pervomayske.", UKRAINE) == [("Pervomayske", 697568)]
    # nor a variant spelling of a town in the country the article speaks of
    assert _found("Russia's defence ministry said its forces had captured Pervomaiske.", UKRAINE) == [
        ("Russia", 2017370), ("Pervomaiske", 697568)]


def test_the_persian_ezafe_written_i_is_the_name_not_a_fold() -> None:
    # GeoNames writes Mazār-e Sharīf, news often Mazar-i-Sharif: a story that names only Uzbekistan still names the
    # Afghan city (the fold alone would make it a stranger to the article's focus)
    index = GazetteerIndex([
        _place(1133453, "Mazār-e Sharīf", 36.71, 67.11, "P", "PPLA", "AF", "30", pop=523_300,
               alts=("Mazar-i-Sharif",)),  # (as GeoNames lists it among its alternates)
        _place(1512440, "Uzbekistan", 41.67, 63.83, "A", "PCLI", "UZ", pop=33_000_000),
    ])
    assert _found("Mazar-i-Sharif was taken after militia leaders fled to Uzbekistan.", index) == [
        ("Mazar-i-Sharif", 1133453), ("Uzbekistan", 1512440)]


def test_a_town_called_so_in_the_other_romanisation_outranks_one_with_a_stray_alternate_of_it() -> None:
    # GeoNames lists "Slov'iansk" among Nikopol's alternates; "Sloviansk" is Slovyansk's own name as Ukraine writes it
    index = GazetteerIndex([
        _place(693468, "Slovyansk", 48.87, 37.62, "P", "PPL", "UA", "05", pop=105_141, alts=("Sloviansk",)),
        _place(700051, "Nikopol", 47.57, 34.39, "P", "PPLA2", "UA", "04", pop=117_000, alts=("Slov'iansk",)),
    ])
    assert _found("Ukrainian troops recaptured Sloviansk.", index) == [("Sloviansk", 693468)]
