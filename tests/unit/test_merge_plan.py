"""Merging reports of one change (``plan_events``): pure, so every rule is checked without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.merge import MERGE_WINDOW_DAYS, plan_events
from app.store.article_repo import NewEvent
from app.store.models import OPEN_START

NOW = datetime(2030, 1, 10, 12, tzinfo=UTC)
DAY = date(2030, 1, 10)


def change(place_key: str = "g:1", side: str | None = "government", day: date = DAY, *, mention_start: int = 0,
           basis: str = "text", precision: str = "day", lost_side: str | None = None) -> NewEvent:
    """A report dated ``day``; with basis published or received, on or before ``day``."""
    dated = basis in ("text", "text_relative")
    return NewEvent(
        place_key=place_key, place_name="Saraqib", mention_start=mention_start, geonameid=1, region_geonameid=None,
        lat=35.86, lon=36.8, geo_precision=1, gained_side=side, gained_actor=None, gained_name=None,
        lost_side=lost_side, lost_actor="syrian_opposition" if lost_side else None,
        lost_name="rebels" if lost_side else None, claimed_by=None, date_start=day if dated else OPEN_START,
        date_end=day, date_precision=precision if dated else "on_or_before", date_basis=basis, date_month_day=None,
        evidence_text="...", evidence_start=0, evidence_end=3,
        confidence=0.9, event_json={},
    )


def stored(event_id: str, place_key: str = "g:1", side: str | None = "government", day: date = DAY, *,
           source_count: int = 1, basis: str = "text", precision: str = "day",
           lost_side: str | None = None) -> dict[str, Any]:
    dated = basis in ("text", "text_relative")
    return {"id": event_id, "place_key": place_key, "gained_side": side, "date_start": day if dated else OPEN_START,
            "date_end": day, "date_precision": precision if dated else "on_or_before", "date_from_text": dated,
            "date_basis": basis, "date_month_day": None, "lost_side": lost_side, "lost_actor": None,
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
    candidates = [stored("e1", basis="published", day=DAY)]
    later = change(day=DAY - timedelta(days=1), lost_side="opposition")
    [merged] = plan_events([later], candidates, NOW).merged_rows
    assert (merged["date_start"], merged["date_end"], merged["date_precision"], merged["date_from_text"],
            merged["date_basis"]) == (later.date_start, later.date_end, "day", True, "text")
    assert (merged["lost_side"], merged["lost_actor"], merged["lost_name"]) == (
        "opposition", "syrian_opposition", "rebels")


def test_a_coarser_or_undated_report_keeps_what_the_event_knows() -> None:
    candidates = [stored("e1", lost_side="isis", precision="day")]
    for report in (change(precision="month"), change(basis="published"), change(basis="received"),
                   change(lost_side="opposition")):
        [merged] = plan_events([report], candidates, NOW).merged_rows
        assert (merged["date_start"], merged["date_precision"], merged["date_basis"], merged["lost_side"]) == (
            DAY, "day", "text", "isis")


def test_an_undated_report_is_compared_by_the_day_that_bounds_it() -> None:
    """"On or before D" merges with a change dated within the window of D, not with every earlier one."""
    near, far = DAY - timedelta(days=MERGE_WINDOW_DAYS), DAY - timedelta(days=MERGE_WINDOW_DAYS + 1)
    assert plan_events([change(basis="received")], [stored("e1", day=near)], NOW).stored[0].id == "e1"
    plan = plan_events([change(basis="received")], [stored("e1", day=far)], NOW)
    assert [row["date_start"] for row in plan.new_rows] == [OPEN_START] and plan.merged_rows == []
    # ... and a dated report merges into a stored undated one near its day, which takes the report's date.
    [merged] = plan_events([change(day=near)], [stored("u1", basis="published", day=DAY)], NOW).merged_rows
    assert (merged["id"], merged["date_start"], merged["date_basis"]) == ("u1", near, "text")


def test_the_publication_day_says_more_than_the_receipt_day() -> None:
    [merged] = plan_events([change(basis="published")], [stored("e1", basis="received")], NOW).merged_rows
    assert (merged["date_start"], merged["date_end"], merged["date_basis"]) == (OPEN_START, DAY, "published")
    [merged] = plan_events([change(basis="received")], [stored("e1", basis="published")], NOW).merged_rows
    assert merged["date_basis"] == "published"
