"""Reviewdog Diagnostic Format (rdjson): one DiagnosticResult, one diagnostic per finding, a fix or a
suggestion as a replacement of the flagged range (reviewdog shows it as a suggested change).

Positions are 1-based; rdjson counts columns in UTF-8 bytes and its end is exclusive.
"""

from __future__ import annotations

import json
from typing import Any

from ..finding import Finding
from ..report import FileReport, Report
from ..safe_text import json_safe
from ..sources import display_path

SEVERITIES = {"critical": "ERROR", "major": "ERROR", "minor": "WARNING", "neutral": "INFO"}


def _byte_column(file_report: FileReport, line: int, column: int) -> int:
    """The 1-based UTF-8 byte column of a 1-based character column on a 1-based line."""
    doc = file_report.document
    if doc is None:
        return column
    text = doc.line_text(line - 1)[: column - 1]
    bom = 3 if line == 1 and getattr(doc, "had_bom", False) else 0
    return len(text.encode("utf-8", "surrogatepass")) + 1 + bom


def _range(file_report: FileReport, finding: Finding) -> dict[str, Any]:
    return {
        "start": {"line": finding.line, "column": _byte_column(file_report, finding.line, finding.column)},
        "end": {"line": finding.end_line, "column": _byte_column(file_report, finding.end_line, finding.end_column)},
    }


def diagnostic(file_report: FileReport, finding: Finding) -> dict[str, Any]:
    span = _range(file_report, finding)
    message = finding.message + (" [in quotation]" if finding.in_quote else "")
    data: dict[str, Any] = {
        "message": message,
        "location": {"path": display_path(file_report.path), "range": span},
        "severity": SEVERITIES[finding.severity],
        "code": {"value": finding.rule},
    }
    replacement = finding.fix.replacement if finding.fix else finding.suggestion
    if replacement is not None:
        data["suggestions"] = [{"range": span, "text": replacement}]
    return data


def as_dict(report: Report) -> dict[str, Any]:
    diagnostics = [diagnostic(f, finding) for f in report.files for finding in f.findings]
    worst = max((finding.rank for finding in report.findings), default=None)
    result: dict[str, Any] = {"source": {"name": "mtaudit"}, "diagnostics": diagnostics}
    if worst is not None:
        result["severity"] = SEVERITIES[next(f.severity for f in report.findings if f.rank == worst)]
    return result


def render(report: Report) -> str:
    return json_safe(json.dumps(as_dict(report), ensure_ascii=False, indent=2)) + "\n"  # names that are not UTF-8
