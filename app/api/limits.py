"""Resource limits in front of every route: body size (413), JSON content type (415), request rate (429).

Both middlewares are plain ASGI (not ``BaseHTTPMiddleware``) so that they can refuse a request before the app
reads it and stop reading a chunked body the moment it passes the limit.
"""

from __future__ import annotations

import hashlib
import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from limits import RateLimitItemPerSecond
from limits.errors import StorageError
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem
from app.api.security import API_KEY_HEADER, PROBE_PATHS, key_is_valid
from app.settings import Settings

log = logging.getLogger(__name__)

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit; FastAPI passes HTTPExceptions through."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than the limit of {limit} bytes")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


class BodyLimitMiddleware:
    """413 past ``max_bytes`` (declared or streamed), 415 for a body that is not JSON."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        chunked = _header(scope, b"transfer-encoding") is not None
        if declared is not None:
            if not declared.strip().isdigit():
                await problem(400, "Bad request", "Content-Length is not a number")(scope, receive, send)
                return
            if int(declared) > self.max_bytes:
                await problem(413, "Payload too large", BodyTooLarge(self.max_bytes).detail)(scope, receive, send)
                return
        has_body = chunked or (declared is not None and int(declared) > 0)
        if has_body and not _is_json(_header(scope, b"content-type") or ""):
            await problem(415, "Unsupported media type",
                          "send the body as JSON with Content-Type: application/json")(scope, receive, send)
            return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge as exc:
            # Reached only when the body was read outside FastAPI's handlers (which answer it themselves).
            if response_started:
                raise
            await problem(413, "Payload too large", exc.detail)(scope, receive, send)


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """One token bucket per client, kept in memory (per process) and bounded in number (LRU)."""

    def __init__(self, *, per_minute: int, burst: int, max_clients: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst or per_minute)
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Takes a token: 0 when allowed, else the seconds until one is available."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                bucket = self._buckets[client] = _Bucket(self.capacity, now)
                if len(self._buckets) > self.max_clients:
                    self._buckets.popitem(last=False)
            else:
                self._buckets.move_to_end(client)
                bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
                bucket.updated = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.rate


class SharedBuckets:
    """The same limit kept in Redis, so that every worker process and machine draws on one bucket per client.

    ``limits``' moving window of ``burst`` requests per ``burst / rate`` seconds: like the token bucket, at most
    ``burst`` at once and ``rate`` in the long run. When Redis does not answer, each process falls back to its
    own ``TokenBuckets`` (the limit then holds per process, as without Redis) and says so in the log.
    """

    def __init__(self, *, per_minute: int, burst: int, redis_url: str) -> None:
        self.rate = per_minute / 60.0
        capacity = burst or per_minute
        self.item = RateLimitItemPerSecond(capacity, max(1, round(capacity / self.rate)))
        self.limiter = MovingWindowRateLimiter(RedisStorage(redis_url, key_prefix="conflictgeo-rate",
                                                            wrap_exceptions=True, socket_timeout=0.5,
                                                            socket_connect_timeout=0.5))
        self.fallback = TokenBuckets(per_minute=per_minute, burst=burst)
        self._warned = False

    def take(self, client: str) -> float:
        """As ``TokenBuckets.take``: 0 when allowed, else the seconds until a request is allowed again."""
        try:
            if self.limiter.hit(self.item, client):
                return 0.0
            reset_at = self.limiter.get_window_stats(self.item, client).reset_time
        except StorageError as exc:
            if not self._warned:
                log.warning("Redis for rate limits did not answer; limiting per process until it does",
                            extra={"error": str(exc)[:200]})
                self._warned = True
            return self.fallback.take(client)
        self._warned = False
        return max(reset_at - time.time(), 1e-3)


class RateLimitMiddleware:
    """429 with ``Retry-After`` once a client (a valid API key, else its address) has used up its bucket."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.keys = settings.api_key_list
        per_minute, burst = settings.rate_limit_per_minute, settings.rate_limit_burst
        self.buckets: TokenBuckets | SharedBuckets | None = None
        if per_minute > 0:
            self.buckets = (SharedBuckets(per_minute=per_minute, burst=burst, redis_url=settings.redis_url)
                            if settings.redis_url else TokenBuckets(per_minute=per_minute, burst=burst))

    def client_id(self, scope: Scope) -> str:
        # Only a valid key gets its own bucket: otherwise every made-up key would be a fresh, full one.
        key = _header(scope, API_KEY_HEADER.lower().encode())
        if key and self.keys and key_is_valid(key, self.keys):
            return "key:" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        client = scope.get("client")
        return "addr:" + (client[0] if client else "unknown")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.buckets is None or scope["type"] != "http" or scope["path"] in PROBE_PATHS:
            # Probes and scrapers are never throttled: a busy client must not make the service look dead.
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(self.client_id(scope))
        if wait > 0:
            retry_after = str(max(1, math.ceil(wait)))
            response = problem(429, "Too many requests",
                               f"rate limit of {self.buckets.rate * 60:.0f} requests a minute reached; retry in "
                               f"{retry_after} s", headers={"Retry-After": retry_after})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
