"""Running a scorer over annotated JSONL files and presenting the figures."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.evaluation.scoring import (
    ERROR_KINDS,
    NOT_IN_CONTRACT,
    Counts,
    _date_agrees,
    _overlaps,
    _place_correct,
    event_error_kinds,
    event_matches,
    score_events,
    score_toponyms,
    scored_day,
)
from app.evaluation.standoff import StandoffError, join_text, pool_texts
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
    by_kind: Mapping[str, Counts] = field(default_factory=dict)  # gold toponyms of each ``kind``
    contract: Counts | None = None  # without the gold kinds API.md does not count as mentions (when present)
    by_source: Mapping[str, Counts] = field(default_factory=dict)  # event counts per article ``source``
    # missed and spurious events by the stage that lost them (scoring.ERROR_KINDS), over all and per ``source``
    error_kinds: Mapping[str, int] = field(default_factory=dict)
    error_kinds_by_source: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def figures(self) -> dict[str, float | None]:
        return _figures(self.counts)

    @property
    def contract_figures(self) -> dict[str, float | None] | None:
        return None if self.contract is None else _toponym_figures(self.contract)

    @property
    def kind_figures(self) -> dict[str, dict[str, float | None]]:
        """Recall and accuracy per gold kind (precision has no meaning per gold kind)."""
        out: dict[str, dict[str, float | None]] = {}
        for kind, c in sorted(self.by_kind.items()):
            figures = _toponym_figures(c)
            out[kind] = {"toponyms": c.gold, "toponym_recall": figures["toponym_recall"],
                         "accuracy_161km": figures["accuracy_161km"], "accuracy_10km": figures["accuracy_10km"],
                         "accuracy_161km_found": figures["accuracy_161km_found"]}
        return out


def _toponym_figures(c: Counts) -> dict[str, float | None]:
    return {
        "toponym_precision": _ratio(c.predicted_correct, c.predicted),
        "toponym_recall": _ratio(c.gold_found, c.gold),
        "accuracy_161km": _ratio(c.correct_161, c.gold_with_coords),
        "accuracy_10km": _ratio(c.correct_10, c.gold_with_coords),
        "accuracy_161km_found": _ratio(c.correct_161, c.found_with_coords),
    }


def _figures(c: Counts) -> dict[str, float | None]:
    precision, recall = _ratio(c.events_matched, c.events_predicted), _ratio(c.events_matched, c.events_gold)
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if c.events_gold else None)
    return {
        **_toponym_figures(c),
        "event_precision": precision,
        "event_recall": recall,
        "event_f1": f1,
        "event_date_agreement": _ratio(c.events_date_agree, c.events_dated),
    }


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileReport, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.files:
            entry: dict[str, Any] = {"articles": f.articles, **f.figures, "counts": _counts_dict(f.counts),
                                     "by_kind": f.kind_figures}
            if f.contract is not None:
                entry["contract"] = {"excluded_kinds": sorted(NOT_IN_CONTRACT), **(f.contract_figures or {}),
                                     "counts": _counts_dict(f.contract)}
            if f.by_source:
                entry["by_source"] = {src: {k: v for k, v in _figures(c).items() if k.startswith("event")}
                                      | {"events_gold": c.events_gold}
                                      | {"event_error_kinds": _in_order(f.error_kinds_by_source.get(src, {}))}
                                      for src, c in sorted(f.by_source.items())}
            if f.counts.events_gold or f.counts.events_predicted:
                entry["event_error_kinds"] = _in_order(f.error_kinds)
            out[f.path] = entry
        return out


def _in_order(kinds: Mapping[str, int]) -> dict[str, int]:
    return {kind: kinds.get(kind, 0) for kind in ERROR_KINDS}


def _counts_dict(counts: Counts) -> dict[str, int]:
    return {name: getattr(counts, name) for name in counts.__dataclass_fields__}


def read_articles(path: Path, pool: Path | None = None) -> Iterator[dict[str, Any]]:
    """The annotated articles of ``path``; stand-off records (no ``text``) get theirs from the ``pool`` folder."""
    texts: Mapping[str, Sequence[Mapping[str, Any]]] | None = None
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            article = json.loads(line)
            if "text" not in article:
                if texts is None:
                    if pool is None:
                        raise StandoffError(f"{path} holds stand-off annotations: give the folder of their texts "
                                            "(--pool ../shared/eval/pool)")
                    texts = pool_texts(pool)
                article = join_text(article, texts)
            yield article


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


def event_errors(article: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> list[str]:
    """One line per spurious and per missed event, and per matched event whose date disagrees."""
    lines = []
    pairs = event_matches(article, events)
    matched_pred = {k for _, k in pairs}
    gold_events = article.get("events") or []
    matched_gold = {g for g, _ in pairs}
    for k, e in enumerate(events):
        if k not in matched_pred:
            place = (e.get("place") or {})
            lines.append(f"EV-FP\t{article['id']}\t{place.get('text')!r}@{place.get('start')}\t"
                         f"gained={(e.get('gained_by') or {}).get('name')}/{(e.get('gained_by') or {}).get('side')}"
                         f"\t{(e.get('evidence') or {}).get('text', '')[:200]!r}")
    for g, gold in enumerate(gold_events):
        if g not in matched_gold:
            lines.append(f"EV-FN\t{article['id']}\t{gold.get('place')!r}@{gold.get('place_start')}\t"
                         f"gained={gold.get('gained_by')}/{gold.get('gained_side')}\t{str(gold.get('evidence'))[:200]!r}")
    for g, k in pairs:
        gold = gold_events[g]
        predicted = events[k]
        if gold.get("date") and not _date_agrees(gold["date"], predicted):
            lines.append(f"EV-DATE\t{article['id']}\t{gold.get('place')!r}\tgold={gold['date']}\t"
                         f"predicted={scored_day(predicted)}")
    return lines


def _place_label(mention: Mention) -> str:
    p = mention.place
    if p is None:
        return f"None ({mention.resolved_by})"
    return f"{p.geonameid} {p.name} {p.feature_code} {p.country_code} ({mention.resolved_by})"


def source_group(source: str | None) -> str:
    """The outlet family an article comes from ("FA-KES (reuters)" -> "FA-KES"), for figures by source."""
    return (source or "unknown").split(" (")[0]


def lowercased(text: str) -> str:
    """``text`` lower-cased character by character, so every offset still indexes the same character."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def run_evaluation(paths: Sequence[Path], analyse: AnalyseFn, *, pool: Path | None = None,
                   lowercase: bool = False) -> Report:
    """Score every article of every file; one ``FileReport`` per file.

    ``lowercase`` scores lower-cased copies of the texts (many feeds arrive that way); offsets are unchanged.
    """
    files = []
    for path in paths:
        counts = Counts()
        contract = Counts()
        has_contract_kinds = False
        by_kind: dict[str, Counts] = {}
        errors: list[str] = []
        n = 0
        by_source: dict[str, Counts] = {}
        error_kinds: Counter[str] = Counter()
        error_kinds_by_source: dict[str, Counter[str]] = {}
        for article in read_articles(path, pool):
            n += 1
            text = lowercased(article["text"]) if lowercase else article["text"]
            title = article.get("title")
            mentions, events = analyse(text, _published(article), lowercased(title) if lowercase and title else title)
            if "toponyms" in article:  # event-only annotations (most of eval/annotations) say nothing of toponyms
                counts = counts + score_toponyms(article, mentions)
                contract = contract + score_toponyms(article, mentions, exclude_kinds=NOT_IN_CONTRACT)
            kinds = {str(g.get("kind")) for g in article.get("toponyms", [])}
            has_contract_kinds |= bool(kinds & NOT_IN_CONTRACT)
            for kind in kinds:
                by_kind[kind] = by_kind.get(kind, Counts()) + score_toponyms(article, mentions,
                                                                            kinds=frozenset({kind}))
            if "events" in article:
                event_counts = score_events(article, events)
                counts = counts + event_counts
                group = source_group(article.get("source"))
                by_source[group] = by_source.get(group, Counts()) + event_counts
                kinds = event_error_kinds(article, mentions, events)
                error_kinds.update(kinds)
                error_kinds_by_source.setdefault(group, Counter()).update(kinds)
                errors.extend(event_errors(article, events))
            if "toponyms" in article:
                errors.extend(toponym_errors(article, mentions))
        files.append(FileReport(str(path), n, counts, tuple(errors), by_kind,
                                contract if has_contract_kinds else None,
                                by_source if len(by_source) > 1 else {}, dict(error_kinds),
                                {src: dict(k) for src, k in error_kinds_by_source.items()} if len(by_source) > 1
                                else {}))
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
        if f.contract is not None:
            k = f.contract
            cf = f.contract_figures or {}
            out.append(f"  contract  (without {', '.join(sorted(NOT_IN_CONTRACT))}: demonyms and names inside "
                       f"organisation names, which API.md does not count as mentions)")
            out.append(f"            precision {_fmt(cf['toponym_precision'])} ({k.predicted_correct}/{k.predicted})"
                       f"  recall {_fmt(cf['toponym_recall'])} ({k.gold_found}/{k.gold})"
                       f"  @161km {_fmt(cf['accuracy_161km'])} ({k.correct_161}/{k.gold_with_coords})"
                       f"  @10km {_fmt(cf['accuracy_10km'])} ({k.correct_10}/{k.gold_with_coords})"
                       f"  @161km of found {_fmt(cf['accuracy_161km_found'])} ({k.correct_161}/{k.found_with_coords})")
        if f.by_kind:
            out.append("  by kind   (gold toponyms of each kind: recall, @161km, @10km, @161km of found)")
            for kind, c_kind in sorted(f.by_kind.items(), key=lambda item: -item[1].gold):
                kf = _toponym_figures(c_kind)
                out.append(f"    {kind:<22} n={c_kind.gold:<5} R {_fmt(kf['toponym_recall'])}"
                           f"  @161 {_fmt(kf['accuracy_161km'])}  @10 {_fmt(kf['accuracy_10km'])}"
                           f"  @161 found {_fmt(kf['accuracy_161km_found'])}")
        if c.events_gold or c.events_predicted:
            out.append(f"  events    precision {_fmt(fig['event_precision'])} ({c.events_matched}/{c.events_predicted})"
                       f"  recall {_fmt(fig['event_recall'])} ({c.events_matched}/{c.events_gold})"
                       f"  F1 {_fmt(fig['event_f1'])}"
                       f"  date agreement {_fmt(fig['event_date_agreement'])} ({c.events_date_agree}/{c.events_dated})")
        if c.events_gold or c.events_predicted:
            out.append("  event errors by stage: " + "; ".join(
                f"{kind} {f.error_kinds.get(kind, 0)}" for kind in ERROR_KINDS))
        if f.by_source:
            out.append("  events by source")
            for src, c_src in sorted(f.by_source.items()):
                sf = _figures(c_src)
                out.append(f"    {src:<22} gold {c_src.events_gold:<4} P {_fmt(sf['event_precision'])}"
                           f"  R {_fmt(sf['event_recall'])}  F1 {_fmt(sf['event_f1'])}"
                           f"  date {_fmt(sf['event_date_agreement'])}")
    return "\n".join(out)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
