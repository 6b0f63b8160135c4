"""Module-level regular expressions compiled when first used, not when their module is imported.

A one-file lint imports some sixty modules of mtaudit, and compiling every module-level pattern at
import cost about 15 ms of the run, half of it for patterns a plain article never reaches (suppression
comments, Markdown, e-mail addresses, terminal escapes). `lazy_compile(...)` stands where a module
would write `re.compile(...)` (or `regex.compile`, as `compiler`): the first attribute looked up
(`finditer`, `search`, `pattern` …) compiles the pattern, and each attribute is then kept on the
object, so later look-ups cost what a pattern's own do. It is not a `re.Pattern` (no isinstance,
no `re.sub(PATTERN, …)`): use it only where the pattern's methods are called.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast


class MadeWhenUsed:
    """An object made by `_make()` at the first attribute looked up on this stand-in, each attribute
    then kept on the stand-in (a later look-up is an instance attribute's)."""

    def _make(self) -> Any:
        raise NotImplementedError

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # special names are looked up on the type, never made here
            raise AttributeError(name)
        attributes = self.__dict__
        made = attributes.get("_compiled")
        if made is None:
            made = attributes["_compiled"] = self._make()
        value = attributes[name] = getattr(made, name)
        return value


class LazyRegex(MadeWhenUsed):
    """A pattern compiled by `compiler(pattern, flags)` at the first attribute looked up on it."""

    def __init__(self, compiler: Callable[[str, int], Any], pattern: str, flags: int = 0) -> None:
        self._recipe = (compiler, pattern, flags)

    def _make(self) -> Any:
        compiler, pattern, flags = self._recipe
        return compiler(pattern, flags)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return LazyRegex, self._recipe

    def __repr__(self) -> str:
        return f"lazy_compile({self._recipe[1]!r}, {self._recipe[2]!r})"


def lazy_compile(pattern: str, flags: int = 0, compiler: Callable[[str, int], Any] = re.compile) -> re.Pattern[str]:
    """`compiler(pattern, flags)` (re.compile unless told), made when first used (see the module)."""
    return cast("re.Pattern[str]", LazyRegex(compiler, pattern, flags))


__all__ = ["LazyRegex", "MadeWhenUsed", "lazy_compile"]
