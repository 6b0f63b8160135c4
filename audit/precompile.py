"""Make audit/rules/precompiled.marshal, the compiled forms of the built-in packs' patterns shipped with
the package (see audit/rules/precompiled.py): build every built-in rule with nothing shipped and keep
what was compiled; audit/text/shipped.marshal, those of the patterns the package's modules compile
at import (see audit/text/shipped.py), as a fresh process that imports every module asks for them; and
audit/scoring/likelihood.marshal, the MT-likelihood models ready to score (see audit/scoring/likelihood.py).

    python -m audit.precompile
"""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import regex

from .checks import KINDS
from .config import Config
from .engine import CompiledPacks
from .rules import precompiled
from .rules.cache import regex_state, stdlib_state
from .rules.loader import builtin_pack_dir, load_rules
from .scoring.likelihood import write_compiled
from .text import shipped

# Run in a fresh process: import every module of the package, print what they asked audit/text/shipped.py for.
_ASKED_AT_IMPORT = """
import importlib, marshal, pkgutil, sys
import audit
from audit.text import shipped
for module in pkgutil.walk_packages(audit.__path__, "audit."):
    importlib.import_module(module.name)
sys.stdout.buffer.write(marshal.dumps(list(shipped.asked)))
"""


def make(path: Path = precompiled.FILE) -> tuple[int, int, int]:
    """Write the file; returns how many `regex` patterns, `re` twins and packs it holds."""
    precompiled.start_recording()
    try:
        CompiledPacks(load_rules([builtin_pack_dir()], KINDS), Config().pack_settings())
    finally:
        data = precompiled.stop_recording()
    path.write_bytes(marshal.dumps(data))
    return len(data["regex"]), len(data["re"]), len(data["packs"])


def shipped_tables() -> dict[str, dict]:
    """What audit/text/shipped.marshal holds: the compiled form of every pattern the package's modules ask
    for at import, for this Python and `regex` version."""
    asked = marshal.loads(subprocess.run([sys.executable, "-c", _ASKED_AT_IMPORT], capture_output=True, check=True,
                                         cwd=Path(__file__).resolve().parent.parent).stdout)
    tables: dict[str, dict] = {"versions": shipped.versions(), "re": {}, "regex": {}}
    for kind, pattern, flags in asked:
        if kind == "re":
            state = stdlib_state(pattern, flags)
            if state is not None:
                tables["re"][pattern, flags] = marshal.loads(state)
        else:
            made_from = regex_state(regex.compile(pattern, flags))
            if made_from is not None:
                tables["regex"][pattern, flags] = made_from
    return tables


def make_shipped(path: Path = shipped.FILE) -> tuple[int, int]:
    """Write audit/text/shipped.marshal; returns how many `re` and `regex` patterns it holds."""
    tables = shipped_tables()
    path.write_bytes(marshal.dumps(tables))
    return len(tables["re"]), len(tables["regex"])


if __name__ == "__main__":
    counts = make()
    print(f"{precompiled.FILE}: {counts[0]} regex patterns, {counts[1]} re twins, {counts[2]} packs")
    module_counts = make_shipped()
    print(f"{shipped.FILE}: {module_counts[0]} re patterns, {module_counts[1]} regex patterns")
    print(f"{write_compiled()}: the MT-likelihood models")
