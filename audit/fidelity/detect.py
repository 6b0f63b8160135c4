"""The language of an original: by its script where the script decides (Ukrainian і ї є ґ against
Russian ы э ъ; kana makes Han text Japanese), else by langdetect with a fixed seed, and only on
enough text (langdetect mislabels short fragments and is random without a seed)."""

from __future__ import annotations

import re

from ..text.dataclass_code import dataclass
from .text import script_counts

MIN_LETTER_WORDS = 20  # fewer words than this: langdetect makes no guess
MIN_ENGLISH_WORDS = 3  # English by its function words needs this many words ...
ENGLISH_SHARE = 0.25  # ... of which this share are English function words (other languages: a few per cent)
DETECT_CHARACTERS = 5000  # langdetect reads at most this much
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")  # і is Belarusian too, but Belarusian has ў and ы
_RUSSIAN_ONLY = re.compile(r"[ыэЫЭ]")  # Belarusian has them too, but with і and ў
_NOT_RUSSIAN = re.compile(r"[іїєґўІЇЄҐЎ]")
_NOT_UKRAINIAN = re.compile(r"[ыэўъЫЭЎЪ]")
# Letters only one language of the Latin-script originals described here uses, for a text too short
# for langdetect: ř ů ě (Czech), ł ą ę ś ź ż ń (Polish), ß (German), ñ ¿ ¡ (Spanish), œ (French).
_LATIN_LETTERS = (("cs", re.compile(r"[řůěŘŮĚ]")), ("pl", re.compile(r"[łąęśźżńŁĄĘŚŹŻŃ]")),
                  ("de", re.compile(r"[ßäöüÄÖÜ]")), ("es", re.compile(r"[ñ¿¡Ñ]")), ("fr", re.compile(r"[œŒçÇ]")))
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with was as by at from it he she they his her said has have had be "
    "been were are will would an this which not but or who its their".split()
)


@dataclass(frozen=True)
class Detected:
    code: str | None
    method: str  # "given", "script", "langdetect", "function words", "too short to tell"
    confidence: float | None = None


def english_share(text: str) -> float:
    words = [w.lower() for w in _LETTER_WORD.findall(text[:DETECT_CHARACTERS])]
    return sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / len(words) if words else 0.0


def detect_language(text: str) -> Detected:
    """The language of an original text."""
    sample = text[: DETECT_CHARACTERS * 4]
    counts = script_counts(sample)
    letters = sum(counts.values())
    if not letters:
        return Detected(None, "too short to tell")
    script = max(counts, key=lambda s: counts[s])
    share = counts[script] / letters
    cjk = counts.get("han", 0) + counts.get("kana", 0)
    if cjk >= 0.5 * letters:
        if counts.get("kana", 0) >= 0.05 * cjk:
            return Detected("ja", "script", round(share, 4))
        return Detected("zh", "script", round(share, 4))
    if script == "hangul" and share >= 0.5:
        return Detected("ko", "script", round(share, 4))
    if script == "cyrillic" and share >= 0.5:  # letters only one of the two alphabets has
        if _UKRAINIAN_ONLY.search(sample) and not _NOT_UKRAINIAN.search(sample):
            return Detected("uk", "script", None)
        if _RUSSIAN_ONLY.search(sample) and not _NOT_RUSSIAN.search(sample):
            return Detected("ru", "script", None)
    words = _LETTER_WORD.findall(sample)
    if script == "latin" and len(words) >= MIN_ENGLISH_WORDS and english_share(sample) >= ENGLISH_SHARE:
        return Detected("en", "function words", None)
    if len(words) < MIN_LETTER_WORDS:
        if script == "latin":  # too short for langdetect: letters one language alone has, if any
            found = [code for code, letters in _LATIN_LETTERS if letters.search(sample)]
            if len(found) == 1:
                return Detected(found[0], "letters", None)
        return Detected(None, "too short to tell")
    return _langdetect(sample[:DETECT_CHARACTERS])


def _langdetect(text: str) -> Detected:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random without a seed
    try:
        best = detect_langs(text)[0]
    except (LangDetectException, IndexError):
        return Detected(None, "langdetect")
    code = best.lang.split("-")[0] if best.lang.startswith("zh") else best.lang
    return Detected(code, "langdetect", round(best.prob, 4))


__all__ = ["Detected", "detect_language", "english_share"]
