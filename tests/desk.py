"""The tests' own small rule pack (tests/packs), so workflow tests do not hang on built-in rule ids."""

from __future__ import annotations

from pathlib import Path

from audit.config import Config

DESK_PACKS = Path(__file__).resolve().parent / "packs"
DESK_OPTIONS = ("--no-builtin-rules", "--rules", str(DESK_PACKS), "--no-scores")


def desk_config(**settings) -> Config:
    return Config(rule_dirs=(DESK_PACKS,), builtin_rules=False, **settings)

