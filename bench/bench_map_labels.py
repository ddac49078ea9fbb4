"""What the map page's labels cost: ``GET /v1/map-labels`` for the views the page asks for, on a database with the
gazetteer loaded (the shipped slice: 330,000 places).

    python bench/bench_map_labels.py [--database-url URL] [--repeat 21]

Without ``--database-url`` the shipped gazetteer is loaded into a temporary SQLite database first (a few minutes),
as the service does on its first start; with one (``postgresql+psycopg://postgres@127.0.0.1/conflictgeo``), that
database is used as it is, its gazetteer loaded if it has none.

The page asks once per move, for the view padded by half a screen. Prints, per view, the labels returned and the
median and 90th-percentile milliseconds of the whole request in-process (query, JSON, HTTP through the ASGI app).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (what, bbox, zoom): the whole of Syria and its neighbours, a governorate, a district, a town's surroundings.
VIEWS = [
    ("region, z5", "30.0,29.0,48.0,40.0", 5.0),
    ("Syria, z6", "34.0,31.5,43.5,38.0", 6.0),
    ("Idlib, z8", "35.9,35.2,37.4,36.6", 8.0),
    ("Saraqib, z10", "36.55,35.7,37.05,36.0", 10.0),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="empty: a temporary SQLite database")
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.settings import Settings

    with tempfile.TemporaryDirectory() as var_dir:
        settings = Settings(database_url=args.database_url, var_dir=Path(var_dir), log_level="WARNING",
                            rate_limit_per_minute=0)
        with TestClient(create_app(settings, background_startup=False)) as client:
            if client.get("/readyz").status_code != 200:
                sys.exit("the service did not start on that database (see the log above)")
            print(f"{'view':<14} {'labels':>6} {'median ms':>10} {'p90 ms':>8}")
            for what, bbox, zoom in VIEWS:
                params = {"bbox": bbox, "zoom": zoom}
                count = len(client.get("/v1/map-labels", params=params).json()["features"])
                times = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    assert client.get("/v1/map-labels", params=params).status_code == 200
                    times.append((time.perf_counter() - started) * 1000)
                times.sort()
                p90 = times[int(0.9 * (len(times) - 1))]
                print(f"{what:<14} {count:>6} {statistics.median(times):>10.1f} {p90:>8.1f}")


if __name__ == "__main__":
    main()
