"""Round-2 geoparser behaviour on a hand-made gazetteer and sentences written for the tests: one sense per
discourse, person names, places the text marks, regions and seas, "Town, State" apposition."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.gazetteer.geonames_format import read_places
from app.gazetteer.index import GazetteerIndex
from app.geoparse import parse
from app.pipeline import extra_places_files, iter_gazetteer
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", pop=22_000_000),
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
    _place(173813, "Al-Hasakah", 36.5, 40.9, "A", "ADM1", "SY", "01", alts=("Hasakeh",)),
    _place(167208, "Markadah", 35.68, 40.78, "P", "PPLA3", "SY", "01", alts=("Markada",)),
    _place(8605215, "Markada", 35.7, 40.8, "A", "ADM3", "SY", "01", pop=40_000),
    _place(169389, "Idlib", 35.93, 36.63, "P", "PPLA", "SY", "12", pop=165_000),
    _place(169387, "Idlib", 35.8, 36.6, "A", "ADM1", "SY", "12"),
    _place(170063, "Aleppo", 36.2, 37.16, "P", "PPLA", "SY", "09", pop=1_600_000),
    _place(3000010, "Hassan", 13.0, 76.1, "P", "PPL", "IN", "19", pop=130_000),
    _place(3000011, "Al Asad Air Base", 33.8, 42.4, "S", "AIRB", "IQ", "01", alts=("Asad",)),
    _place(3000012, "Parkland", 26.31, -80.24, "P", "PPL", "US", "FL", pop=30_000),
    _place(3000013, "Parkland", 47.15, -122.43, "P", "PPL", "US", "WA", pop=38_000),
    _place(4155751, "Florida", 28.75, -82.5, "A", "ADM1", "US", "FL"),
    _place(5815135, "Washington", 47.5, -120.5, "A", "ADM1", "US", "WA"),
    _place(3000015, "Salah ad Din", 34.5, 43.5, "A", "ADM1", "IQ", "18", alts=("Salaheddin",)),
    _place(3000016, "Iraq", 33.0, 44.0, "A", "PCLI", "IQ", pop=40_000_000),
    _place(3000017, "Palma", 39.57, 2.65, "P", "PPLA", "ES", "07", pop=400_000),
    _place(3000018, "Mozambique", -18.0, 35.0, "A", "PCLI", "MZ", pop=30_000_000),
    _place(3000019, "Spain", 40.0, -4.0, "A", "PCLI", "ES", pop=47_000_000),
    _place(3000020, "Morek", 35.38, 36.68, "P", "PPL", "SY", "10", pop=10_000),
    _place(3000021, "Morek", 26.2, 50.6, "P", "PPL", "BH", "15", pop=30_000),
    _place(3000014, "Burao", 9.52, 45.53, "P", "PPLA", "SO", "13", pop=100_000),
    _place(6255146, "Africa", 7.19, 21.09, "L", "CONT", ""),
    _place(2473572, "Mahdia", 35.5, 11.06, "P", "PPLA", "TN", "15", pop=51_803, alts=("Africa",)),
    _place(910000050, "Euphrates", 35.33, 40.14, "H", "STM", "SY", "07", alts=("Euphrates River",)),
]


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return GazetteerIndex(PLACES)


def test_a_name_marked_as_a_town_keeps_that_sense_at_its_bare_mentions(index):
    text = ("Fighting raged in the town of Markada in Hasakeh province. Later the jihadists took Markada, and "
            "Markada is now a supply hub.")
    markada = [m for m in parse(text, index) if m.text == "Markada"]
    assert len(markada) == 3
    assert {m.place.geonameid for m in markada} == {167208}
    assert markada[1].resolved_by == "one_sense_per_discourse"


def test_a_name_not_in_the_gazetteer_is_found_again_after_the_text_marked_it(index):
    text = "Rebels stormed the district of Qubaybat. By evening Qubaybat had fallen, residents said."
    found = [t for t, _ in _found(text, index)]
    assert found == ["Qubaybat", "Qubaybat"]


def test_given_names_surnames_and_kunyas_are_people(index):
    text = ("Hassan Abboud met Abu Hassan near Aleppo. The Assad government and Assad himself denied it. "
            "Hassan said nothing.")
    assert _found(text, index) == [("Aleppo", 170063)]


def test_english_as_is_not_an_article(index):
    text = "A commander known as Aleppo was killed in al-Aleppo."
    mentions = parse(text, index)
    assert [m.text for m in mentions] == ["Aleppo", "al-Aleppo"]


def test_common_words_need_the_exact_name_of_a_famous_place(index):
    assert _found("The National Security Bureau chief visited.", index) == []


def test_place_marked_by_a_following_noun(index):
    found = [t for t, _ in _found("Jets struck Kafrnasih village and the Nisr mountain and Castello Road.", index)]
    assert found == ["Kafrnasih", "Nisr mountain", "Castello Road"]
    road = next(m for m in parse("Troops cut the Castello Road on Thursday near Aleppo.", index)
                if m.text == "Castello Road")
    assert road.place is None and road.region is not None


def test_numbered_military_bases(index):
    found = [t for t, _ in _found("Al-Nusra captured Base 46 west of Aleppo, and Regiment 111, another base.", index)]
    assert found == ["Base 46", "Aleppo", "Regiment 111"]
    assert [t for t, _ in _found("The 4th Division and Brigade 93 advanced.", index)] == []


def test_town_comma_state_places_the_town_in_the_state(index):
    assert _found("a school in Parkland, Florida, was closed.", index)[0] == ("Parkland", 3000012)
    assert _found("a school in Parkland, Washington, was closed.", index)[0] == ("Parkland", 3000013)


def test_a_part_of_a_city_lies_where_the_city_lies(index):
    """ "Salaheddin, a south-western neighbourhood of Aleppo": the appositive puts the part in its city's country; the
    Iraqi province of that name is another place (the slice lacks the neighbourhood: unresolved)."""
    mentions = parse("The blast struck Salaheddin, a south-western neighbourhood of Aleppo, on Sunday.", index)
    assert [(m.text, m.place and m.place.geonameid) for m in mentions] == [("Salaheddin", None), ("Aleppo", 170063)]
    # without the appositive the name is the province's
    assert _found("Troops advanced in Salaheddin on Sunday.", index) == [("Salaheddin", 3000015)]
    # "a town in northern Mozambique": no Palma of Mallorca
    mentions = parse("Palma, a town in northern Mozambique, was seized by insurgents.", index)
    assert [(m.text, m.place and m.place.geonameid) for m in mentions] == [("Palma", None), ("Mozambique", 3000018)]
    assert _found("Tourists returned to Palma, a city in Spain.", index)[0] == ("Palma", 3000017)


@pytest.mark.parametrize(("text", "expected"), [
    ("The SAA captured Morek on Monday.", 3000020),
    ("PMF units and the SAA captured Morek on Monday.", 3000020),
    ("Troops captured Morek on Monday.", 3000021),  # (no word for Syria: the larger namesake)
])
def test_the_armed_movements_of_one_war_vote_for_its_countries(index, text: str, expected: int) -> None:
    """ "The SAA", "Hezbollah fighters": a movement that fights in one or two countries says where the story is, as
    "the Taliban" or "the SDF" do."""
    assert dict(_found(text, index))["Morek"] == expected


def test_continents_and_rivers_and_the_country_vote(index):
    found = dict(_found("Aid for Africa, the minister said. Africa needs growth.", index))
    assert found == {"Africa": 6255146}
    assert ("Euphrates River", 910000050) in _found("Civilians crossed the Euphrates River in Syria.", index)


def test_headline_words_next_to_a_country(index):
    assert ("Syria", 163843) in _found("Tags Syria Russia", index)
    assert ("Aleppo", 170063) in _found("Near Aleppo government forces advanced.", index)


def test_supplementary_file_is_read_with_the_slice(tmp_path: Path):
    row = ("{gid}\t{name}\t{name}\t\t35.0\t38.0\tL\tRGN\tSY\t\t\t\t\t\t0\t\t\t\t2026-01-01\n")
    (tmp_path / "places.tsv").write_text(row.format(gid=1, name="Somewhere"), encoding="utf-8")
    (tmp_path / "extra_places.tsv").write_text(row.format(gid=910000999, name="Testland"), encoding="utf-8")
    assert extra_places_files(tmp_path) == [tmp_path / "extra_places.tsv"]
    assert [p.name for p in iter_gazetteer(tmp_path)] == ["Somewhere", "Testland"]


def test_shipped_supplementary_file_is_well_formed():
    path = Path(__file__).resolve().parents[2] / "data" / "gazetteer" / "extra_places.tsv"
    places = list(read_places(path))
    ids = [p.geonameid for p in places]
    assert len(ids) == len(set(ids)) and len(places) < 400
    # a synthetic id, or GeoNames' own id of a feature class the slice does not carry (continents, seas, regions)
    assert all(p.geonameid >= 910_000_000 or p.feature_class in ("L", "H", "T") for p in places)
    names = {p.name for p in places}
    assert {"Africa", "Europe", "Middle East", "Euphrates", "Tigris", "Eastern Ghouta", "Golan Heights"} <= names


def test_a_variant_spelling_in_the_articles_country_beats_a_foreign_namesake():
    places = [*PLACES,
              _place(172059, "Az Zabadani", 33.72, 36.1, "P", "PPLA2", "SY", "08", pop=26_000),
              _place(3100297, "Dobrzany", 53.36, 15.43, "P", "PPLA3", "PL", "87", pop=2_360, alts=("Zobdani",)),
              _place(170654, "Damascus", 33.51, 36.29, "P", "PPLC", "SY", "13", pop=1_570_000)]
    index = GazetteerIndex(places)
    text = ("Syrian troops advanced from Damascus and Aleppo toward Idlib in Syria, then into the town of "
            "al-Zobdani. Al-Zobdani is now the scene of fierce clashes, Syria's army said. Rebels in Idlib and "
            "Aleppo fled north, Syrian media said.")
    zobdani = [m for m in parse(text, index) if m.text.lower() == "al-zobdani"]
    assert [m.place.geonameid for m in zobdani] == [172059, 172059]


def test_titles_with_a_full_stop_still_start_a_name(index):
    text = "Troops reached Aleppo, Navy Capt. Jeff Davis said. Aleppo is quiet, Davis added."
    assert [t for t, _ in _found(text, index)] == ["Aleppo", "Aleppo"]


def test_every_name_in_a_list_of_provinces_is_a_province(index):
    mentions = parse("The road links the provinces of Hasakeh, Idlib and Aleppo.", index)
    by_text = {m.text: m.place for m in mentions}
    assert by_text["Idlib"].feature_code == "ADM1"


def test_ap_state_abbreviation_after_a_town():
    places = [*PLACES, _place(4752186, "Virginia", 37.5, -78.8, "A", "ADM1", "US", "VA"),
              _place(4760363, "Gainesville", 38.8, -77.6, "P", "PPL", "US", "VA", pop=12_000),
              _place(4156404, "Gainesville", 29.65, -82.32, "P", "PPLA2", "US", "FL", pop=130_000)]
    index = GazetteerIndex(places)
    found = _found("Homes at 8024 Turtle Creek Cir., Gainesville, Va. are for sale.", index)
    assert found == [("Gainesville", 4760363), ("Va", 4752186)]


def test_a_name_the_text_marks_as_a_town_is_no_surname_anywhere_in_the_article(index):
    # "Zorbel Markada" reads like a given name and a surname, but the article calls Markada a town.
    text = ("Tags Zorbel Markada clashes. The army entered the town of Markada on Sunday. Airstrikes on Markada "
            "went on all week.")
    markada = [(m.start, m.place.geonameid) for m in parse(text, index) if m.text == "Markada"]
    assert [start for start, _ in markada if start > 30] == [text.index("of Markada") + 3, text.rindex("Markada")]
    assert {gid for _, gid in markada} == {167208}


def test_a_name_in_a_list_of_towns_is_no_surname_anywhere_in_the_article(index):
    text = "Clashes resumed on the fronts of Zorbel Markada. Airstrikes also hit the towns of Burao and Markada."
    assert ("Markada", 167208) in _found(text[text.index("Airstrikes"):], index)
    found = [(m.start, m.text) for m in parse(text, index)]
    assert (text.rindex("Markada"), "Markada") in found


def test_a_short_name_or_a_name_particle_with_the_arabic_article_is_a_place():
    # "Bab" (gate) is a particle of longer names ("Bab al-Hawa") and "Rai" is three letters: neither is a place
    # alone, but with the article they are towns.
    index = GazetteerIndex([PLACES[0], _place(174018, "Al Bāb", 36.37, 37.52, "P", "PPLA2", "SY", "09", pop=130_745),
                            _place(170227, "Ar Rāʿī", 36.55, 37.63, "P", "PPL", "SY", "09", pop=5_000)])
    text = "After capturing al-Bab, Turkish-backed forces moved on Al Rai."
    assert _found(text, index) == [("al-Bab", 174018), ("Al Rai", 170227)]
    assert _found(text.lower(), index) == [("al-bab", 174018), ("al rai", 170227)]
    assert _found("They passed the Bab gate and heard Rai music in Syria.", index) == [("Syria", 163843)]


def test_a_three_letter_name_counts_when_the_text_calls_it_a_town():
    index = GazetteerIndex([_place(99063, "Hīt", 33.64, 42.83, "P", "PPL", "IQ", "04", pop=40_000)])
    assert _found("Iraqi forces retook the town of Hit on Sunday.", index) == [("Hit", 99063)]
    assert _found("Hit by shelling, families fled. A mortar round hit the town.", index) == []


def test_a_census_given_name_makes_the_next_word_a_surname_unless_either_is_a_well_known_place():
    index = GazetteerIndex([
        _place(4174201, "Stuart", 27.2, -80.25, "P", "PPLA2", "US", "FL", pop=16_462),
        _place(4966720, "Green", 44.9, -69.5, "P", "PPL", "US", "ME", pop=25_898),
        _place(6167865, "Toronto", 43.7, -79.42, "P", "PPLA", "CA", "08", pop=2_600_000),
        _place(294640, "Israel", 31.5, 34.75, "A", "PCLI", "IL", pop=8_000_000),
    ])
    # "Stuart" is a given name of the 1990 census (not of our own short list) and a county seat in Florida.
    text = "Police in Toronto are investigating, city spokesman Stuart Green said on Monday."
    assert _found(text, index) == [("Toronto", 6167865)]
    # "Israel" is a census given name too, but a country: before a capitalised word it stays the country.
    assert _found("Netanyahu flew back to Israel Tuesday night.", index) == [("Israel", 294640)]


def test_a_name_that_only_folds_to_a_foreign_village_does_not_vouch_for_itself_in_a_short_text():
    index = GazetteerIndex([
        _place(306785, "Kohan", 37.9, 27.9, "P", "PPL", "TR", "20", pop=1_000),
        _place(5378771, "Oceanside", 33.2, -117.38, "P", "PPL", "US", "CA", pop=175_000),
    ])
    text = "Cohen grew up in Oceanside. Cohen now works on a boat, and Cohen likes it."
    assert _found(text, index) == [("Oceanside", 5378771)]


def test_a_surname_after_an_initial_or_a_particle_is_no_place():
    index = GazetteerIndex([
        _place(5063540, "Bassett", 42.58, -99.54, "P", "PPLA2", "US", "NE", pop=600),
        _place(768861, "Kock", 51.64, 22.45, "P", "PPLA3", "PL", "75", pop=3_500),
        _place(4887398, "Chicago", 41.85, -87.65, "P", "PPLA2", "US", "IL", pop=2_700_000),
    ])
    text = ("Police in Chicago said. Gino D. Bassett was charged. Bassett denied it. The trainer Mike de Kock won "
            "again, and Kock was pleased.")
    assert _found(text, index) == [("Chicago", 4887398)]


def test_a_capitalised_word_before_a_name_makes_a_surname_unless_it_is_a_syrian_or_well_known_place():
    index = GazetteerIndex([
        _place(163779, "Talbīsah", 34.84, 36.73, "P", "PPL", "SY", "11", pop=30_000, alts=("Talbeesah",)),
        _place(163880, "Ar Rastan", 34.93, 36.73, "P", "PPL", "SY", "11", pop=50_000, alts=("Rastan",)),
        _place(4163833, "McGregor", 31.44, -97.41, "P", "PPL", "US", "TX", pop=5_000),
        _place(312222, "Konur", 40.0, 33.0, "P", "PPL", "TR", "71", pop=800, alts=("Conor",)),
    ])
    # A list whose commas the writer dropped ("Rastan Talbeesah") does not make Talbeesah a surname elsewhere.
    text = "Airstrikes hit Talbeesah on Monday. Later clashes resumed on the fronts of Rastan Talbeesah and Hula."
    assert _found(text, index)[0] == ("Talbeesah", 163779)
    # A given name that some small foreign village bears is still a given name.
    assert _found("The fighter Conor McGregor was arrested. McGregor denied it.", index) == []


def test_a_given_name_that_only_folds_onto_a_syrian_village_still_makes_a_surname():
    """"Che" folds like a Syrian village's name but is not its name: "Che Adams" is a person throughout the article;
    a capitalised preposition in a headline ("Killed Near Jarablus") makes no surname."""
    index = GazetteerIndex([
        _place(170000, "Al ‘Anz", 35.0, 38.0, "P", "PPL", "SY", "04", pop=500, alts=("Che",)),
        _place(4928733, "Adams", 42.62, -73.12, "P", "PPL", "US", "MA", pop=8_000),
        _place(2655603, "Birmingham", 52.48, -1.9, "P", "PPLA2", "GB", "ENG", pop=1_150_000),
        _place(169179, "Jarābulus", 36.82, 38.01, "P", "PPLA2", "SY", "09", pop=11_000, alts=("Jarablus",)),
    ])
    text = "Birmingham will miss Che Adams through injury. Adams was sent off on Tuesday."
    assert _found(text, index) == [("Birmingham", 2655603)]
    text = "Civilians Killed By Airstrikes Near Jarablus. Airstrikes hit villages near Jarablus on Monday."
    assert [gid for _, gid in _found(text, index)] == [169179, 169179]


def test_a_given_name_the_text_places_once_is_the_place_in_its_other_mentions():
    """One sense per discourse: "captured Lyman" places the name, so "Lyman was retaken" is the town too, not a
    person; a given name the text never places stays a person."""
    index = GazetteerIndex([
        _place(702320, "Lyman", 48.99, 37.81, "P", "PPL", "UA", "14", pop=20_066),
        _place(703448, "Kyiv", 50.45, 30.52, "P", "PPLC", "UA", "12", pop=2_900_000),
    ])
    text = "Russian forces captured Lyman in May. Lyman was retaken by Ukrainian forces in October, Kyiv said."
    assert _found(text, index) == [("Lyman", 702320), ("Lyman", 702320), ("Kyiv", 703448)]
    assert _found("Lyman was retaken by Ukrainian forces in October, Kyiv said.", index) == [("Kyiv", 703448)]


def test_the_port_of_a_name_is_a_place_even_where_the_name_is_an_english_word():
    """"Mocha" is a coffee as often as the Yemeni port; "the Red Sea port of Mocha" says which, as "the town of"
    does, and a name the gazetteer lacks is still a place there."""
    index = GazetteerIndex([
        _place(78751, "Mocha", 13.32, 43.25, "P", "PPL", "YE", "25", pop=16_794, alts=("Mokha",)),
        _place(69543, "Yemen", 15.5, 47.5, "A", "PCLI", "YE", pop=28_000_000),
    ])
    assert _found("Government forces took the Red Sea port of Mocha.", index) == [("Mocha", 78751)]
    assert _found("She ordered a mocha. Yemen exports coffee.", index) == [("Yemen", 69543)]
    assert _found("Rebels seized the oil port of Ras Lanuf.", index) == [("Ras Lanuf", None)]
