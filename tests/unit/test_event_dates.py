"""Where an event's date comes from (``EventDate.basis``), and dates the text gives without a year."""

from __future__ import annotations

from datetime import date

import pytest

from app.events.dates import bounded_by_receipt, default_date, find_dates
from app.events.model import EventDate, ucdp_date_prec
from tests.unit.test_events import PUB, extract

RECEIVED = date(2026, 12, 5)


def _only(text: str, published: date | None = None) -> EventDate:
    [found] = find_dates(text, 0, len(text), published)
    return found.date


@pytest.mark.parametrize(
    ("phrase", "basis"),
    [
        ("on 6 August 2016", "text"), ("on August 6, 2016", "text"), ("in March 2015", "text"), ("in 2015", "text"),
        ("on 2016-08-06", "text"), ("on Sunday", "text_relative"), ("yesterday", "text_relative"),
        ("on August 6", "text_relative"), ("last week", "text_relative"), ("in March", "text_relative"),
    ],
)  # fmt: skip
def test_a_date_the_text_states_is_text_and_one_resolved_against_publication_is_text_relative(
    phrase: str, basis: str
) -> None:
    [ev] = extract(f"Rebels captured Morek {phrase}.", ["Morek"])
    assert ev.date is not None and ev.date.basis == basis and ev.date.from_text


def test_a_date_counted_from_another_date_in_the_text_is_text_relative() -> None:
    text = "Islamic State seized Morek on 3 October 2017. Rebels recaptured it two days later."
    assert [(d.date.start, d.date.basis) for d in find_dates(text, 0, len(text), None)] == [
        (date(2017, 10, 3), "text"), (date(2017, 10, 5), "text_relative"),
    ]  # fmt: skip


def test_without_a_date_in_the_text_the_publication_day_bounds_it() -> None:
    [ev] = extract("Rebels captured Morek.", ["Morek"])
    assert ev.date == EventDate(None, PUB, "on_or_before", "published")
    assert ev.date.to_dict() == {"start": None, "end": "2017-10-23", "precision": "on_or_before",
                                 "basis": "published", "date_prec": 5, "month_day": None}


def test_without_a_date_in_the_text_or_a_publication_date_the_receipt_day_bounds_it() -> None:
    [ev] = extract("Rebels captured Morek.", ["Morek"], published_at=None)
    assert ev.date is None and default_date(None) is None
    assert bounded_by_receipt(ev.date, RECEIVED) == EventDate(None, RECEIVED, "on_or_before", "received")


def test_a_day_and_month_take_the_last_year_the_text_gave_before_them() -> None:
    """A Wikipedia-style passage: the year comes paragraphs before the day and month, and there is no
    publication date."""
    text = (
        "In 2014 the town was fought over. Russian forces captured Kherson in March 2022.\n\n"
        "The occupation lasted months. On 11 November, Ukrainian forces recaptured Kherson."
    )
    events = extract(text, ["Kherson"], published_at=None)
    assert [(e.date.start, e.date.end, e.date.precision, e.date.basis) for e in events if e.date] == [
        (date(2022, 3, 1), date(2022, 3, 31), "month", "text"),
        (date(2022, 11, 11), date(2022, 11, 11), "day", "text_relative"),
    ]


def test_a_since_year_is_no_year_for_a_later_month_unless_a_when_clause_tells_of_it() -> None:
    """"since 2012" opens a period that runs to now: "in July" after it is the July before publication; "since 2015,
    when rebels captured Idlib in March" tells of that year."""
    text = "The rebels, who had held Daraa since 2012, handed the city over to the army in July."
    [event] = extract(text, ["Daraa"], published_at=date(2019, 4, 1))
    assert event.date is not None and event.date.start == date(2018, 7, 1)
    text = ("The province has been the last stronghold of the armed opposition since 2015, when rebels captured "
            "Idlib city from the regime in March and went on to take Jisr al-Shughur the following month.")
    events = extract(text, ["Idlib city", "Jisr al-Shughur"], published_at=date(2019, 4, 1))
    assert [e.date.start.year if e.date and e.date.start else None for e in events] == [2015, 2015]


def test_a_year_after_the_day_and_month_is_not_theirs() -> None:
    text = "On 11 November, rebels took Morek. The town had been lost in 2014."
    assert [d.date for d in find_dates(text, 0, len(text), None)] == [
        EventDate(None, None, "on_or_before", "received", month_day=(11, 11)),
        EventDate(date(2014, 1, 1), date(2014, 12, 31), "year", "text"),
    ]


def test_a_day_and_month_with_no_year_anywhere_stay_a_day_and_month() -> None:
    [ev] = extract("On 11 November, Ukrainian forces recaptured Kherson.", ["Kherson"], published_at=None)
    assert ev.date == EventDate(None, None, "on_or_before", "received", month_day=(11, 11))
    stored = bounded_by_receipt(ev.date, RECEIVED)
    assert stored.to_dict() == {"start": None, "end": "2026-12-05", "precision": "on_or_before",
                                "basis": "received", "date_prec": 5, "month_day": "--11-11"}
    assert RECEIVED.year not in (stored.start, stored.month_day)  # no year is made up


def test_with_a_publication_date_a_day_and_month_resolve_against_it() -> None:
    assert _only("On 11 November, rebels took Morek.", PUB) == EventDate(
        date(2016, 11, 11), date(2016, 11, 11), "day", "text_relative")


def test_a_month_takes_the_year_before_it_and_a_month_alone_dates_nothing() -> None:
    dates = find_dates("Rebels took it in 2015. In March they lost it.", 0, 48, None)
    assert [(d.date.start, d.date.precision, d.date.basis) for d in dates] == [
        (date(2015, 1, 1), "year", "text"), (date(2015, 3, 1), "month", "text_relative"),
    ]  # fmt: skip
    assert find_dates("In March they lost it.", 0, 22, None) == []


@pytest.mark.parametrize(("text", "month_day"), [("On 29 February", (2, 29)), ("on 31 November", None)])
def test_a_day_and_month_must_exist_in_some_year(text: str, month_day: tuple[int, int] | None) -> None:
    found = find_dates(text, 0, len(text), None)
    assert [d.date.month_day for d in found] == ([month_day] if month_day else [])


def test_nothing_is_counted_from_a_day_and_month_without_a_year() -> None:
    text = "On 11 November rebels took Morek. The army retook it two days later."
    assert [d.date.month_day for d in find_dates(text, 0, len(text), None)] == [(11, 11)]


@pytest.mark.parametrize(
    ("start", "end", "prec"),
    [
        (date(2017, 10, 22), date(2017, 10, 22), 1), (date(2017, 10, 21), date(2017, 10, 22), 2),
        (date(2017, 10, 16), date(2017, 10, 22), 3), (date(2017, 10, 1), date(2017, 10, 31), 4),
        (date(2017, 1, 1), date(2017, 12, 31), 5), (None, date(2017, 10, 22), 5),
    ],
)  # fmt: skip
def test_date_prec_follows_ucdp_ged(start: date | None, end: date, prec: int) -> None:
    assert ucdp_date_prec(start, end) == prec


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("1711 - Rio de Janeiro is captured by the French.", None, 1711),  # an almanac line's heading year
        ("1970 – Palestinian commandos capture Irbid.", date(2004, 9, 14), 1970),
        ("1975: Communist forces capture Saigon.", None, 1975),  # (a colon after the year heads it too)
        ("Last spring, rebels took the town.", date(2019, 2, 1), 2018),  # the latest spring that has ended
        ("Last spring, rebels took the town.", date(2019, 7, 1), 2019),
        ("This summer, rebels took the town.", date(2019, 2, 1), 2019),
    ],
)
def test_almanac_years_and_seasons(text: str, published: date | None, year: int) -> None:
    [found] = find_dates(text, 0, len(text), published)
    assert (found.date.start, found.date.end) == (date(year, 1, 1), date(year, 12, 31))


@pytest.mark.parametrize("text", ["The town had 1711 - or so - inhabitants.", "It cost 1711:20 in all."])
def test_a_year_inside_a_line_is_no_almanac_heading(text: str) -> None:
    assert find_dates(text, 0, len(text), None) == []


def test_an_indented_almanac_line_dates_from_its_year() -> None:
    """The date starts at the year, not at the indent before it, where no sentence starts."""
    text = "  1711 - Rio de Janeiro is captured by the French.\n"
    [found] = find_dates(text, 0, len(text), None)
    assert text[found.start : found.end] == "1711"


def test_a_report_that_dates_a_change_itself_replaces_one_dated_from_an_earlier_sentence() -> None:
    """An undated "Morek fell to IS" takes the date of the last sentence naming Morek (a video released on 4 July);
    a later report of the same fall with its own date (22 May) is the same change, and its date is the one kept."""
    text = ("A video posted online on 4 July showed fighters in Morek. Scores of soldiers were killed in the days "
            "after Morek fell to IS. It was said soldiers were murdered after Morek fell to IS on 22 May 2015.")
    [ev] = extract(text, ["Morek"])
    assert ev.date is not None and ev.date.start == date(2015, 5, 22)


def test_a_bare_month_right_after_a_month_of_an_earlier_year_continues_that_year() -> None:
    """"captured Gharyan in April 2019 but lost it in June", published June 2020: June 2019, not the June before
    publication; far from it, or before it in the year, the month is read against publication as ever."""
    pub = date(2020, 6, 6)
    text = "Haftar's forces had captured Gharyan in April 2019 but lost it in June."
    assert [d.date.start for d in find_dates(text, 0, len(text), pub)] == [date(2019, 4, 1), date(2019, 6, 1)]
    text = "Rebels took Morek in October 2019 and the army retook it in March."
    assert [d.date.start for d in find_dates(text, 0, len(text), pub)] == [date(2019, 10, 1), date(2020, 3, 1)]
    text = "Rebels took Morek in April 2019. " + "x" * 300 + " The army retook it in May."
    assert [d.date.start for d in find_dates(text, 0, len(text), pub)] == [date(2019, 4, 1), date(2020, 5, 1)]
    # a day and month likewise ("liberated Izium in September 2022 ... Kherson was recaptured on 11 November")
    text = "Ukraine liberated Izium in September 2022, and Kherson was recaptured on 11 November."
    found = find_dates(text, 0, len(text), date(2024, 3, 1))
    assert [(d.date.start, d.date.precision) for d in found] == [(date(2022, 9, 1), "month"),
                                                                 (date(2022, 11, 11), "day")]


def test_a_bare_month_continues_the_year_told_before_a_since_date() -> None:
    """"overran the city in September 2015, in their biggest victory since 2001, ... drove them out in October": a
    since-date between opens a period, it tells no year; the month continues the September 2015 story."""
    text = ("The Taliban overran the city in September 2015, in their biggest victory since 2001, and held it for two "
            "weeks before Afghan forces drove them out in October.")
    found = find_dates(text, 0, len(text), date(2021, 8, 1))
    assert [d.date.start for d in found if d.date.precision == "month"] == [date(2015, 9, 1), date(2015, 10, 1)]


def test_a_span_after_a_dated_clause_counts_back_from_its_date() -> None:
    # "D, N units after X": X was N units before D, not N units before publication
    text = "Iraqi forces recaptured Ramadi in December 2015, seven months after it fell to Isis."
    found = find_dates(text, 0, len(text), date(2024, 6, 1))
    assert [(d.date.start, d.date.precision) for d in found] == [(date(2015, 12, 1), "month"),
                                                                 (date(2015, 5, 1), "month")]
    # with no date before it, the span counts back from publication as before
    text = "Seven months after it fell to Isis, Ramadi is in ruins."
    [alone] = find_dates(text, 0, len(text), date(2024, 6, 1))
    assert alone.date.start == date(2023, 11, 1)


def test_a_month_of_the_following_year_is_in_the_year_after_the_one_told() -> None:
    text = "The Houthis captured Sanaa in September 2014; Aden fell to them in March the following year."
    found = find_dates(text, 0, len(text), date(2024, 6, 1))
    assert [(d.date.start, d.date.precision) for d in found] == [(date(2014, 9, 1), "month"),
                                                                 (date(2015, 3, 1), "month")]
    text = "Rebels took Idlib in March 2015 after losing Morek in May the previous year."
    found = find_dates(text, 0, len(text), date(2024, 6, 1))
    assert [d.date.start for d in found] == [date(2015, 3, 1), date(2014, 5, 1)]


def test_that_month_is_the_month_of_the_year_told_before() -> None:
    text = "Isis seized Palmyra in May 2015, lost it to the regime in March 2016, and recaptured it that December."
    found = find_dates(text, 0, len(text), date(2024, 6, 1))
    assert [d.date.start for d in found] == [date(2015, 5, 1), date(2016, 3, 1), date(2016, 12, 1)]
    assert [d.date.start for d in find_dates(text.lower(), 0, len(text), date(2024, 6, 1), lowered=True)] == [
        date(2015, 5, 1), date(2016, 3, 1), date(2016, 12, 1)]
    # and, dated, the recapture is a change of its own, not the seizure told again
    assert [(e.gained_by.side.value if e.gained_by else None, e.date.start if e.date else None)
            for e in extract(text, ["Palmyra"])] == [("isis", date(2015, 5, 1)), ("government", date(2016, 3, 1)),
                                                     ("isis", date(2016, 12, 1))]


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        # a month with "last year" after it is that year's, not the month before publication
        ("in February last year", date(2023, 2, 1), date(2023, 2, 28)),
        # a weekday followed by the date it falls on: the date, not the latest such weekday
        ("on Saturday, Feb. 17", date(2024, 2, 17), date(2024, 2, 17)),
        ("on Saturday March 28 2015", date(2015, 3, 28), date(2015, 3, 28)),
        ("on Saturday, the 17th of February", date(2024, 2, 17), date(2024, 2, 17)),
        ("on Saturday", date(2024, 2, 24), date(2024, 2, 24)),
    ],
)
def test_a_stated_date_wins_over_its_weekday_and_a_month_takes_the_year_it_is_given(
    phrase: str, start: date, end: date
) -> None:
    found = _only(f"Rebels captured Morek {phrase}.", date(2024, 3, 1))  # a Friday
    assert (found.start, found.end) == (start, end)


def test_a_date_in_a_relative_clause_with_its_own_subject_dates_no_change_the_parse_missed() -> None:
    # the tagger reads "retook" as a noun, so the parse finds no change; the patterns do, and the relative clause's
    # date (when they held it before) is still not the retaking's
    [ev] = extract("The Taliban retook Kunduz, which they had briefly held in 2015.", ["Kunduz"])
    assert ev.date is None or not ev.date.from_text


def test_a_bare_month_after_a_year_its_sentence_told_is_that_years() -> None:
    """"since 2015, when rebels captured Idlib city in March": March 2015, not the March before publication; a year
    told in an earlier sentence ("since mid-2012. ... in mid-July") leaves the month to the publication's year."""
    text = "It has been their stronghold since 2015, when rebels captured Idlib city from the regime in March."
    dates = [(text[d.start : d.end], d.date.start) for d in find_dates(text, 0, len(text), date(2020, 3, 8))]
    assert dates[-1][1] == date(2015, 3, 1)
    text = "It has been divided since mid-2012. Fighting intensified after troops seized the road in mid-July."
    dates = [(text[d.start : d.end], d.date.start) for d in find_dates(text, 0, len(text), date(2016, 8, 14))]
    assert dates[-1][1] == date(2016, 7, 1)


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("on 14-15 October", date(2017, 10, 14)),
        ("on the night of October 14-15", date(2017, 10, 14)),
        ("between 10 and 12 October 2016", date(2016, 10, 10)),
        ("from 3 to 5 May", date(2017, 5, 3)),
        # a day named after "overnight" dates it, not the report's day
        ("overnight on 4 July", date(2017, 7, 4)),
    ],
)
def test_a_range_of_days_is_dated_by_its_first(said: str, day: date) -> None:
    [event] = extract(f"Rebels captured Morek {said}.", ["Morek"], published_at=date(2017, 10, 24))
    assert event.date is not None and event.date.start == day


def test_each_item_of_a_list_takes_the_date_of_its_own_conjunct() -> None:
    """"recaptured Anah in September and al-Qaim, on the Syrian border, in November": an appositive between an item and
    its date keeps the date the item's; "then Dinder and al-Suki in November": two items joined by "and" before a
    date share it."""
    text = "Iraqi troops recaptured Anah in September and al-Qaim, on the Syrian border, in November."
    events = extract(text, ["Anah", "al-Qaim"], published_at=date(2018, 2, 11))
    assert [(e.place.text, e.date.start if e.date else None) for e in events] == [
        ("Anah", date(2017, 9, 1)), ("al-Qaim", date(2017, 11, 1))]
    text = "The army retook Jebel Moya in early October, then Dinder and al-Suki in November."
    events = extract(text, ["Jebel Moya", "Dinder", "al-Suki"], published_at=date(2018, 2, 11))
    assert [(e.place.text, e.date.start if e.date else None) for e in events] == [
        ("Jebel Moya", date(2017, 10, 1)), ("Dinder", date(2017, 11, 1)), ("al-Suki", date(2017, 11, 1))]
    # whom an item was taken from or lost to may stand between it and its date
    text = "The army retook Palmyra from Isis in March 2016 and Aleppo from the rebels in December 2016."
    events = extract(text, ["Palmyra", "Aleppo"], published_at=date(2018, 2, 11))
    assert [(e.place.text, e.date.start if e.date else None) for e in events] == [
        ("Palmyra", date(2016, 3, 1)), ("Aleppo", date(2016, 12, 1))]


@pytest.mark.parametrize(
    ("text", "names", "months"),
    [
        ("Rebels captured Idlib in March 2015. In September that year the alliance overran Abu al-Duhur.",
         ["Idlib", "Abu al-Duhur"], [date(2015, 3, 1), date(2015, 9, 1)]),
        ("The RSF took Nyala in 2023, and overran Ardamata in November of that year.", ["Nyala", "Ardamata"],
         [date(2023, 1, 1), date(2023, 11, 1)]),
        ("Isis seized Qaryatain in August 2015. Government forces recaptured Qaryatain the following April.",
         ["Qaryatain"], [date(2015, 8, 1), date(2016, 4, 1)]),
        ("In the summer of 2016 the SDF crossed near the Tishrin dam, which they had captured from Isis the previous "
         "December.", ["Tishrin dam"], [date(2015, 12, 1)]),
    ],
)
def test_a_month_told_relative_to_the_year_before_it(text: str, names: list[str], months: list[date]) -> None:
    """"in September that year", "in November of that year": the month of the year told before; "the following
    April", "the previous December": the next or last such month from the date told before (not publication)."""
    events = extract(text, names, published_at=date(2020, 3, 8))
    assert [e.date.start if e.date else None for e in events] == months


def test_a_start_told_with_the_change_it_began_with_dates_the_change() -> None:
    """"The offensive began on Friday with the fall of Zaranj": the date of a start is no change's, unless the change
    is what it began with (as "when", "as" already say)."""
    text = "The offensive began on Friday with Taliban fighters capturing Zaranj."
    [event] = extract(text, ["Zaranj"], published_at=date(2021, 8, 9))
    assert event.date is not None and event.date.start == date(2021, 8, 6)


@pytest.mark.parametrize(("text", "start", "precision"), [
    ("The rebels were driven out a fortnight ago.", date(2017, 10, 9), "week"),
    ("The army retook it two fortnights ago.", date(2017, 9, 25), "week"),
])
def test_a_fortnight_is_two_weeks(text: str, start: date, precision: str) -> None:
    """ "expelled a fortnight ago from Raqqa" (British copy): two weeks before the publication, at a week's
    precision, as "two weeks ago" is."""
    [found] = find_dates(text, 0, len(text), PUB)
    assert (found.date.start, found.date.precision) == (start, precision)
