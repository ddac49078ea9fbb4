"""20 clients post the same 500 articles at once (PostGIS): 500 stored, one 201 each, no duplicated events."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from app.merge import MERGE_WINDOW_DAYS, merge_day
from app.store.models import Article, EventRow, EventSource
from tests.faults.service import ServiceProcess, SyntheticArticle, scratch_database, synthetic_articles, write_gazetteer

pytestmark = pytest.mark.postgis

CLIENTS = 20
ARTICLES = 500


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    with scratch_database("concurrency") as url:
        yield url


@pytest.fixture(scope="module")
def service(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    root = tmp_path_factory.mktemp("concurrency-service")
    with ServiceProcess(database_url=database_url, var_dir=root / "var", gazetteer=write_gazetteer(root / "gaz"),
                        log_path=root / "service.log") as service:
        service.wait_ready()
        yield service


def post_all(base_url: str, articles: list[SyntheticArticle], order: list[int], start: threading.Barrier,
             results: list[tuple[int, int, str]]) -> None:
    """Posts every article once (retrying 503/429 as an ingest client would); records (index, status, id)."""
    with httpx.Client(base_url=base_url, timeout=120) as http:
        start.wait()
        for index in order:
            article = articles[index]
            for attempt in range(20):
                response = http.post("/v1/articles", json=article.body, headers=article.headers)
                if response.status_code not in (429, 503):
                    break
                time.sleep(0.1 * (attempt + 1))
            body = response.json()
            results.append((index, response.status_code, body.get("id", body.get("detail", ""))))


def test_twenty_clients_posting_the_same_articles_store_each_once(service: ServiceProcess, database_url: str) -> None:
    articles = synthetic_articles(ARTICLES, run=f"concurrency-{time.time_ns()}")
    # Half the clients go in the same order (collisions on one article), half shuffled (merges into one event).
    orders = [list(range(ARTICLES)) if n % 2 == 0 else random.Random(n).sample(range(ARTICLES), ARTICLES)
              for n in range(CLIENTS)]
    start = threading.Barrier(CLIENTS)
    results: list[list[tuple[int, int, str]]] = [[] for _ in range(CLIENTS)]
    threads = [threading.Thread(target=post_all, args=(service.base_url, articles, orders[n], start, results[n]))
               for n in range(CLIENTS)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(900)
    elapsed = time.monotonic() - began
    answers = [answer for client in results for answer in client]
    statuses = Counter(status for _, status, _ in answers)
    print(f"\nconcurrency figures: {CLIENTS} clients x {ARTICLES} articles in {elapsed:.1f}s: {dict(statuses)}")

    assert len(answers) == CLIENTS * ARTICLES
    assert set(statuses) <= {200, 201}, (statuses, [a for a in answers if a[1] not in (200, 201)][:5])
    assert statuses[201] == ARTICLES, statuses  # exactly one client created each article
    ids_per_article: dict[int, set[str]] = defaultdict(set)
    for index, _, article_id in answers:
        ids_per_article[index].add(article_id)
    assert all(len(ids) == 1 for ids in ids_per_article.values())  # every client was told the same id
    assert len({next(iter(ids)) for ids in ids_per_article.values()}) == ARTICLES

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Article)) == ARTICLES
            duplicated_sources = connection.execute(
                select(EventSource.event_id, EventSource.article_id, EventSource.mention_start, func.count())
                .group_by(EventSource.event_id, EventSource.article_id, EventSource.mention_start)
                .having(func.count() > 1)
            ).all()
            assert not duplicated_sources, duplicated_sources[:5]
            events = connection.execute(
                select(EventRow.id, EventRow.place_key, EventRow.gained_side, EventRow.date_start,
                       EventRow.date_end, EventRow.source_count)
            ).all()
            sources_per_event = dict(connection.execute(
                select(EventSource.event_id, func.count(func.distinct(EventSource.article_id)))
                .group_by(EventSource.event_id)
            ).all())
    finally:
        engine.dispose()
    assert events, "the synthetic reports produced no events: nothing was tested"
    # Each event counts exactly the articles that report it (no lost update on source_count).
    wrong_counts = [(e.id, e.source_count, sources_per_event.get(e.id)) for e in events
                    if e.source_count != sources_per_event.get(e.id)]
    assert not wrong_counts, wrong_counts[:5]
    # No two events that one writer at a time would have merged (same place and side, merge days within the window).
    by_change: dict[tuple[str, str | None], list] = defaultdict(list)
    for event in events:
        by_change[(event.place_key, event.gained_side)].append(merge_day(event.date_start, event.date_end))
    window = timedelta(days=MERGE_WINDOW_DAYS)
    duplicated_events = [
        (key, a, b) for key, days in by_change.items() for a, b in zip(sorted(days), sorted(days)[1:], strict=False)
        if b - a <= window
    ]
    assert not duplicated_events, duplicated_events[:5]
    print(f"concurrency figures: {len(events)} events, {sum(sources_per_event.values())} article-event links")

    # Started without keys, the service said so at start-up.
    assert any(line.get("level") == "WARNING" and "no API keys configured" in line.get("message", "")
               for line in service.log_lines())
