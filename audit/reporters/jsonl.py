"""JSON Lines: one line per file (path, findings, error, warnings), for streams and log pipelines."""

from __future__ import annotations

import json

from ..report import Report
from .json_report import file_dict


def render(report: Report) -> str:
    return "".join(json.dumps(file_dict(f, report.show_signals), ensure_ascii=False) + "\n" for f in report.files)
