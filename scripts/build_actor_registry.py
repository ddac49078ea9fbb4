#!/usr/bin/env python3
"""Build ``data/actors/00-phoenix.yaml``: the world's armed actors from the Phoenix/CAMEO dictionaries.

The shipped registry (``data/actors/*.yaml``) is curated for the wars it was written for; this script derives one
more file from the PETRARCH2 Phoenix dictionaries (MIT licence, Open Event Data Alliance) so that articles about
other wars find their armed groups and state forces too:

* non-state armed groups (entries whose CAMEO code has a REB/INS/UAF/SEP role or is an IMG, "international
  militarised group"): one actor each, side ``opposition`` (``kurdish`` for Kurdish groups, ``isis`` for the
  Islamic State's names);
* countries (GeoNames name, Phoenix demonyms) and their state forces: one ``<iso2>_state_forces`` actor each, side
  ``other`` and ``government`` in its own country; the forces Phoenix names (``[AFGMIL]`` "Afghan National Army")
  are its names, and the loader adds "<demonym> forces/army/troops ..." itself;
* generic agents (``Phoenix.agents.txt``): nouns for soldiers and police (``~MIL``/``~COP``) -> ``generic: state``,
  nouns for rebels and insurgents (``~REB``/``~UAF``) -> ``generic: nonstate``.

Office holders (names with date ranges), persons, NGOs, IGOs, parties, companies and media are left out, and so
are names that are ordinary words or places ("Youth", "Red Line", "Venceremos"), unless the Phoenix entry spells
them as an acronym (then they match in capitals only). The curated files win wherever both speak: the generated
file loads first (``00-``), names, countries and generic words the other files already have are not repeated, and
an entry whose main name is curated is written under the curated actor's id and side.

The output is deterministic (sorted, no timestamps). Rebuild with::

    .venv/bin/python scripts/build_actor_registry.py

(sources default to ``../shared/data/actors-src/phoenix`` beside the repository; ``--check`` only compares).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import lzma
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.events.actors import _FORCE_NOUNS, _OFFICIAL_NOUNS, _words  # noqa: E402
from app.geoparse.lexicon import census_given_names, english_words  # noqa: E402

DEFAULT_SRC = REPO.parent / "shared" / "data" / "actors-src" / "phoenix"
DEFAULT_OUT = REPO / "data" / "actors" / "00-phoenix.yaml"
# GeoNames countryInfo 2025-11-27, the same file as ../shared/data/gazetteer-src/geonames/countryInfo_2025-11-27.txt
COUNTRY_INFO = REPO / "data" / "gazetteer" / "countryInfo.txt.xz"
PLACES = REPO / "data" / "gazetteer" / "places.tsv.xz"
PHOENIX_REPO = "openeventdata/petrarch2"
PHOENIX_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_FILES = (
    "Phoenix.MilNonState.actors.txt.xz",
    "Phoenix.Countries.actors.txt.xz",
    "Phoenix.International.actors.txt.xz",
    "Phoenix.agents.txt.xz",
)
REBUILD = ".venv/bin/python scripts/build_actor_registry.py"


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string, a space or a line break between two."""
    return frozenset(words.split())


# --- CAMEO codes --------------------------------------------------------------------------------------------------
ARMED_ROLES = frozenset({"REB", "INS", "UAF", "SEP"})  # rebels, insurgents, unaligned armed forces, separatists
FORCE_ROLES = frozenset({"MIL", "COP"})  # a state's military and police
CAMEO_ALIASES = {"KSV": "XKX", "TMP": "TLS"}  # CAMEO's own codes for Kosovo and Timor-Leste -> ISO alpha-3
NOT_ARMED = frozenset({"NGO", "IGO", "MNC", "PTY", "MED", "BUS", "EDU", "HLH", "DEV", "HRI", "ENV", "LAB", "JUD"})

# --- what a name of an armed group looks like ---------------------------------------------------------------------
# A name with one of these words names an organisation, never a person ("Abu Nidal Organization").
ORG_WORDS = _set(
    """army armies armed forces force front fronts brigade brigades battalion battalions regiment movement
    organization organisation organizations group groups party council union league alliance coalition committee
    committees cells cell nuclei nucleus faction factions militia militias commando commandos command guerrilla
    guerrillas guerilla guerillas mujahideen mujahidin mujahedin mujahedeen mujahiddin mujahedeen jihad jihadist
    resistance liberation tigers congress revolutionaries rebels squad squads corps legion units unit guard guards
    lashkar laskar jaish jaysh jeish harakat harkat hizb hizbul harakut jamaat jamaah jemaah jama'at jamaatul
    jamatul tehrik tanzim tanzeem ansar jund liwa liwaa kataib kata'ib katibat saraya sarayat fedayeen fidayeen
    qaeda qaida qa'ida qaidah qa'eda qai'dah taliban hezbollah hizbollah hizbullah hizballah shabaab shabab
    sena samity morcha"""
)
# Titles and name particles: a name with one of these and no organisation word is a person ("Sheikh Hamid",
# "Abu Talha", "Azahari bin Husin").
PERSON_WORDS = _set(
    """sheikh shaikh sheik commander emir amir mullah maulana mawlana maulvi colonel col gen general dr brother
    abu abou ibn bin bint umm extremist president minister"""
)
# Adjectives that many groups share: they do not make a short name specific ("Islamic Group", "Popular Front").
SHARED_WORDS = _set(
    """islamic islami islamiya islamiyah islamiyya muslim moslem arab arabian christian jewish hindu sikh buddhist
    communist marxist leninist maoist socialist anarchist anarchists nationalist patriotic popular people's peoples
    people revolutionary liberation national international united democratic holy sunni shia shiite al el ul e i
    ad ar as ash at az january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday 1st 2nd 3rd 4th 5th 7th 13th 16th 17th 20th 23rd"""
)
# Whole entries left out: parties in government today (the ANC, ZANU, the MPLA, the Sandinistas, Fatah and the PLO),
# Shia militias of the 2000s whose names now mean units of Iraq's Popular Mobilisation Forces (government in the
# eval README), and a few entries whose main name is a person's, a place's or nothing specific.
DROP_GROUPS = frozenset(
    {
        "african national congress", "zimbabwe african nationalist union", "sandinistas",
        "popular movement for the liberation of angola", "al-fatah", "palestine liberation organization",
        "muttahida qami movement", "badr forces", "mahdi army", "imam hussein brigades", "karbala brigades",
        "al-sadr brigades", "al-imam ali brigades", "republic of texas", "de fes", "shoko ashahara", "gracchus babeuf",
        "alejo calatayu", "ansar allah",
    }
)  # fmt: skip
STOP_WORDS = _set("the of and for in a an to on against with")
# Phoenix synonyms that are a single shared word ("SHABAAB_") or an acronym that means something else in news text:
# left out although the rules above would keep them.
DROP_NAMES = _set(
    """ana car eta let lt isa hum cia nsa fbi dea dod fsb pentagon secdef shabaab shabab aleph kakh epa fps naa
    nta mcc camo eyal shahin yahweh hisba bersatu clandestini hotaru hotaru-2"""
)
# Two-word names made of ordinary words that are nevertheless the group's usual name.
KEEP_NAMES = frozenset({"shining path", "black september", "red brigades", "khmer rouge", "abu sayyaf"})
ISIS = re.compile(r"\b(?:islamic state|isis|isil|daesh|da'esh)\b")
KURDISH = re.compile(r"\b(?:kurd\w*|pkk|ypg|ypj|pyd|pjak|peshmerga|pesh merga|kadek|kongra gel|apo's)\b")

# --- generic agents -----------------------------------------------------------------------------------------------
# ~MIL/~COP nouns whose head names a body of armed men ("border guards", "riot police"), not a rank, an office, a
# weapon or a building.
STATE_HEADS = _set(
    """army military troop troops soldier soldiers forces force police gendarmerie gendarmery gendermarie
    gendarmes marines infantry paratroops paratroopers commando commandos soldiery guard guards patrol patrols
    unit units regiment regiments battalion battalions garrison"""
)
STATE_ALONE = _set("army military troops soldiers police gendarmerie marines infantry paratroops soldiery")
NONSTATE_HEADS = _set(
    """rebel rebels insurgent insurgents guerrilla guerrillas guerilla guerillas militant militants separatist
    separatists jihadist jihadists terrorist terrorists gunmen men group groups band bands gang gangs army armies
    force forces fighter fighters"""
)
NONSTATE_ALONE = _set("rebels insurgents guerrillas guerillas militants separatists jihadists gunmen")
AGENT_SKIP = _set(
    """chief commander officer officers official officials spokesman spokesperson spokes adviser advisor delegation
    base authority authorities commission staff presence families family district post prison jail agent agents
    detective investigator expert leader leaders leadership representative machine clique coup captain lieutenant
    general admiral colonel sergeant deputy echelon support trainer warrior prisoner private trooper law
    enforcement source student and militia militias militiamen mercenary self fortune death hit hired suicide
    junior reserve reservist enemy unidentified foreign freedom head heads liberation violent alleged"""
)


# --- reading the dictionaries -------------------------------------------------------------------------------------
@dataclass
class Entry:
    """One actor block of a CAMEO dictionary: its names as written and its codes (code, date restriction)."""

    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


_CODE = re.compile(r"\[([^\]]*)\]")


def read_dictionary(path: Path) -> list[Entry]:
    """The blocks of a TABARI/PETRARCH actor dictionary: ``NAME_ [CODE]`` lines, ``+SYNONYM`` lines and
    ``[CODE date-range]`` lines. Name lines written one after the other without codes are actors of their own that
    share the codes that follow (the Syrian groups of the Countries file are written so)."""
    entries: list[Entry] = []
    waiting: list[Entry] = []  # actors whose codes have not been read yet
    with lzma.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            codes = _CODE.findall(line)
            name = _CODE.sub(" ", line).strip()
            if name.startswith("+"):
                if entries:
                    entries[-1].names.append(name[1:].strip())
            elif name:
                if entries and entries[-1].codes:
                    waiting = []
                entries.append(Entry([name]))
                waiting.append(entries[-1])
            for c in codes:
                code, _, dates = c.strip().partition(" ")
                for entry in waiting:
                    entry.codes.append((code, dates.strip()))
    return entries


def read_agents(path: Path) -> list[tuple[str, str | None, str]]:
    """``AGENT {PLURAL} [~CODE]`` lines: (agent, plural or None for the regular one, "" for none, code)."""
    out: list[tuple[str, str | None, str]] = []
    with lzma.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].strip()
            m = re.fullmatch(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]", line)
            if m:
                plural = None if m.group(2) is None else m.group(2).strip()
                out.append((m.group(1).strip(), plural, m.group(3)))
    return out


def current(entry: Entry) -> list[str]:
    """The codes that hold today: undated or open-ended ("[ERI >930427]"); "[AFGGOV 331108-730717]" is history."""
    return [CAMEO_ALIASES.get(code, code) for code, dates in entry.codes if not dates or dates.startswith(">")]


def roles(code: str) -> tuple[str, list[str]]:
    """A CAMEO code as its first three letters (country, IMG, IGO ...) and its three-letter role codes."""
    return code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]


# --- names --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Name:
    text: str  # lower case, words separated by single spaces or hyphens ("al-shabaab")
    acronym: bool = False  # matched in capitals only (``case_sensitive_names``)

    @property
    def key(self) -> tuple[str, ...]:
        return _words(self.text)


_VALID = re.compile(r"[a-z0-9][a-z0-9 '\-.&]*[a-z0-9.]")


def clean(raw: str) -> list[Name]:
    """A dictionary name as the forms worth matching: underscores are spaces, a parenthesised acronym becomes a
    name of its own ("ISLAMIC_ARMY_OF_ADEN_(IAA)_"), a qualifier in parentheses is dropped ("(COLOMBIA)")."""
    text = raw.replace("_", " ").replace("\u2019", "'")
    if text.count("(") != text.count(")"):
        return []
    out: list[Name] = []
    for inner in re.findall(r"\(([^)]*)\)", text):
        inner = inner.strip()
        if re.fullmatch(r"[A-Z][A-Z\-]{2,7}", inner):
            out.append(Name(inner, acronym=True))
    text = re.sub(r"\([^)]*\)", " ", text)
    parts = [p for p in re.split(r"\+|\s/\s", text)]
    if any("/" in p for p in parts):
        split = [q for p in parts for q in p.split("/")]
        parts = split if all(len(q.split()) >= 2 for q in split) else [p for p in parts if "/" not in p]
    for part in parts:
        t = re.sub(r"\s+", " ", part).strip(" -")
        if not t:
            continue
        if re.fullmatch(r"[A-Z]{2,4}(?:-[A-Z]{1,3})?", t):
            out.append(Name(t, acronym=True))
            continue
        low = t.lower()
        if _VALID.fullmatch(low) and "," not in low and not re.search(r"\.\s*\S", low.rstrip(".")):
            out.append(Name(low))
    return out


def content_words(key: tuple[str, ...]) -> list[str]:
    return [w for w in key if w not in STOP_WORDS]


def is_ordinary(name: Name, english: frozenset[str]) -> bool:
    """A name of ordinary words ("Red Line", "Islamic Group", "May 15", "American Front"): no word in it is specific
    to a group (a demonym is not), and it is too short to be specific as a phrase (three content words are:
    "Islamic Resistance Movement")."""
    if name.acronym or name.text in KEEP_NAMES:
        return False
    words = content_words(name.key)
    distinctive = [w for w in words if w not in english and w not in SHARED_WORDS and not w.isdigit()]
    return not distinctive and len(words) < 3


def is_person(name: Name, given: frozenset[str]) -> bool:
    """A person's name (no organisation word, and a title, a name particle or a given name first)."""
    key = name.key
    if name.acronym or name.text in KEEP_NAMES or any(w in ORG_WORDS for w in key):
        return False
    if any(w in PERSON_WORDS for w in key):
        return True
    return len(key) >= 2 and key[0] in given


# --- places -------------------------------------------------------------------------------------------------------
def place_names(path: Path, min_population: int = 5000) -> frozenset[str]:
    """Common place names: the names (and ASCII names) of the gazetteer's administrative areas and of its places
    with ``min_population`` or more."""
    names: set[str] = set()
    with lzma.open(path, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row[6] == "A" or int(row[14] or 0) >= min_population:
                names.update((row[1].lower(), row[2].lower()))
    return frozenset(names)


def country_info(path: Path) -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (alpha-2, English name), from GeoNames countryInfo."""
    out: dict[str, tuple[str, str]] = {}
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            out[cols[1]] = (cols[0], cols[4])
    return out


# --- the curated files --------------------------------------------------------------------------------------------
@dataclass
class Curated:
    """What the other files of ``data/actors`` already say: they win wherever the generated file would speak."""

    names: dict[tuple[str, ...], str] = field(default_factory=dict)  # name -> actor id
    sides: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    country_words: set[tuple[str, ...]] = field(default_factory=set)
    generic: set[tuple[str, ...]] = field(default_factory=set)
    # "russian" -> russian_forces: nations whose forces a curated actor already is ("Russian forces")
    forces_of: dict[tuple[str, ...], str] = field(default_factory=dict)


def read_curated(folder: Path, exclude: Path) -> Curated:
    cur = Curated()
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        if path.resolve() == exclude.resolve():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for a in doc.get("actors") or ():
            aid = str(a["id"])
            cur.ids.add(aid)
            if a.get("side"):
                cur.sides[aid] = str(a["side"])
            for n in [*(a.get("names") or ()), *(a.get("case_sensitive_names") or ())]:
                cur.names.setdefault(_words(str(n)), aid)
        for c in doc.get("countries") or ():
            cur.countries.add(str(c["code"]))
            for n in [*(c.get("names") or ()), *(c.get("demonyms") or ())]:
                cur.country_words.add(_words(str(n)))
        for words in (doc.get("generic") or {}).values():
            cur.generic.update(_words(str(w)) for w in words or ())
    nouns = [_words(n) for n in _FORCE_NOUNS]
    for key, aid in cur.names.items():
        for noun in nouns:
            if len(key) > len(noun) and key[-len(noun) :] == noun:
                cur.forces_of.setdefault(key[: -len(noun)], aid)
    return cur


# --- building -----------------------------------------------------------------------------------------------------
@dataclass
class Actor:
    id: str
    side: str
    names: list[Name] = field(default_factory=list)
    sides_by_country: dict[str, str] = field(default_factory=dict)
    comment: str = ""


@dataclass
class Country:
    title: str  # GeoNames' English name
    names: list[str]
    demonyms: list[str]


@dataclass
class Result:
    countries: dict[str, Country]
    actors: list[Actor]
    generic: dict[str, list[str]]
    left_to_curated: dict[str, str]  # a country whose forces a curated actor is -> that actor


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower().replace("'", "")).strip("_")


def _armed(entry: Entry) -> bool:
    for code in current(entry):  # none: office holders and persons of a period
        head, rs = roles(code)
        if head in NOT_ARMED or NOT_ARMED.intersection(rs):
            return False
        if head == "IMG" or ARMED_ROLES.intersection(rs):
            return True
    return False


def _forces_of(entry: Entry, iso3: dict[str, tuple[str, str]]) -> str | None:
    """The ISO alpha-2 code of the country whose military or police the entry is (``[AFGMIL]``), else None."""
    for code in current(entry):
        head, rs = roles(code)
        if head in iso3 and len(rs) == 1 and rs[0] in FORCE_ROLES:
            return iso3[head][0]
    return None


_FORCE_WORDS = _set("army forces force military navy marines guard guards police rifles corps")
_NOT_FORCE_WORDS = _set("cooperation department commission staff ministry secretary")


# --- countries ----------------------------------------------------------------------------------------------------
DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch", "ot", "ine", "ene", "ek", "ik", "kh", "yz", "men", "ss")
# Dependent territories (GeoNames countryInfo lists them too): no state forces of their own.
TERRITORIES = _set(
    """AI AN AQ AS AW AX BL BM BQ BV CC CK CS CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ MS
    NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT"""
)
# Names a demonym is formed from besides the GeoNames name ("British" from Britain, "Burmese" from Burma).
EXONYMS = {
    "GB": ["britain", "brit"], "MM": ["burma"], "NL": ["dutch"], "CH": ["swiss"], "DK": ["danish"],
    "FI": ["finnish"], "IE": ["irish"], "PL": ["polish"], "ES": ["spanish"], "GR": ["greek"], "TH": ["thai"],
    "CY": ["cypriot"], "AE": ["emirati"], "SZ": ["swazi"], "FR": ["french"], "DE": ["german"], "NO": ["norwegian"],
    "CI": ["ivorian"], "SA": ["saudi"], "SE": ["swedish"], "TR": ["turkish"], "US": ["american"],
    "PS": ["palestinian"], "KN": ["kittitian"], "NZ": ["new zealander"],
}  # fmt: skip
# Spellings Phoenix found somewhere ("morrocan") and words that are no demonym there ("kiwistan").
DROP_DEMONYMS = _set(
    """argentinan bangladeish isreali israelian jamacian mongorian morrocan zimbabwian zimbabwei vietman giapan
    belizian barbadan grenadan brunai portugali paraguai uruguai djibuti turkei tuerkei czechian mozambic pakish
    kittsian s.korean s'porean equatoguinean emirian phillipine philipine maldivan lubnan liech ceilan ceylonese
    sinitic sinic daehan hindustan kiwi kiwistan englishman englishwoman scotsman scotswoman welshman welshwoman
    irishman irishwoman dutchman dutchwoman bhutani nevisian kittian dominicanrepublic kiriabass austurriki
    australai ethiopai frankreich unitedstatian armenai azerbajdzhan azerbaidzhan azerbaycan azerbijani azerbaydzhan
    azerbajani azerbaidschan azerbajian azerbajzan belaruss belarussi myanmarese palestine mexicali mozambik"""
) | {"sierra leonian"}


# Given names of the leaders and members the dictionaries list, beside the 1990 US Census names.
GIVEN_NAMES = _set(
    """mohammed muhammad mohammad mohamed muhammed mohmmad ahmed ahmad ali omar umar osama usama ayman khaled khalid
    hassan hussein hussain ibrahim abdul abdel abd abdullah abdallah yusuf youssef mustafa mahmoud salim selim salah
    hafiz ghulam javed mushtaq ashfaq arif altaf aftab bashir kafeel shabir riduan zulkifli nurjaman encep yazid
    taufik moktar hamza hamzah fumihiro fusako kulwinder sabir shahnawaz shoaib pervez farooq begum amanullah asghar
    asgar murad salamat selamat isnilon totoni dominic vincent caesar raska okot odong alphonse nixman joseph sami
    marwan"""
)


class Builder:
    def __init__(self, src: Path, curated: Curated) -> None:
        self.src = src
        self.curated = curated
        self.english = english_words()
        self.given = census_given_names() | GIVEN_NAMES
        self.places = place_names(PLACES)
        self.common = self.english
        self.iso3 = country_info(COUNTRY_INFO)
        self.dropped: dict[str, int] = defaultdict(int)
        self.forces_owner: dict[str, str] = {}  # a country left to a curated actor -> that actor
        self.demonyms: set[str] = set()  # of every country, those left out too

    def keep(self, name: Name) -> bool:
        key = name.key
        if not key:
            return False
        why = None
        if name.text.lower() in DROP_NAMES:
            why = "listed"
        elif name.acronym:
            low = name.text.lower()
            if not 3 <= len(low.replace("-", "")) <= 6 or low in self.english or low in self.given:
                why = "short or a word"
            elif low in self.places:
                why = "place"
        elif key in self.curated.generic:
            why = "curated generic word"
        elif is_ordinary(name, self.common):
            why = "ordinary words"
        elif is_person(name, self.given):
            why = "person"
        elif " ".join(key) in self.places or name.text in self.places:
            why = "place"
        elif len(key) == 1 and (key[0] in self.given or len(key[0]) < 5):
            why = "short or a given name"
        if why:
            self.dropped[why] += 1
            return False
        return True

    def group_names(self, entry: Entry) -> list[Name]:
        """The names of an armed group worth matching: the main name and the synonyms that share a word with it,
        carry an organisation word or are acronyms (synonyms without any are mostly its leaders' names)."""
        names = [n for raw in entry.names for n in clean(raw)]
        if not names:
            return []
        main = next((n for n in names if not n.acronym), names[0])
        if main.text in DROP_GROUPS:
            self.dropped["listed"] += 1
            return []
        if is_person(main, self.given):
            self.dropped["person"] += 1
            return []  # "AYMAN_AL_ZAWAHIRI +ZAWAHIRI": a leader, whatever the synonyms
        lone = len(names) == 1 and not any(w in ORG_WORDS for w in main.key) and main.text not in KEEP_NAMES
        if lone and all(roles(code)[0] == "IMG" for code in current(entry)):
            self.dropped["person"] += 1
            return []  # the IMG list's single names are mostly members ("HAMBALI__", "DULMATIN__")
        main_words = {w for w in main.key if w not in STOP_WORDS and w not in SHARED_WORDS}
        out: list[Name] = []
        seen: set[tuple[str, ...]] = set()
        for n in names:
            related = (
                n is main
                or n.acronym
                or any(w in ORG_WORDS for w in n.key)
                or bool(main_words.intersection(n.key))
                or (len(n.key) == 1 and len(main.key) == 1 and _similar(n.key[0], main.key[0]))
            )
            if related and n.key not in seen and self.keep(n):
                out.append(n)
                seen.add(n.key)
        return out

    def build(self) -> Result:
        entries = {f: read_dictionary(self.src / f) for f in SOURCE_FILES[:3]}
        cur = self.curated
        countries = self._countries(entries["Phoenix.Countries.actors.txt.xz"])
        # Country names and demonyms are no more specific than ordinary words ("American Front").
        self.common = self.english | {
            w
            for words in [
                *(_words(d) for c in countries.values() for d in (*c.names, *c.demonyms)),
                *(_words(d) for d in self.demonyms),
                *(_words(t.lower()) for _, t in self.iso3.values()),
                *cur.country_words,
            ]
            for w in words
        }
        # --- state forces and non-state groups from the actor files
        groups: dict[str, Actor] = {}
        forces: dict[str, list[Name]] = defaultdict(list)
        for fname in SOURCE_FILES[:3]:
            for entry in entries[fname]:
                if all(not n.strip("_ ") for n in entry.names):
                    continue
                cc = _forces_of(entry, self.iso3)
                if cc is not None:
                    names = [n for raw in entry.names for n in clean(raw)]
                    if not any(KURDISH.search(n.text) for n in names):
                        seen = {n.key for n in forces[cc]}
                        for n in names:
                            if n.key in seen or _NOT_FORCE_WORDS.intersection(n.key):
                                continue
                            if (n.acronym or _FORCE_WORDS.intersection(n.key)) and self.keep(n):
                                forces[cc].append(n)
                                seen.add(n.key)
                        continue
                elif not _armed(entry):
                    continue
                names = self.group_names(entry)
                if not names:
                    continue
                self._add_group(groups, names)
        groups = _merge_variants(groups, set(cur.ids))
        # --- countries
        state_actors: dict[str, Actor] = {}
        for cc in sorted(countries):
            if cc in cur.countries:
                continue
            aid = f"{cc.lower()}_state_forces"
            state_actors[cc] = Actor(aid, "other", [], {cc: "government"}, comment=countries[cc].title)
        for cc, names in sorted(forces.items()):
            if cc in state_actors:
                state_actors[cc].names.extend(n for n in names if n not in state_actors[cc].names)
            elif cc in self.forces_owner:  # "[USAMIL] UNITED_STATES_MILITARY" joins the curated US forces
                aid = self.forces_owner[cc]
                actor = groups.setdefault(aid, Actor(aid, cur.sides.get(aid, "other"), []))
                actor.names.extend(n for n in names if n not in actor.names)
        # --- one owner per name: curated first, then state forces, then groups; a name two groups claim is dropped
        owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for a in [*state_actors.values(), *groups.values()]:
            for n in a.names:
                owners[n.key].add(a.id)
        state_ids = {a.id for a in state_actors.values()}
        generated = self._demonym_names(countries)
        for a in [*state_actors.values(), *groups.values()]:
            kept = []
            for n in a.names:
                if n.key in cur.names:
                    self.dropped["curated name"] += 1
                    continue
                claim = owners[n.key]
                if len(claim) > 1 and not (a.id in state_ids and len(claim & state_ids) == 1):
                    self.dropped["claimed by two actors"] += 1
                    continue
                if a.id not in state_ids and n.key in generated:
                    self.dropped["a state's forces by demonym"] += 1
                    continue
                kept.append(n)
            a.names = kept
        actors = [*state_actors.values(), *(g for g in groups.values() if g.names)]
        generic = self._generic(self.src / SOURCE_FILES[3], {n.key for a in actors for n in a.names})
        return Result(countries, actors, generic, self.forces_owner)

    def _add_group(self, groups: dict[str, Actor], names: list[Name]) -> None:
        cur = self.curated
        main = next((n for n in names if not n.acronym), names[0])
        texts = " | ".join(n.text.lower() for n in names)
        side = "isis" if ISIS.search(texts) else "kurdish" if KURDISH.search(texts) else "opposition"
        curated_id = cur.names.get(main.key)
        if curated_id is not None and curated_id not in cur.sides:
            return  # a curated speaker ("SANA"), not a force
        if curated_id is not None:
            aid, side = curated_id, cur.sides[curated_id]
        else:
            aid = "islamic_state" if side == "isis" else slug(main.text)
            if aid in cur.ids and aid != "islamic_state":
                aid += "_phoenix"
        actor = groups.setdefault(aid, Actor(aid, side, []))
        actor.names.extend(n for n in names if n not in actor.names)

    def _countries(self, entries: list[Entry]) -> dict[str, Country]:
        """ISO alpha-2 -> its name (GeoNames) and demonyms (Phoenix: "AFGHAN_", "SOUTH_SUDANESE"), for every state
        Phoenix has a country entry for. A demonym two countries share ("Congolese") is left out."""
        synonyms: dict[str, list[str]] = defaultdict(list)
        curated = self.curated.countries
        for entry in entries:
            for code in current(entry):
                if code in self.iso3 and self.iso3[code][0] not in TERRITORIES and self.iso3[code][0] not in curated:
                    synonyms[self.iso3[code][0]].extend(n for raw in entry.names for n in [_plain(raw)] if n)
        by_code = {cc: name for cc, name in self.iso3.values()}
        demonyms: dict[str, list[str]] = {}
        for cc, names in synonyms.items():
            title = by_code[cc].lower()
            words_of_title = [w for w in title.split() if len(w) >= 4]
            stems = words_of_title + EXONYMS.get(cc, [])
            found: list[str] = []
            for n in names:
                words = n.split()
                if n == title or n in found or n in DROP_DEMONYMS or len(words) > 2:
                    continue
                if len(words) == 2 and words[0] != title.split()[0]:
                    continue  # "south sudanese" for South Sudan
                head = words[-1]
                if not head.endswith(DEMONYM_ENDINGS):
                    continue
                if head not in words_of_title and any(head.endswith(t[-3:]) for t in words_of_title):
                    continue  # a spelling of the name ("afganistan"), not a demonym
                if any(head[:4] == s[:4] for s in stems):
                    found.append(n)
            demonyms[cc] = found
        counts: dict[str, int] = defaultdict(int)
        for found in demonyms.values():
            for d in found:
                counts[d] += 1
        out: dict[str, Country] = {}
        for cc in sorted(synonyms):
            title = by_code[cc]
            names = [title.lower()] if re.fullmatch(r"[A-Za-z]+", title) else []
            dems = [d for d in demonyms[cc] if counts[d] == 1] + [f"{n}'s" for n in names]
            self.demonyms.update(demonyms[cc])
            owner = next((self.curated.forces_of[_words(d)] for d in dems if _words(d) in self.curated.forces_of), None)
            if owner is not None:
                # The curated files speak of this nation's forces ("Russian forces" fight for Syria's state): its
                # forces are that actor, and it is no country of its own here, so that "Russian" does not make an
                # article Russia's and its army "the army".
                self.forces_owner[cc] = owner
                continue
            names = [n for n in names if _words(n) not in self.curated.country_words]
            dems = [d for d in dems if _words(d) not in self.curated.country_words]
            out[cc] = Country(title, names, dems)
        return out

    def _demonym_names(self, countries: dict[str, Country]) -> set[tuple[str, ...]]:
        out = set()
        for c in countries.values():
            for d in c.demonyms:
                for noun in (*_FORCE_NOUNS, *_OFFICIAL_NOUNS):
                    out.add(_words(f"{d} {noun}"))
        return out

    def _generic(self, path: Path, actor_names: set[tuple[str, ...]]) -> dict[str, list[str]]:
        state: set[str] = set()
        nonstate: set[str] = set()
        agents: list[tuple[str, list[str]]] = []
        for agent, plural, code in read_agents(path):
            if "!" in agent or not re.fullmatch(r"[A-Z][A-Z_'\-]*", agent):
                continue
            words = agent.replace("_", " ").lower().split()
            if AGENT_SKIP.intersection(words) or any("-" in w and not w.startswith("anti") for w in words):
                continue
            role = code[:3]
            heads, alone, target = (
                (STATE_HEADS, STATE_ALONE, state) if role in FORCE_ROLES else (NONSTATE_HEADS, NONSTATE_ALONE, nonstate)
            )
            if role not in FORCE_ROLES | {"REB", "UAF"} or code[3:] not in ("", "MUS", "CHR", "BUD", "HIN"):
                continue
            if words[-1] not in heads:
                continue
            forms = [_plural_form(words, plural)]
            if words[-1] in _COLLECTIVE and len(words) > 1:
                forms.append(" ".join(words))
            target.update(f for f in forms if len(f.split()) > 1 or f in alone)
            agents.append((role, forms))
        # An agent both lists have a form of ("ARMED_FORCES [~MIL]", "ARMED_FORCE [~UAF]") is the state's.
        nonstate -= {f for role, fs in agents if role not in FORCE_ROLES and state.intersection(fs) for f in fs}
        taken = self.curated.generic | set(self.curated.names) | actor_names
        out: dict[str, list[str]] = {}
        for key, candidates in (("state", state), ("nonstate", nonstate)):
            seen: set[tuple[str, ...]] = set()
            out[key] = []
            for form in sorted(candidates, key=lambda f: ("-" not in f, f)):  # "anti-government" over "anti government"
                if _words(form) not in taken and _words(form) not in seen:
                    seen.add(_words(form))
                    out[key].append(form)
            out[key].sort()
        return out


_GENERIC_TAIL = _set("group organization organisation movement")


def _base(key: tuple[str, ...]) -> tuple[str, ...]:
    return key[:-1] if len(key) > 1 and key[-1] in _GENERIC_TAIL else key


def _merge_variants(groups: dict[str, Actor], curated_ids: set[str]) -> dict[str, Actor]:
    """One actor for entries that are one group: an entry whose main name is another entry's name, give or take
    a closing "group" or "organization" ("ABU_SAYYAF__" and "ABU_SAYYAF_GROUP"), joins that entry."""
    order = sorted(groups, key=lambda a: (a not in curated_ids, a))
    owner: dict[tuple[str, ...], str] = {}
    for aid in order:
        for n in groups[aid].names:
            owner.setdefault(_base(n.key), aid)
    parent = {aid: aid for aid in groups}

    def root(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    for aid in order:
        g = groups[aid]
        main = next((n for n in g.names if not n.acronym), g.names[0])
        other = owner.get(_base(main.key), aid)
        ra, rb = root(aid), root(other)
        if ra != rb:
            keep, join = sorted((ra, rb), key=lambda r: (r not in curated_ids, r))
            parent[join] = keep
    merged: dict[str, Actor] = {}
    for aid in order:
        r = root(aid)
        into = merged.setdefault(r, Actor(r, groups[r].side, []))
        keys = {n.key for n in into.names}
        into.names.extend(n for n in groups[aid].names if n.key not in keys)
    return merged


_MASS = _set("army military police gendarmerie gendarmery gendermarie infantry soldiery")
# Nouns for a body of men, used in the singular too ("the border guard", "a rebel army").
_COLLECTIVE = _set("force guard patrol unit regiment battalion garrison")


def _plural_form(words: list[str], plural: str | None) -> str:
    """The form a generic agent is written in the registry: mass nouns as they are ("riot police"), count nouns in
    the plural ("border guards"), as PETRARCH forms it (``{}`` no plural, ``{MEN}`` an irregular one)."""
    if plural is not None:
        return (plural.replace("_", " ").lower().strip() or " ".join(words)).strip()
    last = words[-1]
    if last in _MASS or last.endswith(("s", "men")):
        return " ".join(words)
    if last.endswith("y") and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def _plain(raw: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", raw.replace("_", " ")).lower()
    text = re.sub(r"\s+", " ", text).strip(" -")
    return text if re.fullmatch(r"[a-z][a-z '\-.]*", text) else ""


def _similar(a: str, b: str) -> bool:
    """Two spellings of one word ("hizbullah", "hezbollah"): same first letter and most letters in common."""
    return a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.7


# --- writing ------------------------------------------------------------------------------------------------------
_BARE = re.compile(r"[a-z][a-z0-9 .\-]*[a-z0-9.]|[a-z]")
_RESERVED = _set("y n yes no true false on off null")


def q(text: str) -> str:
    """A YAML scalar: bare where that reads back as the same string, else double-quoted."""
    if _BARE.fullmatch(text) and text not in _RESERVED and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(texts: Iterable[str], indent: int, width: int = 118) -> Iterator[str]:
    """``[a, b, c]`` wrapped at ``width`` with continuation lines indented to ``indent``."""
    line = "["
    items = [q(i) for i in texts]
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "]")
        if len(line) + 1 + len(piece) + indent > width and line != "[":
            yield line
            line = " " * (indent + 1) + piece
        else:
            line += ("" if line in ("[", " " * (indent + 1)) else " ") + piece
    if not items:
        line += "]"
    yield line


def render(result: Result, src: Path) -> str:
    countries, actors, generic, left = result.countries, result.actors, result.generic, result.left_to_curated
    digests = [f"#   {f}  sha256 {hashlib.sha256((src / f).read_bytes()).hexdigest()}" for f in SOURCE_FILES]
    out = [
        "# GENERATED by scripts/build_actor_registry.py - do not edit; curated files (loaded after this one) win.",
        f"# Source: Phoenix/CAMEO dictionaries of PETRARCH2 ({PHOENIX_REPO}, petrarch2/data/dictionaries/",
        f"#   at commit {PHOENIX_COMMIT}), xz-compressed in ../shared/data/actors-src/phoenix:",
        *digests,
        "# Licence: MIT, Copyright (c) 2014 Open Event Data Alliance (LICENSE-phoenix in this folder).",
        "# Countries: ISO codes and names from GeoNames countryInfo (data/gazetteer/countryInfo.txt.xz).",
        f"# Rebuild: {REBUILD}",
        "# Sides: armed groups opposition (Kurdish groups kurdish, Islamic State isis); a state's forces other, and",
        "#   government in their own country. An entry under a curated id keeps the curated side. Countries whose",
        "#   forces a curated actor is are left to it:",
        "#   " + ", ".join(f"{cc} ({aid})" for cc, aid in sorted(left.items())) + ".",
        "",
        "countries:",
    ]
    for cc, c in sorted(countries.items()):
        names, dems = c.names, c.demonyms
        forces = next((a.id for a in actors if a.id == f"{cc.lower()}_state_forces"), None)
        if not (names or dems or forces):
            continue
        out.append(f"  - code: \"{cc}\"   # {c.title}")  # quoted: YAML reads a bare NO (Norway) as false
        if names:
            out.append("    names: " + "\n".join(flow(names, 11)))
        if dems:
            out.append("    demonyms: " + "\n".join(flow(dems, 14)))
        if forces:
            out.append(f"    state_forces: {forces}")
    out += ["", "actors:"]
    for a in sorted(actors, key=lambda a: (a.id not in {f"{cc.lower()}_state_forces" for cc in countries}, a.id)):
        plain = [n.text for n in a.names if not n.acronym]
        caps = [n.text for n in a.names if n.acronym]
        if not a.names:
            by = ", ".join(f"{k}: {v}" for k, v in sorted(a.sides_by_country.items()))
            out.append(f"  - {{id: {a.id}, side: {a.side}, sides_by_country: {{{by}}}}}   # {a.comment}")
            continue
        out.append(f"  - id: {a.id}" + (f"   # {a.comment}" if a.comment else ""))
        out.append(f"    side: {a.side}")
        if a.sides_by_country:
            by = ", ".join(f"{k}: {v}" for k, v in sorted(a.sides_by_country.items()))
            out.append(f"    sides_by_country: {{{by}}}")
        if plain:
            out.append("    names: " + "\n".join(flow(plain, 11)))
        if caps:
            out.append("    case_sensitive_names: " + "\n".join(flow(caps, 26)))
    out += ["", "generic:"]
    for key in ("state", "nonstate"):
        if generic[key]:
            out.append(f"  {key}: " + "\n".join(flow(generic[key], 2 + len(key) + 2)))
    return "\n".join(out) + "\n"


def build(src: Path = DEFAULT_SRC, out: Path = DEFAULT_OUT) -> tuple[str, dict[str, int]]:
    """The generated file's text, and counts of what was derived and left out."""
    builder = Builder(src, read_curated(out.parent, out))
    result = builder.build()
    actors = result.actors
    stats = {
        "countries": sum(1 for c in result.countries.values() if c.names or c.demonyms),
        "actors": len(actors),
        "state_forces": sum(1 for a in actors if a.id.endswith("_state_forces")),
        "names": sum(len(a.names) for a in actors),
        "generic": sum(len(v) for v in result.generic.values()),
        **{f"dropped: {k}": v for k, v in sorted(builder.dropped.items())},
    }
    return render(result, src), stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder of the Phoenix *.txt.xz dictionaries")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="only compare with the file at --out (exit 1 if stale)")
    args = ap.parse_args(argv)
    text, stats = build(args.src, args.out)
    for k, v in stats.items():
        print(f"{k}: {v}", file=sys.stderr)
    if args.check:
        same = args.out.is_file() and args.out.read_bytes() == text.encode("utf-8")
        print("up to date" if same else f"stale: rebuild with {REBUILD}", file=sys.stderr)
        return 0 if same else 1
    args.out.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.out} ({len(text.encode())} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
