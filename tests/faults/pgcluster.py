"""A throw-away PostgreSQL cluster that a test may stop and start (never the machine's main cluster).

Built with the installed PostgreSQL binaries (``initdb``/``pg_ctl``) in a temporary folder owned by the
``postgres`` user; the commands run as that user (``runuser``), so the tests that use it must run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from tests.faults.service import free_port


def postgres_bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def unavailable_reason() -> str | None:
    """Why this machine cannot host a throw-away cluster, or None when it can."""
    if os.geteuid() != 0:
        return "needs root (to run PostgreSQL as the postgres user)"
    if postgres_bin_dir() is None:
        return "PostgreSQL server binaries not installed"
    if shutil.which("runuser") is None:
        return "runuser not available"
    if not glob.glob(f"/usr/share/postgresql/{postgres_bin_dir().parent.name}/extension/postgis.control"):
        return "PostGIS not installed for this PostgreSQL"
    return None


class ThrowawayCluster:
    def __init__(self, port: int = 5499) -> None:
        bin_dir = postgres_bin_dir()
        assert bin_dir is not None
        self.bin_dir = bin_dir
        self.port = port if _port_is_free(port) else free_port()
        self.root = Path(tempfile.mkdtemp(prefix="conflictgeo-faults-"))
        self.data = self.root / "data"
        self.log = self.root / "postgresql.log"
        shutil.chown(self.root, "postgres", "postgres")
        self.root.chmod(0o700)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _as_postgres(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, timeout=timeout,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self.root)

    def create(self, database: str) -> None:
        self._as_postgres(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                          "--no-sync", "-E", "UTF8")
        self.start()
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{database}"')
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database,
                             autocommit=True) as connection:
            connection.execute("CREATE EXTENSION IF NOT EXISTS postgis")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        self._as_postgres(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                          "-w", "-t", "60", "start", timeout=90)

    def stop(self, mode: str = "fast") -> None:
        """``fast`` is a clean shutdown; ``immediate`` is a crash (recovery from WAL on the next start)."""
        self._as_postgres(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def is_up(self) -> bool:
        try:
            with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                                 connect_timeout=2):
                return True
        except psycopg.OperationalError:
            return False

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self.stop("immediate")
            except subprocess.CalledProcessError:
                time.sleep(1)
        shutil.rmtree(self.root, ignore_errors=True)


def _port_is_free(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True
