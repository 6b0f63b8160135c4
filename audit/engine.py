"""The engine: the compiled rule set and the one findings pipeline.

`RuleSet` compiles the selected rules of a configuration by their matcher kinds' declared needs
(audit/checks/base.py): the automaton-fed kinds share one phrase automaton, each shared index is
built once over its kinds' checks, the other checks scan the document in their declared order.

`lint(doc, ruleset, config, producers)` runs every producer over a document (the rule set's matchers,
then the producers given, such as the comparison with a reference) and makes findings of their raw
hits in one ordered chain, each step in one place:

1. locate: the line and column of each end (and the empty or unknown hit refused);
2. zone and quotation: hits outside prose (URLs, code, markup) and outside the rule's zones are
   dropped, the quotation flag is set and `skip_quotes` rules stay silent inside quotations (page
   furniture found by the line-level matchers has moved its lines out of the body first);
3. per-file ignores (`per-file-ignores`);
4. suppression comments (audit/suppression.py), whose notes go through steps 1-3 and 5-7 too;
5. severity overrides (`severity`);
6. overlaps: of the hits of one rule, one inside (or equal to) another is dropped;
7. order: by position, then rule.

The result (`Linted`) is complete and immutable: its findings, its signals (hits of `signal = true`
rules: evidence for the scores, not findings), the document as read (with its page furniture), the
warnings and the producers' by-products. Scores and reporters only read it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from fnmatch import fnmatch
from itertools import filterfalse
from pathlib import Path
from typing import Any

from . import checks as _checks  # noqa: F401  (registers the matcher kinds)
from .checks.automaton import PhraseIndex
from .checks.base import KINDS, Check, CheckContext, RegexTimeout
from .checks.budget import regex_budget
from .config import Config, selector_matches
from .document import Document
from .finding import CATEGORY_TABLE, FURNITURE_CATEGORIES, Finding, Fix
from .hits import Hit, Producer, ProducerContext
from .limits import DEFAULT_LIMITS, FindingLimits, LimitCounter, gc_paused
from .registry import Registry
from .rules.cache import cached
from .rules.errors import RuleError
from .rules.loader import builtin_pack_dir, load_rules, pack_files
from .rules.model import Rule
from .suppression import Suppressible, suppress
from .text.dataclass_code import dataclass
from .text.folding import folded_pieces


class CompiledPacks:
    """Rules compiled by their matcher kinds' declared needs, for any selection of them: the
    automaton-fed kinds share one phrase automaton, each shared index is built once over its kinds'
    checks, the other checks scan the document in their declared order. What the disk cache keeps:
    it depends on the packs and the settings checks take (`Config.pack_settings`), not on which rules
    a run selects (a RuleSet is a selection of it)."""

    def __init__(self, rules: list[Rule], settings: Config) -> None:
        self.rules = rules
        compiled = [KINDS[r.kind](r) for r in rules if KINDS[r.kind].needs.emitted_by is None]
        for check in compiled:
            check.configure(settings)
        self.automaton = PhraseIndex([c for c in compiled if c.needs.automaton])
        indexes = dict.fromkeys(c.needs.shared for c in compiled if c.needs.shared is not None)
        self.shared = [index([c for c in compiled if c.needs.shared is index]) for index in indexes]
        self.scanning = sorted((c for c in compiled if not c.needs.automaton), key=lambda c: c.needs.order)


class RuleSet:
    """The rules of a configuration: all of them (the registry) and the selected ones, compiled (as a
    selection of `packs`, compiled for all the rules; without it only the selected ones are)."""

    def __init__(self, rules: list[Rule], config: Config, packs: CompiledPacks | None = None) -> None:
        self.all_rules = rules
        self.registry = Registry(rules)
        self.by_id = self.registry.rules
        self.rules = [
            r
            for r in rules
            if config.selects(r.id, r.category, r.enabled) and config.house_style_allows(r.tags)
        ]
        self.selected = frozenset(r.id for r in self.rules)
        self.categories = {r.id: r.category for r in self.rules}
        needs = {r.id: KINDS[r.kind].needs for r in self.rules}
        self.prose = {rule_id: need.prose for rule_id, need in needs.items()}
        self.line_level = frozenset(rule_id for rule_id, need in needs.items() if need.line_level)
        self.matched = {rule_id: need.emitted_by is None for rule_id, need in needs.items()}  # found by a matcher
        packs = packs or CompiledPacks(self.rules, config)
        selected = self.selected
        self.automaton = packs.automaton
        wanted = frozenset(i for i, c in enumerate(packs.automaton.checks) if c.rule.id in selected)
        self.automaton_checks = None if len(wanted) == len(packs.automaton.checks) else wanted
        self.shared = [index for index in packs.shared if any(c.rule.id in selected for c in index.checks)]
        self.scanning = [c for c in packs.scanning if c.rule.id in selected]

    @classmethod
    def load(cls, config: Config) -> RuleSet:
        """The compiled rule set of a configuration (cached in the process; its packs also on disk)."""
        return _load_ruleset(config.rule_settings())

    def fix_pass_rules(self, unsafe: bool = False) -> frozenset[str]:
        """The rules a fix pass runs (lint_for_fixes): those whose fixes --fix applies (with
        --unsafe-fixes when `unsafe`), those that move page furniture out of the body (line-level
        rules of a furniture category: they decide every finding's zone) and the rules each of them
        reads (a check of a later order reads the hits of its own category's earlier checks)."""
        cache = self.__dict__.setdefault("_fix_pass_rules", {})
        if unsafe not in cache:
            cache[unsafe] = _closed_under_reading(
                self.rules,
                {
                    r.id
                    for r in self.rules
                    if (r.fix is not None and Fix("", r.fix).applies(unsafe))
                    or (r.id in self.line_level and r.category in FURNITURE_CATEGORIES)
                },
            )
        return cache[unsafe]

    # ------------------------------------------------------------------------- the matchers
    def match(
        self, doc: Document, warnings: list[str], limiter: LimitCounter | None = None,
        only: frozenset[str] | None = None,
    ) -> list[Hit]:
        """The raw hits of the compiled matchers (within `limiter`'s raw hits per rule); with `only`,
        of those rules' matchers alone."""
        limiter = limiter or LimitCounter()
        context = CheckContext(categories=self.categories)
        ruled_out: set[Check] = set()
        for index in self.shared:
            prepared = context.prepared[type(index)] = index.prepare(doc, context)
            ruled_out.update(index.cannot_match(prepared))
        hits_by_rule = context.hits
        hits: list[Hit] = []
        wanted = self.automaton_checks
        if only is not None:
            wanted = frozenset(i for i, check in enumerate(self.automaton.checks) if check.rule.id in only)
        try:
            for hit in self.automaton.scan(doc, folded_pieces(doc.text), skip=limiter.full, wanted=wanted):
                limiter.keep(hit.rule)
                hits.append(hit)
                hits_by_rule.setdefault(hit.rule, []).append(hit)
        except RegexTimeout as error:
            _warn_once(warnings, str(error))
        take = limiter.take
        for check in filterfalse(ruled_out.__contains__, self.scanning):  # most are ruled out: skipped in C
            rule_id = check.rule.id
            if (only is not None and rule_id not in only) or not check.may_match(doc, context):
                continue
            try:
                found = take(check.find(doc, context), rule_id)
            except RegexTimeout as error:
                _warn_once(warnings, str(error))  # the spent budget of the user rules: one warning
                continue
            if found:
                hits_by_rule.setdefault(rule_id, []).extend(found)
                hits.extend(found)
        return hits

    def furniture_lines(self, doc: Document, hits: Iterable[Hit]) -> frozenset[int]:
        """The lines that line-level hits of a page-furniture category cover whole."""
        lines = set()
        for hit in hits:
            if hit.rule in self.line_level and self.categories[hit.rule] in FURNITURE_CATEGORIES:
                line = doc.line_of(hit.start)
                start, end = doc.line_span(line)
                if doc.text[start:end].strip() == doc.text[hit.start : hit.end].strip():
                    lines.add(line)
        return frozenset(lines)

    def read(self, text: str, path: str) -> Document:
        """A text read as an article is: a Document with the page furniture these rules find."""
        doc = Document.from_text(text, path=path)
        return doc.with_furniture(self.furniture_lines(doc, self.match(doc, [])))


def _closed_under_reading(rules: list[Rule], kept: set[str]) -> frozenset[str]:
    """`kept` and every rule a kept rule's check reads the hits of, and so on: a check of a later
    order reads the hits of the earlier checks of its own category (Needs.order)."""
    order = {r.id: KINDS[r.kind].needs.order for r in rules}
    by_category: dict[str, list[Rule]] = {}
    for rule in rules:
        by_category.setdefault(rule.category, []).append(rule)
    readers = [r for r in rules if r.id in kept and order[r.id] > 0]
    while readers:
        reader = readers.pop()
        for rule in by_category[reader.category]:
            if order[rule.id] < order[reader.id] and rule.id not in kept:
                kept.add(rule.id)
                if order[rule.id] > 0:
                    readers.append(rule)
    return frozenset(kept)


@functools.lru_cache(maxsize=8)
def _load_ruleset(config: Config) -> RuleSet:
    packs = _load_packs(config.pack_settings())
    return RuleSet(packs.rules, config, packs)


@functools.lru_cache(maxsize=4)
def _load_packs(settings: Config) -> CompiledPacks:
    """Every rule of the packs, compiled: built once per process and per pack settings, for every
    selection (--select, --ignore, house style, scores); cached on disk."""
    directories = [builtin_pack_dir()] + [Path(d) for d in settings.rule_dirs]

    def build() -> CompiledPacks:
        rules = load_rules(directories[:1], KINDS)
        if not settings.builtin_rules:  # without the built-in matchers, the rules of the tool's own producers stay
            rules = [r for r in rules if KINDS[r.kind].needs.emitted_by is not None]
        return CompiledPacks(load_rules(directories[1:], KINDS, rules), settings)

    # keyed by the packs' contents and the pack settings (audit/rules/cache.py)
    return cached(lambda: ([p for d in directories for p in pack_files(d)], settings), build, CompiledPacks)


@dataclass(frozen=True)
class Linted:
    """What the pipeline made of one document."""

    document: Document  # as read: its page furniture out of the body
    findings: tuple[Finding, ...]
    signals: tuple[Finding, ...]  # hits of signal rules, made like findings; not reported by default
    warnings: tuple[str, ...] = ()
    outputs: Mapping[str, Any] = field(default_factory=dict)  # producers' by-products, by producer name
    # what the MT likelihood reads: the findings and signals of the matchers (not of a comparison with
    # a companion text, not notes on suppression comments)
    evidence: tuple[Finding, ...] = ()


def lint(
    doc: Document, ruleset: RuleSet, config: Config, producers: Sequence[Producer] = (),
    limits: FindingLimits = DEFAULT_LIMITS,
) -> Linted:
    """Run the rule set's matchers and the given producers over a document; make their findings
    (within `limits`: audit/limits.py; a warning says how many more there were)."""
    with gc_paused():  # hundreds of thousands of young objects on a dense file: no collector passes
        return _lint(doc, ruleset, config, producers, LimitCounter(limits))


def lint_for_fixes(
    doc: Document, ruleset: RuleSet, config: Config, producers: Sequence[Producer] = (),
    limits: FindingLimits = DEFAULT_LIMITS, unsafe: bool = False,
) -> Linted:
    """A fix pass's lint: that of `lint` made of the rules a fix pass runs alone
    (RuleSet.fix_pass_rules), so the same fixes (within `limits`, the limit per file counting the
    findings of those rules), in a fraction of the time on a dense file. Not a report: only the
    fixes of its findings are complete."""
    with gc_paused():
        return _lint(doc, ruleset, config, producers, LimitCounter(limits), ruleset.fix_pass_rules(unsafe))


def _lint(
    doc: Document, ruleset: RuleSet, config: Config, producers: Sequence[Producer], limiter: LimitCounter,
    only: frozenset[str] | None = None,
) -> Linted:
    warnings: list[str] = []
    with regex_budget(ruleset, len(doc.text)):  # one time budget per file for the user rules' regexes
        hits = ruleset.match(doc, warnings, limiter, only)
    doc = doc.with_furniture(ruleset.furniture_lines(doc, hits))
    context = ProducerContext(config=config, read=ruleset.read, warnings=warnings)
    for producer in producers:
        hits.extend(producer.produce(doc, context))
    made = limiter.cap(_Chain(doc, ruleset, config, only).findings(hits))
    note = limiter.note()
    if note:
        warnings.append(note)
    findings = tuple(f for f in made if not ruleset.by_id[f.rule].signal)
    signals = tuple(f for f in made if ruleset.by_id[f.rule].signal)
    evidence = tuple(f for f in made if ruleset.matched[f.rule])
    return Linted(doc, findings, signals, tuple(warnings), dict(context.outputs), evidence)


@dataclass
class _Located:
    hit: Hit
    rule: Rule
    line: int
    column: int
    end_line: int
    end_column: int
    zone: str
    in_quote: bool


# Fixes and formatted messages a document's findings share (a dense file repeats a few): at most so many
_REPEATS_KEPT = 4096


class _Chain:
    """The steps of the pipeline for one document (see the module docstring)."""

    def __init__(self, doc: Document, ruleset: RuleSet, config: Config, only: frozenset[str] | None = None) -> None:
        self.doc = doc
        self.ruleset = ruleset
        self.config = config
        self.ignored = per_file_ignores(doc.path, config)
        self.selected = ruleset.selected if only is None else only  # a hit of another rule is dropped
        self._severities: dict[str, str] = {}
        self._fixes: dict[tuple[str, str], Fix] = {}
        self._messages: dict[tuple[str, str, str | None], str] = {}

    def findings(self, hits: Iterable[Hit]) -> list[Finding]:
        kept = self._place(hits)
        dropped, notes = suppress(
            self.doc,
            [Suppressible(item.rule.id, item.rule.category, item.line) for item in kept],
            self.ruleset.registry.knows,
            self.ruleset.registry.nearest,
        )
        kept = [item for item, drop in zip(kept, dropped, strict=True) if not drop] + self._place(notes)
        return sorted((self._finding(item) for item in _longest_per_rule(kept)), key=Finding.sort_key)

    def _place(self, hits: Iterable[Hit]) -> list[_Located]:
        """Steps 1-3: locate, zone and quotation, per-file ignores."""
        doc, ruleset = self.doc, self.ruleset
        placed = []
        for hit in hits:
            rule = ruleset.by_id.get(hit.rule)
            if rule is None:
                raise RuleError(f"a producer yielded a hit of {hit.rule!r}, which is no registered rule")
            if hit.rule not in self.selected or hit.end <= hit.start:
                continue
            prose = ruleset.prose[hit.rule]
            if prose == "span" and doc.is_protected(hit.start, hit.end):
                continue
            if prose == "start" and doc.is_protected(hit.start, hit.start + 1):
                continue
            zone = doc.zone_at(hit.start)
            if rule.zones is not None and zone not in rule.zones:
                continue
            in_quote = not CATEGORY_TABLE[rule.category].quotation_marks and doc.quote_at(hit.start, hit.end)
            if in_quote and rule.skip_quotes:
                continue
            if self.ignored and any(selector_matches(s, rule.id, rule.category) for s in self.ignored):
                continue
            line, column = doc.position(hit.start)
            end_line, end_column = doc.position(hit.end)
            placed.append(_Located(hit, rule, line, column, end_line, end_column, zone, in_quote))
        return placed

    def _finding(self, item: _Located) -> Finding:
        """Step 5 and the finding itself: severity, message, fix."""
        hit, rule = item.hit, item.rule
        matched = self.doc.text[hit.start : hit.end]
        severity = self._severities.get(rule.id)
        if severity is None:
            severity = self._severities[rule.id] = self.config.severity_for(rule.id, rule.category, rule.severity)
        fix = None
        if hit.replacement is not None and rule.fix is not None:  # a dense file repeats its fixes and messages
            fix = self._fixes.get((hit.replacement, rule.fix))
            if fix is None:
                fix = Fix(hit.replacement, rule.fix)
                if len(self._fixes) < _REPEATS_KEPT:
                    self._fixes[hit.replacement, rule.fix] = fix
        template = hit.message or rule.message
        if "{" in template:
            key = (template, matched, hit.suggestion or rule.suggestion)
            message = self._messages.get(key)
            if message is None:
                message = _format_message(rule, hit, matched)
                if len(self._messages) < _REPEATS_KEPT:
                    self._messages[key] = message
        else:
            message = template
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=severity,
            message=message,
            start=hit.start,
            end=hit.end,
            text=matched,
            line=item.line,
            column=item.column,
            end_line=item.end_line,
            end_column=item.end_column,
            suggestion=hit.suggestion,
            in_quote=item.in_quote,
            zone=item.zone,
            fix=fix,
            extra=dict(hit.extra),
        )


def _warn_once(warnings: list[str], message: str) -> None:
    if message not in warnings:
        warnings.append(message)


def _format_message(rule: Rule, hit: Hit, matched: str) -> str:
    template = hit.message or rule.message
    if "{" not in template:
        return template
    values = {"match": matched, "suggestion": hit.suggestion or rule.suggestion or ""}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        return template


def _longest_per_rule(items: list[_Located]) -> list[_Located]:
    """Step 6: drop a hit that lies inside (or on) another hit of the same rule ("within the framework"
    inside "within the framework of"; "Kiev" inside "Kiev's"), so one tell gives one finding."""
    by_rule: dict[str, list[_Located]] = {}
    for item in items:
        by_rule.setdefault(item.rule.id, []).append(item)
    kept: list[_Located] = []
    for group in by_rule.values():
        if len(group) == 1:
            kept.extend(group)
            continue
        reach = -1
        for item in sorted(group, key=lambda i: (i.hit.start, -i.hit.end)):
            if item.hit.end <= reach:
                continue  # inside (or equal to) a longer hit that starts no later
            reach = item.hit.end
            kept.append(item)
    return kept


def per_file_ignores(path: str, config: Config) -> set[str]:
    """The selectors `per-file-ignores` applies to a file (its path, name, or path relative to the
    configuration's folder matching a pattern)."""
    if not config.per_file_ignores:
        return set()
    ignored: set[str] = set()
    candidates = {path, Path(path).name}
    if config.root is not None and path != "-":
        candidates.add(os.path.relpath(os.path.abspath(path), config.root).replace(os.sep, "/"))
    for pattern, selectors in config.per_file_ignores:
        if any(fnmatch(candidate, pattern) for candidate in candidates):
            ignored.update(selectors)
    return ignored


__all__ = ["CompiledPacks", "Linted", "RuleError", "RuleSet", "lint", "lint_for_fixes", "per_file_ignores"]
