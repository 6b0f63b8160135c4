"""Make audit/rules/precompiled.marshal, the compiled forms of the built-in packs' patterns shipped with
the package (see audit/rules/precompiled.py): build every built-in rule with nothing shipped and keep
what was compiled; and audit/scoring/likelihood.marshal, the MT-likelihood models ready to score
(see audit/scoring/likelihood.py).

    python -m audit.precompile
"""

from __future__ import annotations

import marshal
from pathlib import Path

from .checks import KINDS
from .config import Config
from .engine import CompiledPacks
from .rules import precompiled
from .rules.loader import builtin_pack_dir, load_rules
from .scoring.likelihood import write_compiled


def make(path: Path = precompiled.FILE) -> tuple[int, int, int]:
    """Write the file; returns how many `regex` patterns, `re` twins and packs it holds."""
    precompiled.start_recording()
    try:
        CompiledPacks(load_rules([builtin_pack_dir()], KINDS), Config().pack_settings())
    finally:
        data = precompiled.stop_recording()
    path.write_bytes(marshal.dumps(data))
    return len(data["regex"]), len(data["re"]), len(data["packs"])


if __name__ == "__main__":
    counts = make()
    print(f"{precompiled.FILE}: {counts[0]} regex patterns, {counts[1]} re twins, {counts[2]} packs")
    print(f"{write_compiled()}: the MT-likelihood models")
