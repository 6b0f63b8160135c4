"""The shared phrase automaton: one Aho-Corasick automaton over the folded keys of every check whose
kind declares `Needs(automaton=True)`, so that thousands of phrases cost one pass over the text. A
match at word boundaries is offered to its check's `accept`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import ahocorasick

from ..document import Document
from ..hits import Hit
from ..text.folding import fold
from ..text.pieces import Pieces, windows
from .base import Check
from .prefilter import SCAN_PIECE


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class PhraseIndex:
    """One automaton over the folded keys of every automaton-fed check."""

    def __init__(self, checks: list[Check]) -> None:
        self.automaton = ahocorasick.Automaton()
        self.checks = checks
        entries: dict[str, list[tuple[int, Any, int]]] = {}
        for index, check in enumerate(checks):
            for key, payload in check.automaton_keys():
                folded = fold(key)
                if not folded.strip():
                    continue
                entries.setdefault(folded, []).append((index, payload, len(folded)))
        for key, values in entries.items():
            self.automaton.add_word(key, values)
        self.longest = max(map(len, entries), default=0)
        self.empty = not entries
        if not self.empty:
            self.automaton.make_automaton()

    def scan(
        self,
        doc: Document,
        folded: str | Pieces,
        skip: Callable[[str], bool] | None = None,
        wanted: frozenset[int] | None = None,
    ) -> Iterator[Hit]:
        """The hits of the automaton's checks in `doc` (`folded`: fold(doc.text), or its pieces,
        audit.text.folding folded_pieces). `skip(rule_id)`, when given, is asked before a check
        examines a match (a rule that has all the hits a report can show is not asked again:
        audit/limits.py); with `wanted`, only the checks of those numbers examine matches (a rule set
        that selects some of them)."""
        if self.empty:
            return
        text_length = len(folded)
        # a window at a time (one for a text of up to a megabyte): the folded text is never whole
        for offset, own, stop, window in windows(folded, self.longest, SCAN_PIECE):
            for last, values in self.automaton.iter(window):
                if not own <= last < stop:
                    continue
                for index, payload, length in values:
                    if wanted is not None and index not in wanted:
                        continue
                    start, end = last - length + 1, last + 1  # in the window
                    if start + offset > 0 and _is_word_char(window[start]) and _is_word_char(window[start - 1]):
                        continue
                    if end + offset < text_length and _is_word_char(window[end - 1]) and _is_word_char(window[end]):
                        continue
                    check = self.checks[index]
                    if skip is not None and skip(check.rule.id):
                        continue
                    hit = check.accept(doc, start + offset, end + offset, payload)
                    if hit is not None:
                        yield hit


__all__ = ["PhraseIndex"]
