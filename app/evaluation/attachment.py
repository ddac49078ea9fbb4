"""Place attachment on labelled event sentences (Halterman 2019, ``pool/event-sentences.jsonl``).

Each record is one sentence with gold spans labelled VERB (the event verb) and LOCATION (where that event
happened); the id ends in the verb class. For the ``_capture`` sentences, the figure is the share of predicted
events whose place overlaps a gold LOCATION span: does the extractor attach a change to the place the sentence
says it happened at, rather than to another place it names? Sentences where it predicts nothing are counted too,
as coverage, so that attachment cannot rise by predicting less without it showing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EventsFn = Callable[[str], Sequence[Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class Attachment:
    sentences: int  # _capture sentences with at least one gold LOCATION
    with_events: int  # of those, sentences with at least one predicted event
    events: int
    attached: int  # predicted events whose place overlaps a gold LOCATION

    @property
    def share(self) -> float | None:
        return self.attached / self.events if self.events else None

    @property
    def coverage(self) -> float | None:
        return self.with_events / self.sentences if self.sentences else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "with_events": self.with_events,
            "events": self.events,
            "attached": self.attached,
            "attachment": self.share,
            "coverage": self.coverage,
        }


def _aligned(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is whole words: not empty, not cut inside a word at either end."""
    if not 0 <= start < end <= len(text) or not text[start].isalnum():
        return False
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def score_attachment(path: Path, events_of: EventsFn, *, verb_class: str = "capture") -> Attachment:
    sentences = with_events = events = attached = 0
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            rid = record["id"].rstrip()
            if rid in seen or not rid.endswith("_" + verb_class):
                continue
            # Some relabelled records carry LOCATION spans that index another copy of the text (empty, or cutting
            # words: "re c"): no gold to attach to. A sentence is scored once, from its first record whose spans
            # are whole words.
            text = record["text"]
            gold = [(s["start"], s["end"]) for s in record.get("spans", ()) if s.get("label") == "LOCATION"]
            if not gold or not all(_aligned(text, a, b) for a, b in gold):
                continue
            seen.add(rid)
            sentences += 1
            found = events_of(record["text"])
            if found:
                with_events += 1
            for event in found:
                place = event.get("place") or {}
                start, end = place.get("start"), place.get("end")
                events += 1
                attached += any(start is not None and start < b and a < end for a, b in gold)
    return Attachment(sentences, with_events, events, attached)


def format_attachment(path: Path, result: Attachment) -> str:
    share = "n/a" if result.share is None else f"{result.share:.3f}"
    coverage = "n/a" if result.coverage is None else f"{result.coverage:.3f}"
    return (
        f"{path}  (_capture sentences with a gold LOCATION: {result.sentences})\n"
        f"  attachment {share} ({result.attached}/{result.events} predicted events on a gold LOCATION)"
        f"  coverage {coverage} ({result.with_events}/{result.sentences} sentences with an event)"
    )
