"""Migration 0003 on both backends: events stored before dates had a basis get one, and the way back restores them.

Each backend gets a database of its own (a file; a throw-away PostgreSQL database beside the test one), migrated
to 0002, filled with rows as the service wrote them then, migrated to head and back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, MetaData, Table, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from app.store.database import ALEMBIC_INI
from tests.conftest import postgres_url

OPEN_START = date(1, 1, 1)
PUBLISHED = datetime(2017, 10, 23, 10, tzinfo=UTC)
STORED = datetime(2026, 1, 2, 8, tzinfo=UTC)


@pytest.fixture
def engine(backend: str, tmp_path: Path) -> Iterator[Engine]:
    if backend == "sqlite":
        engine = create_engine(f"sqlite:///{tmp_path / 'migration.sqlite3'}")
        yield engine
        engine.dispose()
        return
    url = make_url(postgres_url())
    name = f"{url.database}_migration"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(url.set(database=name))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = Config(str(ALEMBIC_INI))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def tables(engine: Engine) -> dict[str, Table]:
    """The tables as the database has them at its revision (PostGIS's geometry column reflects as NullType)."""
    metadata = MetaData()
    return {name: Table(name, metadata, autoload_with=engine) for name in ("articles", "events", "event_sources")}


def old_event(event_id: str, day: date, from_text: bool) -> dict[str, Any]:
    return dict(
        id=event_id, geonameid=1, place_name="Morek", place_key="g:1", region_geonameid=None, lat=35.0, lon=37.0,
        geo_precision=1, gained_side="government", gained_actor=None, gained_name=None, lost_side=None,
        lost_actor=None, lost_name=None, claimed_by=None, date_start=day, date_end=day, date_precision="day",
        date_from_text=from_text, evidence_text="The army took Morek.", confidence=0.9, source_count=1,
        created_at=STORED, updated_at=STORED,
    )


def old_source(event_id: str, article_id: str, day: str) -> dict[str, Any]:
    return dict(event_id=event_id, article_id=article_id, mention_start=0, evidence_text="The army took Morek.",
                evidence_start=0, evidence_end=20, claimed_by=None,
                event_json={"type": "control_change", "date": {"start": day, "end": day, "precision": "day"}})


@pytest.mark.filterwarnings("ignore:Did not recognize type 'geometry'")
def test_existing_dates_get_a_basis_and_the_downgrade_restores_them(engine: Engine) -> None:
    migrate(engine, "0002")
    t = tables(engine)
    with engine.begin() as connection:
        for article_id, published in (("p", PUBLISHED), ("r", None)):
            connection.execute(insert(t["articles"]).values(
                id=article_id, dedup_key=f"text:{article_id}", text_sha256=article_id, text="...",
                published_at=published, created_at=STORED))
        connection.execute(insert(t["events"]), [
            old_event("text", date(2017, 10, 22), True),
            old_event("published", date(2017, 10, 23), False),
            old_event("received", date(2026, 1, 2), False),
        ])
        connection.execute(insert(t["event_sources"]), [
            old_source("text", "p", "2017-10-22"),
            old_source("text", "r", "2026-01-02"),  # merged in: that article's fallback, its day of storing
            old_source("published", "p", "2017-10-23"),
            old_source("received", "r", "2026-01-02"),
        ])

    migrate(engine, "head")
    t = tables(engine)
    with engine.connect() as connection:
        events = {row.id: row for row in connection.execute(select(t["events"]))}
        sources = {(row.event_id, row.article_id): row.event_json for row in connection.execute(
            select(t["event_sources"]))}
    assert {k: (e.date_basis, e.date_start, e.date_end, e.date_precision, e.date_from_text, e.date_month_day)
            for k, e in events.items()} == {
        "text": ("text", date(2017, 10, 22), date(2017, 10, 22), "day", True, None),
        "published": ("published", OPEN_START, date(2017, 10, 23), "on_or_before", False, None),
        "received": ("received", OPEN_START, date(2026, 1, 2), "on_or_before", False, None),
    }
    open_date = {"start": None, "precision": "on_or_before", "date_prec": 5, "month_day": None}
    assert sources[("text", "p")]["date"] == {"start": "2017-10-22", "end": "2017-10-22", "precision": "day",
                                              "basis": "text", "date_prec": 1, "month_day": None}
    assert sources[("text", "r")]["date"] == {**open_date, "end": "2026-01-02", "basis": "received"}
    assert sources[("published", "p")]["date"] == {**open_date, "end": "2017-10-23", "basis": "published"}
    assert sources[("received", "r")]["date"] == {**open_date, "end": "2026-01-02", "basis": "received"}
    assert sources[("text", "p")]["type"] == "control_change"

    migrate(engine, "0002", down=True)
    t = tables(engine)
    assert "date_basis" not in t["events"].c and "date_month_day" not in t["events"].c
    with engine.connect() as connection:
        restored = {row.id: (row.date_start, row.date_end, row.date_precision, row.date_from_text)
                    for row in connection.execute(select(t["events"]))}
        jsons = [row.event_json["date"] for row in connection.execute(select(t["event_sources"]))]
    assert restored == {
        "text": (date(2017, 10, 22), date(2017, 10, 22), "day", True),
        "published": (date(2017, 10, 23), date(2017, 10, 23), "day", False),
        "received": (date(2026, 1, 2), date(2026, 1, 2), "day", False),
    }
    assert all(set(d) == {"start", "end", "precision"} and d["start"] == d["end"] for d in jsons)
