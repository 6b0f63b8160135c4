"""The rules agree with one another: a rule's suggestion, written into its own bad example, is not
flagged by any rule (today's "At the same time," → "Meanwhile," must not meet a rule that flags
"Meanwhile,"), and signals are evidence, never a failed lint."""

from __future__ import annotations

from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet, lint
from audit.runner import audit_text

CONFIG = Config(scores=False)
RULESET = RuleSet.load(CONFIG)


def _is_instruction(suggestion: str) -> bool:
    """A suggestion that tells the editor what to do rather than giving the words: "(omit)"."""
    return suggestion.startswith("(") and suggestion.endswith(")")


def _overlap(finding, start: int, end: int) -> bool:
    return finding.start < end and start < finding.end


def contradictions(ruleset: RuleSet, config: Config) -> list[str]:
    """Every new finding that a rule's suggestion, written over its own finding in its bad examples,
    draws from any rule of the set (itself included)."""

    def findings(text: str):
        linted = lint(Document.from_text(text, path="<example>"), ruleset, config)
        return linted.findings + linted.signals

    found = []
    for rule in ruleset.rules:
        for example in rule.bad:
            before = findings(example.text)
            for finding in before:
                if finding.rule != rule.id or not finding.suggestion or _is_instruction(finding.suggestion):
                    continue
                # other rules that already flagged the replaced words (a headline line, a missing
                # article next to them) are not answering the suggestion; the rule itself must not
                # flag its own suggestion
                already = {f.rule for f in before if f is not finding and _overlap(f, finding.start, finding.end)}
                text = example.text
                corrected = text[: finding.start] + finding.suggestion + text[finding.end :]
                start, end = finding.start, finding.start + len(finding.suggestion)
                for other in findings(corrected):
                    if _overlap(other, start, end) and other.rule not in already:
                        found.append(
                            f"{rule.id} suggests {finding.suggestion!r} in {text!r}, "
                            f"which {other.rule} flags ({other.text!r})"
                        )
    return found


def test_no_rule_flags_another_rules_suggestion():
    assert contradictions(RULESET, CONFIG) == []


def test_a_contradiction_is_caught(tmp_path):
    (tmp_path / "pack.toml").write_text(
        '[[rule]]\nid = "X-SUGGESTS"\ncategory = "translationese"\nseverity = "minor"\nkind = "phrase"\n'
        'phrases = ["at this point in time"]\nsuggestion = "presently"\nmessage = "m"\nwhy = "w"\n'
        'examples.bad = ["We are <m>at this point in time</m> ready."]\nexamples.good = ["We are ready."]\n\n'
        '[[rule]]\nid = "X-FLAGS"\ncategory = "translationese"\nseverity = "neutral"\nkind = "phrase"\n'
        'phrases = ["presently"]\nmessage = "m"\nwhy = "w"\n'
        'examples.bad = ["We are <m>presently</m> ready."]\nexamples.good = ["We are ready."]\n',
        encoding="utf-8",
    )
    config = Config(rule_dirs=(tmp_path,), builtin_rules=False, scores=False)
    assert contradictions(RuleSet.load(config), config) == [
        "X-SUGGESTS suggests 'presently' in 'We are at this point in time ready.', which X-FLAGS flags ('presently')"
    ]


SIGNAL_TEXT = (
    "The minister stressed that the talks would go on. Meanwhile, the army held its ground. "
    "In addition, it is necessary to repair the bridge. At the same time, we are talking about "
    "three villages. Recall that the truce was agreed in the course of the summer."
)


def test_signals_never_fail_a_lint():
    signals = [r for r in RULESET.all_rules if r.signal]
    assert len(signals) >= 10
    assert all(r.severity == "neutral" for r in signals), [r.id for r in signals if r.severity != "neutral"]
    report = audit_text(SIGNAL_TEXT, Config(scores=False))
    signal_ids = {r.id for r in signals}
    # the sample carries signals, listed apart from the findings ...
    assert len({f.rule for f in report.signals} & signal_ids) >= 4
    assert not any(f.rule in signal_ids for f in report.findings)
    # ... and nothing in it fails a lint
    assert not report.failed(), [(f.rule, f.text, f.severity) for f in report.findings]
