"""Stand-off annotations: the repository keeps offsets, sides and dates; the texts stay in the pool they came from.

The pool's licences (FA-KES CC BY 4.0, the Guardian's copyright) keep whole articles out of the repository, so an
annotated article is stored without its text and joined to it by id at evaluation time. ``text_sha256`` pins the
exact text the offsets index: a pool file edited since would move every offset, and is refused rather than scored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any


class StandoffError(ValueError):
    """A stand-off record whose text cannot be found, or no longer matches its offsets."""


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=4)
def pool_texts(pool: Path) -> Mapping[str, Sequence[Mapping[str, Any]]]:
    """Every article of every ``*.jsonl`` in ``pool`` with a ``text``, by id: all of them, in file order, since
    ids repeat (``event-sentences.jsonl`` calls 231 different sentences ``eventloc-wiki``)."""
    if not pool.is_dir():
        raise StandoffError(f"{pool}: no such folder (the pool of texts the stand-off annotations index)")
    out: dict[str, list[Mapping[str, Any]]] = {}
    for path in sorted(pool.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if "text" in row and "id" in row:
                    out.setdefault(row["id"], []).append(row)
    return out


def join_text(record: Mapping[str, Any], texts: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
    """``record`` with the text (and title) of its pool article: the one of that id whose digest is the record's
    (the first of that id for a record without one)."""
    rows = texts.get(record["id"])
    if not rows:
        raise StandoffError(f"{record['id']}: not in the pool")
    digest = record.get("text_sha256")
    source = next((r for r in rows if text_digest(r["text"]) == digest), None) if digest else rows[0]
    if source is None:
        raise StandoffError(f"{record['id']}: the pool's text differs from the one annotated (sha256 mismatch)")
    text = source["text"]
    article = dict(record)
    article["text"] = text
    for key in ("title", "source", "published_at"):
        article.setdefault(key, source.get(key))
    article["toponyms"] = [{**t, "text": text[t["start"] : t["end"]]} for t in article.get("toponyms") or ()]
    if "toponyms" not in record:
        del article["toponyms"]
    for event in article.get("events") or ():
        event.setdefault("place", text[event["place_start"] : event["place_end"]])
        if "evidence_start" in event:
            event.setdefault("evidence", text[event["evidence_start"] : event["evidence_end"]])
    return article


def to_standoff(article: Mapping[str, Any]) -> dict[str, Any]:
    """An annotated article without its text: offsets instead of quoted evidence, and the text's digest."""
    text = article["text"]
    record: dict[str, Any] = {k: v for k, v in article.items() if k not in ("text", "title", "events", "toponyms")}
    record["text_sha256"] = text_digest(text)
    if "toponyms" in article:
        record["toponyms"] = [{k: v for k, v in t.items() if k != "text"} for t in article["toponyms"]]
    events = []
    for event in article.get("events") or ():
        out = {k: v for k, v in event.items() if k not in ("place", "evidence")}
        evidence = event.get("evidence")
        if evidence:
            at = text.rfind(evidence, 0, event["place_end"])
            if at < 0 or at + len(evidence) < event["place_start"]:
                at = text.find(evidence)
            if at >= 0:
                out["evidence_start"], out["evidence_end"] = at, at + len(evidence)
        events.append(out)
    record["events"] = events
    return record
