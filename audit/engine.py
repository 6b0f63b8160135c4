"""The library entry points: compile the rules once, audit a text, a file, or many files."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import checks as _checks  # noqa: F401  (registers the matcher kinds)
from .checks.base import KINDS, Check, CheckContext, Hit, RegexTimeout
from .checks.patterns import RegexCheck
from .checks.phrases import PhraseIndex, fold
from .checks.prefilter import LiteralGate, PrefixIndex
from .checks.structure import BoilerplateLineCheck, FurnitureIndex
from .config import Config, selector_matches
from .document import Document
from .finding import SEVERITY_RANK, Finding, Fix
from .rules.cache import cached
from .rules.loader import builtin_pack_dir, load_rules, pack_files
from .rules.model import Rule, RuleError
from .sources import InputError, read_source
from .suppression import apply_suppressions
from .tally import fails_on_verdict, verdict_tally


class RuleSet:
    """The selected rules of a configuration, compiled: one phrase automaton plus the other checks."""

    def __init__(self, rules: list[Rule], config: Config) -> None:
        self.all_rules = rules
        self.rules = [
            r for r in rules if r.enabled and config.selects(r.id, r.category) and config.house_style_allows(r.tags)
        ]
        self.by_id = {r.id: r for r in rules}
        compiled = [KINDS[r.kind](r) for r in self.rules]
        for check in compiled:
            check.configure(config)
        self.automaton_checks = [c for c in compiled if c.uses_automaton]
        self.scanning_checks = sorted((c for c in compiled if not c.uses_automaton), key=lambda c: c.order)
        self.index = PhraseIndex(self.automaton_checks)
        self.furniture = FurnitureIndex([c for c in compiled if isinstance(c, BoilerplateLineCheck)])
        self.categories = {r.id: r.category for r in self.rules}
        # the rule regexes, gated by their literals: a check none of whose patterns can match is not run
        self.regex_patterns = [(c, n) for c in compiled if isinstance(c, RegexCheck) for n in range(len(c.patterns))]
        self.regex_gate = LiteralGate([c.literals[n] for c, n in self.regex_patterns])
        self.regex_prefixes = PrefixIndex([c.prefixes[n] for c, n in self.regex_patterns])
        # the scanning checks in order, each with the index of its first rule regex and how many it has
        bases: dict[int, int] = {}
        for index, (check, _n) in enumerate(self.regex_patterns):
            bases.setdefault(id(check), index)
        for check in compiled:
            if isinstance(check, RegexCheck):
                check.pattern_base = bases[id(check)]
        self.scan_plan = [
            (c, bases.get(id(c)), len(c.patterns) if isinstance(c, RegexCheck) else 0) for c in self.scanning_checks
        ]

    @classmethod
    def load(cls, config: Config) -> RuleSet:
        return _load_ruleset(config)


@functools.lru_cache(maxsize=8)
def _load_ruleset(config: Config) -> RuleSet:
    directories = ([builtin_pack_dir()] if config.builtin_rules else []) + [Path(d) for d in config.rule_dirs]

    def build() -> RuleSet:
        kind_keys = {kind: cls.keys for kind, cls in KINDS.items()}
        rules = load_rules(directories, kind_keys)
        for rule in rules:  # a kind's own fix policy (casing, spacing, doubled words: safe) unless the rule sets one
            rule.fix = rule.fix if rule.fix is not None else KINDS[rule.kind].default_fix
        return RuleSet(rules, config)

    # compiled rule sets are cached on disk, keyed by the packs' contents (audit/rules/cache.py)
    return cached(lambda: ([p for d in directories for p in pack_files(d)], config), build)


@dataclass
class FileReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    scores: dict[str, Any] | None = None
    verdict: str | None = None
    document: Document | None = field(default=None, repr=False)
    fail_on: str | None = None  # this file's configured level (else the report's)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "findings": [f.to_dict() for f in self.findings]}
        if self.error:
            data["error"] = self.error
        if self.warnings:
            data["warnings"] = self.warnings
        if self.scores is not None:
            data["scores"] = self.scores
            data["verdict"] = self.verdict
        return data


@dataclass
class Report:
    files: list[FileReport]
    fail_on: str = "minor"
    rules: dict[str, Rule] = field(default_factory=dict, repr=False)  # id -> rule, for reporters (SARIF)
    fail_on_verdict: str | None = None  # also fail when an article's verdict is at least this

    @property
    def findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.findings]

    def summary(self) -> dict[str, Any]:
        by_severity = {s: 0 for s in SEVERITY_RANK}
        by_category: dict[str, int] = {}
        for finding in self.findings:
            by_severity[finding.severity] += 1
            by_category[finding.category] = by_category.get(finding.category, 0) + 1
        return {
            "files": len(self.files),
            "files_with_errors": sum(1 for f in self.files if f.error),
            "findings": len(self.findings),
            "by_severity": by_severity,
            "by_category": dict(sorted(by_category.items())),
            "by_verdict": verdict_tally(self.files),
            "fail_on": self.fail_on,
            "fail_on_verdict": self.fail_on_verdict,
            "failed": self.failed(),
        }

    def failed(self) -> bool:
        return any(
            f.rank >= SEVERITY_RANK[file.fail_on or self.fail_on] for file in self.files for f in file.findings
        ) or any(fails_on_verdict(file.verdict, self.fail_on_verdict) for file in self.files)

    def exit_code(self) -> int:
        if any(f.error for f in self.files):
            return 2
        return 1 if self.failed() else 0


def _format_message(rule: Rule, hit: Hit, matched: str) -> str:
    template = hit.message or rule.message
    if "{" not in template:
        return template
    values = {"match": matched, "suggestion": hit.suggestion or rule.suggestion or ""}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        return template


def _run_checks(doc: Document, ruleset: RuleSet, warnings: list[str]) -> list[tuple[Check, Hit]]:
    context = CheckContext(categories=ruleset.categories)
    context.furniture_candidates = ruleset.furniture.candidates(doc)
    lowered = context.lowered_text(doc)
    runnable = ruleset.regex_gate.runnable(lowered)
    context.runnable_patterns = runnable
    context.prefix_starts = ruleset.regex_prefixes.starts(lowered, runnable)
    hits_by_rule = context.hits
    results: list[tuple[Check, Hit]] = []
    try:
        for check, hit in ruleset.index.scan(doc, fold(doc.text)):
            results.append((check, hit))
            hits_by_rule.setdefault(check.rule.id, []).append(hit)
    except RegexTimeout as error:
        warnings.append(str(error))
    for check, base, count in ruleset.scan_plan:
        if base is not None:
            if count == 1:
                if base not in runnable:
                    continue  # a rule regex that cannot match this text
            elif not any(index in runnable for index in range(base, base + count)):
                continue
        try:
            hits = list(check.find(doc, context))
        except RegexTimeout as error:
            warnings.append(str(error))
            continue
        if hits:
            hits_by_rule.setdefault(check.rule.id, []).extend(hits)
            results.extend([(check, hit) for hit in hits])
    return results


_LINE_LEVEL = frozenset({"boilerplate", "repeated-line", "cut-off", "trailing-furniture"})


def audit_document(doc: Document, ruleset: RuleSet, config: Config, warnings: list[str] | None = None) -> list[Finding]:
    """Run every selected rule over a document and return its findings, sorted by position."""
    warnings = [] if warnings is None else warnings
    results = _run_checks(doc, ruleset, warnings)
    # Lines that are page furniture leave the body (readability, headline detection).
    furniture = set()
    for check, hit in results:
        if check.rule.category == "boilerplate" and check.rule.kind in _LINE_LEVEL:
            line = doc.line_of(hit.start)
            start, end = doc.line_span(line)
            if doc.text[start:end].strip() == doc.text[hit.start : hit.end].strip():
                furniture.add(line)
    if furniture:
        doc.reassign_zones(furniture)

    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    ignored = _ignored_for(doc.path, config)
    for check, hit in _longest_per_rule(results):
        rule = check.rule
        if ignored and any(selector_matches(s, rule.id, rule.category) for s in ignored):
            continue
        key = (rule.id, hit.start, hit.end)
        if key in seen or hit.end <= hit.start:
            continue
        seen.add(key)
        if check.kind in _LINE_LEVEL:
            if doc.is_protected(hit.start, hit.start + 1):
                continue
        elif doc.is_protected(hit.start, hit.end):
            continue
        zone = doc.zone_at(hit.start)
        if rule.zones is not None and zone not in rule.zones:
            continue
        in_quote = doc.quote_at(hit.start, hit.end) and rule.category != "quotes"
        if in_quote and rule.skip_quotes:
            continue
        matched = doc.text[hit.start : hit.end]
        finding = Finding(
            rule=rule.id,
            category=rule.category,
            severity=config.severity_for(rule.id, rule.category, rule.severity),
            message=_format_message(rule, hit, matched),
            start=hit.start,
            end=hit.end,
            text=matched,
            suggestion=hit.suggestion,
            in_quote=in_quote,
            zone=zone,
            fix=Fix(hit.replacement, safe=check.fix == "safe") if hit.replacement is not None else None,
            extra=dict(hit.extra),
        )
        finding.line, finding.column = doc.position(hit.start)
        finding.end_line, finding.end_column = doc.position(hit.end)
        findings.append(finding)
    findings.sort(key=Finding.sort_key)
    return apply_suppressions(doc, findings, config.report_unused_suppressions)


def _longest_per_rule(results: list[tuple[Check, Hit]]) -> list[tuple[Check, Hit]]:
    """Drop a hit that lies inside another hit of the same rule ("within the framework" inside
    "within the framework of"; "Kiev" inside "Kiev's"), so one tell gives one finding."""
    by_rule: dict[str, list[tuple[Check, Hit]]] = {}
    for pair in results:
        by_rule.setdefault(pair[0].rule.id, []).append(pair)
    kept: list[tuple[Check, Hit]] = []
    for pairs in by_rule.values():
        if len(pairs) == 1:
            kept.extend(pairs)
            continue
        reach = -1
        for pair in sorted(pairs, key=lambda p: (p[1].start, -p[1].end)):
            if pair[1].end <= reach:
                continue  # inside (or equal to) a longer hit that starts no later
            reach = pair[1].end
            kept.append(pair)
    return kept


def _ignored_for(path: str, config: Config) -> set[str]:
    if not config.per_file_ignores:
        return set()
    from fnmatch import fnmatch

    ignored: set[str] = set()
    candidates = {path, Path(path).name}
    if config.root is not None and path != "-":
        candidates.add(os.path.relpath(os.path.abspath(path), config.root).replace(os.sep, "/"))
    for pattern, selectors in config.per_file_ignores:
        if any(fnmatch(candidate, pattern) for candidate in candidates):
            ignored.update(selectors)
    return ignored


def audit_text(text: str, config: Config | None = None, path: str = "<text>", reference: str | None = None) -> Report:
    """Audit one text. The library's main entry point: the CLI is a shell around it."""
    config = config or Config()
    ruleset = RuleSet.load(config)
    report = audit_document_text(text, path, config, ruleset, reference=reference)
    return Report([report], fail_on=config.fail_on)


def audit_document_text(
    text: str, path: str, config: Config, ruleset: RuleSet, reference: str | None = None
) -> FileReport:
    doc = Document.from_text(text, path=path, markup=config.markup)
    report = FileReport(path=path, document=doc)
    report.findings = audit_document(doc, ruleset, config, report.warnings)
    if config.scores:
        from .scoring import score_document

        score_document(doc, report, config, reference=reference)
    return report


def audit_file(path: str, config: Config, ruleset: RuleSet | None = None, reference: str | None = None) -> FileReport:
    """Audit one file (or '-' for standard input); an unreadable file gives a report with `error`."""
    ruleset = ruleset or RuleSet.load(config)
    try:
        text = read_source(path)
    except InputError as error:
        return FileReport(path=path, error=str(error))
    return audit_document_text(text, path, config, ruleset, reference=reference)


def audit_paths(paths: Iterable[str], config: Config) -> Report:
    ruleset = RuleSet.load(config)
    return Report([audit_file(p, config, ruleset) for p in paths], fail_on=config.fail_on)


__all__ = [
    "RuleSet",
    "FileReport",
    "Report",
    "RuleError",
    "InputError",
    "audit_text",
    "audit_file",
    "audit_paths",
    "audit_document",
]
