"""Matchers fed by one shared Aho-Corasick automaton: phrase lists, gazetteer casing and preferred
forms. Thousands of phrases cost one pass over the text."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import ahocorasick

from ..document import Document
from ..rules.inflect import carry_form, forms
from ..rules.model import RuleError
from .base import Check, Hit, register

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " "})


def fold(text: str) -> str:
    """Lower-case and unify apostrophes and spaces, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class PhraseIndex:
    """One automaton over the folded keys of every automaton-based check."""

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
        self.empty = not entries
        if not self.empty:
            self.automaton.make_automaton()

    def scan(self, doc: Document, folded: str) -> Iterator[tuple[Check, Hit]]:
        if self.empty:
            return
        text_length = len(folded)
        for last, values in self.automaton.iter(folded):
            for index, payload, length in values:
                start, end = last - length + 1, last + 1
                if start > 0 and _is_word_char(folded[start]) and _is_word_char(folded[start - 1]):
                    continue
                if end < text_length and _is_word_char(folded[end - 1]) and _is_word_char(folded[end]):
                    continue
                check = self.checks[index]
                hit = check.accept(doc, start, end, payload)
                if hit is not None:
                    yield check, hit


@register
class PhraseCheck(Check):
    """`phrases`: a list of phrases (suggestions from `suggestion`) or a table phrase -> suggestion.
    Case-insensitive; `inflect` (default true) also matches the inflected forms of the first and
    last word; `case_sensitive` requires the exact case."""

    kind = "phrase"
    keys = frozenset({"phrases", "inflect", "case_sensitive"})
    uses_automaton = True

    def __init__(self, rule) -> None:
        super().__init__(rule)
        phrases = rule.params.get("phrases")
        if isinstance(phrases, list) and phrases and all(isinstance(p, str) for p in phrases):
            self.phrases = {p: None for p in phrases}
        elif isinstance(phrases, dict) and phrases and all(isinstance(v, (str, list)) for v in phrases.values()):
            self.phrases = {p: (v if isinstance(v, str) else (v[0] if v else None)) for p, v in phrases.items()}
        else:
            raise RuleError(f"{rule.pack}: rule {rule.id!r}: 'phrases' must be a non-empty list or table")
        self.inflect = bool(rule.params.get("inflect", True))
        self.case_sensitive = bool(rule.params.get("case_sensitive", False))

    def automaton_keys(self) -> Iterator[tuple[str, Any]]:
        for phrase in self.phrases:
            for variant in self._variants(phrase):
                yield variant, phrase

    def _variants(self, phrase: str) -> set[str]:
        words = phrase.split()
        if not self.inflect or not words:
            return {phrase}
        if len(words) == 1:
            return forms(words[0]) | {phrase}
        firsts = forms(words[0]) if words[0].isalpha() else {words[0]}
        lasts = forms(words[-1]) if words[-1].isalpha() else {words[-1]}
        middle = words[1:-1]
        return {" ".join([f, *middle, last]) for f, last in itertools.product(firsts, lasts)} | {phrase}

    def accept(self, doc: Document, start: int, end: int, payload: Any) -> Hit | None:
        matched = doc.text[start:end]
        if self.case_sensitive and matched not in self._variants(payload):
            return None
        if self.blocked_by_antipattern(doc, start, end):
            return None
        base = self.phrases[payload] or self.rule.suggestion
        suggestion = carry_form(payload, matched, base) if base else None
        replacement = suggestion if self.fix and suggestion else None
        return Hit(start, end, suggestion=suggestion, replacement=replacement)


@register
class CasingCheck(Check):
    """`terms`: proper nouns as they are written (Kyiv, NATO, the Kremlin). Flags a term written all
    in lower case (kyiv, nato) outside URLs, e-mail addresses and code."""

    kind = "casing"
    keys = frozenset({"terms"})
    uses_automaton = True
    default_fix = "safe"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        terms = rule.params.get("terms")
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) for t in terms):
            raise RuleError(f"{rule.pack}: rule {rule.id!r}: 'terms' must be a non-empty list")
        for term in terms:
            if term == term.lower():
                raise RuleError(f"{rule.pack}: rule {rule.id!r}: term {term!r} has no capital to check")
        self.terms = terms

    def automaton_keys(self) -> Iterator[tuple[str, Any]]:
        for term in self.terms:
            yield term, term

    def accept(self, doc: Document, start: int, end: int, payload: Any) -> Hit | None:
        matched = doc.text[start:end]
        if matched != matched.lower() or fold(matched) != fold(payload):
            return None
        if self.blocked_by_antipattern(doc, start, end):
            return None
        return Hit(start, end, suggestion=payload, replacement=payload if self.fix == "safe" else None)


@register
class PreferredCheck(Check):
    """`forms`: a table variant -> preferred form (Kiev = "Kyiv"). Matches any case; the suggestion
    takes the case of the match. `case_sensitive` matches the variant exactly as written."""

    kind = "preferred"
    keys = frozenset({"forms", "case_sensitive"})
    uses_automaton = True
    default_fix = "safe"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        table = rule.params.get("forms")
        if not isinstance(table, dict) or not table or not all(isinstance(v, str) for v in table.values()):
            raise RuleError(f"{rule.pack}: rule {rule.id!r}: 'forms' must be a table variant = preferred")
        self.forms = table
        self.case_sensitive = bool(rule.params.get("case_sensitive", False))

    def automaton_keys(self) -> Iterator[tuple[str, Any]]:
        for variant in self.forms:
            yield variant, variant

    def accept(self, doc: Document, start: int, end: int, payload: Any) -> Hit | None:
        matched = doc.text[start:end]
        preferred = self.forms[payload]
        if matched == preferred or (self.case_sensitive and matched != payload):
            return None
        if fold(matched) == fold(preferred):
            return None  # a casing difference only: the casing rules speak to that
        if self.blocked_by_antipattern(doc, start, end):
            return None
        # a match in capitals (KIEV) gets the preferred form in capitals; otherwise it keeps its own (Kyiv)
        shouting = not self.case_sensitive and matched.isupper() and len(matched) > 1
        suggestion = preferred.upper() if shouting else preferred
        return Hit(start, end, suggestion=suggestion, replacement=suggestion if self.fix == "safe" else None)

