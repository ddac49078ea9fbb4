"""Tokens and sentences whose offsets always index the original text."""

from app.text.tokens import Token, is_lowercased, sentence_spans, tokenize

__all__ = ["Token", "is_lowercased", "sentence_spans", "tokenize"]
