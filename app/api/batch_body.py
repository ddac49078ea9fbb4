"""Body limits per route: ``POST /v1/articles:batch`` takes up to 1,000 articles (a larger byte limit than one
article) and JSON lines as well as a JSON array; every other route keeps the general limit and JSON only."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.limits import BodyLimitMiddleware

BATCH_PATH = "/v1/articles:batch"
JSON_LINES = ("application/x-ndjson", "application/jsonl", "application/jsonlines", "application/x-jsonlines")


class RouteBodyLimits:
    def __init__(self, app: ASGIApp, *, max_bytes: int, batch_max_bytes: int) -> None:
        self.default = BodyLimitMiddleware(app, max_bytes=max_bytes)
        self.batch = BodyLimitMiddleware(app, max_bytes=batch_max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") != BATCH_PATH:
            await self.default(scope, receive, send)
            return
        headers = []
        for name, value in scope["headers"]:
            if name == b"content-type" and value.split(b";", 1)[0].strip().lower().decode("latin-1") in JSON_LINES:
                # JSON lines pass the JSON-only check; the route reads the media type it was sent as.
                scope.setdefault("state", {})["json_lines"] = True
                value = b"application/json"
            headers.append((name, value))
        await self.batch({**scope, "headers": headers}, receive, send)
