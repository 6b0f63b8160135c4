"""Finding and reading rule packs: TOML files of an optional [pack] table and [[rule]] tables."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RuleError
from .model import Rule
from .packdirs import rule_pack_files
from .precompiled import pack_data, record_pack

if TYPE_CHECKING:
    from .build import KindSpec

# audit/rules/build.py (the keys of a rule table and their validation) is imported by the functions that
# read packs: a run served by the rule-set cache reads none, and does not import it (start-up, issue 14).

PACK_KEYS = frozenset({"pack", "rule"})


@functools.cache
def builtin_pack_dir() -> Path:
    """The rule packs shipped with mtaudit: inside the installed package, or `rules/` of a checkout (found
    once a process: resolving the package's path for each of the sixteen built-in packs was a millisecond
    of a one-file lint)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rulepacks"
    if installed.is_dir():
        return installed
    checkout = package.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError(f"the built-in rule packs are missing (looked in {installed} and {checkout})")


def pack_files(directory: Path) -> list[Path]:
    return rule_pack_files(directory)  # a bounded walk: audit/rules/packdirs.py


def read_pack(path: Path) -> list[dict[str, Any]]:
    """The raw [[rule]] tables of a pack, after checking its top level and its [pack] table."""
    import tomllib  # reading packs is building the rule set: a run served by the cache does not import it

    label = str(path)
    try:
        content = path.read_bytes()
        data = pack_data(content)  # a built-in pack as shipped read (audit/rules/precompiled.py)
        if data is None:
            data = tomllib.loads(content.decode("utf-8"))
            record_pack(content, data)
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"{path}: {error}") from None
    except RecursionError:
        raise RuleError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{path}: cannot read rule pack: {error}") from None
    unknown = set(data) - PACK_KEYS
    if unknown:
        keys = ", ".join(sorted(unknown))
        raise RuleError(f"unknown top-level key(s) {keys} (a pack has [pack] and [[rule]])", label, None,
                        sorted(unknown)[0])
    if "pack" in data:
        from .build import check_pack_table  # reading a pack (see the imports)

        check_pack_table(data["pack"], label)
    rules = data.get("rule", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise RuleError("rules must be written as [[rule]] tables", label, None, "rule")
    return rules


def load_rules(directories: list[Path], kinds: dict[str, KindSpec], loaded: list[Rule] | None = None) -> list[Rule]:
    """Every rule of every pack in the directories, validated, after the rules `loaded` already;
    ids must be unique."""
    from .build import build_rule  # building the rule set (see the imports)

    rules: list[Rule] = list(loaded or [])
    seen: dict[str, str] = {rule.id: rule.pack for rule in rules}
    for directory in directories:
        for path in pack_files(directory):
            label = str(path)
            for raw in read_pack(path):
                rule = build_rule(raw, label, kinds)
                if rule.id in seen:
                    raise RuleError(f"id {rule.id!r} is already defined in {seen[rule.id]}", label, rule.id, "id")
                seen[rule.id] = label
                rules.append(rule)
    return rules
