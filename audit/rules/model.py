"""A rule as written in a rule pack: a style-guide entry with a matcher and its own tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..finding import CATEGORIES, SEVERITIES

MARK = re.compile(r"<m>(.*?)</m>", re.DOTALL)
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")

COMMON_KEYS = frozenset(
    {"id", "category", "severity", "kind", "message", "suggestion", "why", "source", "examples",
     "zones", "antipatterns", "fix", "enabled", "tags", "skip_quotes", "signal"}
)


class RuleError(ValueError):
    """A rule pack or rule that cannot be loaded; the message names the file and the rule."""


@dataclass
class Example:
    """A rule example: `text` with the <m>…</m> marks removed and the marked spans."""

    text: str
    spans: list[tuple[int, int]]

    @classmethod
    def parse(cls, marked: str) -> Example:
        spans = []
        out: list[str] = []
        cursor = 0
        length = 0
        for match in MARK.finditer(marked):
            before = marked[cursor : match.start()]
            out.append(before)
            length += len(before)
            spans.append((length, length + len(match.group(1))))
            out.append(match.group(1))
            length += len(match.group(1))
            cursor = match.end()
        out.append(marked[cursor:])
        return cls("".join(out), spans)


@dataclass
class Rule:
    id: str
    category: str
    severity: str
    kind: str
    message: str
    why: str
    source: str
    suggestions: list[str]
    bad: list[Example]
    good: list[str]
    params: dict[str, Any]
    pack: str
    zones: tuple[str, ...] | None = None
    antipatterns: list[str] = field(default_factory=list)
    fix: str | None = None  # "safe", "unsafe" or None
    enabled: bool = True
    tags: list[str] = field(default_factory=list)
    skip_quotes: bool = False  # narrative-voice rules: quoted speech is the speaker's, not the writer's
    signal: bool = False  # evidence for the MT likelihood, not an error on its own

    @property
    def suggestion(self) -> str | None:
        return self.suggestions[0] if self.suggestions else None

    @property
    def fixable(self) -> bool:
        return self.fix == "safe"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "severity": self.severity,
            "kind": self.kind,
            "message": self.message,
            "suggestions": self.suggestions,
            "why": self.why,
            "source": self.source,
            "fixable": self.fixable,
            "pack": self.pack,
            "examples": {
                "bad": [_remark(example) for example in self.bad],
                "good": self.good,
            },
        }


def _remark(example: Example) -> str:
    text = example.text
    for start, end in reversed(example.spans):
        text = text[:start] + "<m>" + text[start:end] + "</m>" + text[end:]
    return text


def _flag(raw: dict[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise RuleError(f"{where}: '{key}' must be true or false")
    return value


def build_rule(raw: dict[str, Any], pack: str, kind_keys: dict[str, frozenset[str]]) -> Rule:
    """Validate one raw rule table and build a Rule. Raises RuleError naming the problem."""
    rule_id = raw.get("id")
    where = f"{pack}: rule {rule_id!r}" if rule_id else f"{pack}: a rule without an id"
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise RuleError(f"{where}: id must look like 'PREFIX-NAME' (upper case, digits, hyphens)")
    kind = raw.get("kind")
    if kind not in kind_keys:
        raise RuleError(f"{where}: kind must be one of {', '.join(sorted(kind_keys))}, not {kind!r}")
    unknown = set(raw) - COMMON_KEYS - kind_keys[kind]
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} for kind {kind!r}")
    for key in ("category", "severity", "message", "why"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RuleError(f"{where}: '{key}' is required and must be text")
    if raw["category"] not in CATEGORIES:
        raise RuleError(f"{where}: category {raw['category']!r} is not one of {', '.join(CATEGORIES)}")
    if raw["severity"] not in SEVERITIES:
        raise RuleError(f"{where}: severity {raw['severity']!r} is not one of {', '.join(SEVERITIES)}")
    suggestion = raw.get("suggestion", [])
    suggestions = [suggestion] if isinstance(suggestion, str) else list(suggestion)
    if not all(isinstance(s, str) for s in suggestions):
        raise RuleError(f"{where}: suggestion must be text or a list of texts")
    examples = raw.get("examples")
    if not isinstance(examples, dict) or not examples.get("bad") or not examples.get("good"):
        raise RuleError(f"{where}: examples need at least one 'bad' (with <m>…</m>) and one 'good' example")
    unknown_examples = set(examples) - {"bad", "good"}
    if unknown_examples:
        raise RuleError(f"{where}: examples take only 'bad' and 'good', not {', '.join(sorted(unknown_examples))}")
    bad = []
    for marked in examples["bad"]:
        if not isinstance(marked, str):
            raise RuleError(f"{where}: examples must be text")
        example = Example.parse(marked)
        if not example.spans:
            raise RuleError(f"{where}: bad example {marked!r} has no <m>…</m> span")
        bad.append(example)
    good = examples["good"]
    if not all(isinstance(g, str) for g in good):
        raise RuleError(f"{where}: examples must be text")
    zones = raw.get("zones")
    if zones is not None:
        from ..document import ZONES

        if not isinstance(zones, list) or any(z not in ZONES for z in zones):
            raise RuleError(f"{where}: zones must be a list from {', '.join(ZONES)}")
        zones = tuple(zones)
    fix = raw.get("fix")
    if fix not in (None, "safe", "unsafe"):
        raise RuleError(f"{where}: fix must be 'safe' or 'unsafe'")
    antipatterns = raw.get("antipatterns", [])
    if not isinstance(antipatterns, list) or not all(isinstance(a, str) for a in antipatterns):
        raise RuleError(f"{where}: antipatterns must be a list of regular expressions")
    params = {key: raw[key] for key in kind_keys[kind] if key in raw}
    return Rule(
        id=rule_id,
        category=raw["category"],
        severity=raw["severity"],
        kind=kind,
        message=raw["message"].strip(),
        why=raw["why"].strip(),
        source=str(raw.get("source", "")).strip(),
        suggestions=suggestions,
        bad=bad,
        good=list(good),
        params=params,
        pack=pack,
        zones=zones,
        antipatterns=antipatterns,
        fix=fix,
        enabled=bool(raw.get("enabled", True)),
        tags=list(raw.get("tags", [])),
        skip_quotes=_flag(raw, "skip_quotes", where),
        signal=_flag(raw, "signal", where),
    )
