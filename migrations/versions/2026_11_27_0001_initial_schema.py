"""Initial schema: gazetteer, articles, mentions, events and their sources.

On PostgreSQL it also enables PostGIS and pg_trgm and adds geometry columns generated from lat/lon (so writes
are the same on both backends), GiST indexes on them, and a trigram index for fuzzy name search.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")

    op.create_table(
        "places",
        sa.Column("geonameid", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("asciiname", sa.String(200), nullable=False),
        sa.Column("feature_class", sa.String(1), nullable=False),
        sa.Column("feature_code", sa.String(10), nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("admin1_code", sa.String(20), nullable=False),
        sa.Column("admin2_code", sa.String(80), nullable=False),
        sa.Column("population", sa.BigInteger, nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
    )
    op.create_index("ix_places_lon_lat", "places", ["lon", "lat"])
    op.create_index("ix_places_country_admin1", "places", ["country_code", "admin1_code"])

    op.create_table(
        "place_names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("geonameid", sa.BigInteger, sa.ForeignKey("places.geonameid", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("normalized", sa.String(400), nullable=False),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("skeleton", sa.String(400), nullable=False),
        sa.Column("is_primary", sa.Boolean, nullable=False),
        sa.UniqueConstraint("geonameid", "name", name="uq_place_names_geonameid_name"),
    )
    op.create_index("ix_place_names_key", "place_names", ["key"])
    op.create_index("ix_place_names_skeleton", "place_names", ["skeleton"])
    op.create_index("ix_place_names_normalized", "place_names", ["normalized"])

    op.create_table(
        "admin_areas",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("geonameid", sa.BigInteger, nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("country_code", sa.String(2), nullable=False),
        sa.Column("geojson", sa.Text, nullable=False),
        sa.Column("min_lon", sa.Float, nullable=False),
        sa.Column("min_lat", sa.Float, nullable=False),
        sa.Column("max_lon", sa.Float, nullable=False),
        sa.Column("max_lat", sa.Float, nullable=False),
    )

    op.create_table(
        "admin_codes",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("asciiname", sa.String(200), nullable=False),
        sa.Column("geonameid", sa.BigInteger, nullable=True),
    )

    op.create_table(
        "gazetteer_files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )

    op.create_table(
        "articles",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("url", sa.String(2000), nullable=True),
        sa.Column("dedup_key", sa.String(100), nullable=False, unique=True),
        sa.Column("text_sha256", sa.String(64), nullable=False, index=True),
        sa.Column("idempotency_key", sa.String(200), nullable=True, unique=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("source", sa.String(400), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(36), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.String(400), nullable=False),
        sa.Column("geonameid", sa.BigInteger, nullable=True),
        sa.Column("region_geonameid", sa.BigInteger, nullable=True),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("resolved_by", sa.String(60), nullable=False),
        sa.Column("is_dateline", sa.Boolean, nullable=False),
        sa.Column("alternatives", sa.JSON, nullable=False),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_geonameid", "mentions", ["geonameid"])

    op.create_table(
        "events",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("geonameid", sa.BigInteger, nullable=True),
        sa.Column("place_name", sa.String(400), nullable=False),
        sa.Column("place_key", sa.String(400), nullable=False),
        sa.Column("region_geonameid", sa.BigInteger, nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("geo_precision", sa.Integer, nullable=False),
        sa.Column("gained_side", sa.String(20), nullable=True),
        sa.Column("gained_actor", sa.String(80), nullable=True),
        sa.Column("gained_name", sa.String(200), nullable=True),
        sa.Column("lost_side", sa.String(20), nullable=True),
        sa.Column("lost_actor", sa.String(80), nullable=True),
        sa.Column("lost_name", sa.String(200), nullable=True),
        sa.Column("claimed_by", sa.String(200), nullable=True),
        sa.Column("date_start", sa.Date, nullable=False),
        sa.Column("date_end", sa.Date, nullable=False),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("date_from_text", sa.Boolean, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("source_count", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_events_date_id", "events", ["date_start", "id"])
    op.create_index("ix_events_lon_lat", "events", ["lon", "lat"])
    op.create_index("ix_events_geonameid_date", "events", ["geonameid", "date_start"])
    op.create_index("ix_events_merge", "events", ["place_key", "gained_side", "date_start"])

    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(36), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(36), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("mention_start", sa.Integer, primary_key=True),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("claimed_by", sa.String(200), nullable=True),
        sa.Column("event_json", sa.JSON, nullable=False),
    )
    op.create_index("ix_event_sources_article_id", "event_sources", ["article_id"])

    if postgres:
        # Generated from lat/lon: inserts stay backend-neutral, and PostGIS indexes the points.
        op.execute(
            "ALTER TABLE places ADD COLUMN geom geometry(Point, 4326) "
            "GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED"
        )
        op.execute("CREATE INDEX ix_places_geom ON places USING gist (geom)")
        op.execute(
            "ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) "
            "GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED"
        )
        op.execute("CREATE INDEX ix_events_geom ON events USING gist (geom)")
        op.execute(
            "ALTER TABLE admin_areas ADD COLUMN geom geometry(MultiPolygon, 4326) "
            "GENERATED ALWAYS AS (ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326))) STORED"
        )
        op.execute("CREATE INDEX ix_admin_areas_geom ON admin_areas USING gist (geom)")
        op.execute("CREATE INDEX ix_place_names_key_trgm ON place_names USING gin (key gin_trgm_ops)")


def downgrade() -> None:
    for table in ("event_sources", "events", "mentions", "articles", "gazetteer_files", "admin_codes", "admin_areas",
                  "place_names", "places"):
        op.drop_table(table)
