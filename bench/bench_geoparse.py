"""Geoparser speed on one core: articles/s (median of passes), ms per 600 words, index build/load, RSS.

    python bench/bench_geoparse.py --eval ../shared/eval/dev.jsonl [--gazetteer data/gazetteer] [--passes 5]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.gazetteer.index import GazetteerIndex
from app.geoparse import parse
from app.pipeline import index_from_directory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval/dev.jsonl"))
    parser.add_argument("--gazetteer", type=Path, default=Path("data/gazetteer"))
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    index = index_from_directory(args.gazetteer)
    build_s = time.perf_counter() - started
    build_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as tmp:
        index.save(Path(tmp) / "index.pickle")
        del index
        started = time.perf_counter()
        index = GazetteerIndex.load(Path(tmp) / "index.pickle")
        load_s = time.perf_counter() - started

    articles = [json.loads(line) for line in args.eval.open(encoding="utf-8") if line.strip()]
    words = sum(len(a["text"].split()) for a in articles)
    timings = []
    for _ in range(args.passes):
        started = time.perf_counter()
        for article in articles:
            parse(article["text"], index)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer: {len(index)} places, {len(index.by_key)} name keys")
    print(f"index: read + build {build_s:.1f} s (peak RSS {build_rss_mb:.0f} MB), cached load {load_s:.1f} s")
    print(f"parse: {len(articles) / median:.0f} articles/s, {median / words * 600 * 1000:.2f} ms per 600 words "
          f"(median of {args.passes} passes over {len(articles)} articles, {words} words)")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
