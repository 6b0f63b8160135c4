"""Quotation marks: orientation, matching styles and balance, paragraph by paragraph."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any, Literal

import regex

from ..document import Document
from ..hits import Hit
from ..rules.params import param
from ..text.dataclass_code import dataclass
from ..text.lazy import lazy_compile
from ..text.shipped import compiled_re
from .base import Check, CheckContext, Needs, SharedIndex, register

_SHAPE_OPEN = "“«„"
_SHAPE_CLOSE = "”»"
_STRAIGHT = '"'
_ALL = _SHAPE_OPEN + _SHAPE_CLOSE + _STRAIGHT
# Two single marks stand for one double mark in some house styles and typesetting conventions: ’’ and ''
# close a quotation (“… voters,’’ he said), `` opens one.
_DOUBLED_SINGLES = {"’’": "”", "''": "”", "``": "“"}
_MARK = compiled_re("’’|''|``|[" + re.escape(_ALL) + "]")
_CLOSING_FOR = {"“": "”", "«": "»", "„": "“”", '"': '"'}
_PUNCT_AFTER = set(".,;:!?)]…")
_ELLIPSIS = ("...", "…")
_SENTENCE_END = set(".!?…")
_OPEN_BEFORE = set("([{—–-/")
_REPORTING = lazy_compile(
    r"\b(?:said|says|stated|states|told|tells|added|adds|noted|stressed|emphasi[sz]ed|explained|declared"
    r"|announced|wrote|according to)\b",
    regex.IGNORECASE,
    compiler=regex.compile,
)
PROBLEMS = ("orientation", "mixed", "unclosed", "unopened")
Problem = Literal["orientation", "mixed", "unclosed", "unopened"]


@dataclass(frozen=True)
class QuoteParams:
    problems: list[Problem] = param(
        list(PROBLEMS),
        doc="which to report: `orientation` (an opening mark used to close, or the reverse), `mixed` (curly "
        "opened, straight closed), `unclosed` (never closed in its paragraph, unless it visibly continues in "
        "the next), `unopened` (a closing mark with nothing open)",
        nonempty=True,
    )


# A problem found: (problem, start, end, suggestion, message)
Found = tuple[str, int, int, str | None, str]


class QuoteIndex(SharedIndex):
    """The quotation-mark problems of a document, found in one walk over its marks for every quotes
    check (each reports those of its own `problems`: four rules walked the marks four times)."""

    def prepare(self, doc: Document, context: CheckContext) -> list[Found]:
        return quotation_problems(doc)

    def cannot_match(self, prepared: Any) -> Collection[Check]:
        """Every quotes check when the document has no problem of any kind (most articles)."""
        return () if prepared else self.checks


@register
class QuoteCheck(Check):
    """Quotation marks that do not pair up in their paragraph."""

    kind = "quotes"
    Params = QuoteParams
    summary = "quotation marks that do not pair up in their paragraph"
    needs = Needs(shared=QuoteIndex)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.problems = set(rule.params.problems)

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        found = context.shared(QuoteIndex)
        problems = self.problems
        for problem, start, end, suggestion, message in quotation_problems(doc) if found is None else found:
            if problem in problems:
                yield self.hit(start, end, suggestion=suggestion, message=message)


def quotation_problems(doc: Document) -> list[Found]:
    """Every problem of the document's quotation marks, paragraph by paragraph, in order."""
    found: list[Found] = []
    paragraphs = doc.paragraphs
    starts = paragraphs.starts
    for index, (p_start, p_end) in enumerate(paragraphs):
        next_start = starts[index + 1] if index + 1 < len(starts) else None
        found.extend(_paragraph(doc, p_start, p_end, next_start))
    return found


def _role(text: str, offset: int, p_start: int, p_end: int) -> str:
    """'open' or 'close' from the mark's surroundings; its shape decides only when they do not."""
    before = text[offset - 1] if offset > p_start else " "
    after = text[offset + 1] if offset + 1 < p_end else ""
    char = text[offset]
    if (before.isspace() or before in _OPEN_BEFORE) and text.startswith(_ELLIPSIS, offset + 1):
        return "open"  # a quotation that starts mid-sentence: “...and then they left”
    if after == "" or after in _PUNCT_AFTER:
        return "close"
    if (before.isspace() or before in _OPEN_BEFORE) and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in _PUNCT_AFTER):
        return "close"
    if char in _SHAPE_OPEN:
        return "open"
    return "close"


def _paragraph(doc: Document, p_start: int, p_end: int, next_start: int | None) -> Iterator[Found]:
    text = doc.text
    protected = bool(doc.protected)  # (most articles have no URL, address or code: no look-up a mark)
    open_at: int | None = None
    for mark in _MARK.finditer(text, p_start, p_end):
        offset = mark.start()
        char = mark.group()
        if (protected and doc.is_protected(offset, offset + 1)) or text.startswith("â€", offset - 2):
            continue  # (the last character of "â€œ", an en dash or a quotation mark decoded wrongly)
        if char in _DOUBLED_SINGLES:
            char = _DOUBLED_SINGLES[char]
            role = "close" if char == "”" else "open"
            offset = mark.end() - 1  # the mark's last character, for the spans below
        else:
            role = _role(text, offset, p_start, p_end)
        misoriented = (role == "close" and char in _SHAPE_OPEN and char != "„") or (
            role == "open" and char in _SHAPE_CLOSE
        )
        if misoriented:
            start = offset - 1 if role == "close" and offset > p_start and text[offset - 1] == " " else offset
            proper = "”" if char == "“" else ("»" if char == "«" else "“")
            kind = "an opening mark used to close" if role == "close" else "a closing mark used to open"
            yield "orientation", start, offset + 1, proper, f"Quotation mark {char} is {kind} a quotation."
        if role == "open":
            if open_at is not None and text[open_at] != _STRAIGHT:
                if not _running_quotation(text, open_at, offset):
                    yield _unclosed(text, open_at)
            open_at = offset
            continue
        # a closing mark
        if open_at is None:
            if not misoriented and char != _STRAIGHT:
                message = f"Closing quotation mark {char} closes nothing in its paragraph."
                yield "unopened", offset, offset + 1, None, message
            continue
        opener = _opening_mark(text, open_at)
        # a closing-shaped mark that opened (»…«, ”…”) has no closing mark of its own: its own shape
        closers = _CLOSING_FOR.get(opener, opener)
        if char not in closers and not misoriented:
            if (opener == _STRAIGHT) != (char == _STRAIGHT):
                message = f"Quotation opened with {opener} is closed with {char}."
                yield "mixed", offset, offset + 1, closers[-1], message
        open_at = None
    # Straight marks double as apostrophes and inch signs: only curly marks are held to balance.
    if open_at is not None and text[open_at] != _STRAIGHT:
        quoted = text[open_at:p_end]
        continues = next_start is not None and text[next_start] in _SHAPE_OPEN + _STRAIGHT
        if not continues or _REPORTING.search(quoted):
            yield _unclosed(text, open_at)


def _unclosed(text: str, open_at: int) -> Found:
    if text.startswith("``", open_at - 1):
        open_at -= 1
    message = f"Quotation opened with {text[open_at]} is never closed in its paragraph."
    return "unclosed", open_at, open_at + 1, None, message


def _opening_mark(text: str, open_at: int) -> str:
    """The opening mark at open_at, with `` read as “."""
    return "“" if text.startswith("``", open_at - 1) else text[open_at]


def _running_quotation(text: str, open_at: int, next_open: int) -> bool:
    """Does the quotation opened at open_at run on into the one opened at next_open, as a quotation
    running over paragraphs does (each paragraph opens with a mark, only the last one closes), in a
    text that lost its paragraph breaks? It does when the new mark starts a sentence and no reporting
    verb stands between the two marks (“…,” she said. “… would be a quotation that lost its close)."""
    before = text[open_at + 1 : next_open].rstrip()
    if not before or before[-1] not in _SENTENCE_END:
        return False
    return not _REPORTING.search(before)
