"""Structured JSON logs with a request id, and Prometheus metrics by route and for the pipeline."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id_var: ContextVar[str] = ContextVar("request_id", default="")

HTTP_REQUESTS = Counter("conflictgeo_http_requests_total", "HTTP requests", ["method", "route", "status"])
HTTP_LATENCY = Histogram(
    "conflictgeo_http_request_seconds", "HTTP request latency", ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ARTICLES = Counter("conflictgeo_articles_total", "Articles processed", ["outcome"])
MENTIONS = Counter("conflictgeo_mentions_total", "Place mentions found")
EVENTS = Counter("conflictgeo_events_total", "Control-change events extracted")
JOB_LATENCY = Histogram(
    "conflictgeo_job_latency_seconds", "From an article's acceptance to its stored analysis (in the worker)",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400),
)
PIPELINE_FAILURES = Counter("conflictgeo_pipeline_failures_total", "Pipeline failures", ["stage"])

REDACTED = "[REDACTED]"
# Log fields that would hold a credential if someone ever logged one by name.
SECRET_FIELDS = frozenset({"x-api-key", "api-key", "authorization", "cookie"})
# A client's request id is echoed in logs and headers: only a plain token is kept, anything else is replaced.
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,100}")



@contextmanager
def pipeline_stage(stage: str) -> Iterator[None]:
    """Counts an exception escaping a pipeline stage in ``PIPELINE_FAILURES`` and lets it go on."""
    try:
        yield
    except Exception:
        PIPELINE_FAILURES.labels(stage).inc()
        raise


_STANDARD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object a line; ``extra=`` fields are kept as keys; configured secrets never leave it."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Each secret as given and as a JSON string holds it escaped (a body serialised once already, logged as
        # text: "\u00e9" for "é", "\\"" for a quote), with and without ASCII escapes; longest first.
        self._secrets = sorted(
            {form for s in secrets if s
             for form in (s, json.dumps(s)[1:-1], json.dumps(s, ensure_ascii=False)[1:-1])},
            key=len, reverse=True,
        )

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = REDACTED if key.lower().replace("_", "-") in SECRET_FIELDS else value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        # Redacted before serialising: once json.dumps has escaped a secret (any non-ASCII character becomes
        # \uXXXX) the text no longer holds it as configured. json.dumps then escapes newlines and quotes, so text
        # from a request cannot forge a log line.
        return json.dumps(self.scrub(entry))

    def scrub(self, value: Any) -> Any:
        """``value`` with every configured secret replaced, in strings at any depth (other objects as ``str``)."""
        if isinstance(value, str):
            return self.redact(value)
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, dict):
            return {self.redact(str(k)): self.scrub(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [self.scrub(v) for v in value]
        return self.redact(str(value))

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def configure_logging(level: str, *, secrets: Iterable[str] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("uvicorn.access",):
        logging.getLogger(noisy).disabled = True


def _request_id(scope: Scope) -> str:
    for key, value in scope["headers"]:
        if key == b"x-request-id":
            incoming = value.decode("latin-1")
            if _REQUEST_ID.fullmatch(incoming):
                return incoming
            break
    return uuid.uuid4().hex


class RequestContextMiddleware:
    """Gives each request an id (kept from ``X-Request-ID`` when sane), logs it once and counts it by route.

    Plain ASGI so that the id is set in the same context the endpoint runs in, and nothing is buffered.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        token = request_id_var.set(request_id)
        began = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                # Error bodies echo client input (an id, a parameter): never let a browser sniff them into HTML.
                headers.setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - began
            route = scope.get("route")
            template = getattr(route, "path", "unmatched")
            method = scope["method"]
            HTTP_REQUESTS.labels(method, template, str(status)).inc()
            HTTP_LATENCY.labels(method, template).observe(elapsed)
            logging.getLogger("conflictgeo.request").info(
                "request",
                extra={"method": method, "route": template, "status": status, "ms": round(elapsed * 1000, 2)},
            )
            request_id_var.reset(token)
