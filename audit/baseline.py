"""Baselines: today's findings recorded by content, so that a desk can adopt mtaudit on an archive and
see only what is new.

A finding's key is its rule, its flagged text and the sentence it sits in (whitespace collapsed,
Unicode NFC), hashed; a key that occurs more than once in a file gets its occurrence number. Line
numbers play no part: a paragraph inserted above leaves every key as it was, and a baselined finding
stays hidden. The same keys are SARIF's `partialFingerprints`, so code-scanning uploads match alerts
across runs instead of duplicating them.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import Any, Protocol

from .atomic import write_atomically
from .safe_text import json_safe
from .sources import STDIN
from .text.dataclass_code import dataclass
from .version import __version__

FORMAT_VERSION = 1
FINGERPRINT_NAME = "mtaudit/content/v1"  # the SARIF partialFingerprints key


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message is one line and names the file."""


class TextLike(Protocol):
    """What a key needs of a document (a Document, or the TextView a worker sends back)."""

    text: str
    line_starts: list[int]
    sentences: list[tuple[int, int]]


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces, Unicode NFC: re-wrapping a paragraph changes no key."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def sentence_of(doc: TextLike, offset: int) -> str:
    """The sentence that contains `offset`, else its line."""
    index = bisect.bisect_right(doc.sentences, (offset, float("inf"))) - 1
    if index >= 0 and doc.sentences[index][0] <= offset < doc.sentences[index][1]:
        start, end = doc.sentences[index]
        return doc.text[start:end]
    line = bisect.bisect_right(doc.line_starts, offset) - 1
    start = doc.line_starts[line]
    end = doc.text.find("\n", start)
    return doc.text[start : end if end != -1 else len(doc.text)]


def content_key(rule: str, text: str, sentence: str) -> str:
    digest = hashlib.sha256("\x1f".join((rule, normalise(text), normalise(sentence))).encode("utf-8"))
    return digest.hexdigest()[:32]


def fingerprints(findings: Sequence[Any], doc: TextLike | None) -> list[str]:
    """One key per finding, in order: the content key and its occurrence in the file ("…:2")."""
    seen: dict[str, int] = {}
    keys = []
    for finding in findings:
        sentence = sentence_of(doc, finding.start) if doc is not None else ""
        key = content_key(finding.rule, finding.text, sentence)
        seen[key] = seen.get(key, 0) + 1
        keys.append(f"{key}:{seen[key]}")
    return keys


@dataclass
class StaleEntry:
    """A baselined finding that is no longer found."""

    path: str  # as recorded: relative to the baseline file's folder
    entry: dict[str, Any]

    def describe(self) -> str:
        return f"{self.path}:{self.entry.get('line', '?')}: {self.entry.get('rule')} “{self.entry.get('text', '')}”"


@dataclass
class Outcome:
    """What applying a baseline did: findings hidden as known, entries no longer found."""

    known: int = 0
    stale: list[StaleEntry] = field(default_factory=list)


@dataclass
class Baseline:
    """Recorded findings per file (paths relative to the baseline file's folder), by key."""

    location: Path
    files: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def key_of(self, path: str) -> str:
        """A linted file's path as the baseline records it."""
        if path == STDIN:
            return "<stdin>"
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.location.parent))
        return relative.replace(os.sep, "/")

    # ----------------------------------------------------------------- writing
    @classmethod
    def from_reports(cls, reports: Iterable[Any], location: str | Path) -> Baseline:
        baseline = cls(Path(location))
        for report in reports:
            if report.error:
                continue
            entries = {}
            for finding, key in zip(report.findings, fingerprints(report.findings, report.document), strict=True):
                entries[key] = {"rule": finding.rule, "line": finding.line, "column": finding.column,
                                "text": finding.text}
            if entries:
                baseline.files[baseline.key_of(report.path)] = entries
        return baseline

    def dumps(self) -> str:
        files = {
            path: [{"fingerprint": key, **entry} for key, entry in sorted(entries.items(), key=_entry_order)]
            for path, entries in sorted(self.files.items())
        }
        data = {"tool": "mtaudit", "version": __version__, "format": FORMAT_VERSION, "files": files}
        return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"  # names that are not UTF-8

    # ----------------------------------------------------------------- reading
    @classmethod
    def load(cls, location: str | Path) -> Baseline:
        location = Path(location)
        try:
            data = json.loads(location.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{location}: no such baseline file (write one with --write-baseline)") from None
        except OSError as error:
            raise BaselineError(f"{location}: cannot read: {error.strerror or error}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BaselineError(f"{location}: not a baseline file: {error}") from None
        if not isinstance(data, dict) or data.get("tool") != "mtaudit" or not isinstance(data.get("files"), dict):
            raise BaselineError(f"{location}: not an mtaudit baseline file")
        if data.get("format") != FORMAT_VERSION:
            raise BaselineError(f"{location}: baseline format {data.get('format')!r} is not {FORMAT_VERSION}; "
                                "write it again with --write-baseline")
        baseline = cls(location)
        for path, entries in data["files"].items():
            if not isinstance(entries, list) or not all(isinstance(e, dict) and "fingerprint" in e for e in entries):
                raise BaselineError(f"{location}: the entries of {path!r} are not a list of findings")
            baseline.files[path] = {
                str(e["fingerprint"]): {k: v for k, v in e.items() if k != "fingerprint"} for e in entries
            }
        return baseline

    def apply(self, reports: Iterable[Any]) -> tuple[list[Any], Outcome]:
        """The reports without the known findings (new reports: a FileReport is not changed), and the
        entries of the linted files, and of files that no longer exist, that matched nothing."""
        outcome = Outcome()
        linted: set[str] = set()
        kept_reports = []
        for report in reports:
            kept_reports.append(report)
            if report.error:
                continue
            path = self.key_of(report.path)
            linted.add(path)
            known = self.files.get(path, {})
            if not known:
                continue
            keys = fingerprints(report.findings, report.document)
            kept = tuple(finding for finding, key in zip(report.findings, keys, strict=True) if key not in known)
            outcome.known += len(report.findings) - len(kept)
            kept_reports[-1] = replace(report, findings=kept)
            matched = set(keys)
            outcome.stale += [StaleEntry(path, entry) for key, entry in known.items() if key not in matched]
        for path, entries in self.files.items():
            if path not in linted and path != "<stdin>" and not (self.location.parent / path).exists():
                outcome.stale += [StaleEntry(path, entry) for entry in entries.values()]
        outcome.stale.sort(key=lambda s: (s.path, *_entry_order(("", s.entry))))
        return kept_reports, outcome

    def notes(self, outcome: Outcome) -> list[str]:
        """Lines for standard error: the count hidden, and each stale entry."""
        lines = [f"mtaudit: {outcome.known} finding{'s' * (outcome.known != 1)} recorded in the baseline "
                 f"{self.location} not shown."]
        if outcome.stale:
            lines.append(f"mtaudit: {len(outcome.stale)} baseline entr{'ies' if len(outcome.stale) != 1 else 'y'} "
                         "no longer found (write the baseline again to drop them):")
            lines += [f"mtaudit: stale: {stale.describe()}" for stale in outcome.stale]
        return lines


def write_baseline_file(report: Any, location: str) -> str:
    """Record the report's findings in a baseline file (atomically); return what was done, in words."""
    baseline = Baseline.from_reports(report.files, location)
    try:
        write_atomically(location, baseline.dumps().encode("utf-8"))
    except OSError as error:
        raise BaselineError(f"{location}: cannot write: {error.strerror or error}") from None
    findings = sum(len(entries) for entries in baseline.files.values())
    return (f"mtaudit: wrote {findings} finding{'s' * (findings != 1)} of {len(baseline.files)} "
            f"file{'s' * (len(baseline.files) != 1)} to the baseline {location}.")


def _entry_order(item: tuple[str, dict[str, Any]]) -> tuple[int, int, str, str]:
    key, entry = item
    return (entry.get("line", 0), entry.get("column", 0), entry.get("rule", ""), key)


__all__ = ["Baseline", "BaselineError", "FINGERPRINT_NAME", "Outcome", "StaleEntry",
           "content_key", "fingerprints", "sentence_of", "write_baseline_file"]
