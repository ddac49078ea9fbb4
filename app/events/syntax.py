"""Control-change frames read from a dependency parse: who gained, who lost, which places, and whether it happened.

Pure: a parsed sentence (spaCy ``Span``) in, :class:`Frame` dataclasses with character offsets out. The roles come
from grammatical relations, not from word order, so one rule covers every sentence shape with that relation:

- active verbs ("Iraqi forces, aided by coalition air strikes, retook Hit"): the gainer is the subject, the place
  the object; "from" names the loser;
- passives ("Hit was retaken by Iraqi forces"): the place is the passive subject, the gainer the by-agent;
- expulsion verbs ("drove IS out of X", "IS was expelled by the army from X"): the object or passive subject is
  the loser, the place the out-of/from complement;
- "fall"/"lose"/"withdraw"/"hand over"/"surrender": the subject is the place (fall) or the loser;
- nominalisations ("the army's capture of the district", "the fall of Baiji to IS"): the of-complement is the
  place, the possessor or by-/to-phrase the gainer;
- a missing object is found where the grammar puts it: the head of a relative clause ("Tal Abyad, the town that
  Kurdish forces recaptured"), the subject shared with a coordinated or governing verb ("... after capturing X").

Places are taken from the whole object phrase: conjuncts, appositives ("its last stronghold, the town of
Rankous"), of-complements ("the village of X"), lists after "including" or a colon. Locative modifiers ("in Hama
province", "west of Aleppo", "inside Tabqa") only locate the place and are left out, and so are containers named as
modifiers ("the Aleppo countryside town of Khanasser", "Aleppo's Sheikh Maqsoud"). Partitive heads ("parts of",
"most of", "the east of") take nothing.

Mood is read from the tree too: negation, modal auxiliaries, conditional clauses, and verbs of intention,
attempt or appeal that govern the trigger ("aims to retake", "urged support to oust IS from X", "the fall of Dabiq
would open the road") make the frame non-factual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from app.geoparse.lexicon import DEMONYMS, DIRECTIONS, TOPONYM_GENERICS

# "ended": a holder's rule the text says ended ("ending Isis rule in X", "held X until 2016"): the holder lost it;
# "changed": the place changed hands, and who gained it is left unsaid (nothing around is read as saying it).
Role = Literal["active", "passive", "expel", "expel_passive", "fall", "lose", "withdraw", "hand", "nominal", "ended",
               "changed"]

# Verb lemmas (and the irregular forms the small model leaves unlemmatised) whose object changes hands.
_TAKE_VERBS = frozenset(
    [
        "capture",
        "seize",
        "retake",
        "recapture",
        "regain",
        "liberate",
        "overrun",
        "conquer",
        "reconquer",  # ("Assad's forces reconquered eastern Ghouta")
        "reclaim",
        "wrest",
        "free",
        "occupy",
        "reoccupy",  # ("Israeli troops reoccupied the West Bank town of Ramallah")
        "retook",
        "overran",
        "took",
        "take",
        "win",
        "won",
        "secure",
        "recover",
        "claw",  # (only with "back": "clawed back Palmyra")
    ]
)
# Take verbs whose object may be anything ("took part", "secured a deal", "recovered bodies"): only a named place or
# a place noun as the object makes a change.
_LOOSE_TAKE_VERBS = frozenset(["take", "took", "secure", "recover"])
# Verbs that need "control" as object ("took control of", "established control over").
# Verbs whose object is a place, never a person ("recaptured X" where "captured X" may be a commander): their named
# object is a place even where the gazetteer lacks it.
_PLACE_ONLY_VERBS = frozenset(["retake", "recapture", "liberate", "overrun", "storm", "regain", "reclaim", "wrest"])
# Verbs whose object a following "before being driven out" is driven out of.
_HOLD_OR_TAKE = frozenset(["hold", "capture", "seize", "take", "control", "occupy", "retake", "recapture", "overrun",
                           "rule"])
# Verbs of a holding that may be said to end at a time ("Isis held Manbij until 2016", ``_held_until``).
_HELD_VERBS = frozenset(["hold", "control", "occupy", "rule"])
# Verbs of running a place ("Manbij has been run by a council since Isis was ousted").
_RUN_VERBS = frozenset(["run", "govern", "administer", "rule"])
_CONTROL_VERBS = frozenset(
    [
        "take",
        "took",
        "gain",
        "establish",
        "assume",
        "impose",
        "secure",
        "restore",
        "reestablish",
        "reassert",
        "extend",
        "seize",
        "wrest",
        "regain",
        "win",
        "have",
        # a party's declaring control of a place announces its taking ("the army declared full control of Aleppo")
        "declare",
        "announce",
        "proclaim",
    ]
)
_DECLARE_VERBS = frozenset(["declare", "announce", "proclaim"])
# Verbs whose passive has "control" as its subject where a place was taken ("control was established over X")
CONTROL_PASSIVE_VERBS = frozenset(["establish", "impose", "restore", "reestablish", "assert", "reassert"])
# What a force "restores to" a place it has taken back, in state media's words
_RESTORED = frozenset(["security", "stability", "authority", "sovereignty"])
# Words that make "changed hands" several changes ("twice", "several times", "repeatedly").
_REPEATED = frozenset(["twice", "times", "repeatedly", "often", "frequently", "several", "many"])
_EXPEL_VERBS = frozenset(
    ["drive", "expel", "oust", "push", "force", "kick", "chase", "rout", "flush", "evict", "clear", "sweep", "dislodge",
     "purge", "eject", "throw", "root", "cleanse", "remove"]
)
# Verbs whose object is the place and whose of-phrase the ones driven out ("cleared X of IS"); with "from", the object
# is who was driven out ("purged the militants from Kobani")
_CLEAR_VERBS = frozenset(["clear", "purge", "cleanse"])  # ("cleansed the city of Sinja of RSF fighters")
_SINCE_UNTIL = frozenset(["since", "until", "till"])
_WITHDRAW_VERBS = frozenset(["withdraw", "retreat", "pull"])
# Nouns of driving out ("the expulsion of IS from Manbij") and of withdrawing ("the withdrawal of fighters from the Old
# City"): the of-phrase or possessor is the one who leaves, the from-phrase the place.
_EXPEL_NOUNS = frozenset(["expulsion", "removal", "ouster", "eviction", "rout"])  # ("the rout of Isis from Mosul")
_WITHDRAW_NOUNS = frozenset(["withdrawal", "pullout", "pull-out", "retreat"])
_NOUN_TRIGGERS = frozenset(
    [
        "capture",
        "seizure",
        "recapture",
        "fall",
        "liberation",
        "takeover",
        "conquest",
        "reconquest",
        "recovery",  # ("the Syrian government's recovery of Quneitra province")
        "re-conquest",
        "loss",
        "surrender",
        "handover",
        "retaking",
        "recapturing",
        "capturing",
        "seizing",
        *_EXPEL_NOUNS,
        *_WITHDRAW_NOUNS,
    ]
)
_FALL_VERBS = frozenset({"fall"})
# Where a place "falls" when it is only classed, not taken ("falls within the de-escalation zone", "falls between the
# two fronts", "fell outside the truce").
_CLASSED_WITHIN = ("within", "inside", "outside", "between", "among", "beyond")
# What a place is held in, that it may fall or slip from ("slipped out of the government's hands")
_HELD_NOUNS = frozenset({"control", "hand", "hands", "grip", "rule", "occupation"})
# Verbs of going into a place by force, which the driving out of its holders coordinated with completes.
_ENTRY_VERBS = frozenset({"storm", "enter", "raid", "overrun", "attack", "assault"})
# Verbs of going into a place ("swept into Afrin", "moved into the town"): entering, with the place after "into".
_INTO_VERBS = frozenset({"sweep", "move", "push", "roll", "pour", "burst", "storm", "advance", "go", "march", "charge"})
# Verbs by which a place passes into someone's control or hands ("came under rebel control", "returned to government
# control"); "came under fire" passes into nothing.
PASS_UNDER_VERBS = frozenset({"come", "return", "pass"})
# Verbs by which control of a place goes to a party ("control of Tabqa passed to the SDF").
_PASSED_VERBS = frozenset({"pass", "shift", "revert", "transfer", "go"})
_CONTROL_DEGREES = frozenset({"full", "total", "complete", "effective", "partial", "overall", "direct", "firm", "the"})
_LOSE_VERBS = frozenset({"lose", "cede", "relinquish"})
# The verbs whose passive tells a change of a place's hands, which participles after it may go on telling.
_CHANGE_VERBS = _TAKE_VERBS | _PLACE_ONLY_VERBS | _LOSE_VERBS
# ("transfer" only control: "transferred control of the area to Iraqi forces")
_HAND_VERBS = frozenset({"hand", "surrender", "transfer"})

# Who a place is cleared of ("cleared the area of all ISIS fighters"), as against mines or rubble.
_FIGHTER_NOUNS = frozenset(["fighter", "militant", "terrorist", "rebel", "insurgent", "jihadist", "gunman", "element",
                            "remnant", "extremist", "militiaman", "mercenary", "troop", "force", "soldier", "presence",
                            "defender", "militia"])
# Governing words that make what they govern unreal: intentions, attempts, appeals, preventions, conditions.
_IRREALIS = frozenset(
    [
        "busy",  # "while the SSNP was busy capturing the camp": under way, not done
        "aim",
        "plan",
        "try",
        "attempt",
        "seek",
        "want",
        "intend",
        "hope",
        "vow",
        "threaten",
        "urge",
        "call",
        "ask",
        "prepare",
        "push",
        "fight",
        "battle",
        "struggle",
        "strive",
        "bid",
        "step",  # "a step towards retaking X"
        "effort",
        "offensive",
        "campaign",
        "operation",
        "plan",
        "goal",
        "objective",
        "prevent",
        "stop",
        "block",
        "fail",
        "refuse",
        "deny",
        "expect",
        "need",
        "order",
        "mobilise",
        "mobilize",
        "send",
        "rush",
        "deploy",
        "launch",
        "begin",
        "start",
        "continue",
        "advance",
        "move",
        "head",
        "march",
        "threat",
        "chance",
        "ready",
        "able",
        "verge",
        "close",
        "brink",
        "point",
        "edge",
        "near",
    ]
)
# Verbs whose that-clause in the bare (subjunctive) form asks for a change rather than reports one.
_MANDATIVE = frozenset(["demand", "insist", "urge", "ask", "request", "require", "propose", "recommend"])
# Verbs whose subject, a change named by a noun, is under way rather than done ("the liberation of X began").
_ONGOING = frozenset(["begin", "start", "continue", "launch", "resume", "stall", "slow", "intensify", "proceed"])
# What a change named by a noun is said to be, in the present, when it is a goal still to reach ("the capture of X
# is key to ...", "is a prerequisite for").
_NEEDED = frozenset({"critical", "crucial", "key", "vital", "essential", "necessary", "important", "prerequisite",
                     "decisive", "paramount", "needed", "required"})
# Dependencies that open a clause of their own: a phrase under one belongs to another verb.
_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "parataxis", "conj"})
_NOT_OBJECT_SIDE = frozenset({"agent", "nsubj", "nsubjpass", "dative"})
# Governors that keep their complement real ("managed to take", "helped troops retake").
_REALIS = frozenset(
    ["manage", "succeed", "help", "enable", "allow", "claim", "say", "appear", "seem", "report", "believe"]
)
# Verbs that report of their subject what a perfect infinitive tells ("Irbil was reported to have fallen", "X is said
# to have been captured", "the town appears to have fallen"): the change is claimed, and its place is that subject.
_RAISING = frozenset(["say", "report", "believe", "appear", "seem", "know", "understand", "think", "confirm"])
# Predicates that deny the report they are said of ("Reports that X had fallen were false").
_FALSE = frozenset(["false", "untrue", "premature", "baseless", "unfounded", "wrong", "inaccurate", "incorrect"])
_MODALS = frozenset(
    ["would", "could", "should", "might", "may", "can", "must", "will", "shall", "'d", "'ll", "wo", "ca"]
)
_DENY = frozenset({"deny", "dismiss", "reject", "refute"})

# Words that make "all" or "the whole" of a place less than all of it ("retook almost all of X").
_ALL_BUT = frozenset({"almost", "nearly", "virtually", "practically", "largely", "mostly"})


def _nearly_all(item: Any) -> bool:
    """ "almost all of Deir ez-Zor", "nearly the whole of Aleppo": all but some of the place is a part of it, the
    eval README's "most of X" (the annotators mark no event for "controlled almost all the base" in the pool)."""
    return _low(item) in ("all", "whole") and any(c.dep_ == "advmod" and _low(c) in _ALL_BUT for c in item.children)


def _not_quite(adverb: Any) -> bool:
    """ "nearly took", "partly fell", "almost completely fell", "all but captured": a change not (yet) whole."""
    low = _low(adverb)
    return low in ("almost", "nearly", "partially", "partly", "virtually", "practically") or (
        low == "all" and any(_low(c) == "but" for c in adverb.children)) or (
        low == "but" and any(_low(c) == "all" for c in adverb.children)) or any(
        c.dep_ == "advmod" and _low(c) in _ALL_BUT for c in adverb.children)


# Heads of an object phrase that name only part of a place.
_PARTITIVE = frozenset(
    [
        "%",
        "percent",
        "part",
        "parts",
        "most",
        "much",
        "half",
        "third",
        "thirds",
        "rest",
        "outskirts",
        "outskirt",
        "edge",
        "edges",
        "suburb",
        "suburbs",
        "east",
        "west",
        "north",
        "south",
        "centre",
        "center",
        "heart",
        "portion",
        "section",
        "sections",
        "area",
        "areas",
        "places",  # ("places the government took back, like Ghouta and Daraa", named, if at all, by the list)
        "neighbourhood",
        "neighborhood",
        "neighbourhoods",
        "neighborhoods",
        "district",
        "districts",
        "quarter",
        "quarters",
        "position",
        "positions",
        "street",
        "streets",
        "road",
        "roads",
        "building",
        "buildings",
        "headquarters",
        "checkpoint",
        "checkpoints",
        # ("captured the farms of Morek" took part of it; "the Mallah farms" are a place named for themselves)
        "farm",
        "farms",
        "orchards",
        "hospital",
        "school",
        "office",
        "line",
        "lines",
        "front",
        "border",
        "borders",
        "boundary",
        "boundaries",
        "territory",
        "territories",
        "ground",
        "land",
        "lands",
        "string",
        "series",
        "number",
        "handful",
        "dozens",
        "scores",
        # "seized swathes of Iraq, including Mosul": a stretch of a place, named by the list after it if any
        "swathe",
        "swathes",
        "swath",
        "swaths",
        "chunk",
        "chunks",
        "tract",
        "tracts",
        "stretch",
        "stretches",
        "pocket",
        "pockets",
        "expanse",
        "expanses",
        # "retook more than 500 square kilometres in the Kharkiv region, including Balakliia and Kupiansk"
        "kilometres",
        "kilometers",
        "km",
        "miles",
        "hectares",
    ]
)
# Facilities a text names by the town they are at ("the airbase at Tabqa").
_SITED_FACILITIES = frozenset({"airbase", "airport", "airfield", "base", "dam", "crossing", "terminal"})
# Partitive nouns that a name of its own can follow ("the district of Sheikh Maqsoud").
_NAMED_PARTS = frozenset(
    (  # noqa: SIM905 (a word list reads better as words)
        "area areas district districts neighbourhood neighborhood neighbourhoods neighborhoods quarter quarters "
        "position positions suburb suburbs"
    ).split()
)
# A town's port is the town's ("Hodeidah's port", "the port of Hodeidah"): the name that owns it is the place.
_TOWN_PORTS = frozenset(["port", "harbour", "harbor", "seaport"])
# Parts of a city: "the Ramouseh district of Aleppo" names the part before the noun, the city after "of".
_CITY_PARTS = frozenset(["district", "neighbourhood", "neighborhood", "quarter", "suburb"])
# Words that single one part out among a place's many ("the last district of Aleppo", "another neighbourhood of X").
_ONE_AMONG = frozenset(["last", "first", "final", "remaining", "another", "second", "third", "fourth", "one"])
# Complements that make "won"/"captured" a civil contest ("won control of Gaza in the 2006 election").
_CIVIL = frozenset(
    [
        "election",
        "elections",
        "vote",
        "poll",
        "polls",
        "ballot",
        "race",
        "match",
        "game",
        "final",
        "league",
        "seat",
        "seats",
    ]
)
# Prepositions whose complement only locates the object ("villages west of Hama", "a base inside Tabqa").
_LOCATIVE_PREPS = frozenset(
    [
        "in",
        "near",
        "at",
        "inside",
        "outside",
        "around",
        "within",
        "across",
        "along",
        "on",
        "by",
        "into",
        "between",
        "beyond",
        "off",
        "towards",
        "toward",
        "behind",
    ]
)
# Compass words: "eastern Saraqeb", "west of Aleppo" ("pushed out of central Khartoum": the city centre; "Central
# Darfur" is a name the gazetteer knows).
_COMPASS = DIRECTIONS
# Common nouns that re-name a place mentioned before ("the city", "the town").
PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "villages",
        "towns",
        "cities",
        "district",
        "province",
        "governorate",
        "region",
        "area",
        "base",
        "camp",
        "airbase",
        "airport",
        "hill",
        "hilltop",  # ("the strategic hilltop of Tal al-Ais")
        "mountain",
        "ridge",
        "stronghold",
        # ("the key rail hub of Kupiansk", "the road junction of Saraqeb")
        "hub",
        "junction",
        "crossroads",
        "foothold",
        "redoubt",
        "enclave",
        "bastion",
        "capital",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "crossing",
        "dam",
        "field",
        "oilfield",
        "port",
        "terminal",  # ("the oil terminal of Ras Lanuf", the Libyan war's)
        # (the Russian defence ministry's and Syrian state media's word: "liberated the settlement of X")
        "settlement",
        "settlements",
        "hamlet",
        "hamlets",
        # (Al-Masdar's word for a facility named just before: "seizing this aforementioned site")
        "site",
    ]
)
# Head words of a named place or facility ("Al-Hamdan Airbase", "Hill 30", "Badr Mosque", "Castillo Complex"): a
# proper name ending in one names a place even where no gazetteer lists it.
FACILITY_WORDS = frozenset(
    [
        "depot",  # ("the Mahin arms depot")
        "airbase",
        "airport",
        "base",
        "hill",
        "hills",
        "hilltop",
        "hilltops",
        "mount",
        "mountain",
        "mountains",
        "mosque",
        "school",
        "hospital",
        "tower",
        "complex",
        "camp",
        "checkpoint",
        "checkpoints",
        "crossing",
        "dam",
        "field",
        "oilfield",
        "gasfield",
        "factory",
        "headquarters",
        "station",
        "farms",
        "project",
        "berms",
        "quarries",
        "roundabout",
        "junction",
        "crossroad",
        "crossroads",
        "battalion",
        "division",
        "regiment",
        "academy",
        "college",
        "prison",
        "palace",  # ("the Republican Palace, which the RSF seized")
        "island",
        "islands",
        "peak",
        "ridge",
        "heights",
        "valley",
        "plain",
        "plateau",
        "port",
        "harbour",
        "harbor",
        "bridge",
        "square",
        "quarter",
        "district",
        "neighbourhood",
        "neighborhood",
        "village",
        "town",
        "city",
    ]
)
# Of those, the ones whose antecedent the article names reliably ("the city" two sentences after its name).
RESOLVABLE_NOUNS = frozenset(["city", "town", "village", "district", "province", "governorate", "area", "site",
                              "capital", "enclave", "suburb"])
_PRONOUNS = frozenset({"it"})
ACTOR_PRONOUNS = frozenset({"it", "they", "them", "we", "he", "she", "its", "their", "who", "which", "that"})


@dataclass(frozen=True, slots=True)
class Frame:
    """One trigger with its roles as character spans of the sentence's document.

    ``places``: spans of the phrases that name the changed places (each is matched to the geoparser's mentions by
    the caller); ``place_nouns``: (offset, noun) of bare place nouns or pronouns ("the city", "it") to resolve to
    an antecedent, and of indefinite ones ("a town") that a later sentence may name. ``gainer``/``loser``: spans of
    the actor phrases, None where the sentence names none.
    """

    trigger_start: int
    trigger_end: int
    lemma: str
    role: Role
    places: tuple[tuple[int, int], ...]
    place_nouns: tuple[tuple[int, str], ...]
    gainer: tuple[int, int] | None
    loser: tuple[int, int] | None
    factual: bool
    why_not: str | None = None
    excluded: tuple[tuple[int, int], ...] = field(default=())
    compassed: tuple[tuple[int, int], ...] = field(default=())  # compass words before a name ("eastern Saraqeb")
    marked: tuple[tuple[int, int], ...] = field(default=())  # place spans the grammar vouches for (see _place_phrases)


# The past of trigger verbs too rare for the small model's tagger: "retook" comes out a noun or a present ("The army
# retook Morek": NN, VBP), and the lemmatizer, which has it in its verb exceptions, then keeps "retook". A word of
# these is the verb wherever the parse gives it a subject or an object.
_PAST_OF_RARE_VERBS = {"retook": "retake", "reoccupied": "reoccupy", "overran": "overrun"}  # (lemmatizer: "reoccupie")


def _lemma(tok: Any) -> str:
    return _PAST_OF_RARE_VERBS.get(str(tok.lower_)) or str(tok.lemma_).lower()


def _low(tok: Any) -> str:
    return str(tok.lower_)


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _marked_by(clause: Any, words: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether a subordinate clause opens with one of ``words`` ("since", "after") as its marker."""
    return any(_low(c) in words for c in _children(clause, "mark"))


def _relative_antecedent(tok: Any) -> Any:
    """ "the town of Ras al-Ain from which the jihadists were expelled": "which" stands for the noun its clause
    hangs on."""
    if _low(tok) not in ("which", "whom", "that", "where", "whose"):
        return tok
    clause = tok
    for _ in range(4):
        if clause.dep_ == "relcl":
            head = _relative_head(clause)
            return head if head is not None else tok
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return tok


def _prep_objects(tok: Any, *preps: str) -> list[Any]:
    """Complements of ``tok``'s prepositions ``preps`` ("from X", "out of X", "into the hands of X"); a relative
    pronoun stands for its antecedent."""
    return [_relative_antecedent(o) for o in _prep_objects_raw(tok, *preps)]


def _prep_objects_raw(tok: Any, *preps: str) -> list[Any]:
    out = []
    # (a preposition the parser hangs on the verb's "back"/"away": "was wrested back from the insurgents")
    backs = [c for c in tok.children if c.dep_ in ("advmod", "prt") and _low(c) in ("back", "away")]
    # (and a preposition coordinated with another of the verb's: "expelled the group from Kobani in 2015 and from
    # Manbij a year later", the parser hanging the second on the first's neighbour, or on the verb as a conjunct)
    gapped = [q for c in tok.children if c.dep_ == "prep" for q in c.children if q.dep_ == "conj" and q.tag_ == "IN"]
    gapped += [c for c in tok.children if c.dep_ == "conj" and c.tag_ == "IN"]
    for p in [*tok.children, *(q for b in backs for q in b.children), *gapped]:
        if (p.dep_ not in ("prep", "agent", "dative", "prt") and p not in gapped) or _low(p) not in preps:
            continue
        objs = [_name_before_time(o) or o if o.dep_ == "pcomp" else o for o in _children(p, "pobj", "pcomp")]
        if _low(p) == "by":
            objs = [o for o in objs if not _a_time(o) and _low(o) not in _TIME_SPANS]  # "by August": a time, no agent
        if not objs:  # "out of": out -> prep(of) -> pobj
            for q in _children(p, "prep"):
                if _low(q) in ("of", "from"):
                    objs.extend(_children(q, "pobj"))
        out.extend(objs)
    return out


_TIME_AFTER = frozenset({"earlier", "later", "ago", "before", "afterwards"})
_TIME_SPANS = frozenset({"end", "beginning", "start", "middle", "close", "morning", "evening", "afternoon", "night"})


def _name_before_time(comp: Any) -> Any | None:
    """ "the village of Lastochkyne days earlier": the parser makes the name a compound of the time and the time the
    preposition's complement; the name is the object."""
    if _low(comp) not in _TIME_AFTER:
        return None
    for unit in _children(comp, "npadvmod"):
        names = [c for c in unit.children if c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") and c.i < unit.i]
        if names:
            return names[-1]
    return None


_FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})


def _span(
    tok: Any, *, stop_deps: frozenset[str] = frozenset({"relcl", "acl", "advcl", "punct", "cc"}),
    below_participle: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """Character span of the phrase headed by ``tok``, without its clauses; ``below_participle``: what a participle
    clause kept in the phrase leaves out of it too."""
    toks = [tok]
    # (nor a floating quantifier the parser hangs on the first conjunct: "Nyabibwe and Dutu both fell")
    stack = [c for c in tok.children if c.dep_ not in stop_deps and c.dep_ != "conj"
             and not (c.dep_ == "appos" and (_low(c) in _FLOATING_QUANTIFIERS or _glossed(c)))]
    while stack:
        t = stack.pop()
        toks.append(t)
        # (nor a verb the parser conjoins to a noun of the phrase: "regained Salma, the rebel stronghold in the
        # Latakia mountains, and broken the siege of Kuweires airbase" tells a second predicate)
        stack.extend(c for c in t.children
                     if c.dep_ not in stop_deps and not (t.dep_ == "acl" and c.dep_ in below_participle)
                     and not (c.dep_ == "conj" and c.tag_.startswith("VB")))
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    stack = list(_children(tok, "conj", "appos"))
    while stack:
        t = stack.pop(0)
        if not _glossed(t):  # (a gloss is none, but what the parser coordinates with it is: "X (the barricades) and Y")
            out.append(t)
        stack.extend(_children(t, "conj", "appos"))
    return out


def _glossed(appos: Any) -> bool:
    """ "Telal Hakema ( Hakema hills)", "Hilal al-Dusham (the barricades)": an appositive in brackets glosses the name
    before it (a translation, a region), no second place."""
    left = appos.left_edge.i
    return appos.dep_ == "appos" and left > 0 and appos.doc[left - 1].text == "("


# What a place is the centre of ("the capital of", "the commercial hub of"): said of a name, the of-phrase holds it.
CENTRE_NOUNS = frozenset({"capital", "hub", "gateway", "heart", "centre", "center", "seat"})


def _place_phrases(
    head: Any,
    compassed: list[tuple[int, int]] | None = None,
    marked: list[tuple[int, int]] | None = None,
    named_place: bool = False,
) -> tuple[list[tuple[int, int]], list[tuple[int, str]], list[tuple[int, int]], bool]:
    """The place spans named by an object phrase headed by ``head``; bare place nouns; excluded (locative) spans;
    and whether the phrase names only part of a place.

    ``marked`` collects the spans the grammar itself says are places ("the village of X", "X Airbase", "the X
    district"), which a caller may keep as places even where the gazetteer knows no such name; ``named_place``:
    ``head`` is the name a place noun introduced.
    """
    head = _quantified_antecedent(head) or head
    spans: list[tuple[int, int]] = []
    nouns: list[tuple[int, str]] = []
    excluded: list[tuple[int, int]] = []
    partial = False
    if compassed is None:
        compassed = []
    if marked is None:
        marked = []
    for item in _conjuncts(head):
        low = _low(item)
        lemma = _lemma(item)
        # (not whom a place is cleared of: "cleared the area of all ISIS fighters" is no part of the fighters)
        ofs = [o for o in _prep_objects(item, "of", "over") if _lemma(o) not in _FIGHTER_NOUNS]
        # (a name the parser hangs as an adjective is still the noun's name: "the regime's recapture of Aleppo city")
        # ("restored security to al-Qaryatain town": the tagger may read the name an adjective in either relation)
        named_compounds = [c for c in item.children if ((c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS"))
                           or (c.dep_ in ("amod", "compound") and _name_as_adjective(c)))
                           # ("Sinjar, the Yazidi town they recaptured": a people's word describes, names nothing)
                           and not (_low(c) in DEMONYMS and low in PLACE_NOUNS)]
        # ("the Damascus suburb of Douma", "the Kyiv suburb of Bucha": a suburb named after its city is the of-phrase's
        # own place, as "the Nineveh village of Imam Gharbi" is; "the Ramouseh district of Aleppo" the other way)
        city_part = lemma in _CITY_PARTS and not (lemma == "suburb" and item.tag_ == "NN" and any(
            o.tag_ in ("NNP", "NNPS") for o in ofs))
        called = _called(item) if low in PLACE_NOUNS or lemma in PLACE_NOUNS or low in FACILITY_WORDS else None
        if called is not None:
            # "an area known as Tal Ali", "a village called Um Turayka": the name the noun is given is the place
            spans.append(_head_span(called, excluded))
            marked.append(spans[-1])
            continue
        apposed = _name_before_apposed_noun(item)
        if apposed is not None:
            # "seized Zamzouna a village in Hama province", "captured Kinsabba a strategic town in Latakia": in a text
            # that lost its commas (FA-KES) the appositive that calls the name a place is parsed as a second object
            span = _head_span(apposed, excluded)
            if span not in spans:
                spans.append(span)
            marked.append(span)
            continue
        listed_before = _names_listed_before(item, excluded)
        if listed_before:
            # "Shaffa and Shindiffu villages", "the Zoumara, Bqaita and Harmaliya villages", "El Waregow, Shalanbod
            # and Janale towns": names coordinated before a plural place noun are each a place the noun vouches for
            spans.extend(listed_before)
            marked.extend(listed_before)
            _exclude_locatives(item, excluded)
            continue
        if low in _COMPASS and ofs and item.tag_ not in ("NNP", "NNPS"):
            named = [c for c in item.children if c.dep_ == "compound" and c.i < item.i]
            if named and any(_namelike(c) or c.tag_ in ("NNP", "NNPS")
                             or (_low(c) in FACILITY_WORDS and any(x.tag_ in ("NNP", "NNPS") for x in c.children))
                             for c in named):
                # "al-Masasneh village southwest of Mourek", parsed with the compass word as the head: the name
                # (and its place noun) before it is the place, the of-phrase only locates it
                start = min(c.left_edge.idx for c in named)
                last = max(named, key=lambda c: c.i)
                spans.append((start, last.idx + len(last.text)))
                marked.append(spans[-1])
                excluded.extend(_span(o) for o in ofs)
                continue
        if low == "capital" and item.dep_ == "appos" and not ofs:
            # "Mekelle, the Tigray regional capital", "Kafr Zita, the Hama provincial capital": the name before
            # "capital" is what it is the capital of
            excluded.extend(_span(c) for c in item.children
                            if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < item.i
                            and c.tag_ in ("NNP", "NNPS"))
            continue
        if low == "capital" and item.tag_ not in ("NNP", "NNPS") and any(
                c.dep_ == "appos" and c.i > item.i for c in item.children):
            # "the Tigrayan capital Mekelle", "the Hama provincial capital, Kafr Zita": the name before "capital" is
            # what it is the capital of where an appositive names the capital itself
            excluded.extend(_span(c) for c in item.children if c.i < item.i and (
                (c.dep_ in ("compound", "nmod", "poss") and c.tag_ in ("NNP", "NNPS")) or c in named_compounds))
        elif named_compounds and ofs and not city_part and item.tag_ not in ("NNP", "NNPS"):
            excluded.extend(_span(c) for c in named_compounds)  # "the Nineveh village of Imam Gharbi": a container
        elif named_compounds and item.tag_ == "NNS" and low in PLACE_NOUNS:
            # "six major West Bank cities": a count of unnamed places in a named region, no place of its own
            partial = True
            excluded.append(_span(item, stop_deps=frozenset({"relcl", "punct", "cc"})))
            continue
        elif named_compounds and item.dep_ == "appos" and _namelike(item.head) and item.tag_ == "NN" \
                and _is_definite(item) and not ofs:
            # "recaptured Lalibela, the UNESCO world heritage site": a description of the name before, no place of
            # its own
            continue
        elif _old_quarter(item):
            # "retook the old city", "Mosul's old city", "the old city of Raqqa": the historic quarter, a district of
            # its own (the Guardian writes the Old City in lower case, as lower-cased copies do), not the city whole
            start = min(c.idx for c in item.children if c.dep_ == "amod" and _low(c) == "old")
            _keep_named_part(item, start, ofs, spans, marked, excluded)
            continue
        elif named_compounds and (low in PLACE_NOUNS or low in _PARTITIVE) and (
            item.tag_ not in ("NNP", "NNPS") or (ofs and (lemma in _CITY_PARTS or (
                low in ("city", "town") and [_low(c) for c in named_compounds] == ["old"])))
        ):
            # (the noun capitalised as part of the name: "the Christian Quarter of Damascus", "the Old City of Homs";
            # but "the Holy City of Karbala" is Karbala)
            # "the Ramouseh district of Aleppo": a part of a city carries its own name; the of-phrase is the city
            # "Aleppo's Sheikh Maqsoud district", "the Shaer gas field": the name the noun carries
            start = min(c.left_edge.idx for c in named_compounds)
            if _is_indefinite(item):
                # "overran an African Union base in El Baraf": one of its owner's many, no name of its own
                excluded.append(_span(item, stop_deps=frozenset({"relcl", "punct", "cc"})))
                continue
            _keep_named_part(item, start, ofs, spans, marked, excluded)
            continue
        # "the district centre of Musa Qala", "the provincial center of X", "the district headquarters of X" (as Afghan
        # war reporting says it): the seat of a division is the town itself (unless an appositive names it: "the
        # administrative centre of Gedo region, Bardera"); "the group's headquarters" is a building
        seat = low in ("centre", "center", "headquarters") and any(_low(c) in _DIVISION_WORDS for c in item.children
                                                    if c.dep_ in ("compound", "amod")) and not any(
            ap.dep_ == "appos" and ap.tag_ in ("NNP", "NNPS") for o in ofs for ap in o.children)
        # ("seized four of Darfur's five state capitals, including Nyala": a number of them is a part too)
        partitive = (low in _PARTITIVE or lemma in _PARTITIVE or low in _COMPASS or (item.tag_ == "CD" and ofs)
                     or _nearly_all(item)) and not seat
        if lemma in _CITY_PARTS and item.tag_ == "NN" and ofs and (_is_indefinite(item) or any(
                c.dep_ in ("amod", "det") and _low(c) in _ONE_AMONG for c in item.children)):
            # "a neighbourhood of Damascus", "the last rebel-held district of Aleppo": one of the place's parts, which
            # the of-phrase holds (as "the eastern neighbourhoods of Aleppo" are), not the place; an appositive
            # names the part ("another neighbourhood of Aleppo, al-Sakhour")
            renamed = [ap for o in ofs for ap in o.children if ap.dep_ == "appos" and ap.tag_ in ("NNP", "NNPS")]
            for ap in renamed:
                spans.append(_head_span(ap, excluded))
                marked.append(spans[-1])
            partial = partial or not renamed
            excluded.extend(_span(o, stop_deps=frozenset({"appos", "punct", "relcl", "acl"})) for o in ofs)
            continue
        # "the district of Sheikh Maqsoud", "the villages of A and B": a named part is a place of its own
        named_part = (
            low in _NAMED_PARTS and _named_of(ofs) and (item.tag_ != "NNS" or len(_conjuncts(ofs[0])) > 1)
        )
        if partitive and not named_part and item.tag_ not in ("NNP", "NNPS") and (ofs or low not in PLACE_NOUNS):
            renamed = [
                ap
                for o in ofs
                for ap in o.children
                if ap.dep_ == "appos" and ap.i > o.i and ap.tag_ in ("NNP", "NNPS") and item.tag_ == "NN"
            ]
            if renamed and _is_definite(item):
                # "the commercial centre of Adamawa State, Mubi": the appositive names the one place the phrase
                # describes; the of-phrase is its container
                for ap in renamed:
                    spans.append(_head_span(ap, excluded))
                    marked.append(spans[-1])
                excluded.extend(_span(o, stop_deps=frozenset({"appos", "punct", "relcl", "acl"})) for o in ofs)
                continue
            # (the list may hang on the of-phrase: "four of Darfur's five state capitals, including Nyala")
            listed = _listed(item) or [t for o in ofs for t in _listed(o)] or _listed_after(item)
            if listed:  # "areas newly retaken by Assad including Aleppo, Ghouta and Darayya"
                spans.extend(_head_span(t, excluded) for t in listed)
                marked.extend(spans[-len(listed) :])
                continue
            partial = True
            excluded.append(_span(item, stop_deps=frozenset({"relcl", "punct", "cc"})))
            continue
        sited = [
            o
            for c in item.children
            if c.dep_ == "prep" and _low(c) in ("at", "in", "near", "outside")
            for o in _children(c, "pobj")
            if o.tag_ in ("NNP", "NNPS")
        ]
        if low in _SITED_FACILITIES and sited and not ofs and _is_definite(item):
            # "the airbase at Tabqa", "the military airport near Deir ez-Zor": the eval README's facility named by its
            # town (the geoparser resolves the airfield from the cue); "a military base in X" names no facility
            spans.append(_head_span(sited[0], excluded))
            continue
        if low in CENTRE_NOUNS and item.dep_ == "appos" and ofs and (low == "capital" or _namelike(item.head)):
            # "El Geneina, the capital of West Darfur", "Mubi, the commercial hub of Adamawa State": the appositive
            # describes the place; the of-phrase holds it
            excluded.extend(_span(o) for o in ofs)
            continue
        renamed_capital = [ap for o in ofs for ap in o.children if low == "capital"
                           and ap.dep_ == "appos" and ap.i > o.i and ap.tag_ in ("NNP", "NNPS")]
        if renamed_capital:
            # "retook the capital of Gezira state, Wad Madani": the appositive names the capital; the of-phrase only
            # holds it
            for ap in renamed_capital:
                spans.append(_head_span(ap, excluded))
                marked.append(spans[-1])
            excluded.extend(_span(o, stop_deps=frozenset({"appos", "punct", "relcl", "acl"})) for o in ofs)
            continue
        if item.tag_ == "NNS" and ofs and (lemma in PLACE_NOUNS or low == "hills") and any(
                (c.dep_ == "nummod" or _low(c) in _SOME) and c.i < item.i for c in item.children) \
                and not any(_namelike(x) for x in _conjuncts(ofs[0]) if x.i != ofs[0].i):
            # "captured several hills of the Jabal Akrad", "two villages of Hama province": some places of the
            # of-phrase's area, which was not taken; named, if at all, in a list ("..., including A", "...: A, B and C")
            # (not "the two villages of A and B", whose of-phrase names them)
            excluded.extend(_span(o) for o in ofs)
            listed = _listed(item) or _listed_after(item)
            spans.extend(_head_span(t, excluded) for t in listed)
            marked.extend(spans[-len(listed) :] if listed else [])
            partial = partial or not listed
            continue
        if lemma == "control" or low in PLACE_NOUNS or lemma in PLACE_NOUNS or low in ("villages", "towns", "hills") \
                or seat:
            # "control of X", "the village of X", "three villages west of Hama: A, B and C"; not the people a town is
            # "of" ("a town of Christians and Sunni Muslims")
            named = [o for o in ofs if not _inhabitants(o) and _lemma(o) not in _HOLDER_NOUNS]
            for o in named:
                for inner in _conjuncts(o):
                    # "the village of X" (X vouched for as a place), "control of the Shaer gas field"
                    sub_spans, sub_nouns, sub_excl, sub_partial = _place_phrases(
                        inner, compassed, marked, named_place=True
                    )
                    spans.extend(sub_spans)
                    nouns.extend(sub_nouns)
                    excluded.extend(sub_excl)
                    partial = partial or sub_partial
            listed = _listed(item) or _listed_after(item)
            spans.extend(_head_span(t, excluded) for t in listed)
            if listed and lemma != "control":
                marked.extend(spans[-len(listed) :])
            named_after: list[tuple[int, int]] = []
            owners = [c for c in item.children if c.dep_ == "poss" and c.tag_ in ("NNP", "NNPS")]
            if not named and not listed and low in _TOWN_PORTS and owners and item.tag_ not in ("NNP", "NNPS"):
                # "seized Hodeidah's port": the port of the town that owns it, as "the port of Hodeidah" is
                spans.extend(_head_span(o, excluded) for o in owners)
            elif not named and not listed and lemma != "control" and not (
                    # ("Izium, the town they captured in April": the noun describes the name, which is the place)
                    item.dep_ == "appos" and item.tag_ not in ("NNP", "NNPS") and _namelike(item.head)):
                if item.tag_ in ("NNP", "NNPS"):
                    spans.append(_head_span(item, excluded))
                    marked.append(spans[-1])  # "the Old City": a name made of a place noun
                elif _is_definite(item) and low in RESOLVABLE_NOUNS and not any(
                        c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS") for c in item.children):
                    nouns.append((item.idx, low))  # (not "the Ukrainian capital Kiev": the appositive names it)
                elif low in RESOLVABLE_NOUNS and _is_indefinite(item):
                    nouns.append((item.idx, "a " + low))  # "captured a town near Aleppo": named, if at all, after
                    # ("a Hama province village": the name before the noun only locates it)
                    excluded.extend(_span(c) for c in item.children if c.dep_ in ("compound", "nmod") and c.i < item.i)
                elif item.tag_ == "NNS" and lemma in RESOLVABLE_NOUNS and _points_back(item):
                    nouns.append((item.idx, low))  # "those villages", "the above-mentioned towns": a list told before
                if item.tag_ not in ("NNP", "NNPS") and lemma in _NAMEABLE_HEADS:
                    # "its last urban stronghold in Syria, Hajin": the parser hangs the name on the locative's object
                    named_after = [_head_span(name, excluded) for name in _appositive_past_locative(item)]
                    spans.extend(named_after)
                    marked.extend(named_after)
            _exclude_locatives(item, excluded)
            for a, _ in named_after:  # (the locative ends before the name: "in Syria")
                excluded[:] = [(x, min(y, a - 2)) if x < a < y else (x, y) for x, y in excluded]
            continue
        if low in _PRONOUNS:
            nouns.append((item.idx, "it"))
            continue
        if low in ("all", "whole", "entire", "entirety") and ofs:
            # "all of Hasakah province", "the whole of X": the place itself
            for o in ofs:
                sub = _place_phrases(o, compassed, marked)
                spans.extend(sub[0])
                nouns.extend(sub[1])
                excluded.extend(sub[2])
            listed = _listed(item) or _listed_after(item)
            if listed:
                # "had lost almost all of its territory, including Mosul and Raqqa": the names listed are taken whole
                spans.extend(_head_span(t, excluded) for t in listed)
                marked.extend(spans[-len(listed) :])
            continue
        if item.tag_ not in ("NNP", "NNPS") and item.pos_ != "PROPN" and not _capitalised_inside(item) \
                and not (named_place and item.dep_ == "compound" and item.is_title):  # ("Idlib" tagged JJ)
            if not _cased(item) and item.pos_ in ("NOUN", "ADJ", "VERB", "X"):
                # Lower-cased copies tag names as common words: the word itself (with the words compounded into
                # it) may still be a name the gazetteer knows ("captured morek"), never its of-phrase
                spans.append(_compound_span(item))
            continue  # "the commander of the Saraqeb garrison": a person or thing, not a place
        compass = [
            c
            for c in item.children
            if c.dep_ in ("amod", "compound") and _low(c) in _COMPASS and not _children(c, "prep")
        ]
        if compass:
            # "eastern Saraqeb" is part of the town, "Eastern Ghouta" a region's name: the caller tells them apart
            # by whether the gazetteer's name covers the compass word.
            spans.append((compass[0].idx, item.idx + len(item.text)))
            compassed.append((compass[0].idx, compass[0].idx + len(compass[0].text)))
            continue
        spans.append(_head_span(item, excluded))
        if _described_as_a_place(item):
            # the name alone (its appositive is a description, which may name the country: "with Uganda")
            spans[-1] = _span(item, stop_deps=frozenset({"relcl", "acl", "advcl", "punct", "cc", "appos", "prep"}))
        if named_place or low in FACILITY_WORDS or _opens_with_generic(item) or _described_as_a_place(item) \
                or _numbered_unit(item) or _apposed_stronghold(item):
            # a conjunct of "the villages of A, B and C"; "Al-Hamdan Airbase", "Hill 30", "Jabal al-Zahiyah"; the
            # object of a verb only places take ("recaptured Surjah Kabira")
            marked.append(spans[-1])
        for t in _listed(item):
            spans.append(_head_span(t, excluded))
    for named in (n for item in _conjuncts(head) for p in _locatives(item) for n in _settlements_conjoined(p)):
        # ("captured the village of Krokhmalne in the Kharkiv region and the hamlet of Tykhomyrivka": the parser
        # conjoins the second object to the locative's noun)
        sub = _place_phrases(named, compassed, marked, named_place=True)
        spans.extend(sub[0])
        excluded.extend(sub[2])
    return spans, nouns, excluded, partial


_CONJOINED_SETTLEMENTS = frozenset({"town", "city", "village", "hamlet", "settlement"})


def _locatives(tok: Any) -> list[Any]:
    """``tok``'s locative prepositions ("in", "near", "on" ...)."""
    return [p for p in _children(tok, "prep") if _low(p) in _LOCATIVE_PREPS]


def _common_nouns_of(prep: Any) -> list[Any]:
    """The complements of ``prep`` that are no proper names ("the Kharkiv region", "the Iranian border"): what the
    parser may conjoin the next object to."""
    return [w for w in _children(prep, "pobj") if w.tag_ not in ("NNP", "NNPS")]


def _settlements_conjoined(prep: Any) -> list[Any]:
    """Settlement nouns that introduce a name ("the hamlet of X") conjoined to the common noun of the locative
    ``prep`` ("in the Kharkiv region and the hamlet of X"): a place is not located in a region and a village at once,
    so the conjunct is the next object."""
    return [n for w in _common_nouns_of(prep) if _lemma(w) not in _CONJOINED_SETTLEMENTS
            for n in _children(w, "conj") if _lemma(n) in _CONJOINED_SETTLEMENTS
            and any(_low(p) == "of" for p in _children(n, "prep"))]


# Units whose bases are named after them ("the 93rd Brigade"); extract.py looks for their names before parsing.
UNIT_NOUNS = frozenset(["brigade", "division", "regiment", "battalion"])
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


_DIVISION_WORDS = frozenset(["district", "provincial", "province", "administrative", "regional", "county", "municipal"])


_NAMING_VERBS = frozenset(["know", "call", "name", "dub"])


def _called(noun: Any) -> Any | None:
    """The name a participle gives ``noun`` ("an area known as X", "a village called X", "the hill named X")."""
    for acl in _children(noun, "acl"):
        if _lemma(acl) not in _NAMING_VERBS or acl.tag_ != "VBN":
            continue
        named = _prep_objects_raw(acl, "as") + _children(acl, "oprd", "attr", "dobj")
        named = [n for n in named if n.tag_ in ("NNP", "NNPS") or _namelike(n)]
        if named:
            return named[0]
    return None


def _quantified_antecedent(tok: Any) -> Any | None:
    """ "Morek and Kafr Zita, all of which fell to the army", "Aleppo and Douma, both of which have been returned
    to regime control": the list before the comma (its first conjunct, whose conjuncts follow), wherever the parser
    hung the clause."""
    if _low(tok) not in ("all", "both", "each") or not any(_low(o) == "which" for o in _prep_objects_raw(tok, "of")):
        return None
    before = tok.left_edge.i - 1
    if before > 0 and tok.doc[before].text == ",":
        before -= 1
    if before < 0:
        return None
    named = tok.doc[before]
    seen = 0
    while named.dep_ in ("conj", "compound") and named.head.i != named.i and seen < 8:
        named = named.head
        seen += 1
    return named if _namelike(named) else None


# People who are driven out of a place without its changing hands.
_CIVILIAN_NOUNS = frozenset(["civilian", "resident", "inhabitant", "villager", "refugee", "family", "people",
                             "population", "citizen", "household", "child", "woman", "worker", "employee"])


def _civilians(tok: Any) -> bool:
    """ "Kurdish civilians", "thousands of residents": non-combatants, whose expulsion is displacement."""
    inner = _prep_objects(tok, "of") if _lemma(tok) in ("thousand", "hundred", "million", "dozen", "number") else []
    return any(_lemma(t) in _CIVILIAN_NOUNS for t in [tok, *inner])


# Plural place nouns a list of names may come before ("A, B and C villages") or after ("the villages of A and B").
LISTING_PLURALS = frozenset(["villages", "towns", "cities", "neighbourhoods", "neighborhoods", "districts", "suburbs",
                              "hamlets", "hills", "hilltops"])


def _names_listed_before(noun: Any, excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the names a plural place noun lists before it: a name hung on it as a modifier with the names
    coordinated with that one ("Shaffa and Shindiffu villages"), or the one name before it where the noun itself
    closes a coordination that began with a name ("El Waregow, Shalanbod and Janale towns", parsed as "El Waregow"
    and "[Shalanbod and Janale] towns"; "Ghweiran and al-Nashwa al-Sharqi neighbourhoods"). A name before a plural
    with no coordination is a region the places are in, not a list: "six West Bank cities"."""
    if _low(noun) not in LISTING_PLURALS:
        return []
    named = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i and _namelike(c)]
    for c in named:
        listed = [x for x in _conjuncts(c) if x is c or (x.dep_ == "conj" and _namelike(x))]
        if len(listed) > 1:
            return [_head_span(x, excluded) for x in listed]
    if named and noun.dep_ == "conj" and _namelike(noun.head):
        return [(min(c.left_edge.idx for c in named), named[-1].idx + len(named[-1].text))]
    # "regained control over Tal Jabbour Umm Sahrij and Kharbet Tarmana villages": the parser may read the plural as a
    # verb with a name as its subject; the capitalised words coordinated right before the noun are its list all the
    # same (the caller splits them where a generic opens a name)
    run = list(noun.doc[noun.left_edge.i : noun.i])
    while run and _low(run[0]) in ("the", "a", "an"):
        run = run[1:]
    words = [t for t in run if t.is_alpha]
    if any(_low(t) == "and" for t in run) and sum(t.text[:1].isupper() for t in words) >= 2 \
            and all(t.text[:1].isupper() or _low(t) in ("and", "al", "el") or not t.is_alpha for t in run) \
            and not any(_low(t) in DEMONYMS for t in words):
        return [(run[0].idx, run[-1].idx + len(run[-1].text))]
    return []


def _numbered_unit(tok: Any) -> bool:
    """ "the 93rd Brigade", "the 17th Division", "Regiment 121" as what is taken: a base, named (as Syria's are) after
    the unit it garrisons; a unit's men are "soldiers of the 93rd Brigade"."""
    if _low(tok) not in UNIT_NOUNS or tok.tag_ not in ("NNP", "NNPS"):
        return False
    return any((c.dep_ == "amod" and c.i < tok.i and _ORDINAL.fullmatch(c.text))
               or (c.dep_ == "nummod" and c.i > tok.i) for c in tok.children)


def _described_as_a_place(tok: Any) -> bool:
    """ "Bunagana, a town on the border with Uganda": an appositive headed by a place noun says the name is a place
    (not a person captured); "Berdychi and Semenivka, two villages west of Avdiivka": a plural one says it of every
    name of the list it follows (the parser may make the place noun a compound of a compass word)."""
    def place_noun(c: Any, plural: bool) -> bool:
        return any((_lemma(x) in RESOLVABLE_NOUNS or _lemma(x) in _DESCRIBING_NOUNS) and (not plural or x.tag_ == "NNS")
                   for x in (c, *(k for k in c.children if k.dep_ == "compound")))

    first = tok.head if tok.dep_ == "conj" else None
    return any(c.dep_ == "appos" and place_noun(c, False) for c in tok.children) or (
        first is not None and any(c.dep_ == "appos" and place_noun(c, True) for c in first.children))


def _apposed_stronghold(tok: Any) -> bool:
    """ "seized al-Qurmaliyeh, the last rebel stronghold in the area": a name set off by a held place's noun is a
    place (the appositive, which may name its holder, stays with the name)."""
    return tok.tag_ in ("NNP", "NNPS") and any(c.dep_ == "appos" and _lemma(c) in _NAMEABLE_HEADS for c in tok.children)


# Nouns for a settlement that an appositive may call a name by, besides those "the town" refers back with: the
# Myanmar township, the hamlet, the municipality ("Paletwa, a township on the border with India")
_DESCRIBING_NOUNS = frozenset({"township", "hamlet", "settlement", "municipality", "suburb"})


def _name_as_adjective(tok: Any) -> bool:
    """ "the fall of Aleppo city" with "Aleppo" tagged an adjective: a capitalised modifier inside the sentence that
    is no demonym ("the Syrian city", "the Northern town") is the noun's name."""
    return tok.tag_ in ("NNP", "NNPS") or (
        tok.is_title and tok.i != tok.sent.start and _low(tok) not in DEMONYMS and "-" not in tok.text
    )


def _opens_with_generic(tok: Any) -> bool:
    """ "Jabal Al-Zahiyah", "Tal Malah", "Kafr Nabuda": a name whose first word is a place-name generic."""
    # (the compounds' own compounds too: "Jabal al-Zahiyah" hangs "Jabal" on "al")
    first = tok.doc[min([tok.i, *(c.left_edge.i for c in tok.children if c.dep_ == "compound")])]
    return _low(first) in TOPONYM_GENERICS and first.is_title


def _capitalised_inside(tok: Any) -> bool:
    """A capitalised word inside a sentence that keeps its capitals is a name, whatever its tag (headlines without
    a full stop get "Daraya" tagged as a common noun); opening the sentence, a capitalised noun with nothing before
    it may be one too ("Homs came under government control", "Homs" tagged a plural): the caller keeps it only where
    the geoparser found a place there."""
    if tok.i == tok.sent.start:
        # (or any word the parse makes the subject: "Mosul, captured by Isis in 2014, was retaken" tags it an adverb)
        return tok.is_title and (tok.pos_ == "NOUN" or tok.dep_ in ("nsubj", "nsubjpass")) \
            and tok.left_edge.i == tok.i and _cased(tok)
    return tok.is_title and tok.pos_ in ("NOUN", "PROPN", "ADJ", "X")


def _cased(tok: Any) -> bool:
    """Whether the sentence keeps its capitals (lower-cased feeds lose the NNP tags names rely on)."""
    sent = tok.sent
    return any(t.is_upper or t.is_title for t in sent if t.is_alpha)


def _compound_span(tok: Any) -> tuple[int, int]:
    """The word with the words compounded into it before it ("al bab", "tal abyad"), nothing after it."""
    start = min([tok.idx, *(c.left_edge.idx for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i)])
    return start, tok.idx + len(tok.text)


def _named_of(objs: list[Any]) -> bool:
    return any(_namelike(o) for o in objs)


# Who may own a place noun's of-phrase ("the stronghold of the veteran warlord and former vice-president Abdul Rashid
# Dostum", "the base of the militia"): its holder, no place.
_HOLDER_NOUNS = frozenset({"warlord", "leader", "commander", "president", "chief", "general", "minister", "governor",
                           "emir", "king", "militia", "group", "movement", "party", "family", "clan", "tribe", "sect",
                           "minority"})


def _inhabitants(tok: Any) -> bool:
    """A people named by its demonym or creed ("Christians and Sunni Muslims", "Kurds"), with its conjuncts."""
    return all(_low(t) in DEMONYMS for t in _conjuncts(tok))


def _namelike(tok: Any) -> bool:
    """A proper noun, or in a lower-cased sentence (which loses the tags names rely on) a noun-like word that is
    no place noun: the caller's match to the geoparser's mentions decides whether it is a place."""
    if tok.tag_ in ("NNP", "NNPS"):
        return True
    return (
        not _cased(tok)
        and tok.pos_ in ("NOUN", "PROPN", "ADJ", "X")
        and _low(tok) not in PLACE_NOUNS
        and _low(tok) not in _PARTITIVE
    )


def _points_back(tok: Any) -> bool:
    """ "those villages", "these towns", "the above-mentioned villages", "the aforementioned towns", and "the
    (two) villages" with nothing else to say which: a list told before."""
    children = list(tok.children)
    if any(
        (c.dep_ == "det" and _low(c) in ("these", "those"))
        or (c.dep_ in ("amod", "compound", "advmod") and _low(c) in ("aforementioned", "above", "mentioned", "said"))
        for c in children
    ):
        return True
    return (any(c.dep_ == "det" and _low(c) == "the" for c in children)
            and all(c.dep_ in ("det", "nummod", "predet") for c in children))


def _keep_named_part(item: Any, start: int, ofs: list[Any], spans: list[tuple[int, int]],
                     marked: list[tuple[int, int]], excluded: list[tuple[int, int]]) -> None:
    """A named part of a place ("the Ramouseh district of Aleppo", "Mosul's old city") from ``start`` to its noun,
    vouched for by the grammar; its possessor, of-phrase and locatives only hold it."""
    spans.append((start, item.idx + len(item.text)))
    marked.append(spans[-1])
    excluded.extend(_span(c) for c in item.children if c.dep_ == "poss")
    excluded.extend(_span(o) for o in ofs)
    _exclude_locatives(item, excluded)


def _name_before_apposed_noun(noun: Any) -> Any | None:
    """The proper name right before an indefinite place noun that the parse made a second object of the same verb
    (an appositive that lost its comma: "seized Zamzouna a village in Hama province")."""
    if noun.tag_ != "NN" or _lemma(noun) not in PLACE_NOUNS | _DESCRIBING_NOUNS or not _is_indefinite(noun) \
            or noun.left_edge.i == 0:
        return None
    name = noun.doc[noun.left_edge.i - 1]
    if name.tag_ not in ("NNP", "NNPS") or _low(name) in TIME_WORDS or name.head.i != noun.head.i \
            or name.dep_ not in ("dobj", "dative", "npadvmod") or noun.dep_ != "dobj":
        return None
    return name


def _old_quarter(tok: Any) -> bool:
    """"the old city", "Mosul's old city": a city's historic quarter, written without capitals."""
    return _low(tok) in ("city", "town") and tok.tag_ == "NN" \
        and any(c.dep_ == "amod" and _low(c) == "old" for c in tok.children) \
        and (_is_definite(tok) or any(c.dep_ == "poss" for c in tok.children))


def _is_definite(tok: Any) -> bool:
    return any(_low(c) in ("the", "this", "that") for c in tok.children if c.dep_ == "det")


def _is_indefinite(tok: Any) -> bool:
    return any(_low(c) in ("a", "an") for c in tok.children if c.dep_ == "det")


# Adverbs that single out members of a plural ("areas, notably the villages of X and Y").
_SINGLING_OUT = frozenset({"notably", "particularly", "especially", "chiefly", "mainly", "namely"})


def _listed(tok: Any) -> list[Any]:
    """Names listed after "including"/"such as"/a colon or dash under ``tok``."""
    out = []
    # (the parser may hang the list on a participle that modifies the noun: "areas newly retaken by Assad including
    # Aleppo, Ghouta and Darayya", "villages captured last week including X", or on the participle's by-agent:
    # "areas retaken by the army including X and Y", "areas that were lost to the government like X and Y")
    participles = [a for a in tok.children if a.dep_ in ("acl", "relcl")]
    agents = [o for a in participles for b in a.children
              if b.dep_ == "agent" or (b.dep_ == "prep" and _low(b) == "to") for o in _children(b, "pobj")]
    hung = [c for a in (*participles, *agents) for c in a.children if c.dep_ == "prep"]
    for c in [*tok.children, *hung]:
        if c.dep_ == "prep" and _lists_names(c):
            for o in _children(c, "pobj"):
                out.extend(_conjuncts(o))
                # ("including Islam Qala on the Iranian border and Spin Boldak": the parser conjoins the next name
                # to the common noun of the item's locative)
                out.extend(n for t in _conjuncts(o) for p in _locatives(t) for w in _common_nouns_of(p)
                           for n in _conjuncts(w) if n.i != w.i and n.tag_ in ("NNP", "NNPS"))
        elif c.dep_ in ("appos", "dep", "npadvmod") and c.i > tok.i and c.tag_ in ("NNP", "NNPS"):
            # "three villages west of Hama: A, B and C" (the small model hangs the list as appos/dep)
            prev = c.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
            if prev is not None and prev.text in (":", "-", "–", "—", ","):
                out.extend(_conjuncts(c))
        elif c.dep_ == "appos" and c.i > tok.i and _low(c) in LISTING_PLURALS and tok.tag_ == "NNS" \
                and any(a.dep_ == "advmod" and _low(a) in _SINGLING_OUT for a in c.children):
            # "several areas, most notably the villages of Kafr Nabuda and al-Hweijeh": the places singled out of
            # the plural, as "including the villages of" lists them
            out.extend(t for o in _prep_objects(c, "of") for t in _conjuncts(o))
    # names only: "like Ghouta, Daraa and other areas" lists two places and a category; "Aleppo, Homs and most of
    # Daraa" a part of the last
    return [t for t in out if (_namelike(t) or not t.tag_.startswith("NN")
                               or any(c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") for c in t.children))
            and _low(t) not in _PARTITIVE]


def _lists_names(prep: Any, *, like: bool = True) -> bool:
    """ "including X and Y", "like X and Y", "such as X and Y": a preposition that lists what the noun it hangs on
    holds (the parser reads "such" as a modifier of "as"). ``like=False``: not "like", which hung away from its noun
    compares more often than it lists."""
    low = _low(prep)
    return low == "including" or (like and low == "like") or (
        low == "as" and any(_low(c) == "such" for c in prep.children))


def _listed_after(item: Any) -> list[Any]:
    """Names listed after "including" that the parser hung on a later phrase of the object's verb rather than on the
    object ("took over large parts of Iraq in 2014, including Mosul and Tikrit": on "2014"), within the clause."""
    verb = item.head
    if item.dep_ == "pobj" and _low(verb) in ("of", "over"):
        # "lost control over several villages in the countryside of Hama including X and Y": the object of "control
        # of/over", whose preposition hangs on the noun or on the verb
        holder = verb.head
        verb = holder.head if _lemma(holder) == "control" and holder.dep_ == "dobj" else holder
        if _low(verb) == "out":
            verb = verb.head  # "pushed the militants out of a string of towns ..., including X and Y"
    elif item.dep_ == "pobj" and _low(verb) == "from":
        # "driving Isis from a stretch of the border including Jarablus, al-Rai and Dabiq": the from-phrase of an
        # expelling verb is its place
        verb = verb.head
    elif item.dep_ not in ("dobj", "nsubjpass"):
        return []  # (a passive's subject too: "30 settlements had been liberated, among them X")
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    out: list[Any] = []
    for c in verb.subtree:
        if c.i <= item.i or c.dep_ != "prep" or not _lists_names(c, like=False):
            continue
        x = c.head
        while x.i != verb.i and x.dep_ not in _CLAUSES and x.dep_ not in _NOT_OBJECT_SIDE and x.head.i != x.i:
            x = x.head  # (not from the agent or the subject: "control by opposition forces including Nusra Front")
        if x.dep_ == "relcl" and x.head.i == item.i:
            # ("recaptured every major city that Isis seized in 2014, including Tikrit and Mosul": a list the parser
            # hangs inside the object's own relative clause still lists the object)
            x = verb
        if x.dep_ == "nsubj" and x.head.i == verb.i and x.i < verb.i and item.tag_ == "NNS":
            # ("recaptured several villages in Hama province, including Tal Malah and Zalin": a list after the plural
            # object that the parser hangs on the subject, which ended before the verb)
            x = verb
        if x.i == verb.i:
            for o in _children(c, "pobj"):
                # ("including the towns of Morek and Kafr Zita": the names of the place noun's of-phrase)
                ofs = _prep_objects(o, "of") if (_low(o) in PLACE_NOUNS or _lemma(o) in PLACE_NOUNS) \
                    and not _namelike(o) else []
                out.extend(t for named in (ofs or [o]) for t in _conjuncts(named))
    for c in verb.children:
        # "liberated a handful of villages, among them Robotyne": "among them" lists as "including" does (the parser
        # hangs the name on the verb)
        if c.i > item.i and c.dep_ in ("npadvmod", "appos", "dep", "dobj", "advcl") and any(
                _low(p) == "among" and any(_low(o) in ("them", "those") for o in _children(p, "pobj"))
                for p in _children(c, "prep")):
            # ("..., Velykyi Burluk and the village of Zaliznychne": a place noun's of-name)
            out.extend(n for t in _conjuncts(c) for n in (
                _prep_objects(t, "of") if _low(t) in PLACE_NOUNS and not _namelike(t) else [t]))
    for t in item.doc[item.i + 1 : min(item.sent.end, item.i + 1 + _LATEST_REACH)]:  # (bounded: a hostile sentence)
        if t.dep_ in ("appos", "conj", "npadvmod", "dep") and not out and any(
                _low(a) in ("recently", "lately") for a in _children(t, "advmod")):
            # "has regained much of the country, most recently Daraa and Quneitra": the places singled out last (the
            # parser may hang them on the subject)
            out.extend(_conjuncts(t))
    return [t for t in out if _namelike(t)]


# How many tokens after a partial object "most recently X" may stand ("much of the country with Russian help, most
# recently Daraa").
_LATEST_REACH = 30


# Common nouns for a settlement or a held place that an appositive may name ("its last stronghold in Syria, Hajin");
# not facilities, which a locative sites instead ("the airbase near Idlib": its town).
_NAMEABLE_HEADS = frozenset({"stronghold", "bastion", "enclave", "town", "city", "village", "capital", "hub",
                             "foothold", "redoubt"})


_SETTLEMENT_NOUNS = frozenset({"town", "city", "village"})


def _appositive_past_locative(head: Any) -> list[Any]:
    """A name set off by a comma after a locative that ends a common-noun object ("its last stronghold in Syria,
    Hajin", "a town in Idlib, Jisr al-Shughour"): the parser hangs it on the locative's object, but it names the
    object itself. Only a name ("the town near Hama, the provincial capital" names nothing)."""
    out = []
    # (the parser may hang the locative on the verb instead: "lost its last foothold in Syria, the village of Baghuz")
    verb_preps = [p for p in head.head.children if p.i > head.i] if head.dep_ == "dobj" else []
    for prep in [*head.children, *verb_preps]:
        if prep.dep_ != "prep" or _low(prep) not in _LOCATIVE_PREPS:
            continue
        wheres = _children(prep, "pobj")
        for where in wheres:
            for a in _children(where, "appos"):
                if a.i == 0 or a.doc[a.left_edge.i - 1].text != ",":
                    continue
                if a.tag_ in ("NNP", "NNPS"):
                    out.append(a)
                elif _lemma(a) in _SETTLEMENT_NOUNS:
                    # "..., the village of Baghuz": the settlement noun's of-name (a country is no village)
                    out.extend(o for o in _prep_objects_raw(a, "of") if o.tag_ in ("NNP", "NNPS"))
            if where.tag_ in ("NNP", "NNPS") and _name_after_direction(where) is not None:
                # ("the last IS bastion in the east, Baghuz": the parser reads the direction and the name after its
                # comma as one phrase headed by the name)
                out.append(where)
        # ("the last rebel enclave in the south, Deraa": the name after the locative's comma as the preposition's
        # second object)
        out.extend(w for w in wheres[1:] if w.tag_ in ("NNP", "NNPS") and _set_off_before(w, wheres[0]))
        if not out:
            # ("overran the government's last stronghold in the north, Marib, in 2024", "retook the last rebel
            # stronghold in the region, Jisr al-Shughur": the parser may hang the name, too, on the verb, right after
            # the locative and its comma)
            out.extend(c for c in head.head.children if c.dep_ in ("npadvmod", "appos", "dobj")
                       and c.tag_ in ("NNP", "NNPS") and _first_word(c) == prep.right_edge.i + 2
                       and c.doc[prep.right_edge.i + 1].text == ",")
    return out


def _name_after_direction(name: Any) -> int | None:
    """Where ``name``'s own words begin, where they follow a comma that closes a common noun the parser hung on the
    name ("the east, Baghuz", "the north-west, Jisr al-Shughur"); None where they do not."""
    doc = name.doc
    first = name.i
    while first > 0 and doc[first - 1].head.i == name.i and doc[first - 1].dep_ in ("compound", "punct") \
            and doc[first - 1].text != "," and first > name.i - 4:
        first -= 1
    after_direction = first > 1 and doc[first - 1].text == "," and any(
        c.dep_ in ("nmod", "compound", "npadvmod") and c.tag_ in ("NN", "NNS") and c.right_edge.i < first - 1
        and first - 1 - c.right_edge.i <= 1 for c in name.children)
    return first if after_direction else None


def _first_word(tok: Any) -> int:
    """Where ``tok``'s phrase begins, past a comma the parser hangs on it."""
    first = tok.left_edge.i
    return first + 1 if tok.doc[first].text == "," and first < tok.i else first


# How many tokens after a locative's object its closing comma may come ("in the north-west of the country,")
_LOCATIVE_REACH = 8


def _set_off_before(name: Any, phrase: Any) -> bool:
    """Whether ``name``'s phrase begins right after a comma that closes ``phrase`` (the locative's object)."""
    comma = _first_word(name) - 1
    # (a locative's object phrase is short: the look is bounded, as it must be in a hostile sentence)
    return phrase.i < comma <= phrase.i + _LOCATIVE_REACH and name.doc[comma].text == "," and all(
        t.i == comma or t.i <= phrase.i or t.head.i == phrase.i for t in name.doc[phrase.i : comma + 1])


def _exclude_locatives(tok: Any, excluded: list[tuple[int, int]]) -> None:
    for c in tok.children:
        if (c.dep_ == "prep" and (_low(c) in _LOCATIVE_PREPS or (_low(c) == "of" and _compass_before(c)))) or (
            _low(c) in _COMPASS and c.dep_ in ("advmod", "amod", "npadvmod", "prep")
        ):
            start, end = _span(c)
            # (a list the parser hung inside the locative is the object's: "several villages in the countryside of
            # Hama including Tal Malah and Zalin")
            end = min([end, *(t.idx for t in c.subtree if t.dep_ == "prep" and _lists_names(t, like=False))])
            # (nor a name the parser conjoined to the locative's common noun: "Islam Qala on the Iranian border and
            # Spin Boldak")
            end = min([end, *(w.idx + len(w.text) for w in _common_nouns_of(c)
                              if any(n.tag_ in ("NNP", "NNPS") for n in _children(w, "conj")))])
            # (nor a settlement's noun and name conjoined to it: "in the Kharkiv region and the hamlet of X"; this
            # preposition's own, not another locative's of the same noun)
            if _low(c) in _LOCATIVE_PREPS:
                end = min([end, *(n.left_edge.idx for n in _settlements_conjoined(c))])
            excluded.append((start, end))


def _compass_before(prep: Any) -> bool:
    return prep.i > 0 and _low(prep.doc[prep.i - 1]) in _COMPASS


def _head_span(tok: Any, excluded: list[tuple[int, int]]) -> tuple[int, int]:
    """The span of a name phrase: its own words, without locatives ("Tal Malah in Hama province") and without
    the containers named as its modifiers ("the Aleppo countryside town" -> the town's name only)."""
    _exclude_locatives(tok, excluded)
    for description in tok.children:
        if description.dep_ == "appos" and description.tag_ in ("NN", "NNS") and tok.tag_ in ("NNP", "NNPS"):
            # "Tal Musa, the highest point in the Qalamoun region": where its description places it was not taken
            _exclude_locatives(description, excluded)
    start, end = _span(tok)
    if tok.tag_ in ("NNP", "NNPS") and (own := _name_after_direction(tok)) is not None:
        # ("in the east, Baghuz": the common noun the parser hung on the name, past its comma, is no part of it)
        start = max(start, tok.doc[own].idx)
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i and _low(c) in ("to", "by") and tok.tag_ in ("NNP", "NNPS"):
            # "lost al-Eis to the army": the parser may hang the verb's to- or by-phrase on the name; no name goes on
            # past it
            last = tok.doc[c.i - 1]
            end = min(end, last.idx + len(last.text))
        if c.dep_ == "prep" and c.i < tok.i and _low(c) == "among":
            start = max(start, tok.doc[c.right_edge.i + 1].idx)  # "among them Robotyne": the name alone
        if c.dep_ == "advmod" and c.i < tok.i and c.i == tok.left_edge.i and _low(c) in ("namely", "notably"):
            start = max(start, tok.doc[c.i + 1].idx)  # "three villages namely Hulwaniyah": the names alone
        named_modifier = c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < tok.i and c.tag_ in ("NNP", "NNPS")
        if named_modifier and (tok.tag_ not in ("NNP", "NNPS") or c.dep_ == "poss"):
            excluded.append(_span(c))
            if c.dep_ == "poss" and c.right_edge.i + 1 < tok.i:
                start = max(start, tok.doc[c.right_edge.i + 1].idx)  # "Mosul's Old City" names the Old City
        if c.dep_ in ("compound", "nmod") and c.i < tok.i and _low(c) in _DESCRIBED_SETTLEMENTS \
                and tok.tag_ in ("NNP", "NNPS"):
            # "the Tigray capital Mekelle", "the Kurdish town Kobani": the name the noun before it describes, whose
            # own modifiers say where it lies
            excluded.extend(_span(m) for m in c.children if m.dep_ in ("compound", "nmod", "poss", "amod")
                            and m.tag_ in ("NNP", "NNPS"))
            start = max(start, c.idx)
    return start, end


# Nouns that describe the name after them ("the Tigray capital Mekelle").
_DESCRIBED_SETTLEMENTS = frozenset({"capital", "town", "city", "village", "stronghold"})


def _subject_in_fronted_phrase(verb: Any) -> Any | None:
    """ "In addition to capturing the Hayat Tower, the Syrian Armed Forces also took control of X": the parser hangs
    the subject on the fronted phrase's last noun as its appositive; a noun phrase set off by the comma that closes
    the phrase, right before the verb (adverbs aside), is the verb's subject."""
    fronted = [c for c in verb.children if c.dep_ in ("prep", "advcl") and c.i < verb.i]
    for phrase in fronted:
        for tok in phrase.subtree:
            if tok.dep_ != "appos" or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            between = verb.doc[tok.right_edge.i + 1 : verb.i]
            comma = verb.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
            if comma is not None and comma.text == "," and all(t.dep_ in ("advmod", "neg") for t in between):
                return tok
    return None


def _subject_in_time_phrase(verb: Any) -> Any | None:
    """ "On 2 March the army, with Russian military police at its side, retook Saraqeb": the parser reads the subject
    as a second object of the fronted time's preposition; a noun after the time, whose phrase runs up to the verb
    (a comma and adverbs aside), is the verb's subject."""
    for phrase in verb.children:
        if phrase.dep_ != "prep" or phrase.i > verb.i:
            continue
        objects = _children(phrase, "pobj")
        if len(objects) < 2 or not _a_time(objects[0]):
            continue
        last = objects[-1]
        if last.pos_ in ("NOUN", "PROPN") and not _a_time(last) and all(
                t.is_punct or t.dep_ in ("advmod", "neg") for t in verb.doc[last.right_edge.i + 1 : verb.i]):
            return last
    return None


# Nouns for a military action, whose participle clause is done by whoever carries the action out.
_OPERATION_NOUNS = frozenset({"operation", "offensive", "attack", "assault", "campaign", "push", "raid"})


# Verbs of taking power ("seized power in Gaza", "swept to power in Mosul"), and who takes it in a coup.
_POWER_VERBS = frozenset({"seize", "take", "sweep", "grab"})
_COUP_MAKERS = frozenset({"military", "army", "general", "officer", "junta", "soldier"})
# Verbs that tell what an action came to ("the operation led to the liberation of X").
_RESULT_VERBS = frozenset({"lead", "result", "culminate", "end"})


def _party_before(noun: Any) -> Any | None:
    """The party a word before ``noun`` names as its doer: a noun compounded into it ("an ISIS takeover of Mosul", "the
    Syrian army operation", and "the regimes recapture" of a copy that lost its apostrophes), else a demonym or a
    party's word ("the Turkish seizure of Afrin", "the rebel takeover of Idlib")."""
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ in ("NOUN", "PROPN")]
    if compounds:
        return compounds[-1]
    parties = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i and (
        _low(c) in _PARTY_MODIFIERS or (c.text[:1].isupper() and c.i > 0 and c.tag_ in ("JJ", "NNP")))]
    return parties[-1] if parties else None


def _operation_doer(noun: Any) -> Any | None:
    """Whose military action ``noun`` is: its possessor ("the army's operation"), its by-agent ("an offensive by the
    SDF"), the party compounded into it or before it ("the Syrian army operation", "the Turkish offensive")."""
    return next(iter([*_children(noun, "poss"), *_prep_objects(noun, "by")]), None) or _party_before(noun)


def _doer_of_operation(noun: Any) -> Any | None:
    """Who carries out a military action a verb takes as its object ("army units carried out operations", "the army
    began a wide military operation"): what the action does, they do."""
    if noun is None or _lemma(noun) not in _OPERATION_NOUNS or noun.dep_ != "dobj":
        return None
    return _subject(noun.head)


def _took_time_to(verb: Any) -> Any | None:
    """Whom "it took" a time to do ``verb`` ("It took Iraqi forces nine months to retake Mosul", "it took the army
    until March to take the city back"): the object of the "take" whose subject is the empty "it"."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or not _infinitive(verb) or _lemma(head) != "take" \
            or not any(_low(c) == "it" for c in _children(head, "nsubj")):
        return None
    doers = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i and _low(c) not in TIME_WORDS
             and not _a_time(c)]
    return doers[0] if doers else None


def _subject(verb: Any) -> Any | None:
    """The verb's subject, or the one it shares with the verb it is coordinated with or subordinated to
    ("... and retook X", "after capturing X, the army ...", "with Kurdish forces capturing X")."""
    if (doer := _took_time_to(verb)) is not None:
        return doer  # "It took Iraqi forces nine months to retake Mosul": whom it took
    seen = 0
    v = verb
    came_by = ""
    while v is not None and seen < 6:
        subj = _children(v, "nsubj", "csubj")
        if subj and v is verb and v.tag_ == "VBG" and v.dep_ == "pcomp" and _low(v.head) not in ("with", "without") \
                and all(x.pos_ == "PROPN" for x in subj):
            # "operations in the western direction of Deir Ezzor establishing control over X": the name that ends the
            # phrase before a trailing gerund is read as its subject; a gerund has one only in an absolute clause
            # ("with Kurdish forces capturing X"), its doer is the clause's it trails
            subj = []
        if not subj and came_by:
            # "the Kurds were forced to withdraw": the passive's subject does it; and it does what a phrase fronted
            # or trailing its clause tells ("Fresh from ousting Isis from Raqqa, the SDF had been emboldened")
            subj = _children(v, "nsubjpass")
        if not subj and v is verb and _low(v) in _PAST_OF_RARE_VERBS:
            # "Since Damascus retook eastern Ghouta": the tagger reads the rare past as a noun, and its subject as that
            # noun's compound
            subj = [c for c in v.children if c.dep_ == "compound" and c.i < v.i and c.pos_ in ("NOUN", "PROPN")]
        if subj:
            nearest = subj[-1]  # two subjects is a misparse: the nearer one is the verb's
            if _low(nearest) in ("that", "which", "who") and v.dep_ == "relcl":
                described = _described_by_relative(v)  # "the rebel force that took control of Afrin"
                # ("began a wide military operation that resulted to establish control over X": its doer's)
                return _doer_of_operation(described) or described
            if _low(nearest) in ("it", "they") and v.dep_ in ("advcl", "ccomp", "conj") and v.head.i != v.i \
                    and not _quoted(v):
                # "The government has been eroding the rebels' grip ... since it seized Qusayr": a pronoun subject
                # of a subordinate clause is bound by the main clause's subject, when that is a noun phrase
                main = _children(v.head, "nsubj")
                acts = not (_lemma(v.head) == "be" or any(c.dep_ == "auxpass" for c in v.head.children))
                if main and main[0].pos_ in ("NOUN", "PROPN") and _low(main[0]) not in ("it", "they") and acts:
                    # (only a subject that acts: "Morek has been in the hands of the rebels since they captured it")
                    return main[0]
            return nearest
        if (
            v is verb
            and v.tag_ in ("VBD", "VBZ", "VBP")
            and v.i > 0
            and v.doc[v.i - 1].tag_ in ("NNP", "NNPS", "NN", "NNS")
            and _low(v.doc[v.i - 1]) not in TIME_WORDS  # (but "... but earlier this year captured Afrin": a time)
        ):
            return v.doc[v.i - 1]  # a finite verb's subject the parser hung elsewhere ("on Friday ISIL seized")
        if v is verb and v.tag_ in ("VBD", "VBZ", "VBP") and (fronted := _subject_in_fronted_phrase(v)) is not None:
            return fronted
        if v is verb and (swallowed := _subject_in_time_phrase(v)) is not None:
            return swallowed
        if v is verb and v.dep_ == "acl" and v.tag_ == "VBG" and (doer := _doer_of_operation(v.head)) is not None:
            # "army units carried out operations establishing control over X", "launched an offensive capturing X"
            return doer
        if v is verb and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN") and (
                v.tag_ == "VBG" or (v.tag_ in ("VBN", "VBD") and _children(v, "dobj"))):
            # "fighters holding the town"; "Army units liberated on Sunday the village of X", a finite verb the parser
            # read as a participle on its subject (a participle of these verbs takes no object of its own)
            return v.head
        if v.dep_ == "xcomp" and _lemma(v.head) in ("help", "enable", "allow", "assist", "order", "force") and (
            _children(v.head, "dobj")
        ):
            return _children(v.head, "dobj")[0]  # "US air power helped the SDF to capture Raqqa": object control
        # "days after seizing X, IS ...": the time phrase that holds the clause modifies the main verb
        if v.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "npadvmod") and v.head.i != v.i:
            came_by = v.dep_
            v = v.head
            seen += 1
            continue
        if v.dep_ == "acl" and v.tag_ == "VBN" and came_by == "prep" and v.head.dep_ in ("dobj", "nsubjpass") \
                and v.head.head.i != v.head.i:
            # "dismantled devices planted by terrorists in X after restoring security to the town": the parser hangs
            # the time phrase on a passive participle, whose own subject is the noun it describes; the doer is the
            # clause's that holds that noun
            came_by = ""
            v = v.head.head
            seen += 1
            continue
        if v.dep_ in ("acomp", "attr") and v.head.i != v.i:
            came_by = ""
            # "the rebels were able to capture X", "they were the point of the spear in retaking X": the subject of
            # the copula
            v = v.head
            seen += 1
            continue
        if v.dep_ in ("pobj",) and v.head.dep_ == "prep":
            came_by = ""
            v = v.head.head
            seen += 1
            continue
        if v is not verb and v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and _children(v, "dobj") \
                and v.head.pos_ in ("NOUN", "PROPN"):
            # "Islamic State militants executed 24 civilians after overrunning Buyir": the finite verb the parser read
            # as a participle on its subject (a participle of it takes no object)
            return v.head
        return None
    return None


def _quoted(clause: Any) -> bool:
    """Whether a clause is inside a direct quotation: a pronoun there is the quoted speaker's, not bound by the
    clause that reports the quotation ('"They retook Raqqa," Phillips said': "they" is not Phillips)."""
    before = clause.doc[clause.sent.start : clause.left_edge.i]
    opens = sum(t.text in ("“", '"') for t in before) - sum(t.text == "”" for t in before)
    return opens % 2 == 1 if any(t.text == '"' for t in before) else opens > 0


# Armed bodies counted by their men ("an army of 10,000 men", "a force of 300 fighters").
_COLLECTIVE_FORCES = frozenset({"army", "force", "militia", "brigade", "battalion", "column", "unit", "alliance",
                                "coalition", "group"})


def _described_by_relative(clause: Any) -> Any:
    """The noun a subject relative clause describes. The parser hangs it on the nearest noun, which after a
    participle modifier is the modifier's agent: in "an alliance led by Kurdish militias and backed by the US,
    which took control of Raqqa", "which" is the alliance, not the US."""
    head = clause.head
    if head.dep_ == "pobj" and _low(head.head) == "of" and head.head.head.pos_ == "NOUN" \
            and _lemma(head.head.head) in _COLLECTIVE_FORCES and any(c.dep_ == "nummod" for c in head.children):
        return head.head.head  # "the rebel army of some 10,000 men that captured Afrin": the army, not its men
    after_comma = clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and after_comma:
        participle = head.head.head
        while participle.dep_ == "conj" and participle.head.i != participle.i:
            participle = participle.head
        if participle.dep_ == "acl":
            return participle.head
    conjuncts = _children(head, "conj")
    if conjuncts and not after_comma and conjuncts[-1].right_edge.i + 1 == clause.left_edge.i:
        # "battles between the Shaitat tribesmen and ISIS militants who eventually took control of the area": the
        # parser hangs the clause on the first conjunct; it describes the one right before it
        return conjuncts[-1]
    return head


def _own_mood(tok: Any) -> str | None:
    for c in tok.children:
        if c.dep_ == "neg":
            return "negated"
        if c.dep_ in ("aux", "auxpass") and _low(c) in _MODALS and tok.tag_ != "VBD":
            return "modal"  # (a modal takes a bare verb: "On 5 May the army captured X" is the month)
        if c.dep_ == "mark" and (_low(c) in ("if", "unless", "whether") or (
                _low(c) in ("until", "once") and not _past(tok))):
            return "conditional"  # (not "held X until they were driven out": a past that happened)
        if c.dep_ == "advmod" and _not_quite(c):
            return "incomplete"
        if c.dep_ == "aux" and _lemma(c) == "be" and tok.tag_ == "VBG":
            return "ongoing"  # "the rebels were capturing Morek when ...": under way, not done
    return None


def _inferred_past(verb: Any) -> bool:
    """ "the coalition's recapture of Mosul may have stripped Isis of its caliphate": a modal of inference with the
    perfect says what the change did, and the change noun its subject happened ("would have", "could have" tell
    what did not happen, or would have)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(_low(c) in ("may", "might", "must") for c in aux) and any(_lemma(c) == "have" for c in aux) \
        and verb.tag_ == "VBN"


def _subjunctive(verb: Any) -> bool:
    """ "(demanded) that Erdoğan force", "(insisted) that the YPG withdraw": a bare verb with no auxiliary, where a
    report would have a tense ("forces", "had withdrawn"); a plural subject cannot tell them apart."""
    if _children(verb, "aux", "auxpass"):
        return False
    subjects = _children(verb, "nsubj")
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and bool(subjects) and subjects[0].tag_ in ("NN", "NNP"))


def _past_ability(able: Any) -> bool:
    """ "were able (to)": "able" the complement of a past "be" with no modal and no negation."""
    be = able.head
    if able.dep_ != "acomp" or _lemma(be) != "be" or be.tag_ != "VBD":
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and _low(c) in _MODALS) for c in (*be.children, *able.children))


_RANKS = frozenset(["first", "second", "third", "last", "latest", "only", "final"])


def _ranked_among(verb: Any) -> Any | None:
    """ "Maaloula was among the first towns to fall", "was one of the last cities to be retaken": the parser hangs the
    ranked noun's infinitive on "was"; the subject of "was" is what the infinitive tells of."""
    if verb.dep_ != "advcl" or not _infinitive(verb) or _lemma(verb.head) != "be":
        return None
    be = verb.head
    subjects = _children(be, "nsubj")
    return subjects[0] if subjects and any(_ranked(n) for n in _ranked_among_nouns(be)) else None


def _ranked_among_nouns(be: Any) -> list[Any]:
    """The nouns a copula ranks its subject among: "was among the towns", "was one of the towns"."""
    return [n for p in _children(be, "prep") if _low(p) == "among" for n in _children(p, "pobj")] + [
        n for one in _children(be, "attr") if _low(one) == "one" for n in _prep_objects_raw(one, "of")]


# What a party loses of a place when it loses the place: "lost control of X", "lost its hold on X", "its grip on X".
_LOST_HOLDINGS = frozenset({"control", "hold", "grip"})


def _listed_among(noun: Any) -> Any | None:
    """The name a plural noun that a clause tells of stands for where a copula or "include" names its members: the
    subject of "X and Y were among the villages ...", "X was one of the towns ..."; the named complement of "Among
    the villages that fell to the rebels were X and Y", "The villages the army captured were X and Y", "The villages
    captured by the army include X and Y" (the first of the names: their conjuncts follow it)."""
    if noun.tag_ != "NNS":
        return None
    if noun.dep_ == "nsubj" and _lemma(noun.head) in ("be", "include"):
        members = _children(noun.head, "attr" if _lemma(noun.head) == "be" else "dobj")
    elif noun.dep_ == "pobj":
        be = noun.head.head if _low(noun.head) == "among" else noun.head.head.head  # (among X; one of X)
        if _lemma(be) != "be" or all(n.i != noun.i for n in _ranked_among_nouns(be)):
            return None
        members = [*_children(be, "nsubj"), *_children(be, "attr")]  # ("Among the villages ... were X and Y")
    else:
        return None
    # (a place noun a name qualifies names it: "were Alamiriya village, the Project 1070 area, ...")
    members = [x for x in members if _namelike(x) or (
        _lemma(x) in PLACE_NOUNS and any(c.dep_ == "compound" and _namelike(c) for c in x.children))]
    return members[0] if members else None


def _ranked(noun: Any) -> bool:
    """A noun ranked by an ordinal or superlative ("the first town", "the latest", "the biggest city")."""
    return any(c.dep_ == "amod" and (_low(c) in _RANKS or (c.tag_ == "JJS" and _low(c) != "next"))
               for c in noun.children)


def _declared_free(verb: Any, dobj: list[Any]) -> Frame | None:
    """ "declared Mosul free of IS fighters", "Mosul was declared liberated": a place declared freed of its holders
    was taken by the one declaring it (or, in the passive, by whom the text says)."""
    passive = _passive_voice(verb)
    for c in verb.children:
        if c.dep_ not in ("ccomp", "xcomp", "oprd"):
            continue
        # ("declared it liberated": the tagger may make the participle a past with the pronoun its subject)
        freed = _lemma(c) in ("liberate", "free", "clear") and (c.tag_ == "VBN" or (
            c.tag_ == "VBD" and _children(c, "nsubj") and not _children(c, "dobj", "mark", "aux")))
        holders = [o for o in _prep_objects(c, "of") if _lemma(o) in _FIGHTER_NOUNS or o.tag_ in ("NNP", "NNPS")]
        if not freed and not (_low(c) == "free" and holders):
            continue
        places = _children(verb, "nsubjpass") if passive else (_children(c, "nsubj") or dobj)
        if not places:
            return None
        gainer = (_prep_objects(verb, "by") or [None])[0] if passive else _subject(verb)
        # (the complement is the trigger: "liberated" tells a taking back, as the verb itself would)
        return _make(c, _lemma(c), "passive" if passive else "active", places, gainer,
                     holders[0] if holders else None, _mood(verb))
    return None


def _achieved(verb: Any) -> bool:
    """ "managed to VERB", "succeeded in VERBing": the verb is what the subject achieved."""
    head = verb.head
    if verb.dep_ == "xcomp" and _lemma(head) == "manage":
        return True
    return verb.dep_ == "pcomp" and _low(head) == "in" and _lemma(head.head) == "succeed"


def _shared_passive_subjects(tok: Any) -> list[Any]:
    """ "Palmyra was captured by Isis in May 2015, retaken by the army in March 2016, lost again in December and
    recaptured in March 2017": participles with no subject or object of their own, after a passive clause and
    joined to it (the first with its agent), go on telling of that clause's subject."""
    if tok.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass")
                                             for c in tok.children):
        return []
    x = tok
    for _ in range(6):  # (up a chain of conjuncts to the first participle)
        if x.dep_ != "conj" or x.head.tag_ not in ("VBN", "VBD") or any(
                c.dep_ in ("nsubj", "dobj") for c in x.head.children):
            break
        x = x.head
    if x.tag_ != "VBN":
        return []
    # (a passive of a change, told on: "The soldiers were killed at Tabqa airbase, captured by ISIL" describes the
    # airbase, not the soldiers)
    if _lemma(x if _passive_voice(x) else x.head) not in _CHANGE_VERBS:
        return []
    if _passive_voice(x) and x is not tok:
        governor = x  # "Palmyra was captured by Isis and retaken by the army": a conjunct of the passive itself
    elif x.dep_ == "advcl" and x.i > x.head.i and _passive_voice(x.head) and any(c.dep_ == "agent" for c in x.children):
        governor = x.head
    else:
        return []
    return [s for s in _children(governor, "nsubjpass") if _low(s) not in ("which", "that", "who")]


def _passive_voice(verb: Any) -> bool:
    """A verb with a passive auxiliary or subject ("was retaken", "Mosul was declared liberated")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _past(tok: Any) -> bool:
    # ("held it until Iraqi forces retook it": the tagger's present of a rare past is still a past)
    return tok.tag_ == "VBD" or _low(tok) in _PAST_OF_RARE_VERBS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)


def _to_of(tok: Any) -> Any | None:
    """The "to" of an infinitive."""
    return next((c for c in tok.children if c.dep_ == "aux" and c.tag_ == "TO"), None)


def _only_to(tok: Any) -> bool:
    """ "only to lose it", "only to fall again": an infinitive that tells what came of the clause it hangs on."""
    to = _to_of(tok)
    return to is not None and to.i > 0 and _low(tok.doc[to.i - 1]) == "only"


def _infinitive(tok: Any) -> bool:
    """A verb with "to": what is meant or planned, not what happened; but "only to" tells what came of it ("took
    Morek in March, only to lose it to the army a month later")."""
    return _to_of(tok) is not None and not _only_to(tok)


def _gerund_as_noun(trigger: Any) -> bool:
    """ "capturing Aleppo is difficult", "has made capturing Aleppo a difficult endeavour": a gerund standing as a
    subject or object names the action in general, not one that happened ("after capturing X", "capturing X,
    the army ...", "with forces capturing X" do report one)."""
    if trigger.tag_ != "VBG":
        return False
    if trigger.dep_ in ("csubj", "nsubj", "nsubjpass", "dobj", "attr", "oprd", "ccomp"):
        return True
    # "has made capturing Aleppo a difficult endeavour": the small clause of a verb of making or judging, or the
    # gerund object of one of proposing or entailing
    if trigger.dep_ == "xcomp" and _lemma(trigger.head) in _SMALL_CLAUSE_VERBS:
        return True
    # "the bargain involved ceding Manbij": the parser reads the gerund as a modifier of the object it governs
    return trigger.dep_ == "amod" and trigger.head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") \
        and trigger.i < trigger.head.i


# Verbs whose subject is the agent of the change noun they carry ("completed the liberation of X").
_SUPPORT_VERBS = frozenset(["complete", "finish", "achieve", "announce", "declare", "celebrate", "proclaim", "claim",
                            "confirm", "accomplish", "carry", "lead", "spearhead"])
# Verbs of driving out that say "out" by themselves ("expelled Isis", but "drove Isis out").
_OUT_BY_ITSELF = frozenset(["expel", "oust", "evict", "eject", "dislodge"])
# Verbs by which a party owns up to a loss ("the army acknowledged the loss of X"): their subject lost it.
_ADMIT_VERBS = frozenset(["acknowledge", "admit", "concede", "confirm", "mourn", "lament"])
# What one wins by taking a place ("won the battle for Mosul").
_CONTESTS = frozenset(["battle", "fight", "war", "struggle", "contest"])
# Verbs whose gerund complement names an action in general or one proposed ("made capturing X difficult", "the deal
# involved ceding X", "they discussed handing over X").
_SMALL_CLAUSE_VERBS = frozenset(["make", "find", "consider", "keep", "render", "deem", "involve", "include", "mean",
                                 "require", "entail", "risk", "avoid", "discuss", "propose", "suggest", "recommend",
                                 "envisage", "contemplate", "oppose", "resist", "reject", "rule"])


def _semicolon_between(a: Any, b: Any) -> bool:
    """A semicolon between two words separates independent clauses: "X was seized in 2013; they would
    later execute ...", "forces captured X; however, this has not been confirmed": the parser may still hang one
    clause on the other, but the later clause's mood is not the earlier one's."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in (";",) for t in a.doc[lo + 1 : hi])


def _clause_ancestors(tok: Any) -> list[Any]:
    """The words governing ``tok`` up to the first semicolon boundary."""
    out = []
    child = tok
    for anc in tok.ancestors:
        if _semicolon_between(child, anc):
            break
        out.append(anc)
        child = anc
    return out


_COPULAS = frozenset(["be", "remain", "seem", "appear", "look", "become"])
_ASSERTIONS = frozenset(["assertion", "claim"])


def _denies_the_report(verb: Any) -> bool:
    """A verb of denying that denies what its clause reports; not "X was taken, the ministry claimed, an assertion
    Ukraine denied": a claim another party denies is still a claim, and claims count."""
    return _lemma(verb) in _DENY and not any(_lemma(c) in _ASSERTIONS and c.i < verb.i for c in verb.children)
_SOME = frozenset(["several", "some", "many", "few", "numerous", "various", "dozens"])
# Change nouns whose doer is the taker ("the capture of X"), not the loser ("the fall of X", "the loss of X").
# Change nouns whose possessor or by-agent took the place ("the army's capture of X", "the takeover of X by IS").
AGENT_CHANGE_NOUNS = frozenset(["capture", "recapture", "seizure", "liberation", "takeover", "conquest",
                                "reconquest", "recovery"])
_AGENT_NOUNS = AGENT_CHANGE_NOUNS | {"retaking", "recapturing", "capturing", "seizing"}
# What a change noun may be said to be that makes it no change yet.
_UNREAL_PREDICATES = frozenset(["goal", "aim", "objective", "priority", "target", "plan", "ambition", "hope", "dream",
                                "imminent", "likely", "possible", "unlikely", "inevitable", "expected", "near",
                                "close", "certain", "probable", "feasible", "impossible", "matter", "question"])


def _mood(trigger: Any) -> str | None:
    """Why the trigger does not report a change that happened, or None when it does.

    Walks up the clauses that govern the trigger: a complement of an intention, attempt or appeal ("aims to
    retake", "tried to storm and capture", "an offensive to recapture"), a negated or modal governor ("did not
    manage to", "would be able to"), a denial; a coordinated verb shares its head's auxiliaries ("would enter
    and capture"). ``before`` and adverbial clauses do not make a change unreal ("after capturing X").
    """
    why = _own_mood(trigger)
    if why:
        return why
    if _gerund_as_noun(trigger):
        return "generic"
    if trigger.dep_ in ("nsubj", "nsubjpass") and _lemma(trigger.head) in _COPULAS and any(
            c.dep_ in ("acomp", "attr", "oprd") and (_lemma(c) in _UNREAL_PREDICATES or _low(c) in _UNREAL_PREDICATES)
            for c in trigger.head.children):
        # "the recapture of Morek remains the army's main goal", "the fall of Morek is imminent": what the change
        # noun is said to be makes it an aim or a prospect, not a change that happened
        return "intended"
    for anc in _clause_ancestors(trigger)[:6]:
        if _denies_the_report(anc):
            return "denied"
        if any(c.dep_ in ("acomp", "attr") and _low(c) in _FALSE for c in anc.children):
            return "denied"
    infinitive = trigger_infinitive = _infinitive(trigger)
    if infinitive and ((trigger.dep_ in ("relcl", "acl") and _ranked(trigger.head))
                       or _ranked_among(trigger) is not None):
        # "Morek was the latest town to fall to the army", "the first city to be retaken": a ranked noun's
        # infinitive tells what happened ("the next town to fall" has not)
        infinitive = trigger_infinitive = False
    tok = trigger
    for _ in range(5):
        head, dep = tok.head, tok.dep_
        if head.i == tok.i or _semicolon_between(tok, head):
            break
        lemma = _lemma(head)
        if dep == "conj":
            why = _own_mood(head)
            if why:
                return why
            infinitive = infinitive or _infinitive(head)
            tok = head
            continue
        if dep == "dobj" and tok.i == trigger.i and trigger.pos_ == "NOUN":
            # "would force the withdrawal of X", "in a bid to complete the capture of X": a change noun the object
            # of a verb is as real as that verb's clause
            why = _own_mood(head)
            if why:
                return why
            infinitive = _infinitive(head)
            tok = head
            continue
        if dep == "ccomp" and lemma in _MANDATIVE and _subjunctive(tok):
            return f"governed by {lemma}"  # "demanded that Erdoğan force the withdrawal": a subjunctive, not done
        if dep in ("xcomp", "acl", "ccomp", "advcl") and (infinitive or dep != "advcl"):
            if lemma == "able" and dep == "xcomp" and _past_ability(head):
                # "the rebels were able to capture X": a past "was/were able to" tells what was done (as "managed
                # to"); "would be able to", "will be able to", "were not able to" do not
                trigger_infinitive = False
                infinitive = False
                tok = head.head
                continue
            # "forcing IS to withdraw from Morek", "forced the rebels to hand over X", "the rest were forced to
            # withdraw from Sawana": compelled, they did (the one compelled is the object, or the passive's subject)
            # "it used them to drive Kurdish forces out of Afrin": what the means was used for was done
            used = lemma == "use" and dep in ("xcomp", "advcl") and head.tag_ == "VBD" and bool(_children(head, "dobj"))
            # "an operation that resulted so far to establish control over X": wire English for "resulted in"
            used = used or (lemma == "result" and dep in ("xcomp", "advcl") and head.tag_ == "VBD")
            forced = lemma == "force" and dep == "xcomp" and bool(_children(head, "dobj", "nsubjpass")) \
                and head.tag_ in ("VBD", "VBG", "VBN") and trigger.i == tok.i \
                and _lemma(trigger) in _WITHDRAW_VERBS | _HAND_VERBS | {"abandon", "leave"}
            # "went on to capture Raqqa": what the subject did next
            went_on = lemma == "go" and dep in ("xcomp", "advcl") and any(
                _low(c) == "on" for c in head.children if c.dep_ in ("prt", "advmod", "prep")) and not any(
                _low(c) == "on" and _children(c, "pobj") for c in head.children)
            reported = lemma in _RAISING and dep == "xcomp" and _perfect_infinitive(tok)
            # "it took the army until March 2017 to take the city back": what it took that long to do was done
            took_time = _took_time_to(tok) is not None
            if (lemma in _REALIS and dep in ("xcomp", "ccomp")) or forced or went_on or reported or used or took_time:
                # "managed to take", "helped troops retake": real, as real as the governor itself ("did not manage
                # to take", "would help them retake" are not)
                why = _own_mood(head)
                if why:
                    return why
                trigger_infinitive = False
                infinitive = _infinitive(head)
                tok = head
                continue
            if _denies_the_report(head):
                return "denied"
            if dep == "xcomp" and tok.tag_ == "VBG" and lemma in _ONGOING and any(
                    c.dep_ == "dobj" and c.i < tok.i for c in head.children):
                # "continued operations to expel ISIS ..., re-establishing control over X": a verb that takes a
                # gerund takes it instead of an object; after its object, the participle tells what came of it
                infinitive = _infinitive(head)
                tok = head
                continue
            if lemma in _IRREALIS and (infinitive or dep == "xcomp" or (
                    # "another step to the government securing control over the area": misparsed "step to [X]
                    # securing", the gerund a complement of the step
                    dep == "acl" and lemma == "step" and tok.tag_ == "VBG")):
                return f"governed by {lemma}"
            if dep in ("xcomp", "ccomp"):
                why = _own_mood(head)
                if why and (dep == "xcomp" or why != "conditional"):
                    return why
            if infinitive and dep in ("acl", "advcl"):
                return "infinitive"  # "forces sent to retake X", "in order to seize X"
            infinitive = _infinitive(head)
            tok = head
            continue
        if dep == "pobj" and _low(head) in ("to", "in") and _lemma(head.head) in _RESULT_VERBS \
                and (why := _own_mood(head.head)):
            return why  # "the offensive would have led to the capture of Raqqa", "might end in the capture of X"
        if (
            dep in ("pobj", "pcomp")
            and head.dep_ in ("prep", "agent")
            and _low(head) in ("for", "to", "towards", "toward", "at", "of")
        ):
            governor = head.head
            if _lemma(governor) in _IRREALIS:
                return f"governed by {_lemma(governor)}"  # "the battle for the capture of X", "plans for"
            if _low(head) == "from" or _lemma(governor) in ("prevent", "stop"):
                return "prevented"
        if dep in ("nsubj", "nsubjpass") and trigger.pos_ == "NOUN":
            why = _own_mood(head)
            if why == "modal" and not _inferred_past(head):
                return why  # "the fall of Dabiq would open the road"
            if lemma in _ONGOING:
                return "ongoing"  # "since the liberation of the city began Oct. 17"
            if lemma == "be" and head.tag_ in ("VBZ", "VBP") and any(
                    c.dep_ in ("acomp", "attr") and (_low(c) in _NEEDED or any(
                        a.dep_ == "amod" and _low(a) in _NEEDED for a in c.children)) for c in head.children):
                return "intended"  # "it believes the fall of the city is critical to the objective": a goal
        break
    if trigger_infinitive:
        return "infinitive"
    return None


# Nouns for the members of a group ("units of the army", "militants of the Shabaab"): the group is the actor.
_MEMBER_NOUNS = frozenset({"unit", "part", "member", "fighter", "element", "remnant", "militant", "gunman", "rebel",
                           "insurgent", "jihadist"})


def _phrase_span(tok: Any) -> tuple[int, int]:
    """An actor's phrase without its relative clauses, nor the purpose a participle gives it: "forces backed by
    Turkey" names its side, "Arab forces originally raised to fight Assad" is no one named in "to fight Assad"."""
    return _span(tok, stop_deps=frozenset({"relcl", "punct", "cc"}),
                 below_participle=frozenset({"advcl", "xcomp", "ccomp"}))


def _actor_span(tok: Any | None) -> tuple[int, int] | None:
    if tok is None:
        return None
    # "the Nusra Front and its allies": the first conjunct; "units of the army": the of-complement
    if _lemma(tok) in _MEMBER_NOUNS and _prep_objects(tok, "of"):
        return _span(_prep_objects(tok, "of")[0])
    start, end = _phrase_span(tok)
    if tok.i < tok.head.i:
        # "Kyiv's forces pushed Russian troops out of dozens of towns, including X and Y": a party's phrase before its
        # verb ends there, whatever the parser hangs on it from beyond ("including" on the subject)
        inside = {t.i for t in tok.subtree}
        k = tok.i + 1
        while k in inside:
            k += 1
        last = tok.doc[k - 1]
        end = min(end, last.idx + len(last.text))
    changed = [c for c in tok.children if c.dep_ == "acl" and c.i == tok.i + 1 and _lemma(c) in _VERB_TRIGGERS]
    if changed:
        # ("the city that US-backed forces captured in 2017", misparsed as "forces captured in 2017"): the party's
        # phrase ends before the change's verb
        end = min(end, tok.idx + len(tok.text))
    before = [c for c in tok.head.children if c.dep_ == tok.dep_ and c.i < tok.i] if tok.dep_ == "nsubj" else []
    if before and _lemma(before[-1]) in _FIGHTER_NOUNS and before[-1].right_edge.i + 1 == tok.left_edge.i:
        # "Forces loyal to Somali warlord Mohamed Farah Aidid seized X": the parser cut one phrase into two subjects
        start = _phrase_span(before[-1])[0]
    # "In April 2019 Haftar's troops seized Gharyan": the parser may hang the fronted time on the subject; a party's
    # name does not begin with a month or a number
    first = tok.doc.char_span(start, end, alignment_mode="expand")
    if first is not None:
        lead = 0
        while lead < len(first) - 1 and first[lead].i < tok.i and (_a_time(first[lead]) or first[lead].is_punct):
            lead += 1
        start = first[lead].idx
    return start, end


TIME_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads better as words)
        "january february march april may june july august september october november december monday tuesday "
        "wednesday thursday friday saturday sunday date day days week weeks month months year years time now then "
        "today yesterday"
    ).split()
)


def _a_time(tok: Any) -> bool:
    """"from 10 June", "to date": a time, never a party."""
    return _low(tok) in TIME_WORDS or tok.like_num


def _loser_from(verb: Any, preps: tuple[str, ...] = ("from", "of")) -> Any | None:
    for o in _prep_objects(verb, *preps):
        if _a_time(o):
            continue
        inner = _prep_objects(o, "of")  # "from the hands of X", "from X's control", "from the control of X"
        if _lemma(o) in _HELD_NOUNS and inner:
            return inner[0]
        poss = _children(o, "poss", "compound") or _children(o, "amod")
        if _lemma(o) in _HELD_NOUNS and poss:
            # "from ISIL control", "from the group's hands"; "from Iraqi government control": the government (the
            # demonym beside it only says whose)
            return poss[-1]
        return o
    return None


# The word forms of every trigger this module reads (a sentence without one is never parsed: parsing is the
# expensive step, and most sentences of an article hold none).
_MONTH_WORDS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"])
# "held by Isis until 2016", "under rebel control until March": a holding that ended at a time (``_held_until``)
_UNTIL_A_DATE = r"until\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:19|20)\d\d|" + "|".join(sorted(_MONTH_WORDS)) + ")"
# "ejected Isis from Ramadi", "threw the rebels out of Morek", "rooted out the terrorists": driving out (both lists)
_OUT_WORDS = r"eject\w*|(?:threw|thrown|throw(?:s|ing)?|root(?:s|ed|ing)?)\s+(?:\w+\s+){0,4}?out"
_FLAG_VERBS = frozenset({"hoist", "raise", "plant"})
# Where a flag raised marks a town's taking: its square, centre or hall ("raised their flag in Izium's central square").
_TOWN_CENTRES = frozenset({"square", "centre", "center", "hall"})
# "hoisted their black flag over X", "raised their flag in the town's central square"
_FLAG_OVER = r"(?:hoist|rais|plant)\w*\s+(?:[\w'’-]+\s+){0,3}?flags?\s+(?:over|above|in|at)"
# "entered X after the militants fled the town": leaving, after an entry (``_entered_after``), within a bounded reach
# "imposed security on the villages of X", "the hamlet of X changed hands"
_IMPOSED_OR_CHANGED = (r"impos(?:e|ed|es|ing)\s+(?:[\w'’-]+\s+){0,3}?(?:security|authority|sovereignty)|"
                       r"chang(?:e|ed|es|ing)\s+hands")
# "ending two years of Isis rule in X", "ended the Isis occupation of X": a rule ended (``_ended_rule``)
_ENDED_RULE = (r"end(?:ed|ing|s)?\s+(?:[\w'’-]+\s+){0,5}?(?:rule|reign|grip|hold|occupation|control)|"
               r"\bend\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:rule|reign|grip|occupation|control)")
# "came under Isis occupation" (the patterns key "came under ... control" already)
_UNDER_OCCUPATION = r"c(?:ame|ome|omes|oming)\s+under\s+(?:[\w'’-]+\s+){0,2}?occupation"
# "removed terrorists from Afrin" (only with the place it is from in reach: "removed" alone is no war's word)
_REMOVED_FROM = r"remov(?:e|ed|es|ing)\s+(?:[\w'’-]+\s+){0,3}?from"
_SLIPPED_FROM = r"slip(?:ped|s|ping)?\s+(?:out\s+of|from)"
_ENTERED_AFTER_LEAVING = r"(?:enter(?:ed|s|ing)?|moved\s+into)\b[^.;]{0,80}?\b(?:after|as)\b[^.;]{0,60}?\b(?:fled|left)"
TRIGGER_WORDS = re.compile(
    r"\b(?:captur\w*|recaptur\w*|seiz\w*|retook|retak\w*|regain\w*|liberat\w*|overr[au]n\w*|conque\w*|"
    r"reconque\w*|re-conquest|reclaim\w*|wrest\w*|fre(?:e|ed|eing)\b|took|takeover|"
    r"tak(?:e|en|es|ing)\s+(?:\w+\s+)?(?:control|over|back)|(?:was|were|been|be|being|has|have|had|having)\s+(?:\w+ly\s+)?taken|taken\s+(?:by|from)|"
    r"w[io]n\b|wins|winning|control|controlling|fell|fall(?:s|en|ing)?|los(?:t|e|es|ing|s)|ced(?:e|ed|es|ing)|"
    r"withdr(?:ew|aw|awn|aws|awing)|pull(?:ed|s|ing)?|retreat\w*|hand(?:ed|s|ing)\s+(?:[\w,'’-]+\s+){0,8}?(?:over|to)\b|hand\s+(?:\w+\s+){0,3}?over|"
    r"handover|surrender\w*|dr[io]ve\w*|driv\w*|withdrawal|expulsion|removal|ouster|eviction|pull-?out|"
    r"secur(?:e|ed|es|ing)|recover(?:ed|s|ing|y)?|abandon(?:ed|s|ing)?|tak(?:e|es)|"
    r"expel\w*|oust\w*|push\w*|forc(?:ed|ing)|kick\w*|chas(?:ed|ing)|rout(?:ed|ing|s)?|flush\w*|"
    r"evict\w*|" + _REMOVED_FROM + "|" + _OUT_WORDS + r"|"
    r"clear(?:ed|ing)|purg(?:e|ed|es|ing)|cleans(?:e|ed|es|ing)|restor(?:e|ed|es|ing)|victory|(?:re)?occup\w*|swe(?:pt|ep\w*)|seizure|dislodg\w*|relinquish\w*|transfer(?:s|red|ring)?|"
    r"(?:back\s+in(?:to)?|into|to)\s+(?:the\s+)?(?:\w+\s+){0,2}?hands|claw(?:ed|s|ing)?\s+back|"
    + _SLIPPED_FROM + "|" + _ENTERED_AFTER_LEAVING + "|" + _FLAG_OVER + "|" + _ENDED_RULE + "|"
    + _IMPOSED_OR_CHANGED + "|" + _UNTIL_A_DATE + r")\b",
    re.IGNORECASE,
)
# Trigger words the pattern extractor has no key for: sentences holding one are parsed too.
EXTRA_TRIGGER_WORDS = re.compile(
    r"\b(?:(?:re)?occup(?:y|ies|ied|ying)|purg(?:e|ed|es|ing)|cleans(?:e|ed|es|ing)|restor(?:e|ed|es|ing)|victory|swept|sweep(?:s|ing)?|(?:re-?)?conquests?|reconquer\w*|withdrawal|expulsion|removal|ouster|eviction|"
    r"pull-?out|secur(?:e|ed|es|ing)|recover(?:ed|s|ing|y)?|abandon(?:ed|s|ing)?|(?:battle|fight)\s+(?:for|of)|"
    r"tak(?:e|es)|dislodg\w*|" + _REMOVED_FROM + "|" + _OUT_WORDS + r"|" + _UNDER_OCCUPATION + r"|"
    r"relinquish\w*|transfer(?:s|red|ring)?|(?:back\s+in(?:to)?|into|to)\s+(?:the\s+)?(?:\w+\s+){0,2}?hands|"
    r"claw(?:ed|s|ing)?\s+back|" + _SLIPPED_FROM + "|" + _ENTERED_AFTER_LEAVING + "|" + _FLAG_OVER + "|"
    + _ENDED_RULE + "|" + _IMPOSED_OR_CHANGED + "|" + _UNTIL_A_DATE + r")\b",
    re.IGNORECASE,
)


def frames(sentence: Any) -> Iterator[Frame]:
    """Every control-change trigger of a parsed sentence, with its roles."""
    for tok in sentence:
        frame = _frame(tok)
        if frame is not None:
            yield frame
            if frame.role == "fall":
                yield from _gapped_falls(tok)


def _gapped_falls(verb: Any) -> Iterator[Frame]:
    """ "Raqqa fell to the SDF in October, and Deir ez-Zor to the army a month later": the verb left out before a
    further place with a gainer of its own, which the parser conjoins to the verb as a bare name."""
    for c in verb.children:
        gainers = _prep_objects(c, "to") if c.dep_ == "conj" and c.tag_ in ("NNP", "NNPS") else []
        if gainers and not _a_time(gainers[0]):
            frame = _make(verb, _lemma(verb), "fall", [c], gainers[0], None, _mood(verb))
            if frame is not None:
                yield frame


def conjoined_predicates(sentence: Any) -> list[tuple[int, int, int]]:
    """(the first verb, the conjoined verb, the end of its phrase) for each verb conjoined to another with no subject
    of its own ("took Nyala in late 2023, and overran Ardamata, the army's garrison town, in November of that
    year"): a date between the two verbs is the first one's, not the second's (one before the first verb, "In
    November 2016 the PMF cut the road and seized the airport", is both's)."""
    out = []
    for tok in sentence:
        if tok.dep_ == "conj" and (tok.pos_ == "VERB" or _low(tok) in _PAST_OF_RARE_VERBS) \
                and tok.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            last = tok.doc[tok.right_edge.i]
            out.append((tok.head.idx, tok.idx, last.idx + len(last.text)))
    return out


def relative_clauses(sentence: Any) -> list[tuple[int, int]]:
    """(start, end) of the relative clauses of a parsed sentence: their parties are the described noun's story, not
    the main clause's ("pulled out of Sinjar, the town they recaptured from IS in 2015": IS took nothing here)."""
    return [(tok.doc[tok.left_edge.i].idx, tok.doc[tok.right_edge.i].idx + len(tok.doc[tok.right_edge.i].text))
            for tok in sentence if tok.dep_ == "relcl"]


def describing_clauses(sentence: Any) -> Iterator[tuple[int, int, int, bool]]:
    """(verb offset, start, end, told by its own subject) of the relative and participle clauses of a parsed
    sentence: what they tell describes a noun, and a date inside one dates that clause's event ("Fighters who had
    taken X in 2014 were forced out on Sunday"). Told by its own subject: an object relative ("the neighbourhoods
    they infiltrated on June 24th"), whose subject is a noun or pronoun of its own, not the relative word."""
    for tok in sentence:
        if tok.dep_ == "advcl" and tok.pos_ in ("VERB", "AUX") and _marked_by(tok, ("since",)):
            # "Since Russia intervened in 2015, the regime has regained Aleppo": the clause's date is the start of a
            # period, not the change's
            last = tok.doc[tok.right_edge.i]
            yield tok.idx, tok.doc[tok.left_edge.i].idx, last.idx + len(last.text), True
            continue
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # "Within a week they had captured Kunduz, and on 15 August they entered Kabul": a coordinated clause with
            # a subject of its own tells its own event, and its date is that event's
            last = tok.doc[tok.right_edge.i]
            yield tok.idx, tok.doc[tok.left_edge.i].idx, last.idx + len(last.text), True
            continue
        if tok.dep_ in ("relcl", "acl") and tok.pos_ in ("VERB", "AUX"):
            last = tok.doc[tok.right_edge.i]
            own = tok.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP", "WP$") and _low(c) != "that"
                and not any(t.tag_ == "WP$" for t in c.subtree)  # ("whose crackdown intensified": of the noun's own)
                for c in tok.children)
            yield tok.idx, tok.doc[tok.left_edge.i].idx, last.idx + len(last.text), own


def _frame(tok: Any) -> Frame | None:
    lemma, low, pos = _lemma(tok), _low(tok), tok.pos_
    if lemma == "end":
        return _ended_rule(tok)
    if pos in ("VERB", "AUX") or tok.tag_.startswith("VB") or (
            low in _PAST_OF_RARE_VERBS and _children(tok, "nsubj", "dobj")):
        return _verb_frame(tok, lemma, low)
    if (pos in ("NOUN", "PROPN") and (lemma in _NOUN_TRIGGERS or low in _NOUN_TRIGGERS)) or (
            # ("The army's reconquest of eastern Ghouta": the tagger may read a rare change noun as an adjective)
            low in _NOUN_TRIGGERS and pos == "ADJ" and _prep_objects(tok, "of")):
        return _noun_frame(tok, lemma)
    if low == "wrest" and tok.dep_ == "amod":
        return _wrest_read_as_adjective(tok)
    return None


def _wrest_read_as_adjective(tok: Any) -> Frame | None:
    """ "managed to wrest control of X", "hope to wrest control over X": the parser reads the rare verb as an
    adjective on "control", the infinitive's "to" as a preposition. The verb takes "control" as its object; its
    subject and mood are those of the verb the "to" hangs on, an infinitive real only under "managed" and its
    kind."""
    control, to = tok.head, tok.head.head
    if _lemma(control) != "control" or control.dep_ != "pobj" or _low(to) != "to" or to.head.pos_ not in ("VERB",
                                                                                                        "AUX"):
        return None
    governor = to.head
    why = (_mood(governor) if _lemma(governor) in _REALIS else "infinitive")
    loser = next(iter(_prep_objects(control, "from")), None)
    return _make(tok, "wrest", "active", [control], _subject(governor), loser, why)


def _misread_fronted_name(subject: Any) -> Any | None:
    """ "Mosul, Iraq's second city, was retaken from Isis": the tagger reads a name opening the sentence before a
    comma as an adverb ("However, ...") and makes the appositive after it the subject; the name is the subject."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.left_edge.i < 2:
        return None
    name = subject.doc[subject.left_edge.i - 2]
    if name.head.i != subject.head.i or name.dep_ not in ("advmod", "npadvmod") or name.i != name.sent.start \
            or not name.is_title or subject.doc[name.i + 1].text != ",":
        return None
    return name


def _make(
    tok: Any, lemma: str, role: Role, objects: Iterable[Any], gainer: Any | None, loser: Any | None,
    why_not: str | None, named: frozenset[int] = frozenset(),
) -> Frame | None:
    if role in ("expel", "expel_passive", "withdraw") and loser is not None and _civilians(loser):
        why_not = why_not or "displacement"  # "100,000 Kurdish civilians being driven out of Afrin": people fled
    spans: list[tuple[int, int]] = []
    nouns: list[tuple[int, str]] = []
    excluded: list[tuple[int, int]] = []
    compassed: list[tuple[int, int]] = []
    marked: list[tuple[int, int]] = []
    partial = False
    place_only = lemma in _PLACE_ONLY_VERBS or (
        tok.dep_ == "conj" and _lemma(tok.head) in _PLACE_ONLY_VERBS  # "stormed and captured X"
    )
    objects = list(objects)
    # (a name the tagger misread is a place only where the geoparser found one there: its span, not a phrase)
    spans.extend((x.idx, x.idx + len(x.text)) for o in objects if (x := _misread_fronted_name(o)) is not None)
    for o in objects:
        # ("Palmyra and Quaryatayn had been retaken by pro-government forces": what is retaken or liberated is a
        # place; a recaptured one may be an escaped prisoner)
        vouched = (place_only and (role == "active" or (role == "passive" and lemma != "recapture"))) or o.i in named
        s, n, e, p = _place_phrases(o, compassed, marked, named_place=vouched)
        spans.extend(s)
        nouns.extend(n)
        excluded.extend(e)
        partial = partial or p
    # (what follows a closing quote is no part of the place, and not to be taken as one by the patterns either; nor is
    # a phrase that opens right after it: the speaker, '... Raqqa," Phillips said')
    text = tok.doc.text
    quoted = [_before_closing_quote(text, a, b) for a, b in spans]
    excluded.extend((end, b) for (a, b), (_, end) in zip(spans, quoted, strict=True) if end < b)
    excluded.extend(span for span in spans if _after_closing_quote(text, span[0]))
    spans = _join_hyphenated([span for span in quoted if not _after_closing_quote(text, span[0])])
    marked[:] = _join_hyphenated([_before_closing_quote(text, a, b) for a, b in marked
                                  if not _after_closing_quote(text, a)])
    if tok.dep_ == "relcl":
        # ("pulled out of Sinjar, the Yazidi town they recaptured from IS in 2015, and Makhmour": a conjunct after the
        # relative clause is no part of what the clause describes)
        # (not what "including" or "like" lists: "areas the government has retaken, like Ghouta and Daraa")
        # (and the name an appositive noun the clause hangs on describes: "Sinjar, the town they recaptured, and X")
        heads = (tok.head, tok.head.head) if tok.head.dep_ == "appos" else (tok.head,)
        later = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for h in heads
                 for c in _children(h, "conj") if c.i > tok.right_edge.i]
        excluded.extend(later)
        spans = [span for span in spans if not any(a <= span[0] < b for a, b in later)]
        marked[:] = [span for span in marked if not any(a <= span[0] < b for a, b in later)]
    if not spans and not nouns and not partial:
        why_not = why_not or "unnamed"  # "captured hostages", "the area was overrun": read, and no named place
    if partial and not spans:
        # "captured more territory inside Zabadani": what the verb's own locatives name was not taken either
        excluded.extend(_span(c) for c in tok.children if c.dep_ == "prep" and _low(c) in _LOCATIVE_PREPS)
    return Frame(
        tok.idx,
        tok.idx + len(tok.text),
        lemma,
        role,
        tuple(spans),
        tuple(nouns),
        _actor_span(gainer),
        _actor_span(loser),
        # (an indefinite "a district" of a partial capture names nothing taken: "captured a number of villages in
        # the Jabal Akrad, a mountainous district")
        why_not is None and (spans != [] or any(not (partial and n.startswith("a ")) for _, n in nouns)),
        why_not or ("partial" if partial and not spans else None),
        tuple(excluded),
        tuple(compassed),
        tuple(marked),
    )


_CLOSING_QUOTE = re.compile(r"(?<=\S)[”\"]")
_AFTER_CLOSING_QUOTE = re.compile(r"(?<=\S)[”\"],?\s*$")


def _after_closing_quote(text: str, a: int) -> bool:
    return _AFTER_CLOSING_QUOTE.search(text, max(0, a - 4), a) is not None


def _before_closing_quote(text: str, a: int, b: int) -> tuple[int, int]:
    """A place phrase ends where a quotation closes ('... retaking Raqqa," Phillips said': the parser may hang the
    speaker's name on the last word quoted)."""
    quote = _CLOSING_QUOTE.search(text, a + 1, b)
    if quote is None:
        return a, b
    end = quote.start()
    while end > a + 1 and text[end - 1] in " ,;:":
        end -= 1
    return a, end


def _join_hyphenated(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans that touch are one name: the tokenizer splits "Ras al-Ain" at its hyphen and the parser may hang the
    pieces as three objects. A span inside another is a piece of that name, not a place of its own: "Majbal Abu
    ‘Ali", split at the ayn's quote mark, has "Ali" hung on it as an appositive."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a == out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [(a, b) for n, (a, b) in enumerate(out)
            if not any(x <= a and b <= y and ((x, y) != (a, b) or m < n) for m, (x, y) in enumerate(out))]


def _where_head(tok: Any) -> Any | None:
    """The place a "where" relative clause is about: "Ghouta, where the rebels surrendered"."""
    if tok.dep_ == "relcl" and any(c.dep_ == "advmod" and _low(c) == "where" for c in tok.children):
        # ("Ghouta, the Damascus suburb where rebels surrendered": the name the described noun is in apposition to)
        return _relative_head(tok)
    return None


def _governing_verb(tok: Any) -> Any | None:
    """The verb a participle clause hangs on: "seized ... before being reclaimed", "held X until they were driven
    out"."""
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and _low(tok.head) in ("before", "after", "until"):
        gov = tok.head.head
    elif tok.dep_ == "advcl":
        gov = tok.head
    else:
        return None
    return gov if gov.pos_ in ("VERB", "AUX") else None


def _along_with(verb: Any, objects: list[Any]) -> list[Any]:
    """"captured the village of X along with the nearby Y hill", "seized X together with Y": a second object the
    parser hangs on the verb (only after the first, so "Rebels, along with Turkish troops, captured X" adds none)."""
    if not objects:
        return []
    out = []
    for c in verb.children:
        if c.dep_ == "prep" and c.i > objects[0].i and _low(c) in ("along", "together"):
            out.extend(o for w in _children(c, "prep") if _low(w) == "with" for o in _children(w, "pobj"))
        elif c.dep_ == "prep" and c.i > objects[0].i and _low(c) == "alongside":
            out.extend(_children(c, "pobj"))
    return out


def _colon_list(verb: Any) -> list[Any]:
    """ "captured three villages west of Hama: Tal Malah, Jibbin and Zalin": names after a colon or dash that the
    parser hangs on the verb."""
    out = []
    for c in verb.children:
        if c.dep_ in ("npadvmod", "dep", "appos", "attr") and c.i > verb.i and c.tag_ in ("NNP", "NNPS"):
            prev = c.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
            if prev is not None and prev.text in (":", "-", "–", "—"):
                out.append(c)
    for p in verb.children:
        # (the colon the parser hangs on the verb, the list after it hung elsewhere: "recaptured three villages south
        # of Bakhmut: Klishchiivka, Andriivka and Kurdiumivka" made the first name an appositive of the subject)
        if p.dep_ == "punct" and p.text in (":", "–", "—") and p.i > verb.i:
            name = _name_opening_after(p)
            if name is not None and name.tag_ in ("NNP", "NNPS") and all(name.i != o.i for o in out):
                out.append(name)
    if not out and any(_lemma(d) in PLACE_NOUNS and d.tag_ == "NNS" for d in _children(verb, "dobj")):
        # (or both hung on a locative's name: "retaken three villages from Isis north of Aleppo: Dudyan, Yahmul and
        # Tal Hussein" made the names conjuncts of Aleppo): the names right after the colon that follows the plural
        # place noun the verb takes, whatever the parser made of them
        colon = next((t for t in verb.subtree if t.text == ":" and t.i > verb.i), None)
        name = _name_opening_after(colon) if colon is not None else None
        if name is not None and name.is_title and name.dep_ in ("conj", "appos", "npadvmod", "dep"):
            out.append(name)
    return out


def _name_opening_after(punct: Any) -> Any | None:
    """The head of the phrase that opens right after a colon or dash (a name's compound words climbed), if it starts
    there."""
    if punct.i + 1 >= len(punct.doc):
        return None
    name = punct.doc[punct.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name if name.left_edge.i == punct.i + 1 else None


def _before_relative(verb: Any) -> Any | None:
    """ "... near Palmyra which government forces recaptured": the noun right before the clause's relative pronoun
    (skipping a comma), which is the antecedent whatever the parser attached the clause to."""
    for c in verb.subtree:
        if _low(c) in ("which", "that", "whom") and c.tag_ in ("WDT", "WP", "IN", "DT") and c.i < verb.i:
            j = c.i - 1
            while j >= 0 and verb.doc[j].is_punct:
                j -= 1
            if j >= 0 and verb.doc[j].pos_ in ("PROPN", "NOUN") and verb.doc[j].i < c.i:
                if _locates_the_clause_head(verb.doc[j], verb):
                    return None  # (the parser's own head: "a town east of the Euphrates that the SDF wrested")
                described = _described_by_appositive(verb.doc[j]) if j < c.i - 1 else None
                if described is not None:
                    return described
                return _coordination_head(verb.doc[j], verb, c.i)
            return None
    return None


_LANDMARK_PREPS = frozenset(["of", "on", "near", "outside", "in", "at", "along"])


def _described_by_appositive(noun: Any) -> Any | None:
    """ "eastern Ghouta, the rebel enclave on the edge of Damascus, whose fall ...": a landmark inside the
    appositive that describes a name, right before a comma and a relative pronoun; the clause describes the name."""
    tok = noun
    for _ in range(4):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or _low(tok.head) not in _LANDMARK_PREPS:
            return None
        tok = tok.head.head
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and _namelike(tok.head):
            return tok.head
    return None


def _entered_after(leave: Any) -> Any | None:
    """The verb of entering that a clause of leaving hangs on with "after" or "as" ("the YPG entered Kafr Naya after the
    army withdrew", "federal forces moved into Kirkuk as the peshmerga withdrew")."""
    head = leave.head
    if leave.dep_ == "advcl" and _marked_by(leave, ("after", "as")) and (
            _lemma(head) == "enter" or (_lemma(head) == "move" and _prep_objects(head, "into"))):
        return head
    return None


def _entered_places(entered: Any, besides: list[Any]) -> list[Any]:
    """The places entered (its object, or what it moved into), but those already in ``besides``."""
    into = _children(entered, "dobj") if _lemma(entered) == "enter" else _prep_objects(entered, "into")
    return [d for d in into if all(d.i != p.i for p in besides)]


_LOCATING_DIVISIONS = frozenset(["province", "governorate", "region", "countryside", "oblast"])


def _locates_the_clause_head(noun: Any, verb: Any) -> bool:
    """Whether the noun before a relative pronoun is only the landmark that locates the noun the parser hung the
    clause on ("a town east of the Euphrates that ...", "a village near Hama which ..."): the clause describes that
    noun, not the landmark."""
    prep, head = noun.head, verb.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i != head.i or head.pos_ != "NOUN":
        return False
    before = noun.doc[prep.i - 1] if prep.i > 0 else None
    # ("a rail hub in Donetsk province that Russia took in May", "a strategic hill in Daraa province that Al-Nusra
    # seized": the division a place is in only locates it)
    return _low(prep) in ("near", "outside") or (_low(prep) in ("of", "from") and before is not None
                                                  and _low(before) in _COMPASS) or (
        _low(prep) == "in" and _lemma(noun) in _LOCATING_DIVISIONS)


def _misparsed_reduced_relative(verb: Any) -> Any | None:
    """The name a participle right after it describes ("X, recaptured by the army in March, ...", "Jarablus liberated
    from ISIS") where the parser read the participle as a finite verb or an adverbial clause: no auxiliary, no
    object, and a by-agent or a from-phrase, which a main verb taking a place never has without an object."""
    if verb.i < 2 or verb.dep_ not in ("ROOT", "advcl", "conj", "dep") or verb.tag_ not in ("VBN", "VBD"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubjpass", "dobj") for c in verb.children):
        return None
    # ("Mosul, recently retaken by Iraqi forces", "Palmyra, only recently liberated": adverbs of time before the
    # participle; one of recency marks a change by itself where only places take the verb)
    adverbs = _adverbs_before(verb)
    by_or_from = any(c.dep_ == "agent" or (c.dep_ == "prep" and _low(c) == "from") for c in verb.children) or (
        _lemma(verb) in _PLACE_ONLY_VERBS and any(_low(a) in _RECENTLY for a in adverbs))
    if not by_or_from:
        return None
    first = min([verb.i, *(a.i for a in adverbs)])
    if verb.dep_ == "conj" and verb.head.tag_ == "VBN":
        # "Morek, captured by rebels in May and retaken by the army in June": the second participle describes the
        # name the first does
        return _misparsed_reduced_relative(verb.head)
    doc = verb.doc
    # ("Morek and Kafr Zita, both retaken by the army last week": "both", read as the subject, stands for the list)
    both = [c for c in _children(verb, "nsubj") if c.i == verb.i - 1 and _quantified_list(c) is not None]
    if both:
        return _quantified_list(both[0])
    if first < 2:
        return None
    head = doc[first - 2] if doc[first - 1].text == "," else doc[first - 1]
    if head.tag_ not in ("NNP", "NNPS") and not (
            # ("at Tabqa airbase, captured by ISIL terrorists earlier this month": a facility word a name qualifies)
            doc[first - 1].text == "," and _lemma(head) in FACILITY_WORDS
            and any(c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") for c in head.children)):
        return None
    # the name is no subject of the participle itself ("IS, captured by ..." would be a person or group; only
    # places become events downstream); a subject the participle already has is its own, except the misparse's
    # "Residents of Palmyra" whose of-object is the name
    subj = _children(verb, "nsubj")
    # ("Tikrit, recaptured from Isis in 2015, is slowly being rebuilt": the parser made the name the participle's
    # subject and the sentence's own verb a conjunct of it; a comma parts a subject from its finite verb rarely)
    parted = bool(subj) and subj[0].i == head.i and doc[first - 1].text == "," and any(
        c.dep_ in ("conj", "ccomp", "parataxis") and c.pos_ in ("VERB", "AUX") and c.i > verb.i
        and any(t.text == "," for t in doc[verb.i + 1 : c.i]) for c in verb.children)
    if subj and not parted and not (head in subj[0].subtree and head.i != subj[0].i):
        return None
    return _coordination_head(head, verb, first)


def _relative_read_as_participle(verb: Any) -> tuple[Any, Any] | None:
    """(the place, the gainer) of a relative clause the parser read as a reduced relative on its own subject: "the
    city that US-backed forces captured in 2017" parsed as "forces [that were] captured", with "that" hung
    elsewhere. The verb follows its noun at once and has no by-agent; right before the noun's phrase stands "that"
    or "which", right after the place noun it describes (a place noun, or the name that noun is in apposition to)
    or after a name and its comma."""
    noun = verb.head
    if verb.i != noun.i + 1 or noun.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "agent" for c in verb.children):
        return None
    opening = noun.left_edge.i
    if _low(verb.doc[opening]) in ("that", "which"):
        opening += 1  # (the parser may hang the relative word on the noun itself)
    # (the relative word may come out a determiner or a conjunction: "a former ISIL stronghold that Turkish-led forces
    # seized")
    if opening < 2 or _low(verb.doc[opening - 1]) not in ("that", "which"):
        return None
    described = verb.doc[opening - 2]
    if described.text == "," and opening >= 3 and verb.doc[opening - 3].tag_ in ("NNP", "NNPS"):
        return verb.doc[opening - 3], noun  # ("near Jarablus, which Turkish-backed rebels liberated from ISIS")
    if _lemma(described) not in PLACE_NOUNS or (described.dep_ == "pobj" and described.head.head.pos_ == "NOUN"):
        return None  # ("a strategic hill in Daraa province that rebels seized": the hill, as likely as the province)
    if described.dep_ == "appos" and described.head.tag_ in ("NNP", "NNPS"):
        return described.head, noun
    return described, noun


# Adverbs that say a participle's change is recent ("Palmyra, only recently liberated")
_RECENTLY = frozenset({"recently", "newly", "lately", "just"})


def _adverbs_before(verb: Any) -> list[Any]:
    """The adverbs (and what modifies them: "only recently") right before ``verb``, nearest last."""
    out: list[Any] = []
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ == "ADV" and verb.doc[i].dep_ == "advmod" and verb.i - i <= 3:
        out.insert(0, verb.doc[i])
        i -= 1
    return out


def _quantified_list(quantifier: Any) -> Any | None:
    """The first conjunct of the coordination a floating quantifier after a comma stands for ("the West Bank and
    Gaza, both ..."), which heads it; None for any other token."""
    doc = quantifier.doc
    if _low(quantifier) not in _FLOATING_QUANTIFIERS or quantifier.i < 2 or doc[quantifier.i - 1].text != ",":
        return None
    first = doc[quantifier.i - 2]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first


def _participle_head(participle: Any, lemma: str) -> Any:
    """The noun a participle clause describes: its head, or, for a verb only places take, the name right before it
    where the parser hung it on a party ("areas held by Kurdish forces close to Jarablus liberated from ISIS")."""
    head = participle.head
    doc = participle.doc
    if (listed := _quantified_list(head)) is not None:
        return listed  # "the West Bank and Gaza, both captured by Israel in 1967"
    i = participle.i - 2 if participle.i >= 2 and doc[participle.i - 1].text == "," else participle.i - 1
    before = doc[i]
    if lemma in _PLACE_ONLY_VERBS and before.tag_ in ("NNP", "NNPS") and before.i != head.i \
            and head.tag_ not in ("NNP", "NNPS") and _low(head) not in PLACE_NOUNS and _lemma(head) not in PLACE_NOUNS:
        return before
    if head.dep_ == "appos" and head.pos_ == "NOUN" and _namelike(head.head):
        return head.head  # "Jarabulus, a former ISIL stronghold seized by Turkish-led forces": the name described
    if (member := _listed_among(head)) is not None:
        return member  # "X and Y were among the villages captured by the army"
    return _coordination_head(head, participle)


def _coordination_head(head: Any, clause: Any, first: int | None = None) -> Any:
    """ "Tal Malah and Kafr Zita, which the army captured", "the villages of A and B, recaptured by the army": a clause
    set off by a comma after a coordination describes all of it, though the parser hangs it on the last name; not
    where its verb agrees with one ("A and B, which was captured": B). ``first``: the clause's first token."""
    left = clause.left_edge.i if first is None else first
    if left == 0 or clause.doc[left - 1].text != ",":
        return head
    if clause.tag_ == "VBZ" or any(c.dep_ in ("aux", "auxpass") and _low(c) in ("was", "is", "has")
                                   for c in clause.children):
        return head
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < head.i:
        head = head.head
    return head


def _takes_its_relative_head(verb: Any, dobj: list[Any]) -> bool:
    """ "Manbij, which the SDF took from Isis in 2016": the object is the relative pronoun, and what it stands for
    is a name ("which Wagner claimed to have taken": the clause is the verb's that the infinitive hangs on)."""
    clause = verb.head if verb.dep_ == "xcomp" and verb.head.dep_ == "relcl" else verb
    # ("Shalaf, a village it had taken only recently": an object relative without its pronoun, its subject its own)
    gap = not dobj and clause is verb and bool(_children(verb, "nsubj"))
    if clause.dep_ != "relcl" or not (gap or any(_low(d) in ("which", "that") for d in dobj)):
        return False
    head = _before_relative(clause) or _relative_head(clause)
    return head is not None and _namelike(head)


def _relative_head(verb: Any) -> Any | None:
    """ "Tal Abyad, the border town that Kurdish forces recaptured": the noun the relative clause hangs on, or
    the name that noun is in apposition to."""
    if verb.dep_ != "relcl":
        return None
    head = verb.head
    if head.dep_ == "appos":  # "Abu al-Duhur airbase, one of the largest in the north, that fell to rebels"
        return head.head
    if (member := _listed_among(head)) is not None:
        return member  # "Sardaj and Zabad were among the villages that returned to state control"
    opening = verb.left_edge.i
    if opening > 0 and verb.doc[opening - 1].text == "," and (described := _described_by_appositive(head)) is not None:
        return described  # ("eastern Ghouta, the rebel enclave on the edge of Damascus, whose fall ...")
    return _coordination_head(head, verb)


# The lemmas a verb frame can start from, checked before its mood is read.
_VERB_TRIGGERS = (_EXPEL_VERBS | PASS_UNDER_VERBS | _FALL_VERBS | _LOSE_VERBS | _WITHDRAW_VERBS | _HAND_VERBS
                  | _TAKE_VERBS | _FLAG_VERBS | {"abandon", "flee", "leave"})


def _perfect_infinitive(tok: Any) -> bool:
    """ "to have fallen", "to have been captured": a change told as done, under a verb of reporting."""
    return _infinitive(tok) and any(c.dep_ == "aux" and _lemma(c) == "have" for c in tok.children)


def _raised_subjects(tok: Any) -> list[Any]:
    """The subject a reporting verb lends its perfect infinitive ("Irbil was reported to have fallen to Iraqi
    troops": Irbil fell)."""
    if tok.dep_ != "xcomp" or _lemma(tok.head) not in _RAISING or not _perfect_infinitive(tok):
        return []
    return [x for x in _children(tok.head, "nsubj", "nsubjpass") if _low(x) not in ("that", "which", "who")]


def _clause_subjects(tok: Any, dep: str) -> list[Any]:
    """The verb's own subjects of dependency ``dep`` ("nsubj", "nsubjpass"), a relative pronoun standing for the
    noun it describes ("Kafr Zita, which came under rebel control")."""
    subj = [x for x in _children(tok, dep) if _low(x) not in ("that", "which")]
    if not subj and tok.dep_ == "relcl":
        head = _relative_head(tok)
        subj = [head] if head is not None else []
    return subj


def _control_owner(prep: Any) -> tuple[Any, Any] | None:
    """(the control or hands noun, its owner) of "under government control", "in the hands of IS", "under its
    control"; None where the phrase names no control ("under fire", "in the hands of a court")."""
    for held in _children(prep, "pobj"):
        if _lemma(held) not in _HELD_NOUNS:
            continue
        # a noun before an adjective ("under Iraqi government control": the government's, not "Iraqi")
        modifiers = [c for c in held.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                     and _low(c) not in _CONTROL_DEGREES]
        nouns = [c for c in modifiers if c.dep_ != "amod"]
        owner = _prep_objects(held, "of") or nouns[-1:] or modifiers
        return held, owner[0] if owner else None
    return None


def _holder_since(tok: Any) -> list[Any]:
    """ "Manbij has been controlled by the SDF since it was wrested from Isis": an agentless change in a since-clause
    of a holding was made by the one who has held the place since (by-agent of "controlled"/"held", or the owner of
    "in the hands of"/"under the control of")."""
    if tok.dep_ != "advcl" or not _marked_by(tok, ("since",)):
        return []
    held = tok.head
    if _lemma(held) in ("control", "hold", "run") and any(c.dep_ == "auxpass" for c in held.children):
        return _prep_objects(held, "by")
    if _lemma(held) in ("be", "remain"):
        for prep in _children(held, "prep"):
            found = _control_owner(prep) if _low(prep) in ("in", "under") else None
            if found is not None and found[1] is not None:
                return [found[1]]
    return []


def _a_date_word(tok: Any) -> bool:
    """ "2016", "August (2016)", "late 2017": a year or a month, what "until" ends a holding at."""
    return (tok.like_num and len(tok.text) == 4 and tok.text[:2] in ("19", "20")) or _low(tok) in _MONTH_WORDS


def _held_until(tok: Any, lemma: str) -> Frame | None:
    """ "Manbij was held by Isis until 2016", "the town, which was under Isis control until 2016": a holding the text
    says ended at a time is its holder's loss then (who took the place over the clause does not say: ``ended``)."""
    if not any(_a_date_word(o) for p in _children(tok, "prep") if _low(p) in ("until", "till")
               for o in _children(p, "pobj")):
        return None
    if lemma in ("be", "remain"):
        for prep in _children(tok, "prep"):
            found = _control_owner(prep) if _low(prep) in ("under", "in") else None
            if found is not None and found[1] is not None and found[1].tag_ not in ("PRP$", "PRP"):
                places = _clause_subjects(tok, "nsubj")
                return _make(tok, lemma, "ended", places, None, found[1], _mood(tok)) if places else None
        return None
    agent = _prep_objects(tok, "by")
    places = _clause_subjects(tok, "nsubjpass")
    if not places and tok.dep_ == "acl":
        places = [tok.head]  # "Manbij, held by Isis until 2016, ..."
    if lemma in _HELD_VERBS and agent and places:
        return _make(tok, lemma, "ended", places, None, agent[0], _mood(tok))
    # ("Raqqa, which Isis controlled until October 2017": the relative pronoun stands for the town)
    dobj = [_relative_antecedent(d) for d in _children(tok, "dobj")]
    if lemma in _HELD_VERBS and not agent and dobj and not _passive_voice(tok) \
            and (holder := _subject(tok)) is not None:
        return _make(tok, lemma, "ended", dobj, None, holder, _mood(tok))  # "Isis held Manbij until 2016"
    return None


# A party's holding of a place, which a clause may say was ended ("ending two years of Isis rule in Fallujah").
_RULE_NOUNS = frozenset({"rule", "control", "occupation", "grip", "reign", "hold"})
_SPANS_OF_TIME = frozenset({"year", "month", "week", "decade", "day"})


def _ended_rule(tok: Any) -> Frame | None:
    """ "Iraqi troops entered Fallujah, ending two years of Isis rule there", "the offensive ended the Isis
    occupation of Sinjar", "the end of Isis rule in Mosul": a party's rule over a place that the text says ended is
    that party's loss of the place; who ended it (the verb's subject, where an armed party) gained it. The party is
    the rule's possessor or modifier; the place its of/in/over/on-phrase, or the verb's in-phrase."""
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        # (or the rule itself ended: "Isis's control of Mosul ended in July 2017", the verb with no object)
        heads = _children(tok, "dobj") or [s for s in _children(tok, "nsubj")
                                           if _lemma(s) in _RULE_NOUNS or _lemma(s) in _SPANS_OF_TIME]
    elif tok.pos_ == "NOUN" and _is_definite(tok):
        heads = _prep_objects(tok, "of")  # ("an end to Assad's rule" is what is called for, not what happened)
    else:
        return None
    for head in heads:
        rule = head
        if _lemma(head) in _SPANS_OF_TIME:  # "two years of Isis rule"
            rule = next((o for o in _prep_objects(head, "of") if _lemma(o) in _RULE_NOUNS), head)
        if _lemma(rule) not in _RULE_NOUNS:
            continue
        owners = [c for c in rule.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < rule.i
                  and (c.tag_ in ("NNP", "NNPS") or _lemma(c) in _FIGHTER_NOUNS or c.text[:1].isupper())]
        places = [o for o in _prep_objects(rule, "of", "in", "over", "on") if _low(o) not in TIME_WORDS] or [
            o for o in _prep_objects(tok, "in", "over") if _low(o) not in TIME_WORDS and not _a_date_word(o)]
        if owners and places:
            gainer = _subject(tok) if tok.pos_ != "NOUN" and head.dep_ == "dobj" else None
            return _make(tok, "end", "ended", places, gainer, owners[-1], _mood(tok))
    return None


# Verbs of a holder's leaving ("after the last rebels left the city").
_DEPARTURES = frozenset({"leave", "withdraw", "flee", "pull", "retreat", "surrender", "evacuate", "abandon"})


def _in_control_of(verb: Any) -> list[Any]:
    """The places "in (full) control of/over" under a verb of being names ("was in full control of Morek")."""
    return [o for p in _children(verb, "prep") if _low(p) == "in" for c in _children(p, "pobj")
            if _lemma(c) == "control" for o in _prep_objects(c, "of", "over")]


def _into_control(tok: Any, lemma: str, dobj: list[Any]) -> Frame | None:
    """A place brought under someone's control, or back in someone's hands: "the army brought Deir Hafer under its
    control" (the subject gains, or the named owner: "brought the old city under state control"); "Saraqeb is back
    in the hands of government forces", "Palmyra is back under regime control" (only with "back": without it the
    sentence says who holds the place, not that it changed hands)."""
    if lemma == "bring":
        # (or the passive's subject: "Morek was brought back under government control")
        places = dobj or _children(tok, "nsubjpass")
        if not places:
            return None
        for prep in _children(tok, "prep"):
            found = _control_owner(prep) if _low(prep) == "under" else None
            if found is None:
                continue
            # whose control it came under ("brought it back under regime control"), or for "its/their control"
            # the one who brought it (a passive's by-agent)
            owner = found[1]
            if owner is None or owner.tag_ in ("PRP$", "PRP"):
                owner = _subject(tok) if dobj else next(iter(_prep_objects(tok, "by")), None)
            return _make(tok, lemma, "active", places, owner, None, _mood(tok))
        return None
    # "the army announced it was in full control of Morek": declared, being in control is having taken it (as
    # "declared it has full control of"); said or reported, it is who holds the place. "The army is now in full
    # control of Aleppo, after the last rebels left the city": in control since the other side left is control gained
    if (tok.dep_ == "ccomp" and _lemma(tok.head) in _DECLARE_VERBS) or any(
            c.dep_ == "advcl" and _marked_by(c, ("after",)) and _lemma(c) in _DEPARTURES for c in tok.children):
        objects = _in_control_of(tok)
        if objects:
            return _make(tok, lemma, "active", objects, _subject(tok), None, _mood(tok))
    back = [b for b in _children(tok, "advmod") if _low(b) == "back"]
    if not back:
        return None
    # ("the battle for eastern Ghouta, now back under regime control": set off after a name, the phrase tells of the
    # name, though the parser hangs it on the clause's verb)
    named = _name_before_comma(back[0])
    subj = [named] if named is not None else _clause_subjects(tok, "nsubj")
    for prep in _children(tok, "prep") + _children(back[0], "prep"):
        found = _control_owner(prep) if _low(prep) in ("in", "under", "into") else None
        if found is not None and found[1] is not None and subj:
            return _make(tok, lemma, "fall", subj, found[1], None, _mood(tok))
    return None


def _name_before_comma(tok: Any) -> Any | None:
    """The name a phrase headed by ``tok`` follows right after a comma ("eastern Ghouta, now back under regime
    control"), where that phrase comes after its clause's verb (so it cannot be the clause's subject)."""
    i = tok.left_edge.i
    if i < 2 or tok.doc[i - 1].text != "," or tok.doc[i - 2].tag_ not in ("NNP", "NNPS") or tok.i < tok.head.i:
        return None
    name = tok.doc[i - 2]
    while name.dep_ == "compound" and name.head.i > name.i and name.head.tag_ in ("NNP", "NNPS"):
        name = name.head
    return name


def _verb_frame(tok: Any, lemma: str, low: str) -> Frame | None:
    if (
        tok.i > 0
        and tok.doc[tok.i - 1].text in ("-", "‐")
        and tok.dep_ in ("amod", "compound", "acl")
        and not (tok.i > 1 and tok.doc[tok.i - 2].pos_ == "ADV")  # (but "the recently-liberated city of X")
    ):
        return None  # "Israeli-occupied Golan", "rebel-held": who holds a place, not a change
    if any(_lemma(o) in _CIVIL for p in tok.children if p.dep_ == "prep" for o in _children(p, "pobj")):
        return None
    if tok.dep_ == "amod" and _gerund_as_noun(tok):
        # "involved ceding Manbij": the action in general; the place it names is no change (nor for the patterns)
        return _make(tok, lemma, "active", [tok.head], None, None, "generic")
    # (not a time the parser reads as a second object: "a rail hub that Russia took in May")
    dobj = _children(tok, "dobj")
    if len(dobj) > 1:
        dobj = [d for d in dobj if _low(d) not in TIME_WORDS]
    if not dobj:
        # "Rebels hand over Morek to the army": the tagger reads the particle as a preposition with the object its
        # own (the verb's object all the same)
        dobj = [o for c in tok.children if c.dep_ == "prt" for o in _children(c, "pobj")]
    if not dobj and lemma in _TAKE_VERBS:
        # "Somali troops recaptured Bulo Burde.": a name closing the sentence right after the verb is read as an
        # adverb of time ("captured Monday"); a name that is no time word is the object
        dobj = [c for c in tok.children if c.dep_ == "npadvmod" and c.i > tok.i and c.tag_ in ("NNP", "NNPS")
                and _low(c) not in TIME_WORDS and c.left_edge.i == tok.i + 1]
    if (lemma in ("be", "remain") or lemma in _HELD_VERBS) and (held := _held_until(tok, lemma)) is not None:
        return held
    if lemma in ("be", "bring"):
        return _into_control(tok, lemma, dobj)
    if lemma in _FLAG_VERBS and any(_lemma(d) == "flag" for d in dobj):
        # "militants hoisted their black flag over Mocimboa da Praia", "troops raised the Ukrainian flag over Kherson":
        # a party's flag raised over a place marks its taking
        over = [o for d in dobj for o in _prep_objects(d, "over", "above")] + _prep_objects(tok, "over", "above")
        if not over:
            # "raised their flag in Izium's central square", "in the central square of Kherson": a town's square,
            # centre or hall is the town's
            spots = [o for d in dobj for o in _prep_objects(d, "in", "at")] + _prep_objects(tok, "in", "at")
            over = [x for o in spots if _lemma(o) in _TOWN_CENTRES
                    for x in (_children(o, "poss") or _prep_objects(o, "of"))] or [
                o for o in spots if o.tag_ in ("NNP", "NNPS")]  # ("In Qaraqosh, ... Iraqi forces raised the flag")
        if not over or _passive_voice(tok):
            return None
        return _make(tok, lemma, "active", over, _subject(tok), None, _mood(tok))
    if lemma in _POWER_VERBS and (any(_lemma(d) == "power" for d in dobj)
                                  or any(_lemma(o) == "power" for o in _prep_objects(tok, "to"))):
        # "Hamas seized power in Gaza", "the jihadists swept to power in Mosul and Raqqa": a party taking a place's
        # rule takes the place (not a coup: "the military seized power in Khartoum", "in a coup")
        where = _prep_objects(tok, "in") + [o for d in dobj if _lemma(d) == "power" for o in _prep_objects(d, "in")]
        subject = _subject(tok)
        if not where or _passive_voice(tok) or (subject is not None and _lemma(subject) in _COUP_MAKERS) or any(
                _lemma(x) == "coup" for p in tok.children if p.dep_ == "prep" for x in _children(p, "pobj")):
            return None
        return _make(tok, lemma, "active", where, subject, None, _mood(tok))
    # "took control of X", "took over X", "win back X"
    control = [d for d in dobj if _lemma(d) == "control"]
    if lemma == "control" and dobj and _achieved(tok):
        # "army units managed to control the village of X", "succeeded in controlling X" (wire translations of
        # Arabic "tamakkana min al-saytara"): achieving control is taking it; "controls X" alone is holding it
        return _make(tok, lemma, "active", dobj, _subject(tok), None, _mood(tok))
    # (SANA's "restored on Thursday security and stability to X": the parser may hang what was restored on the day)
    restored = lemma == "restore" and any(_lemma(x) in _RESTORED for d in [*dobj, *_prep_objects(tok, "on")]
                                          for x in _conjuncts(d))
    if lemma == "impose" and any(_lemma(d) in _RESTORED for d in dobj) and not _passive_voice(tok):
        # "the army had imposed security on the villages of X, Y and Z" (Iraqi and Syrian state media): the places
        # security was imposed on were taken, as those it was restored to
        on = _prep_objects(tok, "on", "over") + [o for d in dobj for o in _prep_objects(d, "on", "over")]
        return _make(tok, lemma, "active", on, _subject(tok), None, _mood(tok)) if on else None
    if lemma == "slip" and any(_lemma(o) in _HELD_NOUNS for o in _prep_objects(tok, "from", "out")):
        # "Manbij slipped out of the Syrian government's hands in July 2012", "slipped from Isis control": a place
        # falling from its holder, to someone the clause leaves unsaid
        subj = [x for x in _children(tok, "nsubj") if _low(x) not in ("that", "which")] or (
            [_relative_head(tok)] if tok.dep_ == "relcl" else [])
        return _make(tok, lemma, "fall", subj, None, _loser_from(tok, ("from", "out")), _mood(tok)) if subj else None
    if lemma in _PASSED_VERBS and not _passive_voice(tok):
        # "Control of Tabqa passed to the SDF in May", "control over the town shifted to the army": the place whose
        # control went to a party, which took it
        places = [o for x in _children(tok, "nsubj") if _lemma(x) == "control" for o in _prep_objects(x, "of", "over")]
        gainer = [g for g in _prep_objects(tok, "to") if not _a_time(g)]
        if places and gainer:
            return _make(tok, lemma, "fall", places, gainer[0], _loser_from(tok, ("from",)), _mood(tok))
    if lemma == "change" and any(_lemma(d) == "hand" and d.tag_ == "NNS" for d in dobj) and not any(
            _low(c) in _REPEATED for c in tok.subtree):
        # "the hamlet of X had changed hands overnight": a change whose gainer the clause does not name ("changed
        # hands twice" tells several, of which it says nothing more)
        return _make(tok, lemma, "changed", _clause_subjects(tok, "nsubj"), None, None, _mood(tok))
    declared = _declared_free(tok, dobj) if lemma in _DECLARE_VERBS else None
    if declared is not None:
        return declared
    victory = [d for d in dobj if _lemma(d) == "victory"] if lemma in _DECLARE_VERBS else []
    # "Ghweiran and al-Nashwa were restored to state control": passed into the state's control, as "returned to"
    restored_to = lemma == "restore" and _passive_voice(tok) and any(
        _control_owner(p) is not None for p in _children(tok, "prep") if _low(p) == "to")
    # ("control was established over X": control the passive's subject)
    control_passive = lemma in CONTROL_PASSIVE_VERBS and _passive_voice(tok) and any(
        _lemma(x) == "control" for x in _children(tok, "nsubjpass"))
    if not (lemma in _VERB_TRIGGERS or low in _TAKE_VERBS or low in ("drove", "driven")
            or (control and lemma in _CONTROL_VERBS) or restored or victory or restored_to or control_passive):
        return None  # (every branch below starts from one of these: most verbs of a sentence are none)
    if victory:
        # "Iraq declared victory over IS in Mosul", "Kurdish forces declared victory in Kobani": the battle for the
        # place is won, the place taken (as "won the battle for X"); the one it is over lost it
        over = [o for v in victory for o in _prep_objects(v, "over")]
        places = _prep_objects(tok, "in") + [o for v in victory for o in _prep_objects(v, "in")] + [
            o for x in over for o in _prep_objects(x, "in")]
        if places and not _passive_voice(tok):
            return _make(tok, lemma, "active", places, _subject(tok), over[0] if over else None, _mood(tok))
        return None
    if restored:
        # "the army restored security and stability to Morek" (Syrian state media's way of telling a recapture): the
        # subject took the place it brought its security to ("restored order" after a riot is no such thing)
        objects = _prep_objects(tok, "to") + [o for d in dobj for o in _prep_objects(d, "to")]
        if not objects or _passive_voice(tok):
            return None
        # (what security is restored to is a place, named even where no gazetteer has it)
        return _make(tok, lemma, "active", objects, _subject(tok), None, _mood(tok),
                     named=frozenset(o.i for o in objects))
    why = _mood(tok)
    # "the Mosul dam, seized by Isis in 2014 and retaken by Peshmerga fighters days later": a participle coordinated
    # with a participle clause describes the same noun
    participle = tok if tok.dep_ == "acl" else tok.head if (
        tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.dep_ == "acl" and tok.head.tag_ == "VBN") else None
    shared = _shared_passive_subjects(tok)
    passive = _passive_voice(tok) or bool(shared) or (
        # "Morek, taken by the army last week, ...", "Recaptured by the army in 2016, Palmyra ...": a participle
        # clause with its agent
        tok.tag_ == "VBN" and (participle is not None or (tok.dep_ == "advcl" and tok.i < tok.head.i))
        and any(c.dep_ == "agent" for c in tok.children))  # (a participle after its clause describes a name there)
    particle = {_low(c) for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.tag_ == "RP")}
    if dobj and any(c.dep_ == "advmod" and _low(c) == "back" and c.i > dobj[0].i for c in tok.children):
        # ("won the village back": the tagger may read the particle after the object as an adverb; right after the
        # verb, "took back" so read is left alone: three sessions found it gave an unread article a false event)
        particle.add("back")
    if lemma in _EXPEL_VERBS or low in ("drove", "driven"):
        if lemma == "remove" and not any(_lemma(x) in _FIGHTER_NOUNS or x.tag_ in ("NNP", "NNPS")
                                         for x in dobj or _children(tok, "nsubjpass")):
            return None  # "removed terrorists from Afrin", not "removed mines from the village"
        places = _prep_objects(tok, "from", "out", "of")
        # (a name the tagger reads as a common noun, "cleared of Isis", is still a party's name: written with a capital
        # inside the sentence)
        cleared = [o for o in _prep_objects(tok, "of") if _lemma(o) in _FIGHTER_NOUNS or o.tag_ in ("NNP", "NNPS")
                   or (o.is_title and o.i > o.sent.start)]
        subjects = _children(tok, "nsubjpass")
        if passive and lemma in _CLEAR_VERBS and cleared and subjects:
            # "the town of Maaloula was cleansed of terrorists": the subject is the place, the of-phrase who was
            # driven out of it (what is cleared of fighters is a place, the gazetteer's or not)
            by = _prep_objects(tok, "by")
            return _make(tok, lemma, "expel_passive", subjects, by[0] if by else None, cleared[0], why,
                         named=frozenset(x.i for x in subjects))
        governor = _governing_verb(tok)
        if not places and passive and governor is not None and (
                _lemma(governor) in _HOLD_OR_TAKE or _lemma(governor) in _RUN_VERBS):
            # "the rebels captured Bakwa before being forced out by NATO troops", "rebels held X until they were
            # driven out": out of the place the governing clause says they took or held; "Manbij has been run by a
            # council since Isis was ousted": out of the place run since (the subject of a passive governor)
            places = _children(governor, "dobj") or _children(governor, "nsubjpass")
        if not places and passive and tok.dep_ == "advcl" and _marked_by(tok, ("until", "till")) \
                and _lemma(tok.head) in ("be", "remain") and any(
                    _control_owner(p) is not None for p in _children(tok.head, "prep") if _low(p) in ("in", "under")):
            # "Manbij was under Isis control until the group was driven out in 2016": out of the place held until then
            places = _children(tok.head, "nsubj")
        if not places and passive:
            # "Kurdish forces, who had held Kirkuk since 2014, were pushed out by the Iraqi army": out of the place
            # the relative clause on the expelled says they held
            held = [r for x in _children(tok, "nsubjpass") for r in x.children
                    if r.dep_ == "relcl" and _lemma(r) in _HOLD_OR_TAKE]
            places = [d for r in held for d in _children(r, "dobj")]
        # (a verb that means "out" by itself needs no particle: "have controlled Kobani since expelling Isis")
        if not places and not passive and dobj and (lemma in _OUT_BY_ITSELF or {"out"} & (
                particle | {_low(c) for c in _children(tok, "advmod")})):
            # "has held Kobani since driving IS out in 2015", "Raqqa has been controlled by the SDF since the force
            # drove out IS": out of the place the clause it hangs on says they hold
            governor = tok.head.head if tok.dep_ == "pcomp" and _low(tok.head) == "since" else (
                # ("Isis held Manbij until the SDF drove it out": out of the place held until then; "held it for two
                # weeks before Afghan forces drove them out": the same end of the holding)
                tok.head if tok.dep_ == "advcl" and _marked_by(tok, (*_SINCE_UNTIL, "before")) else None)
            if governor is not None and _lemma(governor) in _HOLD_OR_TAKE:
                held_passive = any(c.dep_ == "nsubjpass" for c in governor.children)
                places = _children(governor, "nsubjpass") if held_passive else _children(governor, "dobj")
            elif governor is not None and _lemma(governor) in ("be", "remain"):
                # "Kurdish forces have been in control of Manbij since they drove Isis out": the same holding said
                # with the noun
                places = _in_control_of(governor)
        if not places and not passive and dobj and (tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")) \
                and (_lemma(tok.head) in _ENTRY_VERBS or _lemma(tok.head) in _INTO_VERBS) \
                and (_lemma(dobj[0]) in _FIGHTER_NOUNS or dobj[0].tag_ in ("NNP", "NNPS")):
            # "stormed Najarah and expelled all ISIS fighters", "entered Morek and drove out the rebels", "stormed
            # Najarah, swiftly driving out the ISIS fighters": out of the place just stormed or entered (the eval
            # README's "stormed and took"); "swept into Afrin, expelling the Kurdish militia": the place gone into
            places = _children(tok.head, "dobj") if _lemma(tok.head) in _ENTRY_VERBS else []
            places = places or [o for p in _children(tok.head, "prep") if _low(p) == "into"
                                for o in _children(p, "pobj") if _namelike(o)]
        if not places and dobj and (_lemma(dobj[0]) in _FIGHTER_NOUNS or dobj[0].tag_ in ("NNP", "NNPS")):
            # "purged the last IS militants from Kobani", "ejected Isis from Ramadi": the parser may hang the
            # from-phrase on the ones driven out
            places = _prep_objects(dobj[0], "from")
        if not places and not passive and dobj and _lemma(dobj[0]) in _FIGHTER_NOUNS:
            # "pushed out the Kurdish peshmerga forces that had held Kirkuk since 2014": out of what those driven out
            # held, as their relative clause says
            places = [o for c in _children(dobj[0], "relcl") if _lemma(c) in _HELD_VERBS and not _passive_voice(c)
                      for o in _children(c, "dobj") if _namelike(o)]
        if not places and lemma in _CLEAR_VERBS and dobj:
            # "cleared the area of all ISIS fighters": the parser may hang the of-phrase on the object
            # (or on the name of the place: "cleansed the town of Morek of terrorists")
            fighters = [x for o in _prep_objects(dobj[0], "of") for x in (o, *_prep_objects(o, "of"))
                        if _lemma(x) in _FIGHTER_NOUNS]
            if fighters:  # (not "cleared the road", "cleared the area of mines")
                return _make(tok, lemma, "active", [dobj[0]], _subject(tok), fighters[0], why)
        if not places:
            return None
        if lemma in ("push", "force", "sweep", "throw", "root") and not ({"out", "back"} & particle) \
                and not _prep_objects(tok, "out") and not (
                    lemma in ("push", "force", "sweep") and not passive and dobj
                    and (_lemma(dobj[0]) in _FIGHTER_NOUNS or dobj[0].tag_ in ("NNP", "NNPS"))):
            # "pushed further from their stronghold": away from, not out of ("threw IS out of X"); but a party pushed
            # or swept from a place was driven out of it ("Kurdish fighters swept Isis from Raqqa")
            return None
        if passive:
            # "the Taliban regained ground after being driven out of Kabul": a passive with no subject of its own
            # expels the subject it shares with the clause it hangs on
            loser = (_children(tok, "nsubjpass") or [None])[0] or _subject(tok)
            gainer = _prep_objects(tok, "by")
            # ("were pushed out of Nakshaba and neighbouring Rasha Hill": the parser may conjoin the second to the verb)
            places = [*places, *_then_objects(tok, places)]
            # (what one is driven out of is a place, the gazetteer's or not: "IS was expelled by the army from
            # Ghweiran")
            return _make(tok, lemma, "expel_passive", places, gainer[0] if gainer else None, loser, why,
                         named=frozenset(p.i for p in places))
        if lemma in _CLEAR_VERBS and dobj and not _prep_objects(tok, "of") and _lemma(dobj[0]) not in _FIGHTER_NOUNS \
                and dobj[0].tag_ not in ("NNP", "NNPS"):
            return None  # ("cleared the road"; but "purged the militants from Kobani", "cleared Isis from Palmyra")
        if lemma in _CLEAR_VERBS and _prep_objects(tok, "of"):
            # "cleared X of IS", "purged Kobani of the militants": the object is the place
            of = _prep_objects(tok, "of")
            return _make(tok, lemma, "active", dobj, _subject(tok), of[0] if of else None, why)
        poss = _children(tok, "poss")
        if poss and not dobj and tok.tag_ in ("VBG", "NN"):
            # "the extremists' ousting from Raqqa": the possessor of the action noun is the one driven out
            by = _prep_objects(tok, "by")
            return _make(tok, lemma, "expel_passive", places, by[0] if by else None, poss[0], why)
        if not dobj and tok.tag_ in ("VBD", "VBN") and tok.dep_ != "relcl" and tok.i + 1 < len(tok.doc) \
                and _low(tok.doc[tok.i + 1]) in ("from", "out", "of") and _subject(tok) is not None:
            # "Isis driven out of Manbij by US-backed forces", "Rebels ousted from Homs's Old City": a headline's
            # passive without its auxiliary, which the parser reads as active; with nothing driven out between the
            # verb and the place, the subject is who was driven out
            by = _prep_objects(tok, "by")
            return _make(tok, lemma, "expel_passive", places, by[0] if by else None, _subject(tok), why,
                         named=frozenset(p.i for p in places))
        places = [*places, *_then_objects(tok, places)]
        return _make(tok, lemma, "expel", places, _subject(tok), dobj[0] if dobj else None, why,
                     named=frozenset(p.i for p in places))
    if (lemma in PASS_UNDER_VERBS and (not passive or lemma == "return")) or restored_to:
        # "Kafr Zita came under rebel control", "returned to government control", "passed into the hands of IS": the
        # subject changed hands; whose control or hands it came into is the gainer ("has been returned to regime
        # control" as well)
        for prep in _children(tok, "prep"):
            if _low(prep) not in ("under", "to", "into"):
                continue
            found = _control_owner(prep)
            if found is None:
                continue
            subj = _clause_subjects(tok, "nsubjpass" if passive else "nsubj")
            if not subj and tok.dep_ == "advcl" and (named := _name_before_comma(tok)) is not None:
                subj = [named]  # ("the battle for eastern Ghouta, since returned to regime control")
            if lemma == "return" and not passive and _children(tok, "dobj"):
                # ("a deal that returned it to government control": what is returned is the place, not who returns it)
                subj = _children(tok, "dobj")
            if subj and found[1] is not None:
                return _make(tok, lemma, "fall", subj, found[1], _loser_from(tok), why)
    if lemma in _FALL_VERBS:
        subj = [x for x in _children(tok, "nsubj") if _low(x) not in ("that", "which")]
        if not subj:
            before = _before_relative(tok)
            if before is not None and _namelike(before):
                subj = [before]  # "the Damascus suburb of Daraya which fell to Assad regime forces"
        if not subj and tok.dep_ == "relcl":
            subj = [_relative_head(tok)]
        if not subj and (among := _ranked_among(tok)) is not None:
            subj = [among]
        subj = subj or _raised_subjects(tok)
        if not subj and tok.dep_ in ("advcl", "conj", "xcomp") and (
                tok.tag_ in ("VBG", "VBD") or (tok.tag_ == "VB" and _only_to(tok))) and _prep_objects(tok, "to"):
            # (and "was retaken in March 2016, only to fall again to the jihadists that December")
            # "Palmyra changed hands twice, falling to Isis in 2015", "Mosul was besieged and fell to the army": a
            # clause with no subject of its own shares its head's (not "falling under [an administration]")
            subj = [x for x in _children(tok.head, "nsubj", "nsubjpass") if _low(x) not in ("that", "which")]
        if not subj:
            return None
        if any(not _a_time(o) and _lemma(o) not in ("hour", "minute") for o in _prep_objects(tok, *_CLASSED_WITHIN)):
            return None  # "the district falls within a de-escalation zone": classed, not taken ("within weeks" is)
        gainer = [g for g in _prep_objects(tok, "to", "into", "under") if not _a_time(g)]  # not "to date"
        g = gainer[0] if gainer else None
        if g is not None and _lemma(g) in ("hand", "hands", "control"):
            # ("fell into the hands of IS", "into Isis hands", "into rebel hands", "to Kurdish control")
            inner = _prep_objects(g, "of") or _children(g, "poss") or [
                c for c in g.children if c.dep_ in ("compound", "nmod")][-1:] or [
                c for c in g.children if c.dep_ == "amod" and _low(c) not in _CONTROL_DEGREES][-1:]
            g = inner[0] if inner else None
        # "fell" alone ("when Raqqa fell") is a change for a named place; "prices fell", "the regime fell" name none
        # (only names and place nouns become places).
        # ("Kafranbel fell to the army along with the neighbouring towns of Hass and Kafr Sajna")
        return _make(tok, lemma, "fall", [*subj, *_along_with(tok, subj)], g, _loser_from(tok), why)
    if lemma in _LOSE_VERBS:
        if passive and lemma == "lose":
            # "Mosul was lost to IS", "the areas that were lost to the government like Ghouta and Daraa"
            subj = _clause_subjects(tok, "nsubjpass") or shared
            to = _prep_objects(tok, "to")
            if not subj or not (to or any(_namelike(x) for x in subj)):
                return None  # ("the battle was lost"; but "when Raqqa was lost", to a gainer the clause leaves unsaid)
            by = _prep_objects(tok, "by")
            return _make(tok, lemma, "lose", subj, to[0] if to else None, by[0] if by else None, why)
        if not dobj:
            return None
        # (the parser may hang the to-phrase on the object: "have since lost al-Eis to the army")
        to = _prep_objects(tok, "to") or [o for d in dobj if d.tag_ in ("NNP", "NNPS") for o in _prep_objects(d, "to")]
        # "lost control of Morek"; "lost control over several villages", the parser hanging "over" on the verb
        # ("recaptured Palmyra, which it had lost to Isis in December": the relative pronoun stands for the town)
        # ("Isis lost its hold on Manbij", "lost their grip on the town": the holding lost, of the place it is on)
        lost = [_relative_antecedent(d) for d in dobj if _lemma(d) not in _LOST_HOLDINGS] or _prep_objects(
            dobj[0], "of", "over", "on") or (
            _prep_objects(tok, "over", "on") if _lemma(dobj[0]) in _LOST_HOLDINGS else [])
        # ("Isis lost Tikrit in April and Ramadi in December": the verb left out before a further object, as for
        # the verbs of taking)
        lost = [*lost, *_gapped_objects(tok, lost), *_then_objects(tok, lost)]
        gainer = to[0] if to else _taker_in_when_clause(tok)
        return _make(tok, lemma, "lose", lost, gainer, _subject(tok), why)
    if lemma in ("abandon", "flee", "leave") and dobj and not passive and any(
            _namelike(d) or _low(d) in PLACE_NOUNS | _PRONOUNS for d in dobj):
        # "IS abandoned Tabqa": the object is the place given up (partitive heads, "their positions", take nothing);
        # "government troops entered Ras Kamboni after al-Shabaab militants fled the town": who entered a place its
        # holder fled or left took it (fleeing or leaving alone is no change: people flee towns)
        entered = _entered_after(tok)
        if lemma != "abandon" and (entered is None or _civilians(_subject(tok))):
            return None
        places = list(dobj)
        if entered is not None:
            places += _entered_places(entered, places)
        return _make(tok, lemma, "withdraw", places, _subject(entered) if entered is not None else None,
                     _subject(tok), why)
    if lemma in _WITHDRAW_VERBS:
        # ("pulled back from Berdychi": the parser makes "back" an adverb, with the from-phrase on it)
        if lemma == "pull" and not ({"out", "back"} & (particle | {_low(c) for c in _children(tok, "advmod")})) \
                and not _prep_objects(tok, "out"):
            return None  # ("pulled its troops out of X": the parser may make "out" a preposition)
        if dobj and not any(c.dep_ == "poss" or (c.dep_ in ("det", "predet") and _low(c) in ("the", "all"))
                            for c in dobj[0].children):
            return None  # "pulled fighters out of Tal Afar to reinforce Mosul", "withdrew 200 troops": some of them
        places = _prep_objects(tok, "from", "out", "of")
        # "the YPG entered Kafr Naya after the army withdrew from the village", "the rebels entered the town after
        # Kurdish forces pulled out": who entered a place its holder had left took it
        # ("federal forces moved into Kirkuk as the peshmerga withdrew": moving into a place is entering it)
        entered = _entered_after(tok)
        if entered is not None:
            # (the place entered, also where the withdrawal names a wider one: "its forces had entered Kherson after
            # Russia withdrew its troops from the west bank of the Dnipro")
            places = [*places, *_entered_places(entered, places)]
        if not places:
            return None
        return _make(tok, lemma, "withdraw", places, _subject(entered) if entered is not None else None,
                     _subject(tok), why)
    if lemma in _HAND_VERBS:
        if lemma == "transfer" and not any(_lemma(o) in ("control", "authority") for o in
                                           [*dobj, *_children(tok, "nsubjpass")]):
            return None  # most that is transferred is people ("the abductees were transferred to Qabaseen")
        to = _prep_objects(tok, "to") or [
            # ("surrendered the city of Deraa, the cradle of the uprising, to the government": the parser hangs the
            # to-phrase on the appositive before it)
            o for t in tok.subtree if t.dep_ == "prep" and _low(t) == "to" and t.i > tok.i and t.head.dep_ == "appos"
            for o in _children(t, "pobj")]
        if not to and lemma == "surrender" and not dobj and not passive:
            # "Douma surrendered": a place as the subject gives itself up (an actor as the subject names no place:
            # only names the geoparser found become places)
            subj = [x for x in _children(tok, "nsubj") if x.tag_ in ("NNP", "NNPS")]
            return _make(tok, lemma, "fall", subj, None, None, why) if subj else None
        if not to and not passive and dobj and (lemma == "surrender" or (lemma == "hand" and any(
                _low(c) == "over" for c in tok.children if c.dep_ in ("prt", "advmod")))) \
                and any(_namelike(d) or _low(d) in PLACE_NOUNS | _PRONOUNS for d in dobj):
            # "the rebels surrendered Daraa in July", "they handed over the city": who held it gave it up, to a party
            # the clause does not name (their weapons or hostages name no place)
            return _make(tok, lemma, "hand", dobj, None, _subject(tok), why)
        if not to:
            return None
        where = _where_head(tok)
        if not dobj and not passive and where is not None:
            # "the suburb of Ghouta, where the opposition surrendered to Russian and Syrian forces"
            return _make(tok, lemma, "hand", [where], to[0], _subject(tok), why)
        if passive:
            # ("Daraya, a Damascus suburb that was surrendered to Assad's forces": the relative pronoun stands for
            # the name)
            return _make(tok, lemma, "hand", _clause_subjects(tok, "nsubjpass"), to[0], _loser_from(tok), why)
        subject = _subject(tok)
        if not dobj and lemma == "surrender" and subject is not None:
            # "Rebels in Deraa surrendered to government forces": those who held the place named with them gave it
            # up to the one they surrendered to
            held = [o for p in subject.children if p.dep_ == "prep" and _low(p) in ("in", "inside")
                    for o in _children(p, "pobj") if _namelike(o)]
            if held:
                return _make(tok, lemma, "hand", held, to[0], subject, why)
        # ("Ghouta, which the opposition handed over to Russian and Syrian forces": the pronoun stands for the name)
        return _make(tok, lemma, "hand", [_relative_antecedent(d) for d in dobj], to[0], subject, why)
    take_like = lemma in _TAKE_VERBS or low in _TAKE_VERBS
    if lemma == "claw" and not any(_low(c) == "back" for c in tok.children if c.dep_ in ("prt", "advmod")):
        return None  # "clawed back Palmyra" took it back; "clawed at" nothing
    if control_passive:
        # "control was established over Telal Hakema" (Syrian state media's passive): the place control is over,
        # taken by the by-agent, or by a party the clause leaves unsaid
        held = [x for x in _children(tok, "nsubjpass") if _lemma(x) == "control"]
        objects = _prep_objects(tok, "over", "on") + [o for c in held for o in _prep_objects(c, "over", "of", "on")]
        agent = _prep_objects(tok, "by")
        return _make(tok, lemma, "passive", objects, agent[0] if agent else None, None, why,
                     named=frozenset(o.i for o in objects)) if objects else None
    if control and lemma in _CONTROL_VERBS | _TAKE_VERBS:
        if lemma == "have" and _lemma(tok.head) not in _DECLARE_VERBS:
            return None
        # "control" itself is the object: its of/over-complement is then a place the grammar vouches for
        # ("took control of Sanaa"), kept even where the gazetteer lacks the name
        objects = [c for c in control if _prep_objects(c, "of", "over")]
        if not objects and lemma == "extend":
            # "the army extended its control to Morek": the place control reached
            objects = _prep_objects(tok, "to") + [o for c in control for o in _prep_objects(c, "to")]
        hung_on_verb: frozenset[int] = frozenset()
        if not objects:
            # "established control over the above-mentioned villages", "took control of the 1070 Apartment
            # Project": the parser may hang the complement on the verb ("of" only before a name: "would see the
            # regime take control of the city" is then read as a change); vouched for as control's own would be
            objects = _prep_objects(tok, "over") + [o for o in _prep_objects(tok, "of") if o.tag_ in ("NNP", "NNPS")]
            hung_on_verb = frozenset(o.i for o in objects)
        if not objects and (where := _where_head(tok)) is not None:
            # "Aleppo, the country's biggest city, where government troops regained control in 2015": control of the
            # place the "where" clause is about
            objects = [where]
        if passive:
            return None
        # (the of-phrase hung on the verb is the place, never the loser: "took control of El Fasher, the last army
        # stronghold")
        loser = _loser_from(tok, ("from",) if hung_on_verb else ("from", "of"))
        objects = [*objects, *_then_objects(tok, objects)]
        return _make(tok, lemma, "active", objects, _subject(tok), loser, why, named=hung_on_verb)
    if not take_like:
        return None
    if lemma in (*_LOOSE_TAKE_VERBS, "win", "won", "free") and not ({"over", "back"} & particle):
        if lemma in ("win", "won"):
            # "Iraqi forces won the battle for Mosul", "the battle for Tal Afar was won by Iraqi forces": winning
            # the battle for a place is taking it
            contests = [x for x in (_children(tok, "nsubjpass") if passive else dobj) if _lemma(x) in _CONTESTS]
            places = [o for x in contests for o in _prep_objects(x, "for", "of")]
            if not places:
                return None
            if passive:
                agent = _prep_objects(tok, "by")
                return _make(tok, lemma, "passive", places, agent[0] if agent else None, None, why)
            return _make(tok, lemma, "active", places, _subject(tok), None, why)
        if lemma != "free" and not passive and (
            # ("took the checkpoint and Morek": a name among the object's conjuncts will do)
            not dobj or not any(_namelike(x) or _low(x) in PLACE_NOUNS | _PRONOUNS for d in dobj for x in _conjuncts(d))
        ) and not _takes_its_relative_head(tok, dobj):
            return None  # "took part", "took hostages", "took place": only a named place or place noun
    if passive:
        subj = [x for x in _children(tok, "nsubjpass") if _low(x) not in ("which", "that", "who")] or shared
        if not subj and tok.dep_ == "relcl":
            subj = [_relative_head(tok)]
        if not subj and (among := _ranked_among(tok)) is not None:
            subj = [among]
        if not subj and (tok.dep_ == "amod" or participle is not None):  # "Jarablus, liberated from ISIS this week"
            subj = [_participle_head(participle or tok, lemma)]
        governor = _governing_verb(tok)
        if not subj and governor is not None and any(c.dep_ == "nsubjpass" for c in governor.children):
            # "Man, which was seized by rebels before being reclaimed by loyalist forces": a passive participle
            # clause shares the passive subject of the clause it hangs on
            subj = [x for x in _children(governor, "nsubjpass") if _low(x) not in ("which", "that", "who")]
            if not subj and governor.dep_ == "relcl":
                head = _relative_head(governor)
                subj = [head] if head is not None else []
        if not subj and (described := _misparsed_reduced_relative(tok)) is not None:
            subj = [described]  # "In the town of Jarablus, seized by Turkish-backed rebels in August, life ..."
        subj = subj or _raised_subjects(tok)
        if lemma in _LOOSE_TAKE_VERBS and not any(
            x is not None and (x.tag_ in ("NNP", "NNPS") or _low(x) in PLACE_NOUNS) for x in subj
        ):
            return None  # "troops taken hostage", "a deal was secured"
        agent = _prep_objects(tok, "by") or _holder_since(tok)
        return _make(tok, lemma, "passive", subj, agent[0] if agent else None, _loser_from(tok), why)
    if tok.dep_ == "amod" and tok.tag_ == "VBN" and lemma in _PLACE_ONLY_VERBS | {"capture", "seize"}:
        # "the newly liberated town of Manbij", "recently recaptured Palmyra": a change told as a modifier
        agent = _prep_objects(tok, "by")
        holder = None
        if not agent and tok.head.dep_ == "pobj" and tok.head.head.dep_ == "prep":
            # "the army attacked X from the recently captured village of Y": whoever acts from it now holds it
            verb = tok.head.head.head
            if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj"):
                verb = verb.head  # "launched their attack on X from the recently captured village of Y"
            holder = next(iter(_children(verb, "nsubj")), None) if verb.pos_ in ("VERB", "AUX") else None
        return _make(tok, lemma, "nominal", [tok.head], agent[0] if agent else holder, None, why)
    described = _misparsed_reduced_relative(tok) if not dobj and lemma not in ("take", "took") else None
    if described is not None:
        # "Residents of Palmyra, recaptured by government forces in March, returned": the parser made the
        # participle a main verb or an adverbial clause; it describes the name right before it
        agent = _prep_objects(tok, "by")
        return _make(tok, lemma, "passive", [described], agent[0] if agent else None, _loser_from(tok), why)
    reread = _relative_read_as_participle(tok) if participle is tok and not dobj else None
    if reread is not None:
        # "Raqqa, the city that US-backed forces captured in 2017": the parser read "forces captured" as a reduced
        # relative, the relative word as a preposition
        place, gainer = reread
        return _make(tok, lemma, "active", [place], gainer, _loser_from(tok), why)
    if participle is not None and tok.tag_ == "VBN" and not dobj and lemma not in ("take", "took"):
        # "the town, captured by IS in 2014"
        agent = _prep_objects(tok, "by")
        return _make(tok, lemma, "passive", [_participle_head(participle, lemma)], agent[0] if agent else None,
                     _loser_from(tok), why)
    headline = _headline_passive_subject(tok) if not dobj and lemma not in _LOOSE_TAKE_VERBS else None
    if headline is not None:
        # "Palmyra recaptured by Syrian army", "Mosul retaken from Isis after nine-month battle", "Ramadi liberated,
        # Iraqi army says": a headline's passive without its auxiliary, which the parser reads as an active verb
        # with no object
        agent = _prep_objects(tok, "by")
        return _make(tok, lemma, "passive", [headline], agent[0] if agent else None, _loser_from(tok, ("from",)), why)
    objects = [d for d in dobj if _low(d) not in ("which", "that", "whom")]
    listed = _colon_list(tok)
    objects.extend(listed)
    objects.extend(_along_with(tok, objects))
    objects.extend(_gapped_objects(tok, objects))
    objects.extend(_then_objects(tok, objects))
    if not objects and (tok.dep_ == "relcl" or len(objects) < len(dobj)):
        before = _before_relative(tok)
        if before is not None and _namelike(before):
            objects = [before]
    if not objects and tok.dep_ == "relcl":
        head = _relative_head(tok)
        objects = [head] if head is not None else []
    if not objects:
        objects = [o for o in _prep_objects(tok, "over") if _lemma(tok) in ("take", "took")]
    entered = _entered_object(tok, objects)
    if entered:
        objects = entered
    # "captured three villages west of Hama: Tal Malah, Jibbin and Zalin": the names listed after a colon are what
    # the plural place noun before it counts, places whether or not the gazetteer knows them
    # ("a string of villages north of Hama: A, B and C": the plural place noun under a word of quantity)
    counted = any(_lemma(x) in PLACE_NOUNS and x.tag_ == "NNS"
                  for d in dobj for x in (d, *(_prep_objects(d, "of") if _lemma(d) in _QUANTITY_NOUNS else ())))
    return _make(tok, lemma, "active", objects, _subject(tok), _loser_from(tok), why,
                 named=frozenset(x.i for o in listed if counted for x in _conjuncts(o)) | frozenset(
                     o.i for o in entered))


def _entered_object(verb: Any, objects: list[Any]) -> list[Any]:
    """ "stormed Hill 30 on Monday and seized it": "it" as the only object of a verb conjoined to a verb of entering
    is what was entered, a place whether or not the gazetteer knows it."""
    if len(objects) == 1 and objects[0].tag_ == "NNS" and any(
            _low(c) == "both" and c.dep_ in ("det", "predet") for c in objects[0].children):
        # "stormed the Tal Hamakiyah and Tal Sakhr hilltops, killing dozens of militants and capturing both
        # positions": "both" counts the two places just stormed (up the participles and conjuncts the verb hangs on)
        head = verb
        for _ in range(3):
            if head.dep_ not in ("conj", "advcl") or head.head.i == head.i:
                return []
            head = head.head
            if _lemma(head) in _ENTRY_VERBS:
                return _children(head, "dobj")
        return []
    if len(objects) != 1 or _low(objects[0]) != "it" or verb.dep_ != "conj" or _lemma(verb.head) not in _ENTRY_VERBS:
        return []
    return [d for d in _children(verb.head, "dobj") if _namelike(d)]


def _headline_passive_subject(verb: Any) -> Any | None:
    """The subject of a past participle a headline uses as its passive ("Palmyra recaptured by Syrian army"): a
    verb of taking with no object and no auxiliary, right after its subject and followed by its agent, a from-phrase
    or nothing but the clause's end; None for any other verb."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return None
    subj = _children(verb, "nsubj")
    # (a name: "which government forces recaptured." is a relative clause's active verb, its object the pronoun)
    if verb.dep_ == "relcl" or len(subj) != 1 or subj[0].i != verb.i - 1 or not (
            subj[0].tag_ in ("NNP", "NNPS") or (subj[0].tag_ == "NN" and subj[0].is_title)):
        return None
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and not (after.is_punct or _low(after) in ("by", "from")):
        return None
    return subj[0]


# Nouns that count what their of-phrase names ("a string of villages", "a number of towns", "dozens of villages").
_QUANTITY_NOUNS = frozenset({"string", "number", "series", "handful", "dozen", "dozens", "cluster", "group", "chain",
                             "couple", "host", "score", "scores", "line"})


def _gapped_objects(verb: Any, objects: list[Any]) -> list[Any]:
    """ "retook Palmyra in March 2016, Aleppo in December 2016 and Deir ez-Zor in 2017": the verb left out before
    each further object, each with its own time, which the parser hangs on the verb as a bare noun phrase."""
    if not objects:
        return []
    last = max(o.i for o in objects)
    out = []
    for c in verb.children:
        if c.dep_ in ("npadvmod", "advcl", "dep") and c.tag_ in ("NNP", "NNPS") and c.i > last + 1 \
                and verb.doc[c.i - 1].text == "," and _prep_objects(c, "in", "on", "during"):
            # (or as an adverbial clause, or unattached: "took Aleppo in 2016, Ghouta in April", "retook Hit in April
            # 2016, Rutba in May and Falluja itself on 26 June")
            out.extend(_conjuncts(c))
    froms = [p for p in verb.children if p.dep_ == "prep" and _low(p) == "from"]
    for loser in _prep_objects(verb, "from"):
        # "took Sinai from Egypt, the West Bank and east Jerusalem from Jordan, and the Golan from Syria": the parser
        # conjoins the further objects to the first one's loser; a from-phrase after them (the conjunct's own, or
        # one the parser hangs on the verb) tells the verb was left out (not "seized Raqqa from Isis and its allies":
        # losers alike)
        chain = [c for c in _conjuncts(loser)[1:] if c.i > last]
        if chain and (any(_prep_objects(c, "from") for c in chain) or any(f.i > chain[0].i for f in froms)):
            out.extend(c for c in chain if c.tag_ in ("NNP", "NNPS"))
    return out


def _then_objects(verb: Any, objects: list[Any]) -> list[Any]:
    """ "pushed Isis out of Jarablus and then al-Bab", "captured Aleppo, then Hama and Homs": a name after "then"
    with the verb left out, which the parser hangs on the verb as a conjunct (no verb of its own) or on the object as
    an appositive, is a further object of the same verb; so is any bare name the parser conjoins to the verb."""
    if not objects:
        return []
    last = max(o.i for o in objects)
    conjoined = [c for c in verb.children if c.dep_ == "conj"] + [
        # ("captured Zalin and Jibbin on Monday and Tal Malah on Tuesday": the parser conjoins the second object to
        # the first one's day)
        c for p in verb.children if p.dep_ == "prep" and _low(p) in ("on", "in") and p.i > last
        for t in _children(p, "pobj") if _a_time(t) for c in _children(t, "conj") if not _a_time(c)]
    heads = conjoined + [
        # (or leaves it unattached: "retook Jebel Moya in early October, then Dinder and al-Suki in November")
        c for c in verb.children if c.dep_ == "dep"] + [
        a for o in objects for a in o.children if a.dep_ == "appos"] + [
        # (or on the subject, across the verb: "Rebels ... captured Aleppo in a lightning offensive, then Hama")
        a for x in verb.children if x.dep_ in ("nsubj", "nsubjpass") for a in x.children
        if a.dep_ == "appos" and a.i > verb.i]
    out = []
    for c in heads:
        # (a bare name conjoined to the verb needs no "then": "took Herat, the country's third city, and Lashkar
        # Gah", the appositive between having cut the list)
        # ("regained control of Wad Madani, the capital of Gezira state, and the nearby town of Hasaheisa")
        named_place = c in conjoined and _low(c) in PLACE_NOUNS and _named_of(_prep_objects(c, "of")) and not (
            # ("retaken the city, the capital of Gezira state, from the group": right after the object and a comma,
            # a capital is the object's description, misread as a further object)
            _low(c) in CENTRE_NOUNS and any(c.left_edge.i == o.right_edge.i + 2 and c.doc[o.right_edge.i + 1].text
                                             == "," for o in objects))
        if (c.tag_ in ("NNP", "NNPS") or named_place) and c.i > last and (c in conjoined or any(
                a.dep_ == "advmod" and _low(a) in ("then", "later", "subsequently") for a in c.children)) \
                and not any(x.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "cop") for x in c.children):
            out.extend(_conjuncts(c))
    return out


# Words for a party that modify a change noun as its agent ("the rebel takeover of Idlib").
_PARTY_MODIFIERS = frozenset({"rebel", "regime", "government", "army", "jihadist", "militant", "insurgent",
                              "opposition", "islamist", "loyalist", "kurdish", "turkish", "russian", "iraqi", "syrian"})


# Verbs whose to-phrase is where one goes ("fled after the fall of Ramadi to Baghdad"), not whom a place fell to.
_MOTION_VERBS = frozenset({"flee", "move", "return", "go", "come", "retreat", "withdraw", "head", "travel", "send",
                           "bring", "evacuate", "relocate", "escape", "deploy", "transfer", "run", "march", "drive"})


# Change nouns whose possessor, with no of-phrase, is what changed hands: "Kafr Saghir's liberation", "Palmyra's fall
# to Isis" (not "the army's capture of X", which has its of-phrase; not "Saddam's fall", which names no place).
_THEME_POSSESSOR_NOUNS = frozenset({"liberation", "capture", "recapture", "seizure", "takeover", "fall"})


def _clause_subject(tok: Any) -> Any | None:
    """The subject of the clause a noun phrase sits in (through its prepositions and subordinate clauses, a few steps
    up), or of the main clause a fronted adjunct leads ("Since its recapture in 2016, Palmyra has been rebuilt")."""
    v = tok
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX"):
            subj = _children(v, "nsubj", "nsubjpass")
            if subj:
                return subj[-1]
        if v.head is v:
            return None
        v = v.head
    return None


def _taker_in_when_clause(lose: Any) -> Any | None:
    """ "Government forces lost the town in May, when opposition fighters stormed what had been a loyalist bastion",
    "the army lost Palmyra when Isis fighters overran the city": who took or stormed in the clause that says when it
    was lost took it."""
    for clause in _children(lose, "advcl"):
        when = _marked_by(clause, ("when", "as")) or any(
            c.dep_ == "advmod" and _low(c) == "when" for c in clause.children)
        if when and _lemma(clause) in _TAKE_VERBS | {"storm", "overrun"} and not _passive_voice(clause):
            return _subject(clause)
    return None


def _of_after_time(noun: Any) -> list[Any]:
    """ "the loss earlier this year of Idlib city", "the capture in March of Palmyra": a time told between a change noun
    and its of-phrase, which the parser then hangs on the time."""
    times = [c for c in noun.children if c.i > noun.i and c.dep_ == "npadvmod" and _low(c) in TIME_WORDS]
    times += [o for p in noun.children if p.dep_ == "prep" and p.i > noun.i and _low(p) in ("in", "on", "at")
              for o in _children(p, "pobj") if _low(o) in TIME_WORDS]
    return [o for t in times for o in _prep_objects(t, "of")]


def _took_part(verb: Any) -> bool:
    """ "took part (in)", "participated (in)", "played a role (in)": the verb a party's share in an action hangs on."""
    lemma = _lemma(verb)
    return lemma == "participate" or (lemma in ("take", "play") and any(
        _lemma(d) in ("part", "role") for d in _children(verb, "dobj")))


def _noun_frame(tok: Any, lemma: str) -> Frame | None:
    objects = _prep_objects(tok, "of") or _of_after_time(tok)
    poss = _children(tok, "poss")
    if lemma in _EXPEL_NOUNS | _WITHDRAW_NOUNS or _low(tok) in _EXPEL_NOUNS | _WITHDRAW_NOUNS:
        # (the parser may hang the from-phrase on who was removed: "the expulsion of Isis from Mosul")
        places = _prep_objects(tok, "from") or [p for o in objects for p in _prep_objects(o, "from")]
        if not places:
            return None
        leaver = (objects or poss or [None])[0]
        if lemma in _WITHDRAW_NOUNS or _low(tok) in _WITHDRAW_NOUNS:
            return _make(tok, lemma, "withdraw", places, None, leaver, _mood(tok))
        by = _prep_objects(tok, "by")
        # ("the army's expulsion of the RSF from Omdurman": with an of-phrase for who was driven out, the possessor
        # drove them; alone, it is who left: "the extremists' ousting from Raqqa")
        expeller = by[0] if by else (poss[0] if objects and poss else None)
        if expeller is None and tok.dep_ == "dobj" and _lemma(tok.head) in _SUPPORT_VERBS:
            expeller = _subject(tok.head)  # "the army completed the expulsion of IS from X" (as for a change noun)
        return _make(tok, lemma, "expel_passive", places, expeller, leaver, _mood(tok))
    if not objects and poss and _low(poss[0]) == "whose":
        # "the town of Morek, whose capture by the army was announced", "eastern Ghouta, the rebel enclave, whose fall
        # in April ...": the noun the relative clause describes
        antecedent = _relative_antecedent(poss[0])
        poss = [antecedent] if antecedent is not poss[0] else []
    theme: list[Any] = []  # the place a change noun's possessor names, where it has no of-phrase
    named: frozenset[int] = frozenset()
    if not objects and poss and _low(poss[0]) == "its" and lemma in _THEME_POSSESSOR_NOUNS:
        # "Raqqa has been in ruins since its capture by the SDF", "Palmyra was looted after its fall to Isis": a
        # possessive pronoun in an adjunct is bound by its clause's subject, the place when that is a name
        bound = _clause_subject(tok)
        if bound is not None and bound.tag_ in ("NNP", "NNPS"):
            poss = [bound]
        elif bound is not None and _lemma(bound) in PLACE_NOUNS:
            # ("Idlib province has been calm since its takeover by al-Qaida-linked militants": a place noun named by
            # the word before it, which the tagger may read as an adjective)
            theme = [c for c in bound.children if c.dep_ in ("compound", "amod") and c.i < bound.i
                     and c.text[:1].isupper()][-1:]
            named = frozenset(n.i for n in theme)
    if not theme and not objects and poss and (poss[0].tag_ in ("NNP", "NNPS") or (
            _low(poss[0]) in RESOLVABLE_NOUNS and _is_definite(poss[0]))) and lemma in _THEME_POSSESSOR_NOUNS:
        # "during Kafr Saghir's liberation": a named possessor of a change noun is the place; the caller drops it
        # where it is an actor the registry knows ("the army's capture of X" has its of-phrase); "the city's
        # liberation by Iraqi forces": the city the text named before
        theme = poss
    if theme:
        by = _prep_objects(tok, "by", "to")
        # ("Mosul's liberation from Isis": the from-phrase names who lost it)
        return _make(tok, lemma, "nominal", theme, by[0] if by else None, _loser_from(tok, ("from",)), _mood(tok),
                     named=named)
    if not objects:
        return None
    why = _mood(tok)
    by = _prep_objects(tok, "by", "to")
    if not by and lemma == "fall" and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX") \
            and _lemma(tok.head.head) not in _MOTION_VERBS:
        # "the offensive that ended with the fall of Ramadi to Iraqi forces": the parser may hang the to-phrase on
        # the verb, right after the noun's phrase (not a verb's own destination: "fled after the fall of X to Y")
        by = [o for c in tok.head.head.children if c.dep_ == "prep" and _low(c) == "to"
              and c.i == tok.right_edge.i + 1 for o in _children(c, "pobj") if not _a_time(o)]
    if not by and tok.dep_ == "nsubjpass" and _lemma(tok.head) in ("announce", "confirm", "claim", "declare"):
        by = _prep_objects(tok.head, "by")  # "The capture of Tel Hamis was announced by the Kurdish YPG militia"
    poss = _children(tok, "poss")
    if not poss and tok.i >= 3 and tok.doc[tok.i - 1].text == "-" and _low(tok.doc[tok.i - 2]) == "re":
        # "the coalition's re-conquest of Raqqa", split at its hyphen: the parser may hang the possessor anywhere
        case = tok.doc[tok.i - 3]
        poss = _children(tok.doc[tok.i - 2], "poss") or ([case.head] if _low(case) in ("'s", "’s") else [])
    if not poss:
        poss = [party] if (party := _party_before(tok)) is not None else []
    if not poss:
        # "the Kurdish-led capture of Raqqa", "the US-backed recapture of Manbij": the party that led or backed the
        # change is its agent's side
        poss = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and _low(c) in ("led", "backed")
                and _children(c, "npadvmod")][-1:]
    if lemma in ("loss", "surrender", "handover"):
        # "the rebels' surrender of Morek to the army", "Baghdad's loss of Mosul": the possessor gave it up; the
        # one it went to or the one that took it gained it
        giver = poss[0] if poss else None
        if giver is None and lemma == "loss" and tok.dep_ == "dobj" and _lemma(tok.head) in _ADMIT_VERBS:
            giver = _subject(tok.head)  # "Ukraine's military acknowledged the loss of Vuhledar": who admits it lost it
        return _make(tok, lemma, "nominal", objects, by[0] if by else None, giver, why)
    gainer = by[0] if by else (poss[0] if poss else None)
    if gainer is None and lemma in _AGENT_NOUNS and tok.dep_ == "pobj" \
            and _low(tok.head) in ("following", "after", "with") and tok.head.head.pos_ in ("VERB", "AUX") \
            and not _passive_voice(tok.head.head):
        # "Following the capture of Tal Sheikh Mansour, the army advanced towards X", "With the capture of X, troops of
        # the army have set foot in Idlib": who went on from the taking took it (not after a fall or a loss: "after
        # the fall of Aleppo, the rebels retreated")
        gainer = next(iter(_children(tok.head.head, "nsubj")), None)
    if gainer is None and tok.dep_ == "dobj" and _lemma(tok.head) in _SUPPORT_VERBS:
        # "pro-government forces completed the liberation of Sirte", "Iraqi forces announced the recapture of X":
        # the subject of the verb that carries the change noun is its agent (or claims it for its side); "the SDF
        # spearheaded the recapture of Raqqa", "Kurdish forces led the capture of Manbij": its leader
        gainer = _subject(tok.head)
    if gainer is None and lemma in _AGENT_NOUNS and tok.dep_ == "pobj" and _low(tok.head) in ("to", "in") \
            and _lemma(tok.head.head) in _RESULT_VERBS:
        # "the army's operation led to the liberation of Anbaj", "the Syrian army operation resulted in the recapture
        # of X", "the Turkish offensive ended in the capture of Afrin": the change an operation came to is its doer's
        done_by = _subject(tok.head.head)
        gainer = _operation_doer(done_by) if done_by is not None and _lemma(done_by) in _OPERATION_NOUNS else (
            done_by if done_by is not None and (done_by.pos_ == "PROPN" or _lemma(done_by) in _FIGHTER_NOUNS
                                                or _lemma(done_by) in ("army", "military")) else None)
    if gainer is None and tok.dep_ == "pobj" and _low(tok.head) == "in" and _took_part(tok.head.head):
        # "the Iraqi army took part in the liberation of Mosul", "militias participated in the capture of X": a party
        # to the change is of the side that made it
        gainer = _subject(tok.head.head)
    # (a change noun's of-phrase is its place: only "from" names the loser, "the seizure of X from IS")
    loser = _loser_from(tok, ("from",)) if lemma != "fall" else None
    return _make(tok, lemma, "nominal", objects, gainer, loser, why)
