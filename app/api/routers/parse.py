"""``POST /v1/parse``: places and control-change events of a text, nothing stored."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.deps import RuntimeDep
from app.api.errors import ServiceUnavailable
from app.api.schemas import PROBLEM_RESPONSES
from app.api.timeparse import parse_rfc3339
from app.geoparse.serialize import mention_to_dict
from app.observability import pipeline_stage
from app.pipeline import event_as_dict

router = APIRouter(prefix="/v1", tags=["parse"])

MAX_TEXT_CHARS = 1_000_000


class ParseIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The text to parse (at most 1 MB).")
    published_at: str | None = Field(default=None, description="RFC 3339 date-time or date; dates relative events.")
    title: str | None = Field(default=None, max_length=2000, description="Headline: adds context, not mentions.")

    @field_validator("text")
    @classmethod
    def text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be blank")
        return value

    @field_validator("published_at")
    @classmethod
    def rfc3339(cls, value: str | None) -> str | None:
        if value is not None:
            parse_rfc3339(value)
        return value

    def published(self) -> datetime | None:
        return parse_rfc3339(self.published_at) if self.published_at else None


class ParseOut(BaseModel):
    places: list[dict[str, Any]]
    events: list[dict[str, Any]]


@router.post("/parse", response_model=ParseOut, responses=PROBLEM_RESPONSES)
def parse_text(payload: ParseIn, runtime: RuntimeDep) -> ParseOut:
    """Sync on purpose: parsing is CPU-bound, so FastAPI runs it in its thread pool, off the event loop."""
    analyser = runtime.analyser
    if analyser is None:
        raise ServiceUnavailable("the gazetteer and name index are still loading")
    with pipeline_stage("parse"):
        analysis = analyser.analyse(payload.text, published_at=payload.published(), title=payload.title)
    return ParseOut(places=[mention_to_dict(m) for m in analysis.mentions],
                    events=[event_as_dict(e) for e in analysis.events])

