"""Builds the stand-off evaluation sets ``eval/annotations/{train,test}.jsonl`` from full-text annotations.

Inputs are JSONL files in the ``../shared/eval`` format (``dev2.jsonl``, and the adjudicated annotations of
``eval/annotations/README.md``); a record without ``text`` is joined to its pool article first. Each article goes
to the split :func:`app.evaluation.splits.split_of` gives it. Texts, titles and quoted evidence are dropped:
offsets into the pool's text stay.

    python scripts/build_eval_sets.py --pool ../shared/eval/pool ../shared/eval/dev2.jsonl eval/adjudicated/*.jsonl

The sets themselves are inputs too, so a new round of annotations is added to them:

    python scripts/build_eval_sets.py --pool ../shared/eval/pool eval/annotations/{train,test}.jsonl NEW.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.evaluation.report import read_articles
from app.evaluation.splits import split_of
from app.evaluation.standoff import to_standoff

OUT = Path(__file__).resolve().parents[1] / "eval" / "annotations"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--pool", type=Path, required=True)
    args = parser.parse_args()
    splits: dict[str, dict[tuple[str, str], dict]] = {"train": {}, "test": {}}
    for path in args.files:
        for article in read_articles(path, args.pool):
            text = article["text"]
            for event in article.get("events") or ():
                got = text[event["place_start"] : event["place_end"]]
                if event.get("place") and got != event["place"]:
                    raise SystemExit(f"{article['id']}: offsets give {got!r}, not {event['place']!r}")
            record = to_standoff(article)
            record["annotated_in"] = record.pop("annotated_in", None) or path.name  # (the sets themselves: kept)
            # ids repeat in the pool (event-sentences.jsonl): a record is its id and its text
            splits[split_of(article["id"])][article["id"], record["text_sha256"]] = record
    OUT.mkdir(parents=True, exist_ok=True)
    for name, records in splits.items():
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for _, record in sorted(records.items()):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        events = sum(len(r["events"]) for r in records.values())
        print(f"{name}: {len(records)} articles, {events} events")


if __name__ == "__main__":
    main()
