"""Fixtures shared by every test folder: the two storage backends, each migrated and loaded once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from app.main import create_app
from app.settings import Settings

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/conflictgeo_test"
BACKENDS = ("sqlite", "postgis")


def postgres_url() -> str:
    return os.environ.get("CONFLICTGEO_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _check_postgis(url: str) -> None:
    """PostGIS is part of what is tested: if it is missing the suite fails here instead of skipping."""
    try:
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        engine.dispose()
    except OperationalError as exc:  # pragma: no cover - reported as a failure, not a skip
        pytest.fail(f"PostgreSQL with PostGIS is required at {url} (run scripts/test.sh): {exc}", pytrace=False)


DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="session")
def redis_url() -> str:
    """Shared rate limits are tested against a real Redis; if none answers the tests fail here, never skip."""
    import redis

    url = os.environ.get("CONFLICTGEO_TEST_REDIS_URL", DEFAULT_REDIS_URL)
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:  # pragma: no cover - reported as a failure, not a skip
        pytest.fail(f"Redis is required at {url} (run scripts/test.sh, which starts it): {exc}", pytrace=False)
    return url


def backend_settings(backend: str, var_dir: Path, cache_dir: Path) -> Settings:
    """Both backends load the same gazetteer files, so they share one name-index cache."""
    url = ""
    if backend == "postgis":
        url = postgres_url()
        _check_postgis(url)
    return Settings(database_url=url, var_dir=var_dir, cache_dir=cache_dir, log_level="WARNING")


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def index_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index-cache")


@pytest.fixture(scope="session")
def settings(backend: str, tmp_path_factory: pytest.TempPathFactory, index_cache_dir: Path) -> Settings:
    return backend_settings(backend, tmp_path_factory.mktemp(f"var-{backend}"), index_cache_dir)


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    """The app on one backend, started synchronously: migrated, shipped gazetteer loaded, index built."""
    app = create_app(settings, background_startup=False)
    with TestClient(app) as test_client:
        yield test_client
