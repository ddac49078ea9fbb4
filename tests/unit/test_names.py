from __future__ import annotations

import pytest

from app.gazetteer.names import normalize, search_key, skeleton_key


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


def test_search_key_drops_a_leading_article_only() -> None:
    assert search_key("Ar Raqqah") == search_key("Raqqa")
    assert search_key("Tall al Abyad").endswith("al abyad")


def test_skeleton_joins_vowel_variants() -> None:
    assert skeleton_key("rihjan") == skeleton_key("Ruhjan")
    assert skeleton_key("Idleb") == skeleton_key("Idlib")
