"""Plain text for a terminal: one header line per finding, the line with the span marked, a summary."""

from __future__ import annotations

from collections.abc import Iterator

from ..finding import SEVERITIES, Finding
from ..report import FileReport, Report
from ..safe_text import terminal_safe
from ..sources import display_path
from ..tally import worst_first
from .colour import PLAIN, Paint

CONTEXT = 50  # characters of the line shown on each side of a span
LONG_SPAN = 60  # a longer span shows its first SPAN_HEAD and last SPAN_TAIL characters, "…" between
SPAN_HEAD = 30
SPAN_TAIL = 20


def _excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line around [start, end), and a long span to its two ends; return the excerpt and
    the span within it. Control characters are escaped after the cut (terminal_safe), so no cut can
    leave half an escape sequence raw, and the span is measured in the escaped text."""
    end = max(start, min(end, len(line)))
    left = max(0, start - CONTEXT)
    right = min(len(line), max(end, start + 1) + CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""

    def shown(piece: str) -> str:
        return terminal_safe(piece.replace("\t", " "))

    span = shown(line[start:end])
    if end - start > LONG_SPAN:
        span = shown(line[start : start + SPAN_HEAD]) + "…" + shown(line[end - SPAN_TAIL : end])
    before = prefix + shown(line[left:start])
    return before + span + shown(line[end:right]) + suffix, len(before), len(before) + len(span)


def finding_header(path: str, finding: Finding, paint: Paint = PLAIN, signal: bool = False) -> str:
    """The finding's first line; the path, rule, message and suggestion made terminal-safe before
    any colour is added (a name or a message cannot carry an escape sequence of its own)."""
    severity = "signal" if signal else paint.severity(finding.severity, finding.severity)
    header = (f"{paint(terminal_safe(path), bold=True)}:{finding.line}:{finding.column}: {severity}"
              f" [{paint(terminal_safe(finding.rule), bold=True)}] {terminal_safe(finding.message)}")
    if finding.suggestion:
        header += f" (suggestion: {paint(terminal_safe(finding.suggestion), fg='green')})"
    if finding.in_quote:
        header += " [in quotation]"
    return header


def render_finding(
    file_report: FileReport, finding: Finding, paint: Paint = PLAIN, signal: bool = False, path: str | None = None
) -> list[str]:
    """The finding's lines: its header and, with the document, the line with the span marked. `path`:
    the file's display_path, when the caller has it."""
    path = display_path(file_report.path) if path is None else path
    out = [finding_header(path, finding, paint, signal)]
    doc = file_report.document
    if doc is not None:
        line_text = doc.line_text(finding.line - 1)
        line_end = len(line_text) + 1 if finding.end_line > finding.line else finding.end_column
        excerpt, s, e = _excerpt(line_text, finding.column - 1, line_end - 1)
        gutter = f"{finding.line:>5} | "
        out.append(paint(gutter, dim=True) + excerpt)
        carets = paint.severity("^" * max(1, e - s), finding.severity)
        out.append(paint(" " * (len(gutter) - 2) + "| ", dim=True) + " " * s + carets)
    return out


def summary_line(report: Report, paint: Paint = PLAIN) -> str:
    summary = report.summary()
    counts = ", ".join(
        paint.severity(f"{summary['by_severity'][s]} {s}", s) for s in reversed(SEVERITIES) if summary["by_severity"][s]
    )
    files = summary["files"]
    text = f"{summary['findings']} finding{'s' if summary['findings'] != 1 else ''}"
    if counts:
        text += f" ({counts})"
    text += f" in {files} file{'s' if files != 1 else ''}"
    if summary["files_with_errors"]:
        text += f"; {summary['files_with_errors']} with errors (on standard error)"
    if "signals" in summary:
        text += f"; {summary['signals']} signal{'s' if summary['signals'] != 1 else ''}"
    verdicts = worst_first(summary.get("by_verdict") or {})
    if verdicts:
        text += "; verdicts: " + ", ".join(paint.verdict(f"{count} {verdict}", verdict) for verdict, count in verdicts)
    return text + "."


def render_file(report: Report, file_report: FileReport, paint: Paint = PLAIN, concise: bool = False) -> Iterator[str]:
    """The lines of one file's part of the report (a file that could not be read has none: its
    error goes to standard error; one that could not be written keeps its findings)."""
    if file_report.error and not file_report.findings:
        return
    path = display_path(file_report.path)
    yield from (terminal_safe(f"{path}: warning: {warning}") for warning in file_report.warnings)
    shown = [(f, False) for f in file_report.findings]
    if report.show_signals:
        shown = sorted(shown + [(f, True) for f in file_report.signals], key=lambda pair: pair[0].sort_key())
    for finding, signal in shown:
        if concise:
            yield finding_header(path, finding, paint, signal)
        else:
            yield from render_finding(file_report, finding, paint, signal, path)
    if file_report.scores is not None:
        from ..scoring.render import score_lines  # a report without scores does not import scoring (issue 14)

        lines = score_lines(file_report)
        yield from (terminal_safe(line) for line in (lines[:1] if concise else lines))


def render_chunks(report: Report, color: bool = False, concise: bool = False) -> Iterator[str]:
    """The text report a file at a time, for writing as it is rendered; `concise`: one line a
    finding (no excerpt) and one score line an article."""
    paint = Paint(color)
    for file_report in report.files:
        lines = list(render_file(report, file_report, paint, concise))
        if lines:
            yield "\n".join(lines) + "\n"
    yield summary_line(report, paint) + "\n"


def render(report: Report, color: bool = False, concise: bool = False) -> str:
    """The text report; `concise`: one line a finding (no excerpt) and one score line an article."""
    return "".join(render_chunks(report, color, concise))


def render_concise(report: Report, color: bool = False) -> str:
    return render(report, color, concise=True)


def render_concise_chunks(report: Report, color: bool = False) -> Iterator[str]:
    return render_chunks(report, color, concise=True)
