"""Tokenisation and sentence splitting that never rewrite the text: every span is an offset pair into it.

Works alike on cased prose and on lowercased, space-tokenised copies ("um turayka , bilil , and ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word is a run of letters/digits; apostrophes inside a word keep it whole (Ma'arrat), but a trailing
# possessive 's is split off so "Syria's" yields "Syria".
_WORD = re.compile(r"[^\W_]+(?:['’ʼʿ][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’ʼ][sS]$")
# Abbreviations whose final period does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "rev", "sen", "rep", "gov", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u", "s", "no", "vs", "etc",
     "inc", "co", "corp", "jr", "sr", "mt", "ft", "prof", "e", "g", "i", "a", "p", "m"}
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s)|\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text: ``text == original[start:end]``."""

    text: str
    start: int
    end: int

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with exact offsets; punctuation is dropped (its offsets stay in the gaps)."""
    tokens = []
    for match in _WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 2 and word[-2] in "'’ʼ":
            possessive = _POSSESSIVE.search(word)
            if possessive and possessive.start() > 0:
                word, end = word[: possessive.start()], start + possessive.start()
        tokens.append(Token(word, start, end))
    return tokens


_MID_SENTENCE_CAPITAL = re.compile(r"(?<![.!?\n]\s)(?<!^)\b[A-Z]")


def is_lowercased(text: str) -> bool:
    """Whether the text has lost its capitals (then capitalisation cannot be evidence of a name): fewer than one
    word in a hundred starts with a capital other than at a sentence start."""
    sample = text[:20_000]
    words = len(_WORD.findall(sample))
    return words > 0 and len(_MID_SENTENCE_CAPITAL.findall(sample)) / words < 0.01


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding whitespace; abbreviations do not split."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith("."):
            word = re.search(r"(\w+)\.*$", text[max(start, match.start() - 12) : match.start() + 1])
            if word and word.group(1).lower() in _ABBREVIATIONS and "\n" not in match.group():
                continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped[0])
        spans.append((offset, offset + len(stripped)))
