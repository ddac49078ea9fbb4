"""Organisation, group and operation names that contain a place name ("Free Syrian Army"): never mentions."""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress, count

from app.gazetteer.names import fold_token, normalize
from app.geoparse import lexicon as lx
from app.geoparse.document import Document

_ORG_KEYS: dict[str, list[tuple[str, ...]]] = {}
# Each many-word name's keys -> the names as written that fold to them ("al mayadeen", the Lebanese channel).
_ORG_SPELLINGS: dict[tuple[str, ...], set[str]] = {}
# One-word names as written: folding is lossy ("SANA", the news agency, folds like Sanaa, the capital of Yemen), so
# a one-word name blocks only a token spelled as the name is (any case), or its possessive without the apostrophe.
_ONE_WORD_FORMS: set[str] = set()
for _name in (*lx.ORGANISATIONS, *lx.actor_names()):
    # Folding splits hyphenated words ("al-shabaab" -> "al shabab"), as the document's tokens are split.
    _keys = tuple(part for w in _name.split() for part in fold_token(w).split())
    if len(_keys) == 1:
        _ONE_WORD_FORMS.update((_name.lower(), _name.lower() + "s"))
    _ORG_KEYS.setdefault(_keys[0], []).append(_keys)
    _ORG_SPELLINGS.setdefault(_keys, set()).add(normalize(_name))
    if len(_keys) > 1:
        # The possessive whose apostrophe a copy lost ("al-Qaedas affiliate"): one rule for every name, no list entry
        _ORG_KEYS[_keys[0]].append((*_keys[:-1], _keys[-1] + "s"))


def _after_a_lone_article(doc: Document, i: int) -> bool:
    """Whether token ``i`` follows the Arabic article that opens a name ("al-Hazm", "Al Hazm"): the town, not the
    group ("Hazm", "Harakat Hazm"), which is never written with it; a group's name whose own first word precedes
    the article ("Jaish al-Ahrar") is still the group. A group written with the article ("al-Nusra") is listed so."""
    if i == 0 or doc.lower[i - 1] not in ("al", "el") or doc.gap(i) not in ("-", " "):
        return False
    before = i - 2
    return before < 0 or doc.gap(i - 1) not in (" ", "-") or not doc.tokens[before].is_capitalized \
        or (before in doc.sentence_starts and doc.lower[before] in lx.NEVER_ALONE)


def named_a_town(doc: Document, first: int) -> bool:
    """"the western town of Man", "the city of Of": a capitalised word the text itself calls a settlement is a name,
    even a word that is never a place on its own."""
    lower = doc.lower
    return first > 2 and lower[first - 1] == "of" and lower[first - 2] in lx.SETTLEMENT_BEFORE \
        and doc.gap(first).strip() == "" and doc.gap(first - 1).strip() == ""


def _named_a_settlement(doc: Document, i: int) -> bool:
    """ "the city of Hazm", "the town of Hazm": a word the text itself calls a settlement is the town, not the group
    of that name."""
    return named_a_town(doc, i) and doc.gap(i) == " " and (not doc.cased or doc.tokens[i].is_capitalized) \
        and (i + 1 >= len(doc.tokens) or doc.gap(i + 1) != "-")  # ("the Zubdiya neighbourhood of rebel-held Aleppo")


def _before_a_facility_word(doc: Document, i: int) -> bool:
    """ "Ain al-Assad air base": a word a group is named by, followed by "air base", "airport", names the facility."""
    return i + 1 < len(doc.lower) and doc.lower[i + 1] in lx.FACILITY_AFTER and doc.gap(i + 1) == " "


def organisation_tokens(doc: Document, place_name: Callable[[str], bool] | None = None,
                        spelled_as_a_place: Callable[[int, int], bool] | None = None) -> set[int]:
    """Tokens inside organisation, group and operation names ("Free Syrian Army", "Hama Media Center").

    ``place_name(key)``: whether the gazetteer knows a name whole; a capitalised run before an organisation head
    that is such a name ("the West Bank", "Gaza Strip") is the place, not an organisation.
    ``spelled_as_a_place(first, last)``: whether a place bears the tokens' words as written; a many-word name that
    folds like an organisation's but is spelled as a place and not as the organisation ("al-Mayadin", the town; "Al
    Mayadeen", the channel) is the place, as a one-word name blocks only its own spelling."""
    blocked: set[int] = set()
    keys = doc.keys
    for i in compress(count(), map(_ORG_KEYS.__contains__, keys)):
        for org in _ORG_KEYS[keys[i]]:
            if len(org) == 1 and (doc.lower[i] not in _ONE_WORD_FORMS or _after_a_lone_article(doc, i)
                                  or _before_a_facility_word(doc, i) or _named_a_settlement(doc, i)):
                continue
            if tuple(keys[i : i + len(org)]) == org:
                if len(org) > 1 and spelled_as_a_place is not None:
                    last = i + len(org) - 1
                    written = doc.text[doc.tokens[i].start : doc.tokens[last].end]
                    if normalize(written) not in _ORG_SPELLINGS.get(org, ()) and spelled_as_a_place(i, last):
                        continue
                blocked.update(range(i, i + len(org)))
    for i in compress(count(), map(lx.ORG_HEADS.__contains__, doc.lower)):
        word = doc.lower[i]
        if i > 0:
            # Walk back over the capitalised words that precede an organisation head ("Raqqa Military Council").
            if doc.cased and doc.tokens[i].is_capitalized and doc.sentence_of[i] not in doc.title_case_sentences:
                j = i - 1
                run: list[int] = []
                while j >= 0 and doc.tokens[j].is_capitalized and doc.gap(j + 1).strip() in ("", "-") and i - j <= 4:
                    if j in doc.sentence_starts and doc.lower[j] in lx.NEVER_ALONE:
                        break
                    run.append(j)
                    j -= 1
                if run and place_name is not None and place_name(" ".join(keys[min(run) : i + 1])):
                    continue
                blocked.update(run)
            elif not doc.cased and word in ("media", "council", "observatory", "brigade", "brigades", "battalion",
                                            "battalions", "legion", "movement", "committee", "coordination"):
                blocked.add(i - 1)
    return blocked
