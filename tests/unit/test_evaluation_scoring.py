"""Scoring as shared/eval/README.md defines it."""

import json

from app.evaluation import Counts, distance_km, run_evaluation, score_events, score_toponyms
from app.evaluation.report import format_report
from app.evaluation.scoring import (
    MISSED_NO_EVENT,
    MISSED_NOT_FOUND,
    MISSED_RESOLVED_ELSEWHERE,
    MISSED_WRONG_SIDE,
    SPURIOUS_NO_CHANGE,
    SPURIOUS_REPEAT,
    SPURIOUS_WRONG_SIDE,
    event_error_kinds,
)
from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention

IDLIB = GazetteerPlace(169389, "Idlib", "Idlib", 35.93, 36.63, "P", "PPLA", "SY")
HAMA = GazetteerPlace(170017, "Hama", "Hama", 35.13, 36.75, "P", "PPLA", "SY")
GOLD = {
    "id": "t1",
    "text": "idlib and hama and bilil",
    "toponyms": [
        {"start": 0, "end": 5, "text": "idlib", "geonameid": 169389, "lat": 35.93, "lon": 36.63},
        {"start": 10, "end": 14, "text": "hama", "geonameid": 170017, "lat": 35.13, "lon": 36.75},
        {"start": 19, "end": 24, "text": "bilil", "geonameid": None, "lat": None, "lon": None},
    ],
}


def test_distance():
    assert round(distance_km(35.93, 36.63, 35.13, 36.75)) == 89


def test_distance_is_measured_on_the_ellipsoid():
    """geopy's geodesic, not a sphere: a degree of longitude on the equator is 111.32 km on WGS84 (111.19 on the
    mean-radius sphere a haversine uses), so a gold 161.0 km away along the equator is on the right side."""
    assert round(distance_km(0.0, 0.0, 0.0, 1.0), 2) == 111.32
    assert round(distance_km(0.0, 0.0, 1.0, 0.0), 2) == 110.57


def test_proximity_in_resolution_uses_geopy_great_circle_distance():
    from geopy.distance import great_circle

    from app.geoparse.resolve import _km

    assert _km(IDLIB, HAMA) == great_circle((35.93, 36.63), (35.13, 36.75)).km
    assert abs(_km(IDLIB, HAMA) - distance_km(35.93, 36.63, 35.13, 36.75)) < 0.5
    equator = GazetteerPlace(1, "A", "A", 0.0, 0.0, "P", "PPL", "XX")
    far = GazetteerPlace(2, "B", "B", 60.0, 120.0, "P", "PPL", "XX")
    assert round(_km(equator, far)) == round(great_circle((0.0, 0.0), (60.0, 120.0)).km)  # not a flat-earth sum


def test_toponym_counts_by_overlap_and_distance():
    mentions = [Mention("idlib", 0, 5, IDLIB, 0.9), Mention("hama", 10, 14, IDLIB, 0.5),
                Mention("and", 6, 9, None, 0.5)]
    counts = score_toponyms(GOLD, mentions)
    assert (counts.predicted, counts.predicted_correct) == (3, 2)
    assert (counts.gold, counts.gold_found, counts.gold_with_coords, counts.found_with_coords) == (3, 2, 2, 2)
    assert counts.correct_161 == 2  # Idlib city is 90 km from Hama
    assert counts.correct_10 == 1


def test_events_match_by_place_and_side_and_dates_at_gold_resolution():
    gold = {"events": [
        {"place": "bilil", "place_start": 19, "place_end": 24, "lat": None, "lon": None, "geonameid": None,
         "gained_side": "government", "date": "2017-10"},
        {"place": "hama", "place_start": 10, "place_end": 14, "lat": 35.13, "lon": 36.75, "geonameid": 170017,
         "gained_side": "opposition", "date": "2015"},
    ]}
    predicted = [
        {"place": {"start": 19, "end": 24, "place": None}, "gained_by": {"side": "government"},
         "date": {"start": "2017-10-22", "precision": "day"}},
        {"place": {"start": 10, "end": 14, "place": {"geonameid": 1, "lat": 35.131, "lon": 36.751}},
         "gained_by": {"side": "government"}, "date": {"start": "2015-01-01", "precision": "year"}},
    ]
    counts = score_events(gold, predicted)
    assert (counts.events_predicted, counts.events_gold, counts.events_matched) == (2, 2, 1)
    assert (counts.events_dated, counts.events_date_agree) == (1, 1)


def test_a_date_known_only_as_on_or_before_a_day_is_scored_by_that_day():
    gold = {"events": [{"place": "bilil", "place_start": 19, "place_end": 24, "lat": None, "lon": None,
                        "geonameid": None, "gained_side": "government", "date": "2017-10"}]}
    predicted = [{"place": {"start": 19, "end": 24, "place": None}, "gained_by": {"side": "government"},
                  "date": {"start": None, "end": "2017-10-23", "precision": "on_or_before", "basis": "published"}}]
    assert score_events(gold, predicted).events_date_agree == 1
    predicted[0]["date"]["end"] = "2017-11-02"
    assert score_events(gold, predicted).events_date_agree == 0


def test_run_evaluation_and_report(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    report = run_evaluation([path], lambda text, published, title: ([Mention("hama", 10, 14, HAMA, 0.9)], []))
    figures = report.files[0].figures
    assert figures["toponym_precision"] == 1.0
    assert abs(figures["toponym_recall"] - 1 / 3) < 1e-9
    assert figures["accuracy_161km"] == 0.5 and figures["accuracy_161km_found"] == 1.0
    assert "recall 0.333" in format_report(report)
    assert Counts(predicted=1) + Counts(predicted=2) == Counts(predicted=3)


def test_missed_and_spurious_events_are_told_apart_by_the_stage_that_lost_them(tmp_path):
    """A held-out set is only measured: its errors are counted by stage (a side read wrongly, a place found with no
    event, a name resolved elsewhere, a name not found; a change nobody reports, a repeat), never listed."""
    text = "idlib and hama and bilil and kafr and zor"
    gold = {"events": [
        {"place_start": 0, "place_end": 5, "lat": 35.93, "lon": 36.63, "geonameid": 169389,
         "gained_side": "government"},
        {"place_start": 10, "place_end": 14, "lat": 35.13, "lon": 36.75, "geonameid": 170017,
         "gained_side": "opposition"},
        {"place_start": 19, "place_end": 24, "lat": 36.0, "lon": 37.0, "geonameid": 5, "gained_side": "isis"},
        {"place_start": 29, "place_end": 33, "lat": None, "lon": None, "geonameid": None, "gained_side": "kurdish"},
    ], "text": text}
    elsewhere = GazetteerPlace(7, "Bilil", "Bilil", 10.0, 10.0, "P", "PPL", "XX")
    mentions = [Mention("idlib", 0, 5, IDLIB, 0.9), Mention("hama", 10, 14, HAMA, 0.9),
                Mention("bilil", 19, 24, elsewhere, 0.9), Mention("zor", 38, 41, None, 0.3)]
    predicted = [
        {"place": {"start": 0, "end": 5, "place": {"geonameid": 169389, "lat": 35.93, "lon": 36.63}},
         "gained_by": {"side": "opposition"}},  # Idlib: the wrong side
        {"place": {"start": 0, "end": 5, "place": {"geonameid": 169389, "lat": 35.93, "lon": 36.63}},
         "gained_by": {"side": "government"}},  # Idlib again, the right side: matched
        {"place": {"start": 0, "end": 5, "place": {"geonameid": 169389, "lat": 35.93, "lon": 36.63}},
         "gained_by": {"side": "government"}},  # and a repeat of it
        {"place": {"start": 38, "end": 41, "place": None}, "gained_by": {"side": "isis"}},  # zor: no change there
    ]
    kinds = event_error_kinds(gold, mentions, predicted)
    assert kinds == {MISSED_NO_EVENT: 1, MISSED_RESOLVED_ELSEWHERE: 1, MISSED_NOT_FOUND: 1,
                     SPURIOUS_WRONG_SIDE: 1, SPURIOUS_REPEAT: 1, SPURIOUS_NO_CHANGE: 1}
    # a name at the gold's span resolved elsewhere is that, even where another mention lies within 10 km of the gold
    # ("Khaldiyeh" resolved far away, "Homs" found beside it)
    near_bilil = GazetteerPlace(8, "Near", "Near", 36.01, 37.01, "P", "PPLA", "SY")
    near = [*mentions, Mention("kafr", 29, 33, near_bilil, 0.9)]
    kinds = event_error_kinds(gold, near, predicted)
    assert kinds[MISSED_RESOLVED_ELSEWHERE] == 1 and kinds[MISSED_NO_EVENT] == 2  # kafr's own span: found, no event
    gold["events"][0]["gained_side"] = "isis"  # now no Idlib event has the gold's side
    assert event_error_kinds(gold, mentions, predicted)[MISSED_WRONG_SIDE] == 1

    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", **gold}) + "\n", encoding="utf-8")
    report = run_evaluation([path], lambda t, p, h: (mentions, predicted))
    assert report.to_dict()[str(path)]["event_error_kinds"][SPURIOUS_NO_CHANGE] == 1
    assert f"{SPURIOUS_NO_CHANGE} 1" in format_report(report)
