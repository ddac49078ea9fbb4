"""The change feed mirrors sync from: events changed after a position of the change cursor, and tombstones of
the events removed, in cursor order.

Every write that changes events stamps them (and the tombstones of those it deletes) with the next value of the
change cursor, taken last in its transaction (``article_repo.record_changes``), so cursor order is commit order.
A position is ``N`` (everything after cursor value N) or ``N:ID`` (within N, after event id ID: pages split a
write's changes). Events from before the cursor existed carry no value and sort as 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from app.store import event_queries
from app.store.event_queries import EventFilters, MapEvent
from app.store.models import EventRow, EventTombstone

_EVENTS, _TOMBSTONES = EventRow.__table__, EventTombstone.__table__
_POSITION = re.compile(r"^(\d{1,18})(?::([0-9A-Za-z-]{1,36}))?$")


@dataclass(frozen=True, slots=True)
class FeedPosition:
    seq: int
    id: str = ""

    @classmethod
    def parse(cls, value: str) -> FeedPosition:
        """Raises ValueError for anything but ``N`` or ``N:ID``."""
        found = _POSITION.match(value.strip())
        if not found:
            raise ValueError("updated_since must be a change cursor: N, or N:ID from a `next` link (0: everything)")
        return cls(int(found.group(1)), found.group(2) or "")

    def encode(self) -> str:
        return f"{self.seq}:{self.id}" if self.id else str(self.seq)


@dataclass(frozen=True, slots=True)
class Change:
    """An event as it is now (``event``), or the id of a removed one (``event`` None)."""

    seq: int
    id: str
    event: MapEvent | None


def changes_since(*, session: Session, after: FeedPosition, limit: int,
                  filters: EventFilters) -> tuple[list[Change], FeedPosition | None]:
    """Up to ``limit`` changes after ``after``, in cursor order, and the position to continue from (None: none
    left). Filters narrow the events; tombstones are all returned (a removed event has no place left to filter)."""
    seq = func.coalesce(_EVENTS.c.change_seq, 0)
    events = session.execute(
        select(_EVENTS).where(tuple_(seq, _EVENTS.c.id) > tuple_(after.seq, after.id),
                              *event_queries._conditions(session, filters))
        .order_by(seq, _EVENTS.c.id).limit(limit + 1)
    ).mappings().all()
    gone = session.execute(
        select(_TOMBSTONES.c.change_seq, _TOMBSTONES.c.event_id)
        .where(tuple_(_TOMBSTONES.c.change_seq, _TOMBSTONES.c.event_id) > tuple_(after.seq, after.id))
        .order_by(_TOMBSTONES.c.change_seq, _TOMBSTONES.c.event_id).limit(limit + 1)
    ).all()
    live = {e.id: e for e in event_queries._with_articles(session, events)}
    merged = sorted([Change(row["change_seq"] or 0, row["id"], live[row["id"]]) for row in events]
                    + [Change(s, i, None) for s, i in gone], key=lambda c: (c.seq, c.id))
    page = merged[:limit]
    following = FeedPosition(page[-1].seq, page[-1].id) if len(merged) > limit else None
    return page, following
