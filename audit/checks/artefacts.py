"""Matchers for what a machine-translation system or a broken page leaves in the text: compounds split
by spaced hyphens ("a 40 - year - old"), words left in the source script ("we thank you дякуємо"),
and text decoded in the wrong character set ("Â£5m", "managerâ€™s").

Each kind is self-contained: a Check subclass with `kind`, `Params`, `summary` and `find`, registered
in KINDS (see audit/checks/base.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

import regex

from ..document import Document
from ..hits import Hit
from ..rules.params import param
from ..text.dataclass_code import dataclass
from ..text.lazy import lazy_compile
from ..text.pieces import LINES_MIN_CHARS, lines_holding
from ..text.shipped import compiled_re
from .base import Check, CheckContext, register, stdlib_twin, time_bound
from .patterns import RegexCheck

_SPACED_HYPHEN = lazy_compile(r"[ \t]*[-‐][ \t]*")


@dataclass(frozen=True)
class SpacedHyphenParams:
    pattern: str | list[str] = param(
        doc="regular expressions, each matching a compound whose hyphens have spaces around them, from the start "
        "of the word before a spaced hyphen (tried only there)",
        nonempty=True,
    )
    case_sensitive: bool = param(False, doc="match case")


@register
class SpacedHyphenCheck(RegexCheck):
    """A compound whose hyphens a detokeniser left between spaces ("eight - foot", "co - evolved",
    "a 40 - year - old"). The suggestion is the match with the spaces around its hyphens removed.
    Each pattern must match from the start of the word before a spaced hyphen (it is tried only
    there, with a time bound)."""

    kind = "spaced-hyphen"
    Params = SpacedHyphenParams
    summary = "a compound whose hyphens have spaces around them (`a 40 - year - old`); the suggestion closes them up"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.match_twins = [stdlib_twin(p.pattern, p.flags) for p in self.patterns]

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        # Only where a hyphen stands between spaces can a pattern match: each pattern is tried at the
        # start of the word before such a gap (a whole-text scan cost a fifth of a lint)
        text = doc.text
        starts = sorted({_word_start(text, gap) for gap in _spaced_gaps(text)})
        if not starts:
            return
        reach = 0
        plain = doc.plain
        bound = time_bound(text)
        for start in starts:
            if start < reach:
                continue
            for pattern, twin in zip(self.patterns, self.match_twins, strict=True):
                if plain and twin is not None:
                    match = twin.compiled().match(text, start)
                else:
                    match = pattern.match(text, start, timeout=bound)
                if match is None or match.end() == start:
                    continue
                end = match.end()
                reach = end
                if not self.blocked_by_antipattern(doc, start, end):
                    joined = _SPACED_HYPHEN.sub("-", match.group())
                    yield self.hit(start, end, suggestion=joined, replacement=joined)
                break


def _spaced_gaps(text: str) -> Iterator[int]:
    """The offsets just after a word that a hyphen between spaces follows ("40 - year"); found with
    str.find, which is many times faster than a regular expression scanning every space."""
    for needle in (" - ", " ‐ "):
        position = text.find(needle)
        while position >= 0:
            end = position
            while end > 0 and text[end - 1] in " \t":
                end -= 1
            if end > 0 and text[end - 1].isalnum():
                yield end
            position = text.find(needle, position + 3)


def _word_start(text: str, end: int) -> int:
    """The start of the word that ends at `end`."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return start


# Scripts an English article has no business running words in, outside a gloss in parentheses.
_SCRIPTS = {
    "cyrillic": r"\p{Script=Cyrillic}",
    "greek": r"\p{Script=Greek}",
    "han": r"\p{Script=Han}",
    "kana": r"\p{Script=Hiragana}\p{Script=Katakana}",
    "hangul": r"\p{Script=Hangul}",
    "arabic": r"\p{Script=Arabic}",
    "hebrew": r"\p{Script=Hebrew}",
    "thai": r"\p{Script=Thai}",
    "devanagari": r"\p{Script=Devanagari}",
}
# Any letter of those scripts (Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, kana, Han, Hangul)
_NON_LATIN_LETTER = compiled_re(
    "[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
# Letters that are not characters of a word in their own right: the Han "丨" used as a separator bar.
_SEPARATORS = "丨"
# Characters of no script an untranslated word is looked for in (checked when a rule is compiled): Latin
# letters and marks, and the punctuation of English copy (curly quotes, dashes). A line with none but
# these holds no untranslated word.
_NO_SCRIPT_LETTER = "\x00-\u02ff\u2000-\u206f"


Script = Literal["cyrillic", "greek", "han", "kana", "hangul", "arabic", "hebrew", "thai", "devanagari"]


@dataclass(frozen=True)
class UntranslatedParams:
    scripts: list[Script] = param(
        ["cyrillic", "han", "kana", "hangul"],
        doc="the writing systems whose words were left untranslated",
        nonempty=True,
    )
    min_letters: int = param(2, doc="fewer letters (a stray letter) are not flagged", minimum=1)


@register
class UntranslatedCheck(Check):
    """Words of other writing systems standing alone in English text, left untranslated. A word that
    mixes scripts is the mixed-script rule's; a gloss in parentheses ("the Kremlin (Кремль)") and
    URLs are not flagged. English-only text costs one str.isascii() call."""

    kind = "untranslated"
    Params = UntranslatedParams
    summary = "words left in the source script inside English text; a gloss in parentheses is not flagged"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        letters = "".join(_SCRIPTS[s] for s in rule.params.scripts)
        self.min_letters = rule.params.min_letters
        # a run of words in those scripts (spaces and middle dots between them), not touching a Latin letter
        self.pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])[{letters}][{letters}\p{{M}}]*(?:[ ·・][{letters}][{letters}\p{{M}}]*)*"
            rf"(?![\p{{L}}\p{{M}}])"
        )
        # where a word can be: a character outside _NO_SCRIPT_LETTER (None if a letter of the scripts is in it)
        outside = re.compile(f"[^{_NO_SCRIPT_LETTER}]")
        self.other = outside if not regex.search(f"[{letters}]", _characters(_NO_SCRIPT_LETTER)) else None

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        if text.isascii() or not _NON_LATIN_LETTER.search(text):
            return  # (curly quotes and dashes make most English copy non-ASCII; re finds no such letter fast)
        for match in self._matches(text):
            start, end = match.span()
            word = match.group()
            if sum(1 for c in word if c.isalpha() and c not in _SEPARATORS) < self.min_letters:
                continue
            if _in_parentheses(text, start, end) or doc.is_protected(start, end):
                continue
            if not self.blocked_by_antipattern(doc, start, end):
                yield self.hit(start, end)

    def _matches(self, text: str) -> Iterator[regex.Match]:
        """self.pattern.finditer(text). A long text is scanned only in the lines that hold a character
        outside _NO_SCRIPT_LETTER: a match holds one, and neither it nor what its look-arounds read
        crosses a line break (lines_holding)."""
        if len(text) <= LINES_MIN_CHARS or self.other is None:
            yield from self.pattern.finditer(text)
            return
        for start, end in lines_holding(text, self.other):
            yield from self.pattern.finditer(text, start, end)


def _characters(ranges: str) -> str:
    """Every character of ranges written as a character class's body is: first, hyphen, last; and so on."""
    return "".join(
        chr(code) for low, high in regex.findall(r"(.)-(.)", ranges) for code in range(ord(low), ord(high) + 1)
    )


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the content of a short parenthesis, a gloss of the word before it?"""
    opening = text.rfind("(", max(0, start - 40), start)
    if opening < 0 or ")" in text[opening:start] or "\n" in text[opening:start]:
        return False
    closing = text.find(")", end, end + 40)
    return closing >= 0 and "\n" not in text[end:closing]


# Text encoded as UTF-8 and decoded as Windows-1252 (or Latin-1): each non-ASCII character becomes
# two or three, the first of them Â, Ã or â. A run of such characters is repaired by reversing the
# wrong decoding; U+FFFD marks a byte that could not be decoded at all.
_MOJIBAKE = lazy_compile(
    "[ÂÃâÅÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]+"
    "|\ufffd+"
)
_MOJIBAKE_LEADS = frozenset("ÂÃâÅÐÑ\ufffd")


def repair_mojibake(damaged: str) -> str | None:
    """The text that `damaged` was before UTF-8 was read as Windows-1252 (or Latin-1), or None."""
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = damaged.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != damaged:
            return repaired
    return None


@register
class EncodingDamageCheck(Check):
    """Characters mangled by a wrong decoding (“Â£”, “â€™”, “Ã©”, or the replacement character �).
    The suggestion is the repaired text where the damage can be reversed."""

    kind = "encoding-damage"
    summary = "text decoded in the wrong character set (`Â£`, `â€™`, `Ã©`, `�`); the suggestion reverses the damage"
    default_fix = "safe"

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        if text.isascii() or not any(c in text for c in _MOJIBAKE_LEADS):
            return
        for match in _MOJIBAKE.finditer(text):
            start, end = match.span()
            if self.blocked_by_antipattern(doc, start, end):
                continue
            damaged = match.group()
            repaired = repair_mojibake(damaged) if "\ufffd" not in damaged else None
            if repaired is None and "\ufffd" not in damaged:
                continue  # an accented capital followed by a symbol, not a decoding error
            yield self.hit(start, end, suggestion=repaired, replacement=repaired)
