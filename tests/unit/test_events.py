"""Control-change extraction on sentences written for these tests (unless a source is named)."""

from __future__ import annotations

from datetime import date

import pytest

from app.events import ControlChange, Side, event_to_dict, extract_control_changes
from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention

PUB = date(2017, 10, 23)  # a Monday

COUNTRIES = {"Syria", "Iraq", "Turkey", "Jordan"}


def _place(name: str, geonameid: int) -> GazetteerPlace:
    code = "PCLI" if name in COUNTRIES else ("ADM1" if name.endswith("province") else "PPL")
    return GazetteerPlace(
        geonameid=geonameid,
        name=name,
        asciiname=name,
        lat=35.0,
        lon=37.0,
        feature_class="A" if code != "PPL" else "P",
        feature_code=code,
        country_code="",
    )


def mentions(text: str, names: list[str], *, unresolved: tuple[str, ...] = ()) -> list[Mention]:
    """A mention for every occurrence of each name (the geoparser's job, done by hand here)."""
    out = []
    for i, name in enumerate(names):
        start = text.find(name)
        while start >= 0:
            place = None if name in unresolved else _place(name, 1000 + i)
            out.append(Mention(text=name, start=start, end=start + len(name), place=place, confidence=0.9))
            start = text.find(name, start + len(name))
    return out


def extract(text: str, names: list[str], published_at: date | None = PUB, **kw: object) -> list[ControlChange]:
    return extract_control_changes(text=text, mentions=mentions(text, names, **kw), published_at=published_at)


def summary(events: list[ControlChange]) -> list[tuple[str, str | None]]:
    return [(e.place.text, e.gained_by.side.value if e.gained_by else None) for e in events]


# --- triggers and voice ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Syrian government forces captured Kafr Nabudah.", ["Kafr Nabudah"], [("Kafr Nabudah", "government")]),
        ("Rebels seized the town of Morek after heavy fighting.", ["Morek"], [("Morek", "opposition")]),
        ("Iraqi forces took control of Tal Afar.", ["Tal Afar"], [("Tal Afar", "government")]),
        ("Iraqi troops have taken full control of the district of Hawija.", ["Hawija"], [("Hawija", "government")]),
        ("The Syrian army retook Palmyra from Islamic State.", ["Palmyra"], [("Palmyra", "government")]),
        ("Kurdish forces recaptured Kobani.", ["Kobani"], [("Kobani", "kurdish")]),
        ("Peshmerga fighters regained control of Sinjar.", ["Sinjar"], [("Sinjar", "kurdish")]),
        ("The SDF liberated Tabqa dam.", ["Tabqa"], [("Tabqa", "kurdish")]),
        ("Islamic State militants overran Ramadi.", ["Ramadi"], [("Ramadi", "isis")]),
        ("Nusra Front fighters stormed and took the village of Kinsabba.", ["Kinsabba"], [("Kinsabba", "opposition")]),
        ("The town of Jisr al-Shughur fell to insurgents.", ["Jisr al-Shughur"], [("Jisr al-Shughur", "opposition")]),
        ("The regime lost Idlib to the Army of Conquest.", ["Idlib"], [("Idlib", "opposition")]),
        ("Turkish-backed rebels took over Jarablus.", ["Jarablus"], [("Jarablus", "turkey")]),
        ("Ankara-backed rebels took over Jarablus.", ["Jarablus"], [("Jarablus", "turkey")]),
        ("Turkish-supported rebels took over Jarablus.", ["Jarablus"], [("Jarablus", "turkey")]),
        # Turkish backing of another party in the sentence is not the gainer's
        ("Hayat Tahrir al-Sham took control of Saraqeb after clashes with Turkish-backed rebels.", ["Saraqeb"],
         [("Saraqeb", "opposition")]),
        ("Rebels took Jarablus with Turkish air cover.", ["Jarablus"], [("Jarablus", "turkey")]),
        ("Free Syrian Army fighters, supported by Turkish tanks, took Jarablus.", ["Jarablus"],
         [("Jarablus", "turkey")]),
        ("The Turkish army drove the YPG out of Afrin.", ["Afrin"], [("Afrin", "turkey")]),
        ("The army expelled Islamic State fighters from Deir Hafer.", ["Deir Hafer"], [("Deir Hafer", "government")]),
        ("Iraqi forces cleared Fallujah of Islamic State militants.", ["Fallujah"], [("Fallujah", "government")]),
        ("The SDF wrested control of Manbij from Islamic State.", ["Manbij"], [("Manbij", "kurdish")]),
        ("Hezbollah fighters entered and took control of Qusayr.", ["Qusayr"], [("Qusayr", "government")]),
        ("The rebels handed over Darayya to the government.", ["Darayya"], [("Darayya", "government")]),
        ("The rebels surrendered Madaya to the Syrian army.", ["Madaya"], [("Madaya", "government")]),
        ("The town of Dabiq was captured by Syrian National Army fighters.", ["Dabiq"], [("Dabiq", "turkey")]),
        ("Maskanah has been recaptured by the Syrian army.", ["Maskanah"], [("Maskanah", "government")]),
        ("Islamic State had taken Mosul in 2014.", ["Mosul"], [("Mosul", "isis")]),
        ("Islamic State withdrew from Jarablus.", ["Jarablus"], [("Jarablus", None)]),
        ("The capture of Qaryatain by the Syrian army ended the siege.", ["Qaryatain"], [("Qaryatain", "government")]),
        ("The militants were driven out of Hit by Iraqi troops.", ["Hit"], [("Hit", "government")]),
    ],
)
def test_triggers(text: str, names: list[str], expected: list[tuple[str, str | None]]) -> None:
    assert summary(extract(text, names)) == expected


def test_withdrawal_records_the_loser() -> None:
    [ev] = extract("Islamic State withdrew from Jarablus.", ["Jarablus"])
    assert ev.lost_by is not None and ev.lost_by.side is Side.ISIS


def test_passive_list_with_agent_from_reporting_clause() -> None:
    """Modelled on the Reuters sentence quoted in issue #4."""
    text = "The army said the villages of Um Turayka, Bilil, and Rujum al Ahmar were seized."
    events = extract(text, ["Um Turayka", "Bilil", "Rujum al Ahmar", "Syria"])
    assert summary(events) == [("Um Turayka", "government"), ("Bilil", "government"), ("Rujum al Ahmar", "government")]
    assert all(e.claimed_by == "The army" for e in events)


def test_list_with_locatives_is_one_event_per_listed_place() -> None:
    text = "State media said the village of Tal Majda in Sweida province and Tal Antar in Deraa were taken."
    events = extract(text, ["Tal Majda", "Sweida province", "Tal Antar", "Deraa"])
    assert summary(events) == [("Tal Majda", "government"), ("Tal Antar", "government")]


def test_active_list() -> None:
    text = "Rebels captured Zawiyah, Zliten and Gharyan."
    assert [e.place.text for e in extract(text, ["Zawiyah", "Zliten", "Gharyan"])] == ["Zawiyah", "Zliten", "Gharyan"]


def test_fell_to_relative_clause_and_background_year() -> None:
    text = (
        "The army's first goal was to retake Abu al-Duhur airbase, one of the largest in the north, "
        "that fell to rebels in 2015."
    )
    [ev] = extract(text, ["Abu al-Duhur"])
    assert (ev.place.text, ev.gained_by.side if ev.gained_by else None) == ("Abu al-Duhur", Side.OPPOSITION)
    assert ev.date is not None and (ev.date.start, ev.date.precision) == (date(2015, 1, 1), "year")


def test_lost_to_takes_the_gainer_from_the_to_phrase() -> None:
    text = "The Syrian army had lost the strategically located Idlib province to insurgents in 2015."
    [ev] = extract(text, ["Idlib"])
    assert ev.gained_by is not None and ev.gained_by.side is Side.OPPOSITION
    assert ev.lost_by is not None and ev.lost_by.side is Side.GOVERNMENT


# --- exclusions ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The army aims to retake Saraqeb.",
        "The first goal was to retake Saraqeb.",
        "Rebels are sending reinforcements to seize back Saraqeb.",
        "The army is seeking to recapture Saraqeb.",
        "Rebels tried to storm Saraqeb.",
        "The army failed to capture Saraqeb.",
        "Rebels repelled an offensive on Saraqeb.",
        "Islamic State threatened to seize Saraqeb.",
        "The army denied that Saraqeb fell to rebels.",
        "The army denied reports that Saraqeb had been captured.",
        "Government forces besieged Saraqeb.",
        "Rebels encircled Saraqeb.",
        "The army advanced towards Saraqeb.",
        "Troops are within kilometres of Saraqeb.",
        "Russian jets struck Saraqeb.",
        "Government artillery shelled Saraqeb.",
        "Rebels seized a string of villages near Saraqeb.",
        "Rebels captured most of Saraqeb.",
        "Rebels captured parts of Saraqeb.",
        "Rebels seized the east of Saraqeb.",
        "Rebels captured two districts of Saraqeb.",
        "Rebels captured eastern Saraqeb.",
        "Government forces entered Saraqeb.",
        "Government forces moved into Saraqeb.",
        "Civilians were evacuated from Saraqeb.",
        "Saraqeb is held by rebels.",
        "Saraqeb has been under rebel control since 2015.",
        "The army could capture Saraqeb within days.",
        "If rebels captured Saraqeb, the road would be cut.",
        "The army vowed to take Saraqeb.",
        "Saraqeb may have been captured by the army.",
        "Rebels have not captured Saraqeb.",
        "Rebels were nearly overran Saraqeb.",
        "The battle for the capture of Saraqeb continues.",
        "The army is preparing an offensive to capture Saraqeb.",
        "Rebels took Saraqeb residents hostage.",
        "Rebels were prevented from capturing Saraqeb.",
        "Air strikes stopped the rebels from seizing Saraqeb.",
        "The rebels were weeks away from capturing Saraqeb.",
        "The army captured 20 rebels in Saraqeb.",
    ],
)
def test_exclusions(text: str) -> None:
    assert extract(text, ["Saraqeb"]) == []


def test_countries_and_roads_are_not_event_places() -> None:
    assert extract("Rebels captured a border crossing with Turkey.", ["Turkey"]) == []
    assert extract("The army captured the Castello Road.", ["Castello Road"]) == []


def test_dateline_mentions_are_never_event_places() -> None:
    text = "Kobani fell to Kurdish forces."
    m = Mention(text="Kobani", start=0, end=6, place=_place("Kobani", 1), confidence=0.9, is_dateline=True)
    assert extract_control_changes(text=text, mentions=[m], published_at=PUB) == []


# --- actors ----------------------------------------------------------------------------------------------------
def test_the_army_is_the_article_countrys_army() -> None:
    text = "Fighting raged across Iraq. The army took control of Baiji."
    [ev] = extract(text, ["Iraq", "Baiji"])
    assert ev.gained_by is not None and ev.gained_by.actor == "iraqi_government_forces"


def test_they_is_the_previous_agent() -> None:
    text = "The Syrian army and Hezbollah captured more territory in Zabadani. They seized the Sahel district."
    events = extract(text, ["Zabadani", "Sahel"])
    assert summary(events) == [("Sahel", "government")]


def test_the_militants_are_the_articles_militants() -> None:
    text = "Islamic State attacked the area. The town fell to the militants in 2015."
    events = extract(text, ["Qaryatain"])  # no place: nothing to map
    assert events == []
    text = "Islamic State fighters killed 80 people in Qaryatain. The town fell to the militants in 2015."
    [ev] = extract(text, ["Qaryatain"])
    assert ev.gained_by is not None and ev.gained_by.side is Side.ISIS and ev.place.text == "Qaryatain"


def test_loser_from_held_modifier_and_from_phrase() -> None:
    [ev] = extract("Rebels took control of the regime-held town of Morek.", ["Morek"])
    assert ev.lost_by is not None and ev.lost_by.side is Side.GOVERNMENT
    [ev] = extract("Syrian rebels liberated Dabiq from ISIL control.", ["Dabiq"])
    assert ev.lost_by is not None and ev.lost_by.side is Side.ISIS


def test_anti_government_is_not_government() -> None:
    [ev] = extract("Anti-government rebels captured Morek.", ["Morek"])
    assert ev.gained_by is not None and ev.gained_by.side is Side.OPPOSITION


# --- dates -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("on Sunday", date(2017, 10, 22), date(2017, 10, 22), "day"),
        ("on Monday", date(2017, 10, 23), date(2017, 10, 23), "day"),
        ("yesterday", date(2017, 10, 22), date(2017, 10, 22), "day"),
        ("last week", date(2017, 10, 16), date(2017, 10, 22), "week"),
        ("earlier this month", date(2017, 10, 1), date(2017, 10, 31), "month"),
        ("in March", date(2017, 3, 1), date(2017, 3, 31), "month"),
        ("in November", date(2016, 11, 1), date(2016, 11, 30), "month"),
        ("in March this year", date(2017, 3, 1), date(2017, 3, 31), "month"),
        ("last November", date(2016, 11, 1), date(2016, 11, 30), "month"),
        ("last March", date(2017, 3, 1), date(2017, 3, 31), "month"),
        ("in October", date(2017, 10, 1), date(2017, 10, 31), "month"),  # the month of publication
        ("last October", date(2016, 10, 1), date(2016, 10, 31), "month"),  # never the month of publication
        ("in 2015", date(2015, 1, 1), date(2015, 12, 31), "year"),
        ("on August 6", date(2017, 8, 6), date(2017, 8, 6), "day"),
        ("on 6 August 2016", date(2016, 8, 6), date(2016, 8, 6), "day"),
        ("two weeks ago", date(2017, 10, 9), date(2017, 10, 15), "week"),
        ("11 months ago", date(2016, 11, 1), date(2016, 11, 30), "month"),
        ("last year", date(2016, 1, 1), date(2016, 12, 31), "year"),
    ],
)
def test_dates(phrase: str, start: date, end: date, precision: str) -> None:
    [ev] = extract(f"Rebels captured Morek {phrase}.", ["Morek"])
    assert ev.date is not None
    assert (ev.date.start, ev.date.end, ev.date.precision, ev.date.from_text) == (start, end, precision, True)


def test_no_date_in_text_is_on_or_before_the_article_day() -> None:
    [ev] = extract("Rebels captured Morek.", ["Morek"])
    assert ev.date is not None
    assert (ev.date.start, ev.date.end, ev.date.precision, ev.date.basis) == (None, PUB, "on_or_before", "published")
    assert ev.date.from_text is False


def test_undated_article_and_text() -> None:
    [ev] = extract("Rebels captured Morek.", ["Morek"], published_at=None)
    assert ev.date is None
    [ev] = extract("Rebels captured Morek in 2014.", ["Morek"], published_at=None)
    assert ev.date is not None and ev.date.precision == "year"


def test_a_day_after_dates_what_follows_it() -> None:
    text = "Rebels claimed the oil city of Brega, a day after seizing Zawiyah."
    events = {e.place.text: e.date for e in extract(text, ["Brega", "Zawiyah"])}
    assert events["Brega"] is not None and events["Brega"].from_text is False
    assert events["Zawiyah"] is not None and events["Zawiyah"].start == date(2017, 10, 22)


# --- attribution, precision, JSON ------------------------------------------------------------------------------
def test_claimed_by_according_to() -> None:
    [ev] = extract("According to the Syrian Observatory, rebels captured Morek.", ["Morek"])
    assert ev.claimed_by == "the Syrian Observatory"


def test_geo_precision() -> None:
    [ev] = extract("Rebels captured Morek.", ["Morek"], unresolved=("Morek",))
    assert ev.geo_precision == 3
    [ev] = extract("Rebels captured Morek.", ["Morek"])
    assert ev.geo_precision == 1


def test_event_to_dict_matches_api_shape() -> None:
    [ev] = extract("The army said rebels captured Morek on Sunday.", ["Morek"])
    body = event_to_dict(ev, lambda m: {"text": m.text, "start": m.start, "end": m.end})
    assert list(body) == [
        "type", "place", "gained_by", "lost_by", "claimed_by", "date", "geo_precision", "evidence", "confidence",
    ]  # fmt: skip
    assert body["type"] == "control_change"
    assert body["gained_by"] == {"name": "rebels", "actor": "syrian_opposition", "side": "opposition"}
    assert body["date"] == {"start": "2017-10-22", "end": "2017-10-22", "precision": "day", "basis": "text_relative",
                            "date_prec": 1, "month_day": None}
    assert body["evidence"]["text"] == "The army said rebels captured Morek on Sunday."
    assert body["claimed_by"] == "The army"


# --- the registry ----------------------------------------------------------------------------------------------
def test_a_user_file_extends_the_registry(tmp_path: object) -> None:
    from pathlib import Path

    from app.events import load_registry
    from app.events.actors import DEFAULT_ACTOR_DIR

    extra = Path(str(tmp_path)) / "local.yaml"
    extra.write_text(
        "actors:\n"
        "  - id: liwa_example\n"
        "    side: opposition\n"
        "    names: [liwa al-example]\n"
        "  - id: syrian_opposition\n"
        "    names: [freedom fighters]\n",
        encoding="utf-8",
    )
    registry = load_registry([DEFAULT_ACTOR_DIR, extra])
    for text in ("Liwa al-Example captured Morek.", "Freedom fighters captured Morek.", "Rebels captured Morek."):
        ms = mentions(text, ["Morek"])
        [ev] = extract_control_changes(text=text, mentions=ms, published_at=PUB, registry=registry)
        assert ev.gained_by is not None and ev.gained_by.side is Side.OPPOSITION


def test_registry_rejects_an_actor_without_a_side(tmp_path: object) -> None:
    from pathlib import Path

    from app.events import load_registry

    bad = Path(str(tmp_path)) / "bad.yaml"
    bad.write_text("actors:\n  - id: nobody\n    names: [nobody]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs a side"):
        load_registry([bad])


# --- harder constructions ----------------------------------------------------------------------------------------
def test_object_relative_clause() -> None:
    text = "Rebels recaptured Kinsabba, which government forces seized on Monday."
    assert sorted(summary(extract(text, ["Kinsabba"]))) == [("Kinsabba", "government"), ("Kinsabba", "opposition")]


def test_coordinated_turkish_forces_make_allied_rebels_turkey() -> None:
    [ev] = extract("Turkey's army and allied Syrian rebels captured al-Bab.", ["al-Bab"])
    assert ev.gained_by is not None and ev.gained_by.side is Side.TURKEY


def test_military_base_is_not_an_actor() -> None:
    text = "Rebels overran the Wadi Deif military base and captured Hamidiyeh."
    assert summary(extract(text, ["Wadi Deif", "Hamidiyeh"])) == [
        ("Wadi Deif", "opposition"),
        ("Hamidiyeh", "opposition"),
    ]


def test_hypothetical_capture_is_no_event() -> None:
    assert extract("The capture of Aleppo would be a major blow to the rebels.", ["Aleppo"]) == []


def test_a_place_inside_an_actor_name_is_no_event_place() -> None:
    text = "Nusra Front expelled Hazm from Regiment 111."
    assert [e.place.text for e in extract(text, ["Hazm", "Regiment 111"])] == ["Regiment 111"]


def test_a_town_named_like_a_group_with_the_arabic_article_is_the_town() -> None:
    text = "Al Hazm fell to the Houthis in March 2020 after Houthi fighters captured al-Jawf."
    assert [e.place.text for e in extract(text, ["Al Hazm", "al-Jawf"])] == ["Al Hazm", "al-Jawf"]


def test_a_town_named_like_a_group_that_the_text_calls_a_city_is_the_town() -> None:
    text = "The Houthis took over the city of Hazm, capital of al-Jawf province, in March 2020."
    assert [e.place.text for e in extract(text, ["Hazm", "al-Jawf"])] == ["Hazm"]


def test_anaphoric_town_is_the_latest_town() -> None:
    text = "Isis killed 83 people in the town of Qaryatain in Homs province. The town was later reclaimed by the army."
    events = extract(text, ["Qaryatain", "Homs province", "Syria"])
    assert summary(events) == [("Qaryatain", "government")]


def test_withdrawal_handing_over() -> None:
    [ev] = extract("IS fighters pulled out of Manbij, handing it to the SDF.", ["Manbij"])
    assert ev.gained_by is not None and ev.gained_by.side is Side.KURDISH
    assert ev.lost_by is not None and ev.lost_by.side is Side.ISIS


def test_the_same_change_months_apart_is_two_events_and_repeats_are_one() -> None:
    text = "Syrian forces took back Palmyra in March 2016 and recaptured it in March 2017."
    assert [(e.date.start, e.date.precision) for e in extract(text, ["Palmyra"]) if e.date] == [
        (date(2016, 3, 1), "month"), (date(2017, 3, 1), "month")]
    text = ("The army retook Morek on Sunday. The recapture of Morek on Sunday followed weeks of fighting. "
            "Morek was retaken by the army, a source said.")
    [ev] = extract(text, ["Morek"])
    assert ev.date is not None and (ev.date.start, ev.date.from_text) == (date(2017, 10, 22), True)


@pytest.mark.parametrize(
    "text",
    ["Morek, which had been held by rebels since 2013, was captured by government forces on Sunday.",
     "Morek, under siege since the summer of 2016, was captured by government forces on Sunday.",
     "Morek, in rebel hands since early January, was captured by government forces on Sunday."],
)
def test_a_date_since_which_a_state_lasts_dates_no_change(text: str) -> None:
    # The last two also need the appositive ("under siege since ...", "in rebel hands since ...") read as one.
    [ev] = extract(text, ["Morek"])
    assert ev.date is not None and (ev.date.start, ev.date.precision) == (date(2017, 10, 22), "day")


@pytest.mark.parametrize(
    "appositive",
    ["held by rebels for four years", "once a rebel bastion", "in rebel hands since 2012", "home to 20,000 people",
     "near Hama", "now largely deserted"],
)
def test_an_appositive_between_the_place_and_its_passive(appositive: str) -> None:
    assert summary(extract(f"Morek, {appositive}, was captured by government forces.", ["Morek", "Hama"])) == [
        ("Morek", "government")]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("The SDF declared Baghouz captured on Saturday.", ["Baghouz"], [("Baghouz", "kurdish")]),
        ("Iraqi Prime Minister Haider al-Abadi declared Mosul fully liberated from Islamic State.", ["Mosul"],
         [("Mosul", "government")]),
        ("The army announced Morek and Kafr Zita under its full control.", ["Morek", "Kafr Zita"],
         [("Morek", "government"), ("Kafr Zita", "government")]),
        ("Russia and Turkey declared Idlib a de-escalation zone.", ["Idlib"], []),
        ("The government declared Aleppo a disaster area after rebels captured it.", ["Aleppo"],
         [("Aleppo", "opposition")]),
        ("The army announced that rebels had captured Morek.", ["Morek"], [("Morek", "opposition")]),
        ("The army has not declared Morek liberated.", ["Morek"], []),
    ],
)
def test_a_place_declared_taken(text: str, names: list[str], expected: list[tuple[str, str]]) -> None:
    assert summary(extract(text, names)) == expected


def test_a_declared_capture_takes_the_date_after_it() -> None:
    [ev] = extract("The SDF declared Baghouz captured on Saturday.", ["Baghouz"])
    assert ev.date is not None and (ev.date.start, ev.date.from_text) == (date(2017, 10, 21), True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army reopened the road to Morek after capturing it.", []),
        ("Rebels blew up the bridge into Morek before the army took it.", []),
        ("The army advanced on Morek and captured it on Sunday.", [("Morek", "government")]),
        ("Rebels took Morek in 2014. The army recaptured it on Sunday.", [("Morek", "opposition"),
                                                                         ("Morek", "government")]),
    ],
)
def test_it_after_a_thing_named_after_a_place_is_the_thing(text: str, expected: list[tuple[str, str]]) -> None:
    assert summary(extract(text, ["Morek"])) == expected


def test_a_report_naming_no_gainer_is_the_change_the_article_told_with_its_agent() -> None:
    """"the fall of Morek" three sentences after "Rebels captured Morek": one change, the rebels'; a place whose
    only report names no gainer keeps it with side unknown."""
    text = ("Rebels captured Morek on Monday. Aid groups asked for access. Shelling went on elsewhere. "
            "Residents said the fall of Morek had shocked the regime's supporters in the capital.")
    assert summary(extract(text, ["Morek"])) == [("Morek", "opposition")]
    assert summary(extract("Residents said the fall of Morek, after weeks of fighting, shocked everyone.", ["Morek"])) \
        == [("Morek", None)]


def test_a_party_beside_a_fall_is_not_its_taker() -> None:
    """A fall names its taker only after "to": the group that retreated after it is as likely the one that lost it."""
    events = extract("Isis once ruled a third of Iraq. After the fall of Raqqa, the group retreated to the desert.",
                     ["Iraq", "Raqqa"])
    assert all(e.gained_by is None for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "this aforementioned site": the facility named before, not the town named nearer
        ("The army first took hilltops near the Jazal Cement Factory in Morek and then seized this aforementioned "
         "site from IS on Thursday.", [("Jazal Cement Factory", "government")]),
        ("IS fighters shelled Morek for days. Later they stormed the Sawwan Mountains and captured the site.",
         [("Sawwan Mountains", "isis")]),
        # a site with no facility named before it is no place
        ("Rebels shelled Morek for days. Later the army captured the site.", []),
    ],
)
def test_the_site_is_the_facility_named_before(text: str, expected: list[tuple[str, str]]) -> None:
    names = ["Morek", "Jazal Cement Factory", "Sawwan Mountains"]
    assert summary(extract(text, names, unresolved=("Jazal Cement Factory", "Sawwan Mountains"))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morek fell to a coalition of Islamist rebels in April 2015.", [("Morek", "opposition")]),
        ("An alliance of Kurdish and Arab fighters captured Morek in May.", [("Morek", "kurdish")]),
        # the coalition, named: the US-led one
        ("The coalition helped Iraqi forces retake Morek.", [("Morek", "government")]),
    ],
)
def test_an_indefinite_coalition_is_its_members(text: str, expected: list[tuple[str, str]]) -> None:
    """"a coalition of Islamist rebels" is the rebels, not the US-led coalition that "coalition" names."""
    assert summary(extract(text, ["Morek"])) == expected
