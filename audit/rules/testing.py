"""Run a rule's own examples, as LanguageTool's rule tests do: each bad example must give exactly
its marked spans, each good example nothing, from that rule."""

from __future__ import annotations

from ..config import Config, house_style_of
from ..document import Document
from .model import Rule


def example_problems(rule: Rule) -> list[str]:
    """What is wrong with a rule's examples; empty when they all pass."""
    from ..engine import RuleSet, audit_document

    config = Config(house_style=house_style_of(rule.tags), select=(rule.id,))  # opt-in checks run when selected
    ruleset = RuleSet([rule], config)
    problems: list[str] = []
    if not rule.bad or not rule.good:
        problems.append(f"{rule.id}: a rule needs bad and good examples")
    for example in rule.bad:
        doc = Document.from_text(example.text, path="<example>")
        spans = sorted((f.start, f.end) for f in audit_document(doc, ruleset, config) if f.rule == rule.id)
        if spans != sorted(example.spans):
            got = [example.text[s:e] for s, e in spans]
            want = [example.text[s:e] for s, e in example.spans]
            problems.append(f"{rule.id}: bad example {example.text!r}: expected {want}, got {got}")
    for text in rule.good:
        doc = Document.from_text(text, path="<example>")
        found = [f.text for f in audit_document(doc, ruleset, config) if f.rule == rule.id]
        if found:
            problems.append(f"{rule.id}: good example {text!r} was flagged: {found}")
    return problems
