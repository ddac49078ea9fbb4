"""Text from articles cannot run script in the map page, shown in headless Chromium: an event whose evidence,
place name and parties hold HTML with script in it, reported by an article whose title and source hold more and
whose URL is a ``javascript:`` one. The popup shows all of it as text, makes no element of it, runs none of it,
and links no ``javascript:`` URL. (Replaces a grep of map.js for ``escapeHtml(...)``, which could pass while the
page ran the script.)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert

from app.store.models import Article, EventRow, EventSource
from tests.e2e.harness import FLAGS, click_at, running_service

pytestmark = pytest.mark.e2e

LON, LAT = 36.63, 35.93
# Each payload, if it ran, would record its name in window.pwned.
EVIDENCE = ("Rebels took the town. <img src=x onerror=\"(window.pwned = window.pwned || []).push('evidence')\">"
            "<script>(window.pwned = window.pwned || []).push('script')</script>")
PLACE = "Idlib<img src=x onerror=\"(window.pwned = window.pwned || []).push('place')\">"
PARTY = "<svg onload=\"(window.pwned = window.pwned || []).push('party')\"></svg>rebels"
TITLE = "<img src=x onerror=\"(window.pwned = window.pwned || []).push('title')\">Rebels take Idlib"
SOURCE = "<b onmouseover=\"(window.pwned = window.pwned || []).push('source')\">Agency</b>"
URL = "javascript:(window.pwned = window.pwned || []).push('url')"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_service(tmp_path_factory.mktemp("e2e-hostile")) as (base, database):
        engine = create_engine(f"sqlite:///{database}")
        now = datetime.now(UTC)
        event_id, article_id = str(uuid.uuid4()), str(uuid.uuid4())
        with engine.begin() as connection:
            connection.execute(insert(Article.__table__).values(
                id=article_id, url=URL, dedup_key=f"url:{uuid.uuid4().hex}", text_sha256="0" * 64, title=TITLE,
                source=SOURCE, text=EVIDENCE, published_at=datetime(2015, 3, 28, tzinfo=UTC), created_at=now))
            connection.execute(insert(EventRow.__table__).values(
                id=event_id, geonameid=None, place_name=PLACE, place_key="idlib", region_geonameid=None, lat=LAT,
                lon=LON, geo_precision=1, gained_side="opposition", gained_actor=None, gained_name=PARTY,
                lost_side="government", lost_actor=None, lost_name=PARTY, claimed_by=None,
                date_start=date(2015, 3, 28), date_end=date(2015, 3, 28), date_precision="day",
                date_from_text=True, evidence_text=EVIDENCE, confidence=0.9, source_count=1, created_at=now,
                updated_at=now))
            connection.execute(insert(EventSource.__table__).values(
                event_id=event_id, article_id=article_id, mention_start=0, evidence_text=EVIDENCE,
                evidence_start=0, evidence_end=len(EVIDENCE), claimed_by=None, event_json={}))
        engine.dispose()
        yield base


def test_hostile_article_text_runs_no_script_in_the_popup(hostile: str, browser_path: Path,
                                                          artifacts: Path) -> None:
    from playwright.sync_api import sync_playwright

    base = hostile
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(browser_path), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{base}/", wait_until="load")
        page.wait_for_function("window.conflictgeo && window.conflictgeo.ready", timeout=60_000)
        page.wait_for_function("conflictgeo.map.loaded() && conflictgeo.map.queryRenderedFeatures("
                               "{layers: ['events']}).length === 1", timeout=30_000)
        click_at(page, LON, LAT)
        popup = page.locator(".maplibregl-popup-content")
        popup.wait_for(timeout=10_000)
        # The article's title is written in once it is fetched.
        page.wait_for_function(
            "(document.querySelector('.maplibregl-popup-content .sources') || {}).textContent?.includes('Rebels take')",
            timeout=10_000)
        # Nothing of it became an element, so nothing of it can run.
        made = popup.locator("img, script, svg, b, iframe, object").evaluate_all(
            "nodes => nodes.map((n) => n.outerHTML)")
        if made:
            page.wait_for_timeout(500)  # only to say in the failure what ran
        assert not made, f"article text became elements {made}; script that ran: {page.evaluate('window.pwned')}"
        text = popup.text_content()
        assert text is not None
        for shown in (EVIDENCE, PLACE, PARTY, TITLE):
            assert shown in text, f"{shown!r} is not shown as text"
        hrefs = popup.locator("a").evaluate_all("anchors => anchors.map((a) => a.getAttribute('href'))")
        assert hrefs and not [h for h in hrefs if not h.startswith("/v1/")], hrefs
        # Hovering and clicking every link in the popup runs nothing either (the article's own page opens).
        for link in popup.locator("a").all():
            link.hover()
        page.screenshot(path=str(artifacts / "map-hostile-text.png"))
        assert page.evaluate("window.pwned") is None
        browser.close()
    assert not errors, errors
    assert f"{base}/x" not in requests, "an <img src=x> from article text was loaded"
