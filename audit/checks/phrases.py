"""Matchers fed by one shared Aho-Corasick automaton: phrase lists, gazetteer casing and preferred
forms. Thousands of phrases cost one pass over the text."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..hits import Hit
from ..rules.inflect import carry_form, forms
from ..rules.params import param
from ..text.dataclass_code import dataclass
from ..text.folding import fold
from .base import Check, Needs, register


@dataclass(frozen=True)
class PhraseParams:
    phrases: list[str] | dict[str, str | list[str]] = param(
        doc="the phrases: a list (suggestion from `suggestion`) or a table phrase → suggestion", nonempty=True
    )
    inflect: bool = param(True, doc="also match the inflected forms of the first and last word")
    case_sensitive: bool = param(False, doc="match only the exact case")


@register
class PhraseCheck(Check):
    """Listed phrases, case-insensitive, at word boundaries."""

    kind = "phrase"
    Params = PhraseParams
    summary = (
        "listed phrases, case-insensitive, at word boundaries; all phrase, casing and preferred rules share "
        "one Aho-Corasick automaton, so thousands of phrases cost one pass"
    )
    needs = Needs(automaton=True)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        phrases = rule.params.phrases
        if isinstance(phrases, list):
            self.phrases = {p: None for p in phrases}
        else:
            self.phrases = {p: (v if isinstance(v, str) else (v[0] if v else None)) for p, v in phrases.items()}
        self.inflect = rule.params.inflect
        self.case_sensitive = rule.params.case_sensitive

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
        return self.hit(start, end, suggestion=suggestion, replacement=suggestion)


@dataclass(frozen=True)
class CasingParams:
    terms: list[str] = param(doc="proper nouns as they are written (Kyiv, NATO, the Kremlin)", nonempty=True)


@register
class CasingCheck(Check):
    """A proper noun written all in lower case (kyiv, nato) outside URLs, e-mail addresses and code."""

    kind = "casing"
    Params = CasingParams
    summary = "a gazetteer term written all in lower case (`kyiv`), outside URLs, e-mail addresses and code"
    needs = Needs(automaton=True)
    default_fix = "safe"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        terms = rule.params.terms
        for term in terms:
            if term == term.lower():
                raise rule.error(f"term {term!r} has no capital to check", "terms")
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
        return self.hit(start, end, suggestion=payload, replacement=payload)


@dataclass(frozen=True)
class PreferredParams:
    forms: dict[str, str] = param(doc="a table variant → preferred form (`Kiev = \"Kyiv\"`)", nonempty=True)
    case_sensitive: bool = param(False, doc="match the variant exactly as written")


@register
class PreferredCheck(Check):
    """A variant spelling; the suggestion takes the case of the match (KIEV -> KYIV)."""

    kind = "preferred"
    Params = PreferredParams
    summary = "a variant spelling (`Kiev` → `Kyiv`), in any case unless `case_sensitive`"
    needs = Needs(automaton=True)
    default_fix = "safe"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.forms = rule.params.forms
        self.case_sensitive = rule.params.case_sensitive

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
        return self.hit(start, end, suggestion=suggestion, replacement=suggestion)

