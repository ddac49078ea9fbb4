"""Tokens and sentences keep exact offsets into the original text."""

import pytest

from app.text import is_lowercased, sentence_spans, tokenize


def test_tokens_index_the_original_text_in_tokenised_lowercase():
    text = "the army said the villages of um turayka , bilil , and rujum al ahmar were seized ."
    tokens = tokenize(text)
    assert [t.text for t in tokens][:8] == ["the", "army", "said", "the", "villages", "of", "um", "turayka"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_possessive_is_split_off_and_apostrophes_inside_names_kept():
    text = "Syria’s army entered Ma'arrat al-Nu'man."
    tokens = tokenize(text)
    assert tokens[0].text == "Syria" and (tokens[0].start, tokens[0].end) == (0, 5)
    assert "Ma'arrat" in [t.text for t in tokens]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_an_ayn_written_as_an_opening_quote_keeps_the_word_whole():
    """Transliterations write the ayn as ‘ too ("Ma‘arrat al-Nu‘man", Al-Masdar's style); a quote opening before a
    word ("Abu ‘Ali") is no part of it."""
    assert [t.text for t in tokenize("Ma‘arrat al-Nu‘man and Majbal Abu ‘Ali")] == [
        "Ma‘arrat", "al", "Nu‘man", "and", "Majbal", "Abu", "Ali"]


def test_offsets_survive_arabic_emoji_and_markup():
    text = "<p>🔥 قصف على حلب — Aleppo\u0000 shelled</p>"
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "Aleppo" in [t.text for t in tokens] and "حلب" in [t.text for t in tokens]


def test_sentences_do_not_split_at_abbreviations():
    text = "The U.S. envoy met Mr. Smith in Amman. Then he left.\nNext line"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["The U.S. envoy met Mr. Smith in Amman.", "Then he left.", "Next line"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("They took Mt. Hermon. The army fled.", ["They took Mt. Hermon.", "The army fled."]),
        ("They had a Plan B. The army fled.", ["They had a Plan B.", "The army fled."]),
        ("George W. Bush spoke. Then he left.", ["George W. Bush spoke.", "Then he left."]),
        ("they took mt. hermon. the army fled.", ["they took mt. hermon.", "the army fled."]),
        ("they had a plan b. the army fled.", ["they had a plan b.", "the army fled."]),
        ("Rebels seize Morek\nRebels seized the town of Morek on Sunday.",
         ["Rebels seize Morek", "Rebels seized the town of Morek on Sunday."]),
        ('Gen. Ali said. U.S. forces are approx. 5 km away. "It fell." Then\nnothing.',
         ["Gen. Ali said.", "U.S. forces are approx. 5 km away.", '"It fell."', "Then", "nothing."]),
    ],
)
def test_one_splitter_for_headlines_abbreviations_initials_and_lowercased_text(text: str, sentences: list[str]):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


def test_lowercased_detection():
    assert is_lowercased("amman ( reuters ) - the syrian army stepped up a campaign")
    assert not is_lowercased("AMMAN (Reuters) - The Syrian army stepped up a campaign")
