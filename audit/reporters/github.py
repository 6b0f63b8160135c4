"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding,
shown as an annotation on the pull request's diff."""

from __future__ import annotations

from collections.abc import Iterator

from ..report import Report
from ..safe_text import terminal_safe
from ..sources import display_path

LEVELS = {"critical": "error", "major": "error", "minor": "warning", "neutral": "notice"}


def escape_data(text: str) -> str:
    """GitHub's escaping of a workflow command's message; other control characters (which the log
    viewer would interpret) and undecodable bytes of file names are made visible first."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal_safe(text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def render_chunks(report: Report) -> Iterator[str]:
    for file_report in report.files:
        path = display_path(file_report.path)
        if file_report.error:
            yield command("error", file_report.error, file=path, title="mtaudit") + "\n"
        for warning in file_report.warnings:
            yield command("warning", warning, file=path, title="mtaudit") + "\n"
        for finding in file_report.findings:
            same_line = finding.end_line == finding.line
            message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
            yield command(
                LEVELS[finding.severity],
                message,
                file=path,
                line=finding.line,
                col=finding.column,
                endLine=finding.end_line,
                # GitHub's end column is inclusive and only meaningful on a one-line annotation
                endColumn=max(finding.column, finding.end_column - 1) if same_line else None,
                title=f"{finding.rule} ({finding.severity})",
            ) + "\n"


def render(report: Report) -> str:
    return "".join(render_chunks(report))
