"""Event dates say where they come from: ``events.date_basis`` and ``events.date_month_day``.

``date_basis`` is ``text``, ``text_relative``, ``published`` or ``received`` (``app.events.model.BASES``). A date
the text does not give is no longer a day: it is "on or before" the publication day (``published``) or the day the
article was received (``received``), stored with ``date_start`` at the open-start marker 0001-01-01
(``app.store.models.OPEN_START``) and precision ``on_or_before`` (12 characters: PostgreSQL's column widens).

Existing rows: an event dated from the text (``date_from_text``) gets ``text`` (the two text bases cannot be told
apart afterwards); one that was not gets ``published`` when an article reporting it was published on its day,
else ``received``. Each report's stored Event JSON (``event_sources.event_json``) gets the same fields. A report
of an event dated from the text whose own date differs from the event's and is exactly its article's publication
day (or, with none, the day it was stored) at precision day is taken as not from the text: the cautious reading,
since the text rarely names that very day.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OPEN_START = date(1, 1, 1)
BATCH = 2000

events = sa.table(
    "events", sa.column("id", sa.String), sa.column("date_start", sa.Date), sa.column("date_end", sa.Date),
    sa.column("date_precision", sa.String), sa.column("date_from_text", sa.Boolean),
    sa.column("date_basis", sa.String),
)
sources = sa.table(
    "event_sources", sa.column("event_id", sa.String), sa.column("article_id", sa.String),
    sa.column("mention_start", sa.Integer), sa.column("event_json", sa.JSON),
)
articles = sa.table(
    "articles", sa.column("id", sa.String), sa.column("published_at", sa.DateTime(timezone=True)),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def _day(value: datetime | None) -> date | None:
    """A stored timestamp's UTC day (SQLite hands back the UTC fields without a zone)."""
    if value is None:
        return None
    return (value.astimezone(UTC) if value.tzinfo else value).date()


def _iso(value: Any) -> str | None:
    # SQLite hands back dates read through a join as text.
    return value if value is None or isinstance(value, str) else value.isoformat()


def _date_prec(start: str | None, end: str | None) -> int:
    """UCDP GED's date_prec of [start, end] (as ``app.events.model.ucdp_date_prec`` at the time of writing)."""
    if not start or not end:
        return 5
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    return 1 if days <= 1 else 2 if days <= 6 else 3 if days == 7 else 4 if days <= 31 else 5


def _source_rows(bind: sa.Connection) -> Iterator[list[Any]]:
    """Every report with its article's days and its event's flag, in batches (keyset on the primary key)."""
    key = (sources.c.event_id, sources.c.article_id, sources.c.mention_start)
    after: tuple[Any, ...] | None = None
    while True:
        statement = (
            sa.select(*key, sources.c.event_json, articles.c.published_at, articles.c.created_at,
                      events.c.date_from_text, events.c.date_start, events.c.date_end, events.c.date_precision)
            .join(articles, articles.c.id == sources.c.article_id)
            .join(events, events.c.id == sources.c.event_id)
            .order_by(*key)
            .limit(BATCH)
        )
        if after is not None:
            statement = statement.where(sa.tuple_(*key) > sa.tuple_(*after))
        rows = bind.execute(statement).all()
        if not rows:
            return
        yield rows
        after = tuple(rows[-1][:3])


def _with_basis(found: dict[str, Any], published: date | None, created: date | None, event: tuple) -> dict:
    from_text, start, end, precision = event
    day = published or created
    own_day = found.get("precision") == "day" and found.get("start") == found.get("end") == (
        day.isoformat() if day else None)
    the_events = (found.get("start"), found.get("end"), found.get("precision")) == (
        _iso(start), _iso(end), precision)
    if not from_text or (own_day and not the_events):
        return {"start": None, "end": found.get("end"), "precision": "on_or_before",
                "basis": "published" if published else "received", "date_prec": 5, "month_day": None}
    return {**found, "basis": "text", "date_prec": _date_prec(found.get("start"), found.get("end")),
            "month_day": None}


def _rewrite_sources(bind: sa.Connection, rewrite: Any) -> None:
    update = (
        sources.update()
        .where(sources.c.event_id == sa.bindparam("k_event"), sources.c.article_id == sa.bindparam("k_article"),
               sources.c.mention_start == sa.bindparam("k_mention"))
        .values(event_json=sa.bindparam("new_json"))
    )
    for rows in _source_rows(bind):
        changes = []
        for event_id, article_id, mention_start, event_json, published_at, created_at, *event in rows:
            found = (event_json or {}).get("date")
            new = rewrite(found, _day(published_at), _day(created_at), tuple(event)) if found else None
            if new is not None:
                changes.append({"k_event": event_id, "k_article": article_id, "k_mention": mention_start,
                                "new_json": {**event_json, "date": new}})
        if changes:
            bind.execute(update, changes)


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("events", sa.Column("date_basis", sa.String(16), nullable=False, server_default="text"))
    op.add_column("events", sa.Column("date_month_day", sa.String(5), nullable=True))
    if bind.dialect.name == "postgresql":
        op.alter_column("events", "date_precision", type_=sa.String(12), existing_nullable=False)

    # Events not dated by the text: published when a report's article came out on the event's day.
    undated = bind.execute(
        sa.select(events.c.id, events.c.date_end, articles.c.published_at)
        .select_from(events)
        .outerjoin(sources, sources.c.event_id == events.c.id)
        .outerjoin(articles, articles.c.id == sources.c.article_id)
        .where(events.c.date_from_text.is_(False))
    ).all()
    basis: dict[str, str] = {}
    for event_id, day, published_at in undated:
        if _day(published_at) == day or basis.get(event_id) == "published":
            basis[event_id] = "published"
        else:
            basis[event_id] = "received"
    if basis:
        bind.execute(
            events.update().where(events.c.id == sa.bindparam("k_id")).values(
                date_basis=sa.bindparam("new_basis"), date_start=OPEN_START, date_precision="on_or_before"),
            [{"k_id": event_id, "new_basis": value} for event_id, value in basis.items()],
        )

    def rewrite(found: dict, published: date | None, created: date | None, event: tuple) -> dict | None:
        return None if "basis" in found else _with_basis(found, published, created, event)

    _rewrite_sources(bind, rewrite)


def downgrade() -> None:
    bind = op.get_bind()

    def rewrite(found: dict, published: date | None, created: date | None, event: tuple) -> dict | None:
        if "basis" not in found:
            return None
        old = {k: v for k, v in found.items() if k not in ("basis", "date_prec", "month_day")}
        if old.get("start") is None:
            old.update(start=old.get("end"), precision="day")
        return old

    _rewrite_sources(bind, rewrite)
    bind.execute(events.update().where(events.c.date_start == OPEN_START).values(
        date_start=events.c.date_end, date_precision="day"))
    if bind.dialect.name == "postgresql":
        op.alter_column("events", "date_precision", type_=sa.String(10), existing_nullable=False)
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_month_day")
        batch.drop_column("date_basis")
