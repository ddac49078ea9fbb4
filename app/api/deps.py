"""Typed dependency shortcuts: each parses and validates one thing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.api.errors import ServiceUnavailable
from app.runtime import Runtime
from app.settings import Settings


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_settings_dep(runtime: RuntimeDep) -> Settings:
    return runtime.settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def get_session(runtime: RuntimeDep) -> Iterator[Session]:
    """A session per request; the request's writes are committed by the repository that makes them."""
    if runtime.session_factory is None:
        raise ServiceUnavailable("the database is not connected yet")
    with runtime.session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
