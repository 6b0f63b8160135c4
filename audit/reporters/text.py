"""Plain text for a terminal: one header line per finding, the line with the span marked, a summary."""

from __future__ import annotations

from ..finding import SEVERITIES, Finding
from ..report import FileReport, Report
from ..scoring.render import score_lines
from ..sources import display_path
from ..tally import worst_first
from .colour import PLAIN, Paint

CONTEXT = 50  # characters of the line shown on each side of a span
LONG_SPAN = 60  # a longer span shows its first SPAN_HEAD and last SPAN_TAIL characters, "…" between
SPAN_HEAD = 30
SPAN_TAIL = 20


def _excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line around [start, end), and a long span to its two ends; return the excerpt and
    the span within it."""
    end = min(end, len(line))
    left = max(0, start - CONTEXT)
    right = min(len(line), max(end, start + 1) + CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    span = line[start:end]
    if end - start > LONG_SPAN:
        span = line[start : start + SPAN_HEAD] + "…" + line[end - SPAN_TAIL : end]
    before = prefix + line[left:start]
    excerpt = before + span + line[end:right] + suffix
    return excerpt.replace("\t", " "), len(before), len(before) + len(span)


def finding_header(path: str, finding: Finding, paint: Paint = PLAIN, signal: bool = False) -> str:
    severity = "signal" if signal else paint.severity(finding.severity, finding.severity)
    header = (f"{paint(path, bold=True)}:{finding.line}:{finding.column}: {severity}"
              f" [{paint(finding.rule, bold=True)}] {finding.message}")
    if finding.suggestion:
        header += f" (suggestion: {paint(finding.suggestion, fg='green')})"
    if finding.in_quote:
        header += " [in quotation]"
    return header


def render_finding(file_report: FileReport, finding: Finding, paint: Paint = PLAIN, signal: bool = False) -> list[str]:
    path = display_path(file_report.path)
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
        text += f"; {summary['files_with_errors']} could not be read"
    if "signals" in summary:
        text += f"; {summary['signals']} signal{'s' if summary['signals'] != 1 else ''}"
    verdicts = worst_first(summary.get("by_verdict") or {})
    if verdicts:
        text += "; verdicts: " + ", ".join(paint.verdict(f"{count} {verdict}", verdict) for verdict, count in verdicts)
    return text + "."


def render(report: Report, color: bool = False, concise: bool = False) -> str:
    """The text report; `concise`: one line a finding (no excerpt) and one score line an article."""
    paint = Paint(color)
    lines: list[str] = []
    for file_report in report.files:
        if file_report.error:
            continue  # errors go to standard error
        path = display_path(file_report.path)
        lines += [f"{path}: warning: {warning}" for warning in file_report.warnings]
        shown = [(f, False) for f in file_report.findings]
        if report.show_signals:
            shown = sorted(shown + [(f, True) for f in file_report.signals], key=lambda pair: pair[0].sort_key())
        for finding, signal in shown:
            if concise:
                lines.append(finding_header(path, finding, paint, signal))
            else:
                lines.extend(render_finding(file_report, finding, paint, signal))
        if file_report.scores is not None:
            lines.extend(score_lines(file_report)[:1] if concise else score_lines(file_report))
    lines.append(summary_line(report, paint))
    return "\n".join(lines) + "\n"


def render_concise(report: Report, color: bool = False) -> str:
    return render(report, color, concise=True)
