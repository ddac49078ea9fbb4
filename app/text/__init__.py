"""Text handling every stage shares: tokens and sentences, as offsets into the original text."""

from app.text.sentences import sentence_spans
from app.text.tokens import Token, is_lowercased, is_word_char, lost_its_commas, tokenize

__all__ = ["Token", "is_lowercased", "is_word_char", "lost_its_commas", "sentence_spans", "tokenize"]
