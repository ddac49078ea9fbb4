"""Storing articles on both backends: once only, atomically, with events merged across reports."""

from __future__ import annotations

import random
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app import merge
from app.store import article_repo
from app.store.models import Article, EventRow, EventSource, MentionRow

# Sentences written for these tests.
CAPTURE = "Syrian government forces captured the town of Saraqib from rebels on Sunday, the army said."
CONTRADICTION = "Rebels said on Monday they had recaptured the town of Saraqib from government forces."


def unique_text(base: str) -> str:
    """Each test run stores its own articles: the suite shares one database per backend."""
    return f"{base} Reference {uuid.uuid4().hex[:10]}."


def post(client: TestClient, body: dict, **headers: str):
    return client.post("/v1/articles", json=body, headers=headers)


def count(client: TestClient, model: type, **where: object) -> int:
    with client.app.state.runtime.session_factory() as session:
        statement = select(func.count()).select_from(model)
        for column, value in where.items():
            statement = statement.where(getattr(model, column) == value)
        return session.scalar(statement) or 0


def test_article_is_stored_with_places_and_events(client: TestClient) -> None:
    response = post(client, {"text": unique_text(CAPTURE), "published_at": "2020-01-28T10:00:00Z",
                             "title": "Saraqib", "source": "test"})
    assert response.status_code == 201, response.text
    body = response.json()
    saraqib = [m for m in body["places"] if m["text"] == "Saraqib"]
    assert saraqib and saraqib[0]["place"]["geonameid"] == 164816
    [event] = [e for e in body["events"] if e["place"]["text"] == "Saraqib"]
    assert event["id"] and event["gained_by"]["side"] == "government"
    assert event["date"] == {"start": "2020-01-26", "end": "2020-01-26", "precision": "day", "basis": "text_relative",
                             "date_prec": 1, "month_day": None}

    stored = client.get(f"/v1/articles/{body['id']}")
    assert stored.status_code == 200
    article = stored.json()
    assert article["title"] == "Saraqib" and article["published_at"].startswith("2020-01-28T10:00:00")
    assert [e["id"] for e in article["events"]] == [e["id"] for e in body["events"]]
    assert count(client, MentionRow, article_id=body["id"]) == len(body["places"])


def test_same_text_again_is_not_stored_twice(client: TestClient) -> None:
    body = {"text": unique_text(CAPTURE), "published_at": "2020-01-28"}
    first = post(client, body)
    second = post(client, body)
    assert first.status_code == 201 and second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    assert [e["id"] for e in second.json()["events"]] == [e["id"] for e in first.json()["events"]]
    assert count(client, Article, dedup_key=article_repo.NewArticle(
        text=body["text"], title=None, url=None, source=None, published_at=None, idempotency_key=None).dedup_key) == 1


def test_same_url_is_the_same_article(client: TestClient) -> None:
    url = f"https://news.example/{uuid.uuid4().hex}"
    first = post(client, {"text": unique_text(CAPTURE), "url": url})
    second = post(client, {"text": unique_text("Edited later. " + CAPTURE), "url": url + "/"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]


def test_idempotency_key_is_honoured(client: TestClient) -> None:
    key = uuid.uuid4().hex
    first = post(client, {"text": unique_text(CAPTURE)}, **{"Idempotency-Key": key})
    second = post(client, {"text": unique_text(CAPTURE)}, **{"Idempotency-Key": key})
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]


def test_two_reports_of_one_change_are_one_event_with_two_sources(client: TestClient) -> None:
    place = "Maarat al-Numan"
    text = f"Government forces seized the town of {place} from the rebels on Tuesday."
    # A day no earlier run of this test used (the database outlives runs); both reports appear the same day, so
    # "on Tuesday" is the same Tuesday in both.
    day = f"{random.randint(2100, 2900)}-02-05"
    first = post(client, {"text": unique_text(text), "published_at": day})
    second = post(client, {"text": unique_text("State media said " + text), "published_at": day})
    assert first.status_code == 201 and second.status_code == 201
    [a] = [e for e in first.json()["events"] if e["place"]["text"] == place]
    [b] = [e for e in second.json()["events"] if e["place"]["text"] == place]
    assert a["id"] == b["id"]
    assert count(client, EventSource, event_id=a["id"]) == 2
    with client.app.state.runtime.session_factory() as session:
        assert session.get(EventRow, a["id"]).source_count == 2


def test_a_later_report_refines_the_merged_event(client: TestClient) -> None:
    """The first report has neither a date in its text nor a losing side; the second has both. One event with two
    sources, which takes the second report's day and losing side."""
    place = "Khan Shaykhun"
    day = f"{random.randint(2100, 2900)}-03-07"  # a day of its own: the database outlives runs
    first = post(client, {"text": unique_text(f"Government forces seized the town of {place}."),
                          "published_at": day})
    second = post(client, {"text": unique_text(f"Government forces seized the town of {place} from the rebels "
                                               "yesterday."), "published_at": day})
    assert first.status_code == 201 and second.status_code == 201
    [a] = [e for e in first.json()["events"] if e["place"]["text"] == place]
    [b] = [e for e in second.json()["events"] if e["place"]["text"] == place]
    assert a["lost_by"] is None and b["lost_by"]["side"] == "opposition"
    assert (a["id"], a["source_count"], b["source_count"]) == (b["id"], 1, 2)
    with client.app.state.runtime.session_factory() as session:
        event = session.get(EventRow, a["id"])
        assert event is not None
        assert (event.source_count, event.lost_side, event.date_from_text, event.date_precision) == (
            2, "opposition", True, "day")
        assert event.date_start.isoformat() == event.date_end.isoformat() == b["date"]["start"] == day[:-2] + "06"


def test_two_changes_of_one_sentence_that_merge_into_one_stored_event_are_one_source(client: TestClient) -> None:
    """Six days apart they are two changes, but each is within the merge window of the stored one."""
    year = random.randint(2100, 2900)
    first = post(client, {"text": unique_text(f"Government forces seized Palmyra on 10 March {year}."),
                          "published_at": f"{year}-04-01"})
    second = post(client, {"text": unique_text(f"Government forces took Palmyra on 7 March {year} and recaptured it "
                                               f"on 13 March {year}."), "published_at": f"{year}-04-01"})
    assert first.status_code == 201 and second.status_code == 201, second.text
    [stored] = first.json()["events"]
    assert [(e["id"], e["source_count"]) for e in second.json()["events"]] == [(stored["id"], 2)]
    article = client.get(f"/v1/articles/{second.json()['id']}").json()
    assert [e["id"] for e in article["events"]] == [stored["id"]]


def test_a_contradicting_report_is_its_own_event(client: TestClient) -> None:
    first = post(client, {"text": unique_text(CAPTURE), "published_at": "2032-03-09"})
    second = post(client, {"text": unique_text(CONTRADICTION), "published_at": "2032-03-10"})
    gov = [e for e in first.json()["events"] if e["place"]["text"] == "Saraqib"]
    reb = [e for e in second.json()["events"] if e["place"]["text"] == "Saraqib"]
    assert gov and reb
    assert gov[0]["gained_by"]["side"] == "government" and reb[0]["gained_by"]["side"] == "opposition"
    assert gov[0]["id"] != reb[0]["id"]


def test_failure_half_way_leaves_nothing_behind(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("disk full while storing events")

    monkeypatch.setattr(merge, "plan_events", explode)
    text = unique_text(CAPTURE)
    articles_before, mentions_before = count(client, Article), count(client, MentionRow)
    with pytest.raises(RuntimeError):
        post(client, {"text": text, "published_at": "2020-01-28"})
    assert (count(client, Article), count(client, MentionRow)) == (articles_before, mentions_before)
    monkeypatch.undo()
    assert post(client, {"text": text, "published_at": "2020-01-28"}).status_code == 201


@pytest.mark.parametrize(
    ("body", "fragment"),
    [({"text": ""}, "text"), ({"text": "   "}, "blank"), ({}, "text"), ({"text": 5}, "text"),
     ({"text": "Idlib", "published_at": "23/10/2017"}, "RFC 3339"),
     ({"text": "Idlib", "published_at": "2017-13-45"}, "published_at"),
     ({"text": "Idlib", "url": "https://x.example/" + "a" * 2000}, "url"),
     ({"text": "Idlib", "url": "javascript:alert(1)"}, "url"),
     ({"text": "Idlib\u0000 was captured"}, "NUL"),
     ({"text": "Idlib", "title": "a\u0000b"}, "NUL")],
)
def test_bad_articles_are_400_with_a_reason(client: TestClient, body: dict, fragment: str) -> None:
    response = post(client, body)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert fragment in response.json()["detail"]


def test_non_json_and_non_utf8_bodies_are_4xx(client: TestClient) -> None:
    for content in (b"not json", b'{"text": "\xff\xfe"}'):
        response = client.post("/v1/articles", content=content, headers={"Content-Type": "application/json"})
        assert 400 <= response.status_code < 500
        assert response.json()["detail"]


def test_unknown_article_is_404(client: TestClient) -> None:
    assert client.get(f"/v1/articles/{uuid.uuid4()}").status_code == 404


def test_a_lone_surrogate_is_a_400_not_a_storage_failure(client: TestClient) -> None:
    """JSON may escape half a UTF-16 pair ("\\ud800"); no database can store it as text."""
    response = client.post("/v1/articles", content=b'{"text": "Idlib \\ud800 was captured"}',
                           headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["detail"].startswith("text:")
