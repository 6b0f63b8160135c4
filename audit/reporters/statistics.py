"""--statistics: how many findings each rule gave, most frequent first, under a header and over a legend."""

from __future__ import annotations

import json
from typing import Any

from ..report import Report


def statistics(report: Report) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for finding in report.findings:
        row = rows.setdefault(
            finding.rule,
            {"rule": finding.rule, "category": finding.category, "severity": finding.severity, "count": 0,
             "fixable": 0, "message": finding.message},
        )
        row["count"] += 1
        row["fixable"] += bool(finding.fix and finding.fix.safe)
    return sorted(rows.values(), key=lambda r: (-r["count"], r["rule"]))


def render(report: Report, fmt: str = "text") -> str:
    rows = statistics(report)
    if fmt in ("json", "jsonl", "sarif", "rdjson"):
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return "No findings.\n"
    width = max(len("RULE"), max(len(r["rule"]) for r in rows))
    header = f"{'COUNT':>6}  {'RULE':<{width}}  {'CATEGORY':<14} {'SEVERITY':<8} FIX"
    lines = [header] + [
        f"{r['count']:>6}  {r['rule']:<{width}}  {r['category']:<14} {r['severity']:<8} "
        f"{'[*]' if r['fixable'] else ''}".rstrip()
        for r in rows
    ]
    total = sum(r["count"] for r in rows)
    fixable = sum(r["fixable"] for r in rows)
    lines.append(f"{total:>6}  findings in all; {fixable} fixable with --fix ([*]).")
    lines.append("[*]: the rule's findings have a safe fix, which `mtaudit lint --fix` applies. Severities are MQM's "
                 "(neutral, minor, major, critical); `mtaudit rule ID` explains a rule.")
    return "\n".join(lines) + "\n"
