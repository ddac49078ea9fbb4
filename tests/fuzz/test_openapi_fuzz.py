"""Schemathesis against the app's own OpenAPI document: no 5xx, and every answer conforms to the schema."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from schemathesis import GenerationMode
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance
from schemathesis.python.asgi import ASGIClient

from app.main import create_app
from app.settings import Settings

# A few hundred cases over all operations (both backends), so that CI stays fast.
EXAMPLES_PER_OPERATION = 15


def _openapi_document() -> dict:
    """The document does not depend on the database: taken from an app that is never started."""
    with tempfile.TemporaryDirectory() as var_dir:
        return create_app(Settings(var_dir=Path(var_dir), log_level="WARNING")).openapi()


schema = schemathesis.openapi.from_dict(_openapi_document())
schema.config.generation.update(
    max_examples=EXAMPLES_PER_OPERATION, modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    deterministic=True, database="none",
)


@pytest.fixture(scope="session")
def asgi_session(client: TestClient) -> ASGIClient:
    """Calls the running app in-process; not entered, so the app's lifespan is not started a second time."""
    return ASGIClient(client.app)


@schema.parametrize()
def test_no_server_errors_and_schema_conformance(case: schemathesis.Case, asgi_session: ASGIClient) -> None:
    case.call_and_validate(session=asgi_session,
                           checks=[not_a_server_error, response_schema_conformance, content_type_conformance])
