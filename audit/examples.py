"""Run a rule's own examples, as LanguageTool's rule tests do: each bad example must give exactly its
marked spans, each good example nothing, from that rule. A bad example with a `correction` is also
fixed by the rule's fix (whatever its applicability) and must then read as the correction, and the
corrected text must give nothing from the rule; a rule with a fix is held to that last test on
every bad example. An example's companion texts (a `reference`, an `original`) are compared with it
by the producer registered for them, as with `--reference`. A note on suppression comments runs
with the rules its examples' comments name beside it (they are what the comments silence)."""

from __future__ import annotations

from collections.abc import Sequence

from .checks import KINDS
from .config import Config, house_style_of
from .document import Document
from .engine import RuleSet, lint
from .finding import Finding
from .fixing import apply_fixes
from .hits import companion_producers
from .rules.model import Example, Rule
from .suppression import parse_suppressions


def _findings(example_text: str, example: Example, rule: Rule, ruleset: RuleSet, config: Config) -> list[Finding]:
    doc = Document.from_text(example_text, path="<example>")
    linted = lint(doc, ruleset, config, companion_producers(dict(example.companions)))
    return [f for f in linted.findings + linted.signals if f.rule == rule.id]


def _fixed(text: str, findings: list[Finding]) -> str | None:
    """The text with the findings' fixes applied (non-overlapping, in order); None: no fix."""
    fixes: list[Finding] = []
    for finding in sorted(findings, key=Finding.sort_key):
        if finding.fix is not None and (not fixes or finding.start >= fixes[-1].end):
            fixes.append(finding)
    if not fixes:
        return None
    return apply_fixes(text, Document.from_text(text, path="<example>"), fixes)


def example_problems(rule: Rule, registry: Sequence[Rule] | None = None) -> list[str]:
    """What is wrong with a rule's examples; empty when they all pass. `registry`: every rule (the
    selectors of suppression comments in examples are checked against it; default: the rule alone)."""
    rules = list(registry) if registry is not None else [rule]
    selected: tuple[str, ...] = (rule.id,)
    if KINDS[rule.kind].needs.emitted_by == "suppressions":
        comments = [d for e in rule.bad + rule.good for d in parse_suppressions(Document.from_text(e.text))]
        selected += tuple(sorted({s for d in comments for s in d.selectors}))
    config = Config(house_style=house_style_of(rule.tags), select=selected, scores=False)
    ruleset = RuleSet(rules, config)
    problems: list[str] = []
    if not rule.bad or not rule.good:
        problems.append(f"{rule.id}: a rule needs bad and good examples")
    for example in rule.bad:
        found = _findings(example.text, example, rule, ruleset, config)
        spans = sorted((f.start, f.end) for f in found)
        if spans != sorted(example.spans):
            got = [example.text[s:e] for s, e in spans]
            want = [example.text[s:e] for s, e in example.spans]
            problems.append(f"{rule.id}: bad example {example.text!r}: expected {want}, got {got}")
            continue
        corrected = _fixed(example.text, found)
        if example.correction is not None and corrected != example.correction:
            problems.append(
                f"{rule.id}: bad example {example.text!r}: the fix gives {corrected!r}, "
                f"not the correction {example.correction!r}"
                if corrected is not None
                else f"{rule.id}: bad example {example.text!r} has a correction but the rule gives no fix"
            )
            continue
        if corrected is not None:
            again = [f.text for f in _findings(corrected, example, rule, ruleset, config)]
            if again:
                problems.append(f"{rule.id}: bad example {example.text!r}: the fixed text {corrected!r} is "
                                f"still flagged: {again}")
    for example in rule.good:
        flagged = [f.text for f in _findings(example.text, example, rule, ruleset, config)]
        if flagged:
            problems.append(f"{rule.id}: good example {example.text!r} was flagged: {flagged}")
    return problems


__all__ = ["example_problems"]
