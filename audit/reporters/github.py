"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding,
shown as an annotation on the pull request's diff."""

from __future__ import annotations

from ..report import Report
from ..sources import display_path

LEVELS = {"critical": "error", "major": "error", "minor": "warning", "neutral": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def render(report: Report) -> str:
    lines: list[str] = []
    for file_report in report.files:
        path = display_path(file_report.path)
        if file_report.error:
            lines.append(command("error", file_report.error, file=path, title="mtaudit"))
            continue
        for warning in file_report.warnings:
            lines.append(command("warning", warning, file=path, title="mtaudit"))
        for finding in file_report.findings:
            same_line = finding.end_line == finding.line
            message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
            lines.append(
                command(
                    LEVELS[finding.severity],
                    message,
                    file=path,
                    line=finding.line,
                    col=finding.column,
                    endLine=finding.end_line,
                    # GitHub's end column is inclusive and only meaningful on a one-line annotation
                    endColumn=max(finding.column, finding.end_column - 1) if same_line else None,
                    title=f"{finding.rule} ({finding.severity})",
                )
            )
    return "".join(line + "\n" for line in lines)
