"""Quotations with each language's marks: « » (Russian, Ukrainian, French), „ “ (German, Czech,
Ukrainian inner quotes), „ ” (Polish), “ ” (English, Chinese), 「 」 and 『 』 (Japanese, Chinese),
» « (German books) and straight double quotes. Marks are paired by a stack, paragraph by paragraph,
so nested quotations ("«…„…“…»") give one outer quotation; an unclosed mark quotes nothing (and
the quotations after it are read as if it were not there). Russian and Ukrainian also quote with a
dash: a sentence that opens with one is direct speech, up to the dash that attributes it ("— Мы
победили, — сказал он.").
"""

from __future__ import annotations

import re

from .languages import Language
from .text import Span

# Marks of every language, for a language without a table (and for the English side).
_ALL_PAIRS: tuple[tuple[str, str], ...] = (
    ("«", "»"), ("„", "“"), ("„", "”"), ("“", "”"), ("「", "」"), ("『", "』"), ("»", "«"), ("\"", "\""),
)


# English copy pairs its double marks by position, whatever their shape: “ closes a “ as often as a
# wrongly oriented mark slips into wire copy.
ENGLISH_PAIRS: tuple[tuple[str, str], ...] = tuple((a, b) for a in "“”\"" for b in "“”\"")


def quote_pairs(language: Language | None) -> tuple[tuple[str, str], ...]:
    if language is None:
        return _ALL_PAIRS
    return ENGLISH_PAIRS if language.code == "en" else language.quotes


# a quoted name this long at most may share its closing mark with the quotation it ends ("Газпроме", "Новая газета")
SHARED_WORDS = 2


def find_quotes(text: str, paragraphs: list[Span], pairs: tuple[tuple[str, str], ...]) -> list[Span]:
    """Outermost quotations (marks included), in order."""
    openers: dict[str, set[str]] = {}
    for opening, closing in pairs:
        openers.setdefault(opening, set()).add(closing)
    marks = set(openers) | {closing for _o, closing in pairs}
    found: list[Span] = []
    for p_start, p_end in paragraphs:
        chunk = text[p_start:p_end]
        if not any(mark in chunk for mark in marks):
            continue
        quotes, unclosed = _pair_marks(chunk, openers, marks, frozenset())
        if unclosed:
            # a quotation that ends on a quoted name may close both with one mark ("... в "Газпроме", -
            # сказал он): read so the marks left open, if that leaves fewer marks unpaired
            again, unclosed_again = _pair_marks(chunk, openers, marks, frozenset(unclosed))
            if len(unclosed_again) < len(unclosed):
                quotes = again
        found.extend((p_start + start, p_start + end) for start, end in quotes)
    return found


# The end of a dialogue's speech: a comma, stop, question or exclamation mark (or an ellipsis) before
# the dash that attributes it.
_ATTRIBUTION = re.compile(r"[,.!?…](?=[ \u00a0][—–-][ \u00a0])")
# speech opens with a capital: "— сказал он" after a quotation dropped from its sentence is no speech
_DIALOGUE_DASH = re.compile(r"[—–-][ \u00a0]+(?=[«„“\"]?[A-ZÀ-ÞА-ЯЁІЇЄҐ])")


def dialogue_quotes(text: str, sentences: list[Span], paragraph_of: list[int], quotes: list[Span]) -> list[Span]:
    """Direct speech opened by a dash at the start of a sentence, as a quotation from the dash to the
    mark before the attributing dash (or to the end of the sentence, or of the next sentences of the
    paragraph up to such a dash): the dash and that mark stand for the quotation marks. Quotations
    with marks inside one are part of it; those already found are returned with the new ones, in order."""
    found: list[Span] = []
    for index, (start, end) in enumerate(sentences):
        if not _DIALOGUE_DASH.match(text, start) or (found and start < found[-1][1]):
            continue
        stop = end
        for later in range(index, min(len(sentences), index + 4)):
            if paragraph_of[later] != paragraph_of[index] or (later > index and _DIALOGUE_DASH.match(
                    text, sentences[later][0])):
                break
            match = _ATTRIBUTION.search(text, sentences[later][0] if later > index else start, sentences[later][1])
            if match:
                stop = match.end()
                break
        if stop - start > 3:
            found.append((start, stop))
    if not found:
        return quotes
    kept = [q for q in quotes if not any(s <= q[0] and q[1] <= e for s, e in found)]
    return sorted(kept + [q for q in found if not any(k[0] < q[0] < k[1] for k in kept)])


def _pair_marks(
    chunk: str, openers: dict[str, set[str]], marks: set[str], shared: frozenset[int]
) -> tuple[list[Span], list[int]]:
    """The outermost quotations of one paragraph, by a stack, and the offsets of the opening marks left
    unclosed. A mark never closed quotes nothing, and the quotations inside it count as outermost (one
    stray mark does not hide the paragraph's later quotations). A mark that closes a quotation of a name
    (SHARED_WORDS words at most) that is the first inside another opened by the same mark, at an offset
    in `shared`, closes that one too."""
    stack: list[tuple[str, int, int]] = []  # (mark, offset, number of the mark)
    closed: set[int] = set()
    # (start, end, the number of the mark just around it: a mark never closed stays open, and so do
    # those under it, so a quotation is outermost when that mark is never closed)
    quotes: list[tuple[int, int, int]] = []
    inside: list[int] = []  # per mark: the quotations closed inside it so far
    count = 0
    for offset, char in enumerate(chunk):
        if char not in marks:
            continue
        role = _straight_role(chunk, offset) if char == "\"" else "either"
        if role == "neither":
            continue
        if stack and char in openers[stack[-1][0]] and role != "opens":
            opening, at, number = stack.pop()
            closed.add(number)
            if (stack and stack[-1][1] in shared and stack[-1][0] == opening and not inside[stack[-1][2]]
                    and len(chunk[at + 1 : offset].split()) <= SHARED_WORDS):
                _opening, at, number = stack.pop()
                closed.add(number)
            quotes.append((at, offset + 1, stack[-1][2] if stack else -1))
            if stack:
                inside[stack[-1][2]] += 1
            continue
        if char in openers and role != "closes":
            stack.append((char, offset, count))
            inside.append(0)
            count += 1
    outermost = [(start, end) for start, end, around in quotes if around not in closed]
    return outermost, [at for _m, at, _n in stack]


def _straight_role(chunk: str, offset: int) -> str:
    """What a straight double quote can do, by its neighbours: after a space (or an opening bracket or
    dash) and before a letter it opens; after a letter or a stop and before a space or a stop it
    closes; between two letters or digits (12") it is no quotation mark. In a long paragraph whose
    straight quotes do not all pair, this keeps one stray mark from turning every later quotation
    inside out."""
    before = chunk[offset - 1] if offset else " "
    after = chunk[offset + 1] if offset + 1 < len(chunk) else " "
    space_before = before.isspace() or before in "([{«„“—–-:/"
    space_after = after.isspace() or after in ".,;:!?)]}»”…-—–"
    if before.isalnum() and after.isalnum():
        return "neither"
    if space_before and not space_after:
        return "opens"
    if space_after and not space_before:
        return "closes"
    return "either"


__all__ = ["dialogue_quotes", "find_quotes", "quote_pairs"]
