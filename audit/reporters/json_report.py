"""JSON: the contract later tools read (tool, files[].findings, summary)."""

from __future__ import annotations

import json
from typing import Any

from ..engine import Report
from ..sources import display_path


def tool_info() -> dict[str, str]:
    from .. import __version__

    return {"name": "mtaudit", "version": __version__}


def file_dict(file_report) -> dict[str, Any]:
    data = file_report.to_dict()
    data["path"] = display_path(file_report.path)
    return data


def as_dict(report: Report) -> dict[str, Any]:
    return {"tool": tool_info(), "files": [file_dict(f) for f in report.files], "summary": report.summary()}


def render(report: Report) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"
