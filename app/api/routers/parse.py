"""``POST /v1/parse``: places and control-change events of a text, nothing stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from app.api.deps import RuntimeDep, SettingsDep
from app.api.errors import ServiceUnavailable
from app.api.schemas import PROBLEM_RESPONSES, TextIn
from app.geoparse.serialize import mention_to_dict
from app.observability import pipeline_stage
from app.pipeline import event_as_dict

router = APIRouter(prefix="/v1", tags=["parse"])

class ParseIn(TextIn):
    """Nothing beyond the shared text fields: parsing stores nothing, so it needs no url or source."""


class ParseOut(BaseModel):
    places: list[dict[str, Any]]
    events: list[dict[str, Any]]


@router.post("/parse", response_model=ParseOut, responses=PROBLEM_RESPONSES)
def parse_text(payload: ParseIn, runtime: RuntimeDep, settings: SettingsDep) -> ParseOut:
    """Sync on purpose: parsing is CPU-bound, so FastAPI runs it in its thread pool, off the event loop."""
    payload.require_within(settings.max_text_chars)
    analyser = runtime.analyser
    if analyser is None:
        raise ServiceUnavailable("the gazetteer and name index are still loading")
    with pipeline_stage("parse"):
        analysis = analyser.analyse(payload.text, published_at=payload.published(), title=payload.title)
    # Dated as POST /v1/articles would store them: what the text does not date and no publication date bounds is
    # on or before the day it was received.
    received = datetime.now(UTC).date()
    return ParseOut(places=[mention_to_dict(m) for m in analysis.mentions],
                    events=[event_as_dict(e, received) for e in analysis.events])

