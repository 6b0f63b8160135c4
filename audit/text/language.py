"""Language of an article and of its paragraphs. A cheap pre-check (English function words, Latin
letters, and for a paragraph that has few function words the share of its words in an English
dictionary) decides most texts; langdetect (seeded, imported on first use) runs only on long enough
text that the pre-check finds suspicious, or on request. Short fragments are never guessed:
langdetect calls "AD" Tagalog with certainty."""

from __future__ import annotations

from .dataclass_code import dataclass
from .lexicon import lexicon_share
from .shipped import compiled_re
from .words import ASCII_WORD, ENGLISH_FUNCTION_WORDS, english_share, letter_words, word_pattern

MIN_WORDS_TO_DETECT = 20  # fewer letter words than this: no guess
ENGLISH_SHARE_CLEAR = 0.22  # English prose has 35-55% function words; other languages a few per cent
# The whole article is English without asking langdetect (even with the full scores) when at least this
# share of its letter words are English function words (dev set: 25-60%; German, French, Spanish, Swedish,
# Tagalog about 2-7%, Dutch and Italian 12-15%), under NON_LATIN_CONCLUSIVE of its letters are non-Latin
# and no paragraph was found foreign.
ENGLISH_SHARE_CONCLUSIVE = 0.25
NON_LATIN_CONCLUSIVE = 0.05
# A text with few function words (a headline-like sentence of names and nouns) is still clearly English
# when this share of its lower-case words are headwords of the CMU dictionary (native and MT English
# paragraphs of the dev set that fail the function-word test: 0.79-1.0, median 1.0; paragraphs that
# langdetect finds German, Czech, Icelandic or Hausa: at most 0.59; Dutch, French, Spanish, Italian,
# Portuguese, Afrikaans, Swedish, Tagalog, Indonesian sentences: 0.17-0.57).
ENGLISH_LEXICON_CLEAR = 0.8
FOREIGN_CONFIDENCE = 0.90
DETECT_CHARACTERS = 3000  # langdetect reads at most this much of a long text


_ABOVE_LATIN = compiled_re("[^\\x00-\\u024f]")


def non_latin_share(text: str) -> float:
    """Share of letters that are not basic or extended Latin."""
    if text.isascii():  # read from the string's header: no pass over the text
        return 0.0
    if not any(c.isalpha() for c in _ABOVE_LATIN.findall(text)):
        return 0.0  # the common case (curly quotes and dashes are not letters), without a pass per character
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if ord(c) > 0x24F) / len(letters)


# The same in a lower-cased text whose word characters are all ASCII (ASCII_WORD's first alternative):
# lower-casing such a text changes no word boundary (no character that is not a word character lowers
# to one, or to more than one character), so its words are the text's words lower-cased.
_LOWER_ASCII_LETTER_WORD = compiled_re(r"[a-z]+(?:['’][a-z]+)*")


def _function_word_share(text: str) -> float | None:
    """english_share of the text's letter words, or None under MIN_WORDS_TO_DETECT of them: one pass of
    a pattern over the text lower-cased (its words all ASCII) instead of WORD, a list of the letter words
    and a list of them lower-cased."""
    if word_pattern(text) is ASCII_WORD:
        return _lowered_function_word_share(_LOWER_ASCII_LETTER_WORD.findall(text.lower()))
    return _lowered_function_word_share(list(map(str.lower, letter_words(text))))


def _lowered_function_word_share(lowered: list[str]) -> float | None:
    """_function_word_share from the text's letter words already lower-cased."""
    if len(lowered) < MIN_WORDS_TO_DETECT:
        return None
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, lowered)) / len(lowered)


# An ASCII text lower-cased and turned into letters (a) and gaps (space): its runs of letters are counted
# without a list of its words (audit.text.language _surely_english)
_LETTERS_AND_GAPS = bytes(ord("a") if ord("a") <= code <= ord("z") else ord(" ") for code in range(256))


def _surely_english(text: str) -> bool:
    """Is the text clearly English by its function words (looks_english True), by a lower bound on their
    share, without its list of words? Most English copy is told so at a fraction of the cost. The words
    between white space that are function words are some of its function words (a word between white
    space is a letter word); each letter word holds a run of letters, so it has no more letter words
    than runs of letters. A text whose word characters are all ASCII (only its punctuation, such as
    curly quotes and dashes, is not) is read the same way, each other character a gap: it has no
    non-Latin letter, and no character of it lower-cases to an ASCII letter. False: not told so
    (looks_english decides)."""
    if not text.isascii() and word_pattern(text) is not ASCII_WORD:
        return False
    lowered = text.lower()
    found = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, lowered.split()))
    if found < MIN_WORDS_TO_DETECT:
        return False
    letters = lowered.encode("ascii", "replace").translate(_LETTERS_AND_GAPS)  # another character: "?", a gap
    runs = letters.count(b" a") + letters.startswith(b"a")
    return found > ENGLISH_SHARE_CLEAR * runs  # a share at least found / runs; no non-Latin letter


def looks_english(text: str) -> bool | None:
    """True: clearly English (by its function words, else by its dictionary words); False: suspicious;
    None: too short to tell."""
    if _surely_english(text):
        return True
    share = _function_word_share(text)
    if share is None:
        return None
    if non_latin_share(text) >= 0.2:
        return False
    if share >= ENGLISH_SHARE_CLEAR:
        return True
    lexicon = lexicon_share(text)
    return lexicon is not None and lexicon >= ENGLISH_LEXICON_CLEAR


def conclusively_english(text: str) -> bool:
    """English beyond doubt by the cheap evidence alone (a stricter pre-check): langdetect would only
    confirm it, at about 4 ms an article and 55 MB of language profiles."""
    share = _function_word_share(text)
    return share is not None and share >= ENGLISH_SHARE_CONCLUSIVE and non_latin_share(text) < NON_LATIN_CONCLUSIVE


def detect(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) by langdetect with a fixed seed, or None for a short text."""
    if len(letter_words(text)) < MIN_WORDS_TO_DETECT:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random without a seed
    try:
        best = detect_langs(text[:DETECT_CHARACTERS])[0]
    except (LangDetectException, IndexError):
        return None
    return best.lang, round(best.prob, 4)


def foreign_language(text: str) -> tuple[str, float] | None:
    """(language, probability) when a paragraph is confidently not English; None otherwise."""
    if looks_english(text) is not False:
        return None
    found = detect(text)
    if found and found[0] != "en" and found[1] >= FOREIGN_CONFIDENCE:
        return found
    return None


@dataclass(frozen=True)
class LanguageGuess:
    """An article's language (ISO 639-1; None: not told), langdetect's confidence, and how it was told."""

    code: str | None
    confidence: float | None
    method: str


def article_language(
    body: str, full: bool = False, foreign_paragraphs: int = 0, lowered_words: list[str] | None = None
) -> LanguageGuess:
    """The article's language: by the pre-check when it is clearly English, else by langdetect; `None`
    for a text too short to tell. With `full`, the pre-check decides only when it is conclusive (see
    `conclusively_english`) and no paragraph was found foreign (`foreign_paragraphs`). `lowered_words`:
    the body's letter words (`letter_words`) lower-cased, when the caller has them."""
    share = _function_word_share(body) if lowered_words is None else _lowered_function_word_share(lowered_words)
    if share is None:
        return LanguageGuess(None, None, "too short to tell")
    if share >= ENGLISH_SHARE_CLEAR:  # the looks_english and conclusively_english tests on one count
        non_latin = non_latin_share(body)
        clear = non_latin < 0.2
        conclusive = share >= ENGLISH_SHARE_CONCLUSIVE and non_latin < NON_LATIN_CONCLUSIVE
        if clear and (not full or (not foreign_paragraphs and conclusive)):
            return LanguageGuess("en", None, "function words")
    found = detect(body)
    if found is None:
        return LanguageGuess(None, None, "langdetect")
    return LanguageGuess(found[0], found[1], "langdetect")


__all__ = [
    "LanguageGuess",
    "article_language",
    "conclusively_english",
    "detect",
    "english_share",
    "foreign_language",
    "letter_words",
    "looks_english",
    "non_latin_share",
]
