"""Place search on names typed in other spellings (app/evaluation/place_search.py): the share with the right place
first, with and without the country filter, and the milliseconds a search takes.

    PYTHONPATH=. python bench/bench_place_search.py --eval ../shared/eval/dev.jsonl [--errors]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app.evaluation.place_search import read_articles, variant_queries
from app.gazetteer.search import search_places
from app.pipeline import index_from_directory
from app.settings import PROJECT_ROOT, SHIPPED_GAZETTEER


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, required=True)
    parser.add_argument("--errors", action="store_true", help="list the queries whose first place is wrong")
    args = parser.parse_args()
    index = index_from_directory(SHIPPED_GAZETTEER, PROJECT_ROOT / "var" / "cache")

    def country_of(geonameid: int) -> str | None:
        return index.places[geonameid].country_code if geonameid in index.places else None

    queries = variant_queries(read_articles(args.eval), country_of)
    search_places(index, "warm up")
    for label, with_country in (("no filter", False), ("country=", True)):
        right, times = 0, []
        for query in queries:
            began = time.perf_counter()
            hits = search_places(index, query.text, country=query.country if with_country else None, limit=10)
            times.append((time.perf_counter() - began) * 1000)
            first = hits[0].place if hits else None
            right += first is not None and first.geonameid == query.geonameid
            if args.errors and (first is None or first.geonameid != query.geonameid):
                print(f"  {label:9} {query.rule:8} {query.text!r} (for {query.written!r}) → "
                      f"{(first.name, first.country_code, hits[0].match) if first else None}")
        print(f"{label:9}: right place first {right}/{len(queries)} = {right / len(queries):.3f}; "
              f"median {statistics.median(times):.1f} ms, max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
