"""Covering index for newest-first map pages: answer "which events, in what order" from the index alone.

A bbox page sorts by (date_start, id) and filters on the point, the date range and the side. With only
``ix_events_date_id`` each candidate row is a random heap visit (about 80 ms for a 1°×1° page of 100 out of a
million events); with the filter columns carried in the index PostgreSQL runs an index-only scan (about 2 ms) and
visits the heap for the 100 rows it returns. It supersedes ``ix_events_date_id`` there. SQLite gets the same
columns as a plain composite index, which its planner uses as a covering index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_events_date_id_cover ON events (date_start, id) INCLUDE (geom, date_end, gained_side)"
        )
        op.drop_index("ix_events_date_id", table_name="events")
    else:
        op.create_index("ix_events_date_id_cover", "events", ["date_start", "id", "lon", "lat", "date_end",
                                                               "gained_side"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_events_date_id", "events", ["date_start", "id"])
    op.drop_index("ix_events_date_id_cover", table_name="events")
