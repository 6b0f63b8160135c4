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
from .base import Check
from .prefilter import iter_matches


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
        folded: str,
        skip: Callable[[str], bool] | None = None,
        wanted: frozenset[int] | None = None,
    ) -> Iterator[Hit]:
        """The hits of the automaton's checks in `doc` (`folded`: fold(doc.text)). `skip(rule_id)`, when
        given, is asked before a check examines a match (a rule that has all the hits a report can
        show is not asked again: audit/limits.py); with `wanted`, only the checks of those numbers
        examine matches (a rule set that selects some of them)."""
        if self.empty:
            return
        text_length = len(folded)
        for last, values in iter_matches(self.automaton, folded, self.longest):
            for index, payload, length in values:
                if wanted is not None and index not in wanted:
                    continue
                start, end = last - length + 1, last + 1
                if start > 0 and _is_word_char(folded[start]) and _is_word_char(folded[start - 1]):
                    continue
                if end < text_length and _is_word_char(folded[end - 1]) and _is_word_char(folded[end]):
                    continue
                check = self.checks[index]
                if skip is not None and skip(check.rule.id):
                    continue
                hit = check.accept(doc, start, end, payload)
                if hit is not None:
                    yield hit


__all__ = ["PhraseIndex"]
