"""The actor registry: surface forms of armed actors mapped to a canonical id and a side, loaded from YAML.

The registry is data, not code, so an analyst adds a group (or a war) by dropping a YAML file next to the
shipped ones; ``data/actors/README.md`` documents the format. Matching is one compiled alternation per
registry, longest name first, so "Free Syrian Army" wins over "Syrian army" and "Syrian Democratic Forces"
over "Syrian forces".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import ahocorasick
import yaml

from app.events.model import Side
from app.geoparse.lexicon import english_words

DEFAULT_ACTOR_DIR = Path(__file__).resolve().parents[2] / "data" / "actors"
# libyaml's parser where PyYAML has it: the registry is read at every start, and the pure-Python one takes
# ~0.25 s for the generated Phoenix file alone. Both are safe loaders (plain data, no Python objects).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MatchKind = Literal["actor", "voice", "state", "state_voice", "nonstate"]


@dataclass(frozen=True, slots=True)
class ActorDef:
    """One canonical actor. ``voice_of`` marks a speaker (state media) rather than a fighting force.

    ``sides_by_country`` overrides ``side`` where the place is in a given country: Russian forces fight for the
    state in Syria (government) but against it in Ukraine (other), per the eval README's "in the place's country".
    """

    id: str
    side: Side
    names: tuple[str, ...]
    voice_of: str | None = None
    sides_by_country: tuple[tuple[str, Side], ...] = ()

    def side_in(self, country: str | None) -> Side:
        """The actor's side in a place in ``country`` (ISO alpha-2; None: unknown, the default side)."""
        if country:
            for code, side in self.sides_by_country:
                if code == country:
                    return side
        return self.side


@dataclass(frozen=True, slots=True)
class CountryDef:
    """A country as articles name it, and which actor "the army" means in an article about it."""

    code: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    state_forces: str | None


@dataclass(slots=True)
class _WordNode:
    """A node of the registry's word trie: the name ending here (kind, actor id), and the words that go on."""

    hit: tuple[MatchKind, str | None] | None = None
    next: dict[str, _WordNode] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """One actor expression found in the text. ``holder`` marks "rebel-held"-style modifiers."""

    start: int
    end: int
    surface: str
    kind: MatchKind
    actor_id: str | None
    holder: bool = False


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A preposition or an article right before a word ("from is", "to is", "the is group"): there, a lower-cased "is" is
# no verb.
_NO_VERB_BEFORE = re.compile(r"\b(?:from|to|by|against|of|the)\s+$")
# A finite verb right after a word ("is has captured", "is took") or a hyphen joining it to the next ("is-held",
# "is-linked"): the copula is never followed by either, so there a lower-cased "is" is the group. (Matched on the text
# itself, case aside: its offsets are the scan's, which a lower-cased copy's need not be.)
_NO_COPULA_AFTER = re.compile(r"\s+(?:had|has|have|took|seized|stormed|overran|retook)\b|-[a-z]", re.IGNORECASE)
# Opening a sentence, the copula begins a question ("is it ...", "is there ..."), which no verb in the past follows: "is
# said through its amaq agency", "is claimed the attack" there are the group's.
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?][\"'”’)]?\s+)$")
_PAST_AFTER = re.compile(r"\s+(?:said|says|claimed|claims|announced|[a-z]+ed)\b", re.IGNORECASE)


def _trie_regex(words: set[str]) -> str:
    """A regex matching exactly ``words``, shaped as a trie (a flat alternation is slow in Python's re)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch).replace("'", "['’]") + build(sub) for ch, sub in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return "(?:" + build(trie) + ")"


def _apostrophe_variants(word: str) -> list[str]:
    """``word`` with each ' written either way, as ``_trie_regex`` matches it."""
    parts = word.split("'")
    variants = [parts[0]]
    for part in parts[1:]:
        variants = [v + mark + part for v in variants for mark in ("'", "’")]
    return variants


# (a plural possessive's apostrophe ends the word before: "the Kurdistan Workers' Party")
# (the letters of an initialism are words joined by full stops: "U.S.-backed forces" is "u s backed forces")
_NEXT_WORD = re.compile(r"(?:(?<=[sS])['’])?(?:[ \t\-]+|(?<=(?<![^\W_])[^\W_])\.-?)([^\W_]+(?:['’][^\W_]+)*)")


# Names as words, read once: the registry has tens of thousands of generated names ("Afghan army units").
_RAW_WORDS: dict[str, tuple[str, ...]] = {}


def _raw_words(name: str) -> tuple[str, ...]:
    words = _RAW_WORDS.get(name)
    if words is None:
        words = _RAW_WORDS[name] = tuple(w.lower().replace("’", "'") for w in _WORD.findall(name))
    return words


def _words(name: str) -> tuple[str, ...]:
    """A name as lower-case words; a leading "the" is dropped (matching keeps it in the surface form)."""
    words = _raw_words(name)
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def _without_apostrophes(words: tuple[str, ...]) -> tuple[str, ...]:
    """The same name as copies that dropped the possessive's apostrophe write it ("Syrias army", "al-Qaedas
    affiliate": FA-KES lost its punctuation): one rule for every possessive name, not a list entry per name."""
    return tuple(w[:-2] + "s" if w.endswith("'s") else w for w in words)


_ARABIC_ARTICLE = frozenset({"al", "el"})


def _country_for_demonym(countries: Sequence[CountryDef]) -> dict[str, str]:
    """Each one-word demonym and the country's one-word name ("syrian" -> "syria"), where the country has one."""
    out: dict[str, str] = {}
    for c in countries:
        name = next((w[0] for w in map(_words, c.names) if len(w) == 1), None)
        if name is not None:
            for d in c.demonyms:
                if len(dw := _words(d)) == 1 and dw[0] != name:
                    out.setdefault(dw[0], name)
    return out


def _joined(first: str, second: str) -> tuple[str, tuple[str, ...]]:
    """``first + " " + second`` and its words, from the words of the two (a space never joins two words)."""
    name = f"{first} {second}"
    if name not in _RAW_WORDS:
        _RAW_WORDS[name] = _raw_words(first) + _raw_words(second)
    return name, _words(name)


# "rebel-held", "IS-controlled", "opposition held" (hyphen lost in some copies): the actor holds the place.
# Without the hyphen it must modify a noun: "rebels held the village" is a verb, and so, in cased text, is the word
# before a name ("Isis occupied Mosul in 2014"; the lost hyphen's noun is a common one: "rebel held villages").
HOLDER_VERBS = "held|controlled|run|dominated|occupied"
_HOLDER_SUFFIX = re.compile(
    rf"(?:-\s*(?:{HOLDER_VERBS})\b|\s(?:{HOLDER_VERBS})\b"
    r"(?!\s+(?:the|a|an|this|that|its|their|his|her|on|onto|out|off|back|firm|talks|it|them|power|\d)\b)"
    r"(?!(?-i:\s+[A-Z])))",
    re.IGNORECASE,
)

# "a key opposition bastion", "the last stronghold of the Syrian opposition", "the Isis stronghold of Raqqa": the
# stronghold's owner held the place (it may lose it), whatever the sentence says happened to it.
_HOLDER_NOUN_AFTER = re.compile(
    r"['’]?s?\s+(?:last\s+|main\s+|key\s+)?(?:strongholds?|bastions?|enclaves?|heartlands?)\b", re.IGNORECASE
)
# "the last sliver of territory held by Isis", "a town controlled by rebels" ("occupied by" is left out: "since it was
# occupied by Isis" tells a change)
HELD_BY = r"\b(?:held|controlled|dominated)\s+by\s+(?:the\s+)?"
# "leaving al-Waer in rebel hands", "remains in Isis hands", "is mostly in the hands of Kurdish forces": who holds the
# place, whatever the sentence says happened to it ("back in rebel hands", "fell into the hands of" tell a change)
_IN_NOT_BACK = r"(?<!\bback\s)\bin\s+"
_IN_HANDS_OF = _IN_NOT_BACK + r"the\s+hands\s+of\s+(?:the\s+)?"
_HOLDER_NOUN_BEFORE = re.compile(
    r"\b(?:strongholds?|bastions?|enclaves?|heartlands?)\s+of\s+(?:the\s+)?$|" + HELD_BY + "$|" + _IN_HANDS_OF + "$",
    re.IGNORECASE,
)
_IN_BEFORE = re.compile(_IN_NOT_BACK + r"(?:the\s+)?$", re.IGNORECASE)
_HANDS_AFTER = re.compile(r"['’]?s?\s+hands\b", re.IGNORECASE)


class ActorRegistry:
    """Surface forms → actors, plus the generic words ("the army", "militants") resolved per article.

    Immutable after construction; build it with :func:`load_registry`.
    """

    def __init__(
        self,
        *,
        actors: Sequence[ActorDef],
        countries: Sequence[CountryDef],
        state: Sequence[str],
        state_voice: Sequence[str],
        nonstate: Sequence[str],
        case_sensitive: dict[str, str],
    ) -> None:
        self.actors: dict[str, ActorDef] = {a.id: a for a in actors}
        self.countries: dict[str, CountryDef] = {c.code: c for c in countries}
        self.states_forces: frozenset[str] = frozenset(c.state_forces for c in countries if c.state_forces)
        # Names are indexed by their first word: finding actors is one dictionary probe per word of text
        # (a regex alternation of ~400 names costs milliseconds per article in Python's engine). A name given again
        # is the later actor's (actors after the generic words, later files after earlier ones).
        named: dict[tuple[str, ...], tuple[MatchKind, str | None]] = {}
        for kind, names in (("state", state), ("state_voice", state_voice), ("nonstate", nonstate)):
            for n in names:
                named[_words(n)] = (kind, None)  # type: ignore[assignment]
        for a in actors:
            kind_of_a: MatchKind = "voice" if a.voice_of else "actor"
            for n in a.names:
                named[_words(n)] = (kind_of_a, a.id)
        named.pop((), None)
        country_for_demonym = _country_for_demonym(countries)
        states = {c.state_forces for c in countries} | {f"{c.state_forces}_officials" for c in countries}
        for words, hit in list(named.items()):
            variant = _without_apostrophes(words)
            if variant != words:
                named.setdefault(variant, hit)
            if hit[1] is not None and hit[1] not in states and len(words) >= 2:
                # "the Free Syria Army", "the Syria Democratic Forces": a group's name written with its country's
                # name for the demonym (news agencies' copy does) is the same group, not that country's army (a
                # state's own forces keep their demonym: "Jordan seized X" is the state acting, read as such)
                variant = tuple(country_for_demonym.get(w, w) for w in words)
                if variant != words:
                    named.setdefault(variant, hit)
            if hit[1] is not None and any(w in _ARABIC_ARTICLE for w in words[:-1]):
                # "Jaish Alislam", "Jabhat Alnusra": the Arabic article written glued to the word it defines
                # (Al-Masdar's and FA-KES's copy), the same group
                glued: list[str] = []
                for w in words:
                    glued[-1:] = [glued[-1] + w] if glued and glued[-1] in _ARABIC_ARTICLE else [*glued[-1:], w]
                named.setdefault(tuple(glued), hit)
            if len(words) >= 2 and words[-1] == "forces":
                # "the Kurdish-led force", "a government force": one force of the forces the name gives
                named.setdefault((*words[:-1], "force"), hit)
        self._index: dict[str, list[tuple[tuple[str, ...], MatchKind, str | None]]] = {}
        for words, (kind, actor_id) in named.items():
            self._index.setdefault(words[0], []).append((words, kind, actor_id))
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[0]))
        # The same names as a trie of words under each first word: matching reads the following words only while
        # some name goes on, instead of always reading as many words as the longest name has.
        self._names: dict[str, _WordNode] = {}
        for first, entries in self._index.items():
            root = self._names[first] = _WordNode()
            for words, kind, actor_id in entries:
                node = root
                for w in words[1:]:
                    node = node.next.setdefault(w, _WordNode())
                node.hit = (kind, actor_id)
        self._case_sensitive: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for n, aid in sorted(case_sensitive.items(), key=lambda kv: -len(kv[0])):
            words = tuple(_WORD.findall(n))
            if words:
                self._case_sensitive.setdefault(words[0], []).append((words, aid))
        # Lower-cased copies lose what sets "IS" apart from the verb; its names of several words ("IS militants",
        # "IS group") stay unambiguous: the verb is not followed by "militants".
        self._lowered_multiword: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for first, entries in self._case_sensitive.items():
            for words, aid in entries:
                if len(words) > 1:
                    lowered = tuple(w.lower() for w in words)
                    self._lowered_multiword.setdefault(first.lower(), []).append((lowered, aid))
        for entries in self._lowered_multiword.values():
            entries.sort(key=lambda e: -len(e[0]))  # the longest name first, sorted once here, not per match
        # ... and so do its abbreviations in capitals that are no English word ("the saa", "rsf fighters"): lower-cased,
        # "is" is a word, "saa" is none
        self._lowered_is = next((aid for words, aid in self._case_sensitive.get("IS", ()) if words == ("IS",)), None)
        english = english_words()
        self._lowered_acronyms: dict[str, str] = {
            n.lower(): aid for n, aid in case_sensitive.items()
            if len(n) >= 3 and n.isupper() and _WORD.fullmatch(n) and n.lower() not in english
        }
        self._country_lookup = {_words(d): (c.code, False) for c in countries for d in c.names}
        self._country_lookup.update({_words(d): (c.code, True) for c in countries for d in c.demonyms})
        for words, hit in list(self._country_lookup.items()):
            self._country_lookup.setdefault(_without_apostrophes(words), hit)
        # One trie-shaped regex over every first word, so only words that can start a name are looked at.
        firsts = set(self._index) | {w[0] for w in self._country_lookup} | {w.lower() for w in self._case_sensitive}
        self._firsts = frozenset(firsts)
        # The same words for lower-cased text as an Aho-Corasick automaton (an apostrophe may be either one): one
        # pass finds them all, where Python's regex engine tries the trie at every word start.
        self._first_words_automaton = ahocorasick.Automaton()
        for w in firsts:
            for variant in _apostrophe_variants(w):
                self._first_words_automaton.add_word(variant, len(variant))
        self._first_words_automaton.make_automaton()

    @cached_property
    def _first(self) -> re.Pattern[str]:
        """One trie-shaped regex over every first word, for text whose lower-casing moves offsets (rare: compiled
        on first use, as it costs more than the rest of the registry's construction)."""
        return re.compile(rf"(?<![^\W_]){_trie_regex(set(self._firsts))}(?![^\W_])", re.IGNORECASE)

    def find(self, text: str) -> list[ActorMatch]:
        """Every actor expression in ``text``, in order, non-overlapping, longest name first at each word."""
        return self.scan(text)[0]

    def scan(self, text: str, *, lowercased: bool = False) -> tuple[list[ActorMatch], list[tuple[int, str, bool]]]:
        """Actor expressions and country words ((offset, code, is a demonym)) in one pass over the text.

        ``lowercased``: the text lost its capitals, so the case-sensitive names of several words match in any case.
        """
        countries: list[tuple[int, str, bool]] = []
        found: list[ActorMatch] = []
        last_end = -1
        low = text.lower()
        same = len(low) == len(text)
        names, case_sensitive, country_lookup = self._names, self._case_sensitive, self._country_lookup
        for start, end0 in self._first_words(low) if same else (m.span() for m in self._first.finditer(text)):
            if start < last_end:
                continue
            raw0 = text[start:end0]
            w0 = (low[start:end0] if same else raw0.lower()).replace("’", "'")
            hit_c = country_lookup.get((w0,))
            if hit_c:
                countries.append((start, *hit_c))
            if lowercased and w0 in self._lowered_multiword:
                match = self._match_lowered(low if same else text.lower(), start, end0, w0)
                if match is not None:
                    found.append(match)
                    last_end = match.end
                    continue
            if lowercased and w0 == "is" and self._lowered_is is not None \
                    and (_NO_VERB_BEFORE.search(low, max(0, start - 10), start)
                         or _NO_COPULA_AFTER.match(text, end0)
                         or (_PAST_AFTER.match(text, end0) and _SENTENCE_OPENS.search(text, max(0, start - 4), start))):
                # "retook the town from is", "fell to is", "the is group": the verb never follows these, nor precedes
                # another verb ("is has captured")
                found.append(ActorMatch(start, end0, raw0, "actor", self._lowered_is))
                last_end = end0
                continue
            if w0 not in names and raw0 not in case_sensitive and not (lowercased and w0 in self._lowered_acronyms):
                continue  # a country word that starts no name
            match = self._match_at(text, start, end0, w0, raw0, low if same else None) \
                if w0 in names or raw0 in case_sensitive else None
            if match is None and lowercased and w0 in self._lowered_acronyms:
                # (also where a longer name begins with it and does not follow: "m23 rebels" is a name, "the m23" too)
                match = ActorMatch(start, end0, raw0, "actor", self._lowered_acronyms[w0])
            if match is not None:
                found.append(match)
                last_end = match.end
        return found, countries

    def _match_lowered(self, low: str, start: int, end0: int, w0: str) -> ActorMatch | None:
        """A case-sensitive name of several words in lower-cased text ("is militants")."""
        entries = self._lowered_multiword[w0]
        raw, ends = [w0], [end0]
        while len(raw) < len(entries[0][0]) and (m := _NEXT_WORD.match(low, ends[-1])):
            raw.append(m.group(1).replace("’", "'"))
            ends.append(m.end())
        for words, aid in entries:
            if tuple(raw[: len(words)]) == words:
                return ActorMatch(start, ends[len(words) - 1], low[start : ends[len(words) - 1]], "actor", aid)
        return None

    def _first_words(self, low: str) -> list[tuple[int, int]]:
        """Spans of the words in lower-cased text that can start a name, as ``_first`` finds them: at a start not
        after a letter or digit, the longest such word not followed by one, none inside the one before."""
        longest: dict[int, int] = {}
        n = len(low)
        for last, length in self._first_words_automaton.iter(low):
            start = last + 1 - length
            if start and low[start - 1].isalnum():
                continue  # inside a word (most hits: "u", "al", "is" are first words)
            end = last + 1
            if (end == n or not low[end].isalnum()) and longest.get(start, 0) < end:
                longest[start] = end
        spans: list[tuple[int, int]] = []
        for start in sorted(longest):
            if not spans or start >= spans[-1][1]:
                spans.append((start, longest[start]))
        return spans

    def _match_at(
        self, text: str, start: int, end0: int, w0: str, raw0: str, low: str | None = None
    ) -> ActorMatch | None:
        """The longest name whose first word is ``text[start:end0]`` ("anti-government" is no actor).

        ``low``: ``text`` lower-cased with the same offsets, when the caller has it (saves lower-casing words).
        """
        node = self._names.get(w0)
        cs_entries = self._case_sensitive.get(raw0, ())
        if (node is None and not cs_entries) or text[max(0, start - 5) : start].lower() == "anti-":
            return None
        # The following words, joined to the first by spaces or hyphens only ("al-Nusra", "al nusra").
        src = low if low is not None and not cs_entries else text
        raw, ends = [raw0], [end0]
        # The longest name: walk the trie while the next word continues some name.
        hit: tuple[int, MatchKind, str | None] | None = None
        while node is not None:
            if node.hit is not None:
                hit = (len(raw), *node.hit)
            if not node.next or not (m := _NEXT_WORD.match(src, ends[-1])):
                break
            raw.append(m.group(1))
            ends.append(m.end())
            word = (raw[-1] if src is low else raw[-1].lower()).replace("’", "'")
            following = node.next.get(word)
            if following is None and word.endswith("'s"):
                # "Jund al-Aqsa's fighters": the possessive ends the name (as it does after a first word)
                raw[-1], ends[-1] = raw[-1][:-2], ends[-1] - 2
                following = node.next.get(word[:-2])
            node = following
        if hit is None and cs_entries:
            while len(raw) < len(cs_entries[0][0]) and (m := _NEXT_WORD.match(src, ends[-1])):
                raw.append(m.group(1))
                ends.append(m.end())
            for cs_words, cs_id in cs_entries:
                if tuple(raw[: len(cs_words)]) == cs_words:
                    hit = (len(cs_words), "actor", cs_id)
                    break
        if hit is None:
            return None
        k, kind, actor_id = hit
        end = ends[k - 1]
        if kind != "actor" and text[max(0, start - 4) : start].lower() == "the ":
            start -= 4  # keep "the army", not "army", as the surface form
        holder = bool(
            _HOLDER_SUFFIX.match(text, end)
            or _HOLDER_NOUN_AFTER.match(text, end)
            or _HOLDER_NOUN_BEFORE.search(text, max(0, start - 40), start)
            or (_HANDS_AFTER.match(text, end) and _IN_BEFORE.search(text, max(0, start - 20), start))
        )
        return ActorMatch(start, end, text[start:end], kind, actor_id, holder)

    def state_forces(self, country: str | None) -> ActorDef | None:
        """The actor "the army" means in an article about ``country``."""
        c = self.countries.get(country or "")
        return self.actors.get(c.state_forces) if c and c.state_forces else None


def _as_tuple(value: object) -> tuple[str, ...]:
    """A YAML scalar or list as a tuple of strings (a single name may be written without brackets)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    raise ValueError(f"expected a name or a list of names, got {value!r}")


def load_registry(paths: Iterable[str | Path]) -> ActorRegistry:
    """Merge YAML registry files (or folders of them, read in name order) into one registry.

    Later files extend earlier ones: an actor id seen again gets the new names added and, if given, a new side;
    a country code seen again likewise. This is how a user adds groups without touching the shipped files.
    """
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p])
    actors: dict[str, ActorDef] = {}
    countries: dict[str, CountryDef] = {}
    generic: dict[str, list[str]] = {"state": [], "state_voice": [], "nonstate": []}
    case_sensitive: dict[str, str] = {}
    for f in files:
        doc = yaml.load(f.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        for entry in doc.get("actors") or ():
            aid = str(entry["id"])
            old = actors.get(aid)
            side = entry.get("side") or (old.side if old else None)
            voice_of = entry.get("voice_of") or (old.voice_of if old else None)
            if side is None and voice_of is None:
                raise ValueError(f"{f}: actor {aid!r} needs a side (or voice_of)")
            names = (*(old.names if old else ()), *_as_tuple(entry.get("names")))
            by_country = dict(old.sides_by_country if old else ())
            for code, c_side in (entry.get("sides_by_country") or {}).items():
                by_country[str(code).upper()] = Side(c_side)
            actors[aid] = ActorDef(
                aid, Side(side) if side else Side.UNKNOWN, names, voice_of, tuple(sorted(by_country.items()))
            )
            for n in _as_tuple(entry.get("case_sensitive_names")):
                case_sensitive[n] = aid
        for entry in doc.get("countries") or ():
            code = str(entry["code"])
            old_c = countries.get(code)
            countries[code] = CountryDef(
                code,
                (*(old_c.names if old_c else ()), *_as_tuple(entry.get("names"))),
                (*(old_c.demonyms if old_c else ()), *_as_tuple(entry.get("demonyms"))),
                entry.get("state_forces") or (old_c.state_forces if old_c else None),
            )
        for key in generic:
            generic[key].extend(_as_tuple((doc.get("generic") or {}).get(key)))
    for c in countries.values():
        if c.state_forces and c.state_forces not in actors:
            raise ValueError(f"country {c.code}: state_forces {c.state_forces!r} is not a known actor")
    _add_demonym_forces(actors, countries)
    return ActorRegistry(
        actors=tuple(actors.values()),
        countries=tuple(countries.values()),
        state=generic["state"],
        state_voice=generic["state_voice"],
        nonstate=generic["nonstate"],
        case_sensitive=case_sensitive,
    )


# "Yemeni forces", "Iraqi federal forces", "Libya's army": a country's demonym before a word for armed forces
# names that country's state forces, unless a file names the phrase itself.
_FORCE_NOUNS = (
    "forces", "troops", "army", "military", "soldiers", "government forces", "government troops",
    "security forces", "federal forces", "armed forces", "special forces", "army troops", "army units",
    "regular forces", "state forces", "commandos", "marines", "paratroopers", "paratroops", "infantry",
    "ground forces", "ground troops", "border guards",
)  # fmt: skip


# "the Iraqi prime minister said", "Syria's defence ministry announced": speakers for the state's forces.
_OFFICIAL_NOUNS = (
    "prime minister", "president", "defence minister", "defense minister", "defence ministry", "defense ministry",
    "ministry of defence", "interior ministry", "military spokesman", "army spokesman", "government spokesman",
    "officials", "military officials", "security officials", "military command", "joint operations command",
    "general command", "high command", "military source", "military sources", "security source",
    "security sources", "armed forces general command",
)  # fmt: skip


def _add_demonym_forces(actors: dict[str, ActorDef], countries: dict[str, CountryDef]) -> None:
    taken = {_words(n) for a in actors.values() for n in a.names}
    for c in countries.values():
        if not c.state_forces:
            continue
        voices = []
        for dem in c.demonyms:
            for noun in _OFFICIAL_NOUNS:
                name, words = _joined(dem, noun)
                if words not in taken:
                    voices.append(name)
                    taken.add(words)
        voice_id = f"{c.state_forces}_officials"
        if voices and voice_id not in actors:
            actors[voice_id] = ActorDef(voice_id, Side.UNKNOWN, tuple(voices), c.state_forces)
        extra = []
        for dem in c.demonyms:
            for noun in _FORCE_NOUNS:
                name, words = _joined(dem, noun)
                if words not in taken:
                    extra.append(name)
                    taken.add(words)
        if extra:
            old = actors[c.state_forces]
            actors[c.state_forces] = ActorDef(
                old.id, old.side, (*old.names, *extra), old.voice_of, old.sides_by_country
            )


@lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    """The shipped registry (``data/actors``), read once per process."""
    return load_registry([DEFAULT_ACTOR_DIR])
