"""The shipped actor registry with the world's armed actors derived from the Phoenix/CAMEO dictionaries
(``data/actors/00-phoenix.yaml``, built by ``scripts/build_actor_registry.py``). Pure: no database."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

from app.events import Side
from app.events.actors import DEFAULT_ACTOR_DIR, ActorRegistry, default_registry, load_registry

REPO = Path(__file__).resolve().parents[2]
GENERATED = DEFAULT_ACTOR_DIR / "00-phoenix.yaml"
PHOENIX_SRC = REPO.parent / "shared" / "data" / "actors-src" / "phoenix"
GOV, OPP, OTHER = Side.GOVERNMENT, Side.OPPOSITION, Side.OTHER


@cache
def curated_only() -> ActorRegistry:
    """The registry of the curated files alone, as it was before the derived file existed."""
    return load_registry(sorted(p for p in DEFAULT_ACTOR_DIR.glob("*.yaml") if p != GENERATED))


def generated() -> dict:
    return yaml.safe_load(GENERATED.read_text(encoding="utf-8"))


def only_actor(text: str) -> tuple[str, str | None]:
    """The one actor expression ``text`` holds: (surface, actor id)."""
    found = default_registry().find(text)
    assert len(found) == 1, (text, found)
    return found[0].surface, found[0].actor_id


# --- the registry finds and sides the world's armed actors ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "actor_id", "sides"),
    [
        ("The Taliban seized the district centre.", "Taliban", "taliban", {"AF": OPP, "PK": OPP, None: OPP}),
        ("Al-Shabaab fighters overran the base.", "Al-Shabaab", "al_shabaab", {"SO": OPP, "KE": OPP}),
        ("Boko Haram took control of Baga.", "Boko Haram", "boko_haram", {"NG": OPP, None: OPP}),
        # A state's own forces: government in their country, another state's forces elsewhere.
        ("The Afghan army retook the town.", "Afghan army", "af_state_forces", {"AF": GOV, "PK": OTHER, None: OTHER}),
        ("Afghan forces advanced on Kunduz.", "Afghan forces", "af_state_forces", {"AF": GOV, "SY": OTHER}),
        ("The Sudanese army recaptured Omdurman.", "Sudanese army", "sd_state_forces", {"SD": GOV, "SS": OTHER}),
        ("Nigerian troops entered Bama.", "Nigerian troops", "ng_state_forces", {"NG": GOV, "CM": OTHER}),
        ("The Afghan National Army held it.", "Afghan National Army", "af_state_forces", {"AF": GOV}),
        # Curated actors keep their curated sides.
        ("The Houthis took Sanaa.", "Houthis", "houthis", {"YE": OPP, None: OPP}),
        ("Hezbollah fighters captured Qusayr.", "Hezbollah fighters", "hezbollah", {"SY": GOV}),
        ("Hizballah units moved in.", "Hizballah", "hezbollah", {"SY": GOV}),  # a Phoenix spelling, curated id
        ("The Rapid Support Forces took El Fasher.", "Rapid Support Forces", "rapid_support_forces", {"SD": OPP}),
        ("The RSF said it held the city.", "RSF", "rapid_support_forces", {"SD": OPP}),
        ("The Syrian army retook Palmyra.", "Syrian army", "syrian_government_forces", {"SY": GOV}),
        ("Russian forces shelled the town.", "Russian forces", "russian_forces",
         {"SY": GOV, "UA": OTHER, "RU": GOV, None: OTHER}),
        # the armed groups of other wars that Phoenix lacks (or reads as a state's army: "Arakan Army")
        ("Tigrayan forces retook Mekelle.", "Tigrayan forces", "tigray_forces", {"ET": OPP}),
        ("The Arakan Army seized the town.", "Arakan Army", "myanmar_resistance", {"MM": OPP}),
        ("JNIM fighters attacked the base.", "JNIM", "jnim", {"ML": OPP}),
        ("ISWAP took the town of Malam Fatori.", "ISWAP", "islamic_state_provinces", {"NG": Side.ISIS}),
        # names the dictionaries lack or mistake ("Ethiopian National Defense Force" was Syria's National Defence
        # Forces), and Wagner's successor in the Sahel
        ("The ENDF retook Shire.", "ENDF", "ethiopian_national_defense_force", {"ET": GOV}),
        ("The Ethiopian National Defense Force retook Shire.", "Ethiopian National Defense Force",
         "ethiopian_national_defense_force", {"ET": GOV}),
        ("Africa Corps retook Kidal.", "Africa Corps", "wagner_group", {"ML": GOV}),
        ("The TTP seized the post.", "TTP", "tehrik_i_taliban_pakistan", {"PK": OPP}),
        ("Islamic Jihad fighters held the camp.", "Islamic Jihad", "palestinian_islamic_jihad", {"PS": OPP}),
        # the Somali National Army (and bare "SNA" in Somalia) is the state's, SPLA-IO the South Sudanese opposition
        ("The Somali National Army retook Barawe.", "Somali National Army", "somali_national_army", {"SO": GOV}),
        ("The SNA retook Barawe.", "SNA", "syrian_national_army", {"SO": GOV, "SY": Side.TURKEY}),
        ("SPLA-IO fighters seized Nasir.", "SPLA-IO", "spla_in_opposition", {"SS": OPP}),
        ("The Seleka seized Bria.", "Seleka", "central_african_armed_groups", {"CF": OPP}),
        ("The MNLA took Kidal.", "MNLA", "azawad_movements", {"ML": OPP}),
        ("Polisario fighters attacked.", "Polisario fighters", "polisario_front", {"EH": OPP}),
        # a plural possessive's apostrophe inside a listed name ends the word before it
        ("The Kurdistan Workers' Party held the town.", "Kurdistan Workers' Party", "pkk", {"TR": Side.KURDISH}),
        # a foreign force that fights for the state is the state's side there (the README's "forces fighting for it")
        ("Wagner mercenaries retook Kidal.", "Wagner mercenaries", "wagner_group",
         {"SY": GOV, "ML": GOV, "CF": GOV, "LY": OTHER, "UA": OTHER}),
        # a name given as "X forces" is also "X force", one force of them
        ("Then the Kurdish-led force moved in.", "Kurdish-led force", "syrian_democratic_forces",
         {"SY": Side.KURDISH}),
    ],
)
def test_shipped_registry_finds_and_sides(text: str, surface: str, actor_id: str, sides: dict) -> None:
    assert only_actor(text) == (surface, actor_id)
    actor = default_registry().actors[actor_id]
    assert {country: actor.side_in(country) for country in sides} == sides


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("PKK militants", Side.KURDISH),
        ("the Patriotic Union of Kurdistan", Side.KURDISH),
        ("the Islamic State of Iraq", Side.ISIS),
        ("FARC guerrillas", OPP),  # an acronym from Phoenix, matched in capitals
        ("the Tamil Tigers", OPP),
        # the curated file's: the PYD's armed wing, the KRG's forces, the SDF's Arab components
        ("PYD fighters", Side.KURDISH),
        ("KRG forces", Side.KURDISH),
        ("Iraqi Kurdish forces", Side.KURDISH),
        ("Kurdish-Arab forces", Side.KURDISH),
        ("the Syrian Arab Coalition", Side.KURDISH),
        ("Iranian-led militias", Side.GOVERNMENT),  # (in Syria, as the Guardian's pool uses it)
    ],
)
def test_kurdish_and_isis_groups(text: str, side: Side) -> None:
    actor_id = default_registry().find(text)[0].actor_id
    assert actor_id is not None and default_registry().actors[actor_id].side == side


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        # the Arabic article glued to the word it defines, as Al-Masdar's and FA-KES's copy writes it
        ("Jaish Alislam fighters said they took the block", "Jaish Alislam", "jaish_al_islam"),
        ("the Ahrar Alsham Movement", "Ahrar Alsham", "ahrar_al_sham"),
        ("jaish alislam said", "jaish alislam", "jaish_al_islam"),
    ],
)
def test_a_group_named_with_its_article_glued_on(text: str, surface: str, actor_id: str) -> None:
    [found] = default_registry().scan(text, lowercased=text.islower())[0]
    assert (found.surface, found.actor_id) == (surface, actor_id)


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [("the Free Syria Army", "syrian_opposition"), ("the Syria Democratic Forces", "syrian_democratic_forces"),
     ("free syria army fighters", "syrian_opposition")],
)
def test_a_groups_name_written_with_its_countrys_name_is_the_group(text: str, actor_id: str) -> None:
    """"the Free Syria Army" (wire copy writes the country for the demonym) is the FSA, not the Syrian army."""
    assert [(m.actor_id, m.kind) for m in default_registry().find(text)] == [(actor_id, "actor")]


def test_generic_agents_from_phoenix() -> None:
    """Phoenix's agents extend the curated generic words: soldiers and police -> the state, rebels -> non-state."""
    reg = default_registry()
    assert [(m.surface, m.kind) for m in reg.find("Guerrillas fought riot police and border guards.")] == [
        ("Guerrillas", "nonstate"), ("riot police", "state"), ("border guards", "state"),
    ]  # fmt: skip
    assert [m.kind for m in reg.find("the police took control")] == ["state"]


def test_a_generic_army_means_the_articles_state() -> None:
    """Every state Phoenix knows has state forces, so "the army" in an article about Nigeria is Nigeria's."""
    reg = default_registry()
    forces = reg.state_forces("NG")
    assert forces is not None and forces.id == "ng_state_forces" and forces.side_in("NG") == GOV
    assert reg.countries["NG"].names == ("nigeria",) and "nigerian" in reg.countries["NG"].demonyms
    assert reg.state_forces("SY").id == "syrian_government_forces"  # type: ignore[union-attr]


def test_nations_whose_forces_are_curated_are_no_countries_of_their_own() -> None:
    """Russian, American and Iranian forces are curated actors (government in Syria, other in Ukraine ...): those
    nations get no derived country, so "Russian" in a report from Ukraine does not make it Russia's article."""
    reg = default_registry()
    for code in ("RU", "US", "IR"):
        assert code not in reg.countries and reg.state_forces(code) is None
    assert only_actor("The Russian army shelled it.") == ("Russian army", "russian_forces")
    assert only_actor("The United States military said so.")[1] == "us_led_coalition"


# --- curated files win ------------------------------------------------------------------------------------------
def test_curated_files_win_on_sides_names_and_countries() -> None:
    """Everything the curated files say reads the same with the derived file loaded: every curated actor's side
    (in every country), every curated name and generic word, every curated country's state forces."""
    full, curated = default_registry(), curated_only()
    countries = {"SY", "IQ", "TR", "LB", "LY", "YE", "UA", "AF", "SD", "NG", None}
    for aid, actor in curated.actors.items():
        got = full.actors[aid]
        assert {c: got.side_in(c) for c in countries} == {c: actor.side_in(c) for c in countries}, aid
        assert got.voice_of == actor.voice_of, aid
        assert set(actor.names) <= set(got.names), aid
    names = {n for a in curated.actors.values() for n in a.names}
    for path in DEFAULT_ACTOR_DIR.glob("*.yaml"):
        if path != GENERATED:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            names.update(w for words in (doc.get("generic") or {}).values() for w in words)
            names.update(n for a in doc.get("actors") or () for n in a.get("case_sensitive_names") or ())
    for name in sorted(names):
        assert [(m.kind, m.actor_id) for m in full.find(name)] == [(m.kind, m.actor_id) for m in curated.find(name)], (
            name
        )
    for code, country in curated.countries.items():
        assert full.countries[code] == country, code


def test_derived_ids_do_not_take_over_curated_actors() -> None:
    """An entry of the derived file under a curated id carries the curated side and no sides of its own."""
    curated = curated_only()
    for entry in generated()["actors"]:
        if entry["id"] in curated.actors:
            assert Side(entry["side"]) == curated.actors[entry["id"]].side, entry["id"]
            assert not entry.get("sides_by_country"), entry["id"]


# --- what is left out -------------------------------------------------------------------------------------------
def test_persons_places_and_ordinary_words_are_left_out() -> None:
    doc = generated()
    names = {n for a in doc["actors"] for n in a.get("names") or ()}
    caps = {n for a in doc["actors"] for n in a.get("case_sensitive_names") or ()}
    persons = {"osama bin laden", "bin laden", "ayman al zawahiri", "zawahiri", "joseph kony", "khaled meshaal",
               "bashar al-assad", "abu bakr al-baghdadi", "al-baghdadi", "hambali", "salim idris"}  # fmt: skip
    ordinary = {"youth", "tigers", "the avengers", "new order", "red line", "black star", "revolutionary army",
                "islamic group", "national resistance", "may 15", "american front", "zero", "aden"}  # fmt: skip
    assert not names & (persons | ordinary)
    assert not caps & {"ETA", "CAR", "ANA", "LET", "EPA", "BOLIVIA", "AN", "HM"}
    assert all(n == n.lower() for n in names) and all(n == n.upper() for n in caps)
    ids = {a["id"] for a in doc["actors"]}
    assert not {"african_national_congress", "sandinistas", "mahdi_army", "vi_state_forces"} & ids


def test_generated_file_is_compact() -> None:
    """It is read at every start: a few thousand names, well under a quarter of a megabyte."""
    assert GENERATED.stat().st_size < 250_000
    doc = generated()
    assert sum(len(a.get("names") or ()) for a in doc["actors"]) < 3000
    assert doc["generic"]["state"] and doc["generic"]["nonstate"]


def test_generated_file_says_where_it_comes_from() -> None:
    head = GENERATED.read_text(encoding="utf-8").split("\n\n", 1)[0]
    for needed in ("676801cd9cb2924bbbad09f86d15c9323e7097bf", "MIT", "Open Event Data Alliance",
                   "scripts/build_actor_registry.py"):  # fmt: skip
        assert needed in head
    assert "Open Event Data" in (DEFAULT_ACTOR_DIR / "LICENSE-phoenix").read_text(encoding="utf-8")


@pytest.mark.skipif(
    not PHOENIX_SRC.is_dir(), reason=f"the Phoenix dictionaries are not beside the repository ({PHOENIX_SRC})"
)
def test_rebuilding_reproduces_the_shipped_file() -> None:
    """The script turns the sources (and the curated files) into exactly the shipped file; if this fails after a
    curated file changed, rebuild with ``.venv/bin/python scripts/build_actor_registry.py``."""
    spec = importlib.util.spec_from_file_location("build_actor_registry", REPO / "scripts" / "build_actor_registry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        text, stats = module.build(PHOENIX_SRC, GENERATED)
    finally:
        del sys.modules[spec.name]
    assert stats["actors"] > 500 and stats["names"] > 1000
    assert text.encode("utf-8") == GENERATED.read_bytes(), "stale: rebuild with scripts/build_actor_registry.py"


def test_a_possessive_ends_a_name_of_several_words() -> None:
    """"Jund al-Aqsa's fighters": the possessive ends a multi-word name as it ends a one-word one ("the SDF's")."""
    registry = default_registry()
    for text, surface in (("Jund al-Aqsa's fighters took Morek.", "Jund al-Aqsa"),
                          ("The Free Syrian Army’s units took Morek.", "Free Syrian Army"),
                          ("The SDF's fighters took Morek.", "SDF")):
        assert [a.surface for a in registry.find(text) if a.kind == "actor"][:1] == [surface]


def test_case_sensitive_names_of_several_words_match_in_lower_cased_text() -> None:
    """"is militants" in a lower-cased copy is Islamic State; the verb "is" alone stays a verb, and cased text
    keeps needing the capitals."""
    reg = default_registry()
    text = "is group fighters captured the villages. the town is quiet. is militants held it."
    found = [(m.surface, m.actor_id) for m in reg.scan(text, lowercased=True)[0]]
    assert found == [("is group", "islamic_state"), ("is militants", "islamic_state")]
    assert all(m.actor_id != "islamic_state" for m in reg.scan(text)[0])


def test_an_abbreviation_that_begins_a_longer_name_matches_alone_in_lower_cased_text() -> None:
    """"m23 rebels" is a name of the registry and "M23" an abbreviation: lower-cased, "the m23" alone is the group too,
    and the longer name still wins where it follows."""
    reg = default_registry()
    text = "the m23 captured goma. m23 rebels held it."
    found = [(m.surface, m.actor_id) for m in reg.scan(text, lowercased=True)[0]]
    assert found == [("m23", "m23"), ("m23 rebels", "m23")]


def test_abbreviations_that_are_no_word_match_in_lower_cased_text() -> None:
    """"the saa", "rsf fighters" in a lower-cased copy are the Syrian Arab Army and the RSF; "is" alone stays the verb,
    and in cased text "Saa" (a name) is not the army."""
    reg = default_registry()
    text = "the saa retook the town. rsf fighters left. the town is quiet."
    found = [(m.surface, m.actor_id) for m in reg.scan(text, lowercased=True)[0]]
    assert found == [("saa", "syrian_government_forces"), ("rsf", "rapid_support_forces")]
    assert reg.scan("Saa said the town is quiet.")[0] == []
    # the verb never follows a preposition: "fell to is", "retook it from is" name the group
    text = "the town fell to is in 2014 and the army retook it from the is. the problem is that it is quiet."
    found_is = [m.start for m in reg.scan(text, lowercased=True)[0] if m.actor_id == "islamic_state"]
    assert found_is == [text.index("to is") + 3, text.index("the is") + 4]


def test_a_lower_cased_is_before_a_finite_verb_is_the_group() -> None:
    """"the army said is had captured the town": the copula is never followed by a finite verb ("had", "took"), so
    there "is" is the group; before a participle, an adverb or a noun it stays the verb ("is held", "is also")."""
    reg = default_registry()
    text = ("the army said is had captured the town. later is took the hill. the town is held and it is also quiet. "
            "is-linked fighters left.")
    found_is = [m.start for m in reg.scan(text, lowercased=True)[0] if m.actor_id == "islamic_state"]
    assert found_is == [text.index("is had"), text.index("is took"), text.index("is-linked")]


def test_a_party_before_a_holding_verb_and_a_name_is_no_holder() -> None:
    """"rebel held villages" lost its hyphen: the rebels hold them. Before a name, in cased text, the word is the
    verb ("Isis occupied Mosul in 2014": Isis took it), as before "the" it always was."""
    reg = default_registry()

    def holders(text: str) -> list[tuple[str, bool]]:
        return [(m.surface, m.holder) for m in reg.scan(text)[0]]

    assert holders("Isis occupied Mosul in June 2014.") == [("Isis", False)]
    assert holders("Rebels held Aleppo until 2016.") == [("Rebels", False)]
    assert holders("The rebel held villages near Hama were shelled.") == [("rebel", True)]
    assert holders("Isis-occupied Mosul was shelled.") == [("Isis", True)]


def test_an_initialism_written_with_full_stops_matches_its_name() -> None:
    """"U.S.-backed forces" is the registry's "u.s.-backed forces" (the SDF in Syria): the letters of an initialism
    are words joined by full stops; a full stop after a longer word still ends a name ("the army. Forces loyal to
    ..." is two)."""
    registry = default_registry()
    found = registry.find("U.S.-backed forces took Hajin.")
    assert [(m.surface, m.actor_id) for m in found] == [("U.S.-backed forces", "us_backed_forces")]
    assert [m.surface for m in registry.find("They fought the army. Forces loyal to Assad")] == [
        "the army", "Forces loyal to Assad"]
