"""The fallback geocoder's answers, misses included, so that each name is asked once (``geocoder_answers``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "geocoder_answers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("query", sa.String(400), nullable=False),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("osm_class", sa.String(40), nullable=True),
        sa.Column("osm_type", sa.String(40), nullable=True),
        sa.Column("country_code", sa.String(2), nullable=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("query", name="uq_geocoder_answers_query"),
    )


def downgrade() -> None:
    op.drop_table("geocoder_answers")
