"""The built-in packs' patterns in compiled form, shipped with the package (`precompiled.marshal`), so
that building the rule set with an empty cache (the first run after installing or upgrading, a run
with other rule folders or settings) does not parse them again: compiling some 900 `regex` patterns
and 500 `re` twins was two thirds of a cold one-file lint.

The file holds, for one `regex` version and one Python version (and `re` code format), what `regex`
pickles a compiled pattern as (its source, flags and compiled code: the arguments of `_regex.compile`)
and what `re` makes a twin from (audit/rules/cache.py `stdlib_state`), keyed by the pattern and the
flags it is compiled with; and the built-in packs as tomllib reads them, keyed by the SHA-256 of the
file's bytes (reading them was a tenth of a cold run); and which rule patterns `re` scans faster than
`regex` (a timing of both per pattern, another tenth: either answer finds the same matches). A
pattern or pack missing from it (a user pack's, one edited since the file was made) and any other
version are compiled, read or timed as before, so the file changes speed, never a finding. It is
data (marshal: strings, numbers, tuples, lists, dicts), shipped like the packs and read, never
written, by a run. Remake it after changing a built-in pack (tests/test_startup.py says when):

    python -m audit.precompile
"""

from __future__ import annotations

import _sre
import hashlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex
from regex import _regex

from ..text.shipped import current_tables, re_arguments
from .cache import regex_state, stdlib_state

FILE = Path(__file__).with_name("precompiled.marshal")

# While the file is being made: every pattern compiled through this module, by kind and key.
_recording: dict[str, dict[Any, Any]] | None = None


def versions() -> dict[str, Any]:
    """What each table depends on: the `regex` forms on the `regex` version, the `re` forms on Python's
    minor version and the format of `re`'s code; the packs on nothing (each is keyed by its bytes)."""
    return {"regex": regex.__version__, "re": (*sys.version_info[:2], _sre.MAGIC), "packs": None,
            "faster": (regex.__version__, *sys.version_info[:2])}


def _tables(read: bool = True) -> dict[str, dict[Any, Any]]:
    """The shipped tables ("regex", "re", "packs"): empty ones while recording, with no file, another
    version or an unreadable file. Read once a process, by the first build step that compiles a rule
    `regex` pattern or reads a pack (`read`); the few twins made at import (a matcher kind's own
    pattern) do not read 2 MB for themselves."""
    global _shipped
    if _recording is not None:
        return _NO_TABLES
    if _shipped is None:
        if not read:
            return _NO_TABLES
        _shipped = current_tables(FILE, versions())
    return _shipped


_shipped: dict[str, dict[Any, Any]] | None = None


_NO_TABLES: dict[str, dict[Any, Any]] = {"regex": {}, "re": {}, "packs": {}, "faster": {}}


def regex_compile(pattern: str, flags: int) -> regex.Pattern:
    """regex.compile(pattern, flags), made from its shipped compiled form when there is one."""
    key = (pattern, int(flags))
    state = _tables()["regex"].get(key)
    if state is not None:
        return _regex.compile(*state)
    compiled = regex.compile(pattern, flags)
    if _recording is not None:
        made_from = regex_state(compiled)
        if made_from is not None:
            _recording["regex"][key] = made_from
    return compiled


def twin_state(pattern: str, flags: int) -> bytes | None:
    """audit/rules/cache.py stdlib_state(pattern, flags), shipped when there is one (in this file, or
    among the patterns compiled at import: audit/text/shipped.py)."""
    key = (pattern, int(flags))
    state = _tables(read=False)["re"].get(key)
    if state is None:
        arguments = re_arguments(pattern, flags)  # a matcher kind's own pattern, twinned at import
        state = marshal.dumps(arguments) if arguments is not None else stdlib_state(pattern, flags)
        if _recording is not None and state is not None:
            _recording["re"][key] = state
    return state


def pack_data(content: bytes) -> Any:
    """What tomllib reads a built-in pack file of exactly these bytes as (a fresh copy), or None."""
    shipped = _tables()["packs"].get(hashlib.sha256(content).hexdigest())
    return marshal.loads(shipped) if shipped is not None else None


def record_pack(content: bytes, data: Any) -> None:
    """While recording: keep what the pack file of these bytes reads as."""
    if _recording is not None:
        try:
            _recording["packs"][hashlib.sha256(content).hexdigest()] = marshal.dumps(data)
        except ValueError:  # a TOML date or time: read it from the file
            pass


def re_scans_faster(pattern: regex.Pattern, measure: Callable[[], bool]) -> bool:
    """Is `re` the faster scanner of this rule pattern (audit/checks/patterns.py `_re_scans_faster`, a
    timing of both on a sample text: a tenth of a cold build)? As measured when the file was made, for
    this `regex` and Python version; else `measure()`. Either answer finds the same matches (a twin
    finds what its pattern finds): only the speed of the scan depends on it."""
    key = (pattern.pattern, int(pattern.flags))
    answer = _tables()["faster"].get(key)
    if answer is None:
        answer = measure()
        if _recording is not None:
            _recording["faster"][key] = answer
    return answer


def start_recording() -> None:
    """From now on, read no shipped form and record the compiled form of every pattern compiled
    through this module (audit/precompile.py makes the file so)."""
    global _recording
    _recording = {"regex": {}, "re": {}, "packs": {}, "faster": {}}


def stop_recording() -> dict[str, Any]:
    """What was recorded since start_recording, as the file holds it."""
    global _recording
    recorded, _recording = _recording or {table: {} for table in _NO_TABLES}, None
    return {"versions": versions(), **recorded}


__all__ = [
    "FILE", "pack_data", "re_scans_faster", "record_pack", "regex_compile", "start_recording", "stop_recording",
    "twin_state", "versions",
]
