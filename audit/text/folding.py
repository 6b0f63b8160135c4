"""Case and mark folding that keeps every offset: one character in, one character out."""

from __future__ import annotations

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " "})

# Characters that match an ASCII letter case-insensitively without lower-casing to it (long s, Kelvin
# sign, dotted and dotless I): a lower-cased text is no safe place to look for an ASCII literal when
# one of them occurs.
FOLD_TRAPS = frozenset("\u017f\u212a\u0130\u0131")


def fold(text: str) -> str:
    """Lower-case and unify apostrophes and spaces, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD)


__all__ = ["FOLD_TRAPS", "fold"]
