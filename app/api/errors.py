"""One table from exception to HTTP status, answered as RFC 9457 problem details."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """RFC 9457 problem details: the one schema of every 4xx and 5xx body (``problem()`` writes it)."""

    type: str = "about:blank"
    status: int
    title: str
    detail: str


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    headers = extra.pop("headers", None)
    body = {"type": "about:blank", "status": status, "title": title, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


class ServiceUnavailable(Exception):
    """Raised while the database or the gazetteer is not ready."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _describe(errors: list[Any]) -> str:
    parts = []
    for error in errors:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body",)) or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    _document_problems(app)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()
        ]
        return problem(400, "Invalid request", _describe(errors), errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
                 405: "Method not allowed", 409: "Conflict", 413: "Payload too large",
                 415: "Unsupported media type", 429: "Too many requests"}.get(exc.status_code, "Error")
        return problem(exc.status_code, title, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(ServiceUnavailable)
    async def unavailable(_request: Request, exc: ServiceUnavailable) -> JSONResponse:
        return problem(503, "Service unavailable", exc.detail, headers={"Retry-After": "5"})

    @app.exception_handler(OperationalError)
    async def database_down(_request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable", extra={"error": str(exc.orig)[:200]})
        return problem(503, "Database unavailable", "The database did not answer; retry shortly.",
                       headers={"Retry-After": "5"})

    @app.exception_handler(DBAPIError)
    async def database_error(_request: Request, exc: DBAPIError) -> JSONResponse:
        # InterfaceError: psycopg's "the connection is closed" after the server went away mid-request.
        if exc.connection_invalidated or isinstance(exc, InterfaceError):
            log.warning("database connection lost", extra={"error": str(exc.orig)[:200]})
            return problem(503, "Database unavailable", "The database connection was lost; retry shortly.",
                           headers={"Retry-After": "5"})
        return _internal_error(exc)

    @app.exception_handler(SQLAlchemyTimeoutError)
    async def pool_exhausted(_request: Request, _exc: SQLAlchemyTimeoutError) -> JSONResponse:
        log.warning("no database connection free in the pool")
        return problem(503, "Database busy", "No database connection was free in time; retry shortly.",
                       headers={"Retry-After": "2"})

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        return _internal_error(exc)


def _internal_error(exc: Exception) -> JSONResponse:
    """A bug: logged with its traceback and the request id, answered without internals."""
    log.error("unhandled error", exc_info=exc)
    return problem(500, "Internal server error", "The server failed to answer this request; it has been logged.")


_PROBE_PATHS = ("/healthz", "/readyz", "/metrics")


def problem_response(description: str) -> dict[str, Any]:
    """An OpenAPI ``responses=`` entry answering the one ``Problem`` schema as ``application/problem+json``."""
    return {"description": description,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _document_problems(app: FastAPI) -> None:
    """Make the OpenAPI document say what the handlers above and the limits in front of the routes answer.

    FastAPI documents errors as ``application/json`` and validation failures as 422; this service answers
    ``application/problem+json`` and 400, and any route may answer 429 (rate limit), any write 413/415.
    """
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        schema.setdefault("components", {}).setdefault("schemas", {}).setdefault("Problem", Problem.model_json_schema())
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                responses = operation["responses"]
                if responses.pop("422", None) is not None:
                    responses.setdefault("400", problem_response("Invalid parameters"))
                for code, response in responses.items():
                    content = response.get("content", {})
                    if (code.startswith(("4", "5")) or code == "default") and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
                if path not in _PROBE_PATHS:
                    responses.setdefault("429", problem_response("Rate limit reached; see Retry-After"))
                if "requestBody" in operation:
                    responses.setdefault("413", problem_response("The body is over the size limit"))
                    responses.setdefault("415", problem_response("The body is not JSON"))
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
