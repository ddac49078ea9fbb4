"""Recognition and resolution on a small hand-made gazetteer (no database, no shipped data)."""

from __future__ import annotations

import pytest

from app.gazetteer.index import GazetteerIndex
from app.geoparse import parse
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", pop=22_000_000, alts=("Syrian Arab Republic",)),
    _place(99237, "Iraq", 33.0, 44.0, "A", "PCLI", "IQ", pop=38_000_000),
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
    _place(298795, "Turkey", 39.0, 35.0, "A", "PCLI", "TR", pop=82_000_000),
    _place(170015, "Hama", 35.2, 37.2, "A", "ADM1", "SY", "10", alts=("Hama Governorate", "Hamah")),
    _place(170017, "Hama", 35.13, 36.75, "P", "PPLA", "SY", "10", pop=460_000, alts=("Hamah",)),
    _place(169387, "Idlib", 35.8, 36.6, "A", "ADM1", "SY", "07", alts=("Idlib Governorate",)),
    _place(169389, "Idlib", 35.93, 36.63, "P", "PPLA", "SY", "07", pop=165_000),
    _place(170654, "Damascus", 33.51, 36.29, "P", "PPLC", "SY", "13", pop=1_570_000),
    _place(170653, "Dimashq", 33.5, 36.3, "A", "ADM1", "SY", "13", alts=("Damascus Governorate",)),
    _place(250441, "Amman", 31.95, 35.93, "P", "PPLC", "JO", "16", pop=1_275_000),
    _place(165596, "Ruhjān", 35.5, 37.3, "P", "PPL", "SY", "10", alts=("Ruhjan",)),
    _place(162824, "Umm Turaykīyah", 35.4, 37.3, "P", "PPL", "SY", "10", alts=("Umm Turaykiyah",)),
    _place(900000001, "Abu ad Duhur Air Base", 35.73, 37.10, "S", "AIRB", "SY", "07"),
    _place(173000, "Abu ad Duhur", 35.74, 37.05, "P", "PPL", "SY", "07", pop=20_000),
    _place(4140963, "Washington", 38.9, -77.04, "P", "PPLC", "US", "DC", pop=690_000),
    _place(2988507, "Paris", 48.85, 2.35, "P", "PPLC", "FR", "11", pop=2_100_000),
    _place(3000001, "Hope", 49.38, -121.44, "P", "PPL", "CA", "02", pop=6_000),
    _place(3000002, "Sham", 36.0, 37.0, "P", "PPL", "SY", "09"),
    _place(3000003, "Bolton", 53.58, -2.43, "P", "PPLA2", "GB", "ENG", pop=140_000),
]


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return GazetteerIndex(PLACES)


def test_offsets_index_the_submitted_text(index):
    text = "Shelling hit Hama and Idlib on Sunday, Syria’s army said."
    for mention in parse(text, index):
        assert text[mention.start : mention.end] == mention.text


def test_recognition_ignores_case_and_every_occurrence_counts(index):
    text = "rebels in eastern hama province said the army shelled hama province again ."
    mentions = parse(text, index)
    assert [m.text for m in mentions] == ["hama", "hama"]
    assert mentions[0].start != mentions[1].start


def test_demonyms_and_organisations_are_not_mentions(index):
    text = ("The Syrian army fought the Free Syrian Army and Hayat Tahrir al-Sham, the Syrian Observatory for "
            "Human Rights said, as the Islamic State of Iraq and the Levant lost ground to Euphrates Shield.")
    assert _found(text, index) == []


def test_common_words_need_context(index):
    assert _found("There is little hope that the talks succeed.", index) == []
    assert _found("there is little hope that the talks succeed .", index) == []


def test_country_abbreviations_but_not_pronouns(index):
    found = _found("The US said it would help us. Turkey agreed.", index)
    assert ("US", 6252001) in found and ("Turkey", 298795) in found
    assert all(text != "us" for text, _ in found)


def test_person_names_are_not_places_in_cased_text(index):
    text = "Turkey criticised John Bolton on Monday. Bolton replied from Washington."
    found = _found(text, index)
    assert all(text != "Bolton" for text, _ in found)
    assert ("Washington", 4140963) in found


def test_dateline_is_flagged(index):
    mentions = parse("AMMAN (Reuters) - Syrian forces shelled Idlib province.", index)
    assert mentions[0].text == "AMMAN" and mentions[0].is_dateline and mentions[0].place.geonameid == 250441
    assert not mentions[1].is_dateline
    lowered = parse("amman ( reuters ) - syrian forces shelled idlib province .", index)
    assert lowered[0].is_dateline


def test_listed_unknown_villages_are_mentions_with_a_region(index):
    text = ("They hit villages in the northeastern hama countryside .\nthe army said the villages of um turayka , "
            "bilil , and rujum al ahmar were seized .")
    mentions = {m.text: m for m in parse(text, index)}
    assert {"um turayka", "bilil", "rujum al ahmar"} <= set(mentions)
    assert mentions["bilil"].place is None and mentions["rujum al ahmar"].place is None
    assert mentions["bilil"].region is not None and mentions["bilil"].region.country_code == "SY"
    assert mentions["um turayka"].place.geonameid == 162824
    assert mentions["um turayka"].resolved_by == "fuzzy_skeleton" and mentions["um turayka"].confidence < 0.7


def test_town_of_resolves_a_variant_spelling(index):
    mentions = parse("fighting in the hama countryside , near the town of rihjan .", index)
    rihjan = next(m for m in mentions if m.text == "rihjan")
    assert rihjan.place.geonameid == 165596


def test_cue_words_choose_the_kind_of_place(index):
    by_text = {}
    for m in parse("Rebels hold Idlib province. Idlib city was quiet. Jets bombed Hama countryside.", index):
        by_text.setdefault(m.text, []).append(m)
    assert by_text["Idlib"][0].place.feature_code == "ADM1" and by_text["Idlib"][0].resolved_by == "cue"
    assert by_text["Idlib"][1].place.feature_code == "PPLA"
    assert by_text["Hama"][0].place.feature_code == "ADM1"


def test_airport_cue_picks_the_airbase(index):
    mentions = parse("the army aims to retake abu al dhour military airport .", index)
    airport = next(m for m in mentions if m.text == "abu al dhour")
    assert airport.place.feature_code == "AIRB"


def test_bare_name_prefers_the_city_and_countries_resolve_to_countries(index):
    found = dict(_found("Fighting near Hama spread to Syria and Iraq.", index))
    assert found == {"Hama": 170017, "Syria": 163843, "Iraq": 99237}


def test_alternatives_are_runner_ups(index):
    hama = parse("Clashes in Hama.", index)[0]
    assert hama.place.geonameid == 170017
    assert [p.geonameid for p in hama.alternatives] == [170015]
    assert 0.0 <= hama.confidence <= 1.0


def test_any_unicode_parses(index):
    for text in ["", " ", "🔥🔥", "\u0000\u202e", "<b>حلب</b>", "a" * 5000]:
        for mention in parse(text, index):
            assert text[mention.start : mention.end] == mention.text



def test_a_hyphenated_armed_group_is_never_a_place() -> None:
    # The registry's names block places as the document's tokens are split: "al-shabaab" folds to two keys, and a
    # village called Shabab (Iran has one) must not be read in "Al-Shabaab fighters".
    shabab = GazetteerIndex([*PLACES, _place(3000004, "Shabab", 35.0, 50.0, "P", "PPL", "IR", "01")])
    text = "Al-Shabaab fighters took control of Baidoa, and Hama was shelled."
    assert "Al-Shabaab" not in [m.text for m in parse(text, shabab)]


def test_a_cased_name_does_not_end_in_a_lower_case_word() -> None:
    # "surrendered Deraa to government forces": "Deraa to" folds like Iraq's "Dare Tû", but a name in cased text
    # does not end in a lower-case word (it may hold one: "Bosnia and Herzegovina")
    index = GazetteerIndex([
        _place(170794, "Deraa", 32.62, 36.10, "P", "PPLA", "SY", "12", pop=100_000),
        _place(446185, "Dare Tû", 36.9, 43.8, "P", "PPL", "IQ", "11", alts=("Dara Tu", "Deraa to")),
        _place(3277605, "Bosnia and Herzegovina", 44.0, 18.0, "A", "PCLI", "BA", pop=3_500_000),
    ])
    text = "Under the deal, the rebels surrendered Deraa to government forces. Bosnia and Herzegovina objected."
    assert [m.text for m in parse(text, index)] == ["Deraa", "Bosnia and Herzegovina"]
    # lower-cased, a name does not end in a function word either
    assert [m.text for m in parse(text.lower(), index)] == ["deraa", "bosnia and herzegovina"]


def test_a_cased_name_ends_in_no_common_word_but_a_generic_one() -> None:
    index = GazetteerIndex([
        _place(3841490, "Profesor Salvador Mazza", -22.05, -63.69, "P", "PPL", "AR", alts=("Salvador made",)),
        _place(3585968, "El Salvador", 13.8, -88.9, "A", "PCLI", "SV", pop=6_400_000),
        _place(415189, "Aden", 12.78, 45.04, "P", "PPLA", "YE", pop=550_000),
        _place(900000002, "Aden airport", 12.83, 45.03, "S", "AIRP", "YE"),
    ])
    text = "The rifles were El Salvador made. Coalition forces captured Aden airport."
    assert [m.text for m in parse(text, index)] == ["El Salvador", "Aden airport"]


def test_the_object_of_a_verb_only_places_take_is_a_place_whatever_word_it_spells() -> None:
    # "retook Hit": a short English word after "retook", "recaptured", "liberated" is the town; after another verb
    # it is the word ("the strike hit Ramadi")
    index = GazetteerIndex([
        _place(99071, "Hit", 33.64, 42.83, "P", "PPL", "IQ", "01", pop=60_000, alts=("Hīt",)),
        _place(99072, "Ramadi", 33.42, 43.30, "P", "PPLA", "IQ", "01", pop=275_000),
    ])
    assert [m.text for m in parse("Iraqi forces, aided by coalition air strikes, retook Hit from Isis.", index)] == [
        "Hit"]
    assert [m.text for m in parse("An air strike that Hit Ramadi killed ten people.", index)] == ["Ramadi"]


def test_a_later_name_of_the_list_such_a_verb_takes_is_a_place_too() -> None:
    # "retook Timbuktu and Gao", "recaptured Ramadi, Haditha and Hit": the verb takes every name of its list; a short
    # name elsewhere in a list ("visited Timbuktu and Gao") is still rarely a place
    index = GazetteerIndex([
        _place(99071, "Hit", 33.64, 42.83, "P", "PPL", "IQ", "01", pop=60_000, alts=("Hīt",)),
        _place(99072, "Ramadi", 33.42, 43.30, "P", "PPLA", "IQ", "01", pop=275_000),
        _place(99073, "Haditha", 34.14, 42.38, "P", "PPLA2", "IQ", "01", pop=50_000),
        _place(2457163, "Gao", 16.27, -0.04, "P", "PPLA", "ML", "03", pop=133_000),
        _place(2449067, "Timbuktu", 16.77, -3.01, "P", "PPLA", "ML", "06", pop=54_000),
    ])
    assert [m.text for m in parse("French and Malian troops retook Timbuktu and Gao within days.", index)] == [
        "Timbuktu", "Gao"]
    assert [m.text for m in parse("Iraqi forces recaptured Ramadi, Haditha and Hit last year.", index)] == [
        "Ramadi", "Haditha", "Hit"]
    assert [m.text for m in parse("The minister visited Timbuktu and Gao.", index)] == ["Timbuktu"]


@pytest.mark.parametrize(("group", "country"), [("Boko Haram", "NG"), ("M23", "CD"), ("Hamas", "PS"), ("RSF", "SD"),
                                               ("GNA", "LY"), ("JNIM", "ML"), ("Ahrar al-Sham", "SY"),
                                               ("Hayat Tahrir al-Sham", "SY"), ("Tiger Forces", "SY")])
def test_an_armed_movement_of_one_country_places_a_short_text(group: str, country: str) -> None:
    # a story on the movement is a story on its country: the namesake there wins over a bigger one elsewhere
    index = GazetteerIndex([
        _place(3000101, "Kanda", 12.0, 13.0, "P", "PPL", country, "01", pop=5_000),
        _place(3000102, "Kanda", 30.0, 70.0, "P", "PPLA2", "PK", "02", pop=60_000),
    ])
    [mention] = parse(f"{group} fighters seized Kanda on Monday.", index)
    assert mention.place is not None and mention.place.country_code == country


def test_a_peoples_word_before_a_lower_case_generic_describes_a_place_it_does_not_name() -> None:
    # "capture of Ukrainian village near Pokrovsk" (a headline): no Chicago neighbourhood called Ukrainian Village
    index = GazetteerIndex([
        _place(4915545, "Ukrainian Village", 41.9, -87.68, "P", "PPL", "US", "IL", pop=0),
        _place(7670850, "Pokrovsk", 48.28, 37.18, "P", "PPLA2", "UA", "05", pop=60_000),
    ])
    assert [m.text for m in parse("Russia claims capture of Ukrainian village near Pokrovsk", index)] == ["Pokrovsk"]
    assert [m.text for m in parse("He lives in Ukrainian Village.", index)] == ["Ukrainian Village"]
