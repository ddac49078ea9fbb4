"""``conflictgeo ingest``: post many articles to a running service and summarise what happened."""

from __future__ import annotations

import argparse
import json
import re
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


def post_batches(paths: list[Path], client: httpx.Client, *, batch_size: int, progress: bool = True) -> IngestSummary:
    """Hand the articles over ``batch_size`` at a time (``POST /v1/articles:batch``): on PostgreSQL they are queued
    for the workers (``GET /v1/batches/{id}`` follows them), so ``stored`` counts articles accepted, not analysed."""
    totals: Counter[str] = Counter()
    failures: list[str] = []
    items = list(iter_articles(paths))
    valid = [(where, article) for where, article, _ in items if article is not None]
    for where, article, problem in items:
        if article is None:
            totals["failed"] += 1
            failures.append(f"{where}: {problem}")
    with tqdm(total=len(valid), unit=" articles", file=sys.stderr, disable=not progress) as bar:
        for start in range(0, len(valid), batch_size):
            chunk = valid[start:start + batch_size]
            bar.update(len(chunk))
            while chunk:
                try:
                    response = client.post("/v1/articles:batch", json=[article for _, article in chunk])
                except httpx.HTTPError as exc:
                    totals["failed"] += len(chunk)
                    failures.append(f"{chunk[0][0]}..{chunk[-1][0]}: {type(exc).__name__}: {exc}")
                    break
                if response.status_code in (201, 202):
                    body = response.json()
                    totals["stored"] += body["accepted"]
                    totals["repeated"] += body["repeated"]
                    break
                refused = _refused_item(response)
                if refused is None or refused >= len(chunk):
                    totals["failed"] += len(chunk)
                    failures.append(f"{chunk[0][0]}..{chunk[-1][0]}: HTTP {response.status_code}: "
                                    f"{response.text[:200]}")
                    break
                # The service names the first invalid article: count it and send the others again.
                totals["failed"] += 1
                failures.append(f"{chunk[refused][0]}: HTTP {response.status_code}: {response.json()['detail']}")
                chunk = chunk[:refused] + chunk[refused + 1:]
    return IngestSummary(totals["stored"], totals["repeated"], totals["failed"], 0, tuple(failures))


def _refused_item(response: httpx.Response) -> int | None:
    """The index of the article a 400/413 batch answer names (``article 3: ...``), if it names one."""
    if response.status_code not in (400, 413):
        return None
    try:
        found = re.match(r"article (\d+):", str(response.json().get("detail", "")))
    except ValueError:
        return None
    return int(found.group(1)) if found else None


def ingest_main(args: argparse.Namespace) -> int:
    headers = {"X-API-Key": args.api_key} if args.api_key else {}
    with httpx.Client(base_url=args.url, headers=headers, timeout=600) as client:
        if args.batch_size:
            summary = post_batches([Path(p) for p in args.paths], client, batch_size=min(args.batch_size, 1000))
        else:
            summary = post_articles([Path(p) for p in args.paths], client, concurrency=args.concurrency)
    for failure in summary.failures[:20]:
        print(f"failed {failure}", file=sys.stderr)
    print(f"stored {summary.stored}, repeated {summary.repeated}, failed {summary.failed}, "
          f"events found {summary.events}")
    return 1 if summary.failed else 0
