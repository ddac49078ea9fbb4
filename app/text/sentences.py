"""The one sentence splitter of every stage (geoparser and event extractor): spans into the original text.

A sentence ends at . ! ? (and the closing quotes or brackets after it) before whitespace, or at a line break
(a headline on its own line is a sentence). A full stop after a known abbreviation ("Mt. Hermon", "Gen. Ali",
"U.S. forces") does not end one; after a single letter it does only when a word that opens sentences follows
("Plan B. The army fled." splits, "George W. Bush" does not). Case does not matter, so lowercased copies of a
text split where the original does.
"""

from __future__ import annotations

import re

# The punctuation is matched (not looked behind at) so that the pattern starts with a character set, which
# Python's engine skips to quickly; the boundary itself starts after it. ``close`` is unset at a bare line break.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])(?P<close>[\"'”’)\]]*)(?P<space>\s+))")
# Words before a full stop that do not end a sentence. A match is at most 7 characters ("approx.").
_ABBREV = re.compile(
    r"\b(?:mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|st|jr|sr|no|vs|etc|approx|rev|sen|rep|gov|mt|ft|prof|jan|feb|mar|"
    r"apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.n|u\.k|e\.g|i\.e|a\.m|p\.m)\.$",
    re.IGNORECASE,
)
# The same for ASCII text, lower-cased (there exactly what IGNORECASE matches): faster in Python's engine.
_ABBREV_LOWER = re.compile(_ABBREV.pattern)
# A single letter before the stop: an initial ("George W. Bush", "J. Smith") or a letter that ends a sentence.
_INITIAL = re.compile(r"(?<![\w.])[^\W\d_]\.$")
# Words that open sentences and seldom follow an initial: after "B." they mean the letter ended the sentence.
_OPENERS = frozenset(
    {"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
     "but", "and", "in", "on", "at", "after", "before", "when", "while", "however", "its", "his", "her", "their",
     "our"}
)
_NEXT_WORD = re.compile(r"[^\W_]+")


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
            if text[m.start()] == "." and _continues(text, start, m.start() + 1, m.end()):
                continue
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _continues(text: str, start: int, after_stop: int, next_word: int) -> bool:
    """Whether the full stop before ``after_stop`` ends an abbreviation or an initial rather than the sentence
    begun at ``start``; the next word starts at ``next_word``."""
    # No match where the 7 characters before the stop are one word (the common case: an ordinary word).
    if after_stop - 8 >= start and text[after_stop - 8 : after_stop - 1].isalnum():
        return False
    head = text[max(start, after_stop - 12) : after_stop]
    if head.isascii():
        if _ABBREV_LOWER.search(head.lower(), max(0, len(head) - 7)) is not None:
            return True
    elif _ABBREV.search(head, max(0, len(head) - 7)) is not None:
        return True
    if _INITIAL.search(head) is None:
        return False
    word = _NEXT_WORD.match(text, next_word)
    return word is None or word.group().lower() not in _OPENERS


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
