"""API keys: writes need one in ``X-API-Key`` when keys are configured; reads only when configured so.

Keys are compared in constant time against every configured key (no early exit that would tell which key, or
how much of one, matched) and never logged: the log formatter redacts them (``observability.redact_secrets``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader

from app.api.errors import problem_response
from app.settings import Settings

log = logging.getLogger(__name__)

API_KEY_HEADER = "X-API-Key"
MIN_KEY_LENGTH = 16
# Liveness, readiness and metrics stay open even when reads need a key: probes and scrapers carry none.
PROBE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

# auto_error=False: a missing key is ours to answer (401 with WWW-Authenticate), not a generic 403.
# Declared as a security scheme so the OpenAPI document says which operations want a key.
_api_key_header = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, description="Needed for writes when the "
                               "service has keys configured (CONFLICTGEO_API_KEYS).")

_CHALLENGE = {"WWW-Authenticate": f'ApiKey header="{API_KEY_HEADER}"'}


def key_is_valid(presented: str, keys: list[str]) -> bool:
    """Constant-time membership: every configured key is compared, whatever the outcome of earlier ones."""
    # Comparing digests keeps the comparison constant-time even when lengths differ (compare_digest on raw
    # strings of different lengths returns at once and so tells the key's length).
    given = hashlib.sha256(presented.encode("utf-8", "surrogateescape")).digest()
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given, hashlib.sha256(key.encode("utf-8")).digest())
    return matched


def _check(request: Request, presented: str | None) -> None:
    settings: Settings = request.app.state.runtime.settings
    keys = settings.api_key_list
    if not keys:
        return
    if not presented:
        raise HTTPException(401, f"this operation needs an API key in the {API_KEY_HEADER} header",
                            headers=_CHALLENGE)
    if not key_is_valid(presented, keys):
        raise HTTPException(403, "the API key is not valid for this service")


async def require_write_key(request: Request, api_key: Annotated[str | None, Depends(_api_key_header)]) -> None:
    """Writes: a configured key must be presented (401 when missing, 403 when wrong)."""
    _check(request, api_key)


async def require_read_key(request: Request) -> None:
    """Reads: open unless ``CONFLICTGEO_READ_REQUIRES_KEY`` is set, then as for writes.

    Reads the header itself rather than through the security scheme, so that the OpenAPI document marks only
    the writes as needing a key.
    """
    if request.app.state.runtime.settings.read_requires_key and request.url.path not in PROBE_PATHS:
        _check(request, request.headers.get(API_KEY_HEADER))


# For ``dependencies=[WriteKeyDep]`` on a route or router.
WriteKeyDep = Depends(require_write_key)
ReadKeyDep = Depends(require_read_key)


def log_key_configuration(settings: Settings) -> None:
    """Says at start-up whether writes are protected; never prints a key."""
    keys = settings.api_key_list
    if not keys:
        log.warning("no API keys configured (CONFLICTGEO_API_KEYS is empty): writes are open to anyone who can "
                    "reach the service")
        if settings.read_requires_key:
            log.warning("CONFLICTGEO_READ_REQUIRES_KEY is set but no keys are configured: reads stay open")
        return
    short = sum(1 for key in keys if len(key) < MIN_KEY_LENGTH)
    log.info("API keys configured: writes need X-API-Key",
             extra={"api_keys": len(keys), "reads_need_key": settings.read_requires_key})
    if short:
        log.warning("some API keys are short and guessable; use at least %d random characters", MIN_KEY_LENGTH,
                    extra={"short_keys": short})


# What a protected write may answer besides its own responses, for its OpenAPI ``responses=``
# (413, 415 and 429 are added to every operation they apply to by ``errors._document_problems``).
WRITE_PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: problem_response("No API key sent (keys are configured)"),
    403: problem_response("The API key is not valid"),
}
