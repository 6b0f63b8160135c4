"""Japanese names in kanji and kana against a romanized translation (audit/fidelity/japanese.py and the
name check of a Japanese original). Texts written for these tests."""

from __future__ import annotations

import pytest

from audit.fidelity import compare
from audit.fidelity.japanese import spells_name
from audit.fidelity.readings import Reader


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("miyamoto", "監督の宮本氏は"),
        ("okubo", "大久保選手"),
        ("hokkaido", "北海道で"),  # a doubled consonant for 北's hoku
        ("sasaki", "佐々木さん"),  # 々 repeats the character before it
        ("sato", "佐藤"), ("satou", "佐藤"), ("satoh", "佐藤"),  # a long vowel written or not
        ("ohno", "大野"), ("oono", "大野"),
        ("shimbun", "静岡新聞"),  # n written m before b
        ("inoue", "井上"), ("kinoshita", "木下"),  # an unwritten の
        ("sekigahara", "関ケ原"),
        ("minami", "田中みな実さん"),  # kana from the start of a run
        ("tokyo", "東京都"), ("yoshikawa", "吉川"),
    ],
)
def test_common_name_kanji_spell_the_romanized_name(word, text):
    assert spells_name(word, text, 0, len(text))


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("miyamoto", "ロケット打ち上げ延期"),
        ("tanaka", "山田さん"),
        ("naka", "そのなかで"),  # kana inside a run of hiragana opens no name
        ("satoh", "佐"),  # the whole name, not its start
    ],
)
def test_the_table_does_not_spell_a_name_the_text_lacks(word, text):
    assert not spells_name(word, text, 0, len(text))


def test_a_katakana_word_no_word_of_the_translation_sounds_like_is_unheard():
    text = "ロケットの打ち上げが延期された。プーチン大統領が語った。"
    reader = Reader(text, [(0, 16), (16, len(text))], "ja")
    rocket = ["RKT", "LNS", "PSTPN"]  # rocket, launch, postponed
    assert not reader.unheard_kana([0], rocket, "Miyamoto")
    assert reader.unheard_kana([0], ["MMT", "LNS", "PSTPN"], "Miyamoto")
    # a katakana word opening on the name's own sound is that name spelled loosely (プーチン, PSN: Putin, PTN)
    assert not reader.unheard_kana([1], ["PTN", "SD"], "Putin")


ORIGINAL = "北海道の宇宙ベンチャーのロケット打ち上げが２６日に延期された。宮本監督はアデミウソンの状態を説明した。"


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("The rocket launch of a Hokkaido space venture was postponed to the 26th. "
         "Coach Miyamoto explained the condition of the striker.", []),
        # a Japanese name in place of the katakana word, which nothing in the translation sounds like
        ("The Sakamoto launch of a Hokkaido space venture was postponed to the 26th. "
         "Coach Miyamoto explained the condition of the striker.", ["Sakamoto"]),
        ("The rocket launch of a Hokkaido space venture was postponed to the 26th. "
         "Coach Miyamoto explained the condition of Okayama.", ["Okayama"]),
    ],
)
def test_a_romanized_name_in_place_of_a_katakana_word_is_reported(translation, flagged):
    hits = [h for h in compare(translation, ORIGINAL, "ja", metrics=False).hits if h.rule == "FID-ADDED-NAME"]
    assert [translation[h.start : h.end] for h in hits] == flagged
