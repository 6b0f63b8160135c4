"""`dataclass`, with the code of the methods it writes for the package's classes shipped with the package
(`dataclass_code.marshal`).

`dataclasses.dataclass` writes a class's __init__, __repr__, __eq__ (and a frozen class's __setattr__,
__delattr__ and __hash__) as source text and compiles it with `exec`: for mtaudit's 60-odd classes some
350 compilations, a third of importing the command line (30 ms). The `dataclass` here lets `dataclasses`
run, while it decorates a class of the package, the code object the file holds for the same text: the
same function, made without compiling it (a text the file does not hold, another Python version or no
file: compiled as usual, so the file changes speed, never a class). `dataclasses` sees the shipped code
only during such a decoration (under a lock); a class of another package is never affected.
A class of the package without a docstring gets the one `dataclasses` writes (its name and the signature
of its __init__, which `inspect.signature` took a millisecond to make for some twenty classes of a one-file
lint) from the file too: the same text, set before `dataclasses` runs so that it does not compute it.
audit/precompile.py remakes the file (`python -m audit.precompile`; tests/test_startup.py says when it
is stale). It is data (marshal: each text's code as the bytes of this Python version's bytecode, loaded
when the text is asked for; the docstrings by class), read once a process.
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
# The docstring `dataclasses` wrote for each class of the package that had none, by module and name
# (the file's other part; with SHIP_DOCSTRINGS off, as that process has it, each is computed).
documented: dict[str, str] = {}
SHIP_DOCSTRINGS = True

_table: dict[str, bytes] | None = None
_docstrings: dict[str, str] = {}


def compiled(source: str) -> CodeType:
    """What `exec(source)` compiles, as `dataclasses` calls it (no `__future__` flags)."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def _shipped() -> dict[str, bytes]:
    global _table, _docstrings
    if _table is None:
        try:
            with open(FILE, "rb") as file:
                data = marshal.loads(file.read())
            if data["version"] == MAGIC_NUMBER:
                _table, _docstrings = data["code"], data.get("docs", {})
            else:
                _table = {}
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            _table = {}
    return _table


def _class_name(cls: type) -> str | None:
    """The module and name of a class of the package (not one made inside a function), else None."""
    module, name = cls.__module__, cls.__qualname__
    return f"{module}.{name}" if module.split(".")[0] == "audit" and "<locals>" not in name else None


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
        name = _class_name(cls) if cls.__doc__ is None else None
        if name is not None and SHIP_DOCSTRINGS:
            _shipped()
            cls.__doc__ = _docstrings.get(name)  # what dataclasses writes; still None when not shipped
        with _decorating:
            dataclasses.exec = _exec  # type: ignore[attr-defined]  (found before the built-in by its functions)
            try:
                made = dataclasses.dataclass(**options)(cls)
            finally:
                del dataclasses.exec  # type: ignore[attr-defined]
        if name is not None and made.__doc__ is not None:
            documented[name] = made.__doc__
        return made

    return decorate if cls is None else decorate(cls)


__all__ = ["FILE", "asked", "compiled", "dataclass", "documented"]
