"""Namesakes and look-alikes, on a hand-made gazetteer and sentences written for the tests: surnames that only
fold to a foreign place, names run across a comma, headline words in capitals, abbreviations of divisions
abroad, demonyms as country evidence, the article's provinces (votes, one sense per discourse, unpunctuated
lists), oceans by their short names, exact names over alternate ones, fuzzy matches, given names before a
place noun."""

from __future__ import annotations

import pytest

from app.gazetteer.index import GazetteerIndex
from app.geoparse import parse
from app.geoparse.cached_index import CachedIndex
from app.geoparse.document import read_document
from app.geoparse.recognize import recognise
from app.geoparse.resolve import article_context
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", "00", pop=327_000_000),
    _place(2635167, "United Kingdom", 54.0, -2.0, "A", "PCLI", "GB", "00", pop=66_000_000),
    _place(6251999, "Canada", 60.0, -95.0, "A", "PCLI", "CA", "00", pop=37_000_000),
    _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
    _place(130758, "Iran", 32.0, 53.0, "A", "PCLI", "IR", "00", pop=81_000_000),
    _place(5165418, "Ohio", 40.25, -82.75, "A", "ADM1", "US", "OH"),
    _place(4000001, "Rūdān", 27.44, 57.19, "P", "PPLA2", "IR", "29", pop=36_000),
    _place(4000002, "Wete", -5.06, 39.73, "P", "PPLA", "TZ", "10", pop=36_000, alts=("Ua Ta",)),
    _place(290557, "United Arab Emirates", 24.0, 54.0, "A", "PCLI", "AE", "00", pop=9_600_000),
    _place(4000003, "Thiès", 14.8, -16.9, "A", "ADM1", "SN", "15", alts=("This",)),
    _place(109954, "Al Bahah Region", 20.0, 41.5, "A", "ADM1", "SA", "02", alts=("Ba",)),
    _place(5909050, "British Columbia", 53.99, -125.0, "A", "ADM1", "CA", "02", alts=("Bc",)),
    _place(6183235, "Winnipeg", 49.88, -97.15, "P", "PPLA", "CA", "03", pop=705_000),
    _place(2643123, "Manchester", 53.48, -2.24, "P", "PPLA2", "GB", "ENG", pop=500_000),
    _place(4000004, "Manchester", 42.99, -71.46, "P", "PPL", "US", "NH", pop=2_000_000),
    _place(169387, "Idlib", 35.75, 36.6, "A", "ADM1", "SY", "08", pop=1_400_000),
    _place(169389, "Idlib", 35.93, 36.63, "P", "PPLA", "SY", "08", pop=128_000),
    _place(4000005, "Idlib", 36.1, 37.2, "P", "PPL", "SY", "09"),
    _place(169577, "Homs", 34.5, 38.0, "A", "ADM1", "SY", "11", pop=1_800_000),
    _place(169575, "Homs", 34.73, 36.71, "P", "PPLA", "SY", "11", pop=775_000),
    _place(2017370, "Russia", 60.0, 100.0, "A", "PCLI", "RU", "00", pop=144_000_000),
    _place(706448, "Kherson", 46.64, 32.61, "P", "PPLA", "UA", "14", pop=280_000),
    _place(552133, "Karsun", 54.19, 47.08, "P", "PPL", "RU", "81", pop=8_000, alts=("Karsoun",)),
    _place(5500001, "Saint Petersburg", 59.94, 30.31, "P", "PPLA", "RU", "66", pop=5_000_000,
           alts=("St. Petersburg",)),
    _place(5500002, "St. Petersburg", 27.77, -82.68, "P", "PPL", "US", "FL", pop=260_000),
    _place(170331, "Tadmur", 34.56, 38.28, "P", "PPL", "SY", "11", pop=51_000, alts=("Palmyra",)),
    _place(5500003, "Palmyra", 40.0, -75.0, "P", "PPL", "US", "NJ", pop=5_000),
    _place(173578, "Latakia", 35.6, 36.0, "A", "ADM1", "SY", "02", pop=1_400_000),
    _place(173576, "Latakia", 35.52, 35.79, "P", "PPLA", "SY", "02", pop=700_000),
    _place(910000001, "Atlantic Ocean", 15.0, -35.0, "H", "OCN", "", alts=("Atlantic",)),
    _place(4847385, "Atlantic", 41.4, -95.01, "P", "PPLA2", "US", "IA", pop=6_800),
    _place(5352423, "Glendale", 34.14, -118.26, "P", "PPL", "US", "CA", pop=200_000, alts=("Riverdale",)),
    _place(5103313, "Riverdale", 40.99, -74.3, "P", "PPL", "US", "NJ", pop=4_300),
    _place(1701559, "Marawi", 8.0, 124.3, "P", "PPLA", "PH", "01", pop=200_000),
    _place(4000006, "Qasţal Ma‘āf", 35.85, 36.1, "P", "PPLA3", "SY", "02"),
    _place(5328041, "Beverly Hills", 34.07, -118.4, "P", "PPL", "US", "CA", pop=34_000),
    _place(5101760, "New Jersey", 40.13, -74.41, "A", "ADM1", "US", "NJ"),
    _place(5012194, "Three Rivers", 41.94, -85.63, "P", "PPL", "US", "MI", pop=7_700, alts=("New Jersey",)),
    _place(5095124, "Allendale", 41.04, -74.13, "P", "PPL", "US", "NJ", pop=6_800),
    _place(4984029, "Allendale", 42.97, -85.95, "P", "PPL", "US", "MI", pop=17_500),
    _place(51537, "Somalia", 6.0, 48.0, "A", "PCLI", "SO", "00", pop=15_000_000),
    _place(2215636, "Libya", 27.0, 17.0, "A", "PCLI", "LY", "00", pop=6_700_000),
    _place(2210247, "Tripoli", 32.89, 13.19, "P", "PPLC", "LY", "09", pop=1_150_000),
    _place(4000007, "Al Waţīyah", 31.83, 46.9, "P", "PPL", "IQ", "16"),
    _place(4000008, "Yaka", 38.53, 40.76, "P", "PPL", "TR", "72", pop=2_600, alts=("Baraf",)),
    _place(1605651, "Thailand", 15.5, 101.0, "A", "PCLI", "TH", "00", pop=69_000_000),
    _place(1154689, "Mae Sot", 16.71, 98.57, "P", "PPL", "TH", "08", pop=45_000),
    _place(1308052, "Myawaddy", 16.69, 98.51, "P", "PPL", "MM", "13", pop=45_000),
]


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return GazetteerIndex(PLACES)


def test_a_surname_that_only_folds_to_a_place_abroad_is_no_place(index):
    text = ("Doctors in Ohio in the United States ruled out a donor. Rozen said he would wait. Kidney swaps are "
            "rare in the United States.")
    assert [name for name, _ in _found(text, index)] == ["Ohio", "United States", "United States"]


def test_a_spelling_variant_of_a_place_in_the_articles_country_stays(index):
    text = "Iran said on Monday that floods hit Rozen and the villages near it."
    assert ("Rozen", 4000001) in _found(text, index)


def test_a_name_does_not_run_across_a_comma(index):
    text = "After the visit of the president to the UAE, the two governments signed an agreement."
    assert _found(text, index) == [("UAE", 290557)]


def test_headline_words_in_capitals_are_no_places_but_country_abbreviations_are(index):
    text = "THIS is the first picture of the soldier. Officials in the US confirmed his death."
    assert _found(text, index) == [("US", 6252001)]


def test_a_division_abbreviation_counts_only_in_a_country_the_article_is_about(index):
    assert _found("Canada said BC would build a plant near Winnipeg.", index)[:2] == [("Canada", 6251999),
                                                                                   ("BC", 5909050)]
    assert ("BA", 109954) not in _found("The United Kingdom said BA flights to Manchester resume.", index)


def test_a_demonym_turns_a_namesake_toward_its_country(index):
    assert _found("The soldier was born in Manchester.", index) == [("Manchester", 4000004)]
    assert _found("The British soldier was born in Manchester.", index) == [("Manchester", 2643123)]


def test_a_city_spelled_exactly_keeps_its_name_from_a_namesake_that_only_folds_onto_it(index):
    """"Kherson" beside "Russian troops": the demonym's focus on Russia does not make it Karsun, whose names only
    fold onto it; a namesake not dwarfed by the city keeps its focus ("St. Petersburg" in a story on Russia)."""
    assert _found("Russian troops occupied Kherson in March.", index) == [("Kherson", 706448)]
    assert _found("Russian officials met in St. Petersburg.", index) == [("St. Petersburg", 5500001)]


def test_an_armed_movement_rooted_in_a_war_votes_for_its_countries(index):
    """"Isis took Palmyra": a story on IS is one on Syria and Iraq, and Palmyra is Tadmur there."""
    assert _found("The museum of Palmyra reopened.", index) == [("Palmyra", 5500003)]
    assert _found("In 2015 Isis took Palmyra.", index) == [("Palmyra", 170331)]
    assert _found("Islamic State fighters took Palmyra.", index) == [("Palmyra", 170331)]  # (its two words)


def test_the_country_record_and_a_province_cue_vote_for_the_province_only(index):
    cached = CachedIndex(index)
    doc = read_document("Syria said fighting raged in Idlib province on Monday.")
    context = article_context(doc, recognise(doc, cached), cached)
    assert ("SY", "00") not in context.admin1s
    assert context.admin1s.get(("SY", "08"), 0.0) > 0.0


def test_a_division_named_by_its_own_name_votes_for_itself(index):
    text = "The Allendale club in New Jersey gave an award. Allendale women helped others."
    assert _found(text, index)[0] == ("Allendale", 5095124)


def test_a_bare_name_the_article_calls_a_province_is_the_province(index):
    text = "Rebels hold Idlib province. Idlib has been a haven for them, and shelling near Idlib went on."
    assert _found(text, index) == [("Idlib", 169387), ("Idlib", 169387), ("Idlib", 169389)]


def test_every_name_of_an_unpunctuated_province_list_is_a_province(index):
    text = "Karima links the three provinces of Homs Idlib and Latakia."
    assert _found(text, index) == [("Homs", 169577), ("Idlib", 169387), ("Latakia", 173578)]


def test_an_ocean_goes_by_its_short_name(index):
    text = "Forecasters in the United States expect a busy hurricane season in the Atlantic this year."
    assert _found(text, index)[-1] == ("Atlantic", 910000001)


def test_the_place_called_so_beats_one_that_lists_the_name_among_its_alternates(index):
    assert _found("A winning ticket was sold at a gas station in Riverdale.", index) == [("Riverdale", 5103313)]


def test_a_fuzzy_match_needs_a_transliteration_not_an_english_word(index):
    assert _found("Syria said the army took the town of Qustul Maaf in Latakia province.", index)[1] == (
        "Qustul Maaf", 4000006)
    assert ("Mayor", 1701559) not in _found("Officials met in the town of Mayor on Friday.", index)


def test_a_given_name_before_a_place_noun_is_a_place(index):
    assert _found("A man attacked her car in Beverly Hills on Wednesday.", index) == [("Beverly Hills", 5328041)]


def test_a_fuzzy_match_outside_the_governorate_its_sentence_names_keeps_only_the_governorate(index):
    """Consonants alone ("qustul maaf" ~ Qasţal Ma‘āf, in Latakia) do not outweigh the sentence's own "in the
    homs countryside": the mention is a village the gazetteer lacks, placed in Homs, with the guess offered."""
    mentions = {m.text: m for m in parse(
        "syria said the army took the town of qustul maaf in the northern homs countryside .", index)}
    village = mentions["qustul maaf"]
    assert village.place is None and village.region.geonameid == 169577
    assert village.alternatives[0].geonameid == 4000006
    inside = {m.text: m for m in parse(
        "syria said the army took the town of qustul maaf in the northern latakia countryside .", index)}
    assert inside["qustul maaf"].place.geonameid == 4000006


NEAR_TIES = [
    _place(2210554, "Sirte", 31.2, 16.59, "P", "PPLA", "LY", "76", pop=106_000),
    _place(300822, "Siirt", 37.93, 41.94, "P", "PPLA", "TR", "74", pop=114_000, alts=("Sirte",)),
    _place(163808, "Tadmur", 34.56, 38.28, "P", "PPLA2", "SY", "11", pop=51_000, alts=("Palmyra",)),
    _place(4402381, "Palmyra", 39.79, -91.52, "P", "PPLA2", "US", "MO", pop=3_500),
]


def test_a_name_votes_for_its_own_bearer_among_namesakes_of_like_importance():
    """A name's vote must not carry a slightly bigger namesake that lists the name only as a variant past the place
    called so; a clearly bigger place keeps the vote, and the article's other names decide."""
    near = GazetteerIndex(NEAR_TIES)
    assert _found("The city of Sirte was retaken on Monday.", near) == [("Sirte", 2210554)]
    near = GazetteerIndex([*NEAR_TIES, _place(173361, "Al Qaryatayn", 34.23, 37.24, "P", "PPLA3", "SY", "11")])
    assert _found("Troops retook the cities of Palmyra and Al Qaryatayn.", near)[0] == ("Palmyra", 163808)


def test_a_one_word_organisation_blocks_only_its_own_spelling():
    """SANA (the news agency) folds like Sanaa, the capital of Yemen: the agency's name blocks "SANA", not Sanaa."""
    from app.geoparse.organisations import organisation_tokens

    assert organisation_tokens(read_document("Fighting continued in Sanaa on Monday.")) == set()
    assert organisation_tokens(read_document("SANA said the army took the town.")) == {0}


def test_a_many_word_organisation_spelled_as_a_place_and_not_as_itself_is_the_place():
    """Al Mayadeen, the Lebanese channel, folds like al-Mayadin, the town on the Euphrates: spelled as the town and not
    as the channel, the name is the town; spelled as the channel, the channel (as for "SANA" and Sanaa)."""
    index = GazetteerIndex([_place(4000009, "Al Mayādīn", 35.02, 40.45, "P", "PPLA2", "SY", "07", pop=44_000),
                            _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000)])
    assert _found("IS fighters fled to al-Mayadin in eastern Syria.", index)[0] == ("al-Mayadin", 4000009)
    assert _found("Clashes went on in Al Mayadin on Monday.", index) == [("Al Mayadin", 4000009)]
    assert _found("He told the Lebanese channel al-Mayadeen that the war was over.", index) == []


def test_a_one_word_group_name_after_the_arabic_article_is_a_town():
    """"Hazm" is a Syrian rebel group, "al-Hazm" the capital of Yemen's al-Jawf: groups are named without the article,
    unless their own first word comes before it ("Jaish al-Ahrar")."""
    from app.geoparse.organisations import organisation_tokens

    assert organisation_tokens(read_document("Houthi fighters captured al-Hazm on Sunday.")) == {0}  # (Houthi)
    assert organisation_tokens(read_document("Fighting went on in Al Hazm.")) == set()
    assert organisation_tokens(read_document("The Hazm movement was dissolved.")) == {1, 2}
    assert organisation_tokens(read_document("Jaish al-Ahrar fighters took the town.")) == {2}
    # a facility word after it names the facility ("Assad" is the Syrian state's forces in the registry)
    assert organisation_tokens(read_document("US troops are at Ain al-Assad air base.")) == set()
    assert organisation_tokens(read_document("Assad retook Aleppo in 2016.")) == {0}
    # nor is a name the text calls a settlement ("the city of Hazm"), unless it is no name ("of rebel-held Aleppo")
    assert organisation_tokens(read_document("The Houthis took over the city of Hazm in March 2020.")) == {1}
    assert 8 in organisation_tokens(read_document("The gas fell on the Zubdiya neighbourhood of rebel-held Aleppo."))


def test_a_names_own_vote_does_not_carry_its_namesakes():
    """"Afghan troops retook the town of Zarin": the demonym says Afghanistan; the name's own vote (for the bigger
    Iranian Zarin) must not add the article's focus to that namesake."""
    index = GazetteerIndex([
        _place(1149361, "Afghanistan", 33.0, 66.0, "A", "PCLI", "AF", "00", pop=37_000_000),
        _place(4100001, "Zarin", 31.0, 52.0, "P", "PPLA2", "IR", "07", pop=20_000),
        _place(4100002, "Zarin", 34.0, 65.0, "P", "PPL", "AF", "06"),
    ])
    assert _found("Afghan troops retook the town of Zarin on Monday.", index) == [("Zarin", 4100002)]


def test_a_word_the_text_calls_a_town_is_a_name_and_a_lone_name_has_no_focus_of_its_own():
    """"the western town of Man": a word never a place on its own is one when the text calls it a town; named
    alone, it is the place called so (Man, Côte d'Ivoire), not the bigger Amman its vote alone would favour."""
    index = GazetteerIndex([
        _place(2284647, "Man", 7.41, -7.55, "P", "PPLA", "CI", "78", pop=240_000),
        _place(250441, "Amman", 31.95, 35.93, "P", "PPLC", "JO", "16", pop=1_300_000, alts=("Man",)),
    ])
    assert _found("At least 150 people died in the western town of Man, which rebels seized.", index) == [
        ("Man", 2284647)]
    assert _found("The man said he saw them.", index) == []
    # lower-cased: the same, but never a function word ("the town of the same name")
    assert _found("at least 150 people died in the western town of man, which rebels seized.", index) == [
        ("man", 2284647)]
    assert _found("they fled to the town of the same name.", index) == []


def test_a_place_name_ending_in_an_organisation_head_is_a_place():
    """"Bank" heads organisation names ("World Bank"): a run the gazetteer knows whole ("the West Bank") is the
    place."""
    index = GazetteerIndex([
        _place(285153, "West Bank", 32.14, 35.26, "A", "ADM1", "PS", "WE"),
        _place(294640, "Israel", 31.5, 34.75, "A", "PCLI", "IL", "00", pop=8_000_000),
    ])
    assert _found("Israel captured the West Bank in 1967.", index) == [("Israel", 294640), ("West Bank", 285153)]
    assert _found("Israel asked the World Bank for a loan.", index) == [("Israel", 294640)]


def test_a_demonym_before_the_place_noun_names_the_country():
    """"the northern Iraqi town of Tal Afar": not the Syrian village of that name the article's focus favours."""
    index = GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(90393, "Tall ‘Afar", 36.38, 42.45, "P", "PPLA2", "IQ", "15", alts=("Tal Afar",)),
        _place(163737, "Tall ‘Afar", 37.09, 41.16, "P", "PPL", "SY", "01", alts=("Tal Afar",)),
    ])
    text = "Syria and Syria again: the battle for the northern Iraqi town of Tal Afar was won this month."
    assert _found(text, index)[-1] == ("Tal Afar", 90393)


def test_a_generic_before_a_name_is_part_of_it():
    """"the Jebel Moya area" in Sudan is no Spanish Moya; "Jabal al Rahmaliya" in a Syrian story is named after the
    Syrian village the gazetteer knows."""
    index = GazetteerIndex([
        _place(366755, "Sudan", 15.0, 30.0, "A", "PCLI", "SD", "00", pop=43_000_000),
        _place(367644, "Sennar", 13.55, 33.62, "P", "PPLA", "SD", "58", pop=130_000),
        _place(2513601, "Moya", 39.8, -1.4, "P", "PPL", "ES", "54", pop=300),
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(9080009, "Ar Raḩmalīyah", 35.9, 36.1, "P", "PPL", "SY", "02", alts=("Rahmaliya",)),
    ])
    found = _found("In Sudan, the army retook the Jebel Moya area south of Sennar.", index)
    assert ("Jebel Moya", None) in found and all(name != "Moya" for name, _ in found)
    found = _found("In Syria, the army took Jabal al Rahmaliya.", index)
    assert ("Jabal al Rahmaliya", 9080009) in found
    # lower-cased too, where the generic is no English word ("qasr", "jebel"; not "tell")
    found = _found("in sudan, the army retook the jebel moya area south of sennar.", index)
    assert ("jebel moya", None) in found and all(name != "moya" for name, _ in found)
    assert ("jabal al rahmaliya", 9080009) in _found("in syria, the army took jabal al rahmaliya.", index)
    assert ("moya", 2513601) in _found("the visitors tell moya the way to valencia.", index)


def test_a_generic_joined_to_a_name_is_no_place_of_its_own_inside_it():
    """"Khirbet al-Naqus": the generic that a Turkish village also bears as a name is part of the unknown name, so
    the mentions do not overlap and no Turkish village is taken."""
    index = GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(300001, "Başköy", 37.0, 40.0, "P", "PPL", "TR", "72", alts=("Khirbet",)),
        _place(300002, "Naqus", 33.0, 10.0, "P", "PPL", "TN", "01"),
    ])
    found = _found("Government forces took Khirbet al-Naqus from the rebels.", index)
    assert found == [("Khirbet al-Naqus", None)]


def test_the_article_begins_a_name_only_where_a_place_is_spelled_with_it():
    """"The UAE" at a sentence's start folds like Tahoua, a provincial seat in Niger: the article opens a place's
    name only as written ("The Hague", "The Valley"), so the abbreviation alone is the country."""
    index = GazetteerIndex([
        _place(290557, "United Arab Emirates", 24.0, 54.0, "A", "PCLI", "AE", "00", pop=9_600_000),
        _place(2439376, "Tahoua", 14.89, 5.27, "P", "PPLA", "NE", "06", pop=117_000, alts=("Ta Ua",)),
        _place(2960313, "The Valley", 18.22, -63.06, "P", "PPLC", "AI", "00", pop=2_000),
    ])
    assert _found("Officials met on Monday. The UAE leads the region in trade.", index) == [
        ("UAE", 290557)]
    assert ("The Valley", 2960313) in _found("Officials met on Monday. The Valley hosted the talks.", index)


def test_a_capitalised_settlement_noun_is_part_of_a_longer_name_not_a_cue():
    """"the district Hardatnin" calls the next word a settlement, "District Judge Liam McStay" and "MEXICO CITY (AP)"
    do not: a capitalised noun before a name belongs to a longer name ("Judge" only folds like Gudja in Malta)."""
    index = GazetteerIndex([
        _place(2563020, "Gudja", 35.85, 14.5, "P", "PPLA", "MT", "24", pop=3_000, alts=("Gudje",)),
        _place(163000, "Ḩardatnīn", 36.3, 37.1, "P", "PPL", "SY", "09", pop=2_000, alts=("Hardatnin",)),
        _place(2635167, "United Kingdom", 54.0, -2.0, "A", "PCLI", "GB", "00", pop=66_000_000),
    ])
    text = "In the United Kingdom he was remanded by District Judge Liam McStay on Monday."
    assert _found(text, index) == [("United Kingdom", 2635167)]
    assert ("Hardatnin", 163000) in _found("Rebels entered the district Hardatnin on Monday.", index)


def test_a_capitalised_word_after_a_name_is_a_place_only_by_its_very_name():
    """"Aston Villa": "Villa" only folds like Vila, Vanuatu's capital, so Aston runs on into a longer name; "Maiduguri
    Borno State" (a comma dropped): the next words are a state's very name; a famous place before a capitalised
    common word is still the place ("Syria Civil Defence")."""
    index = GazetteerIndex([
        _place(2656867, "Aston", 52.5, -1.88, "P", "PPLX", "GB", "ENG", pop=20_000),
        _place(2135171, "Port Vila", -17.73, 168.32, "P", "PPLC", "VU", "08", pop=35_000, alts=("Vila",)),
        _place(2331447, "Maiduguri", 11.85, 13.16, "P", "PPLA", "NG", "27", pop=1_100_000),
        _place(2346794, "Borno State", 11.5, 13.0, "A", "ADM1", "NG", "27"),
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
    ])
    assert _found("Fans of Aston Villa gathered outside the ground on Sunday.", index) == []
    text = "The president visited troops at their headquarters in Maiduguri Borno State on Sunday."
    assert ("Maiduguri", 2331447) in _found(text, index)
    assert ("Syria", 163843) in _found("Volunteers of the Syria Civil Defence pulled people out.", index)
    # a preposition of place before the name places it, whatever capitalised words follow
    windsor = GazetteerIndex([_place(2633843, "Windsor", 51.48, -0.61, "P", "PPL", "GB", "ENG", pop=32_000)])
    assert _found("The wedding takes place at Windsor Castle on Saturday.", windsor) == [("Windsor", 2633843)]


def test_a_lower_case_compass_word_is_part_of_a_name_a_place_bears_whole():
    """"eastern Ghouta" (the Guardian's spelling) is the region Eastern Ghouta, not the east of Ghouta; "east
    Jerusalem" is East Jerusalem; "eastern Aleppo" is a part of Aleppo, since no place is called so."""
    index = GazetteerIndex([
        _place(4200001, "Ghouta", 33.55, 36.35, "L", "RGN", "SY", "08"),
        _place(4200002, "Eastern Ghouta", 33.57, 36.4, "L", "RGN", "SY", "08"),
        _place(281184, "Jerusalem", 31.77, 35.22, "P", "PPLC", "IL", "06", pop=800_000),
        _place(4200003, "East Jerusalem", 31.78, 35.24, "P", "PPLX", "PS", "WE", pop=400_000),
        _place(170063, "Aleppo", 36.2, 37.16, "P", "PPLA", "SY", "09", pop=1_600_000),
    ])
    assert _found("Government forces recaptured eastern Ghouta in April.", index) == [("eastern Ghouta", 4200002)]
    assert _found("Israel captured east Jerusalem in 1967.", index) == [("east Jerusalem", 4200003)]
    assert _found("Government forces recaptured eastern Aleppo in December.", index) == [("Aleppo", 170063)]


def test_an_acronyms_plural_is_no_place():
    """"IEDs", "NGOs": capitals with a plural s are an acronym's plural ("IEDs" folds like Eads, Colorado)."""
    index = GazetteerIndex([_place(5420323, "Eads", 38.48, -102.78, "P", "PPLA2", "US", "CO", pop=600, alts=("Ids",))])
    assert _found("Seven soldiers died when IEDs planted by the militants went off.", index) == []
    assert _found("Seven soldiers died near Eads on Monday.", index) == [("Eads", 5420323)]


def test_an_english_word_like_the_arabic_article_is_no_part_of_a_name():
    """"as Assad fled": the English "as", written apart and in lower case, is not the assimilated article of
    "as-Suwayda" ("as Assad" was ‘Ein el Asad, Israel, which lists En al-Asad as a name)."""
    index = GazetteerIndex([
        _place(295290, "‘Ein el Asad", 32.94, 35.4, "P", "PPL", "IL", "00", pop=886, alts=("En al-Asad", "‘Ein Asad")),
        _place(170017, "Damascus", 33.51, 36.29, "P", "PPLC", "SY", "13", pop=1_600_000),
    ])
    assert _found("Rebels entered Damascus as Assad fled.", index) == [("Damascus", 170017)]


def test_the_houthis_are_a_yemeni_word():
    """"pushed Houthi rebels out of the port city of Mokha": a story on the Houthis is a story on Yemen (Mocha), not
    on Moca, the bigger Dominican town the name folds onto."""
    index = GazetteerIndex([
        _place(78751, "Mocha", 13.32, 43.25, "P", "PPL", "YE", "11", pop=16_794, alts=("Mokha", "Al Mukha")),
        _place(3496331, "Moca", 19.39, -70.52, "P", "PPLA", "DO", "09", pop=61_834),
        _place(71137, "Sanaa", 15.35, 44.21, "P", "PPLC", "YE", "26", pop=1_937_451),
        _place(3691175, "Saña", -6.92, -79.58, "P", "PPL", "PE", "14", pop=3_000),
    ])
    text = ("Government forces have pushed Houthi rebels out of the port city of Mokha, officials said. The Houthis, "
            "who stormed Sanaa in 2014, still hold the capital.")
    assert _found(text, index) == [("Mokha", 78751), ("Sanaa", 71137)]


def test_a_name_that_only_folds_onto_a_place_abroad_is_none_of_it_in_an_article_about_elsewhere():
    """The index's folds are for names written from Arabic: in a story on Syria, "Najarah" is the Syrian Najjārah,
    not the bigger Negara in Indonesia that folds alike, and "Mistrata", whose only namesake is Mistretta in Sicily,
    is a village the gazetteer lacks (unresolved, not a point in Italy). A place abroad written as one of its own
    names stays ("Quebec City" is Québec), as does a fold in a country the article is about."""
    index = GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(170063, "Aleppo", 36.2, 37.16, "P", "PPLA", "SY", "09", pop=1_600_000),
        _place(170654, "Douma", 33.57, 36.4, "P", "PPLA2", "SY", "08", pop=110_000),
        _place(4200001, "Negara", -8.36, 114.62, "P", "PPLA2", "ID", "02", pop=30_000),
        _place(4200002, "Najjārah", 36.3, 37.5, "P", "PPL", "SY", "09"),
        _place(4200003, "Mistretta", 37.93, 14.36, "P", "PPLA3", "IT", "15", pop=5_000),
        _place(6325494, "Québec", 46.81, -71.21, "P", "PPLA", "CA", "10", pop=530_000),
        _place(3175395, "Italy", 42.8, 12.8, "A", "PCLI", "IT", "00", pop=60_000_000),
    ])
    text = "Syrian troops stormed Najarah in eastern Aleppo. Rebels seized the village of Mistrata near Douma."
    assert _found(text, index) == [("Najarah", 4200002), ("Aleppo", 170063), ("Mistrata", None), ("Douma", 170654)]
    assert [gid for _, gid in _found("Syrian refugees from Aleppo settled in Quebec City.", index)] == [170063, 6325494]
    from app.geoparse.resolve import ArticleContext, _folded_stranger

    on_syria = ArticleContext(countries={"SY": 1.0}, admin1s={})
    quebec = _place(6325494, "Québec", 46.81, -71.21, "P", "PPLA", "CA", "10", pop=530_000)
    assert not _folded_stranger(quebec, "quebec city", "kuabak kity", on_syria)  # (the name the text runs on)
    assert _folded_stranger(_place(4200003, "Mistretta", 37.93, 14.36, "P", "PPLA3", "IT", "15"), "mistrata",
                            "mistrata", on_syria)
    assert ("Mistrata", 4200003) in _found("Italy said the festival in Mistrata drew crowds.", index)


def test_a_village_abroad_is_not_the_place_a_firmly_focused_story_names(index):
    """The gazetteer holds few villages outside the Middle East: in a story on Somalia "the town of El Baraf" is the
    Somali town it lacks, not a Turkish village called Baraf too, and in one on Libya "Al-Watiya" no Iraqi village;
    the mention stays, unplaced. A town of some size abroad may be meant ("Myawaddy" beside a Thai town)."""
    somalia = "Al-Shabaab overran a base in the town of El Baraf in central Somalia, officials in Somalia said."
    assert ("El Baraf", None) in _found(somalia, index)
    libya = "Forces loyal to Tripoli captured the Al-Watiya air base in western Libya."
    assert [(name, gid) for name, gid in _found(libya, index) if "Watiya" in name] == [("Al-Watiya", None)]
    assert ("Myawaddy", 1308052) in _found("The explosion in Myawaddy, opposite the Thai town of Mae Sot.", index)


def test_a_determiner_opening_a_sentence_makes_no_surname_of_the_name_after_it():
    """"Another Afrin local said ...": the capitalised determiner is no given name, so Afrin stays a place throughout
    the article (a surname is a person everywhere)."""
    index = GazetteerIndex([
        _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", pop=22_000_000),
        _place(174186, "Afrin", 36.5, 36.87, "P", "PPLA2", "SY", "09", pop=36_000),
    ])
    text = "Turkish troops hold Afrin in northern Syria. Another Afrin local, Shiyar Khalil, said it was over."
    assert [name for name, gid in _found(text, index) if gid == 174186] == ["Afrin", "Afrin"]


def test_a_given_name_made_an_adjective_opens_no_persons_name():
    """"a post-Saddam Iraq": the given name, hyphened to a prefix, makes an adjective; the country after it is no
    surname."""
    index = GazetteerIndex([
        _place(99237, "Iraq", 33.0, 44.0, "A", "PCLI", "IQ", "00", pop=40_000_000),
        _place(91814, "Saddam", 33.2, 44.1, "P", "PPL", "IQ", "07", pop=900),
    ])
    text = "Talabani returned to Iraq in 2003. He became the president of a post-Saddam Iraq in 2005."
    assert _found(text, index) == [("Iraq", 99237), ("Iraq", 99237)]
