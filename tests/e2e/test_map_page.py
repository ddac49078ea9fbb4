"""The map page in headless Chromium against the real service: events drawn, a click opens the evidence popup, and
a change the text does not date is drawn apart (a hollow ring) only when the box for it is ticked.

The service and the browser are conftest's; this module inserts its events straight into the service's database
and keeps screenshots in artifacts/.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, insert

from app.store.models import OPEN_START, EventRow
from tests.e2e.harness import FLAGS, click_at, running_service

pytestmark = pytest.mark.e2e

EVENTS = [
    # (place, lon, lat, day, gained side, lost side, evidence)
    ("Idlib", 36.63, 35.93, "2015-03-28", "opposition", "government",
     "Rebels of the Army of Conquest seized the city of Idlib on Saturday."),
    ("Palmyra", 38.27, 34.56, "2016-03-27", "government", "isis",
     "The Syrian army recaptured the ancient city of Palmyra from Islamic State."),
    ("Raqqa", 39.01, 35.95, "2017-10-17", "kurdish", "isis",
     "US-backed forces took full control of Raqqa from Islamic State."),
    ("Mosul", 43.13, 36.34, "2017-07-09", "government", "isis",
     "Iraqi forces retook Mosul after a nine-month battle."),
]
# A change the article does not date: "on 11 November", no year, no publication date; received 2017-11-30.
UNDATED = ("Tal Abyad", 38.95, 36.70, "2017-11-30", "kurdish", "isis",
           "On 11 November, Kurdish forces seized the town of Tal Abyad.")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    with running_service(tmp_path_factory.mktemp("e2e-var")) as running:
        yield running


def insert_events(database: Path) -> dict[str, str]:
    engine = create_engine(f"sqlite:///{database}")
    now = datetime.now(UTC)
    ids = {}
    with engine.begin() as connection:
        for place, lon, lat, day, gained, lost, evidence in EVENTS:
            event_id = str(uuid.uuid4())
            ids[place] = event_id
            connection.execute(insert(EventRow.__table__).values(
                id=event_id, geonameid=None, place_name=place, place_key=place.lower(), region_geonameid=None,
                lat=lat, lon=lon, geo_precision=1, gained_side=gained, gained_actor=None, gained_name=gained,
                lost_side=lost, lost_actor=None, lost_name=lost, claimed_by=None, date_start=date.fromisoformat(day),
                date_end=date.fromisoformat(day), date_precision="day", date_from_text=True, evidence_text=evidence,
                confidence=0.9, source_count=1, created_at=now, updated_at=now,
            ))
        place, lon, lat, day, gained, lost, evidence = UNDATED
        ids[place] = str(uuid.uuid4())
        connection.execute(insert(EventRow.__table__).values(
            id=ids[place], geonameid=None, place_name=place, place_key=place.lower(), region_geonameid=None,
            lat=lat, lon=lon, geo_precision=1, gained_side=gained, gained_actor=None, gained_name=gained,
            lost_side=lost, lost_actor=None, lost_name=lost, claimed_by=None, date_start=OPEN_START,
            date_end=date.fromisoformat(day), date_precision="on_or_before", date_from_text=False,
            date_basis="received", date_month_day="11-11", evidence_text=evidence, confidence=0.9, source_count=1,
            created_at=now, updated_at=now,
        ))
    engine.dispose()
    return ids


def test_map_shows_events_and_a_click_opens_the_evidence(service: tuple[str, Path], browser_path: Path,
                                                          artifacts: Path) -> None:
    from playwright.sync_api import sync_playwright

    base, database = service
    ids = insert_events(database)
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(browser_path), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.on("pageerror", lambda error: errors.append(str(error)))
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{base}/", wait_until="load")
        page.wait_for_function("window.conflictgeo && window.conflictgeo.ready", timeout=60_000)
        assert page.evaluate("conflictgeo.eventsShown") == len(EVENTS)
        page.wait_for_function(
            f"conflictgeo.map.loaded() && conflictgeo.map.queryRenderedFeatures({{layers: ['events']}}).length"
            f" === {len(EVENTS)}", timeout=30_000)
        assert "4 events" in page.text_content("#status")
        # The undated change is found but not drawn until asked for.
        assert page.evaluate("[conflictgeo.undatedFound, conflictgeo.undatedShown]") == [1, 0]
        assert "1 more the text does not date (hidden)" in page.text_content("#status")
        assert page.evaluate("conflictgeo.map.queryRenderedFeatures({layers: ['events-undated']}).length") == 0
        # The outlines that ship with the service are drawn (no basemap configured).
        page.wait_for_function("conflictgeo.map.queryRenderedFeatures({layers: ['countries-fill']}).length > 0",
                               timeout=30_000)

        palmyra = next(e for e in EVENTS if e[0] == "Palmyra")
        click_at(page, palmyra[1], palmyra[2])
        popup = page.locator(".maplibregl-popup-content")
        popup.wait_for(timeout=10_000)
        assert palmyra[6] in popup.text_content()
        assert "Palmyra" in popup.text_content() and "1 source" in popup.text_content()
        assert "On 2016-03-27" in popup.text_content() and "date given by the text" in popup.text_content()
        # The popup links to the event's record, which names the same place.
        hrefs = popup.locator("a").evaluate_all("anchors => anchors.map((a) => a.getAttribute('href'))")
        assert f"/v1/events/{ids['Palmyra']}" in hrefs
        assert httpx.get(f"{base}/v1/events/{ids['Palmyra']}").json()["properties"]["place_name"] == "Palmyra"
        page.screenshot(path=str(artifacts / "map-events.png"))

        # Ticked, the undated change is drawn apart, and its popup gives it no day of its own.
        page.check("#undated")
        page.wait_for_function("conflictgeo.undatedShown === 1", timeout=10_000)
        page.wait_for_function(
            "conflictgeo.map.queryRenderedFeatures({layers: ['events-undated']}).length === 1", timeout=30_000)
        assert page.evaluate("conflictgeo.map.queryRenderedFeatures({layers: ['events']}).length") == len(EVENTS)
        assert "(hollow rings)" in page.text_content("#status")
        click_at(page, UNDATED[1], UNDATED[2])
        page.wait_for_function(
            "(document.querySelector('.maplibregl-popup-content') || {}).textContent?.includes('Tal Abyad')",
            timeout=10_000)
        text = page.text_content(".maplibregl-popup-content")
        assert "on 11 November (year unknown), on or before 2017-11-30" in text
        assert "the article gives no date" in text and "2017-11-11" not in text
        page.screenshot(path=str(artifacts / "map-undated.png"))
        page.uncheck("#undated")
        page.wait_for_function(
            "conflictgeo.map.queryRenderedFeatures({layers: ['events-undated']}).length === 0", timeout=30_000)

        # The control snapshot on the window's end date: one point per place, coloured by who held it.
        page.check("input[name=mode][value=control]")
        page.wait_for_function(f"conflictgeo.controlShown === {len(EVENTS)}", timeout=30_000)
        page.wait_for_function(
            f"conflictgeo.map.queryRenderedFeatures({{layers: ['control']}}).length === {len(EVENTS)}",
            timeout=30_000)
        # Tal Abyad has only the undated change: held "since" no day, drawn apart when ticked.
        assert page.evaluate("conflictgeo.undatedFound") == 1
        page.check("#undated")
        page.wait_for_function(
            "conflictgeo.map.queryRenderedFeatures({layers: ['control-undated']}).length === 1", timeout=30_000)
        page.screenshot(path=str(artifacts / "map-control.png"))
        browser.close()
    assert not errors, errors
    outside = [url for url in requests if not url.startswith((base, "data:", "blob:"))]
    assert not outside, f"the page must work offline, it asked for {outside}"
