"""SARIF 2.1.0, for code-scanning dashboards: one run, the rules that fired, one result per finding."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from ..baseline import FINGERPRINT_NAME, fingerprints
from ..config import Config
from ..engine import RuleSet
from ..finding import Finding
from ..report import FileReport, Report
from ..rules.model import Rule
from ..safe_text import uri_path
from ..sources import STDIN, display_path
from ..version import __version__
from .json_report import encode_chunks

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"critical": "error", "major": "error", "minor": "warning", "neutral": "note"}


def artifact_uri(path: str) -> str:
    """A relative URI for a path under the current folder, a file: URI otherwise; the bytes of the
    name percent-encoded (a name that is not UTF-8 keeps its own bytes: %E9)."""
    if path == STDIN:
        return "stdin"
    shown = display_path(path)
    if os.path.isabs(shown):
        return "file://" + uri_path(os.path.normpath(shown).replace(os.sep, "/"))
    return uri_path(shown.replace(os.sep, "/"))


def _region(finding: Finding) -> dict[str, int]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def _rule_descriptor(rule_id: str, rule: Rule | None, finding: Finding) -> dict[str, Any]:
    if rule is None:
        return {
            "id": rule_id,
            "shortDescription": {"text": finding.message},
            "properties": {"category": finding.category, "severity": finding.severity},
        }
    source = f"\nSource: {rule.source}" if rule.source else ""
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.message.splitlines()[0]},
        "fullDescription": {"text": rule.why},
        "help": {"text": f"{rule.why}\n\nSee: mtaudit rule {rule.id}" + source},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "severity": rule.severity, "fixable": rule.fixable},
    }


def _result(file_report: FileReport, finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    uri = artifact_uri(file_report.path)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(finding)}}],
        # the baseline's content key: code scanning matches an alert across runs by it, not by line
        "partialFingerprints": {FINGERPRINT_NAME: fingerprint},
        "properties": {"category": finding.category, "severity": finding.severity, "zone": finding.zone},
    }
    if finding.fix and finding.fix.safe:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with “{finding.fix.replacement}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {"deletedRegion": _region(finding), "insertedContent": {"text": finding.fix.replacement}}
                        ],
                    }
                ],
            }
        ]
    return result


def as_dict(report: Report) -> dict[str, Any]:
    known = known_rules(report)
    descriptors: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file_report in report.files:
        location = [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(file_report.path)}}}]
        if file_report.error:
            notifications.append({"level": "error", "message": {"text": file_report.error}, "locations": location})
        for warning in file_report.warnings:
            notifications.append({"level": "warning", "message": {"text": warning}, "locations": location})
        keys = fingerprints(file_report.findings, file_report.document)
        for finding, key in zip(file_report.findings, keys, strict=True):
            if finding.rule not in index_of:
                index_of[finding.rule] = len(descriptors)
                descriptors.append(_rule_descriptor(finding.rule, known.get(finding.rule), finding))
            results.append(_result(file_report, finding, index_of[finding.rule], key))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mtaudit",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not any(f.error for f in report.files),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def known_rules(report: Report) -> dict[str, Rule]:
    """The rules of the report's configurations (id -> rule), else the built-in rules."""
    if report.rules:
        return dict(report.rules)
    return RuleSet.load(Config()).by_id


def render_chunks(report: Report) -> Iterator[str]:
    return encode_chunks(as_dict(report))


def render(report: Report) -> str:
    return "".join(render_chunks(report))
