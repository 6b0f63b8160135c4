"""`mtaudit score`: a table of article scores (`mtaudit compare` is in compare.py)."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import click

from ..changed_lines import GitError
from ..config_file import ConfigError
from ..report import FileReport, Report
from ..rules.errors import RuleError
from ..runner import Options, UsageError, run
from ..safe_text import json_safe, terminal_safe
from ..scoring.render import mt_score_text
from ..sources import display_path
from .options import config_option, ignore_option, jobs_option, select_option, split_selectors


def _readability(report: FileReport, name: str) -> Any:
    readability = report.scores.readability if report.scores else None
    return getattr(readability, name) if readability is not None else None


def _mt_score(report: FileReport) -> str | None:
    percentile = report.scores.mt_native_percentile
    return None if percentile is None else mt_score_text(percentile)


# Table columns: (name used by --sort, header, how to read it from a FileReport, format, and how to show
# it when that differs: the MT score sorts by the likelihood and shows its native percentile).
COLUMNS: tuple[tuple[Any, ...], ...] = (
    ("mt_likelihood", "MT-pctl", lambda r: r.scores.mt_likelihood, "{}", _mt_score),
    ("verdict", "verdict", lambda r: r.verdict, "{}"),
    ("quality", "quality", lambda r: r.scores.quality, "{:.1f}"),
    ("penalty", "pen/1k", lambda r: r.scores.mqm.penalty_per_1000, "{:.1f}"),
    ("fidelity", "fidelity", lambda r: r.scores.fidelity.score, "{:.1f}"),
    ("flesch", "Flesch", lambda r: _readability(r, "flesch_reading_ease"), "{:.1f}"),
    ("fk_grade", "FK", lambda r: _readability(r, "flesch_kincaid_grade"), "{:.1f}"),
    ("fog", "fog", lambda r: _readability(r, "gunning_fog"), "{:.1f}"),
    ("smog", "SMOG", lambda r: _readability(r, "smog"), "{:.1f}"),
    ("dale_chall", "D-C", lambda r: _readability(r, "dale_chall"), "{:.1f}"),
    ("words", "words", lambda r: r.scores.words, "{}"),
    ("findings", "findings", lambda r: len(r.findings), "{}"),
    ("language", "lang", lambda r: r.scores.language.code, "{}"),
)
SORT_KEYS = [name for name, *_rest in COLUMNS] + ["path"]


def fail(message: str) -> None:
    click.echo(f"mtaudit: error: {message}", err=True)
    sys.exit(2)


def _cell(report, column) -> Any:
    try:
        return column[2](report)
    except (KeyError, TypeError, AttributeError):
        return None


def _sort_value(report, key: str) -> tuple:
    if key == "path":
        return (0, report.path)
    value = _cell(report, next(c for c in COLUMNS if c[0] == key))
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return (1, 0)  # missing values last
    return (0, value)


@click.command("score")
@click.argument("paths", nargs=-1, required=True)
@click.option("--sort", "sort_key", type=click.Choice(SORT_KEYS), default="mt_likelihood", show_default=True,
              help="Column to sort by (mt_likelihood: the MT score).")
@click.option("--ascending", is_flag=True, help="Sort from the lowest value (default: highest first).")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--include", multiple=True, metavar="GLOB", help="File patterns in directories, besides *.txt and *.md.")
@config_option
@select_option
@ignore_option
@jobs_option
def score(paths, sort_key, ascending, fmt, include, config_file, select, ignore, jobs) -> None:
    """A table of article scores, one row per article: the MT score and verdict, MQM quality,
    fidelity (measured only against an original: `lint --source`, `compare`), readability (body
    only) and language. Each file is linted as `lint` lints it
    (the nearest configuration file, or --config, with --select and --ignore on top): the findings
    column is lint's count.

    MT-pctl, the MT score: the share (in %) of the native English news articles of the development
    data that score lower, each scored by a model that never saw its collection; 100: above every one.
    The verdict reads the same model: review from about 98.9; likely-mt needs 100 with translation tells
    or 150 words of prose, or many distinct tells alone. JSON: scores.mt_native_percentile, and the
    model's probability scores.mt_likelihood."""
    options = Options(
        config_file=Path(config_file) if config_file else None,
        select=split_selectors(select) or None,
        ignore=split_selectors(ignore),
        scores=True,
        full_scores=True,
        include=tuple(include),
        jobs=jobs,
    )
    report = _run(list(paths), options)
    reports = list(report.files)
    errors = [r for r in reports if r.error]
    for report in errors:
        click.echo(f"mtaudit: error: {terminal_safe(report.error)}", err=True)
    scored = [r for r in reports if not r.error]
    present = [r for r in scored if _sort_value(r, sort_key)[0] == 0]
    missing = [r for r in scored if _sort_value(r, sort_key)[0] == 1]
    present.sort(key=lambda r: _sort_value(r, sort_key)[1], reverse=not ascending and sort_key not in ("path",))
    if sort_key == "path" and not ascending:
        present.sort(key=lambda r: r.path)
    ordered = present + missing
    if fmt == "json":
        rows = [{"path": display_path(r.path), "verdict": r.verdict, "scores": r.scores.to_dict()} for r in ordered]
        click.echo(json_safe(json.dumps(rows, ensure_ascii=False, indent=2)))
    else:
        click.echo(_table(ordered))
        for file_report in ordered:
            for note in file_report.scores.notes:
                click.echo(terminal_safe(f"{display_path(file_report.path)}: note: {note}"))
    sys.exit(2 if errors else 0)


def _run(inputs: list[str], options: Options) -> Report:
    try:
        return run(inputs, options)
    except (UsageError, ConfigError, GitError, RuleError) as error:
        fail(str(error))
    raise AssertionError("unreachable")


def _table(reports) -> str:
    header = ["path"] + [c[1] for c in COLUMNS]
    rows = []
    for report in reports:
        row = [terminal_safe(display_path(report.path))]
        for column in COLUMNS:
            value = _cell(report, (None, None, column[4]) if len(column) > 4 else column)
            row.append("-" if value is None else column[3].format(value))
        rows.append(row)
    widths = [max(len(str(line[i])) for line in [header] + rows) for i in range(len(header))]
    lines = []
    for line in [header] + rows:
        cells = [line[0].ljust(widths[0])] + [str(v).rjust(widths[i + 1]) for i, v in enumerate(line[1:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


COMMANDS = [score]

__all__ = ["COMMANDS", "score"]
