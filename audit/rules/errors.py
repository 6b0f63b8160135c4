"""The one error of rule packs, with the place it comes from: ``path:line: rule ID: message``."""

from __future__ import annotations

import re
from pathlib import Path

from ..text.lazy import lazy_compile


class RuleError(ValueError):
    """A rule pack or rule that cannot be used. `pack` is the pack's path (or a label), `rule` the
    rule's id and `key` the offending key; the line is looked up in the pack when the error is shown."""

    def __init__(self, message: str, pack: str | None = None, rule: str | None = None, key: str | None = None):
        super().__init__(message)
        self.message = message
        self.pack = pack
        self.rule = rule
        self.key = key

    def at(self, key: str | None, message: str) -> RuleError:
        """Another error of the same pack and rule, about `key`."""
        return RuleError(message, self.pack, self.rule, key)

    def __str__(self) -> str:
        where = ""
        if self.pack:
            line = pack_line(self.pack, self.rule, self.key)
            where = f"{self.pack}:{line}: " if line else f"{self.pack}: "
        rule = f"rule {self.rule}: " if self.rule else ""
        return f"{where}{rule}{self.message}"

    def __reduce__(self):
        return (RuleError, (self.message, self.pack, self.rule, self.key))


_RULE_TABLE = lazy_compile(r"^\s*\[\[\s*rule\s*\]\]", re.MULTILINE)


def pack_line(pack: str, rule_id: str | None, key: str | None) -> int | None:
    """The 1-based line of `key` in the rule `rule_id` of a pack file (of the rule's id, or of its
    [[rule]] header, when the key is not written; of the key at the top level without a rule)."""
    try:
        text = Path(pack).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    lines = text.splitlines()
    first, last, at = 0, len(lines), None
    if rule_id is not None:
        id_line = re.compile(rf"""^\s*id\s*=\s*["']{re.escape(rule_id)}["']""")
        at = next((i for i, line in enumerate(lines) if id_line.match(line)), None)
        if at is None:
            return None
        headers = [text.count("\n", 0, m.start()) for m in _RULE_TABLE.finditer(text)]
        first = max((h for h in headers if h <= at), default=0)
        last = min((h for h in headers if h > at), default=len(lines))
        if key is None:
            return at + 1
    if key is None:
        return None
    head = key.split(".")[0]
    pattern = re.compile(rf"""^\s*(?:{re.escape(head)}|"{re.escape(head)}"|'{re.escape(head)}')\s*[.=]""")
    header = re.compile(rf"^\s*\[\s*{re.escape(head)}\s*\]")
    for index in range(first, last):
        if pattern.match(lines[index]) or (rule_id is None and header.match(lines[index])):
            return index + 1
    return at + 1 if at is not None else None


__all__ = ["RuleError", "pack_line"]
