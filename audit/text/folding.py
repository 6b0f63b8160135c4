"""Case and mark folding that keeps every offset: one character in, one character out. A long text is
lower-cased or folded a megabyte at a time (`lowered_pieces`, `folded_pieces`): its readers scan the
pieces, and no folded copy of the whole text is made."""

from __future__ import annotations

from .pieces import Pieces
from .words import SPACE_CHUNK

# fold's unification of apostrophes and spaces, as str.replace calls: str.translate with a table runs a
# dictionary look-up per character on any text that is not ASCII (75 ns a character, 1.5 s for 20 MB)
_UNIFIED = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\t", " "))

# Characters that match an ASCII letter case-insensitively without lower-casing to it (long s, Kelvin
# sign, dotted and dotless I): a lower-cased text is no safe place to look for an ASCII literal when
# one of them occurs.
FOLD_TRAPS = frozenset("\u017f\u212a\u0130\u0131")

# The characters str.lower() turns into more than one (its only unconditional special casing that
# lengthens: the dotted capital I; tests/test_long_text.py checks every code point)
LOWERS_TO_MORE = frozenset("\u0130")


def lowered_pieces(text: str) -> Pieces:
    """text.lower(), a megabyte at a time: lower-casing a text that is not ASCII takes a buffer of
    twelve bytes a character (240 MB for a 20 MB file). The pieces are cut before white space, which
    no case rule looks across (a final sigma's context), so together they are text.lower()."""
    return Pieces(text, str.lower)


def lower(text: str) -> str:
    """text.lower(), made a megabyte at a time (see `lowered_pieces`)."""
    if text.isascii() or len(text) <= SPACE_CHUNK:
        return text.lower()
    return lowered_pieces(text).whole()


def _unify(text: str) -> str:
    for mark, replacement in _UNIFIED:
        text = text.replace(mark, replacement)
    return text


def _fold_piece(piece: str) -> str:
    return _unify(piece.lower())


def _fold_piece_charwise(piece: str) -> str:
    return _unify("".join(c.lower() if len(c.lower()) == 1 else c for c in piece))


def folded_pieces(text: str) -> Pieces:
    """fold(text), a megabyte at a time (see `lowered_pieces`)."""
    charwise = not text.isascii() and any(c in text for c in LOWERS_TO_MORE)
    return Pieces(text, _fold_piece_charwise if charwise else _fold_piece)


def fold(text: str) -> str:
    """Lower-case and unify apostrophes and spaces, one character for one: a text with a character
    that lower-cases to more than one is lower-cased a character at a time, that one kept as it is."""
    return folded_pieces(text).whole()


__all__ = ["FOLD_TRAPS", "LOWERS_TO_MORE", "fold", "folded_pieces", "lower", "lowered_pieces"]
