"""The service as a real process on a loopback port, a small made-up gazetteer for it, and synthetic articles."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.settings import PROJECT_ROOT

# Syrian towns with rough coordinates, under ids no real GeoNames record uses: enough to resolve and to merge.
TOWNS = (
    ("Saraqib", 35.86, 36.80), ("Khan Shaykhun", 35.44, 36.65), ("Jisr al-Shughur", 35.81, 36.32),
    ("Ariha", 35.81, 36.61), ("Kafr Nabl", 35.61, 36.56), ("Abu al-Duhur", 35.74, 37.05),
    ("Taftanaz", 35.99, 36.78), ("Binnish", 35.96, 36.71), ("Sarmin", 35.90, 36.72), ("Atarib", 36.14, 36.83),
    ("Manbij", 36.53, 37.95), ("Jarabulus", 36.82, 38.01), ("Tal Rifaat", 36.47, 37.10), ("Azaz", 36.59, 37.05),
    ("Tabqa", 35.84, 38.55), ("Mayadin", 35.02, 40.45), ("Albu Kamal", 34.45, 40.92), ("Qaryatayn", 34.23, 37.24),
    ("Suknah", 34.88, 38.87), ("Rastan", 34.93, 36.73), ("Talbiseh", 34.84, 36.73), ("Morek", 35.37, 36.70),
    ("Latamneh", 35.32, 36.62), ("Kafr Zita", 35.37, 36.60), ("Busra al-Sham", 32.52, 36.48), ("Nawa", 32.89, 36.04),
    ("Harasta", 33.56, 36.37), ("Zabadani", 33.72, 36.10), ("Daraya", 33.46, 36.24), ("Qusayr", 34.51, 36.58),
    ("Yabroud", 33.97, 36.66), ("Salma", 35.70, 36.08), ("Kessab", 35.92, 35.99), ("Sheikh Maqsoud", 36.23, 37.16),
    ("Deir Hafer", 36.16, 37.71), ("Maskanah", 35.96, 38.04), ("Tal Abyad", 36.70, 38.95), ("Ras al-Ayn", 36.85, 40.07),
    ("Shaddadi", 36.06, 40.73), ("Hajin", 34.69, 40.83),
)
FIRST_ID = 991_000_001
SIDES = ("Rebels captured the town of {town}", "The Syrian army recaptured {town}",
         "Islamic State fighters seized the town of {town}")


@contextmanager
def scratch_database(suffix: str) -> Iterator[str]:
    """A PostGIS database of its own on the test server (``<test db>_<suffix>``), created empty and dropped after."""
    from tests.conftest import postgres_url

    base = make_url(postgres_url())
    url = base.set(database=f"{base.database}_{suffix}")
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
    engine.dispose()
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        admin.dispose()


def write_gazetteer(folder: Path) -> Path:
    """A GeoNames-format places file with ``TOWNS`` (loads in a second, unlike the shipped slice)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        "\t".join((str(FIRST_ID + n), name, name, "", str(lat), str(lon), "P", "PPL", "SY", "", "10", "", "", "",
                   "25000", "", "300", "Asia/Damascus", "2026-01-01"))
        for n, (name, lat, lon) in enumerate(TOWNS)
    ]
    (folder / "SY-test.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@dataclass(frozen=True)
class SyntheticArticle:
    body: dict
    headers: dict[str, str]

    @property
    def identity(self) -> str:
        return self.body.get("url") or self.headers.get("Idempotency-Key") or self.body["text"]


def synthetic_articles(count: int, run: str) -> list[SyntheticArticle]:
    """Short reports; the same change (town, gaining side, date) recurs in several articles so events merge.

    A quarter have no url (deduplicated by text), a quarter carry an ``Idempotency-Key`` as well as a url.
    """
    articles = []
    for i in range(count):
        town = TOWNS[i % len(TOWNS)][0]
        day = date(2017, 3, 1) + timedelta(days=20 * (i % 4))
        text = (f"{SIDES[i % len(SIDES)].format(town=town)} on {day:%d %B %Y}, a monitoring group said. "
                f"Fighting continued nearby. (report {run}-{i})")
        body: dict = {"text": text, "published_at": f"{day + timedelta(days=1)}T08:00:00Z", "title": f"Report {i}"}
        headers: dict[str, str] = {}
        if i % 4 != 0:
            body["url"] = f"https://faults.example/{run}/{i}"
        if i % 4 == 1:
            headers["Idempotency-Key"] = f"{run}-{i}"
        articles.append(SyntheticArticle(body, headers))
    return articles


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServiceProcess:
    """``uvicorn app.main:create_app`` in a child process, configured by environment like production."""

    def __init__(self, *, database_url: str, var_dir: Path, gazetteer: Path, log_path: Path,
                 extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {
            **os.environ,
            "CONFLICTGEO_DATABASE_URL": database_url,
            "CONFLICTGEO_VAR_DIR": str(var_dir),
            "CONFLICTGEO_GAZETTEER_PATH": str(gazetteer),
            "CONFLICTGEO_RATE_LIMIT_PER_MINUTE": "0",
            "CONFLICTGEO_LOG_LEVEL": "WARNING",
            **(extra_env or {}),
        }
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ServiceProcess:
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            cwd=PROJECT_ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        return self

    def __exit__(self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None) -> None:
        assert self.process is not None
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self._log.close()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"the service exited: {self.log_tail()}")
            try:
                response = httpx.get(f"{self.base_url}/readyz", timeout=5)
                if response.status_code == 200:
                    return
                last = response.text
            except httpx.TransportError as exc:
                last = repr(exc)
            time.sleep(0.5)
        raise TimeoutError(f"the service did not become ready: {last}; log: {self.log_tail()}")

    def log_lines(self) -> list[dict]:
        """The service's JSON log lines (anything else it printed is skipped)."""
        lines = []
        for raw in self.log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                lines.append(json.loads(raw))
            except json.JSONDecodeError:
                continue
        return lines

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
