"""``parse``: text in, place mentions out (recognition, then resolution)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from itertools import pairwise

from app.gazetteer.index import GazetteerIndex
from app.geoparse.cached_index import CachedIndex, is_notable
from app.geoparse.document import Document, Span, read_document
from app.geoparse.lexicon import ARABIC_NAMED_COUNTRIES, LOCATIVES
from app.geoparse.model import Mention
from app.geoparse.recognize import PLACE_TAKING, loose_stranger, punctuated_cased, recognise
from app.geoparse.resolve import ArticleContext, article_context, resolve
from app.geoparse.spelling import (
    WIDE_FEATURES,
    given_name_of_no_notable_place,
    is_a_name_or_word,
    is_given_name,
    only_by_folding,
)


def parse(text: str, index: GazetteerIndex, *, published_at: datetime | date | None = None,
          title: str | None = None) -> list[Mention]:
    """Every place mention in ``text``, in order, with offsets into ``text`` itself.

    ``title`` only adds context (its places help resolve the body's); ``published_at`` is accepted so callers
    can pass what they have: place resolution does not depend on time.
    """
    del published_at
    index = CachedIndex(index)  # type: ignore[assignment]
    doc = read_document(text)
    spans = recognise(doc, index)
    extra = []
    if title:
        title_doc = read_document(title)
        extra = [index.candidates(s.key) for s in recognise(title_doc, index) if not s.from_cue_only]
    context = article_context(doc, spans, index, extra)
    # One sense per discourse: a given name the text places once ("captured Lyman", "in Lyman") is the place in its
    # other mentions too ("Lyman was retaken by Ukrainian forces"). Placed by a word before it in cased text only:
    # lower-cased, "of ricardo" is as likely a person; but a name a place noun introduced ("the town of avdiivka")
    # is that place at its bare mentions after too ("the fall of avdiivka").
    placed = frozenset(s.key for s in spans if s.cue or (doc.cased and _placed(doc, s)))
    # and lower-cased, a name spelled otherwise than the gazetteer's that war's verbs and nouns take ("captured
    # avdiivka", "the fall of avdiivka"): a variant spelling of a town, not a word that only folds onto one
    taken = placed if doc.cased else placed | _taken_keys(doc, spans)
    supported = [s for s in spans if _supported(doc, s, index, context, placed, taken)]
    if len(supported) < len(spans) or not doc.cased:
        # the dropped names voted for their namesakes' countries: the article's focus is read again without them;
        # and lower-cased, the movements the text names ("isis seized palmyra") decided no word a place ("darwish",
        # "nadim" would become villages of a story on IS) but do say which namesake is meant (Palmyra, Syria, not the
        # towns of that name in the US), as in cased text, where they vote throughout
        spans, context = supported, article_context(doc, supported, index, extra, movements=True)
    mentions = resolve(doc, index, spans, context)
    joined = _adjacent_names_joined(doc, spans, mentions)
    return mentions if joined is spans else resolve(doc, index, joined, context)


def _adjacent_names_joined(doc: Document, spans: list[Span], mentions: list[Mention]) -> list[Span]:
    """``spans`` with each pair of capitalised names one space apart that resolved to places in two countries
    joined into one name the gazetteer does not know whole: the town of "Buulo Mareer" is neither Buulobarde in
    Somalia nor a village in Iraq, "Sahl al-Qab" no Cambodian town, "Hareth Rabbah" no Herat, "London Guildhall
    School" no Guildhall in the US. Two places of one country side by side are a list that lost its commas ("Homs
    Idlib and Lattakia"); a country, a first-order division or a world feature stands beside a town as a matter of
    course ("Syrias Raqqa", "Maiduguri Borno State"). Cased text with its commas only. The same list when nothing
    is joined."""
    if not punctuated_cased(doc):
        return spans
    by_start = {doc.tokens[s.first].start: s for s in spans}
    merged: dict[int, Span] = {}  # first span's start -> the joined span
    absorbed: set[int] = set()
    for a, b in pairwise(mentions):
        first, second = by_start.get(a.start), by_start.get(b.start)
        if first is None or second is None or first.last + 1 != second.first or a.start in absorbed \
                or doc.gap(second.first) != " " or doc.sentence_of[first.last] != doc.sentence_of[second.first] \
                or a.is_dateline or b.is_dateline or not b.text[:1].isupper() or not a.text[-1:].isalpha():
            continue
        if a.place is None or b.place is None or not a.place.country_code or not b.place.country_code \
                or a.place.country_code == b.place.country_code \
                or any(p.feature_code.startswith(WIDE_FEATURES) for p in (a.place, b.place)):
            continue
        merged[a.start] = replace(first, last=second.last, key=" ".join(doc.keys[first.first : second.last + 1]),
                                  cue=first.cue or second.cue, from_cue_only=True)
        absorbed.add(b.start)
    if not merged:
        return spans
    return [merged.get(doc.tokens[s.first].start, s) for s in spans if doc.tokens[s.first].start not in absorbed]


_PLACING_WORDS = LOCATIVES - {"to", "and", "or"}  # "a source close to Harvey", "Smith and Harvey"
# Words that place what follows them and nothing else ("from darwish" may be a person's statement; "near" is not)
_LOCATING_WORDS = frozenset({"in", "near", "outside", "around", "inside", "into", "towards", "toward"})
_SAINTS = frozenset({"st", "saint", "ste", "sainte"})


def _placed(doc: Document, span: Span) -> bool:
    """Whether the word before the name places it ("in Shelby", "from Wilson's", "captured Lyman"); "St Patrick's":
    a saint's name names a church or a town, not a person."""
    return span.first > 0 and (doc.lower[span.first - 1] in _PLACING_WORDS or doc.lower[span.first - 1] in _SAINTS)


# Words after which a lower-cased name is a place taken or lost ("captured avdiivka", "the fall of avdiivka"): the
# object of war's verbs and nouns, not of any preposition ("of ricardo").
_TAKEN_AFTER = frozenset({"captured", "recaptured", "seized", "retook", "retaken", "liberated", "overran", "stormed",
                          "regained", "reclaimed", "capturing", "recapturing", "seizing", "retaking", "liberating",
                          "overrunning", "storming", "regaining"})
_TAKEN_OF = frozenset({"control", "fall", "capture", "recapture", "seizure", "liberation", "loss"})


def _taken_keys(doc: Document, spans: list[Span]) -> frozenset[str]:
    """The keys of names war's words take, and of the names listed after one ("captured avdiivka, marinka and
    krasnohorivka", "took over shire and axum")."""
    keys: set[str] = set()
    before: Span | None = None
    for span in spans:
        listed = before is not None and before.key in keys and _LIST_GAP.fullmatch(
            doc.text, doc.tokens[before.last].end, doc.tokens[span.first].start) is not None
        if listed or _taken(doc, span):
            keys.add(span.key)
        before = span
    return frozenset(keys)


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _taken(doc: Document, span: Span) -> bool:
    i = span.first
    return i > 0 and (doc.lower[i - 1] in _TAKEN_AFTER or (
        i > 1 and doc.lower[i - 1] == "of" and doc.lower[i - 2] in _TAKEN_OF) or (
        i > 1 and doc.lower[i - 1] == "from" and doc.lower[i - 2] in ("withdrew", "withdrawn", "retreated")) or (
        i > 1 and doc.lower[i - 1] == "over" and doc.lower[i - 2] in ("took", "taken", "control")))


def _supported(doc: Document, span: Span, index: GazetteerIndex, context: ArticleContext,
               placed_keys: frozenset[str] = frozenset(), taken_keys: frozenset[str] | None = None) -> bool:
    """A bare name must mean a notable place or one in the countries the article is about: in lowercased text
    always; in cased text when the name only folds to its places' names (see ``loose_stranger``). Outside
    articles about Arabic-named countries, a given name that names no notable place is a person unless a
    locative places it, and in cased text a name or word that only folds onto a place is none
    (``app.geoparse.spelling``)."""
    if span.cue or span.is_dateline or span.from_cue_only:
        return True
    candidates = index.candidates(span.key)
    written = doc.tokens[span.first].text
    if span.first == span.last and not (doc.cased and written.isupper()):
        # the cheap tests of the word first: most spans are none of these
        folds = not doc.cased or is_a_name_or_word(written)
        placed = _placed(doc, span) or span.key in placed_keys
        given = not placed and is_given_name(written)
        if (folds or given) and not context.about_arabic_named_countries():
            if folds and only_by_folding(written, candidates) and (
                    doc.cased or span.key not in (placed_keys if taken_keys is None else taken_keys)):
                # (lower-cased, but for a name a place noun introduced or war's words took: "the town of avdiivka")
                return False
            if given and given_name_of_no_notable_place(written, candidates, is_notable,
                                                        context.countries_without(span.key)):
                return False
        elif given and (not any(context.share_without_own_votes(span.key, c.country_code) >= 0.1 for c in candidates)
                        or (not doc.cased and all(c.country_code not in ARABIC_NAMED_COUNTRIES for c in candidates))) \
                and given_name_of_no_notable_place(written, candidates, is_notable):
            # a story on Syria or Iraq: villages there bear given names, but "the men who captured ricardo" name
            # none; a given name whose namesakes all lie in countries the story is not about is a person, and in
            # lower-cased text one whose namesakes all lie outside the Arabic-named countries, whatever the story's
            # votes for theirs ("the us said ... ricardo was freed": no Texan town)
            return False
    if doc.cased:
        return not loose_stranger(doc, span, candidates, partial(context.countries_without, span.key))
    if any(is_notable(c) or context.share_without_own_votes(span.key, c.country_code) >= 0.1 for c in candidates):
        return True
    if span.first == span.last and span.first > 0 and (
            doc.lower[span.first - 1] in _LOCATING_WORDS or doc.lower[span.first - 1] in PLACE_TAKING) \
            and not is_a_name_or_word(doc.tokens[span.first].text) and any(c.feature_class == "P" for c in candidates):
        # "a village near srebrenica where refugees sought shelter with dutch troops", "after serb forces overran
        # srebrenica": a word no English word or given name spells, that a locative places or a verb only places take
        # has for its object, is the town the gazetteer has, whatever country the story names
        return True
    # "al-zobdani" in a Syria story: a name written with the Arabic article is a variant spelling of a town of the
    # country the story is about, whatever its exact namesakes abroad ("surjah" has no such mark)
    with_article = _ARABIC_ARTICLE.match(doc.text, doc.tokens[span.first].start) is not None
    return with_article and context.about_arabic_named_countries() and any(
        c.feature_class == "P" and context.countries.get(c.country_code, 0.0) >= 0.3
        for c in index.skeleton_candidates(span.key))


_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)[-‐]", re.IGNORECASE)

