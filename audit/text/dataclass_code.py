"""`dataclass`, with the code of the methods it writes for the package's classes shipped with the package
(`dataclass_code.marshal`).

`dataclasses.dataclass` writes a class's __init__, __repr__, __eq__ (and a frozen class's __setattr__,
__delattr__ and __hash__) as source text and compiles it with `exec`: for mtaudit's 60-odd classes some
350 compilations, a third of importing the command line (30 ms). The `dataclass` here lets `dataclasses`
run, while it decorates a class of the package, the code object the file holds for the same text: the
same function, made without compiling it (a text the file does not hold, another Python version or no
file: compiled as usual, so the file changes speed, never a class). `dataclasses` sees the shipped code
only during such a decoration (under a lock); a class of another package is never affected.
audit/precompile.py remakes the file (`python -m audit.precompile`; tests/test_startup.py says when it
is stale). It is data (marshal: each text's code as the bytes of this Python version's bytecode, loaded
when the text is asked for), read once a process.
"""

import dataclasses
import marshal
import os
import threading
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any, TypeVar, dataclass_transform

FILE = os.path.join(os.path.dirname(__file__), "dataclass_code.marshal")

# Every text `dataclasses` compiled for a class of the package in this process (what the file is made of:
# audit/precompile.py asks a fresh process that imports every module of the package).
asked: dict[str, None] = {}

_table: dict[str, bytes] | None = None


def compiled(source: str) -> CodeType:
    """What `exec(source)` compiles, as `dataclasses` calls it (no `__future__` flags)."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def _shipped() -> dict[str, bytes]:
    global _table
    if _table is None:
        try:
            with open(FILE, "rb") as file:
                data = marshal.loads(file.read())
            _table = data["code"] if data["version"] == MAGIC_NUMBER else {}
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            _table = {}
    return _table


def _shipped_code(source: str) -> CodeType | None:
    try:
        code = marshal.loads(_shipped()[source])
    except (KeyError, TypeError, ValueError, EOFError):  # not shipped, or a file of another form
        return None
    return code if isinstance(code, CodeType) else None


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:
    """`exec` as `dataclasses` calls it, with the shipped code of a text written for a class of the package."""
    if isinstance(source, str) and globals is not None and str(globals.get("__name__")).split(".")[0] == "audit":
        asked.setdefault(source)
        source = _shipped_code(source) or compiled(source)
    exec(source, globals, locals)


_Class = TypeVar("_Class", bound=type)
_decorating = threading.Lock()


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: _Class | None = None, /, **options: Any) -> Any:
    """`dataclasses.dataclass` (the same options), its methods made from the shipped code."""

    def decorate(cls: _Class) -> _Class:
        with _decorating:
            dataclasses.exec = _exec  # type: ignore[attr-defined]  (found before the built-in by its functions)
            try:
                return dataclasses.dataclass(**options)(cls)
            finally:
                del dataclasses.exec  # type: ignore[attr-defined]

    return decorate if cls is None else decorate(cls)


__all__ = ["FILE", "asked", "compiled", "dataclass"]
