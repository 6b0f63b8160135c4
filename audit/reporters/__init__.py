"""Reporters: each renders the one Report/Finding type in one output format."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..report import Report
from . import github, html, json_report, jsonl, rdjson, sarif, text

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "concise": text.render_concise,
    "json": json_report.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "rdjson": rdjson.render,
    "github": github.render,
    "html": html.render,
}
COLOURED = frozenset({"text", "concise"})  # the formats that take colour (for a terminal)
# The formats written a piece at a time, as they are rendered, rather than held whole.
CHUNKED: dict[str, Callable[..., Iterator[str]]] = {
    "text": text.render_chunks,
    "concise": text.render_concise_chunks,
    "json": json_report.render_chunks,
    "jsonl": jsonl.render_chunks,
    "sarif": sarif.render_chunks,
    "github": github.render_chunks,
}


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
