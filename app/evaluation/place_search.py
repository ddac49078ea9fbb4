"""How often place search puts the right place first for a name typed in another spelling.

The names: the dev set's gold settlements resolved to a geonameid. The spellings, one rule each (a rule that
leaves a name unchanged gives no query):

- ``vowel``: the first vowel after a word's first letter changed (a→e, e→a, i→e, o→u, u→o, y→i): Rihjan → Rehjan;
- ``doubled``: the first single consonant between two vowels doubled, or a doubled letter written once;
- ``article``: the Arabic article written another way (al-/el-/ad-/ar-/as-/az- → el- or al-), or, where there is
  none, one added (news writes "al-Bab" and "Bab" alike).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_VOWEL_SWAP = {"a": "e", "e": "a", "i": "e", "o": "u", "u": "o", "y": "i"}
_ARTICLE = re.compile(r"^(al|el|ad|ar|as|az|ash|at|an)([- ])", re.IGNORECASE)
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1", re.IGNORECASE)
_SINGLE = re.compile(r"(?<=[aeiou])([b-df-hj-np-tv-z])(?=[aeiou])", re.IGNORECASE)


def _with_case(replacement: str, original: str) -> str:
    return replacement.upper() if original.isupper() else replacement


def vowel_variant(name: str) -> str:
    words = name.split(" ")
    for n, word in enumerate(words):
        for i in range(1, len(word)):
            swap = _VOWEL_SWAP.get(word[i].lower())
            if swap is not None:
                words[n] = word[:i] + _with_case(swap, word[i]) + word[i + 1 :]
                return " ".join(words)
    return name


def doubled_variant(name: str) -> str:
    doubled = _DOUBLED.search(name)
    if doubled:
        return name[: doubled.start()] + doubled.group(1) + name[doubled.end() :]
    return _SINGLE.sub(lambda m: m.group(1) * 2, name, count=1)


def article_variant(name: str) -> str:
    article = _ARTICLE.match(name)
    if article is None:
        return f"al-{name}"
    other = "el" if article.group(1).lower() == "al" else "al"
    return _with_case(other, article.group(1)) + "-" + name[article.end() :]


RULES: dict[str, Callable[[str], str]] = {"vowel": vowel_variant, "doubled": doubled_variant,
                                          "article": article_variant}


@dataclass(frozen=True, slots=True)
class Query:
    rule: str
    text: str
    written: str  # as the article wrote it
    geonameid: int
    country: str | None


def variant_queries(articles: Iterable[Mapping[str, Any]], country_of: Callable[[int], str | None]) -> list[Query]:
    """One query per resolved gold settlement name (case-insensitively distinct) and rule."""
    seen: set[tuple[str, int]] = set()
    queries = []
    for article in articles:
        for gold in article.get("toponyms", []):
            if gold.get("kind") != "settlement" or not gold.get("geonameid"):
                continue
            identity = (gold["text"].lower(), gold["geonameid"])
            if identity in seen:
                continue
            seen.add(identity)
            for rule, make in RULES.items():
                variant = make(gold["text"])
                if variant.lower() != gold["text"].lower():
                    queries.append(Query(rule, variant, gold["text"], gold["geonameid"],
                                         country_of(gold["geonameid"])))
    return queries


def read_articles(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
