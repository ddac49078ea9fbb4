"""Queue and re-analysis: article status and pipeline version, batches, the change cursor and tombstones; on
PostgreSQL, procrastinate's job tables.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("status", sa.String(10), nullable=False, server_default="done"))
    op.add_column("articles", sa.Column("pipeline_version", sa.String(120), nullable=True))
    op.add_column("articles", sa.Column("failure_reason", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("articles", sa.Column("batch_id", sa.String(36), nullable=True))
    op.create_index("ix_articles_pipeline_version", "articles", ["pipeline_version"])
    op.create_index("ix_articles_batch_id", "articles", ["batch_id"])
    op.create_table(
        "batches",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("repeated", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "change_cursor",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    op.execute("INSERT INTO change_cursor (id, value) VALUES (1, 0)")
    op.add_column("events", sa.Column("change_seq", sa.BigInteger(), nullable=True))
    op.create_index("ix_events_change_seq", "events", ["change_seq"])
    op.create_table(
        "event_tombstones",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_event_tombstones_change_seq", "event_tombstones", ["change_seq"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        exists = bind.exec_driver_sql("SELECT to_regclass('procrastinate_jobs') IS NOT NULL").scalar()
        if not exists:
            # procrastinate's schema as its release ships it, in this transaction (no parameters: the driver
            # sends it as is). Later procrastinate versions bring their own migrations: see docs/SCALING.md.
            bind.connection.driver_connection.execute(SchemaManager.get_schema())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(
            "DROP TABLE IF EXISTS procrastinate_events, procrastinate_periodic_defers, procrastinate_jobs, "
            "procrastinate_workers CASCADE")
    op.drop_index("ix_event_tombstones_change_seq", "event_tombstones")
    op.drop_table("event_tombstones")
    op.drop_index("ix_events_change_seq", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("change_seq")
    op.drop_table("change_cursor")
    op.drop_table("batches")
    op.drop_index("ix_articles_batch_id", "articles")
    op.drop_index("ix_articles_pipeline_version", "articles")
    with op.batch_alter_table("articles") as batch:
        for column in ("batch_id", "attempts", "analysed_at", "failure_reason", "pipeline_version", "status"):
            batch.drop_column(column)
