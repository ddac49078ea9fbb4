"""Storing articles: analysed once, stored once, answered with their places and events."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Header, HTTPException, Path, Request, Response, status
from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_core import to_json

from app.api.deps import RuntimeDep, SessionDep, SettingsDep
from app.api.errors import ServiceUnavailable
from app.api.schemas import PROBLEM_RESPONSES, TextIn
from app.api.security import WRITE_PROBLEM_RESPONSES, WriteKeyDep
from app.articles import accept_article, accept_batch, article_view, submit_article
from app.store import article_repo
from app.store.article_repo import NewArticle

router = APIRouter(prefix="/v1/articles", tags=["articles"])
batches = APIRouter(prefix="/v1", tags=["articles"])

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
    status: str = Field(description="pending: its analysis is queued; done: analysed; failed: see failure_reason.")
    failure_reason: str | None = None
    pipeline_version: str | None = Field(default=None, description="The pipeline that analysed it.")


class ArticleAcceptedOut(BaseModel):
    id: str
    status: str


class BatchOut(BaseModel):
    id: str
    size: int = Field(description="Articles sent in the batch.")
    accepted: int = Field(description="Stored by this batch (the others were already stored: repeated).")
    repeated: int
    pending: int
    stored: int = Field(description="Accepted and analysed.")
    failed: int
    done: bool = Field(description="No article of the batch is pending.")


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
    prefer: Annotated[str | None, Header(max_length=200)] = None,
) -> Response:
    payload.require_within(settings.max_text_chars)
    article = NewArticle(
        text=payload.text, title=payload.title, url=payload.url, source=payload.source,
        published_at=payload.published(), idempotency_key=idempotency_key or None,
    )
    if runtime.queue is not None and runtime.session_factory is not None and _respond_async(prefer):
        # Stored with its analysis job in one transaction; a worker analyses it (RFC 7240 respond-async).
        accepted = accept_article(session_factory=runtime.session_factory, queue=runtime.queue, article=article)
        location = f"/v1/articles/{accepted.article_id}"
        if not accepted.created:
            return Response(content=to_json(accepted.body), media_type="application/json", status_code=200,
                            headers={"Location": location})
        return Response(content=to_json(accepted.body), media_type="application/json", status_code=202,
                        headers={"Location": location, "Preference-Applied": "respond-async"})
    if runtime.analyser is None or runtime.session_factory is None:
        raise ServiceUnavailable("the gazetteer and name index are still loading")
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


def _respond_async(prefer: str | None) -> bool:
    return prefer is not None and any(p.split(";")[0].strip().lower() == "respond-async" for p in prefer.split(","))


@router.get("/{article_id}", response_model=ArticleOut, responses=PROBLEM_RESPONSES,
            summary="One stored article, with the state of its analysis (pending, done or failed and why)")
def get_article(session: SessionDep, article_id: Annotated[str, Path(max_length=36)]) -> ArticleOut:
    body = article_view(session=session, article_id=article_id)
    if body is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return ArticleOut(**body)


def _batch_items(raw: bytes, json_lines: bool, limit: int) -> list[Any]:
    """The batch's items: a JSON array, or one JSON object a line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8") from None
    try:
        items = [json.loads(line) for line in text.splitlines() if line.strip()] if json_lines else json.loads(text)
    except json.JSONDecodeError as error:
        raise HTTPException(400, f"invalid JSON{' line' if json_lines else ''}: {error.msg} (line {error.lineno})") \
            from None
    if not isinstance(items, list):
        raise HTTPException(400, "send a JSON array of articles, or JSON lines (Content-Type: application/x-ndjson)")
    if not items:
        raise HTTPException(400, "the batch is empty")
    if len(items) > limit:
        raise HTTPException(413, f"the batch has {len(items):,} articles; at most {limit:,} are taken at once")
    return items


@batches.post(
    "/articles:batch",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=BatchOut,
    responses={201: {"model": BatchOut, "description": "Analysed inline (no queue: the embedded SQLite install)"},
               **PROBLEM_RESPONSES, **WRITE_PROBLEM_RESPONSES},
    summary="Store up to 1,000 articles at once (JSON array or JSON lines); poll GET /v1/batches/{id}",
    dependencies=[WriteKeyDep],
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"type": "array", "maxItems": 1000,
                                        "items": {"$ref": "#/components/schemas/ArticleIn"}}},
        "application/x-ndjson": {"schema": {"type": "string"}}}}},
)
async def post_batch(request: Request, runtime: RuntimeDep, settings: SettingsDep) -> Response:
    from starlette.concurrency import run_in_threadpool

    raw = await request.body()
    items = _batch_items(raw, bool(request.scope.get("state", {}).get("json_lines")), settings.batch_max_articles)
    articles: list[NewArticle] = []
    for number, item in enumerate(items):
        if not isinstance(item, dict):
            raise HTTPException(400, f"article {number}: not a JSON object")
        try:
            payload = ArticleIn.model_validate(item)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise HTTPException(400, f"article {number}: {where}: {first.get('msg')}") from None
        if len(payload.text) > settings.max_text_chars:
            raise HTTPException(413, f"article {number}: the text has {len(payload.text):,} characters; at most "
                                f"{settings.max_text_chars:,} are analysed per article")
        articles.append(NewArticle(text=payload.text, title=payload.title, url=payload.url, source=payload.source,
                                   published_at=payload.published(), idempotency_key=None))
    if runtime.session_factory is None or (runtime.queue is None and runtime.analyser is None):
        raise ServiceUnavailable("the gazetteer and name index are still loading")
    accepted = await run_in_threadpool(
        accept_batch, session_factory=runtime.session_factory, queue=runtime.queue, articles=articles)
    if runtime.queue is None:
        # No queue (SQLite): each accepted article is analysed here, before the answer.
        await run_in_threadpool(_analyse_batch_inline, runtime, accepted.batch_id)
    with runtime.session_factory() as session:
        body = _batch_body(session, accepted.batch_id)
    return Response(content=to_json(body), media_type="application/json",
                    status_code=202 if runtime.queue is not None else 201,
                    headers={"Location": f"/v1/batches/{accepted.batch_id}"})


def _analyse_batch_inline(runtime: Any, batch_id: str) -> None:
    from sqlalchemy import select

    from app.articles import analyse_stored
    from app.store.models import Article

    with runtime.session_factory() as session:
        ids = list(session.scalars(select(Article.id).where(Article.batch_id == batch_id, Article.status == "pending")
                                   .order_by(Article.created_at, Article.id)))
    for article_id in ids:
        try:
            analyse_stored(session_factory=runtime.session_factory, analyser=runtime.analyser,
                           geocoder=runtime.geocoder, article_id=article_id)
        except Exception:  # noqa: BLE001 - recorded on the article (failed, with its reason); the batch goes on
            continue


def _batch_body(session: Any, batch_id: str) -> dict[str, Any] | None:
    found = article_repo.batch_counts(session, batch_id)
    if found is None:
        return None
    counts = found["counts"]
    accepted = sum(counts.values())
    return {"id": found["id"], "size": found["size"], "accepted": accepted, "repeated": found["repeated"],
            "pending": counts.get("pending", 0), "stored": counts.get("done", 0), "failed": counts.get("failed", 0),
            "done": counts.get("pending", 0) == 0}


@batches.get("/batches/{batch_id}", response_model=BatchOut, responses=PROBLEM_RESPONSES,
             summary="What became of a batch's articles: stored, repeated, pending, failed")
def get_batch(session: SessionDep, batch_id: Annotated[str, Path(max_length=36)]) -> BatchOut:
    body = _batch_body(session, batch_id)
    if body is None:
        raise HTTPException(404, f"no batch with id {batch_id}")
    return BatchOut(**body)
