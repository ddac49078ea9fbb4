"""The fast scans of the extractor find exactly what the regexes they stand in for find: date kinds tried only
around their key words, trigger hints and name starts found with Aho-Corasick, and sentence boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from app.events import default_registry
from app.events.dates import find_dates
from app.events.triggers import TRIGGER_HINT, scan_trigger_words
from app.text.sentences import sentence_spans

PUB = date(2017, 10, 24)

TEXTS = [
    "Rebels entered Morek on Tuesday. Several days later the army retook it, a monitor said on 5th of March 2015.",
    "In mid-March, and again in early-April 2016, IS fighters were driven out; by late September this year "
    "they had returned. Last Friday's attack came two weeks ago, a couple of hours later than the one before.",
    "The town fell in 2014-06-10 fighting; the following day, and the same day, troops said. Earlier this week, "
    "over the weekend and in 2015 the SDF took over the take-over of Tabqa, recaptured it a day later.",
    "On Sept. 3 and March 5, 2016, and on 3 September, in September of 2015, during 2019: the day before it, "
    "the previous month, later that same night, the next morning, 2 days earlier, three months after.",
    "Between 10 and 12 October, on 14-15 June 2015, from 3 to 5 May and October 14-15 they struck; overnight on 4 "
    "July and overnight Friday, but overnight too.",
    "Mondays and Tuesday’s raids, last Sunday; Al-Nusra and al nusra, Jabhat al-Nusra’s fighters, the Qa'ida "
    "and Qa’ida men, pro-government forces, U.S. forces, Hay'at Tahrir al-Sham; _rebels seized_ it.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("published", [PUB, None])
def test_dates_from_key_words_equal_a_full_scan(text: str, published: date | None) -> None:
    # The case-insensitive path scans the whole text with every pattern; the lower-cased one does not.
    assert find_dates(text.lower(), 0, len(text), published, lowered=True) == find_dates(text, 0, len(text), published)


@pytest.mark.parametrize("text", TEXTS)
def test_trigger_hints_equal_the_regex(text: str) -> None:
    hints, _ = scan_trigger_words(text.lower())
    assert hints == [m.span() for m in TRIGGER_HINT.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_name_starts_equal_the_regex(text: str) -> None:
    registry = default_registry()
    low = text.lower()
    assert registry._first_words(low) == [m.span() for m in registry._first.finditer(low)]


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = 'Gen. Ali said. U.S. forces are approx. 5 km away. "It fell." Then\nnothing.'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Gen. Ali said.",
        "U.S. forces are approx. 5 km away.",
        '"It fell."',
        "Then",
        "nothing.",
    ]


def test_date_words_inside_other_words_are_not_dates() -> None:
    """Every alternative of a date pattern is bounded, not only the first and the last ("Nottonight" is a name)."""
    from datetime import date

    from app.events.dates import find_dates

    for text in ("the Nottonight brigade", "a Latoday convoy", "the Xovernight base"):
        assert find_dates(text, 0, len(text), date(2020, 5, 5)) == [], text
        assert find_dates(text.lower(), 0, len(text), date(2020, 5, 5), lowered=True) == [], text
