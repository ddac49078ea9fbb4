"""Date expressions in war reporting, resolved against the article's publication date.

Each resolved date says where it comes from (``EventDate.basis``): ``text`` for a date the expression states
in full ("on 6 August 2016", "in 2015"), ``text_relative`` for one resolved against the publication date ("on
Sunday") or another date in the text ("a day later"; "on 11 November" after "in 2022" when the article has no
publication date). A day and month with no year anywhere before them and no publication date stay a day and a
month: no year is guessed.

A small hand-written resolver rather than ``dateparser``: reports date events relative to the article ("on
Friday", "last week", "in March this year", "a day after") or to a date they gave before ("a day later", "the
next day", "later that month"), and what matters is the *interval* and its
*precision* ("in 2015" is the year, not 1 January), plus the rule that a bare weekday means the most recent
such day on or before publication. dateparser returns single instants, guesses future dates for bare
weekdays and month names, and costs milliseconds per call; these patterns are few and compile once.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import ahocorasick

from app.events.model import PRECISION_RANK, EventDate
from app.text.tokens import is_word_char

_MONTHS = {name: i for i in range(1, 13) for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())}
_MONTHS["sept"] = 9
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip

_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:19|20)\d\d)"
# "14-15 October", "between 10 and 12 October": a range of days is dated by its first
_DAY_SPAN_RE = _DAY_RE + r"(?:(?:\s*[-–]\s*|\s+(?:and|to)\s+)[0-3]?\d(?:st|nd|rd|th)?)?"
_LATER_DAY = r"(?:[-–][0-3]?\d(?:st|nd|rd|th)?)?"  # ("October 14-15")
_WEEKDAY_RE = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")(?:['’]?s)?"
_NUM_RE = r"(?P<num>\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT_RE = r"(?P<unit>day|week|fortnight|month|year)s?"
# Parts of a day count as the day ("the next morning", "that night").
_DAYPART = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day"}
_PERIOD_RE = r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)"

# Order matters only for readability: overlapping matches are resolved by keeping the longest.
_SOURCES: tuple[tuple[str, str], ...] = tuple(
    (name, rf"(?<![\w-])(?:{pat})(?![\w-])")  # the bounds hold for every alternative ("xtoday" is no date)
    for name, pat in (
        ("iso", r"(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"),
        ("month_day_year", rf"{_MONTH_RE}\s+{_DAY_RE}{_LATER_DAY},?\s+{_YEAR_RE}"),
        ("day_month_year", rf"{_DAY_SPAN_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR_RE}"),
        ("month_day", rf"{_MONTH_RE}\s+{_DAY_RE}{_LATER_DAY}(?!\s*(?:,\s*)?(?:19|20)\d\d)(?![\d:])"),
        ("day_month", rf"{_DAY_SPAN_RE}\s+(?:of\s+)?{_MONTH_RE}"),
        ("month_year", rf"(?:(?:early|late|mid)[\s-]+)?{_MONTH_RE},?\s+(?:of\s+)?{_YEAR_RE}"),  # ("June of 2014")
        # "between March and May 2015": the range's start, in the year its end states
        ("month_range", rf"\bbetween\s+{_MONTH_RE}\s+and\s+(?P<month_to>[A-Za-z]+)\.?,?\s+{_YEAR_RE}"),
        ("month_rel", rf"(?:(?:early|late|mid)[\s-]+)?{_MONTH_RE}\s+(?P<rel>this|last)\s+year"),
        # "on March 5 last year", "on 5 March this year"
        ("month_day_rel", rf"{_MONTH_RE}\s+{_DAY_RE},?\s+(?P<rel>this|last)\s+year"),
        ("day_month_rel", rf"{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+(?P<rel>this|last)\s+year"),
        ("month", rf"(?:\bin|\bsince|\buntil|\bby|\bduring|\bof|\bearly|\blate|\bmid|(?P<last>\blast))[\s-]+{_MONTH_RE}"
                  r"(?!\s+\d)(?!\s+of\s+(?:19|20)\d\d)(?!,?\s+(?:this|last)\s+year)"),  # ("in February last year")
        (
            "year",
            rf"(?:\bin|\bduring|\bof|\bearly|\blate|\bmid|\bsince|\buntil|\bsummer|\bwinter|\bspring|\bautumn)"
            # "in 2015", "in the 1967 war", "during a 2015 offensive" (a year naming an event is its year)
            rf"[\s-]+(?:of\s+|(?:the|a|an)\s+(?=(?:19|20)\d\d\s+[A-Za-z]))?{_YEAR_RE}",
        ),
        # "1711 - Rio de Janeiro is captured by the French", "1975: Saigon falls": the year that heads an almanac
        # line ("Today in history")
        ("almanac", r"(?m:^)[ \t]*(?P<year>1[0-9]{3}|20[0-9]{2})(?=[ \t]+[-–—][ \t]|:[ \t])"),
        # "last spring", "this summer": the year of the latest such season (winter straddles two years: not read)
        ("season", r"(?P<which>last|this|earlier\s+this)\s+(?P<season>spring|summer|autumn|fall)"),
        ("weekday", rf"(?P<last>last\s+)?{_WEEKDAY_RE}"),
        ("yesterday", r"yesterday|(?:late\s+)?last\s+night|the\s+day\s+before\s+yesterday(?P<two>)"),
        ("weekend", r"(?:(?P<last>last)|(?:over|at|during|on)\s+the(?:\s+past)?|this(?:\s+past)?)\s+weekend"),
        # ("overnight on 14 October", "overnight Saturday": the day named after it dates it, not the report)
        ("today", r"today|this\s+morning|earlier\s+today|tonight|overnight(?!\s+(?:on\s+|into\s+|to\s+)?(?:[0-3]?\d\b|"
                  + "|".join(_WEEKDAYS) + "|" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))"),
        (
            "rel_period",
            r"(?P<which>last|this|earlier\s+this|late\s+last|earlier\s+last|past|earlier\s+in\s+the)\s+"
            r"(?P<period>week|month|year)",
        ),
        ("ago", rf"{_NUM_RE}\s+{_UNIT_RE}\s+ago"),
        ("before_after", rf"{_NUM_RE}\s+{_UNIT_RE}\s+after"),
        # Relative to the date the text mentioned last ("Rebels entered on Tuesday ... withdrew a day later").
        ("later", rf"{_NUM_RE}\s+{_UNIT_RE}\s+(?:later|afterwards)"),
        ("earlier", rf"{_NUM_RE}\s+{_UNIT_RE}\s+earlier"),
        (
            "same_day",
            r"(?:(?:a\s+few|several|\d+|two|three|four|a\s+couple\s+of)\s+)?(?:hours|minutes|moments)\s+later",
        ),
        ("next", rf"the\s+(?:next|following|ensuing|subsequent)\s+{_PERIOD_RE}"),
        (
            "previous",
            rf"the\s+(?:previous|preceding|prior)\s+{_PERIOD_RE}|the\s+(?P<unit2>day|week|month|year)\s+before",
        ),
        ("that", rf"(?:(?:earlier|later)\s+(?:on\s+)?)?(?:that|the\s+same)\s+(?:same\s+)?{_PERIOD_RE}"),
        # "lost it in March 2016 and recaptured it that December": the month in the year told before
        ("that_month", rf"\bthat\s+{_MONTH_RE}(?!\s*\d)"),
        # "in September that year", "in November of that year": the month in the year told before
        ("month_that_year", rf"(?:(?:\bin|\bby|\bduring|\bof)\s+)?(?:(?:early|late|mid)[\s-]+)?{_MONTH_RE}\s+"
                            r"(?:of\s+)?that\s+year"),
        # "recaptured it the following April", "captured it the previous December": the next (or last) such month
        # from the date told before
        ("month_around", rf"the\s+(?P<dir>following|next|previous|preceding)\s+{_MONTH_RE}(?!\s*\d)"),
    )
)
# Kinds resolved against the previous date in the text, not the publication date.
ANCHORED = frozenset({"later", "earlier", "same_day", "next", "previous", "that", "that_month", "month_that_year",
                      "month_around"})
# Kinds that state their year: their dates have basis ``text``; every other kind's is ``text_relative``.
ABSOLUTE = frozenset({"iso", "month_day_year", "day_month_year", "month_year", "month_range", "year", "almanac"})
# Kinds that name a month but no year: with no publication date they take the year of the explicit year before.
_YEARLESS = frozenset({"month_day", "day_month", "month"})
# How far back (characters) an anchored expression looks for its anchor: a few sentences.
_ANCHOR_REACH = 1500
_JUST_A_COMMA = re.compile(r"\s*,\s*")
# Between a weekday and the date it falls on ("on Saturday, Feb. 17", "Saturday the 17th of February").
_WEEKDAY_DATE_GAP = re.compile(r",?\s+(?:the\s+)?", re.IGNORECASE)
# Kinds that name a day of a month.
_DAY_KINDS = frozenset({"iso", "month_day_year", "day_month_year", "month_day", "day_month", "month_day_rel",
                        "day_month_rel"})
_COMMA_AT_MOST = re.compile(r"\s*,?\s*")
# How far a month of an earlier year carries its year to a bare month after it (about a sentence).
_STORY_REACH = 200
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_SINCE_AT = re.compile(r"since\b", re.IGNORECASE)
_SINCE_SKIPPED = 2  # how many since-dates the look-back for an anchor passes over
# The last month of each season (northern hemisphere, as the wars this service maps are).
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
_PATTERNS = tuple((name, re.compile(src, re.IGNORECASE)) for name, src in _SOURCES)
# The same for text already lower-cased (every literal above is lower case): much faster than IGNORECASE.
_PATTERNS_LOWER = tuple((name, re.compile(src)) for name, src in _SOURCES)


# Words each kind cannot match without (one of them must occur in the lower-cased text with its whitespace runs
# made single spaces): most articles lack most kinds, and substring tests are far cheaper than scanning the
# article with each pattern.
_MONTH_WORDS = ("<month>",)  # stands for _MONTH_WORD, a whole-word test: "mar" and "may" are inside many words
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b")
_UNITS = tuple(u + plural for u in ("day", "week", "fortnight", "month", "year") for plural in ("", "s"))
_PERIODS = ("day", "morning", "afternoon", "evening", "night", "week", "month", "year")


def _pairs(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{first} {second}" for first in firsts for second in seconds)


_REQUIRED: dict[str, tuple[str, ...]] = {
    "iso": tuple(f"{digit}-" for digit in "0123456789"), "month_day_year": _MONTH_WORDS,
    "day_month_year": _MONTH_WORDS, "month_day": _MONTH_WORDS,
    "day_month": _MONTH_WORDS, "month_year": _MONTH_WORDS, "month_rel": _MONTH_WORDS, "month": _MONTH_WORDS,
    "month_day_rel": _MONTH_WORDS, "day_month_rel": _MONTH_WORDS, "month_range": ("between",),
    "year": ("19", "20"), "almanac": ("- ", "– ", "— ", ": "), "season": ("spring", "summer", "autumn", "fall"),
    "weekday": tuple(_WEEKDAYS), "yesterday": ("yesterday", "last night"),
    "weekend": ("weekend",), "today": ("today", "this morning", "tonight", "overnight"),
    "rel_period": _pairs(("last", "this", "past", "the"), ("week", "month", "year")),
    "ago": _pairs(_UNITS, ("ago",)), "before_after": _pairs(_UNITS, ("after",)),
    "later": _pairs(_UNITS, ("later", "afterwards")), "earlier": _pairs(_UNITS, ("earlier",)),
    "same_day": ("hours later", "minutes later", "moments later"),
    "next": _pairs(("next", "following", "ensuing", "subsequent"), _PERIODS),
    "previous": ("previous", "preceding", "prior", *_pairs(("day", "week", "month", "year"), ("before",))),
    "that": (*_pairs(("that",), _PERIODS), "that same", "the same"), "that_month": _MONTH_WORDS,
    "month_that_year": ("that year",), "month_around": _MONTH_WORDS,
}  # fmt: skip
assert set(_REQUIRED) == {name for name, _ in _SOURCES}

# On lower-cased text, most kinds are found from a key word instead of a scan of the whole article: each pattern
# below begins at a word start (its leading lookbehind) and holds a key at the start of a word, at most the given
# number of words after the match's start, so trying the pattern at the few word starts before each key finds
# exactly what ``finditer`` would. ``<month>`` stands for a whole-word month name. ("yesterday", "today" and
# "previous" have keys at varying depths and are cheap to scan for: they are scanned.)
_KEYED: dict[str, tuple[tuple[str, ...], int]] = {
    "iso": (("19", "20"), 0), "month_day_year": (("<month>",), 2), "day_month_year": (("<month>",), 3),
    "month_day": (("<month>",), 2), "day_month": (("<month>",), 3), "month_year": (("<month>",), 2),
    "month_rel": (("<month>",), 2), "month": (("<month>",), 2), "year": (("19", "20"), 2),
    "month_day_rel": (("<month>",), 2), "day_month_rel": (("<month>",), 2), "month_range": (("between",), 0),
    "weekday": (tuple(_WEEKDAYS), 1), "weekend": (("weekend",), 2), "rel_period": (("week", "month", "year"), 3),
    "ago": (("ago",), 3), "before_after": (("after",), 3), "later": (("later", "afterwards"), 3),
    "earlier": (("earlier",), 3), "same_day": (("hours", "minutes", "moments"), 3),
    "next": (("next", "following", "ensuing", "subsequent"), 1), "that": (("that", "same"), 3),
    "that_month": (("<month>",), 1), "month_that_year": (("<month>",), 2), "month_around": (("<month>",), 2),
}  # fmt: skip
# Every month name starts with one of these.
_MONTH_STEMS = tuple(sorted({name[:3] for name in _MONTHS}))
_WORD_RUN = re.compile(r"\w+")


def _key_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in {k for keys, _ in _KEYED.values() for k in keys if k != "<month>"} | set(_MONTH_STEMS):
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


_KEY_AUTOMATON = _key_automaton()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in the text. ``forward_only``: it dates only what follows it ("a day after seizing")."""

    start: int
    end: int
    date: EventDate
    forward_only: bool = False


def _month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week_of(d: date) -> EventDate:
    start = d - timedelta(days=d.weekday())
    return EventDate(start, start + timedelta(days=6), "week")


def _day(d: date) -> EventDate:
    return EventDate(d, d, "day")


def _month(y: int, m: int) -> EventDate:
    return EventDate(*_month_bounds(y, m), "month")


def _year(y: int) -> EventDate:
    return EventDate(date(y, 1, 1), date(y, 12, 31), "year")


def _safe_day(y: int, m: int, d: int) -> EventDate | None:
    try:
        return _day(date(y, m, d))
    except ValueError:
        return None


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _NUMBERS.get(s.lower(), 1)


def _counted(g: dict[str, str | None]) -> tuple[int, str]:
    """How many of which unit an expression counts ("a fortnight" is two weeks)."""
    n, unit = _num(g.get("num") or "1"), (g.get("unit") or g.get("unit2") or "day").lower()
    return (2 * n, "week") if unit == "fortnight" else (n, unit)


def _back(pub: date, n: int, unit: str) -> EventDate:
    """``n`` units before ``pub`` at that unit's precision ("two weeks ago", "a month after")."""
    if unit == "day":
        return _day(pub - timedelta(days=n))
    if unit == "week":
        return _week_of(pub - timedelta(weeks=n))
    if unit == "month":
        d = _shift_months(pub, n)
        return _month(d.year, d.month)
    return _year(pub.year - n)


def _month_day(month: int, day: int) -> EventDate | None:
    """A day and month with no year to put them in: on or before the day the article is received."""
    try:
        date(2000, month, day)  # a leap year: 29 February is a day and month
    except ValueError:
        return None
    return EventDate(None, None, "on_or_before", "received", month_day=(month, day))


def _resolve_yearless(kind: str, g: dict[str, str | None], year: int | None) -> EventDate | None:
    """A month (and day) without a publication date to place it: in the year the text gave last before it, else
    (a day and month) kept as a day and month only. "last March" needs the publication date."""
    month = _MONTHS.get((g.get("month") or "").lower().rstrip("."))
    if not month or g.get("last"):
        return None
    if kind == "month":
        return _month(year, month) if year else None
    if year is None:
        return _month_day(month, int(g["day"] or 0))
    return _safe_day(year, month, int(g["day"] or 0))


def _resolve(kind: str, g: dict[str, str | None], pub: date | None, year_before: int | None = None) -> EventDate | None:
    month = _MONTHS.get((g.get("month") or "").lower().rstrip("."))
    year = int(g.get("year") or 0) or None
    if kind == "iso":
        return _safe_day(year or 0, int(g["mnum"] or 0), int(g["day"] or 0))
    if kind in ("month_day_year", "day_month_year") and month and year:
        return _safe_day(year, month, int(g["day"] or 0))
    if kind == "month_year" and month and year:
        return _month(year, month)
    if kind == "month_range" and month and year and (g.get("month_to") or "").lower().rstrip(".") in _MONTHS:
        return _month(year, month)
    if kind in ("year", "almanac") and year:
        return _year(year)
    if pub is None:
        return _resolve_yearless(kind, g, year_before) if kind in _YEARLESS else None
    if kind in ("month_day", "day_month") and month:
        y = pub.year if (month, int(g["day"] or 0)) <= (pub.month, pub.day) else pub.year - 1
        return _safe_day(y, month, int(g["day"] or 0))
    if kind in ("month_day_rel", "day_month_rel") and month:
        return _safe_day(pub.year - (g["rel"] == "last"), month, int(g["day"] or 0))
    if kind in ("month", "month_rel") and month:
        if g.get("rel"):
            return _month(pub.year - (g["rel"] == "last"), month)
        # "in March" in March is this March; "last March" never is.
        latest = month < pub.month or (month == pub.month and not g.get("last"))
        return _month(pub.year if latest else pub.year - 1, month)
    if kind == "weekday":
        back = (pub.weekday() - _WEEKDAYS[(g["weekday"] or "").lower()]) % 7
        if g.get("last") and back == 0:
            back = 7
        return _day(pub - timedelta(days=back))
    if kind == "weekend":
        back = (pub.weekday() - 5) % 7  # days since the latest Saturday
        if back > 1 or g.get("last"):
            back = back if back > 1 else back + 7
        sat = pub - timedelta(days=back)
        return EventDate(sat, sat + timedelta(days=1), "week")
    if kind == "yesterday":
        return _day(pub - timedelta(days=2 if g.get("two") is not None else 1))
    if kind == "today":
        return _day(pub)
    if kind == "rel_period":
        which, period = re.sub(r"\s+", " ", (g["which"] or "").lower()), (g["period"] or "").lower()
        n = 1 if which in ("last", "late last", "earlier last") else 0  # "earlier in the week": this week
        if period == "week":
            if which == "past":
                return EventDate(pub - timedelta(days=6), pub, "week")
            return _week_of(pub - timedelta(weeks=n))
        if period == "month":
            d = _shift_months(pub, n)
            return _month(d.year, d.month)
        return _year(pub.year - n)
    if kind in ("ago", "before_after"):
        return _back(pub, *_counted(g))
    if kind == "season":
        last_month = _SEASON_END[(g["season"] or "").lower()]
        this_year = not (g["which"] or "").lower().startswith("last") or last_month < pub.month
        return _year(pub.year if this_year else pub.year - 1)
    return None


def _at_precision(d: date, precision: str) -> EventDate:
    if precision == "day":
        return _day(d)
    if precision == "week":
        return _week_of(d)
    if precision == "month":
        return _month(d.year, d.month)
    return _year(d.year)


def _from_anchor(kind: str, g: dict[str, str | None], anchor: EventDate) -> EventDate | None:
    """An anchored expression ("a day later", "the next day", "that month") from the date mentioned before it;
    None when that date has no start (a day and month without a year: nothing to count from).

    The result is never finer than the anchor: "in March 2015 ... two days later" is March 2015, not a day.
    """
    base = anchor.start
    if base is None:
        return None
    if kind in ("that_month", "month_that_year", "month_around"):
        month = _MONTHS[(g.get("month") or "").lower().rstrip(".")]
        if kind != "month_around":
            return _month(base.year, month)
        if (g.get("dir") or "").lower() in ("following", "next"):
            return _month(base.year if month > base.month else base.year + 1, month)
        return _month(base.year if month < base.month else base.year - 1, month)
    count_of, unit = _counted(g)
    unit = _DAYPART.get(unit, unit)
    n = {"later": count_of, "earlier": -count_of, "next": 1, "previous": -1}.get(kind, 0)
    if unit == "day":
        d = base + timedelta(days=n)
    elif unit == "week":
        d = base + timedelta(weeks=n)
    elif unit == "month":
        d = _shift_months(base, -n)
    else:
        d = date(base.year + n, base.month, min(base.day, 28))
    coarsest = max(unit, anchor.precision, key=PRECISION_RANK.__getitem__)
    if (g.get("num") or "").lower() in ("several", "few", "a few") and coarsest != "year":
        coarsest = ("week", "month", "year")[PRECISION_RANK[coarsest]]  # "several days later": that week
    return _at_precision(d, coarsest)


def find_dates(text: str, start: int, end: int, published: date | None, *, lowered: bool = False) -> list[DateMention]:
    """Resolvable date expressions in ``text[start:end]``, non-overlapping, in order of position.

    Most resolve against ``published``; the ``ANCHORED`` kinds ("a day later", "the next day", "that week")
    against the date expression before them within ``_ANCHOR_REACH`` characters, and are dropped without one (or
    when that one has no year). With no ``published``, a month or a day and month without a year takes the year of
    the last expression before it that states one. Scan a whole article at once so that an anchor in an earlier
    sentence, and a year given paragraphs before, are seen.
    ``lowered``: ``text`` is already lower case (same offsets), so the faster case-sensitive patterns apply.
    """
    raw: list[tuple[int, int, str, dict[str, str | None]]] = []
    lower: str | None = None
    keys = _KeyWords(text, start, end)
    for kind, rx in _PATTERNS_LOWER if lowered else _PATTERNS:
        if lowered and kind in _KEYED:
            # ``finditer`` semantics (leftmost first, non-overlapping) over the possible starts only.
            last_end = -1
            for p in keys.match_starts(*_KEYED[kind]):
                if p >= last_end and (m := rx.match(text, p, end)) is not None:
                    raw.append((_start_of(m, kind), m.end(), kind, m.groupdict()))
                    last_end = m.end()
            continue
        if lower is None:
            lower = " ".join((text[start:end] if lowered else text[start:end].lower()).split())
            if not lowered and _MONTH_WORD.search(lower):
                lower += " <month>"
        if not any(word in lower for word in _REQUIRED[kind]):
            continue
        for m in rx.finditer(text, start, end):
            raw.append((_start_of(m, kind), m.end(), kind, m.groupdict()))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    day_starts = {r[0] for r in raw if r[2] in _DAY_KINDS}
    out: list[DateMention] = []
    last_end = -1
    year_before: int | None = None  # the year of the last expression that states one
    last_kind = ""
    for s, e, kind, groups in raw:
        if s < last_end:
            continue
        if kind == "weekday" and (gap := _WEEKDAY_DATE_GAP.match(text, e)) is not None and gap.end() in day_starts:
            continue  # "on Saturday, Feb. 17": the date names the day (the weekday alone is the latest such day)
        if kind in ("next", "previous") and last_kind == "month" and len(out) >= 2 \
                and (groups.get("unit") or groups.get("unit2") or "").lower() == "year" \
                and _COMMA_AT_MOST.fullmatch(text, out[-1].end, s) is not None:
            # "captured Sanaa in September 2014; Aden fell in March the following year": the month of the year after
            # (or before) the one told before, not the March before publication
            told, month = out[-2].date, out[-1].date
            if told.start is not None and month.start is not None and out[-1].start - out[-2].end <= _ANCHOR_REACH:
                shift = 1 if kind == "next" else -1
                out[-1] = DateMention(out[-1].start, e, replace(_month(told.start.year + shift, month.start.month),
                                                                basis="text_relative"))
                last_end, last_kind = e, kind
                continue
        if kind in ANCHORED:
            # ("captured Kunduz on 28 September 2015, the group's biggest victory since 2001. Afghan troops retook the
            # city two weeks later": a since-date opens a period that runs to now; the time told before it is what a
            # later one counts from, where there is one)
            told = [d for d in out[-_SINCE_SKIPPED - 1 :] if not _a_since_date(text, d)] or out[-1:]
            anchor = told[-1] if told and s - told[-1].end <= _ANCHOR_REACH else None
            resolved = _from_anchor(kind, groups, anchor.date) if anchor is not None else None
        elif kind == "before_after" and out and _JUST_A_COMMA.fullmatch(text, out[-1].end, s):
            # "recaptured Ramadi in December 2015, seven months after it fell to Isis": counted back from the date
            # the clause it qualifies gives, not from the publication
            resolved = _from_anchor("earlier", groups, out[-1].date)
        else:
            resolved = _resolve(kind, groups, published, year_before)
            # (the time told before, past a since-date between: "overran the city in September 2015, in their
            # biggest victory since 2001, ... drove them out in October" is October 2015)
            told = [d for d in out[-_SINCE_SKIPPED - 1 :] if not _a_since_date(text, d)]
            if kind in ("month", "month_day", "day_month") and resolved is not None and told \
                    and s - told[-1].end <= _STORY_REACH:
                resolved = _in_the_told_year(resolved, told[-1].date, published,
                                             same_sentence=_SENTENCE_END.search(text, told[-1].end, s) is None)
        if resolved is not None:
            if kind in ABSOLUTE and resolved.end is not None:
                year_before = resolved.end.year
            elif resolved.basis == "text":
                resolved = replace(resolved, basis="text_relative")
            out.append(DateMention(s, e, resolved, forward_only=kind == "before_after"))
            last_end, last_kind = e, kind
    return out


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def _a_since_date(text: str, d: DateMention) -> bool:
    """"since 2012": a period that runs to now, not the year a later bare month is in ("the rebels, who had held Daraa
    since 2012, surrendered the city in July": the July before publication)."""
    if _WHEN_AFTER.match(text, d.end):
        return False  # "since 2015, when rebels captured Idlib in March": the year the when-clause tells of
    return bool(_SINCE_AT.match(text, d.start) or _SINCE_BEFORE.search(text, max(0, d.start - 7), d.start))


_WHEN_AFTER = re.compile(r",?\s+when\b", re.IGNORECASE)


def _in_the_told_year(month: EventDate, told: EventDate, published: date | None, *,
                      same_sentence: bool = False) -> EventDate:
    """ "captured Gharyan in April 2019 but lost it in June": a bare month right after a month of an earlier year,
    and later in the year than it, continues that year's story (June 2019, not the June before publication); so
    does a day and month ("liberated Izium in September 2022 ... Kherson was recaptured on 11 November")."""
    if published is None or told.precision not in ("month", "day", "year") or told.start is None \
            or month.start is None:
        return month
    if told.precision == "year":
        # "since 2015, when rebels captured Idlib city in March": a bare month right after a year its sentence told
        # is that year's month (not the March before publication)
        continues = same_sentence and told.start.year < month.start.year and month.basis == "text"
    else:
        continues = told.start.year < month.start.year and told.start.month < month.start.month
    if not continues:
        return month
    if month.precision == "day":
        return replace(_safe_day(told.start.year, month.start.month, month.start.day) or month, basis=month.basis)
    return _month(told.start.year, month.start.month)


def _start_of(m: re.Match[str], kind: str) -> int:
    """Where a date expression starts: an almanac line's year, not the indent before it (the sentence starts there)."""
    return m.start("year") if kind == "almanac" else m.start()


class _KeyWords:
    """Where key words begin words of lower-cased ``text[start:end]``: one Aho-Corasick pass finds every key
    (rather than a regex scan per kind, or a ``str.find`` scan per key), kept for the kinds that share them."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._found: dict[str, list[int]] = {}
        for last, key in _KEY_AUTOMATON.iter(text, start, end):
            i = last + 1 - len(key)
            if i == 0 or not is_word_char(text[i - 1]):
                self._found.setdefault(key, []).append(i)
        months = [
            i
            for stem in _MONTH_STEMS
            for i in self._found.get(stem, ())
            if (word := _WORD_RUN.match(text, i, end)) is not None and word.group() in _MONTHS
        ]
        self._found["<month>"] = sorted(months)
        self._starts: dict[tuple[tuple[str, ...], int], list[int]] = {}

    def positions(self, key: str) -> list[int]:
        """Offsets of ``key`` not preceded by a word character (``<month>``: a whole-word month name)."""
        return self._found.get(key, [])

    def match_starts(self, keys: tuple[str, ...], words_back: int) -> list[int]:
        """Every offset where a match holding one of ``keys`` at most ``words_back`` words in may begin, in order."""
        starts = self._starts.get((keys, words_back))
        if starts is None:
            starts = sorted({p for key in keys for i in self.positions(key) for p in self._words_back(i, words_back)})
            self._starts[(keys, words_back)] = starts
        return starts

    def _words_back(self, pos: int, n: int) -> list[int]:
        """``pos`` and the starts of up to ``n`` words before it, each followed by a run of spaces or hyphens."""
        text, start = self.text, self.start
        out = [pos]
        for _ in range(n):
            q = pos
            while q > start and (text[q - 1].isspace() or text[q - 1] == "-"):
                q -= 1
            r = q
            while r > start and (text[r - 1].isalnum() or text[r - 1] == "_"):  # ``\w``, inlined (a hot loop)
                r -= 1
            if q == pos or r == q:
                break
            out.append(r)
            pos = r
        return out


def default_date(published: date | None) -> EventDate | None:
    """For a change the text does not date: on or before the article's publication day; None when the article is
    undated too (``bounded_by_receipt`` then bounds it by the day it was received)."""
    if published is None:
        return None
    return EventDate(None, published, "on_or_before", "published")


def bounded_by_receipt(found: EventDate | None, received: date) -> EventDate:
    """The date to store and show: what the text or the publication gave; else on or before ``received``, the day
    the service received the article (keeping a day and month the text gave without a year)."""
    if found is None:
        return EventDate(None, received, "on_or_before", "received")
    if found.end is None:
        return replace(found, end=received)
    return found
