"""The job queue: procrastinate on the service's own PostgreSQL (no other server), for analyses run by workers.

An accepted article and its job are written in one transaction (``defer`` runs on the caller's connection), so
an accepted article always has its job. Workers (``conflictgeo worker``) are processes on any machine that
reaches the database; each has a unique name and a heartbeat, and a periodic job hands the jobs of workers whose
heartbeat stopped (killed, machine lost) back to the queue, including the known case of a dead worker pruned
from ``procrastinate_workers`` whose job stayed in ``doing`` with no worker. A retry is harmless: the analysis
is stored keyed by article and pipeline version (``app.articles.analyse_stored``). The embedded SQLite install
has no queue: there everything is analysed inline.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass
from typing import Any

import procrastinate
from procrastinate import JobContext, RetryStrategy
from sqlalchemy import Connection

from app.settings import Settings

log = logging.getLogger(__name__)
QUEUE_NAME = "articles"
ANALYSE_TASK = "conflictgeo.analyse_article"
RECOVER_TASK = "conflictgeo.retry_stalled_jobs"


def libpq_url(database_url: str) -> str:
    """The SQLAlchemy URL as libpq reads it (psycopg's own pool, used by procrastinate)."""
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgres://"):
        if database_url.startswith(prefix):
            return "postgresql://" + database_url[len(prefix):]
    return database_url


def queue_enabled(settings: Settings) -> bool:
    """PostgreSQL with the queue switched on; the embedded SQLite install analyses inline."""
    return settings.effective_database_url.startswith("postgresql") and settings.queue_enabled


@dataclass
class WorkerState:
    """What a worker process holds for its jobs: built once, before it takes the first one."""

    session_factory: Any
    analyser: Any
    geocoder: Any = None


def worker_name() -> str:
    """Unique across machines and restarts: host, process id and a random part."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class JobQueue:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.app = procrastinate.App(
            connector=procrastinate.PsycopgConnector(conninfo=libpq_url(settings.effective_database_url)))
        self.state: WorkerState | None = None
        tries = settings.queue_max_tries

        @self.app.task(name=ANALYSE_TASK, queue=QUEUE_NAME, pass_context=True,
                       retry=RetryStrategy(max_attempts=tries - 1, wait=settings.queue_retry_wait_seconds))
        def analyse_article(context: JobContext, article_id: str, force: bool = False) -> str:
            from app.articles import analyse_stored

            assert self.state is not None, "jobs run in a worker (conflictgeo worker)"
            attempt = context.job.attempts + 1
            return analyse_stored(session_factory=self.state.session_factory, analyser=self.state.analyser,
                                  geocoder=self.state.geocoder, article_id=article_id, attempt=attempt,
                                  final=attempt >= tries, force=force,
                                  max_chars=getattr(settings, "max_text_chars", None))

        # procrastinate's recipe for stalled jobs, every few seconds (cron's sixth field): jobs in ``doing`` whose
        # worker sent no heartbeat for ``worker_stalled_seconds``, or whose worker row is gone, go back to ``todo``.
        # Its priority puts it before the articles waiting: behind a backlog it would run only once that is done.
        every = settings.queue_stalled_check_seconds

        @self.app.periodic(cron=f"* * * * * */{every}", periodic_id="retry-stalled")
        @self.app.task(name=RECOVER_TASK, queue=QUEUE_NAME, queueing_lock=RECOVER_TASK, pass_context=True,
                       priority=100)
        async def retry_stalled_jobs(context: JobContext, timestamp: int) -> int:
            stalled = await context.app.job_manager.get_stalled_jobs(
                seconds_since_heartbeat=settings.worker_stalled_seconds)
            for job in stalled:
                log.warning("retrying a stalled job", extra={"job_id": job.id, "worker_id": job.worker_id})
                await context.app.job_manager.retry_job(job)
            return len(stalled)

        self.analyse_task = analyse_article

    def defer(self, connection: Connection, article_ids: list[str], *, force: bool = False) -> None:
        """Queue an analysis job for each article on the caller's connection: the jobs commit (or roll back) with
        the caller's transaction."""
        if not article_ids:
            return
        deferrer = self.analyse_task.configure()
        jobs = [deferrer.make_new_job(article_id=article_id, **({"force": True} if force else {}))
                for article_id in article_ids]
        driver = connection.connection.driver_connection
        self.app.job_manager.batch_defer_jobs(jobs, connection=driver)

    def run_worker(self, state: WorkerState, *, concurrency: int, name: str | None = None,
                   wait: bool = True) -> None:
        """Take jobs until SIGINT/SIGTERM (or, with ``wait=False``, until the queue is empty)."""
        self.state = state
        self.app.run_worker(
            queues=[QUEUE_NAME], concurrency=concurrency, name=name or worker_name(), wait=wait,
            update_heartbeat_interval=self.settings.worker_heartbeat_seconds,
            stalled_worker_timeout=self.settings.worker_stalled_seconds,
            delete_jobs="successful", shutdown_graceful_timeout=30,
        )
