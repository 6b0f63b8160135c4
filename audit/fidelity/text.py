"""Text utilities for the comparison, in any language: scripts of letters, sentences (Latin and
Cyrillic full stops with abbreviations and ordinal dots, CJK 。！？ without spaces), words.

Everything here is linear in the text and knows nothing of English in particular.
"""

from __future__ import annotations

import re
import unicodedata

Span = tuple[int, int]

# Unicode blocks of the scripts the comparison tells apart; every other letter is "other".
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x3040, 0x309F, "kana"),
    (0x30A0, 0x30FF, "kana"),
    (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFF21, 0xFF5A, "latin"),  # full-width Latin letters
    (0xFF66, 0xFF9F, "kana"),  # half-width katakana
)
_SCRIPT_CACHE: dict[str, str] = {}


def script_of(char: str) -> str:
    """The script of one letter ("latin", "cyrillic", "han", "kana", ...); "" for a non-letter."""
    found = _SCRIPT_CACHE.get(char)
    if found is not None:
        return found
    found = ""
    if char.isalpha() or char in "々〆ー":
        code = ord(char)
        found = "other"
        for low, high, name in _SCRIPT_RANGES:
            if low <= code <= high:
                found = name
                break
    _SCRIPT_CACHE[char] = found
    return found


def script_counts(text: str) -> dict[str, int]:
    """Letters per script."""
    counts: dict[str, int] = {}
    if text.isascii():
        letters = sum(1 for c in text if c.isalpha())
        return {"latin": letters} if letters else {}
    for char in text:
        script = script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    return counts


def main_script(text: str) -> str | None:
    counts = script_counts(text)
    return max(counts, key=lambda s: (counts[s], s)) if counts else None


CJK = frozenset({"han", "kana", "hangul"})


def fold(text: str) -> str:
    """Lower case without diacritics: "Nový Bor" -> "novy bor"; full-width forms made plain."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


# ------------------------------------------------------------------------------ sentences
# Words before a full stop that do not end a sentence, per language family (lower case, no dot).
ABBREVIATIONS = frozenset(
    # English
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr inc corp ltd co vs etc no nos "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m e.g i.e approx est dept "
    "fig mt ft op vol pp cf rev hon maj brig "
    # Russian and Ukrainian
    "г гг т д ул им тыс тис млн млрд трлн руб грн коп обл р-н пр проф акад ген см стр с ст ч мин сек "
    "т.е т.д т.п т.к напр св вул просп пл бул "
    # German
    "z.b bzw ca vgl usw nr str mio mrd tsd dr prof evtl ggf inkl u.a z.t d.h s.o "
    # Czech, Polish, Slovak
    "tzv např mil mld tis resp tj atd apod mj popř př ing mgr tys mln mld ok np m.in "
    # French, Spanish, Italian
    "m mme mlle env cf sr sra srta ud uds dña sig sigg dott ecc".split()
)
# Languages whose ordinal numbers are written with a dot ("24. August"): a dot after one or two
# digits does not end a sentence there.
ORDINAL_DOT_LANGUAGES = frozenset({"de", "cs", "sk", "pl", "sl", "hr", "sr", "bs", "hu", "fi", "da", "no", "nb",
                                   "is", "et", "lv", "lt", "tr"})

_LATIN_LANGUAGES = frozenset({"en", "de", "cs", "sk", "pl", "fr", "es", "it", "pt", "nl", "sl", "hr", "ro", "hu", "fi",
                              "sv", "da", "no", "is", "et", "lv", "lt", "tr", "ha", "id", "vi", None})
_CLOSERS = "\"”’'»)]）」』〉》】"
_OPENERS = "\"“‘'«„‚([（「『〈《【—–-"
# A Latin/Cyrillic end: marks, closing quotes or brackets, then space and an opening mark, a capital
# letter or a digit; or the end of the paragraph.
_LATIN_END = re.compile(
    r"(?<![.!?…])[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s+[" + re.escape(_OPENERS) + r"]*\s?[^\W_a-zà-ÿа-яёіїєґ])"
)
# An ellipsis glued to the next word ("маніпуляції..розмовляю", "ok…then"): how chat and informal copy
# end a sentence without a space.
_RUN_ON_END = re.compile(r"(?<=[^\W\d_])(?:\.{2,}|…)(?=[^\W\d_])")
# A CJK end: 。！？ (full or half width) with closing marks; no space needed.
_CJK_END = re.compile(r"[。！？!?]+[" + re.escape(_CLOSERS) + r"]*")
_WORD_BEFORE = re.compile(r"[\w.\-]+$")
_LOOKBACK = 16


def _is_abbreviation(text: str, dot: int, language: str | None) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - _LOOKBACK), dot)
    if not match:
        return False
    word = match.group().lower().strip(".")
    if not word:
        return False
    if word.isdigit():
        return language in ORDINAL_DOT_LANGUAGES and len(word) <= 2
    if len(word) == 1 and word.isalpha():
        # an initial ("J. Smith", "В. Зеленський"), unless a Roman numeral in a non-Latin text ("Петр I.")
        return not (word in "ivx" and script_of(text[dot - 1]) == "latin" and language not in _LATIN_LANGUAGES)
    return word in ABBREVIATIONS


def split_sentences(text: str, paragraphs: list[Span], language: str | None = None) -> list[Span]:
    """Sentences (trimmed spans) of the paragraphs; CJK marks end a sentence without a space."""
    sentences: list[Span] = []
    for p_start, p_end in paragraphs:
        cuts: list[int] = []
        for match in _LATIN_END.finditer(text, p_start, p_end):
            if match.group().startswith(".") and _is_abbreviation(text, match.start(), language):
                continue
            cuts.append(match.end())
        cuts.extend(m.end() for m in _RUN_ON_END.finditer(text, p_start, p_end))
        if not text.isascii():
            cuts.extend(m.end() for m in _CJK_END.finditer(text, p_start, p_end) if _cjk_before(text, m.start()))
        begin = p_start
        for cut in sorted(set(cuts)):
            _append_trimmed(text, begin, cut, sentences)
            begin = cut
        _append_trimmed(text, begin, p_end, sentences)
    return sentences


def _cjk_before(text: str, index: int) -> bool:
    """Is the mark at `index` a CJK one, or preceded by a CJK letter (a half-width "?" after 汉字)?"""
    if text[index] in "。！？":
        return True
    return index > 0 and script_of(text[index - 1]) in CJK


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append((start + lead, start + lead + len(stripped)))


# ------------------------------------------------------------------------------ length and words
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def length_units(text: str) -> float:
    """The length of a sentence for the aligner: non-space characters (a CJK character counts as
    one; the per-document length ratio absorbs the difference between scripts)."""
    return float(len(text) - sum(len(m) for m in _SPACE.findall(text)))


def word_count(text: str) -> float:
    """Words, with CJK text counted at two characters a word."""
    if text.isascii():
        return float(len(_WORD.findall(text)))
    cjk = sum(1 for c in text if script_of(c) in CJK)
    rest = _WORD.findall("".join(c if script_of(c) not in CJK else " " for c in text))
    return len(rest) + cjk / 2


__all__ = [
    "CJK",
    "Span",
    "fold",
    "length_units",
    "main_script",
    "script_counts",
    "script_of",
    "split_sentences",
    "word_count",
]
