"""Text handling every stage shares: tokens and sentences, as offsets into the original text."""

from app.text.sentences import sentence_spans
from app.text.tokens import Token, is_lowercased, is_word_char, tokenize

__all__ = ["Token", "is_lowercased", "is_word_char", "sentence_spans", "tokenize"]
