"""The map tells its story at a glance, in headless Chromium against the real service: place labels drawn offline
from the gazetteer (governorates and cities, then towns as the map zooms in), clusters with their counts at low
zoom, events known only by their region drawn as that region shaded, and a play button that walks a year of
changes with the date shown.

The service carries the shipped admin outlines and, written straight into its database, Syria's governorates and
settlements from the shipped gazetteer slice and a year (2016) of a few hundred control changes spread over Syria
(seeded), two of them known only at the level of a governorate. Screenshots go to tests/e2e/artifacts/.
"""

from __future__ import annotations

import json
import lzma
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from shapely.geometry import shape
from sqlalchemy import create_engine, insert

from app.settings import PROJECT_ROOT
from app.store.models import EventRow, Place
from tests.e2e.harness import FLAGS, click_at, running_service, screen_point

pytestmark = pytest.mark.e2e

POINT_EVENTS = 300
SIDES = ("government", "opposition", "isis", "kurdish")
# Known only by their region: a change of the whole Ar-Raqqah governorate (its place is the governorate), and one
# whose place the gazetteer does not know, placed in the Deir ez-Zor governorate (geo_precision 3).
RAQQA_GOVERNORATE = 172957
DEIR_EZ_ZOR_GOVERNORATE = 170792


def syrian_places() -> list[dict[str, Any]]:
    """Syria's governorates and its settlements of a thousand people or more, from the shipped slice."""
    rows = []
    with lzma.open(PROJECT_ROOT / "data" / "gazetteer" / "places.tsv.xz", "rt", encoding="utf-8") as lines:
        for line in lines:
            f = line.rstrip("\n").split("\t")
            if f[8] != "SY":
                continue
            population = int(f[14] or 0)
            if (f[6], f[7]) == ("A", "ADM1") or (f[6] == "P" and (population >= 1000 or f[7] in ("PPLC", "PPLA"))):
                rows.append({"geonameid": int(f[0]), "name": f[1], "asciiname": f[2], "feature_class": f[6],
                             "feature_code": f[7], "country_code": "SY", "admin1_code": f[10],
                             "admin2_code": f[11], "population": population, "lat": float(f[4]),
                             "lon": float(f[5])})
    return rows


def event_row(**values: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    day = values.pop("day")
    return {"id": str(uuid.uuid4()), "geonameid": None, "region_geonameid": None, "geo_precision": 1,
            "gained_actor": None, "lost_actor": None, "claimed_by": None, "date_start": day, "date_end": day,
            "date_precision": "day", "date_from_text": True, "date_basis": "text", "confidence": 0.9,
            "source_count": 1, "created_at": now, "updated_at": now, **values}


def year_of_events() -> list[dict[str, Any]]:
    rng = random.Random(15)
    rows = []
    for i in range(POINT_EVENTS):
        gained, lost = rng.sample(SIDES, 2)
        lon, lat = round(rng.uniform(36.2, 40.8), 4), round(rng.uniform(33.2, 36.9), 4)
        rows.append(event_row(
            place_name=f"Village {i}", place_key=f"village {i}", lat=lat, lon=lon, gained_side=gained,
            gained_name=gained, lost_side=lost, lost_name=lost,
            day=date(2016, 1, 1) + timedelta(days=i * 365 // POINT_EVENTS),
            evidence_text=f"Forces of the {gained} side took village {i} from the {lost} side."))
    rows.append(event_row(
        place_name="Ar-Raqqah", place_key="ar-raqqah", geonameid=RAQQA_GOVERNORATE, lat=35.9, lon=38.9,
        gained_side="kurdish", gained_name="SDF", lost_side="isis", lost_name="Islamic State", day=date(2016, 6, 1),
        evidence_text="The SDF said it now holds the whole of Raqqa province."))
    rows.append(event_row(
        place_name="Tal Zbeideh", place_key="n:tal zbeideh:170792", region_geonameid=DEIR_EZ_ZOR_GOVERNORATE,
        geo_precision=3, lat=35.0, lon=40.2, gained_side="isis", gained_name="Islamic State",
        lost_side="government", lost_name="the army", day=date(2016, 9, 15),
        evidence_text="Islamic State fighters overran Tal Zbeideh, a village in Deir ez-Zor province."))
    return rows


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    with running_service(tmp_path_factory.mktemp("e2e-story")) as (base, database):
        engine = create_engine(f"sqlite:///{database}")
        events = year_of_events()
        with engine.begin() as connection:
            connection.execute(insert(Place.__table__), syrian_places())
            connection.execute(insert(EventRow.__table__), events)
        engine.dispose()
        yield base, events


def open_map(playwright, browser_path: Path, base: str):  # type: ignore[no-untyped-def]
    browser = playwright.chromium.launch(executable_path=str(browser_path), args=FLAGS)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/", wait_until="load")
    page.wait_for_function("window.conflictgeo && window.conflictgeo.ready", timeout=60_000)
    return browser, page, errors


def rendered(page, layer: str, prop: str) -> list[Any]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        "([layer, prop]) => conflictgeo.map.queryRenderedFeatures({layers: [layer]}).map((f) => f.properties[prop])",
        [layer, prop])


def settle(page) -> None:  # type: ignore[no-untyped-def]
    """Until the map has drawn what it was last given (sources loaded, no fade in progress)."""
    page.wait_for_function("conflictgeo.map.loaded() && !conflictgeo.map.isMoving()", timeout=30_000)


def test_labels_clusters_and_regions(story: tuple[str, list[dict[str, Any]]], browser_path: Path,
                                     artifacts: Path) -> None:
    from playwright.sync_api import sync_playwright

    base, events = story
    points = sum(1 for e in events if e["geo_precision"] == 1 and e["geonameid"] is None)
    with sync_playwright() as playwright:
        browser, page, errors = open_map(playwright, browser_path, base)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        assert page.evaluate("conflictgeo.eventsShown") == len(events)
        assert page.evaluate("conflictgeo.regionsShown") == 2
        assert "(2 known only by region, shaded)" in page.text_content("#status")

        # Labels: governorates and cities at the whole-country view, drawn offline (glyphs made in the page).
        page.wait_for_function(
            "conflictgeo.map.queryRenderedFeatures({layers: ['labels-city']})"
            ".some((f) => f.properties.name === 'Aleppo')",
            timeout=30_000)
        assert page.evaluate("conflictgeo.map.getZoom()") < 7
        governorates = set(rendered(page, "labels-admin1", "name"))
        assert len(governorates) >= 5, governorates
        assert "Damascus" in rendered(page, "labels-city", "name")
        assert rendered(page, "labels-town", "name") == []  # towns wait for a closer look
        page.screenshot(path=str(artifacts / "story-labels.png"))
        # Towns as the map zooms in (Saraqib: 34,000 people, a third-order seat).
        page.evaluate("conflictgeo.map.jumpTo({center: [36.8, 35.86], zoom: 8.5})")
        page.wait_for_function(
            "conflictgeo.map.queryRenderedFeatures({layers: ['labels-town']})"
            ".some((f) => f.properties.name === 'Saraqib')",
            timeout=30_000)
        page.screenshot(path=str(artifacts / "story-towns.png"))

        # Clusters with their counts at low zoom: every dated point is in one cluster or drawn alone.
        page.evaluate("conflictgeo.map.jumpTo({center: [38.5, 35.0], zoom: 5})")
        page.wait_for_function(
            "conflictgeo.map.queryRenderedFeatures({layers: ['events-cluster-count']}).length > 0", timeout=30_000)
        settle(page)
        counted = page.evaluate("""() => {
            const clusters = new Map(), alone = new Set();
            for (const f of conflictgeo.map.queryRenderedFeatures({layers: ['events-clusters']})) {
                clusters.set(f.properties.cluster_id, f.properties.point_count);
            }
            for (const f of conflictgeo.map.queryRenderedFeatures({layers: ['events']})) alone.add(f.properties.key);
            const labels = conflictgeo.map.queryRenderedFeatures({layers: ['events-cluster-count']})
                .map((f) => f.properties.point_count_abbreviated);
            return {clusters: [...clusters.values()], alone: alone.size, labels};
        }""")
        assert counted["clusters"] and max(counted["clusters"]) > 1
        assert sum(counted["clusters"]) + counted["alone"] == points
        assert len(counted["labels"]) >= len(counted["clusters"]) * 0.5  # counts drawn on the clusters
        page.screenshot(path=str(artifacts / "story-clusters.png"))

        # Closer, the clusters fall apart into single points.
        page.evaluate("conflictgeo.map.jumpTo({center: [38.5, 35.0], zoom: 9})")
        settle(page)
        assert rendered(page, "events-clusters", "cluster_id") == []

        # Region-level events are their governorates, shaded: a point inside Deir ez-Zor governorate is on it.
        page.evaluate("conflictgeo.map.jumpTo({center: [39.0, 35.2], zoom: 6})")
        settle(page)
        outline = httpx.get(f"{base}/v1/admin-areas", params={"geonameid": DEIR_EZ_ZOR_GOVERNORATE}).json()
        inside = shape(outline["features"][0]["geometry"]).representative_point()
        region_event = next(e for e in events if e["region_geonameid"] == DEIR_EZ_ZOR_GOVERNORATE)
        raqqa_event = next(e for e in events if e["geonameid"] == RAQQA_GOVERNORATE)
        page.wait_for_function(
            "conflictgeo.map.queryRenderedFeatures({layers: ['regions-fill']}).length >= 2", timeout=30_000)
        assert {region_event["id"], raqqa_event["id"]} <= set(rendered(page, "regions-fill", "key"))
        x, y = screen_point(page, inside.x, inside.y)
        box = page.locator("#map canvas").bounding_box()
        assert box is not None
        at_point = page.evaluate(
            "([x, y]) => conflictgeo.map.queryRenderedFeatures([x, y], {layers: ['regions-fill']})"
            ".map((f) => f.properties.key)", [x - box["x"], y - box["y"]])
        assert region_event["id"] in at_point
        page.screenshot(path=str(artifacts / "story-regions.png"))
        # Shaded: with the points and labels hidden, the pixel inside the region is darker with the shading drawn
        # than with it hidden.
        shading = page.evaluate("""async ([x, y]) => {
            const map = conflictgeo.map, canvas = map.getCanvas(), ratio = canvas.width / canvas.clientWidth;
            const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
            const keep = new Set(['background', 'countries-fill', 'provinces-line', 'countries-line', 'regions-fill',
                                  'regions-line']);
            const before = new Map(map.getStyle().layers.map((l) => [l.id, map.getLayoutProperty(l.id, 'visibility')]));
            for (const id of before.keys()) if (!keep.has(id)) map.setLayoutProperty(id, 'visibility', 'none');
            const read = async () => {
                await new Promise((resolve) => { map.once('idle', resolve); map.triggerRepaint(); });
                const out = new Uint8Array(4);
                gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - y * ratio), 1, 1, gl.RGBA,
                              gl.UNSIGNED_BYTE, out);
                return out[0] + out[1] + out[2];
            };
            const shaded = await read();
            map.setLayoutProperty('regions-fill', 'visibility', 'none');
            const bare = await read();
            for (const [id, visibility] of before) map.setLayoutProperty(id, 'visibility', visibility || 'visible');
            return [shaded, bare];
        }""", [x - box["x"], y - box["y"]])
        assert shading[0] < shading[1] - 40, shading
        settle(page)
        click_at(page, inside.x, inside.y)
        page.wait_for_function(
            "(document.querySelector('.maplibregl-popup-content') || {}).textContent?.includes('Tal Zbeideh')",
            timeout=10_000)
        assert "Known only at the level of Deir ez-Zor" in page.text_content(".maplibregl-popup-content")
        browser.close()
    assert not errors, errors
    outside = [url for url in requests if not url.startswith((base, "data:", "blob:"))]
    assert not outside, f"the page must work offline, it asked for {outside}"


def test_play_walks_a_year_of_changes(story: tuple[str, list[dict[str, Any]]], browser_path: Path,
                                      artifacts: Path) -> None:
    from playwright.sync_api import sync_playwright

    base, events = story
    with sync_playwright() as playwright:
        browser, page, errors = open_map(playwright, browser_path, base)
        first = min(e["date_start"] for e in events).isoformat()
        last = max(e["date_end"] for e in events).isoformat()
        assert page.text_content("#map-date") == f"{first} – {last}"
        page.evaluate("conflictgeo.frameMs = 60")
        page.click("#play")
        assert page.text_content("#play") == "❚❚ Pause"
        # (the first frame replaces the whole window's dates: wait for it, so no sample predates playback)
        page.wait_for_function("conflictgeo.frames >= 1", timeout=10_000)
        seen: list[tuple[str, int]] = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            frame = page.evaluate("[document.getElementById('map-date').textContent, conflictgeo.eventsShown, "
                                  "conflictgeo.playing]")
            if not seen or seen[-1][:2] != tuple(frame[:2]):
                seen.append((frame[0], frame[1]))
                if len(seen) == 12:
                    page.screenshot(path=str(artifacts / "story-playing.png"))
            if not frame[2]:
                break
            page.wait_for_timeout(40)
        assert not page.evaluate("conflictgeo.playing"), "playback did not finish within two minutes"
        # The date shown advanced through the year, and the changes shown grew with it to the whole year.
        ends = [text[-10:] for text, _ in seen]
        assert ends == sorted(ends) and len(set(ends)) >= 20, ends
        assert ends[0] < "2016-02-01" and ends[-1] == last
        counts = [count for _, count in seen]
        assert counts == sorted(counts) and counts[0] < 20 and counts[-1] == len(events), counts
        assert page.evaluate("conflictgeo.frames") >= 50
        assert page.text_content("#play") == "▶ Play"
        assert page.text_content("#to-label") == last
        page.screenshot(path=str(artifacts / "story-played.png"))

        # In control mode, playback changes who holds what: the snapshot's date and places advance.
        page.check("input[name=mode][value=control]")
        page.wait_for_function("conflictgeo.controlShown > 0", timeout=30_000)
        page.click("#play")
        page.wait_for_function("conflictgeo.frames >= 3", timeout=30_000)
        early = page.evaluate("[document.getElementById('map-date').textContent, conflictgeo.controlShown]")
        page.wait_for_function("!conflictgeo.playing", timeout=120_000)
        late = page.evaluate("[document.getElementById('map-date').textContent, conflictgeo.controlShown]")
        assert early[0].startswith("Control on 2016-0") and late[0] == f"Control on {last}"
        assert early[1] < late[1]
        browser.close()
    assert not errors, errors


def test_labels_follow_the_zoom_in_the_api(story: tuple[str, list[dict[str, Any]]]) -> None:
    """What the page asks for: governorates and cities from afar, towns from zoom 7."""
    base, _ = story
    far = httpx.get(f"{base}/v1/map-labels", params={"bbox": "35.5,32.3,42.4,37.4", "zoom": 6}).json()
    near = httpx.get(f"{base}/v1/map-labels", params={"bbox": "36.5,35.6,37.1,36.1", "zoom": 8}).json()
    assert {f["properties"]["tier"] for f in far["features"]} == {"admin1", "city"}
    assert "Saraqib" in {f["properties"]["name"] for f in near["features"] if f["properties"]["tier"] == "town"}
    assert json.dumps(far).count("Aleppo") >= 2  # the governorate and the city
