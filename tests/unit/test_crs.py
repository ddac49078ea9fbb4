"""The closed formulas behind the OGC API's CRSs (app.api.crs), checked against published values."""

from __future__ import annotations

import math

import pytest

from app.api import crs

HALF_WIDTH = 20037508.342789244  # EPSG:3857's x at 180° (and y at 85.0511°), as every web map uses it


def test_mercator_matches_the_published_extent_and_a_known_point() -> None:
    mercator = crs.SUPPORTED[crs.EPSG3857]
    assert mercator.forward(180.0, 0.0) == pytest.approx((HALF_WIDTH, 0.0), abs=1e-6)
    assert mercator.forward(0.0, 85.05112877980659) == pytest.approx((0.0, HALF_WIDTH), abs=1e-6)
    # x is linear in longitude; 45° N is y = R·asinh(1) = 5,621,521.486 m (the usual reference value).
    x, y = mercator.forward(36.63, 45.0)
    assert x == pytest.approx(36.63 / 180 * HALF_WIDTH, abs=0.001)
    assert y == pytest.approx(5621521.486192066, abs=0.001)


def test_mercator_round_trips_and_clamps_the_poles() -> None:
    mercator = crs.SUPPORTED[crs.EPSG3857]
    for lon, lat in [(36.63, 35.93), (-140.5, -45.5), (179.9, 80.0), (0.0, 0.0)]:
        assert mercator.inverse(*mercator.forward(lon, lat)) == pytest.approx((lon, lat))
    assert mercator.forward(10.0, 90.0)[1] == pytest.approx(HALF_WIDTH)
    assert mercator.inverse(0.0, HALF_WIDTH) == (0.0, 90.0)  # the edge stands for the pole beyond it


def test_epsg_4326_is_latitude_first() -> None:
    wgs84 = crs.SUPPORTED[crs.EPSG4326]
    assert wgs84.forward(36.63, 35.93) == (35.93, 36.63)
    assert crs.bbox_to_lonlat(wgs84, [35.0, 36.0, 36.5, 37.0]) == [36.0, 35.0, 37.0, 36.5]


def test_a_mercator_bbox_becomes_lon_lat_and_out_of_range_metres_are_refused() -> None:
    mercator = crs.SUPPORTED[crs.EPSG3857]
    west, south, east, north = crs.bbox_to_lonlat(mercator, [-HALF_WIDTH, -HALF_WIDTH, HALF_WIDTH, HALF_WIDTH])
    assert (west, south, east, north) == (-180.0, -90.0, 180.0, 90.0)
    with pytest.raises(ValueError, match="EPSG:3857"):
        crs.bbox_to_lonlat(mercator, [0.0, 0.0, 3e7, 1.0])
    assert math.isclose(crs.MERCATOR_MAX_LAT, 85.05112877980659)


def test_only_the_offered_crs_are_known() -> None:
    assert crs.lookup(None).uri == crs.CRS84
    with pytest.raises(KeyError):
        crs.lookup("EPSG:4326")  # by reference means by URI
    assert crs.content_crs_header(crs.lookup(crs.EPSG3857)) == {"Content-Crs": f"<{crs.EPSG3857}>"}
