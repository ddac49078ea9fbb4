"""Lowercased text read by its structure (issue 13, item 6): abbreviations with full stops, "us" as a noun
modifier, countries' names made of English words, surnames after a given name. Sentences written for the tests."""

from __future__ import annotations

from app.gazetteer.index import GazetteerIndex
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

PLACES = [
    _place(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", pop=22_000_000),
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000,
           alts=("US", "U.S.", "USA", "America")),
    _place(2542007, "Morocco", 32.0, -6.0, "A", "PCLI", "MA", pop=36_000_000),
    _place(298795, "Turkey", 39.0, 35.0, "A", "PCLI", "TR", pop=82_000_000),
    _place(910000001, "Middle East", 29.0, 42.0, "L", "RGN", ""),
    _place(172955, "Ar Raqqah", 35.95, 39.01, "P", "PPLA", "SY", "04", pop=220_000, alts=("Raqqa",)),
    _place(2655237, "Bolton", 53.58, -2.43, "P", "PPLA2", "GB", "ENG", pop=139_000),
    _place(385470, "Rahman", 34.0, 37.0, "P", "PPL", "SY", "04", pop=500),
    _place(3190159, "Srebrenica", 44.11, 19.3, "P", "PPLA2", "BA", "02", pop=2_000),
    _place(2750405, "Netherlands", 52.25, 5.75, "A", "PCLI", "NL", pop=17_000_000),
    _place(3175395, "Italy", 42.5, 12.69, "A", "PCLI", "IT", pop=60_000_000),
    _place(1816670, "Beijing", 39.91, 116.4, "P", "PPLC", "CN", "22", pop=18_960_744),
    _place(2635167, "United Kingdom", 54.31, -1.91, "A", "PCLI", "GB", pop=66_000_000),
    _place(3000040, "Kettering", 52.4, -0.73, "P", "PPL", "GB", "ENG", pop=4_000),
    _place(3000041, "Current", 37.0, -91.0, "P", "PPL", "US", "MO", pop=600),
    _place(2324433, "Rivers State", 5.04, 6.83, "A", "ADM1", "NG", "50", alts=("Rivers",)),
]
INDEX = GazetteerIndex(PLACES)
US = 6252001


def _ids(text: str) -> list[tuple[str, int | None]]:
    return _found(text, INDEX)


def test_us_as_a_noun_modifier_is_the_country_and_as_an_object_pronoun_is_not():
    text = "the us said that us forces and us-backed fighters entered raqqa. he told us that it was over."
    assert [t for t, gid in _ids(text) if gid == US] == ["us", "us", "us"]
    assert _ids("let us hope, they said to us.") == []


def test_us_before_a_head_noun_the_article_puts_after_a_demonym():
    text = "russian negotiators met in syria. us negotiators stayed away."
    assert ("us", US) in _ids(text)
    assert ("us", US) not in _ids("they asked us questions about syria.")


def test_an_abbreviation_with_full_stops_is_the_country():
    assert ("u.s", US) in _ids("the u.s. embassy in syria")


def test_a_country_named_by_english_words_unless_a_determiner_makes_it_a_noun():
    found = _ids("officials from the united states and morocco discussed the middle east.")
    assert ("united states", US) in found and ("morocco", 2542007) in found and ("middle east", 910000001) in found
    assert ("morocco", 2542007) not in _ids("a book bound in a morocco cover, printed in syria.")
    # ("that" opening a clause is no determiner: the name is its subject)
    assert ("morocco", 2542007) in _ids("recalling that morocco was the first country to recognise syria.")
    assert ("morocco", 2542007) not in _ids("that morocco cover was printed in syria.")


def test_a_surname_after_a_given_name_is_a_person_throughout_the_article():
    text = "rami abdel rahman said in syria. abdel rahman added that john bolton met officials. bolton said no."
    assert _ids(text) == [("syria", 163843)]
    cased = "Rami Abdel Rahman said in Syria. John Bolton met officials. Bolton said no."
    assert _ids(cased) == [("Syria", 163843)]


def test_the_article_particle_is_no_given_name():
    assert ("al rai", None) not in _ids("forces moved on al rai in syria.")


def test_a_lowercased_word_that_only_folds_onto_a_foreign_place_is_none():
    index = GazetteerIndex([*PLACES, _place(5194912, "Ingram", 40.45, -80.07, "P", "PPL", "US", "PA", pop=3_000),
                            _place(5521972, "Gail", 32.77, -101.45, "P", "PPLA2", "US", "TX", pop=230)])
    text = "laura ingraham spoke in the united states. ingraham apologised, and gail left."
    assert [t for t, _ in _found(text, index)] == ["united states"]
    assert ("ingram", 5194912) in _found("the shop in ingram, in the united states, closed.", index)


def test_several_common_words_that_are_a_famous_name_are_the_place_unless_part_of_something_or_a_direction():
    index = GazetteerIndex([*PLACES, _place(6254930, "West Bank", 32.0, 35.25, "A", "ADM1", "PS", "WE"),
                            _place(933210, "North-East", -21.0, 27.5, "A", "ADM1", "BW", "08")])
    found = _found("israel captured the west bank in the 1967 war, said officials in syria.", index)
    assert ("west bank", 6254930) in found
    assert ("west bank", 6254930) not in _found("troops crossed to the west bank of the river in syria.", index)
    assert ("north-east", 933210) not in _found("fighting spread to the north-east of syria.", index)


def test_a_name_is_not_vouched_for_by_its_own_votes() -> None:
    """"surjah", a Syrian village the gazetteer lacks, folds onto a Ukrainian village: its own two mentions must not
    make the Syria story about Ukraine; in a Ukraine story it stays, and a name with the Arabic article may be a
    variant spelling of a Syrian town."""
    index = GazetteerIndex([
        *PLACES,
        _place(690001, "Surjah", 48.5, 35.0, "P", "PPL", "UA", pop=5_000),
        _place(690791, "Ukraine", 49.0, 32.0, "A", "PCLI", "UA", pop=44_000_000),
        _place(172059, "Az Zabadani", 33.72, 36.1, "P", "PPLA2", "SY", pop=26_000),
        _place(3000001, "Zobdani", 52.0, 19.0, "P", "PPL", "PL", pop=200),
    ])
    syria = "syrian forces captured surjah near raqqa in syria, and surjah was quiet on monday."
    assert [t for t, _ in _found(syria, index)] == ["raqqa", "syria"]
    assert ("surjah", 690001) in _found("ukrainian forces took surjah in ukraine; surjah was quiet.", index)
    zobdani = _found("syrian forces entered al-zobdani near raqqa in syria; al-zobdani was quiet.", index)
    assert any(t.endswith("zobdani") for t, _ in zobdani)


def test_a_word_describing_a_town_before_city_is_no_name() -> None:
    """"the latter city was liberated": "latter" folds like Latehar (India) and "city" would vouch for it; a word
    that describes or points to a town is none, while a name before "city" stays one."""
    index = GazetteerIndex([*PLACES, _place(1264976, "Latehar", 23.74, 84.5, "P", "PPLA2", "IN", pop=25_000)])
    assert _found("the latter city was liberated by syrian troops in march.", index) == []
    assert ("raqqa", 172955) in _found("the raqqa city council met in syria.", index)


def test_an_english_word_before_town_in_lower_case_describes_the_town() -> None:
    """"tabqa is a key dam town": lower-cased, no capital tells a name before "town" from a word describing it, and an
    English word ("dam", "oil") there describes it (Dome in Ghana, once called Dam, is not meant)."""
    index = GazetteerIndex([*PLACES, _place(2303611, "Dome", 5.65, -0.24, "P", "PPL", "GH", pop=48_000, alts=("Dam",))])
    assert _found("in syria, it is a key dam town in the north.", index) == [("syria", 163843)]
    assert ("raqqa", 172955) in _found("the army entered raqqa town in syria.", index)


def test_a_given_name_whose_namesakes_lie_outside_the_story_is_a_person_in_a_story_on_syria() -> None:
    """Villages in Syria bear given names, so a story on Syria keeps names it would drop elsewhere; but "Ricardo",
    whose namesakes all lie in countries the story is not about, is the hostage freed, not a town in Texas."""
    index = GazetteerIndex([*PLACES, _place(4723000, "Ricardo", 27.6, -97.9, "P", "PPL", "US", "TX", pop=1_000)])
    text = "Islamic State held him in Raqqa, Syria. Ricardo was freed in 2014 after eight months, officials said."
    assert [t for t, _ in _found(text, index)] == ["Raqqa", "Syria"]


def test_a_given_name_abroad_in_a_lower_cased_story_on_syria_is_a_person() -> None:
    """The same in a lower-cased copy that also names the US: the story's votes for the US do not make a small
    Texan town of a given name a place in a story on Syria."""
    index = GazetteerIndex([*PLACES, _place(4723000, "Ricardo", 27.6, -97.9, "P", "PPL", "US", "TX", pop=1_000)])
    text = ("islamic state held him in raqqa, syria. the us said it would try his captors. "
            "ricardo was freed in 2014 after eight months, us officials said.")
    assert "ricardo" not in [t for t, _ in _found(text, index)]
    assert ("raqqa", 172955) in _found(text, index)


def test_a_british_spelling_of_an_english_word_is_no_name_in_lower_case():
    # wire copy writes "metres" and "defence": a Syrian village the word folds onto needs a cue, as "meters" does
    index = GazetteerIndex([*PLACES, _place(165000, "Mitras", 35.1, 36.7, "P", "PPL", "SY", "11", pop=900,
                                            alts=("Metres",))])
    text = "the blast in raqqa was just metres from the defence headquarters."
    assert [name for name, _ in _found(text, index)] == ["raqqa"]


def test_an_english_word_describing_a_division_is_no_name_of_it():
    # lower-cased, nothing but the words around tells "a key district" or "the oil-rich province" (Rich, Morocco; Kī
    # Jawr) from "hit district"; an indefinite article, or a compound of English words, says the word describes
    index = GazetteerIndex([
        *PLACES,
        _place(2538059, "Rich", 32.26, -4.5, "P", "PPL", "MA", pop=20_000),
        _place(2456000, "Key", 37.27, 44.1, "P", "PPL", "IQ", pop=600),
        _place(99070, "Hit", 33.64, 42.83, "P", "PPLA2", "IQ", pop=50_000),
    ])
    text = "in syria, rebels seized a key district in the oil-rich province. the army held hit district."
    found = _found(text, index)
    assert ("rich", 2538059) not in found and not any(t == "key" for t, _ in found)
    assert any(t.startswith("hit") for t, _ in found)


def test_a_name_a_place_noun_introduced_or_war_took_is_that_place():
    # lower-cased, "avdeevka" (the Russian spelling) reaches Avdiyivka only through the spelling folds, which alone
    # place nothing; but the article said "the town of avdeevka" first
    index = GazetteerIndex([
        *PLACES,
        _place(712165, "Avdiyivka", 48.14, 37.75, "P", "PPL", "UA", pop=31_000),
        _place(690791, "Ukraine", 49.0, 32.0, "A", "PCLI", "UA", pop=44_000_000),
        _place(707292, "Izyum", 49.21, 37.28, "P", "PPLA2", "UA", pop=45_000, alts=("Izium",)),
        _place(704422, "Kupyansk", 49.71, 37.62, "P", "PPLA2", "UA", pop=27_000, alts=("Kupiansk",)),
    ])
    text = "ukraine withdrew from the town of avdeevka. the fall of avdeevka comes as ukraine struggles."
    assert [t for t, gid in _found(text, index) if gid == 712165] == ["avdeevka", "avdeevka"]
    assert ("avdeevka", 712165) not in _found("the mood of avdeevka worries ukraine.", index)
    # nor do war's verbs and nouns take a word that only folds onto a town: "captured avdeevka", "the fall of avdeevka"
    for text in ("russian forces captured avdeevka in ukraine.", "the fall of avdeevka comes as ukraine struggles.",
                 "ukraine said its troops withdrew from avdeevka.", "russia said it took over avdeevka in ukraine.",
                 "after capturing avdeevka, russian forces pushed west in ukraine.",
                 # (and the names listed after one they take)
                 "russian forces captured izium and avdeevka in ukraine.",
                 "russian forces captured izium, kupiansk and avdeevka in ukraine."):
        assert ("avdeevka", 712165) in _found(text, index), text
    # "avdiivka" is no fold: it is Avdiyivka in Ukraine's own romanisation, as news writes it since 2022
    assert ("avdiivka", 712165) in _found("the mood of avdiivka worries ukraine.", index)


def test_a_name_after_capital_is_the_city_not_its_province():
    # "the Ukrainian capital Kiev" says the city in cased text by the capital; lower-cased, "capital" still does
    index = GazetteerIndex([
        *PLACES,
        _place(703448, "Kyiv", 50.45, 30.52, "P", "PPLC", "UA", "12", pop=2_900_000, alts=("Kiev",)),
        _place(703446, "Kiev", 50.33, 31.46, "A", "ADM1", "UA", "13"),
        _place(625144, "Minsk", 53.9, 27.57, "P", "PPLC", "BY", pop=1_900_000),
    ])
    found = _found("troops took the belarusian capital minsk and the ukrainian capital kiev.", index)
    assert ("kiev", 703448) in found


def test_a_lone_word_that_speaks_after_what_could_open_a_name_is_a_person_throughout_the_article():
    index = GazetteerIndex([*PLACES, _place(99032, "Al Muthanna Governorate", 30.0, 45.3, "A", "ADM1", "IQ", "20",
                                            alts=("Muthana",)),
                            _place(174186, "Afrin", 36.5, 36.87, "P", "PPLA2", "SY", "09", pop=36_000)])
    text = "it is six weeks since muthana surrendered in syria. “i regret it,” muthana said. she was held in afrin."
    assert _found(text, index) == [("syria", 163843), ("afrin", 174186)]
    # (after an English word a place may speak for its authorities: "the authority governing afrin said")
    text = "the autonomous authority governing afrin said in a statement that syria had failed it."
    assert ("afrin", 174186) in _found(text, index)


def test_arabic_given_names_of_the_wars_public_figures_open_a_persons_name():
    index = GazetteerIndex([*PLACES, _place(99100, "Saddam", 33.0, 44.0, "P", "PPL", "IQ", "07", pop=900),
                            _place(99407, "Iraq", 33.0, 44.0, "A", "PCLI", "IQ", "00", pop=40_000_000)])
    assert _found("u.s. forces captured saddam hussein's top aide in iraq.", index) == [
        ("u.s", US), ("iraq", 99407)]
    assert _found("U.S. forces captured Saddam Hussein's top aide in Iraq.", index) == [("U.S", US), ("Iraq", 99407)]


def test_a_movement_the_text_names_says_which_namesake_is_meant() -> None:
    """"isis seized palmyra": as in cased text, the movement points to Syria's Palmyra, not to the US towns called so
    by their own name (a lower-cased movement does not make a word a place, only chooses among a place's
    namesakes)."""
    index = GazetteerIndex([*PLACES,
                            _place(170183, "Tadmur", 34.56, 38.28, "P", "PPLA2", "SY", "03", pop=51_000,
                                   alts=("Palmyra",)),
                            _place(4560001, "Palmyra", 40.31, -76.59, "P", "PPLA2", "US", "PA", pop=7_000)])
    assert _found("isis seized palmyra.", index) == [("palmyra", 170183)]
    assert _found("Isis seized Palmyra.", index) == [("Palmyra", 170183)]


def test_an_english_word_before_a_number_is_a_quantity_not_a_place_lower_cased() -> None:
    """"manbij, a mostly arab town of about 100,000 people": "town of" calls what follows a name, but lower-cased an
    English word before a number ("about 100,000", "some 30km") is a quantity (there is a place called About)."""
    index = GazetteerIndex([*PLACES, _place(11, "About", 10.0, 10.0, "P", "PPL", "XX", pop=300),
                            _place(12, "Some", 11.0, 11.0, "P", "PPL", "XX", pop=300)])
    text = "raqqa, a town of about 100,000 people some 30km east of the river, was captured."
    assert [t for t, _ in _found(text, index)] == ["raqqa"]


def test_a_word_a_locative_places_is_the_town_whatever_country_the_story_names():
    """Lower-cased, a bare name must be notable or lie in a country the story is about; one that a locative places
    ("near srebrenica") and that no English word or given name spells is the town, though "dutch troops" vote for
    the Netherlands."""
    text = "the women reached a village near srebrenica where refugees sought shelter with dutch troops."
    assert ("srebrenica", 3190159) in _ids(text)
    # and so is the object of a verb only places take
    text = "refugees sheltered with dutch troops after serb forces overran srebrenica on july 11, 1995."
    assert ("srebrenica", 3190159) in _ids(text)


def test_a_country_or_capital_by_its_own_name_needs_no_cue_though_it_ends_like_an_english_word():
    """Lower-cased, a word ending in "-ing" or "-ly" needs a cue ("willingham"? a village, or a word), but not the
    very name of a country or a capital: "italy", "beijing"; nor a country's short form no English word spells
    ("the uk"; "us" stays the pronoun's unless its own rules say otherwise)."""
    assert ("italy", 3175395) in _ids("the talks in italy ended.")
    assert ("beijing", 1816670) in _ids("he flew from beijing on monday.")
    assert ("uk", 2635167) in _ids("native speakers in the uk or elsewhere.")
    assert _ids("they said kettering was wrong.") == []


def test_an_english_word_before_a_divisions_noun_names_one_only_where_a_division_bears_it():
    """Lower-cased "the current state of the art" is no US village called Current; "rivers state" is Nigeria's."""
    assert _ids("experts keep abreast of the current state of the art in syria.") == [("syria", 163843)]
    assert ("rivers state", 2324433) in _ids("fighting spread in rivers state.")


def test_a_role_before_a_lower_cased_name_makes_it_a_person():
    """Lower-cased, "leader", "activist", "spokesman" stand before a name as a title does: "rebel leader rahman" is a
    person, not the village the gazetteer has; the role words stay what they are in cased text (a title-case headline
    capitalises every word after "Spokesman")."""
    assert _ids("in syria the rebel leader rahman was killed.") == [("syria", 163843)]
    assert ("rahman", 385470) in _ids("in syria fighters entered rahman on monday.")


def test_an_english_plural_after_city_of_is_no_name_in_lower_case() -> None:
    """"clearing the ancient city of mines": lower-cased, "the city of" vouches for no English plural (Mines, a town
    in Peru, is not meant), though it still vouches for a name that is an English word ("the town of hit")."""
    index = GazetteerIndex([*PLACES, _place(3935624, "Mines", -11.1, -76.1, "P", "PPL", "PE", pop=2_000),
                            _place(99062, "Hit", 33.64, 42.83, "P", "PPL", "IQ", pop=50_000)])
    assert _found("in syria, sappers spent weeks clearing the ancient city of mines.", index) == [("syria", 163843)]
    assert ("hit", 99062) in _found("islamic state fighters seized the town of hit in iraq.", index)


def test_what_only_places_are_taken_as_is_a_place_however_short_or_english() -> None:
    # lower-cased, "hit" is an English word of three letters; after "retook" it is the Iraqi town
    index = GazetteerIndex([*PLACES, _place(99062, "Hit", 33.64, 42.83, "P", "PPL", "IQ", pop=50_000),
                            _place(99407, "Iraq", 33.0, 44.0, "A", "PCLI", "IQ", "00", pop=40_000_000)])
    assert _found("in iraq, government forces retook hit in april.", index) == [("iraq", 99407), ("hit", 99062)]
    assert _found("in iraq, after retaking hit, the army moved west.", index) == [("iraq", 99407), ("hit", 99062)]
    assert _found("in iraq, the rebels stormed across the border.", index) == [("iraq", 99407)]


def test_a_participle_hyphened_to_a_peoples_word_is_no_place() -> None:
    # lower-cased, "run" of "kurdish-run" is no town called Run, though "district" follows it
    index = GazetteerIndex([*PLACES, _place(1258182, "Run", 23.0, 88.0, "P", "PPLA2", "IN", pop=30_000)])
    assert _found("afrin, a kurdish-run district in syria, was calm.", index) == [("syria", 163843)]
