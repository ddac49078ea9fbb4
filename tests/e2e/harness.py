"""What the browser tests share: Chromium's flags, and the real service started with uvicorn on a free loopback
port, its embedded SQLite database in a temporary folder with only the shipped admin outlines loaded (start-up
stays short); each test module starts its own and writes the rows it needs straight into that database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from app.settings import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         # WebGL on the CPU: MapLibre draws with WebGL and the test machine has no GPU.
         "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_service(var_dir: Path) -> Iterator[tuple[str, Path]]:
    """The service on a free port; yields its base URL and its SQLite database file."""
    port = free_port()
    env = {**os.environ, "CONFLICTGEO_DATABASE_URL": "", "CONFLICTGEO_VAR_DIR": str(var_dir),
           "CONFLICTGEO_GAZETTEER_PATH": str(PROJECT_ROOT / "data" / "gazetteer" / "admin_areas.geojson.xz"),
           "CONFLICTGEO_BASEMAP_URL": "", "CONFLICTGEO_RATE_LIMIT_PER_MINUTE": "0", "CONFLICTGEO_LOG_LEVEL": "WARNING"}
    log = open(var_dir / "server.log", "w")  # noqa: SIM115 - open for the server's whole life
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            # Migrated (map-config reads the events table) and the outlines loaded.
            try:
                if (httpx.get(f"{base}/v1/map-config", timeout=2).status_code == 200
                        and httpx.get(f"{base}/v1/admin-areas?level=0&bbox=38,34,39,35", timeout=5).json()["features"]):
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"service did not start: {(var_dir / 'server.log').read_text()[-2000:]}")
            time.sleep(0.5)
        yield base, var_dir / "conflictgeo.sqlite3"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def screen_point(page, lon: float, lat: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Where a lon/lat lies on the page, in page pixels."""
    x, y = page.evaluate("([lon, lat]) => { const p = conflictgeo.map.project([lon, lat]); return [p.x, p.y]; }",
                         [lon, lat])
    box = page.locator("#map canvas").bounding_box()
    assert box is not None
    return box["x"] + x, box["y"] + y


def click_at(page, lon: float, lat: float) -> None:  # type: ignore[no-untyped-def]
    page.mouse.click(*screen_point(page, lon, lat))
