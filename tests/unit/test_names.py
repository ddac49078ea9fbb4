from __future__ import annotations

import pytest

from app.gazetteer.names import national_romanisation, normalize, search_key, skeleton_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Abū aḑ Ḑuhūr", "abu ad duhur"), ("Ma‘arrat an-Nu‘mān", "maarrat an numan"), ("  Deir  ez-Zor ", "deir ez zor"),
     ("İdlib", "idlib"), ("Qur'an", "quran"), ("إدلب", "ادلب")],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "variants",
    [("abu al-dhour", "Abu ad Duhur", "abu al dhour", "Abū az̧ Z̧uhūr"),
     ("Umm Turayka", "um turayka", "Oum Turayka"),
     ("Deir ez-Zor", "Dayr az Zor", "Deir al-Zor"),
     ("Ar Raqqah", "Raqqa", "al-Raqqa", "Rakka"),
     ("Maarat al-Numan", "Ma‘arrat an Nu‘mān")],
)
def test_variants_share_a_key_or_skeleton(variants: tuple[str, ...]) -> None:
    skeletons = {skeleton_key(v) for v in variants}
    assert len(skeletons) == 1, skeletons


@pytest.mark.parametrize(("bgn", "national"), [("Avdiyivka", "Avdiivka"), ("Mykolayiv", "Mykolaiv"),
                                               ("Andriyivka", "Andriivka"), ("Mar'yinka", "Marinka")])
def test_ukrainian_yi_after_a_vowel_shares_the_search_key(bgn: str, national: str) -> None:
    """Ukrainian ї inside a word: "yi" in GeoNames' (BGN/PCGN) romanisation, "i" in Ukraine's own, as news writes
    it: the same exact key, not only the loose skeleton (which a lone uncued name does not get)."""
    assert search_key(bgn) == search_key(national)


def test_search_key_drops_a_leading_article_only() -> None:
    assert search_key("Ar Raqqah") == search_key("Raqqa")
    assert search_key("Tall al Abyad").endswith("al abyad")


def test_skeleton_joins_vowel_variants() -> None:
    assert skeleton_key("rihjan") == skeleton_key("Ruhjan")
    assert skeleton_key("Idleb") == skeleton_key("Idlib")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Москва", "moskva"), ("Київ", "kiiv"), ("Ἀθῆναι", "athinai"), ("北京", "beijing"), ("דמשק", "dmsk"),
     # Latin letters NFKD keeps whole, combining marks GeoNames writes apart, and format marks
     ("Hidəc", "hidec"), ("Z\u0327ahi\u0304ra\u0304", "zahira"), ("rstm\u200ckhan", "rstmkhan"),
     ("Łódź", "lodz"), ("Straße", "strasse"),
     # Arabic keeps its own folds (alef forms, ta marbuta), not a romanisation without vowels
     ("إدلب", "ادلب"), ("حماة", "حماه")],
)
def test_every_script_folds_to_ascii_but_arabic_keeps_its_folds(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_a_name_known_only_in_another_script_is_found_by_its_romanisation() -> None:
    from app.gazetteer.index import GazetteerIndex
    from app.gazetteer.records import GazetteerPlace

    index = GazetteerIndex([
        GazetteerPlace(1, "Kharkiv", "Kharkiv", 50.0, 36.2, "P", "PPLA", "UA", alternate_names=("Харків",)),
        GazetteerPlace(2, "Z\u0327ahi\u0304ra\u0304", "Zahira", 33.0, 36.0, "P", "PPL", "SY"),
    ])
    assert [p.geonameid for p in index.candidates(search_key("Kharkiv"))] == [1]
    assert [p.geonameid for p in index.candidates(search_key("Харків"))] == [1]
    assert [p.geonameid for p in index.candidates(search_key("Zahira"))] == [2]


@pytest.mark.parametrize(("bgn", "national"), [("Pervomayske", "Pervomaiske"), ("Kostyantynivka", "Kostiantynivka"),
                                               ("Zaporizhzhya", "Zaporizhzhia"), ("Mykolayiv", "Mykolaiv"),
                                               ("Avdiyivka", "Avdiivka"), ("Novomykhaylivka", "Novomykhailivka"),
                                               ("Mar'yinka", "Marinka")])
def test_the_two_romanisations_of_a_cyrillic_name_are_one_written_form(bgn: str, national: str) -> None:
    assert national_romanisation(normalize(bgn)) == national_romanisation(normalize(national))


def test_the_national_romanisation_leaves_other_names_apart() -> None:
    assert national_romanisation(normalize("Mayak")) != national_romanisation(normalize("Maak"))
