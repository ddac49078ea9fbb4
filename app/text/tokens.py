"""Tokenisation that never rewrites the text: every token is an offset pair into it (sentences: ``sentences.py``).

Works alike on cased prose and on lowercased, space-tokenised copies ("um turayka , bilil , and ...").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

# A word is a run of letters/digits; apostrophes inside a word keep it whole (Ma'arrat), but a trailing
# possessive 's is split off so "Syria's" yields "Syria".
_WORD = re.compile(r"[^\W_]+(?:['’‘ʼʿ][^\W_]+)*")


class Token(NamedTuple):
    """A word of the original text: ``text == original[start:end]``.

    A named tuple rather than a frozen dataclass: an article makes thousands, and a tuple is built several
    times faster (``tokenize`` calls ``tuple.__new__`` directly), while staying immutable and hashable."""

    text: str
    start: int
    end: int

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with exact offsets; punctuation is dropped (its offsets stay in the gaps)."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = text[start:end]
        # a possessive 's ends the word ("Syria's"): its apostrophe is never the first character
        if end - start > 2 and word[-2] in "'’ʼ" and word[-1] in "sS":
            word = word[:-2]
            end -= 2
        append(_new_tuple(Token, (word, start, end)))
    return tokens


# A capital at a word start, not at the text start nor after a sentence end (the capital is matched first
# and the context checked behind it: scanning for a capital is far faster than testing every position).
_MID_SENTENCE_CAPITAL = re.compile(r"[A-Z](?<=\W[A-Z])(?<![.!?\n]\s[A-Z])")
_SAMPLE = 20_000
_start = itemgetter(1)


def is_lowercased(text: str, tokens: Sequence[Token] | None = None) -> bool:
    """Whether the text has lost its capitals (then capitalisation cannot be evidence of a name): fewer than one
    word in a hundred starts with a capital other than at a sentence start.

    ``tokens``: ``tokenize(text)`` when the caller has it, so the words need not be found again (those that
    start in the sample are exactly the words of the sample)."""
    sample = text[:_SAMPLE]
    words = len(_WORD.findall(sample)) if tokens is None else bisect_left(tokens, _SAMPLE, key=_start)
    return words > 0 and len(_MID_SENTENCE_CAPITAL.findall(sample)) / words < 0.01


def lost_its_commas(text: str, longer_than: int) -> bool:
    """A text longer than ``longer_than`` characters with no comma at all: a feed that stripped them (FA-KES), whose
    lists run on ("the villages of Zamzouna Qartouba and Tal Dahab"). English prose that long without one is rare."""
    return len(text) > longer_than and "," not in text


def is_word_char(ch: str) -> bool:
    """Exactly what the regex ``\\w`` matches (for scans that find words without the regex engine)."""
    return ch.isalnum() or ch == "_"
