"""spaCy's ``attribute_ruler`` as dictionary look-ups: the same token attributes, set without running the Matcher.

The English pipelines' ruler (a tag -> POS/MORPH map, word exceptions such as ``{"TAG": "PRP", "LOWER": "it"}``, a
few two-token and DEP-conditioned rules) ran every Doc through spaCy's Matcher: about a quarter of the parser's time
for fixed, one- or two-token patterns over four token attributes. :func:`compile_rules` turns a loaded ruler's own
``patterns`` into :class:`FastAttributeRules`, which computes, once per distinct token signature (the values of the
attributes the patterns test), which rules match there, and caches it.

Semantics kept from ``spacy.pipeline.AttributeRuler`` (spaCy 3.8): every pattern is matched against the Doc as the
tagger and parser left it (all matches first, then all assignments); matches are applied in the order the rules were
added, so a later rule's value wins for each attribute it sets; the attributes go to ``span[index]`` (a negative index
counts from the end of the match); an equality on a string compares the string's hash, ``IN``/``NOT_IN`` compare
hashes (``""`` is 0, the value of a missing TAG or DEP), ``REGEX`` is ``re.search`` on the attribute's string, a
boolean compares with the lexeme flag (``IS_SPACE``).

Anything else (operators, other predicates, extension attributes, other token attributes, attributes set other than
TAG/POS/MORPH/LEMMA/DEP) is not expressed here: :func:`compile_rules` then returns None and the pipeline keeps its
real ruler, so another model keeps its own, slower but exact, behaviour.
"""

from __future__ import annotations

import re
from typing import Any

# Token attributes a pattern may test: name -> spaCy attribute id name (read with Doc.to_array in one call).
_TESTED = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "TAG": "TAG", "DEP": "DEP", "POS": "POS",
           "IS_SPACE": "IS_SPACE"}
# Attributes the rules may set: independent fields of a token, so applying them merged equals applying them in turn.
_SETTABLE = {"TAG", "POS", "MORPH", "LEMMA", "DEP"}

COMPONENT = "fast_attribute_ruler"
# Which test files a spec in the look-up index: the most selective attribute first.
_INDEX_ORDER = {"LOWER": 0, "ORTH": 0, "TAG": 1, "DEP": 2, "POS": 3, "IS_SPACE": 4}
_CACHE_LIMIT = 200_000


class _Unsupported(Exception):
    """A pattern shape this module does not express: the caller keeps the real ruler."""


def _compile_spec(spec: Any, strings: Any) -> tuple[tuple[str, str, Any], ...]:
    """One token's spec as ((attribute, test, value), ...): tests "eq", "in", "not_in", "regex"."""
    from spacy.strings import get_string_id

    if not isinstance(spec, dict) or not spec:
        raise _Unsupported(spec)
    tests: list[tuple[str, str, Any]] = []
    for key, value in spec.items():
        if not isinstance(key, str) or key.upper() not in _TESTED:
            raise _Unsupported(key)
        attr = _TESTED[key.upper()]
        if isinstance(value, bool):
            if attr != "IS_SPACE":
                raise _Unsupported(spec)
            tests.append((attr, "eq", int(value)))
        elif isinstance(value, str):
            if attr == "IS_SPACE":
                raise _Unsupported(spec)
            tests.append((attr, "eq", strings.add(value)))  # as Matcher._get_attr_values
        elif isinstance(value, dict):
            if attr == "IS_SPACE" or not value:
                raise _Unsupported(spec)
            for predicate, argument in value.items():
                kind = str(predicate).upper()
                if kind in ("IN", "NOT_IN") and isinstance(argument, list | tuple) and all(
                        isinstance(v, str) for v in argument):
                    tests.append((attr, kind.lower(), frozenset(get_string_id(v) for v in argument)))
                elif kind == "REGEX" and isinstance(argument, str):
                    tests.append((attr, "regex", re.compile(argument)))
                else:
                    raise _Unsupported(spec)
        else:
            raise _Unsupported(spec)
    return tuple(tests)


class FastAttributeRules:
    """The ruler's rules applied by look-up; call it on a Doc (a spaCy pipeline component)."""

    def __init__(self, vocab: Any):
        self.vocab = vocab
        self.set_rules([])

    def set_rules(self, rules: list[tuple[list[tuple[tuple[str, str, Any], ...]], int, dict]]) -> None:
        """``rules``: in the ruler's order, (token tests of the pattern, index, normalized attrs), one per pattern."""
        from spacy.attrs import IDS

        names = sorted({attr for pattern, _, _ in rules for spec in pattern for attr, _, _ in spec})
        self._column = {name: i for i, name in enumerate(names)}
        self._attr_ids = [IDS[name] for name in names]
        self._attrs = [attrs for _, _, attrs in rules]
        specs: dict[tuple, int] = {}
        self._single: list[tuple[int, int]] = []  # (spec id, rule id)
        self._multi: list[tuple[tuple[int, ...], int, int]] = []  # (spec ids, target offset, rule id)
        for rule_id, (pattern, index, _) in enumerate(rules):
            ids = tuple(specs.setdefault(_spec_key(spec), len(specs)) for spec in pattern)
            if len(ids) == 1:
                self._single.append((ids[0], rule_id))
            else:
                self._multi.append((ids, index % len(ids), rule_id))
        self._specs: list[tuple[tuple[str, str, Any], ...]] = [()] * len(specs)
        for pattern, _, _ in rules:
            for spec in pattern:
                self._specs[specs[_spec_key(spec)]] = spec
        self._rules_of_spec: dict[int, list[int]] = {}
        for spec_id, rule_id in self._single:
            self._rules_of_spec.setdefault(spec_id, []).append(rule_id)
        self._in_multi = frozenset(i for ids, _, _ in self._multi for i in ids)
        # Each spec filed under one of its equality or IN tests, so a new signature checks only the specs that can
        # hold there (the rest, NOT_IN or REGEX alone, are checked every time).
        self._index: dict[tuple[int, int], list[int]] = {}
        self._unindexed: list[int] = []
        for spec_id, spec in enumerate(self._specs):
            keyed = [(_INDEX_ORDER.get(attr, 9), test != "eq", attr, test, value)
                     for attr, test, value in spec if test in ("eq", "in")]
            if not keyed:
                self._unindexed.append(spec_id)
                continue
            _, _, attr, test, value = min(keyed, key=lambda k: k[:2])
            for v in ([value] if test == "eq" else sorted(value)):
                self._index.setdefault((self._column[attr], v), []).append(spec_id)
        self._by_signature: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset[int], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def _satisfied(self, signature: tuple[int, ...], spec: tuple[tuple[str, str, Any], ...]) -> bool:
        for attr, test, value in spec:
            got = signature[self._column[attr]]
            if test == "eq":
                ok = got == value
            elif test == "in":
                ok = got in value
            elif test == "not_in":
                ok = got not in value
            else:
                ok = value.search(self.vocab.strings[got]) is not None
            if not ok:
                return False
        return True

    def _describe(self, signature: tuple[int, ...]) -> tuple[tuple[int, ...], frozenset[int], tuple[int, ...]]:
        """(single-token rule ids, satisfied spec ids, multi-token rule positions starting here) of a signature."""
        found = self._by_signature.get(signature)
        if found is None:
            candidates = list(self._unindexed)
            for column, value in enumerate(signature):
                candidates.extend(self._index.get((column, value), ()))
            sat = {i for i in candidates if self._satisfied(signature, self._specs[i])}
            singles = tuple(sorted(r for i in sat for r in self._rules_of_spec.get(i, ())))
            starts = tuple(k for k, (ids, _, _) in enumerate(self._multi) if ids[0] in sat)
            found = (singles, frozenset(sat & self._in_multi), starts)
            if len(self._by_signature) >= _CACHE_LIMIT:  # a long-running service meets new words without end
                self._by_signature.clear()
            self._by_signature[signature] = found
        return found

    def _merge(self, rule_ids: tuple[int, ...]) -> dict:
        merged = self._merged.get(rule_ids)
        if merged is None:
            merged = {}
            for rule_id in rule_ids:  # ascending: a later rule's value wins, as in AttributeRuler.match
                merged.update(self._attrs[rule_id])
            self._merged[rule_ids] = merged
        return merged

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        if not n or not self._attrs:
            return doc
        rows = [tuple(row) for row in doc.to_array(self._attr_ids).reshape(n, -1).tolist()]
        described = [self._describe(row) for row in rows]
        extra: dict[int, list[int]] = {}
        if self._multi:
            for start, (_, _, starts) in enumerate(described):
                for k in starts:
                    ids, offset, rule_id = self._multi[k]
                    if start + len(ids) <= n and all(
                            ids[j] in described[start + j][1] for j in range(1, len(ids))):
                        extra.setdefault(start + offset, []).append(rule_id)
        for i, (singles, _, _) in enumerate(described):
            more = extra.get(i)
            rule_ids = singles if more is None else tuple(sorted({*singles, *more}))
            if rule_ids:
                set_token_attrs(doc[i], self._merge(rule_ids))
        return doc


def _spec_key(spec: tuple[tuple[str, str, Any], ...]) -> tuple:
    return tuple((attr, test, value.pattern if test == "regex" else value) for attr, test, value in spec)


def compile_rules(ruler: Any) -> list | None:
    """The loaded ``AttributeRuler``'s patterns as rules for :meth:`FastAttributeRules.set_rules`, in the ruler's
    order (the patterns of one entry share its attributes, so one rule each keeps the entry's precedence), or None
    where a shape is unknown."""
    from spacy.attrs import IDS

    vocab = ruler.vocab
    rules: list[tuple[list[tuple[tuple[str, str, Any], ...]], int, dict]] = []
    try:
        if len(ruler.attrs) != len(ruler.indices):
            raise _Unsupported("ruler state")
        for rule_id, entry in enumerate(ruler.patterns):
            attrs = ruler.attrs[rule_id]  # normalized by the ruler itself: {attr id: value}
            if not isinstance(attrs, dict) or any(key not in {IDS[a] for a in _SETTABLE} for key in attrs):
                raise _Unsupported(attrs)
            index = entry["index"]
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern or not isinstance(index, int) or not (
                        -len(pattern) <= index < len(pattern)):
                    raise _Unsupported(pattern)
                rules.append(([_compile_spec(spec, vocab.strings) for spec in pattern], index, attrs))
    except (_Unsupported, AttributeError, KeyError, TypeError):  # not an AttributeRuler as spaCy 3.8 has it
        return None
    return rules or None


def install(nlp: Any) -> bool:
    """Put :class:`FastAttributeRules` in place of ``nlp``'s ``attribute_ruler`` (same position, so the lemmatizer
    still runs after it) where every pattern of the ruler is expressible; True if it did."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    rules = compile_rules(nlp.get_pipe("attribute_ruler"))
    if rules is None:
        return False
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=_make_component)
    fast = nlp.add_pipe(COMPONENT, before="attribute_ruler")
    fast.set_rules(rules)
    nlp.remove_pipe("attribute_ruler")
    return True


def _make_component(nlp: Any, name: str) -> FastAttributeRules:
    return FastAttributeRules(nlp.vocab)
