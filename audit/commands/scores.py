"""`mtaudit score`: a table of article scores; `mtaudit compare`: fidelity against a reference."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import click

from ..config import Config
from ..sources import DEFAULT_INCLUDE, discover, display_path
from .options import config_option, ignore_option, jobs_option, select_option, split_selectors

# Table columns: (name used by --sort, header, how to read it from a FileReport, format).
COLUMNS: tuple[tuple[str, str, Any, str], ...] = (
    ("mt_likelihood", "MT", lambda r: r.scores.get("mt_likelihood"), "{:.2f}"),
    ("verdict", "verdict", lambda r: r.verdict, "{}"),
    ("quality", "quality", lambda r: r.scores.get("quality"), "{:.1f}"),
    ("penalty", "pen/1k", lambda r: r.scores["mqm"]["penalty_per_1000"], "{:.1f}"),
    ("fidelity", "fid(est)", lambda r: r.scores["fidelity"].get("score"), "{:.1f}"),
    ("flesch", "Flesch", lambda r: (r.scores.get("readability") or {}).get("flesch_reading_ease"), "{:.1f}"),
    ("fk_grade", "FK", lambda r: (r.scores.get("readability") or {}).get("flesch_kincaid_grade"), "{:.1f}"),
    ("fog", "fog", lambda r: (r.scores.get("readability") or {}).get("gunning_fog"), "{:.1f}"),
    ("smog", "SMOG", lambda r: (r.scores.get("readability") or {}).get("smog"), "{:.1f}"),
    ("dale_chall", "D-C", lambda r: (r.scores.get("readability") or {}).get("dale_chall"), "{:.1f}"),
    ("words", "words", lambda r: r.scores.get("words"), "{}"),
    ("findings", "findings", lambda r: len(r.findings), "{}"),
    ("language", "lang", lambda r: r.scores["language"].get("code"), "{}"),
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
              help="Column to sort by.")
@click.option("--ascending", is_flag=True, help="Sort from the lowest value (default: highest first).")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--include", multiple=True, metavar="GLOB", help="File patterns in directories, besides *.txt and *.md.")
@config_option
@select_option
@ignore_option
@jobs_option
def score(paths, sort_key, ascending, fmt, include, config_file, select, ignore, jobs) -> None:
    """A table of article scores, one row per article: MT likelihood and verdict, MQM quality,
    estimated fidelity, readability (body only) and language. The rules and settings are lint's: the
    nearest configuration file (or --config), with --select and --ignore on top."""
    from ..config_file import ConfigError, ConfigResolver
    from ..parallel import audit_many

    overrides: dict[str, Any] = {"scores": True, "full_scores": True}
    if select:
        overrides["select"] = split_selectors(select)
    resolver = ConfigResolver(Path(config_file) if config_file else None, overrides, split_selectors(ignore))
    files = discover(list(paths), DEFAULT_INCLUDE + tuple(include))
    if not files:
        fail("no files to score in " + ", ".join(paths))
    try:
        configs = {path: resolver.for_path(path) for path in files}
    except ConfigError as error:
        fail(str(error))
    reports = audit_many(files, configs, jobs)
    errors = [r for r in reports if r.error]
    for report in errors:
        click.echo(f"mtaudit: error: {report.error}", err=True)
    scored = [r for r in reports if not r.error]
    present = [r for r in scored if _sort_value(r, sort_key)[0] == 0]
    missing = [r for r in scored if _sort_value(r, sort_key)[0] == 1]
    present.sort(key=lambda r: _sort_value(r, sort_key)[1], reverse=not ascending and sort_key not in ("path",))
    if sort_key == "path" and not ascending:
        present.sort(key=lambda r: r.path)
    ordered = present + missing
    if fmt == "json":
        rows = [{"path": display_path(r.path), "verdict": r.verdict, "scores": r.scores} for r in ordered]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(ordered))
        for report in ordered:
            for note in report.scores.get("notes", []):
                click.echo(f"{display_path(report.path)}: note: {note}")
    sys.exit(2 if errors else 0)


def _table(reports) -> str:
    header = ["path"] + [c[1] for c in COLUMNS]
    rows = []
    for report in reports:
        row = [display_path(report.path)]
        for column in COLUMNS:
            value = _cell(report, column)
            row.append("-" if value is None else column[3].format(value))
        rows.append(row)
    widths = [max(len(str(line[i])) for line in [header] + rows) for i in range(len(header))]
    lines = []
    for line in [header] + rows:
        cells = [line[0].ljust(widths[0])] + [str(v).rjust(widths[i + 1]) for i, v in enumerate(line[1:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


@click.command("compare")
@click.argument("article")
@click.argument("reference")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--segments", is_flag=True, help="List every aligned segment with its scores.")
def compare(article, reference, fmt, segments) -> None:
    """Fidelity of ARTICLE against the reference translation REFERENCE: BLEU, chrF2, chrF++ and TER
    over aligned sentences (with sacrebleu signatures), the weakest passages, and the numbers,
    names and quotations of the reference that are missing or changed in the article."""
    from ..engine import RuleSet, audit_document_text
    from ..scoring.render import fidelity_text
    from ..sources import InputError, read_source

    texts = []
    for label, path in (("article", article), ("reference", reference)):
        try:
            texts.append(read_source(path))
        except InputError as error:
            fail(f"{label}: {error}")
    config = Config(select=("boilerplate", "FID"))  # furniture leaves the text to align; FID: reference findings
    report = audit_document_text(texts[0], article, config, RuleSet.load(config), reference=texts[1])
    fidelity = report.scores["fidelity"]
    findings = [f for f in report.findings if f.extra.get("source") == "reference"]
    if fmt == "json":
        data = {"article": display_path(article), "reference": display_path(reference), "fidelity": fidelity,
                "findings": [f.to_dict() for f in findings]}
        if not segments:
            data["fidelity"] = {k: v for k, v in fidelity.items() if k != "per_segment"}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from ..reporters.text import render_finding

    click.echo(f"{display_path(article)}: {fidelity_text(fidelity)}")
    for name, signature in fidelity.get("signatures", {}).items():
        click.echo(f"  {name:<6} {fidelity[name]:8.2f}  {signature}")
    listed = fidelity["per_segment"] if segments else fidelity["weakest"]
    click.echo("segments:" if segments else "weakest segments:")
    for segment in listed:
        click.echo(f"  line {segment['line']}: chrF {segment['chrf']:.1f}, BLEU {segment['bleu']:.1f}")
        click.echo(f"    article:   {segment['article'][:160] or '(nothing)'}")
        click.echo(f"    reference: {segment['reference'][:160] or '(nothing)'}")
    for finding in findings:
        for line in render_finding(report, finding):
            click.echo(line)
    click.echo(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} against the reference.")


COMMANDS = [score, compare]

__all__ = ["COMMANDS", "compare", "score", "Path"]
