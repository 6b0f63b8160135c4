"""Names in Chinese and Japanese originals, read the way English writes them.

Han characters are read by their Mandarin readings (pinyin without tones, every reading of a
character with more than one, from the Unihan data that pypinyin ships), so that 王志斌 spells
"Wang Zhibin"; katakana by Hepburn romanization (ウィリアム: wiriamu), compared with an English name
by a loose consonant skeleton (l and r one sound, as are b and v: William). A Japanese name written
in kanji is read only by a small table of common name characters (japanese.py): it confirms a
romanized name, and its failure counts only with other evidence.

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

from .japanese import romanize_kana, spells_name
from .names import one_apart, same_name, skeleton
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
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_HEPBURN = re.compile(
    r"(?:(?:ky|gy|sh|ch|j|ts|ny|hy|by|py|my|ry|[kgsztdnhbpmyrwf])?[aeiou]+|n(?![aeiouy])|m(?=[bpm])"
    r"|(?P<twice>[kstpgdb])(?=(?P=twice))"
    r"|t(?=ch))+"
)


def hepburn_shaped(word: str) -> bool:
    """Could the word be Japanese in Hepburn romanization ("Saito", "Tonosaki", "Yudetamago"; not
    "Droszewski", "Spectee", "William")?"""
    plain = _plain(word)
    return bool(plain) and _HEPBURN.fullmatch(plain) is not None


def loose(key: str) -> str:
    """A skeleton with the sounds Japanese and Chinese spellings of foreign names merge: l and r,
    b and v."""
    return key.replace("L", "R").replace("V", "B")


_REPEATED = re.compile(r"(.)\1+")


def sounds_alike(key: str, sound: str) -> bool:
    """Does a name's loose skeleton sound like a transliteration's: the same, one sound apart when
    the name has four or more (Trump TRMP, 特朗普 TRP), or the transliteration one sound longer (a
    vowel-ending syllable added: Marx MRKS, 马克思 MKS)? Unlike same_name, a short sound is no
    prefix of a longer name (特色 TS is not Taussig TSG)."""
    if key == sound:
        return True
    if len(key) >= 4 and len(sound) >= 3 and one_apart(key, sound):
        return True
    return sound.startswith(key) and len(sound) == len(key) + 1


_STOPS = frozenset("PTKBDG")


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

    def spells_japanese(self, word: str, sentences: Iterable[int]) -> bool:
        """Do kanji in these sentences spell a romanized Japanese name, by the readings of the common
        name characters (japanese.py: 宮本, Miyamoto)? False says only that the table cannot tell."""
        plain = _plain(word)
        return any(spells_name(plain, self.text, *self.sentences[index]) for index in sentences)

    def unheard_kana(self, sentences: Iterable[int], heard: Iterable[str], word: str) -> bool:
        """Is a katakana word of three sounds or more in these sentences (a foreign name or word,
        written by its sound) sounded by none of the translation's words whose skeletons are `heard`,
        alone or two in a row no longer than it and a sound (ニューヨーク: New York)? Then the
        translation renders it by its meaning, or has left it out, or has put another name in its
        place. One that opens on the sound `word` opens on is taken for that word spelled loosely
        (プーチン, PSN: Putin, PTN)."""
        keys = [loose(key) for key in heard if key]
        pairs = [a + b for a, b in zip(keys, keys[1:], strict=False)]
        first = loose(skeleton(_plain(word)))[:1]
        for index in sentences:
            for _start, _end, run_key in self._kana[index]:
                if len(run_key) < 3 or run_key[0] == first:
                    continue
                if any(same_name(run_key, key) or sounds_alike(key, run_key) for key in keys):
                    continue
                if not any(len(pair) <= len(run_key) + 1 and same_name(run_key, pair) for pair in pairs):
                    return True
        return False

    def reads_as(self, syllable: str, sentences: Iterable[int]) -> list[int]:
        """Where in these sentences a character reads as this one syllable ("Wang": 王, 汪 …)."""
        plain = _plain(syllable)
        out = []
        for index in sentences:
            start, end = self.sentences[index]
            out.extend(offset for offset in range(start, end) if plain in self._readings.get(offset, ()))
        return out

    def spelled_at(self, word: str, offset: int) -> bool:
        """Do the characters from `offset` on spell the word (a Chinese given name)?"""
        plain = _plain(word)
        return bool(plain) and self._spells(plain, 0, offset) is not None

    def sounds_like(self, word: str, sentences: Iterable[int]) -> bool:
        """Does something in these sentences sound like the word: katakana, or (Chinese) a run of
        transliteration characters whose first readings make a similar loose skeleton (特朗普, te
        lang pu: Trump)?"""
        key = loose(skeleton(_plain(word)))
        if len(key) < 2:
            return True  # too short to tell
        # Chinese characters: a sound twice in a row is one (Parly: P R R, 帕利: P R; 梅西亚斯: M S S),
        # and a final stop of the name is dropped, as Chinese syllables end in a vowel, n or ng (David: 大卫)
        han_key = _REPEATED.sub(r"\1", key)
        han_keys = (han_key, han_key[:-1]) if len(han_key) >= 3 and han_key[-1] in _STOPS else (han_key,)
        for index in sentences:
            for _start, _end, run_key in self._kana[index]:
                if sounds_alike(key, run_key):
                    return True
            if self.han:
                start, end = self.sentences[index]
                for offset in range(start, end):
                    if offset not in self._readings:
                        continue
                    sound = ""
                    for step in range(offset, min(end, offset + MAX_NAME_SYLLABLES)):
                        readings = self._readings.get(step)
                        if not readings or self.text[step] not in TRANSLITERATION_CHARACTERS:
                            break
                        sound += _sound_key(readings[0])
                        heard = _REPEATED.sub(r"\1", sound)
                        if any(len(heard) + 1 >= len(k) and sounds_alike(k, heard) for k in han_keys):
                            return True
                        if len(sound) > len(key) + 1:
                            break
        return False


# ------------------------------------------------------------------------------ transliteration
# The characters Chinese writes foreign names with (特朗普, 本杰明, 马丁, 普京, 伊丽莎白): the common
# ones of the Xinhua tables for transliterating names, a few hundred of thousands. A run of other
# characters (北京, 特别) is no transliteration, whatever it sounds like.
TRANSLITERATION_CHARACTERS = frozenset(
    "阿埃艾爱安昂奥澳巴拔班邦宝保鲍贝本比彼毕庇别宾波伯勃博布查察达大代戴丹道德登迪蒂丁东杜敦多厄鄂恩尔法凡范"
    "菲斐费芬丰冯佛弗福孚富盖甘冈高戈哥格根贡古瓜圭哈海亥汉翰豪赫黑亨洪侯胡华怀惠霍基吉季济加迦嘉贾杰捷金津久"
    "居卡凯坎康考柯科可克肯孔库夸奎昆拉腊莱赖兰朗劳勒雷蕾里理利莉丽列林琳铃隆卢鲁陆路伦罗洛吕马玛迈麦曼芒茂梅"
    "美门蒙孟米密敏明缪莫墨默姆穆纳娜乃奈南内尼妮涅宁纽努诺欧帕派潘庞佩彭皮匹平珀普奇齐恰乔切钦琴琼丘屈萨塞"
    "赛桑瑟森沙莎善尚绍舍圣施什史士舒斯松宋苏索塔泰坦汤唐陶特提廷通图托瓦娃万旺威韦维温文沃乌伍武西希锡夏"
    "谢辛休许雅亚扬杨耶叶伊依因英尤于约扎詹泽兹朱卓茨策赞哲佐祖芝芙黛妲姬京韩杭汗默珊蓓莲露薇丝茜娅"
    "顿那易俄黎嫩也得龙坞悉歇喀琅夫耳其矶杉堡瑞荷葡萄牙及叙旦土缅甸柬埔寨挝坡律印度刚果蓬几毛求乍立摩瑙契柴思"
    "妥陀伏盛汀洁桂廉霞贞"
)


# ------------------------------------------------------------------------------ names by meaning
# Places that Chinese and Japanese name by meaning or by an old borrowing, not by sound (德国 is not
# read "Germany", nor ドイツ, nor 长江 "Yangtze"): the English name and the original's spellings.
_EXONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "Germany": ("德国", "德意志"), "France": ("法国",), "Britain": ("英国",), "England": ("英格兰", "英国"),
        "UK": ("英国",), "America": ("美国", "美洲"), "US": ("美国",), "USA": ("美国",), "Japan": ("日本",),
        "Korea": ("韩国", "朝鲜"), "Netherlands": ("荷兰",), "Holland": ("荷兰",), "Switzerland": ("瑞士",),
        "Sweden": ("瑞典",), "Turkey": ("土耳其",), "Greece": ("希腊",), "Egypt": ("埃及",), "Vietnam": ("越南",),
        "Thailand": ("泰国",), "India": ("印度",), "Spain": ("西班牙",), "Italy": ("意大利",), "Belgium": ("比利时",),
        "Philippines": ("菲律宾",), "Indonesia": ("印度尼西亚", "印尼"), "Australia": ("澳大利亚", "澳洲"),
        "Mongolia": ("蒙古",), "Europe": ("欧洲", "欧盟"), "Asia": ("亚洲",), "Africa": ("非洲",),
        "Czech": ("捷克",), "Poland": ("波兰",), "Hungary": ("匈牙利",), "Finland": ("芬兰",), "Norway": ("挪威",),
        "Denmark": ("丹麦",), "Portugal": ("葡萄牙",), "Ireland": ("爱尔兰",), "Austria": ("奥地利",),
        "Bosnia": ("波黑", "波斯尼亚"), "Herzegovina": ("波黑", "黑塞哥维那"), "Singapore": ("新加坡",),
        "Malaysia": ("马来西亚",), "Myanmar": ("缅甸",), "Burma": ("缅甸",), "Cambodia": ("柬埔寨",),
        "Laos": ("老挝",), "Nepal": ("尼泊尔",), "Israel": ("以色列",), "Palestine": ("巴勒斯坦",),
        "Syria": ("叙利亚",), "Iraq": ("伊拉克",), "Iran": ("伊朗",), "Saudi": ("沙特",), "Pakistan": ("巴基斯坦",),
        "Afghanistan": ("阿富汗",), "Kazakhstan": ("哈萨克斯坦",), "Ukraine": ("乌克兰",), "Belarus": ("白俄罗斯",),
        "Canada": ("加拿大",), "Mexico": ("墨西哥",), "Brazil": ("巴西",), "Argentina": ("阿根廷",),
        "Chile": ("智利",), "Peru": ("秘鲁",), "Cuba": ("古巴",), "Venezuela": ("委内瑞拉",),
        "Zealand": ("新西兰",), "Hong": ("香港",), "Kong": ("香港",), "Macau": ("澳门",), "Macao": ("澳门",),
        "Tibet": ("西藏",), "Mongolian": ("蒙古",), "Yangtze": ("长江",), "Pacific": ("太平洋",),
        "Atlantic": ("大西洋",), "Mediterranean": ("地中海",), "Washington": ("华盛顿", "华府"),
        "London": ("伦敦",), "Paris": ("巴黎",), "Moscow": ("莫斯科",), "Tokyo": ("东京",), "Seoul": ("首尔", "汉城"),
        "York": ("纽约",), "Texas": ("得克萨斯", "德克萨斯", "德州"), "California": ("加利福尼亚", "加州"),
        "Jerusalem": ("耶路撒冷",), "Olympic": ("奥运", "奥林匹克"), "Olympics": ("奥运",),
        "Paralympic": ("残奥",), "Paralympics": ("残奥",), "Peking": ("北京",), "Canton": ("广州", "广东"),
    },
    "ja": {
        "Germany": ("ドイツ", "独"), "Britain": ("英国", "イギリス"), "England": ("英国", "イングランド"),
        "UK": ("英国", "イギリス"), "America": ("米国", "アメリカ", "米"), "US": ("米国", "米"), "USA": ("米国",),
        "Japan": ("日本",), "China": ("中国",), "Korea": ("韓国", "朝鮮"), "Netherlands": ("オランダ",),
        "Holland": ("オランダ",), "Switzerland": ("スイス",), "Greece": ("ギリシャ",), "Turkey": ("トルコ",),
        "Thailand": ("タイ",), "Europe": ("欧州", "ヨーロッパ"), "Czech": ("チェコ",), "Australia": ("豪州", "豪"),
        "Hong": ("香港",), "Kong": ("香港",), "Taiwan": ("台湾",), "Beijing": ("北京",), "Shanghai": ("上海",),
        "Seoul": ("ソウル",), "Pacific": ("太平洋",), "Atlantic": ("大西洋",), "Olympic": ("五輪", "オリンピック"),
        "Olympics": ("五輪", "オリンピック"), "Moscow": ("モスクワ",), "Russia": ("ロシア", "露"),
        "France": ("フランス", "仏"), "Italy": ("イタリア",), "India": ("インド",), "Canada": ("カナダ",),
    },
}


def exonym_forms(code: str | None, name: str) -> tuple[str, ...]:
    """How a Chinese or Japanese original writes a place an English translation names by its own
    name (Germany: 德国, ドイツ); empty when the table does not know it."""
    return _EXONYMS.get(code or "", {}).get(name, ())


__all__ = ["Reader", "exonym_forms", "hepburn_shaped", "loose", "pinyin_syllables", "romanize_kana"]
