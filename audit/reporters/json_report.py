"""JSON: the contract later tools read (tool, files[].findings, summary)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from typing import Any

from ..output import batches
from ..report import FileReport, Report
from ..safe_text import json_safe
from ..sources import display_path
from ..version import __version__


def tool_info() -> dict[str, str]:
    return {"name": "mtaudit", "version": __version__}


def file_dict(file_report: FileReport, signals: bool = False) -> dict[str, Any]:
    data = file_report.to_dict(signals=signals)
    data["path"] = display_path(file_report.path)
    return data


def as_dict(report: Report) -> dict[str, Any]:
    files = [file_dict(f, report.show_signals) for f in report.files]
    return {"tool": tool_info(), "files": files, "summary": report.summary()}


def fixes_dict(report: Report) -> dict[str, Any]:
    """--diff --format json: per file, the fixes that would be applied and the unified diff."""
    files = []
    for file_report in report.files:
        entry: dict[str, Any] = {"path": display_path(file_report.path)}
        if file_report.error:
            entry["error"] = file_report.error
        if file_report.fix is not None:
            entry["fixes"] = [f.to_dict() for f in file_report.fix.applied]
            if file_report.fix.unlisted:
                entry["fixes_not_listed"] = file_report.fix.unlisted
            entry["diff"] = file_report.fix.diff(file_report.path)
        files.append(entry)
    return {"tool": tool_info(), "files": files, "summary": report.summary()}


PIECE_CHARS = 16 * 1024  # the size of the pieces encode_chunks gives out (at least; the last one less)


def encode_chunks(data: Any, indent: int | None = 2) -> Iterator[str]:
    """`data` as JSON, a piece at a time (nothing holds the whole text), with the characters that
    could trip a terminal or an encoder escaped (json_safe: a file name that is not UTF-8 keeps its
    surrogate escapes)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
    # iterencode's pieces are a few characters each: escaped and given out in batches
    for batch in batches(chain(encoder.iterencode(data), ("\n",)), PIECE_CHARS):
        yield json_safe(batch)


def render_chunks(report: Report) -> Iterator[str]:
    return encode_chunks(as_dict(report))


def render(report: Report) -> str:
    return "".join(render_chunks(report))
