"""``conflictgeo evaluate FILE...``: score the pipeline on annotated JSONL files, optionally gating CI."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.evaluation.attachment import format_attachment, score_attachment
from app.evaluation.report import format_report, run_evaluation
from app.pipeline import Analyser, event_as_dict, index_from_directory

# CLI option → figure it gates.
_THRESHOLDS = {
    "min_toponym_precision": "toponym_precision",
    "min_toponym_recall": "toponym_recall",
    "min_acc161": "accuracy_161km",
    "min_acc10": "accuracy_10km",
    "min_acc161_found": "accuracy_161km_found",
    "min_event_f1": "event_f1",
    "min_event_precision": "event_precision",
    "min_event_recall": "event_recall",
    "min_event_date": "event_date_agreement",
}
# CLI option → figure over the mentions the contract covers (API.md: no demonyms, no names inside organisation
# names); gated on the files whose gold marks those kinds (GeoWebNews), and failing when no file does.
_CONTRACT_THRESHOLDS = {
    "min_contract_precision": "toponym_precision",
    "min_contract_recall": "toponym_recall",
    "min_contract_acc161": "accuracy_161km",
    "min_contract_acc10": "accuracy_10km",
}
# Event figures exist only for files with gold events: their gates skip the other files (but fail when no file
# has any).
_EVENT_FIGURES = frozenset({"event_f1", "event_precision", "event_recall", "event_date_agreement"})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="conflictgeo evaluate", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files in the shared/eval format")
    parser.add_argument("--attachment", type=Path, default=None, metavar="FILE",
                        help="also score place attachment on labelled event sentences (pool/event-sentences.jsonl)")
    parser.add_argument("--min-attachment", type=float, default=None, metavar="X",
                        help="exit 1 when the attachment share is below X")
    parser.add_argument("--gazetteer", type=Path, default=Path("data/gazetteer"), help="GeoNames-format folder")
    parser.add_argument("--cache-dir", type=Path, default=Path("var/cache"), help="where the name index is cached")
    parser.add_argument("--pool", type=Path, default=None,
                        help="folder of the texts that stand-off annotations index (../shared/eval/pool)")
    parser.add_argument("--lowercase", action="store_true", help="score lower-cased copies of the texts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="also list false positives, misses, wrong places")
    for option in _THRESHOLDS:
        parser.add_argument("--" + option.replace("_", "-"), type=float, default=None, metavar="X",
                            help=f"exit 1 when {_THRESHOLDS[option]} is below X in any file")
    for option, figure in _CONTRACT_THRESHOLDS.items():
        parser.add_argument("--" + option.replace("_", "-"), type=float, default=None, metavar="X",
                            help=f"exit 1 when {figure} over the contract's mentions is below X in any file")
    return parser


def cli_main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run, print; returns (and exits with) 1 when a threshold is not met."""
    args = _parser().parse_args(argv)
    analyser = Analyser(index_from_directory(args.gazetteer, args.cache_dir))

    def analyse(text, published_at, title):  # type: ignore[no-untyped-def]
        analysis = analyser.analyse(text, published_at=published_at, title=title)
        return analysis.mentions, [event_as_dict(e) for e in analysis.events]

    report = run_evaluation(args.files, analyse, pool=args.pool, lowercase=args.lowercase)
    attachment = None
    if args.attachment is not None:
        attachment = score_attachment(args.attachment, lambda text: analyse(text, None, None)[1])
    if args.json:
        out = report.to_dict()
        if attachment is not None:
            out[str(args.attachment)] = attachment.to_dict()
        print(json.dumps(out, indent=2))
    else:
        if report.files:
            print(format_report(report))
        if attachment is not None:
            print(format_attachment(args.attachment, attachment))
    if args.errors:
        for file_report in report.files:
            print("\n".join(file_report.errors))
    failures = []
    for option, figure in _THRESHOLDS.items():
        limit = getattr(args, option)
        if limit is None:
            continue
        files = [f for f in report.files if figure not in _EVENT_FIGURES or f.counts.events_gold]
        if not files:
            failures.append(f"{figure}: no file has gold events to measure it")
        for f in files:
            value = f.figures[figure]
            if value is None or value < limit:
                failures.append(f"{f.path}: {figure} {value} < {limit}")
    for option, figure in _CONTRACT_THRESHOLDS.items():
        limit = getattr(args, option)
        if limit is None:
            continue
        files = [f for f in report.files if f.contract_figures is not None]
        if not files:
            failures.append(f"contract {figure}: no file marks the kinds the contract leaves out")
        for f in files:
            value = (f.contract_figures or {}).get(figure)
            if value is None or value < limit:
                failures.append(f"{f.path}: contract {figure} {value} < {limit}")
    if args.min_attachment is not None and (
        attachment is None or attachment.share is None or attachment.share < args.min_attachment
    ):
        failures.append(f"attachment {attachment.share if attachment else None} < {args.min_attachment}")
    for failure in failures:
        print("below threshold:", failure, file=sys.stderr)
    code = 1 if failures else 0
    if code:
        sys.exit(code)
    return code

