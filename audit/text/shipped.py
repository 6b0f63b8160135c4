"""Module-level patterns made from their compiled form, shipped with the package (`shipped.marshal`).

`re.compile` parses a pattern and generates its code in Python: the patterns mtaudit's modules compile
at import cost some 10 ms of every start-up (a class of Cyrillic, Greek, Han … ranges alone 4 ms).
`compiled_re(pattern, flags)` stands where a module would write `re.compile(pattern, flags)` (and
`compiled_regex` for `regex.compile`): the pattern is made in C from the arguments `re` (or `regex`)
would make it from, read from the file, which audit/precompile.py writes for this Python and `regex`
version (remade with the built-in packs' forms: `python -m audit.precompile`; tests/test_startup.py
says when it is stale). A pattern missing from the file (edited since it was made), another version
or no file: compiled as usual, so the file changes speed, never a match. The file is data (marshal:
strings, numbers, tuples, lists, dicts), read once a process, never written by a run.
"""

from __future__ import annotations

import _sre
import marshal
import re
import sys
from pathlib import Path
from typing import Any

import regex
from regex import _regex

FILE = Path(__file__).with_name("shipped.marshal")

# Every pattern asked for in this process, as ("re" or "regex", pattern, flags): what the file is made of
# (audit/precompile.py asks a fresh process that imports every module of the package).
asked: dict[tuple[str, str, int], None] = {}

_tables: dict[str, dict[tuple[str, int], Any]] | None = None


def versions() -> dict[str, Any]:
    """What each table depends on: the `re` arguments on Python's minor version and the format of `re`'s
    code, the `regex` ones on the `regex` version."""
    return {"re": (*sys.version_info[:2], _sre.MAGIC), "regex": regex.__version__}


def current_tables(path: Path, now: dict[str, Any]) -> dict[str, dict[Any, Any]]:
    """The tables of a shipped marshal file (tables by name, and the "versions" each was made for) that
    were made for the versions `now` gives, by name: an empty table for one made for another version,
    and all empty when the file is missing or unreadable (this file, audit/rules/precompiled.marshal,
    and audit/precompile.py remaking either)."""
    try:
        data = marshal.loads(Path(path).read_bytes())
        made_for = data["versions"]
        return {name: data[name] if made_for[name] == version and isinstance(data[name], dict) else {}
                for name, version in now.items()}
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        return {name: {} for name in now}


def _table(kind: str) -> dict[tuple[str, int], Any]:
    global _tables
    if _tables is None:
        _tables = current_tables(FILE, versions())
    return _tables[kind]


def re_arguments(pattern: str, flags: int = 0) -> tuple[Any, ...] | None:
    """The shipped arguments of `_sre.compile` that make `re.compile(pattern, flags)`, or None."""
    key = (pattern, int(flags))
    asked.setdefault(("re", *key))
    return _table("re").get(key)


def compiled_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), made from its shipped form when there is one."""
    arguments = re_arguments(pattern, flags)
    return _sre.compile(*arguments) if arguments is not None else re.compile(pattern, flags)


def compiled_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """regex.compile(pattern, flags), made from its shipped form when there is one."""
    key = (pattern, int(flags))
    asked.setdefault(("regex", *key))
    state = _table("regex").get(key)
    return _regex.compile(*state) if state is not None else regex.compile(pattern, flags)


__all__ = ["FILE", "asked", "compiled_re", "compiled_regex", "current_tables", "re_arguments", "versions"]
