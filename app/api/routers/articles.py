"""Storing articles: analysed once, stored once, answered with their places and events."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Header, HTTPException, Path, Response, status
from pydantic import BaseModel, Field, field_validator
from pydantic_core import to_json

from app.api.deps import RuntimeDep, SessionDep, SettingsDep
from app.api.errors import ServiceUnavailable
from app.api.schemas import PROBLEM_RESPONSES, TextIn
from app.api.security import WRITE_PROBLEM_RESPONSES, WriteKeyDep
from app.articles import submit_article
from app.store import article_repo
from app.store.article_repo import NewArticle

router = APIRouter(prefix="/v1/articles", tags=["articles"])

class ArticleIn(TextIn):
    url: str | None = Field(default=None, max_length=2000, description="Absolute http(s) URL of the article.")
    source: str | None = Field(default=None, max_length=400)

    @field_validator("text", "title", "source", "url")
    @classmethod
    def storable(cls, value: str | None) -> str | None:
        """PostgreSQL text cannot hold U+0000, and a stored article must read the same on both backends
        (``/v1/parse`` stores nothing and accepts it). Lone surrogates are already refused by the JSON parser."""
        if value is not None and "\x00" in value:
            raise ValueError("must not contain the NUL character (U+0000)")
        return value

    @field_validator("url")
    @classmethod
    def absolute_http_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("url must be an absolute http(s) URL")
        return value.strip()


class ArticleStoredOut(BaseModel):
    id: str
    places: list[dict[str, Any]]
    events: list[dict[str, Any]]


class ArticleOut(ArticleStoredOut):
    url: str | None
    title: str | None
    source: str | None
    published_at: str | None
    created_at: str
    text: str


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticleStoredOut,
    responses={200: {"model": ArticleStoredOut, "description": "Already stored"}, **PROBLEM_RESPONSES,
               **WRITE_PROBLEM_RESPONSES},
    summary="Store an article with its places and events",
    dependencies=[WriteKeyDep],
)
def post_article(
    payload: ArticleIn,
    runtime: RuntimeDep,
    settings: SettingsDep,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> Response:
    payload.require_within(settings.max_text_chars)
    if runtime.analyser is None or runtime.session_factory is None:
        raise ServiceUnavailable("the gazetteer and name index are still loading")
    article = NewArticle(
        text=payload.text, title=payload.title, url=payload.url, source=payload.source,
        published_at=payload.published(), idempotency_key=idempotency_key or None,
    )
    submission = submit_article(session_factory=runtime.session_factory, analyser=runtime.analyser, article=article,
                                geocoder=runtime.geocoder)
    body = submission.body
    # Serialised here, straight from the dicts the pipeline built (``ArticleStoredOut`` documents them): FastAPI
    # would validate the model again in the thread pool and walk the untyped dicts, ~10% of an article's CPU.
    return Response(
        content=to_json({"id": body["id"], "places": body["places"], "events": body["events"]}),
        media_type="application/json",
        status_code=status.HTTP_201_CREATED if submission.created else status.HTTP_200_OK,
    )


@router.get("/{article_id}", response_model=ArticleOut, responses=PROBLEM_RESPONSES, summary="One stored article")
def get_article(session: SessionDep, article_id: Annotated[str, Path(max_length=36)]) -> ArticleOut:
    body = article_repo.article_view(session=session, article_id=article_id)
    if body is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return ArticleOut(**body)
