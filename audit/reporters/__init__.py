"""Reporters: each renders the one Report/Finding type in one output format. A format's module is
imported when it is used (a text report does not load the HTML report's code)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator

from ..report import Report

Renderer = Callable[[Report], str]

# format -> (module of this package, its function)
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "render"),
    "concise": ("text", "render_concise"),
    "json": ("json_report", "render"),
    "jsonl": ("jsonl", "render"),
    "sarif": ("sarif", "render"),
    "rdjson": ("rdjson", "render"),
    "github": ("github", "render"),
    "html": ("html", "render"),
}
COLOURED = frozenset({"text", "concise"})  # the formats that take colour (for a terminal)
# The formats written a piece at a time, as they are rendered, rather than held whole.
CHUNKED: dict[str, tuple[str, str]] = {
    "text": ("text", "render_chunks"),
    "concise": ("text", "render_concise_chunks"),
    "json": ("json_report", "render_chunks"),
    "jsonl": ("jsonl", "render_chunks"),
    "sarif": ("sarif", "render_chunks"),
    "github": ("github", "render_chunks"),
}


def _function(table: dict[str, tuple[str, str]], fmt: str) -> Callable[..., object]:
    module, function = table[fmt]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def render(report: Report, fmt: str, color: bool = False) -> str:
    renderer = _function(FORMATS, fmt)
    return renderer(report, color=color) if fmt in COLOURED else renderer(report)  # type: ignore[return-value]


def render_chunks(report: Report, fmt: str, color: bool = False) -> Iterator[str]:
    """render(report, fmt, color) in pieces (their concatenation is the same text)."""
    if fmt not in CHUNKED:
        yield render(report, fmt, color)
        return
    chunks = _function(CHUNKED, fmt)
    yield from chunks(report, color=color) if fmt in COLOURED else chunks(report)  # type: ignore[misc]
