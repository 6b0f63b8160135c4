"""Finding and reading rule packs: TOML files of [[rule]] tables."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .model import Rule, RuleError

PACK_KEYS = frozenset({"pack", "rule"})


def builtin_pack_dir() -> Path:
    """The rule packs shipped with mtaudit: inside the installed package, or `rules/` of a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rulepacks"
    if installed.is_dir():
        return installed
    checkout = package.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError(f"the built-in rule packs are missing (looked in {installed} and {checkout})")


def pack_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise RuleError(f"{directory}: rule directory not found")
    return sorted(p for p in directory.rglob("*.toml") if p.is_file())


def read_pack(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"{path}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}: cannot read rule pack: {error}") from None
    unknown = set(data) - PACK_KEYS
    if unknown:
        keys = ", ".join(sorted(unknown))
        raise RuleError(f"{path}: unknown top-level key(s) {keys} (a pack has [pack] and [[rule]])")
    rules = data.get("rule", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise RuleError(f"{path}: rules must be written as [[rule]] tables")
    return rules


def load_rules(directories: list[Path], kind_keys: dict[str, frozenset[str]]) -> list[Rule]:
    """Every rule of every pack in the directories, validated; ids must be unique."""
    from .model import build_rule

    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for directory in directories:
        for path in pack_files(directory):
            label = str(path)
            for raw in read_pack(path):
                rule = build_rule(raw, label, kind_keys)
                if rule.id in seen:
                    raise RuleError(f"{label}: rule id {rule.id!r} is already defined in {seen[rule.id]}")
                seen[rule.id] = label
                rules.append(rule)
    return rules
