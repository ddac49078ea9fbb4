"""Loading GeoNames-format files: idempotent, one transaction per load, errors name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.gazetteer.geonames_format import GazetteerFormatError
from app.gazetteer_load import load_gazetteer
from app.store.models import Place, PlaceName

# Made-up places in an id range no real GeoNames record uses.
TAIL = "\t\t\t\t{population}\t\t300\tAsia/Damascus\t2026-01-01"
ROWS = [
    "990000001\tTestabad\tTestabad\tTest Abad,Tastabad\t35.1\t37.2\tP\tPPL\tSY\t\t10" + TAIL.format(population=1200),
    "990000002\tUmm al Testin\tUmm al Testin\tUm el-Testin\t35.2\t37.3\tP\tPPL\tSY\t\t10" + TAIL.format(population=0),
]


def counts(client: TestClient) -> tuple[int, int]:
    factory = client.app.state.runtime.session_factory
    with factory() as session:
        places = session.scalar(select(func.count()).select_from(Place))
        names = session.scalar(select(func.count()).select_from(PlaceName))
    return places, names


def test_loading_the_same_file_twice_changes_nothing(client: TestClient, tmp_path: Path) -> None:
    path = tmp_path / "XX.txt"
    path.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    factory = client.app.state.runtime.session_factory
    before = counts(client)
    first = load_gazetteer([path], session_factory=factory)
    after_first = counts(client)
    second = load_gazetteer([path], session_factory=factory)
    assert counts(client) == after_first
    assert after_first[0] - before[0] in (0, 2)  # 0 when an earlier run of this test loaded them
    assert [r.skipped for r in second] == [True]
    assert first[0].kind == "places"
    client.app.state.runtime.reload_index()  # search reads the name index, rebuilt from the stored gazetteer
    found = client.get("/v1/places", params={"q": "umm el testin"}).json()["places"]
    assert found[0]["geonameid"] == 990000002


def test_alternate_names_file_adds_names(client: TestClient, tmp_path: Path) -> None:
    places = tmp_path / "XX.txt"
    places.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    names = tmp_path / "alternateNamesV2.txt"
    names.write_text("1\t990000001\ten\tZestovillage\t\t\t\t\t\t\n2\t990000001\tlink\thttps://x.example\t\t\t\t\t\t\n",
                     encoding="utf-8")
    load_gazetteer([names, places], session_factory=client.app.state.runtime.session_factory)
    client.app.state.runtime.reload_index()
    found = client.get("/v1/places", params={"q": "zestovillage"}).json()["places"]
    assert found[0]["geonameid"] == 990000001
    assert client.get("/v1/places", params={"q": "https x example"}).json()["places"] == []


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [("990000009\tBroken", "columns"),
     ("990000009\tBad\tBad\t\tnorth\t37.3\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2026-01-01", "latitude"),
     ("990000009\tBad\tBad\t\t95.0\t37.3\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2026-01-01", "latitude")],
)
def test_malformed_file_stops_with_file_and_line_and_changes_nothing(
    client: TestClient, tmp_path: Path, bad_line: str, reason: str
) -> None:
    path = tmp_path / "YY.txt"
    good = ROWS[0].replace("990000001", "990000011")
    path.write_text(f"{good}\n{good.replace('990000011', '990000012')}\n{bad_line}\n", encoding="utf-8")
    before = counts(client)
    with pytest.raises(GazetteerFormatError) as caught:
        load_gazetteer([path], session_factory=client.app.state.runtime.session_factory)
    assert caught.value.line == 3 and caught.value.path == path
    assert reason in str(caught.value)
    assert counts(client) == before
    assert client.get("/v1/places/990000011").status_code == 404


def test_malformed_second_file_leaves_the_first_unstored(client: TestClient, tmp_path: Path) -> None:
    """One load of several files is one transaction: a bad file stores nothing, not even the good file before
    it (which a rerun after fixing the bad one must then load, not skip as already loaded)."""
    good = tmp_path / "AA.txt"
    good.write_text(ROWS[0].replace("990000001", "990000021") + "\n", encoding="utf-8")
    bad = tmp_path / "BB.txt"
    bad.write_text("990000022\tBroken\n", encoding="utf-8")
    factory = client.app.state.runtime.session_factory
    before = counts(client)
    with pytest.raises(GazetteerFormatError) as caught:
        load_gazetteer([good, bad], session_factory=factory)
    assert caught.value.path == bad
    assert counts(client) == before
    assert client.get("/v1/places/990000021").status_code == 404
    bad.unlink()
    again = load_gazetteer([good], session_factory=factory)
    assert [r.skipped for r in again] == [False]
    assert client.get("/v1/places/990000021").status_code == 200
