"""Plain text: a text in which every character is classified alike by Python's `re` and the `regex`
module (word, space, digit; no case variants), so that a pattern compiled by both cannot match
differently. On such a text the checks may run a pattern's faster `re` twin."""

from __future__ import annotations

import re

import regex

# A longer text keeps `regex` and its time bound, whatever its characters.
STDLIB_MAX_CHARS = 100_000

_SAFE_CHARS: dict[str, bool] = {}
_CLASSES = [(re.compile(c), regex.compile(c)) for c in (r"\w", r"\s", r"\d")]


def _char_safe(char: str) -> bool:
    safe = _SAFE_CHARS.get(char)
    if safe is None:
        safe = all(bool(a.match(char)) == bool(b.match(char)) for a, b in _CLASSES)
        if safe and not char.isascii():
            safe = char.lower() == char == char.upper() and char.casefold() == char and char != "\n"
        _SAFE_CHARS[char] = safe
    return safe


_ASCII_UNSAFE = re.compile("[" + "".join(re.escape(chr(i)) for i in range(128) if not _char_safe(chr(i))) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def plain_text(text: str) -> bool:
    """May the `re` twins of the rule patterns stand in for the `regex` patterns on this text?"""
    if len(text) > STDLIB_MAX_CHARS or _ASCII_UNSAFE.search(text):
        return False
    return text.isascii() or all(_char_safe(c) for c in set(_NON_ASCII.findall(text)))


__all__ = ["STDLIB_MAX_CHARS", "plain_text"]
