"""Whether a capitalised word reaches a place only through the index's spelling folds.

The name index folds transliteration variants together (vowels, doubled letters, k/q, ...) so that "Zabadani" finds
Az Zabadānī. Outside the countries whose names reach English through Arabic, a variant spelling of a place is
almost always among its GeoNames names already; a capitalised word that matches none of them as written and only
folds onto one is a person's or a brand's name ("Levi" is no Lévis, "Allen" no Aalen, "Boyd" no Boise, "Jane" no
Ghana). ``app.geoparse.parser`` drops such a bare name, when it is a given name, a public figure's surname or an
English word, unless the text marks it as a place; a word that is none of those ("Oahu", "Echmiadzin") may be a
spelling GeoNames lacks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from app.gazetteer.index import COUNTRY_ALIASES
from app.gazetteer.names import normalize, romanised_alike
from app.gazetteer.records import GazetteerPlace
from app.geoparse.lexicon import (
    ARABIC_NAMED_COUNTRIES,
    GIVEN_NAMES,
    PERSON_SURNAMES,
    census_given_names,
    english_words,
)

# Countries, first-order divisions and world features go by many names (exonyms, abbreviations): never judged so.
WIDE_FEATURES = ("PCL", "ADM1", "TERR", "CONT", "OCN", "SEA", "GULF")


def only_by_folding(written: str, candidates: Sequence[GazetteerPlace]) -> bool:
    """Whether ``written`` (one word, as the text has it) is none of the candidates' names and no candidate lies in
    a country named through Arabic or is a country, division or world feature."""
    if not candidates:
        return False
    form = normalize(written)
    forms = {form, form.removesuffix("s")}  # "Turkeys": the possessive that lost its apostrophe
    for place in candidates:
        if place.country_code in ARABIC_NAMED_COUNTRIES or not place.country_code \
                or place.feature_code.startswith(WIDE_FEATURES):
            return False
        if normalize(place.name) in forms or normalize(place.asciiname) in forms:
            return False
        if any(normalize(name) in forms for name in place.alternate_names):
            return False
        if romanised_alike(place.country_code, place.asciiname, forms):
            return False  # ("avdiivka": GeoNames' Avdiyivka in Ukraine's own romanisation)
    return True


def is_a_name_or_word(written: str) -> bool:
    """A given name of the US Census, a public figure's surname or an English word: what a capitalised word that
    only folds onto a place usually is."""
    word = written.lower()
    return word in census_given_names() or word in PERSON_SURNAMES or word in english_words()


def _seat(place: GazetteerPlace) -> bool:
    """A provincial seat of under a million: abroad, not what a bare common given name means ("Mary" in
    Turkmenistan)."""
    return place.feature_code in ("PPLA", "PPLA2") and place.population < 1_000_000


def given_name_of_no_notable_place(written: str, candidates: Sequence[GazetteerPlace],
                                   notable: Callable[[GazetteerPlace], bool],
                                   countries: Mapping[str, float] | None = None) -> bool:
    """A census given name ("Levi", "Gail", "Harvey") that names no notable place as written: a person far more
    often than a small town of that name. ``countries``: the article's focus; a division abroad that bears the name
    ("Paul", a county of Cape Verde), or a provincial seat abroad that bears a common given name ("Mary", in
    Turkmenistan), does not keep it a place in an article about elsewhere."""
    if not is_given_name(written):
        return False
    if countries is not None:
        common = written.lower() in GIVEN_NAMES  # "Mary": a common given name, not a provincial seat abroad
        candidates = [c for c in candidates if not ((c.feature_code == "ADM1" or (common and _seat(c)))
                                                    and countries.get(c.country_code, 0.0) < 0.1)]
    form = normalize(written)
    if any(c.feature_code.startswith(WIDE_FEATURES) and _bears(c, form) for c in candidates):
        return False  # "America", "Georgia": a country's or division's name, whatever else it is ("Jane" only
        # folds like one of Ghana's names)
    return not any(notable(c) and (form in (normalize(c.name), normalize(c.asciiname))
                                   or any(normalize(n) == form for n in c.alternate_names)) for c in candidates)


def is_given_name(written: str) -> bool:
    """A census given name that is no English word ("Gail", not "Will")."""
    word = written.lower()
    return word in census_given_names() and word not in english_words()


def _bears(place: GazetteerPlace, form: str) -> bool:
    """Whether one of the place's names (normalised) is ``form``: a country's aliases count ("America")."""
    aliases = COUNTRY_ALIASES.get(place.country_code, ()) if place.feature_code.startswith("PCL") else ()
    return form in (normalize(place.name), normalize(place.asciiname)) \
        or any(normalize(name) == form for name in (*place.alternate_names, *aliases))
