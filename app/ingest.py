"""``conflictgeo ingest``: post many articles to a running service and summarise what happened."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from tqdm import tqdm

ARTICLE_FIELDS = ("text", "title", "url", "published_at", "source")


def iter_articles(paths: list[Path]) -> Iterator[tuple[str, dict[str, Any] | None, str]]:
    """(where, article or None, problem) for each line of each JSON-lines file (folders: their *.jsonl)."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    for file in files:
        with open(file, encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{file}:{line_no}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield where, None, f"invalid JSON: {exc.msg}"
                    continue
                if not isinstance(record, dict):
                    yield where, None, "not a JSON object"
                    continue
                yield where, {k: record[k] for k in ARTICLE_FIELDS if record.get(k) is not None}, ""


@dataclass(frozen=True, slots=True)
class IngestSummary:
    stored: int
    repeated: int
    failed: int
    events: int
    failures: tuple[str, ...]


def post_articles(paths: list[Path], client: httpx.Client, *, concurrency: int = 4,
                  progress: bool = True) -> IngestSummary:
    """Post every article of the files through ``client``; a failure is counted and reported, never fatal."""

    def post(item: tuple[str, dict[str, Any] | None, str]) -> tuple[str, str, int, str]:
        where, article, problem = item
        if article is None:
            return where, "failed", 0, problem
        try:
            response = client.post("/v1/articles", json=article)
        except httpx.HTTPError as exc:
            return where, "failed", 0, f"{type(exc).__name__}: {exc}"
        if response.status_code == 201:
            return where, "stored", len(response.json().get("events", [])), ""
        if response.status_code == 200:
            return where, "repeated", 0, ""
        try:
            detail = response.json().get("detail", response.text)
        except ValueError:
            detail = response.text
        return where, "failed", 0, f"HTTP {response.status_code}: {str(detail)[:200]}"

    totals: Counter[str] = Counter()
    failures: list[str] = []
    items = list(iter_articles(paths))
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        outcomes = pool.map(post, items)
        for where, outcome, events, problem in tqdm(outcomes, total=len(items), unit=" articles", file=sys.stderr,
                                                    disable=not progress):
            totals[outcome] += 1
            totals["events"] += events
            if problem:
                failures.append(f"{where}: {problem}")
    return IngestSummary(totals["stored"], totals["repeated"], totals["failed"], totals["events"], tuple(failures))


def ingest_main(args: argparse.Namespace) -> int:
    headers = {"X-API-Key": args.api_key} if args.api_key else {}
    with httpx.Client(base_url=args.url, headers=headers, timeout=120) as client:
        summary = post_articles([Path(p) for p in args.paths], client, concurrency=args.concurrency)
    for failure in summary.failures[:20]:
        print(f"failed {failure}", file=sys.stderr)
    print(f"stored {summary.stored}, repeated {summary.repeated}, failed {summary.failed}, "
          f"events found {summary.events}")
    return 1 if summary.failed else 0
