"""The FastAPI application: ``create_app()`` and its lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.api.errors import install_error_handlers
from app.api.routers import health, places
from app.observability import RequestContextMiddleware, configure_logging
from app.runtime import Runtime
from app.settings import Settings, get_settings


def create_app(settings: Settings | None = None, *, background_startup: bool = True) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    runtime = Runtime(settings=settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime.start(background=background_startup)
        yield
        runtime.close()

    app = FastAPI(
        title="conflictgeo",
        version="0.1.0",
        summary="War reporting in, places and territorial control changes out, served for maps.",
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["X-Request-ID", "Link"],
    )
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(places.router)
    return app
