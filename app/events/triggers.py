"""The trigger lexicon: which phrasings report a change of control, and how their arguments are laid out.

Each pattern has a *frame* saying where the place and the actors sit:
- ``active``: AGENT verb PLACES ("rebels seized X", "seizing X", "took full control of X") - the agent gains;
- ``passive``: PLACES aux verb [by AGENT] ("the villages of A, B and C were seized");
- ``fell``: PLACES fell to AGENT ("the town fell to Isis", "X, which fell to rebels");
- ``lost``: LOSER lost PLACES [to AGENT] ("the army lost Idlib to insurgents", "after losing Raqqa");
- ``withdrew``: LOSER withdrew from PLACES;
- ``expel``: AGENT drove LOSER out of PLACES ("expelled Hazm from Regiment 111", "ousting the YPG from X");
- ``expel_passive``: LOSER was driven out of PLACES [by AGENT];
- ``cleared``: AGENT cleared PLACES of LOSER;
- ``handed``: LOSER handed (over) PLACES to AGENT; ``surrendered``: LOSER surrendered PLACES to AGENT;
- ``nominal``: the capture / fall / liberation of PLACES [by|to AGENT];
- ``adjectival``: the liberated neighbourhoods are PLACES;
- ``declared``: AGENT declared PLACES captured ("the SDF declared Baghouz liberated").
Only past, perfect, present-tense and -ing forms are listed: base forms ("to retake", "seize back") are how
intentions, plans and attempts are worded, so leaving them out excludes most of those by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from app.text.tokens import is_word_char

Frame = Literal[
    "active", "passive", "fell", "lost", "withdrew", "expel", "expel_passive", "cleared", "handed", "surrendered",
    "nominal", "adjectival", "declared",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """A compiled trigger. ``weak`` verbs ("took", "claimed") need the place right after them."""

    frame: Frame
    regex: re.Pattern[str]
    keys: frozenset[str] = frozenset()  # lower-case substrings one of which any match contains (a cheap pre-check)


_ADV = (
    r"(?:\s+(?:later|reportedly|also|now|finally|fully|completely|eventually|recently|quickly|then|subsequently|"
    r"successfully|effectively|totally|entirely|all|since|initially|briefly|swiftly|apparently|allegedly|"
    r"officially|largely))*"
)
_CONTROL = (
    r"(?P<control>\s+(?:the\s+)?(?P<ctl>(?:full|total|complete|effective|partial|overall|nominal|sole)\s+)?"
    r"control\s+(?:of|over))"
)
_ACTIVE_VERBS = (
    r"captur(?:ed|ing|es)|seiz(?:ed|ing|es)|recaptur(?:ed|ing|es)|retook|retak(?:en|ing|es)|regain(?:ed|ing|s)|"
    r"liberat(?:ed|ing|es)|overr(?:an|unning|uns)|conquer(?:ed|ing|s)|reclaim(?:ed|ing|s)|took|taken|taking|takes|"
    r"wrest(?:ed|ing)|claim(?:ed|ing)|gain(?:ed|ing|s)|won|win(?:ning|s)?|assum(?:ed|ing)|establish(?:ed|ing)|"
    r"secur(?:ed|ing)|re-?establish(?:ed|ing)|restor(?:ed|ing)|imposed|extend(?:ed|ing)|free(?:d|ing)"
)
# Verbs that only report a change with "control of" ("gained control of X", not "gained ground").
CONTROL_ONLY = re.compile(r"^(?:gain|won|win|assum|establish|secur|re-?establish|restor|imposed|extend)", re.IGNORECASE)
# Verbs too common to trust unless the place follows at once ("took X", not "took part").
WEAK = re.compile(r"^(?:took|taken|taking|takes|claim|free)", re.IGNORECASE)

# "was retaken", "has since been recaptured", "had reportedly been seized": an adverb may sit on either side of
# "been", but "has recaptured" (no "been") is active.
_PASSIVE_AUX = r"(?:(?:was|were|is|are|been|(?:has|have|had|having)" + _ADV + r"\s+been)" + _ADV + r")"
_PASSIVE_VERBS = (
    r"captured|seized|taken(?:\s+over)?|retaken|recaptured|regained|liberated|overrun|conquered|reclaimed|freed|"
    r"handed\s+over(?:\s+to)?|won\s+back|taken\s+back|seized\s+back|surrendered(?:\s+to)?|lost\s+to|"
    r"cleared(?=\s+of\b)|brought\s+under\s+(?:the\s+)?(?:full\s+|total\s+|complete\s+)?control(?:\s+of)?"
)
# "was stormed and taken", "was entered and taken over": an approach verb coordinated with a passive trigger.
_PASSIVE_LEAD = r"(?:(?:stormed|entered|attacked|besieged|encircled|surrounded)\s+and\s+(?:then\s+|later\s+)?)?"

# Stems of every trigger word: the trigger regexes run only on windows around these (speed). Written as a
# character trie because a flat alternation of stems scans slowly in Python's regex engine.
_HINT_WORDS = (
    "captur seiz took taken taking takes takeover take-over retook retak regain liberat overran overrun conquer "
    "reclaim wrest claim control fell fall lost losing lose loss ced withdr pull retreat drov driv expel oust push "
    "forced forcing kick chas rout flush evict clear hand surrender free recaptur back"
)
_HINT_STEMS = tuple(_HINT_WORDS.split())


def _stem_trie(stems: tuple[str, ...]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for stem in stems:
        node = trie
        for ch in stem:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        if "" in node:
            return ""  # a stem ends here: any continuation is fine
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


TRIGGER_HINT = re.compile(r"\b" + _stem_trie(_HINT_STEMS), re.IGNORECASE)

_KEYS: dict[str, str] = {
    "passive": "captured seized taken retaken recaptured regained liberated overrun conquered reclaimed freed handed "
    "won taken surrendered brought lost cleared",
    "expel_passive": "driven expelled ousted pushed forced kicked chased routed flushed evicted cleared",
    "fell": "fell falls falling fallen under surrendered",
    "lost": "lost losing loses ced",
    "withdrew": "withdr pull retreat",
    "expel": "drov driv expel oust push forc kick chas rout flush evict",
    "cleared": "clear",
    "handed": "hand",
    "surrendered": "surrender",
    "nominal": "capture seizure fall liberation takeover take-over conquest loss surrender handover hand-over "
    "retaking capturing seizing",
    "adjectival": "liberated captured recaptured retaken seized conquered",
    "declared": "declar announc pronounc",
    "active": "helped enabled allowed "
    "captur seiz retook retak regain liberat overr conquer reclaim took taken taking takes wrest claim gain "
    "won win assum establish secur restor imposed extend free",
}

_PATTERNS: tuple[tuple[Frame, str], ...] = (
    (
        "passive",
        rf"{_PASSIVE_AUX}\s+(?:(?:declared|announced|confirmed|reported)\s+(?:as\s+)?(?:fully\s+)?)?"
        rf"{_PASSIVE_LEAD}(?P<verb>{_PASSIVE_VERBS})(?:\s+(?:in\s+full|completely|fully))?",
    ),
    (
        "expel_passive",
        # "the militants were cleared from X" (but "X was cleared of militants" is ``passive``)
        rf"{_PASSIVE_AUX}\s+(?P<verb>(?:driven|expelled|ousted|pushed|forced|kicked|chased|routed|flushed|evicted)"
        r"\s+(?:out\s+)?(?:of|from)|cleared\s+(?:out\s+of|from))",
    ),
    (
        "fell",
        r"(?P<verb>(?:fell|falls|falling|had\s+fallen|has\s+fallen|have\s+fallen|fallen)\s+(?:back\s+)?"
        r"(?:to|into\s+(?:the\s+)?hands\s+of|under\s+(?:the\s+)?(?:full\s+|total\s+|complete\s+)?control\s+of)|"
        r"(?:came|come|comes|coming)\s+under\s+(?:the\s+)?(?:full\s+|total\s+|complete\s+)?control\s+of|"
        r"surrendered\s+to)",
    ),
    ("lost", rf"(?P<verb>lost|losing|loses|ced(?:ed|ing)){_CONTROL}?"),
    (
        "withdrew",
        # (its forces, the last troops, all its fighters: not "200 fighters", some of them)
        r"(?P<verb>withdr(?:ew|awn|awing|aws)(?:\s+(?:its|their|his|her|the|all)(?:\s+[\w-]+){1,2})?\s+from|pull(?:ed|ing|s)\s+(?:back\s+from|out\s+of|"
        r"out\s+from)|retreat(?:ed|ing|s)\s+from|"
        # no object: "after regime forces withdrew a day later" - from the place the article is about
        r"(?P<intr>withdrew|pulled\s+out|retreated)(?=\s*[,.;]|\s+(?:a\s+day|later|after|on|overnight|the\s+next|"
        r"hours|days|shortly|yesterday|last|following|amid|without|and|under)\b))",
    ),
    (
        "expel",
        r"(?P<verb>dr(?:ove|iven|iving|ives)|expell?(?:ed|ing|s)?|oust(?:ed|ing|s)?|push(?:ed|ing|es)|"
        r"forc(?:ed|ing)|kick(?:ed|ing|s)|chas(?:ed|ing|es)|rout(?:ed|ing|s)|flush(?:ed|ing|es)|"
        r"evict(?:ed|ing|s))(?P<mid>\s+(?:out\s+)?(?:[\w'’\-]+\s+){1,6}?)(?:out\s+of|from)",
    ),
    ("cleared", r"(?P<verb>clear(?:ed|ing|s))"),
    # ("hands" alone is mostly the noun: "fell into Isis hands in 2014"; the verb "hands over")
    ("handed", r"(?P<verb>(?:hand(?:ed|ing)(?:\s+over)?|hands\s+over)(?:\s+control\s+of)?)"),
    ("surrendered", r"(?P<verb>surrender(?:ed|ing|s))"),
    (
        "nominal",
        r"(?P<verb>(?:capture|seizure|recapture|fall|liberation|takeover|take-over|conquest|loss|surrender|"
        r"handover|hand-over|retaking|recapturing|capturing|seizing)\s+of)",
    ),
    (
        "adjectival",
        r"(?:the\s+)?(?:newly\s+|recently\s+)?(?P<verb>liberated|captured|recaptured|retaken|seized|conquered)\s+"
        r"(?:villages?|towns?|neighbou?rhoods?|districts?|areas?|cities|city|hills?|bases?|positions?)"
        r"(?:\s+(?:are|were|include[sd]?|including)|\s*:)",
    ),
    # One match from the verb to the participle, so the participle is not read as a trigger of its own; the
    # extractor checks that the words between are the places ("declared X captured", not "declared X a zone").
    (
        "declared",
        r"(?P<verb>declar(?:ed|es|ing)|announc(?:ed|es|ing)|pronounc(?:ed|es|ing))\s+"
        # the places, which hold no clause ("announced that rebels had captured X" is the other trigger's)
        r"(?:(?!\b(?:after|before|when|while|as|because|since|that|which|who|where|but|had|has|have|was|were|is|"
        r"are|been|they|it|he|she|we|said|says|a|an)\b)[^.;:!?]){1,120}?"
        r"(?P<done>\s+(?:as\s+)?(?:(?:fully|completely|totally|now|officially)\s+)?(?:captured|liberated|retaken|"
        r"recaptured|freed|free\s+of|cleared\s+of|under\s+(?:(?:its|their|the\s+army's|government)\s+)?"
        r"(?:full\s+|total\s+|complete\s+)?control))",
    ),
    (
        "active",
        # "Russian air power helped Syrian troops retake X": a base form is an event after a past "helped"; the
        # helped party (``ben``) gains.
        r"(?:(?P<helped>helped|enabled|allowed)\s+(?P<ben>(?:[\w'’-]+\s+){1,5}?)(?:to\s+)?"
        r"(?P<hverb>capture|seize|retake|recapture|regain|liberate|take|reclaim|overrun|wrest)|"
        rf"(?P<verb>{_ACTIVE_VERBS}))(?:\s+(?P<part>back|over))?{_CONTROL}?",
    ),
)

TRIGGERS: tuple[TriggerSpec, ...] = tuple(
    TriggerSpec(frame, re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.IGNORECASE), frozenset(_KEYS[frame].split()))
    for frame, pattern in _PATTERNS
)

# Every frame's keys (for text whose lower-casing moves offsets, where ``scan_trigger_words`` cannot be used).
TRIGGER_KEYS = tuple(sorted({key for spec in TRIGGERS for key in spec.keys}))


def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in {*_HINT_STEMS, *TRIGGER_KEYS}:
        automaton.add_word(word, (word, word in _HINT_STEMS, word in TRIGGER_KEYS))
    automaton.make_automaton()
    return automaton


# Hint stems and frame keys in one Aho-Corasick automaton: one pass over an article finds them all (Python's regex
# engine tries a pattern at every word start, and a substring test scans the text once per key).
_TRIGGER_WORDS = _automaton()


def scan_trigger_words(lower: str) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """In lower-cased text: the spans ``TRIGGER_HINT`` would find (a stem at a word start, the shortest there,
    none inside the one before), and every occurrence (start, key) of a frame key, both in order of start."""
    hints: dict[int, int] = {}
    keys: list[tuple[int, str]] = []
    for last, (word, hint, key) in _TRIGGER_WORDS.iter(lower):
        start = last + 1 - len(word)
        if key:
            keys.append((start, word))
        if hint and (start == 0 or not is_word_char(lower[start - 1])):
            hints[start] = min(hints.get(start, last + 1), last + 1)
    keys.sort()
    spans: list[tuple[int, int]] = []
    for start in sorted(hints):
        if not spans or start >= spans[-1][1]:
            spans.append((start, hints[start]))
    return spans, keys
