"""A text read once for recognition: its tokens, their folded keys and sentences, and whether it is cased."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import partial
from operator import attrgetter, itemgetter

from app.gazetteer.index import fold_tokens
from app.text.sentences import sentence_spans
from app.text.tokens import Token, is_lowercased, tokenize


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised place name: tokens ``first..last``, its key and what the text says about it."""

    first: int
    last: int
    key: str
    cue: str = ""  # admin1 | admin2 | settlement | facility | ""
    is_dateline: bool = False
    from_cue_only: bool = False  # marked as a place by the text, not (exactly) found in the gazetteer
    country: str = ""  # the country the text's own wording places it in ("Va." is a US state), if any


@dataclass(frozen=True, slots=True)
class Document:
    """The text cut into what recognition and resolution look at."""

    text: str
    tokens: list[Token]
    keys: list[str]
    lower: list[str]
    cased: bool
    sentence_of: list[int]
    sentence_starts: frozenset[int]
    title_case_sentences: frozenset[int]

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        return self.text[self.tokens[i - 1].end : self.tokens[i].start] if i > 0 else ""


def read_document(text: str) -> Document:
    tokens = tokenize(text)
    words = list(map(token_text, tokens))
    spans = sentence_spans(text)
    # A token is in the first sentence that ends past its start (the last sentence takes the rest).
    ends = [end for _, end in spans[:-1]]
    sentence_of = list(map(partial(bisect_right, ends), map(token_start, tokens)))
    starts = sorted(bisect_left(sentence_of, sentence) for sentence in set(sentence_of))
    cased = not is_lowercased(text, tokens)
    title_case = set()
    if cased and tokens:
        # Of the words that begin with a letter, the share that begin with a capital, sentence by sentence.
        initials = "".join(map(initial, words))
        for start, end in zip(starts, [*starts[1:], len(tokens)], strict=True):
            letters = "".join(filter(str.isalpha, initials[start:end]))
            if len(letters) >= 3 and sum(map(str.isupper, letters)) / len(letters) > 0.6:
                title_case.add(sentence_of[start])
    return Document(text, tokens, fold_tokens(tokens), list(map(str.lower, words)), cased, sentence_of,
                    frozenset(starts), frozenset(title_case))


token_start = attrgetter("start")


token_text = attrgetter("text")


initial = itemgetter(0)  # of a token's text, never empty
