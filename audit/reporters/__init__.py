"""Reporters: each renders the one Report/Finding type in one output format. A format's module is
imported when it is used (a text report does not load the HTML report's code)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..report import Report

Renderer = Callable[[Report], str]

class _Lazy(Mapping[str, Callable[..., Any]]):
    """Format name -> function, each module imported when its function is first looked up."""

    def __init__(self, table: dict[str, tuple[str, str]]) -> None:
        self._table = table  # format -> (module of this package, its function)

    def __getitem__(self, fmt: str) -> Callable[..., Any]:
        module, function = self._table[fmt]
        return getattr(importlib.import_module(f"{__name__}.{module}"), function)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


FORMATS: Mapping[str, Renderer] = _Lazy({
    "text": ("text", "render"),
    "concise": ("text", "render_concise"),
    "json": ("json_report", "render"),
    "jsonl": ("jsonl", "render"),
    "sarif": ("sarif", "render"),
    "rdjson": ("rdjson", "render"),
    "github": ("github", "render"),
    "html": ("html", "render"),
})
COLOURED = frozenset({"text", "concise"})  # the formats that take colour (for a terminal)
# The formats written a piece at a time, as they are rendered, rather than held whole.
CHUNKED: Mapping[str, Callable[..., Iterator[str]]] = _Lazy({
    "text": ("text", "render_chunks"),
    "concise": ("text", "render_concise_chunks"),
    "json": ("json_report", "render_chunks"),
    "jsonl": ("jsonl", "render_chunks"),
    "sarif": ("sarif", "render_chunks"),
    "github": ("github", "render_chunks"),
})


def render(report: Report, fmt: str, color: bool = False) -> str:
    if fmt in COLOURED:
        return FORMATS[fmt](report, color=color)  # type: ignore[call-arg]
    return FORMATS[fmt](report)


def render_chunks(report: Report, fmt: str, color: bool = False) -> Iterator[str]:
    """render(report, fmt, color) in pieces (their concatenation is the same text)."""
    if fmt not in CHUNKED:
        yield render(report, fmt, color)
        return
    yield from CHUNKED[fmt](report, color=color) if fmt in COLOURED else CHUNKED[fmt](report)
