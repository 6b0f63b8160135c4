"""Make audit/rules/precompiled.marshal, the compiled forms of the built-in packs' patterns shipped with
the package (see audit/rules/precompiled.py): build every built-in rule with nothing shipped and keep
what was compiled; audit/text/shipped.marshal, those of the patterns the package's modules compile
at import (see audit/text/shipped.py), as a fresh process that imports every module asks for them;
audit/text/dataclass_code.marshal, the code of the methods `dataclasses` writes for the package's classes
(see audit/text/dataclass_code.py), made in the same process; and audit/scoring/likelihood.marshal,
the MT-likelihood models ready to score (see audit/scoring/likelihood.py).

    python -m audit.precompile [--fresh]

A remade file keeps, for each pattern and pack unchanged since the file was made, what the file held (the
same Python and `regex` versions), so that remaking the files without a change leaves their bytes as they
were (`keep_previous`); `--fresh` compiles and times everything again.
"""

from __future__ import annotations

import functools
import marshal
import subprocess
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import regex

from .atomic import write_atomically
from .checks import KINDS
from .config import Config
from .engine import CompiledPacks
from .rules import precompiled
from .rules.cache import regex_state, stdlib_state
from .rules.loader import builtin_pack_dir, load_rules
from .scoring.likelihood import write_compiled
from .text import dataclass_code, shipped
from .text.shipped import current_tables

# Run in a fresh process: import every module of the package, print what they asked audit/text/shipped.py
# for, the texts `dataclasses` compiled for their classes and the docstrings it wrote for them, computed
# rather than read from the file (audit/text/dataclass_code.py).
_ASKED_AT_IMPORT = """
import importlib, marshal, pkgutil, sys
import audit
from audit.text import dataclass_code, shipped
dataclass_code.SHIP_DOCSTRINGS = False
for module in pkgutil.walk_packages(audit.__path__, "audit."):
    importlib.import_module(module.name)
sys.stdout.buffer.write(marshal.dumps((list(shipped.asked), list(dataclass_code.asked), dataclass_code.documented)))
"""


@functools.cache
def asked_at_import() -> tuple[list[tuple[str, str, int]], list[str], dict[str, str]]:
    """What a fresh process that imports every module of the package asks audit/text/shipped.py for, the
    texts `dataclasses` compiles for the package's classes and the docstrings it writes for them (one
    such process for both files)."""
    return marshal.loads(subprocess.run([sys.executable, "-c", _ASKED_AT_IMPORT], capture_output=True, check=True,
                                        cwd=Path(__file__).resolve().parent.parent).stdout)


def keep_previous(made: dict[str, Any], path: Path) -> dict[str, Any]:
    """`made` (a file's tables and their "versions") with the entry the file at `path` has for each key
    kept as it was, in every table it holds for the same version. Remaking a file then changes only what a
    change of the sources changed: `regex` compiles some patterns to different (equivalent) code in each
    process (it orders some sets by object address, whatever PYTHONHASHSEED is), the timings of `re`
    against `regex` differ from run to run, and marshal's bytes depend on which strings a process
    shares. Keys no longer asked for are dropped."""
    previous = current_tables(path, made["versions"])
    for table, entries in previous.items():
        made[table] = {key: entries.get(key, value) for key, value in made[table].items()}
    return made


def canonical_bytes(data: Any) -> bytes:
    """marshal's bytes of `data` as marshal reads them back: which of its objects the bytes share no
    longer depends on which the making process shared."""
    return marshal.dumps(marshal.loads(marshal.dumps(data)))


def make(path: Path = precompiled.FILE, fresh: bool = False) -> tuple[int, int, int]:
    """Write the file (what it holds for an unchanged pattern or pack kept, unless `fresh`); returns how
    many `regex` patterns, `re` twins and packs it holds."""
    precompiled.start_recording()
    try:
        CompiledPacks(load_rules([builtin_pack_dir()], KINDS), Config().pack_settings())
    finally:
        data = precompiled.stop_recording()
    if not fresh:
        data = keep_previous(data, path)
    write_atomically(str(path), canonical_bytes(data))
    return len(data["regex"]), len(data["re"]), len(data["packs"])


def shipped_tables() -> dict[str, dict]:
    """What audit/text/shipped.marshal holds: the compiled form of every pattern the package's modules ask
    for at import, for this Python and `regex` version."""
    asked, _texts, _docstrings = asked_at_import()
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


def make_shipped(path: Path = shipped.FILE, fresh: bool = False) -> tuple[int, int]:
    """Write audit/text/shipped.marshal (what it holds for an unchanged pattern kept, unless `fresh`);
    returns how many `re` and `regex` patterns it holds."""
    tables = shipped_tables()
    if not fresh:
        tables = keep_previous(tables, Path(path))
    write_atomically(str(path), canonical_bytes(tables))
    return len(tables["re"]), len(tables["regex"])


def dataclass_code_table() -> dict[str, Any]:
    """What audit/text/dataclass_code.marshal holds: the code of every text `dataclasses` compiles for the
    package's classes, for this Python's bytecode, and the docstrings it writes for them."""
    _asked, texts, docstrings = asked_at_import()
    code = {text: marshal.dumps(dataclass_code.compiled(text)) for text in sorted(texts)}
    return {"version": MAGIC_NUMBER, "code": code, "docs": dict(sorted(docstrings.items()))}


def make_dataclass_code(path: Path = Path(dataclass_code.FILE)) -> int:
    """Write audit/text/dataclass_code.marshal; returns how many texts it holds."""
    table = dataclass_code_table()
    write_atomically(str(path), marshal.dumps(table))
    return len(table["code"])


def main(arguments: list[str]) -> int:
    if arguments not in ([], ["--fresh"]):
        print("usage: python -m audit.precompile [--fresh]", file=sys.stderr)
        return 2
    fresh = arguments == ["--fresh"]
    counts = make(fresh=fresh)
    print(f"{precompiled.FILE}: {counts[0]} regex patterns, {counts[1]} re twins, {counts[2]} packs")
    module_counts = make_shipped(fresh=fresh)
    print(f"{shipped.FILE}: {module_counts[0]} re patterns, {module_counts[1]} regex patterns")
    print(f"{dataclass_code.FILE}: the code of {make_dataclass_code()} dataclass methods")
    print(f"{write_compiled()}: the MT-likelihood models")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
