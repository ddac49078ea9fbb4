"""Sentence spans for event evidence (offsets always index the original text), and what counts as a word."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (plus closing quotes/brackets) before whitespace, or at a line break. The punctuation
# is matched (not looked behind at) so that the pattern starts with a character set, which Python's engine skips
# to quickly; the boundary itself starts after it. ``close`` is unset at a bare line break.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])(?P<close>[\"'”’)\]]*)(?P<space>\s+))")
# Tokens before a full stop that do not end a sentence ("Gen. Ali", "U.S. forces", "Mr. Assad").
_ABBREV = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|st|jr|sr|no|vs|etc|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|"
    r"oct|nov|dec|u\.s|u\.n|u\.k|e\.g|i\.e)|\b[A-Za-z])\.$",
    re.IGNORECASE,
)
# The same for ASCII text, lower-cased (there exactly what IGNORECASE matches): faster in Python's engine.
_ABBREV_LOWER = re.compile(_ABBREV.pattern)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, end exclusive."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        close = m.end("close")
        if close < 0:  # a line break
            end = m.start()
        elif "\n" in m.group("space"):
            end = m.start() + 1
        else:
            end = close
            if text[m.start()] == "." and _abbreviation_before(text, start, m.start() + 1):
                continue
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _abbreviation_before(text: str, start: int, after_stop: int) -> bool:
    """Whether the full stop before ``after_stop`` ends an abbreviation, in the sentence begun at ``start``."""
    # A match is at most 7 characters ("approx.") and starts a word: none where the 7 before the stop are one word.
    if after_stop - 8 >= start and text[after_stop - 8 : after_stop - 1].isalnum():
        return False
    head = text[max(start, after_stop - 12) : after_stop]
    if head.isascii():
        return _ABBREV_LOWER.search(head.lower(), max(0, len(head) - 7)) is not None
    return _ABBREV.search(head, max(0, len(head) - 7)) is not None


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def is_word_char(ch: str) -> bool:
    """Exactly what the regex ``\\w`` matches (for scans that find words without the regex engine)."""
    return ch.isalnum() or ch == "_"
