"""Name normalisation and transliteration folding.

News spells Arabic names many ways (Abu al-Dhour, Abu ad Duhur, Abū aẓ Ẓuhūr). Every name is reduced to
three forms, each coarser than the last, so a lookup can start strict and relax step by step:

- ``normalize``: lower case, no diacritics, punctuation and hyphens as spaces, apostrophes dropped.
- ``search_key``: ``normalize`` plus the common transliteration variants folded together (articles al/el/ad/ar
  /as/az/ash… → al, umm → um, dh/z/d → d, ou → u, ei → ay, doubled letters, a trailing h).
- ``skeleton_key``: ``search_key`` without vowels and h past each word's first letter: the consonant frame
  that survives nearly every romanisation (Rihjan and Ruhjan share ``rjn``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
    }
)
# Apostrophe-like marks (ʿayn, hamza, quotes) vanish: Ma‘arrat → maarrat, Qur'an → quran.
_APOSTROPHES = re.compile(r"[\u0027\u0060\u00b4\u2018\u2019\u201b\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u2032]")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# Arabic diacritics (harakat), tatweel and the Arabic alef variants, so Arabic-script names compare too.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
# Letters of every other script (Cyrillic, Greek, Hebrew, CJK, Latin letters NFKD keeps whole such as ə, format
# marks such as the zero-width non-joiner): romanised by anyascii, so Москва is moskva and Z̧ahīrā zahira.
# Arabic script is left to the folds above: a name written in Arabic is matched as written in Arabic.
_OTHER_SCRIPTS = re.compile(r"[^\x00-\x7f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")

# Arabic definite-article spellings (assimilated forms included) and the few other short particles whose
# spelling varies while meaning the same thing.
_ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "ar", "as", "az", "ash", "at", "an", "ath", "adh", "ed", "er", "es", "ez",
     "esh", "et", "en", "eth", "edh", "aal", "aj", "ag", "at-"}
)
_TOKEN_ALIASES = {"umm": "um", "oum": "um", "om": "um", "umme": "um", "abou": "abu", "bou": "bu", "bani": "bni",
                  "beni": "bni", "bin": "bn", "ben": "bn", "ibn": "bn", "tal": "tell", "tall": "tell", "tel": "tell",
                  "ain": "ayn", "ein": "ayn", "ayn": "ayn", "deir": "dayr", "dair": "dayr", "der": "dayr",
                  "sheikh": "shaykh", "shaikh": "shaykh", "sheik": "shaykh", "shaykh": "shaykh", "jabal": "jbl",
                  "jebel": "jbl", "jabel": "jbl", "jbel": "jbl", "kafr": "kfr", "kfar": "kfr", "kefr": "kfr"}

# Ordered digraph and letter folds applied inside a word (after the token aliases).
_FOLDS: tuple[tuple[str, str], ...] = (
    ("dh", "d"),
    ("zh", "d"),
    ("z", "d"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("q", "k"),
    ("ck", "k"),
    ("c", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("o", "u"),
    ("ee", "i"),
    ("ei", "ay"),
    ("ai", "ay"),
    ("ey", "ay"),
    ("ie", "i"),
    ("e", "a"),
    ("w", "u"),
    ("j", "g"),
)
_DOUBLED = re.compile(r"(.)\1+")
# Ukrainian ї inside a word: "yi" in BGN/PCGN romanisation (GeoNames' Avdiyivka, Mykolayiv, Mar'yinka), "i" in
# Ukraine's own (Avdiivka, Mykolaiv, Marinka), as news now writes it.
_GLIDE_YI = re.compile(r"([a-z])yi")
# An h between two like vowels is often dropped in romanisation: Zuhur/Zur, Duhur/Dhour.
_SOFT_H = re.compile(r"([aiu])h\1")
_VOWELS_AND_H = re.compile(r"[aeiouyh]")
# Cyrillic names reach English in two romanisations: GeoNames keeps BGN/PCGN's (Pervomayske, Kostyantynivka,
# Zaporizhzhya, Mykolayiv), news since 2022 writes Ukraine's national one (Pervomaiske, Kostiantynivka, Zaporizhzhia,
# Mykolaiv): й, я, ю, є and ї inside a word are "y..." in the one and "i..." in the other.
_CYRILLIC_SHORT_I = re.compile(r"(?<=[aeiou])y(?![aeiou])")
_CYRILLIC_IOTATED = re.compile(r"(?<=[b-df-hj-np-tv-z])y(?=[aeu])")
CYRILLIC_ROMANISED = frozenset({"UA", "RU", "BY"})


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Lower-case, diacritic-free, punctuation-free form of a name, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)
    if not text.isascii():
        text = _OTHER_SCRIPTS.sub(_romanised, text)
    text = _APOSTROPHES.sub("", text)
    return _NON_WORD.sub(" ", text).strip()


def _romanised(match: re.Match[str]) -> str:
    return anyascii(match.group()).casefold()


def _fold_word(word: str) -> str:
    if word in _ARTICLES:
        return "al"
    word = _TOKEN_ALIASES.get(word, word)
    if not word.isascii():
        return word
    word = _GLIDE_YI.sub(r"\1i", word)
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = _SOFT_H.sub(r"\1", word)
    word = _DOUBLED.sub(r"\1", word)
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiouy":
        word = word[:-1]
    return word


def national_romanisation(normalized: str) -> str:
    """A normalised Cyrillic name with the glides written as Ukraine's national romanisation writes them
    ("pervomayske" -> "pervomaiske", "maryinka" -> "marinka"): a form to compare the two systems' spellings of one name
    as written (not as a loose transliteration fold), not always the national spelling itself."""
    text = _GLIDE_YI.sub(r"\1i", normalized)
    text = _CYRILLIC_SHORT_I.sub("i", text)
    return _CYRILLIC_IOTATED.sub("i", text)


def romanised_alike(country_code: str, name: str, forms: Iterable[str]) -> bool:
    """Whether a place's ``name`` in ``country_code`` is one of ``forms`` (normalised, as a text writes it) in the
    other romanisation of a Cyrillic name ("Pervomayske" and "pervomaiske"), or with the Persian ezafe written
    "-i-" where the gazetteer has "-e" ("Mazar-i-Sharif", GeoNames' Mazār-e Sharīf): the name itself, no spelling
    fold."""
    if country_code in PERSIAN_ROMANISED:
        own = _EZAFE.sub(" e ", normalize(name))
        return any(own == _EZAFE.sub(" e ", form) for form in forms)
    if country_code not in CYRILLIC_ROMANISED:
        return False
    own = national_romanisation(normalize(name))
    return any(own == national_romanisation(form) for form in forms)


# Countries whose names come through Persian (Dari, Tajik), whose ezafe English writes as "-i-" or "-e-".
PERSIAN_ROMANISED = frozenset({"AF", "IR", "TJ"})
_EZAFE = re.compile(r"(?<=\w) (?:i|e|ye|yi) (?=\w)")


@lru_cache(maxsize=200_000)
def search_key(text: str) -> str:
    """The name with transliteration variants folded, for exact-key lookups.

    A leading article is dropped (Ar Raqqah and Raqqa share ``raka``): news keeps or drops it at will.
    """
    return without_article(" ".join(_fold_word(word) for word in normalize(text).split()))


def without_article(key: str) -> str:
    """A folded key without its leading article ("al raka" -> "raka"), as the index keeps names; a lone "al" stays."""
    return key[3:] if key.startswith("al ") and len(key) > 3 else key


@lru_cache(maxsize=200_000)
def skeleton_key(text: str) -> str:
    """The consonant frame of each word: the loosest key, for candidates that ranking must then confirm."""
    words = []
    for word in search_key(text).split():
        if word == "al" or not word.isascii():
            words.append(word)
        else:
            words.append(word[0] + _VOWELS_AND_H.sub("", word[1:]))
    return " ".join(words)


@lru_cache(maxsize=200_000)
def fold_token(word: str) -> str:
    """``search_key`` of one text token, without dropping an article: what the name index matches token by token."""
    normalized = normalize(word)
    if not normalized:
        return ""
    return " ".join(_fold_word(part) for part in normalized.split())


def skeleton_of_key(key: str) -> str:
    """``skeleton_key`` of an already folded key (saves re-normalising while building the index)."""
    return " ".join(
        word if word == "al" or not word.isascii() else word[0] + _VOWELS_AND_H.sub("", word[1:])
        for word in key.split()
    )


_ASCII_STRIP = re.compile(r"['`]")
_fold_word_cached = lru_cache(maxsize=1 << 20)(_fold_word)


def bulk_search_key(text: str) -> str:
    """``search_key`` for building an index over millions of names: same result, an ASCII fast path, cached words."""
    if text.isascii():
        normalized = _NON_WORD.sub(" ", _ASCII_STRIP.sub("", text.lower())).strip()
    else:
        normalized = normalize.__wrapped__(text)
    return without_article(" ".join(_fold_word_cached(word) for word in normalized.split()))


# Arabic place names end in a qualifier: east/west/north/south, big/small, lower/upper, new/old, middle ("al-Nashwa
# al-Sharqi", "Surjah Kabira"). Alone the word is no place; after a name it is part of it.
QUALIFIERS = frozenset(search_key(w) for w in (
    "Sharqi", "Gharbi", "Shamali", "Janubi", "Sharqiya", "Gharbiya", "Shamaliya", "Janubiya", "Kabir", "Kabira",
    "Saghir", "Saghira", "Tahtani", "Fawqani", "Jadid", "Jadida", "Qadim", "Qadima", "Wusta"))


def qualified_name(key: str) -> str:
    """The name a qualifier qualifies ("al nashua al sharki" -> "nashua"), or "" when the key ends in none."""
    words = key.split()
    if len(words) < 2 or words[-1] not in QUALIFIERS:
        return ""
    head = words[:-2] if len(words) > 2 and words[-2] == "al" else words[:-1]
    return without_article(" ".join(head))
