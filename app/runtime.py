"""What the running service holds: the database engine, the name index, and whether it is ready.

Start-up work (migrations, the first gazetteer load, the name index) runs in a background thread so that the
process answers ``/healthz`` at once and ``/readyz`` turns ready only when everything is in place.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from app.settings import Settings

log = logging.getLogger(__name__)
# A sentence written to pass through every stage once at start-up (places, an event, an actor, a date).
_WARM_UP_TEXT = "Government forces captured the town of Morek in Hama province from rebels on Sunday, the army said."


@dataclass
class Runtime:
    settings: Settings
    engine: Engine | None = None
    session_factory: sessionmaker[Session] | None = None
    analyser: Any = None
    geocoder: Any = None  # app.geocoding.FallbackGeocoder when CONFLICTGEO_GEOCODER_URL is set
    queue: Any = None  # app.queue.JobQueue on PostgreSQL (None: analysed inline)
    gazetteer_loaded: bool = False
    startup_error: str | None = None
    startup_seconds: float | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

    def start(self, *, background: bool = True) -> None:
        from app.store.database import make_engine, make_session_factory

        self.engine = make_engine(self.settings)
        self.session_factory = make_session_factory(self.engine)
        from app.geocoding import from_settings
        from app.queue import JobQueue, queue_enabled

        if queue_enabled(self.settings):
            self.queue = JobQueue(self.settings)

        self.geocoder = from_settings(self.settings)
        if background:
            self._thread = threading.Thread(target=self._prepare, name="conflictgeo-startup", daemon=True)
            self._thread.start()
        else:
            self._prepare()

    def wait_ready(self, timeout: float = 600) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return self.gazetteer_loaded and self.analyser is not None

    def _prepare(self) -> None:
        began = time.perf_counter()
        # The database may still be starting (docker-compose): retry instead of dying.
        for attempt in range(60):
            try:
                self._migrate_and_load()
                break
            except Exception as exc:
                self.startup_error = f"{type(exc).__name__}: {exc}"
                log.warning("start-up step failed, retrying", extra={"attempt": attempt, "error": self.startup_error})
                if not self._retryable(exc):
                    log.exception("start-up failed")
                    return
                time.sleep(min(2 + attempt, 10))
        self.startup_seconds = time.perf_counter() - began
        log.info("service ready", extra={"startup_seconds": round(self.startup_seconds, 2)})

    @staticmethod
    def _retryable(exc: Exception) -> bool:
        from sqlalchemy.exc import OperationalError

        return isinstance(exc, OperationalError)

    def _migrate_and_load(self) -> None:
        from app.gazetteer_load import load_gazetteer
        from app.store import gazetteer_repo
        from app.store.database import migrate, transaction

        assert self.engine is not None and self.session_factory is not None
        migrate(self.engine)
        with transaction(self.session_factory) as session:
            empty = gazetteer_repo.count_places(session=session) == 0
        if empty and self.settings.load_gazetteer_on_start:
            log.info("gazetteer empty: loading the shipped slice", extra={"path": str(self.settings.gazetteer_path)})
            load_gazetteer([self.settings.gazetteer_path], session_factory=self.session_factory)
        with transaction(self.session_factory) as session:
            self.gazetteer_loaded = gazetteer_repo.count_places(session=session) > 0
        analyser = build_analyser(self.session_factory, self.settings)
        # The first analysis compiles patterns and reads word lists (~60 ms): done here, before /readyz says ready,
        # not in the first client's request.
        analyser.analyse(_WARM_UP_TEXT, published_at=None, title=None)
        self.analyser = analyser
        self.startup_error = None
        # What start-up built lives as long as the process: moving it out of the collector's generations saves
        # the collector re-scanning it (~150k objects) in every full collection, ~1 ms per article ingested.
        gc.collect()
        gc.freeze()

    def reload_index(self) -> None:
        """Rebuild the name index from the stored gazetteer (after a load in this process): analysis and place
        search read the index, so places loaded since it was built are found once it is rebuilt, or at the next
        start for a load run by another process (``conflictgeo gazetteer load``)."""
        assert self.session_factory is not None
        self.analyser = build_analyser(self.session_factory, self.settings)

    def readiness(self) -> tuple[bool, dict[str, Any]]:
        """Ready when the database answers, migrations are at head and the gazetteer is loaded."""
        from app.store.database import schema_is_current

        checks: dict[str, Any] = {"database": False, "migrations": False, "gazetteer": self.gazetteer_loaded,
                                  "name_index": self.analyser is not None}
        if self.engine is not None:
            try:
                with self.engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                checks["database"] = True
                checks["migrations"] = schema_is_current(self.engine)
            except Exception as exc:  # noqa: BLE001 - readiness reports, never raises
                checks["error"] = f"{type(exc).__name__}"
        if self.startup_error:
            checks["startup_error"] = self.startup_error[:300]
        ready = all(checks[k] for k in ("database", "migrations", "gazetteer", "name_index"))
        return ready, checks

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()


def build_analyser(session_factory: sessionmaker[Session], settings: Settings) -> Any:
    """The name index from the stored gazetteer (cached on disk by its fingerprint) and the pipeline on it."""
    from app.gazetteer.index import GazetteerIndex
    from app.pipeline import Analyser, pipeline_version
    from app.store import gazetteer_repo

    with session_factory() as session:
        fingerprint = gazetteer_repo.gazetteer_fingerprint(session=session)
        index = GazetteerIndex.cached(
            fingerprint=fingerprint,
            cache_dir=settings.cache_dir or settings.var_dir / "cache",
            places=lambda: gazetteer_repo.iter_places_with_names(session=session),
        )
    return Analyser(index, version=pipeline_version(fingerprint))
