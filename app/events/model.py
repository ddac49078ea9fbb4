"""What the event extractor returns: control changes as frozen dataclasses, and their API.md JSON shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from app.geoparse.model import Mention
from app.sides import Side  # re-exported: the extractor names sides through the model

# "on_or_before": the interval has no start, only its end (see ``EventDate``).
Precision = Literal["day", "week", "month", "year", "on_or_before"]
# Finest first: a date at a lower rank says more.
PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3, "on_or_before": 4}
# Where a date comes from: the text states it ("on 6 August 2016", "in 2015"); the text gives it relative to the
# publication date or to another date in the text ("on Sunday", "a day later", "on 11 November" after "in 2022");
# the publication date stands in for it; nothing gives it, so it is bounded by the day the service received the
# article.
Basis = Literal["text", "text_relative", "published", "received"]
BASES: tuple[str, ...] = ("text", "text_relative", "published", "received")
FROM_TEXT: frozenset[str] = frozenset({"text", "text_relative"})
# Reports of one place changing to one side this many days apart or less are the same change (the dates of a
# fast-moving story drift by a day or two); further apart they are two changes ("retook it in 2016 and again in
# 2017"). Within an article and across the articles in the store alike.
SAME_CHANGE_DAYS = 3


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An armed actor as the article names it (``name``) and as the registry knows it (``actor``, ``side``)."""

    name: str
    actor: str
    side: Side

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "actor": self.actor, "side": self.side.value}


def ucdp_date_prec(start: date | None, end: date | None) -> int:
    """The width of ``[start, end]`` on UCDP GED's ``date_prec`` scale: 1 a day; 2 two to six days; 3 a week;
    4 eight to 31 days (a month); 5 longer (a year), or no start at all ("on or before")."""
    if start is None or end is None:
        return 5
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 6 else 3 if days == 7 else 4 if days <= 31 else 5


@dataclass(frozen=True, slots=True)
class EventDate:
    """When the change happened, as an interval at the resolution its ``basis`` supports.

    With basis ``text`` or ``text_relative`` both ends are known. With ``published`` or ``received`` the change
    happened on or before ``end`` (the publication day, or the day the article was received) and ``start`` is
    None: the text does not say how long before. ``month_day`` holds a day and month the text gives without a
    year that nothing supplies ("on 11 November"); the date is then ``received``, and until the caller knows that
    day (``bounded_by_receipt``) ``end`` is None as well.
    """

    start: date | None
    end: date | None
    precision: Precision
    basis: Basis = "text"
    month_day: tuple[int, int] | None = None
    # taken from an earlier sentence that names the place (the change's own sentence dates nothing): a weaker
    # reading, which another report of the change that dates it itself replaces
    borrowed: bool = field(default=False, compare=False)

    @property
    def from_text(self) -> bool:
        """The text gives the date (rather than the article's publication or receipt day)."""
        return self.basis in FROM_TEXT

    @property
    def date_prec(self) -> int:
        return ucdp_date_prec(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return date_to_dict(self.start, self.end, self.precision, self.basis, self.month_day)


def date_to_dict(
    start: date | None, end: date | None, precision: str, basis: str, month_day: tuple[int, int] | None
) -> dict[str, Any]:
    """API.md's ``date`` object: ``start`` null when open; ``month_day`` as ISO 8601's ``--MM-DD`` (no year)."""
    return {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "precision": precision,
        "basis": basis,
        "date_prec": ucdp_date_prec(start, end),
        "month_day": f"--{month_day[0]:02d}-{month_day[1]:02d}" if month_day else None,
    }


@dataclass(frozen=True, slots=True)
class ControlChange:
    """One change of who controls one named place, as one sentence of an article reports it.

    ``date`` is None only when the article has no publication date and the text dates nothing (the caller bounds
    it by the day it received the article: ``app.events.dates.bounded_by_receipt``).
    ``evidence_start``/``evidence_end`` index the original text (end exclusive), like mention offsets.
    """

    place: Mention
    gained_by: ActorRef | None
    lost_by: ActorRef | None
    claimed_by: str | None
    date: EventDate | None
    geo_precision: int
    evidence_text: str
    evidence_start: int
    evidence_end: int
    confidence: float
    trigger: str

    def to_dict(self) -> dict[str, Any]:
        """The API.md Event without ``id`` and ``place`` (the caller owns how a Mention is serialised)."""
        return {
            "type": "control_change",
            "gained_by": self.gained_by.to_dict() if self.gained_by else None,
            "lost_by": self.lost_by.to_dict() if self.lost_by else None,
            "claimed_by": self.claimed_by,
            "date": self.date.to_dict() if self.date else None,
            "geo_precision": self.geo_precision,
            "evidence": {"text": self.evidence_text, "start": self.evidence_start, "end": self.evidence_end},
            "confidence": round(self.confidence, 2),
        }


def event_to_dict(change: ControlChange, mention_serializer: Callable[[Mention], dict[str, Any]]) -> dict[str, Any]:
    """The full API.md Event (minus ``id``, which only storage assigns), keys in the documented order."""
    body = change.to_dict()
    return {"type": body.pop("type"), "place": mention_serializer(change.place), **body}
