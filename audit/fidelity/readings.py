"""Names in Chinese and Japanese originals, read the way English writes them.

Han characters are read by their Mandarin readings (pinyin without tones, every reading of a
character with more than one, from the Unihan data that pypinyin ships), so that 王志斌 spells
"Wang Zhibin"; katakana by Hepburn romanization (ウィリアム: wiriamu), compared with an English name
by a loose consonant skeleton (l and r one sound, as are b and v: William). A Japanese name written
in kanji cannot be read without a dictionary of names; it is neither found nor reported.

A `Reader` holds one original's readings. It finds where a name of the translation stands in the
original (`occurrences`, used for the alignment's anchors and for the names the translation knows),
and whether a name sounds like something in a few sentences (`sounds_like`, for a foreign name that
Chinese writes with characters chosen for their sound, 特朗普: Trump).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable

from .names import same_name, skeleton
from .text import Span, fold

# ------------------------------------------------------------------------------ Mandarin readings
MAX_NAME_SYLLABLES = 6


@functools.cache
def _han_readings() -> dict[str, tuple[str, ...]]:
    """Character -> its readings without tones, from pypinyin's table (read without importing
    pypinyin); empty if the package is missing."""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = os.path.join(list(spec.submodule_search_locations)[0], "pinyin_dict.json")
    try:
        with open(path, encoding="utf-8") as handle:
            table = json.load(handle)
    except (OSError, ValueError):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for code, readings in table.items():
        plain = tuple(dict.fromkeys(fold(r) for r in readings.split(",") if r))
        out[chr(int(code))] = plain
    return out


@functools.cache
def _syllables() -> frozenset[str]:
    return frozenset(r for readings in _han_readings().values() for r in readings if r.isalpha() and r.isascii())


@functools.lru_cache(maxsize=8192)
def pinyin_syllables(word: str) -> int:
    """The fewest pinyin syllables the word splits into ("zhibin": 2, "beijing": 2), 0 if it does
    not split into syllables at all ("trump", "droszewski")."""
    word = _plain(word)
    syllables = _syllables()
    if not word or not syllables:
        return 0
    best = [0] + [0] * len(word)  # fewest syllables covering word[:k], 0 for none
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if (start == 0 or best[start]) and word[start:end] in syllables:
                count = best[start] + 1
                if not best[end] or count < best[end]:
                    best[end] = count
    return best[len(word)]


def _plain(word: str) -> str:
    return re.sub(r"[^a-z]", "", fold(word).replace("ü", "v"))


# ------------------------------------------------------------------------------ kana
_KANA = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボパピプペポ"
        "マミムメモヤユヨラリルレロワヰヱヲンヴ",
        "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da ji zu de do "
        "na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro "
        "wa wi we o n vu".split(),
        strict=True,
    )
)
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_VOWEL = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_HEPBURN = re.compile(
    r"(?:(?:ky|gy|sh|ch|j|ts|ny|hy|by|py|my|ry|[kgsztdnhbpmyrwf])?[aeiou]+|n(?![aeiouy])|(?P<twice>[kstpgdb])(?=(?P=twice))"
    r"|t(?=ch))+"
)


def romanize_kana(text: str) -> str:
    """Hepburn romanization of katakana (hiragana too): "ウィリアム" -> "wiriamu"; the long-vowel
    mark and the small tsu (a doubled consonant) are dropped, as a skeleton drops them anyway."""
    out: list[str] = []
    for char in text:
        if "\u3041" <= char <= "\u3096":
            char = chr(ord(char) + 0x60)  # hiragana to katakana
        if char in _SMALL_Y and out:
            last = out[-1]
            out[-1] = (last[:-1] if last.endswith(("shi", "chi")) or last == "ji" else last[:-1] + "y") + _SMALL_Y[char]
        elif char in _SMALL_VOWEL and out:
            last = out[-1]
            stem = {"u": "w", "vu": "v", "fu": "f", "tsu": "ts", "shi": "sh", "chi": "ch", "ji": "j"}.get(last)
            out[-1] = (stem if stem is not None else last[:-1]) + _SMALL_VOWEL[char]
        elif char in _KANA:
            out.append(_KANA[char])
        elif char in _SMALL_VOWEL:
            out.append(_SMALL_VOWEL[char])
    return "".join(out)


def hepburn_shaped(word: str) -> bool:
    """Could the word be Japanese in Hepburn romanization ("Saito", "Tonosaki", "Yudetamago"; not
    "Droszewski", "Spectee", "William")?"""
    plain = _plain(word)
    return bool(plain) and _HEPBURN.fullmatch(plain) is not None


def loose(key: str) -> str:
    """A skeleton with the sounds Japanese and Chinese spellings of foreign names merge: l and r,
    b and v."""
    return key.replace("L", "R").replace("V", "B")


# ------------------------------------------------------------------------------ one original
_PINYIN_INITIALS = (("zh", "j"), ("ch", "q"), ("sh", "x"))


def _sound_key(reading: str) -> str:
    """The loose skeleton of one pinyin syllable as an English ear hears it: x and sh as s, q and ch
    as ch, j and zh as j; a final -ng as n."""
    spelled = reading[:-1] if reading.endswith("ng") else reading
    spelled = spelled.replace("x", "s").replace("q", "ch").replace("j", "zh")
    return loose(skeleton(spelled))


class Reader:
    """The readings of one Chinese or Japanese original, by sentence."""

    def __init__(self, text: str, sentences: list[Span], code: str) -> None:
        self.text = text
        self.sentences = sentences
        self.code = code
        self.han = code == "zh"
        table = _han_readings() if self.han else {}
        self._positions: dict[str, list[int]] = {}  # two readings joined -> where they start
        self._readings: dict[int, tuple[str, ...]] = {}
        self._kana: list[list[tuple[int, int, str]]] = []  # per sentence: (start, end, loose skeleton)
        self._sentence_of: dict[int, int] = {}
        for index, (start, end) in enumerate(sentences):
            runs: list[tuple[int, int, str]] = []
            if self.han:
                for offset in range(start, end):
                    readings = table.get(text[offset])
                    if readings:
                        self._readings[offset] = readings
                        self._sentence_of[offset] = index
                for offset in range(start, end - 1):
                    first, second = self._readings.get(offset), self._readings.get(offset + 1)
                    if first and second:
                        for a in first:
                            for b in second:
                                self._positions.setdefault(a + b, []).append(offset)
            else:
                for match in _KATAKANA_RUN.finditer(text, start, end):
                    for part in re.split("[・＝=]", match.group()):
                        key = loose(skeleton(romanize_kana(part)))
                        if len(key) >= 2:
                            at = match.start() + match.group().find(part)
                            runs.append((at, at + len(part), key))
            self._kana.append(runs)

    def occurrences(self, word: str) -> list[tuple[int, int, int]]:
        """(sentence, start, end) of every place in the original that spells a translation's name:
        Han characters whose readings make the word ("zhibin": 志斌) for a name of two syllables or
        more, or a katakana word that sounds like it (three sounds or more)."""
        plain = _plain(word)
        found: list[tuple[int, int, int]] = []
        if self.han:
            if pinyin_syllables(plain) < 2:
                return found
            for cut in range(1, min(6, len(plain)) + 1):
                for second in range(cut + 1, min(cut + 6, len(plain)) + 1):
                    for offset in self._positions.get(plain[:second], ()):
                        if plain[:cut] not in self._readings[offset]:
                            continue
                        end = self._spells(plain, cut, offset + 1)
                        if end is not None:
                            found.append((self._sentence_of[offset], offset, end))
            return sorted(set(found))
        key = loose(skeleton(plain))
        if len(key) < 3:
            return found
        for index, runs in enumerate(self._kana):
            for start, end, run_key in runs:
                if same_name(key, run_key):
                    found.append((index, start, end))
        return found

    def _spells(self, word: str, at: int, offset: int) -> int | None:
        """Do the characters from `offset` on spell word[at:]? The end offset if so."""
        if at == len(word):
            return offset
        for reading in self._readings.get(offset, ()):
            if word.startswith(reading, at):
                end = self._spells(word, at + len(reading), offset + 1)
                if end is not None:
                    return end
        return None

    def sounds_like(self, word: str, sentences: Iterable[int]) -> bool:
        """Does something in these sentences sound like the word: katakana, or (Chinese) a run of
        characters whose first readings make a similar loose skeleton (特朗普, te lang pu: Trump)?"""
        key = loose(skeleton(_plain(word)))
        if len(key) < 2:
            return True  # too short to tell
        for index in sentences:
            for _start, _end, run_key in self._kana[index]:
                if same_name(key, run_key):
                    return True
            if self.han:
                start, end = self.sentences[index]
                for offset in range(start, end):
                    if offset not in self._readings:
                        continue
                    sound = ""
                    for step in range(offset, min(end, offset + MAX_NAME_SYLLABLES)):
                        readings = self._readings.get(step)
                        if not readings:
                            break
                        sound += _sound_key(readings[0])
                        if len(sound) + 1 >= len(key) and same_name(key, sound):
                            return True
                        if len(sound) > len(key) + 1:
                            break
        return False


__all__ = ["Reader", "hepburn_shaped", "loose", "pinyin_syllables", "romanize_kana"]
