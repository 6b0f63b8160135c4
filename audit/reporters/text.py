"""Plain text for a terminal: one header line per finding, the line with the span marked, a summary."""

from __future__ import annotations

from ..engine import FileReport, Report
from ..finding import SEVERITIES, Finding
from ..sources import display_path

CONTEXT = 50  # characters of the line shown on each side of a long span


def _excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line around [start, end); return the excerpt and the span within it."""
    left = max(0, start - CONTEXT)
    right = min(len(line), max(end, start + 1) + CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    excerpt = prefix + line[left:right] + suffix
    return excerpt.replace("\t", " "), start - left + len(prefix), end - left + len(prefix)


def finding_header(path: str, finding: Finding) -> str:
    header = f"{path}:{finding.line}:{finding.column}: {finding.severity} [{finding.rule}] {finding.message}"
    if finding.suggestion:
        header += f" (suggestion: {finding.suggestion})"
    if finding.in_quote:
        header += " [in quotation]"
    return header


def render_finding(file_report: FileReport, finding: Finding) -> list[str]:
    path = display_path(file_report.path)
    out = [finding_header(path, finding)]
    doc = file_report.document
    if doc is not None:
        line_text = doc.line_text(finding.line - 1)
        line_end = len(line_text) + 1 if finding.end_line > finding.line else finding.end_column
        excerpt, s, e = _excerpt(line_text, finding.column - 1, line_end - 1)
        gutter = f"{finding.line:>5} | "
        out.append(gutter + excerpt)
        out.append(" " * (len(gutter) - 2) + "| " + " " * s + "^" * max(1, e - s))
    return out


def summary_line(report: Report) -> str:
    summary = report.summary()
    counts = ", ".join(f"{summary['by_severity'][s]} {s}" for s in reversed(SEVERITIES) if summary["by_severity"][s])
    files = summary["files"]
    text = f"{summary['findings']} finding{'s' if summary['findings'] != 1 else ''}"
    if counts:
        text += f" ({counts})"
    text += f" in {files} file{'s' if files != 1 else ''}"
    if summary["files_with_errors"]:
        text += f"; {summary['files_with_errors']} could not be read"
    return text + "."


def render(report: Report) -> str:
    lines: list[str] = []
    for file_report in report.files:
        if file_report.error:
            continue  # errors go to standard error
        for warning in file_report.warnings:
            lines.append(f"{display_path(file_report.path)}: warning: {warning}")
        for finding in file_report.findings:
            lines.extend(render_finding(file_report, finding))
        if file_report.scores is not None:
            from ..scoring.render import score_lines

            lines.extend(score_lines(file_report))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
