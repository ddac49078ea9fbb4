"""GET /v1/events.csv: ACLED-like columns, same filters as /v1/events, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from tests.api.test_events_api import Seeder, seed  # noqa: F401 - the fixture is used by name

COLUMNS = ["event_id", "event_date", "date_precision", "place", "geonameid", "admin1", "country", "latitude",
           "longitude", "geo_precision", "gained_by", "gained_side", "lost_by", "lost_side", "sides",
           "source_count", "evidence", "date_end", "date_basis", "date_prec", "date_month_day"]


def read_csv(client: TestClient, **params: object) -> list[dict[str, str]]:
    response = client.get("/v1/events.csv", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(response.text))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_csv_round_trips_every_field(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    evidence = 'Government forces, "backed by Russian jets", retook Idlib,\nofficials said.'
    event_id = seed.event(day="2017-10-23", lon=36.63, lat=35.93, evidence=evidence, articles=3)
    rows = read_csv(client, actor=seed.actor)
    assert len(rows) == 1
    row = rows[0]
    assert row["event_id"] == event_id
    assert row["event_date"] == "2017-10-23" and row["date_precision"] == "day"
    assert row["place"] == "Idlib" and row["geonameid"] == "169389"
    assert row["admin1"] == "Idlib" and row["country"] == "Syria"
    assert float(row["latitude"]) == 35.93 and float(row["longitude"]) == 36.63
    assert row["geo_precision"] == "1"
    assert row["gained_by"] == "the army" and row["gained_side"] == "government"
    assert row["lost_by"] == "rebels" and row["lost_side"] == "opposition"
    assert row["sides"] == "government>opposition"
    assert row["source_count"] == "3"
    assert row["evidence"] == evidence
    assert (row["date_end"], row["date_basis"], row["date_prec"], row["date_month_day"]) == (
        "2017-10-23", "text", "1", "")


def test_csv_says_each_dates_basis_and_gives_no_day_to_an_undated_change(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    seed.event(day="2017-10-23", basis="text_relative")
    seed.event(day="2017-10-22", basis="published")
    seed.event(day="2026-12-05", basis="received", month_day="11-11")
    rows = read_csv(client, actor=seed.actor)
    got = [(r["event_date"], r["date_precision"], r["date_end"], r["date_basis"], r["date_prec"], r["date_month_day"])
           for r in rows]
    assert got[0] == ("2017-10-23", "day", "2017-10-23", "text_relative", "1", "")  # dated ones first
    assert sorted(got[1:]) == [
        ("", "on_or_before", "2017-10-22", "published", "5", ""),
        ("", "on_or_before", "2026-12-05", "received", "5", "'--11-11"),  # defused: a cell starting with "-"
    ]


def test_csv_takes_the_same_filters_and_has_no_page_limit(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    settings = client.app.state.runtime.settings
    saved = settings.events_max_limit
    settings.events_max_limit = 2
    try:
        for day in ("2016-01-01", "2016-02-01", "2016-03-01", "2017-01-01"):
            seed.event(day=day)
        assert len(read_csv(client, actor=seed.actor)) == 4
        rows = read_csv(client, actor=seed.actor, datetime="2016-01-01/2016-12-31")
    finally:
        settings.events_max_limit = saved
    assert [r["event_date"] for r in rows] == ["2016-03-01", "2016-02-01", "2016-01-01"]
    assert read_csv(client, actor=seed.actor, side="isis") == []


def test_cells_that_look_like_formulas_are_defused(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    for evidence in ("=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)"):
        seed.event(evidence=evidence, place_name=evidence)
    rows = read_csv(client, actor=seed.actor)
    assert len(rows) == 4
    for row in rows:
        assert row["evidence"].startswith("'") and row["place"].startswith("'")
    # Numbers stay numbers: a negative longitude is not a formula.
    seed.event(lon=-3.5, lat=40.4, evidence="ok")
    assert any(r["longitude"] == "-3.5" for r in read_csv(client, actor=seed.actor))


def test_csv_rejects_invalid_filters(client: TestClient) -> None:
    response = client.get("/v1/events.csv", params={"bbox": "1,2,3,x"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
