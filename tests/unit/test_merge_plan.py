"""Merging reports of one change (``plan_events``): pure, so every rule is checked without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.store.article_repo import MERGE_WINDOW_DAYS, NewEvent, plan_events

NOW = datetime(2030, 1, 10, 12, tzinfo=UTC)
DAY = date(2030, 1, 10)


def change(place_key: str = "g:1", side: str | None = "government", day: date = DAY, *, mention_start: int = 0,
           from_text: bool = True, precision: str = "day", lost_side: str | None = None) -> NewEvent:
    return NewEvent(
        place_key=place_key, place_name="Saraqib", mention_start=mention_start, geonameid=1, region_geonameid=None,
        lat=35.86, lon=36.8, geo_precision=1, gained_side=side, gained_actor=None, gained_name=None,
        lost_side=lost_side, lost_actor="syrian_opposition" if lost_side else None,
        lost_name="rebels" if lost_side else None, claimed_by=None, date_start=day, date_end=day,
        date_precision=precision, date_from_text=from_text, evidence_text="...", evidence_start=0, evidence_end=3,
        confidence=0.9, event_json={},
    )


def stored(event_id: str, place_key: str = "g:1", side: str | None = "government", day: date = DAY, *,
           source_count: int = 1, from_text: bool = True, precision: str = "day",
           lost_side: str | None = None) -> dict[str, Any]:
    return {"id": event_id, "place_key": place_key, "gained_side": side, "date_start": day, "date_end": day,
            "date_precision": precision, "date_from_text": from_text, "lost_side": lost_side, "lost_actor": None,
            "lost_name": None, "source_count": source_count}


def test_with_nothing_stored_each_change_is_a_new_event() -> None:
    plan = plan_events([change("g:1"), change("g:2")], [], NOW)
    assert [row["place_key"] for row in plan.new_rows] == ["g:1", "g:2"]
    assert [s.id for s in plan.stored] == [row["id"] for row in plan.new_rows]
    assert [s.source_count for s in plan.stored] == [1, 1] and plan.merged_rows == []


def test_one_article_reporting_a_change_twice_counts_once() -> None:
    plan = plan_events([change(mention_start=5), change(mention_start=90)], [], NOW)
    assert len(plan.new_rows) == 1
    assert plan.stored[0] == plan.stored[1] and plan.stored[0].source_count == 1


def test_a_stored_event_within_the_window_gains_a_source_once() -> None:
    near = DAY + timedelta(days=MERGE_WINDOW_DAYS)
    plan = plan_events([change(day=near, mention_start=1), change(day=near, mention_start=2)],
                       [stored("e1", source_count=4)], NOW)
    assert plan.new_rows == []
    assert [(s.id, s.source_count) for s in plan.stored] == [("e1", 5), ("e1", 5)]
    [merged] = plan.merged_rows
    assert (merged["id"], merged["source_count"], merged["updated_at"]) == ("e1", 5, NOW)


def test_another_side_another_place_or_a_distant_date_is_another_event() -> None:
    far = DAY + timedelta(days=MERGE_WINDOW_DAYS + 1)
    candidates = [stored("e1")]
    plan = plan_events([change(side="opposition"), change("g:2"), change(day=far)], candidates, NOW)
    assert len(plan.new_rows) == 3 and plan.merged_rows == []
    assert "e1" not in {s.id for s in plan.stored}


def test_the_earliest_matching_event_takes_the_report() -> None:
    candidates = [stored("b", day=DAY), stored("a", day=DAY), stored("c", day=DAY - timedelta(days=1))]
    assert plan_events([change()], candidates, NOW).stored[0].id == "c"
    assert plan_events([change()], candidates[:2], NOW).stored[0].id == "a"


def test_a_later_report_with_a_finer_date_and_the_losing_side_refines_the_event() -> None:
    candidates = [stored("e1", from_text=False, day=DAY)]
    later = change(day=DAY - timedelta(days=1), lost_side="opposition")
    [merged] = plan_events([later], candidates, NOW).merged_rows
    assert (merged["date_start"], merged["date_end"], merged["date_precision"], merged["date_from_text"]) == (
        later.date_start, later.date_end, "day", True)
    assert (merged["lost_side"], merged["lost_actor"], merged["lost_name"]) == (
        "opposition", "syrian_opposition", "rebels")


def test_a_coarser_or_undated_report_keeps_what_the_event_knows() -> None:
    candidates = [stored("e1", lost_side="isis", precision="day")]
    for report in (change(precision="month"), change(from_text=False), change(lost_side="opposition")):
        [merged] = plan_events([report], candidates, NOW).merged_rows
        assert (merged["date_start"], merged["date_precision"], merged["lost_side"]) == (DAY, "day", "isis")
