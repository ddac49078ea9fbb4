"""The FastAPI application: ``create_app()`` and its lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from app.api.batch_body import RouteBodyLimits
from app.api.errors import install_error_handlers
from app.api.limits import RateLimitMiddleware
from app.api.routers import articles, control, events, health, ogc, parse, places, tiles
from app.api.security import ReadKeyDep, log_key_configuration
from app.observability import RequestContextMiddleware, configure_logging
from app.runtime import Runtime
from app.settings import Settings, get_settings
from app.web import routes as web


def create_app(settings: Settings | None = None, *, background_startup: bool = True) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, secrets=settings.api_key_list)
    runtime = Runtime(settings=settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log_key_configuration(settings)
        runtime.start(background=background_startup)
        yield
        runtime.close()

    app = FastAPI(
        title="conflictgeo",
        version="0.1.0",
        summary="War reporting in, places and territorial control changes out, served for maps.",
        lifespan=lifespan,
        dependencies=[ReadKeyDep],
    )
    app.state.runtime = runtime
    # Starlette runs the last added outermost: CORS, request id + log + metrics, rate limit, body limits, app.
    app.add_middleware(RouteBodyLimits, max_bytes=settings.max_body_bytes, batch_max_bytes=settings.batch_max_bytes)
    app.add_middleware(RateLimitMiddleware, settings=settings)
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
    app.include_router(parse.router)
    app.include_router(articles.router)
    app.include_router(articles.batches)
    for router in (events.router, control.router, tiles.router, ogc.router, web.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    return app
