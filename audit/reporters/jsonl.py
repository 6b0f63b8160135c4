"""JSON Lines: one line per file (path, findings, error, warnings), for streams and log pipelines."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..report import Report
from ..safe_text import json_safe
from .json_report import file_dict


def render_chunks(report: Report) -> Iterator[str]:
    for file_report in report.files:
        yield json_safe(json.dumps(file_dict(file_report, report.show_signals), ensure_ascii=False)) + "\n"


def render(report: Report) -> str:
    return "".join(render_chunks(report))
