"""Liveness, readiness and metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Gauge, generate_latest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.api.deps import RuntimeDep
from app.runtime import Runtime

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is alive")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Database up, schema at head, gazetteer loaded", responses={503: {}})
def readyz(runtime: RuntimeDep) -> JSONResponse:
    ready, checks = runtime.readiness()
    return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks},
                        status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def metrics(runtime: RuntimeDep) -> Response:
    """This process's counters, and what the database says of the queue (the same from every API process)."""
    return Response(generate_latest() + _queue_metrics(runtime), media_type=CONTENT_TYPE_LATEST)


def _queue_metrics(runtime: Runtime) -> bytes:
    """Queue depth per status, articles per analysis state, failures by reason, and the latency from acceptance to
    stored analysis over the last 15 minutes, read at scrape time (workers are other processes)."""
    if runtime.session_factory is None:
        return b""
    from app.store import article_repo

    registry = CollectorRegistry()
    try:
        with runtime.session_factory() as session:
            articles = Gauge("conflictgeo_articles", "Stored articles by analysis state", ["status"],
                             registry=registry)
            for state, count in article_repo.status_counts(session).items():
                articles.labels(state).set(count)
            failed = Gauge("conflictgeo_articles_failed", "Articles whose analysis failed every try, by reason",
                           ["reason"], registry=registry)
            for reason, count in article_repo.failure_counts(session).items():
                failed.labels(reason).set(count)
            latency = Gauge("conflictgeo_job_latency_recent_seconds", "Acceptance to stored analysis, articles "
                            "analysed in the last 15 minutes", ["quantile"], registry=registry)
            for quantile, seconds in article_repo.recent_latency(session, minutes=15).items():
                latency.labels(str(quantile)).set(seconds)
            if runtime.queue is not None:
                jobs = Gauge("conflictgeo_queue_jobs", "Analysis jobs by status (procrastinate)", ["status"],
                             registry=registry)
                for state in ("todo", "doing", "succeeded", "failed", "cancelled", "aborted"):
                    jobs.labels(state).set(0)
                for state, count in session.execute(text(
                        "SELECT status::text, count(*) FROM procrastinate_jobs GROUP BY status")).all():
                    jobs.labels(state).set(count)
    except SQLAlchemyError:
        return b""  # the database is down: /readyz says so; the process's own metrics still answer
    return generate_latest(registry)
