"""Quotation marks: orientation, matching styles and balance, paragraph by paragraph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from ..document import Document
from ..hits import Hit
from ..rules.params import param
from ..text.lazy import lazy_compile
from .base import Check, CheckContext, register

_SHAPE_OPEN = "“«„"
_SHAPE_CLOSE = "”»"
_STRAIGHT = '"'
_ALL = _SHAPE_OPEN + _SHAPE_CLOSE + _STRAIGHT
# Two single marks stand for one double mark in some house styles and typesetting conventions: ’’ and ''
# close a quotation (“… voters,’’ he said), `` opens one.
_DOUBLED_SINGLES = {"’’": "”", "''": "”", "``": "“"}
_MARK = regex.compile("’’|''|``|[" + regex.escape(_ALL) + "]")
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


@register
class QuoteCheck(Check):
    """Quotation marks that do not pair up in their paragraph."""

    kind = "quotes"
    Params = QuoteParams
    summary = "quotation marks that do not pair up in their paragraph"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.problems = set(rule.params.problems)

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        paragraphs = doc.paragraphs
        for index, (p_start, p_end) in enumerate(paragraphs):
            next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            yield from self._paragraph(doc, p_start, p_end, next_start)

    def _role(self, text: str, offset: int, p_start: int, p_end: int) -> str:
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

    def _paragraph(self, doc: Document, p_start: int, p_end: int, next_start: int | None) -> Iterator[Hit]:
        text = doc.text
        open_at: int | None = None
        for mark in _MARK.finditer(text, p_start, p_end):
            offset = mark.start()
            char = mark.group()
            if doc.is_protected(offset, offset + 1) or text.startswith("â€", offset - 2):
                continue  # (the last character of "â€œ", an en dash or a quotation mark decoded wrongly)
            if char in _DOUBLED_SINGLES:
                char = _DOUBLED_SINGLES[char]
                role = "close" if char == "”" else "open"
                offset = mark.end() - 1  # the mark's last character, for the spans below
            else:
                role = self._role(text, offset, p_start, p_end)
            misoriented = (role == "close" and char in _SHAPE_OPEN and char != "„") or (
                role == "open" and char in _SHAPE_CLOSE
            )
            if misoriented and "orientation" in self.problems:
                start = offset - 1 if role == "close" and offset > p_start and text[offset - 1] == " " else offset
                proper = "”" if char == "“" else ("»" if char == "«" else "“")
                kind = "an opening mark used to close" if role == "close" else "a closing mark used to open"
                message = f"Quotation mark {char} is {kind} a quotation."
                yield self.hit(start, offset + 1, suggestion=proper, message=message)
            if role == "open":
                if open_at is not None and "unclosed" in self.problems and text[open_at] != _STRAIGHT:
                    if not _running_quotation(text, open_at, offset):
                        yield self._unclosed(text, open_at)
                open_at = offset
                continue
            # a closing mark
            if open_at is None:
                if "unopened" in self.problems and not misoriented and char != _STRAIGHT:
                    message = f"Closing quotation mark {char} closes nothing in its paragraph."
                    yield self.hit(offset, offset + 1, message=message)
                continue
            opener = _opening_mark(text, open_at)
            # a closing-shaped mark that opened (»…«, ”…”) has no closing mark of its own: its own shape
            closers = _CLOSING_FOR.get(opener, opener)
            if "mixed" in self.problems and char not in closers and not misoriented:
                if (opener == _STRAIGHT) != (char == _STRAIGHT):
                    yield self.hit(
                        offset,
                        offset + 1,
                        suggestion=closers[-1],
                        message=f"Quotation opened with {opener} is closed with {char}.",
                    )
            open_at = None
        # Straight marks double as apostrophes and inch signs: only curly marks are held to balance.
        if open_at is not None and "unclosed" in self.problems and text[open_at] != _STRAIGHT:
            quoted = text[open_at:p_end]
            continues = next_start is not None and text[next_start] in _SHAPE_OPEN + _STRAIGHT
            if not continues or _REPORTING.search(quoted):
                yield self._unclosed(text, open_at)

    def _unclosed(self, text: str, open_at: int) -> Hit:
        if text.startswith("``", open_at - 1):
            open_at -= 1
        message = f"Quotation opened with {text[open_at]} is never closed in its paragraph."
        return self.hit(open_at, open_at + 1, message=message)


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
