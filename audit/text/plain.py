"""Plain text: a text in which every character is classified alike by Python's `re` and the `regex`
module (word, space, digit; no case variants), so that a pattern compiled by both cannot match
differently. On such a text the checks may run a pattern's faster `re` twin."""

from __future__ import annotations

import functools
import re

import regex

from .shipped import compiled_re, compiled_regex

# A longer text keeps `regex` and its time bound, whatever its characters.
STDLIB_MAX_CHARS = 100_000

_SAFE_CHARS: dict[str, bool] = {}
_CLASSES = [(compiled_re(c), compiled_regex(c)) for c in (r"\w", r"\s", r"\d")]


def _char_safe(char: str) -> bool:
    safe = _SAFE_CHARS.get(char)
    if safe is None:
        safe = all(bool(a.match(char)) == bool(b.match(char)) for a, b in _CLASSES)
        if safe and not char.isascii():
            caseless = char.lower() == char == char.upper() and char.casefold() == char
            safe = char != "\n" and (caseless or _same_case_relations(char))
        _SAFE_CHARS[char] = safe
    return safe


_ASCII_LETTERS = [chr(code) for code in (*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1))]

# The letters that `re` folds beyond their lower and upper case (i and dotless i, s and long s, the
# Greek sigmas, the micro sign…), from its own table; None where this Python has no such table (then
# no cased letter outside ASCII is plain).
_SPECIAL_FOLDS: frozenset[str] | None = None
try:
    from re import _compiler

    _extra = getattr(_compiler, "_EXTRA_CASES", None) or getattr(_compiler, "_ignorecase_fixes", None)
    if isinstance(_extra, dict):
        _SPECIAL_FOLDS = frozenset(chr(c) for key, values in _extra.items() for c in (key, *values))
except ImportError:  # pragma: no cover
    pass
# lower-case letter -> the letters `re` also folds it with (ѕ and ᲃ-like forms of Cyrillic letters…)
_RELATED: dict[str, tuple[str, ...]] = {}
if _SPECIAL_FOLDS is not None:
    for _key, _values in _extra.items():
        _RELATED[chr(_key)] = tuple(chr(c) for c in _values)


def _same_case_relations(char: str) -> bool:
    """Do `re` and `regex` agree on what a cased letter matches case-insensitively? Checked on its own
    case forms (lower, upper, title, case fold), on every ASCII letter and on the classes [a-z] and
    [A-Z] (a letter that folds like an ASCII one, such as the Kelvin sign, does not pass). Letters with
    one lower and one upper form (à, ü, С) pass; the Greek sigmas, the long s, the dotted and dotless
    I, ß and the like do not."""
    forms = {char, char.lower(), char.upper(), char.title(), char.casefold(), char.upper().lower()}
    if _SPECIAL_FOLDS is None or not _SPECIAL_FOLDS.isdisjoint(forms):
        return False
    if any(len(form) != 1 for form in forms) or len({char.lower(), char.casefold(), char.upper().lower()}) != 1:
        return False
    others = sorted(forms) + _ASCII_LETTERS + ["[a-z]", "[A-Z]"]
    for other in others:
        pattern_re = other if other.startswith("[") else re.escape(other)
        pattern_regex = other if other.startswith("[") else regex.escape(other)
        by_re = re.fullmatch(pattern_re, char, re.IGNORECASE) is not None
        by_regex = regex.fullmatch(pattern_regex, char, regex.IGNORECASE | regex.V0) is not None
        if by_re != by_regex:
            return False
        if len(other) == 1:  # and the other way round: the letter as the pattern
            by_re = re.fullmatch(re.escape(char), other, re.IGNORECASE) is not None
            by_regex = regex.fullmatch(regex.escape(char), other, regex.IGNORECASE | regex.V0) is not None
            if by_re != by_regex:
                return False
    return not any(re.fullmatch(letter, char, re.IGNORECASE) for letter in _ASCII_LETTERS)


_ASCII_UNSAFE = compiled_re("[" + "".join(re.escape(chr(i)) for i in range(128) if not _char_safe(chr(i))) + "]")


def plain_text(text: str) -> bool:
    """May the `re` twins of the rule patterns stand in for the `regex` patterns on this text?"""
    return len(text) <= STDLIB_MAX_CHARS and plain_characters(text)


def plain_characters(text: str, mentioned: frozenset[str] | None = None) -> bool:
    """Is every character of the text read alike by `re` and `regex` (for patterns that name the
    characters `mentioned`), whatever its length? See `unsafe_characters` and `reads_alike`."""
    return reads_alike(unsafe_characters(text), mentioned)


def unsafe_characters(text: str) -> frozenset[str] | None:
    """The characters of the text outside ASCII that `re` and `regex` may read differently (letters
    they fold differently), or None when an ASCII character of it is read differently (never plain)."""
    if _ASCII_UNSAFE.search(text):
        return None
    if text.isascii():
        return frozenset()
    # the distinct characters, not every occurrence (findall held 5 million quotation marks: 430 MB)
    return frozenset(c for c in set(text) if not c.isascii() and not _char_safe(c))


def reads_alike(unsafe: frozenset[str] | None, mentioned: frozenset[str] | None) -> bool:
    """Do `re` and `regex` read a text with these unsafe characters alike, for patterns that name the
    characters `mentioned` outside ASCII (None: unknown)? Only if every unsafe letter is a word
    character for both, matches no ASCII letter in either (the Kelvin sign, the long s and the dotted
    and dotless I never pass) and has no case form among `mentioned`."""
    if unsafe is None:
        return False
    return not unsafe or (mentioned is not None and all(_unnamed(c, mentioned) for c in unsafe))


def _unnamed(char: str, mentioned: frozenset[str]) -> bool:
    related = _related(char)
    return related is not None and related.isdisjoint(mentioned)


@functools.cache
def _related(char: str) -> frozenset[str] | None:
    """The letters a pattern could name to match `char` case-insensitively in either module; None
    when `char` is no word character for both or matches an ASCII letter in either."""
    if char == "\n" or not all(bool(a.match(char)) == bool(b.match(char)) for a, b in _CLASSES):
        return None
    for letter in _ASCII_LETTERS:
        if re.fullmatch(letter, char, re.IGNORECASE) or regex.fullmatch(letter, char, regex.IGNORECASE | regex.V0):
            return None
    forms = {char, char.lower(), char.upper(), char.title(), char.casefold(), char.upper().lower()}
    return frozenset({c for form in forms for c in form} | set(_RELATED.get(char.lower(), ())))


def pattern_characters(pattern: str) -> frozenset[str] | None:
    """The characters outside ASCII that a pattern names as literals or class members (ranges
    expanded), as Python's parser reads it; None when it cannot say (unreadable, or a range too wide)."""
    from re import _constants, _parser

    try:
        tree = _parser.parse(pattern)
    except Exception:  # re.error, a warning turned error: no answer
        return None
    found: set[str] = set()
    stack: list = [list(tree)]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], _constants._NamedIntConstant):
            op, arg = item
            if op in (_constants.LITERAL, _constants.NOT_LITERAL):
                found.add(chr(arg))
                continue
            if op is _constants.RANGE:
                low, high = arg
                if high - low > _WIDEST_RANGE:
                    return None
                found.update(chr(code) for code in range(low, high + 1))
                continue
            stack.append(arg)
        elif isinstance(item, _parser.SubPattern):
            stack.append(list(item))
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return frozenset(c for c in found if not c.isascii())


_WIDEST_RANGE = 20_000


__all__ = [
    "STDLIB_MAX_CHARS", "pattern_characters", "plain_characters", "plain_text", "reads_alike", "unsafe_characters",
]
