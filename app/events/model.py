"""What the event extractor returns: control changes as frozen dataclasses, and their API.md JSON shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from app.geoparse.model import Mention

Precision = Literal["day", "week", "month", "year"]
# Finest first: a date at a lower rank says more.
PRECISION_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3}
# Reports of one place changing to one side this many days apart or less are the same change (the dates of a
# fast-moving story drift by a day or two); further apart they are two changes ("retook it in 2016 and again in
# 2017"). Within an article and across the articles in the store alike.
SAME_CHANGE_DAYS = 3


class Side(StrEnum):
    """The sides of the eval README's table; what a map colours by."""

    GOVERNMENT = "government"
    OPPOSITION = "opposition"
    ISIS = "isis"
    KURDISH = "kurdish"
    TURKEY = "turkey"
    OTHER = "other"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An armed actor as the article names it (``name``) and as the registry knows it (``actor``, ``side``)."""

    name: str
    actor: str
    side: Side

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "actor": self.actor, "side": self.side.value}


@dataclass(frozen=True, slots=True)
class EventDate:
    """When the change happened, as an interval at the resolution the text supports.

    ``from_text`` is False when the text gave no date and the article's publication day stands in for it, so a
    consumer can tell "the text says Friday" from "the article is from Friday".
    """

    start: date
    end: date
    precision: Precision
    from_text: bool = True

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "precision": self.precision}


@dataclass(frozen=True, slots=True)
class ControlChange:
    """One change of who controls one named place, as one sentence of an article reports it.

    ``date`` is None only when the article has no publication date and the text dates nothing.
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
