"""Running a scorer over annotated JSONL files and presenting the figures."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.evaluation.scoring import Counts, _overlaps, _place_correct, score_events, score_toponyms
from app.geoparse.model import Mention

# analyse(text, published_at, title) -> (mentions, events as API.md Event dicts)
AnalyseFn = Callable[[str, date | None, str | None], tuple[Sequence[Mention], Sequence[Mapping[str, Any]]]]


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class FileReport:
    """Figures for one file, and the per-toponym errors that explain them."""

    path: str
    articles: int
    counts: Counts
    errors: tuple[str, ...] = ()

    @property
    def figures(self) -> dict[str, float | None]:
        c = self.counts
        precision, recall = _ratio(c.events_matched, c.events_predicted), _ratio(c.events_matched, c.events_gold)
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if c.events_gold else None)
        return {
            "toponym_precision": _ratio(c.predicted_correct, c.predicted),
            "toponym_recall": _ratio(c.gold_found, c.gold),
            "accuracy_161km": _ratio(c.correct_161, c.gold_with_coords),
            "accuracy_10km": _ratio(c.correct_10, c.gold_with_coords),
            "accuracy_161km_found": _ratio(c.correct_161, c.found_with_coords),
            "event_precision": precision,
            "event_recall": recall,
            "event_f1": f1,
            "event_date_agreement": _ratio(c.events_date_agree, c.events_dated),
        }


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileReport, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {f.path: {"articles": f.articles, **f.figures, "counts": _counts_dict(f.counts)} for f in self.files}


def _counts_dict(counts: Counts) -> dict[str, int]:
    return {name: getattr(counts, name) for name in counts.__dataclass_fields__}


def read_articles(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _published(article: Mapping[str, Any]) -> date | None:
    value = article.get("published_at")
    return date.fromisoformat(value[:10]) if value else None


def toponym_errors(article: Mapping[str, Any], mentions: Sequence[Mention]) -> list[str]:
    """One line per false positive, missed toponym and wrong resolution: what to look at when improving."""
    lines = []
    gold = article.get("toponyms", [])
    for m in mentions:
        if not any(_overlaps(m.start, m.end, g["start"], g["end"]) for g in gold):
            lines.append(f"FP\t{article['id']}\t{m.text!r}\t{_place_label(m)}")
    for g in gold:
        overlapping = [m for m in mentions if _overlaps(m.start, m.end, g["start"], g["end"])]
        if not overlapping:
            lines.append(f"FN\t{article['id']}\t{g['text']!r}\t{g.get('kind')}\t{g.get('geonameid')}")
        elif g.get("lat") is not None and not _place_correct(overlapping[0], g, 161.0):
            lines.append(f"WRONG\t{article['id']}\t{g['text']!r}\tgold={g.get('geonameid')}\t{_place_label(overlapping[0])}")
    return lines


def _place_label(mention: Mention) -> str:
    p = mention.place
    if p is None:
        return f"None ({mention.resolved_by})"
    return f"{p.geonameid} {p.name} {p.feature_code} {p.country_code} ({mention.resolved_by})"


def run_evaluation(paths: Sequence[Path], analyse: AnalyseFn) -> Report:
    """Score every article of every file; one ``FileReport`` per file."""
    files = []
    for path in paths:
        counts = Counts()
        errors: list[str] = []
        n = 0
        for article in read_articles(path):
            n += 1
            mentions, events = analyse(article["text"], _published(article), article.get("title"))
            counts = counts + score_toponyms(article, mentions)
            if "events" in article:
                counts = counts + score_events(article, events)
            errors.extend(toponym_errors(article, mentions))
        files.append(FileReport(str(path), n, counts, tuple(errors)))
    return Report(tuple(files))


def format_report(report: Report) -> str:
    """Plain text, one block per file."""
    out = []
    for f in report.files:
        c = f.counts
        fig = f.figures
        out.append(f"{f.path}  ({f.articles} articles)")
        out.append(f"  toponyms  precision {_fmt(fig['toponym_precision'])} ({c.predicted_correct}/{c.predicted})"
                   f"  recall {_fmt(fig['toponym_recall'])} ({c.gold_found}/{c.gold})")
        out.append(f"  accuracy  @161km {_fmt(fig['accuracy_161km'])} ({c.correct_161}/{c.gold_with_coords})"
                   f"  @10km {_fmt(fig['accuracy_10km'])} ({c.correct_10}/{c.gold_with_coords})"
                   f"  @161km of found {_fmt(fig['accuracy_161km_found'])} ({c.correct_161}/{c.found_with_coords})")
        if c.events_gold or c.events_predicted:
            out.append(f"  events    precision {_fmt(fig['event_precision'])} ({c.events_matched}/{c.events_predicted})"
                       f"  recall {_fmt(fig['event_recall'])} ({c.events_matched}/{c.events_gold})"
                       f"  F1 {_fmt(fig['event_f1'])}"
                       f"  date agreement {_fmt(fig['event_date_agreement'])} ({c.events_date_agree}/{c.events_dated})")
    return "\n".join(out)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
