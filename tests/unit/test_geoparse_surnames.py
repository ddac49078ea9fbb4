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
