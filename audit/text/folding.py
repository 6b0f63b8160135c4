"""Case and mark folding that keeps every offset: one character in, one character out."""

from __future__ import annotations

from .words import SPACE_CHUNK, space_chunks

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " "})

# Characters that match an ASCII letter case-insensitively without lower-casing to it (long s, Kelvin
# sign, dotted and dotless I): a lower-cased text is no safe place to look for an ASCII literal when
# one of them occurs.
FOLD_TRAPS = frozenset("\u017f\u212a\u0130\u0131")


def lower(text: str) -> str:
    """text.lower(), a megabyte at a time: lower-casing a text that is not ASCII takes a buffer of
    twelve bytes a character (240 MB for a 20 MB file). The pieces are cut before white space, which
    no case rule looks across (a final sigma's context), so the result is the same."""
    if text.isascii() or len(text) <= SPACE_CHUNK:
        return text.lower()
    return "".join(text[start:end].lower() for start, end in space_chunks(text))


def fold(text: str) -> str:
    """Lower-case and unify apostrophes and spaces, one character for one (a megabyte at a time)."""
    pieces = []
    for start, end in space_chunks(text):
        piece = text[start:end]
        lowered = piece.lower()
        if len(lowered) != len(piece):  # a character that lower-cases to two: each kept as it is
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
            return lowered.translate(_FOLD)
        pieces.append(lowered.translate(_FOLD))
    return "".join(pieces)


__all__ = ["FOLD_TRAPS", "fold", "lower"]
