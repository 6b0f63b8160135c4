"""Reporters: each renders the one Report/Finding type in one output format."""

from __future__ import annotations

from collections.abc import Callable

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


def render(report: Report, fmt: str, color: bool = False) -> str:
    if fmt in COLOURED:
        return FORMATS[fmt](report, color=color)  # type: ignore[call-arg]
    return FORMATS[fmt](report)
