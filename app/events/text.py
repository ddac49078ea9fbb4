"""Sentence spans for event evidence; offsets always index the original text."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace, or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")
# Tokens before a full stop that do not end a sentence ("Gen. Ali", "U.S. forces", "Mr. Assad").
_ABBREV = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|st|jr|sr|no|vs|etc|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|"
    r"oct|nov|dec|u\.s|u\.n|u\.k|e\.g|i\.e)|\b[A-Za-z])\.$",
    re.IGNORECASE,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, end exclusive."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        newline = "\n" in m.group()
        if not newline:
            head = text[max(start, m.start() - 12) : m.start()].rstrip("\"'”’)]")
            if _ABBREV.search(head):
                continue
        _add(text, start, m.start() if newline else m.start() + len(m.group().rstrip()), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
