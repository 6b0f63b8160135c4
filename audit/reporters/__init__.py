"""Reporters: each renders the one Report/Finding type in one output format."""

from __future__ import annotations

from collections.abc import Callable

from ..engine import Report
from . import github, json_report, jsonl, sarif, text

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
}


def render(report: Report, fmt: str) -> str:
    return FORMATS[fmt](report)
