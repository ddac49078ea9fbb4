"""Stand-off annotations, the train/test split, lower-cased scoring and place attachment (no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.evaluation.attachment import score_attachment
from app.evaluation.report import lowercased, read_articles
from app.evaluation.splits import split_of
from app.evaluation.standoff import StandoffError, text_digest, to_standoff

TEXT = "Rebels seized the town of Morek on Sunday, the Observatory said."


def _article() -> dict:
    start = TEXT.index("Morek")
    return {"id": "pool-1", "source": "Test (wire)", "published_at": "2017-10-23", "text": TEXT,
            "events": [{"place": "Morek", "place_start": start, "place_end": start + 5, "gained_side": "opposition",
                        "lost_side": "unknown", "date": "2017-10-22", "evidence": TEXT}]}


def _pool(tmp_path: Path, text: str = TEXT) -> Path:
    pool = tmp_path / "pool"
    pool.mkdir()
    (pool / "articles.jsonl").write_text(json.dumps({"id": "pool-1", "title": "T", "text": text}) + "\n")
    return pool


def test_a_standoff_record_holds_no_text_and_reads_back_whole(tmp_path: Path) -> None:
    record = to_standoff(_article())
    assert "text" not in record and "evidence" not in record["events"][0]
    assert record["text_sha256"] == text_digest(TEXT)
    assert (record["events"][0]["evidence_start"], record["events"][0]["evidence_end"]) == (0, len(TEXT))
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(record) + "\n")
    [article] = read_articles(path, _pool(tmp_path))
    assert article["text"] == TEXT and article["title"] == "T"
    assert article["events"][0]["place"] == "Morek" and article["events"][0]["evidence"] == TEXT


def test_a_changed_pool_text_is_refused_not_scored(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(to_standoff(_article())) + "\n")
    with pytest.raises(StandoffError, match="sha256"):
        list(read_articles(path, _pool(tmp_path, TEXT.replace("Sunday", "Monday"))))
    with pytest.raises(StandoffError, match="--pool"):
        list(read_articles(path, None))


def test_a_repeated_pool_id_is_told_apart_by_the_texts_digest(tmp_path: Path) -> None:
    """event-sentences.jsonl calls 231 different sentences "eventloc-wiki": each record reads back its own text."""
    other = "Troops retook Kafr Zita."
    pool = tmp_path / "pool"
    pool.mkdir()
    rows = [{"id": "pool-1", "text": t} for t in (other, TEXT)]
    (pool / "sentences.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(to_standoff(_article())) + "\n")
    [article] = read_articles(path, pool)
    assert article["text"] == TEXT and article["events"][0]["place"] == "Morek"


def test_the_split_is_a_fixed_hash_of_the_id() -> None:
    ids = [f"fakes-{n}" for n in range(1000)]
    share = sum(split_of(i) == "test" for i in ids) / len(ids)
    assert 0.35 < share < 0.45  # two in five
    assert [split_of(i) for i in ids[:20]] == [split_of(i) for i in ids[:20]]


def test_lowercasing_keeps_every_offset() -> None:
    text = "İstanbul and Morek"  # "İ".lower() is two characters
    low = lowercased(text)
    assert len(low) == len(text) and low.endswith("and morek")


def test_attachment_counts_events_on_gold_locations_and_skips_misaligned_spans(tmp_path: Path) -> None:
    rows = [
        {"id": "a_capture", "text": "Rebels captured Morek near Hama.",
         "spans": [{"start": 16, "end": 21, "label": "LOCATION"}]},
        {"id": "b_capture", "text": "Troops captured Kafr Zita.",
         "spans": [{"start": 2, "end": 2, "label": "LOCATION"}]},
        {"id": "c_shoot", "text": "Gunmen shot at Hama.", "spans": [{"start": 15, "end": 19, "label": "LOCATION"}]},
    ]
    path = tmp_path / "sentences.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))

    def events_of(text: str) -> list[dict]:
        at = text.find("Hama")
        return [{"place": {"start": 16, "end": 21}}, {"place": {"start": at, "end": at + 4}}] if "Morek" in text else []

    result = score_attachment(path, events_of)
    assert (result.sentences, result.with_events, result.events, result.attached) == (1, 1, 2, 1)
    assert result.share == 0.5 and result.coverage == 1.0
