"""Fixtures of the browser tests: Debian's Chromium driven by Playwright (``executable_path``; no browser download)
and the folder that keeps their screenshots, ``tests/e2e/artifacts/`` (ignored by git; printed after the run)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.settings import PROJECT_ROOT
from tests.e2e.harness import ARTIFACTS, CHROMIUM


@pytest.fixture(scope="session")
def browser_path() -> Path:
    if not CHROMIUM.exists():
        subprocess.run([str(PROJECT_ROOT / "scripts" / "install-browser.sh")], check=True)
    pytest.importorskip("playwright.sync_api", reason="pip install playwright (the Python package only)")
    return CHROMIUM


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if ARTIFACTS.is_dir() and any(ARTIFACTS.glob("*.png")):
        terminalreporter.write_line(f"map page screenshots: {ARTIFACTS}")


