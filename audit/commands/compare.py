"""`mtaudit compare TRANSLATION ORIGINAL`: fidelity of a translation to its original, in any
language (or, when the original is English, to a reference translation); and the originals of
`lint --source`, `--source-dir`, `--reference`."""

from __future__ import annotations

import json
import os
import sys

import click

from ..changed_lines import GitError
from ..config_file import ConfigError
from ..rules.errors import RuleError
from ..runner import Options, UsageError, run
from ..scoring.model import MeasuredFidelity
from ..scoring.render import fidelity_text, metrics_text
from ..sources import InputError, display_path, read_source

COMPARE_RULES = ("boilerplate", "FID")


def fail(message: str) -> None:
    click.echo(f"mtaudit: error: {message}", err=True)
    sys.exit(2)


def read_original(path: str, label: str = "original") -> str:
    """The text of an original (or reference); a one-line error (exit 2) when it cannot be used."""
    try:
        text = read_source(path)
    except InputError as error:
        fail(f"{label}: {error}")
        raise AssertionError("unreachable") from None
    if not any(c.isalpha() for c in text):
        fail(f"{label}: {path}: the original has no text")
    return text


def companions_for(
    files: tuple[str, ...], reference: str | None, source: str | None, source_dir: str | None, source_lang: str | None
) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The companion texts of `lint --reference/--source/--source-dir`: for the one input, and per
    input (each article with the original of the same file name in DIR). A usage or input error
    stops the run with a one-line message."""
    given = [name for name, value in (("--reference", reference), ("--source", source), ("--source-dir", source_dir))
             if value]
    if len(given) > 1:
        fail(f"{' and '.join(given)} cannot be used together")
    if source_lang and not (source or source_dir):
        fail("--source-lang goes with --source or --source-dir")
    if reference:
        return {"reference": read_original(reference, "reference")}, {}
    if source:
        return {"original": read_original(source)}, {}
    if not source_dir:
        return {}, {}
    if not os.path.isdir(source_dir):
        fail(f"--source-dir {source_dir}: not a folder")
    per_input: dict[str, dict[str, str]] = {}
    from ..sources import DEFAULT_INCLUDE, discover

    for path in discover(list(files), DEFAULT_INCLUDE):
        candidate = os.path.join(source_dir, os.path.basename(path)) if path != "-" else ""
        if candidate and os.path.isfile(candidate):
            per_input[path] = {"original": read_original(candidate)}
        else:
            click.echo(f"mtaudit: warning: {display_path(path)}: no original of that name in {source_dir}", err=True)
    return {}, per_input


@click.command("compare")
@click.argument("translation")
@click.argument("original")
@click.option("--source-lang", metavar="LANG",
              help="The original's language (ISO 639-1: uk, ru, de, zh …); detected when not given.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--segments", is_flag=True, help="List every aligned segment (and, against a reference, its scores).")
def compare(translation, original, source_lang, fmt, segments) -> None:
    """Fidelity of TRANSLATION to ORIGINAL, an article in any language: the sentences of both are
    aligned, and the passages, numbers, names, quotations and links of the original that are
    missing or changed in the translation are listed, each placed in the translation and citing the
    original. An English ORIGINAL is taken as a reference translation: BLEU, chrF2, chrF++ and TER
    over the aligned sentences (with sacrebleu signatures) are added. The translation is read as
    `lint --source` reads it (its configuration, suppressions, page furniture); the findings of the
    comparison are listed."""
    from ..checks import KINDS
    from ..reporters.text import render_finding

    text = read_original(original)
    try:
        # only the rules it reports, and page furniture's (which leaves the text to align): the
        # configuration's severities, ignores and suppressions apply as in a lint
        options = Options(select=COMPARE_RULES, companions={"original": text}, source_lang=source_lang)
        report = run([translation], options)
    except (UsageError, ConfigError, GitError, RuleError) as error:
        fail(str(error))
        raise AssertionError("unreachable") from None
    file_report = report.files[0]
    if file_report.error:
        fail(f"translation: {file_report.error}")
    fidelity = file_report.scores.fidelity
    if not isinstance(fidelity, MeasuredFidelity):
        fail("; ".join(file_report.warnings) or "the texts could not be compared")
        raise AssertionError("unreachable")
    findings = [f for f in file_report.findings if KINDS[report.rules[f.rule].kind].needs.emitted_by == "comparison"]
    if fmt == "json":
        data = {"translation": display_path(translation), "original": display_path(original),
                "fidelity": fidelity.to_dict(segments=segments), "findings": [f.to_dict() for f in findings]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    measures = fidelity.measures
    click.echo(f"{display_path(translation)}: {fidelity_text(fidelity)}")
    for note in fidelity.notes:
        click.echo(f"note: {note}")
    click.echo(f"  aligned {measures['segments']} segments: {measures['omitted_sentences']} sentences of the original "
               f"and {measures['added_sentences']} of the translation without a counterpart; "
               f"{100 * measures['coverage']:.0f}% of the original's text aligned")
    if fidelity.mode == "reference":
        click.echo(f"  {metrics_text(fidelity)}")
        for name, signature in fidelity.signatures.items():
            click.echo(f"  {name:<6} {fidelity.metrics[name]:8.2f}  {signature}")
        listed = fidelity.per_segment if segments else fidelity.weakest
        click.echo("segments:" if segments else "weakest segments:")
        for segment in listed:
            click.echo(f"  line {segment.line}: chrF {segment.chrf:.1f}, BLEU {segment.bleu:.1f}")
            click.echo(f"    translation: {segment.article[:160] or '(nothing)'}")
            click.echo(f"    reference:   {segment.reference[:160] or '(nothing)'}")
    elif segments:
        click.echo("segments:")
        for segment in fidelity.per_segment:
            click.echo(f"  line {segment.line}:")
            click.echo(f"    translation: {segment.article[:160] or '(nothing)'}")
            click.echo(f"    original:    {segment.original[:160] or '(nothing)'}")
    for finding in findings:
        for line in render_finding(file_report, finding):
            click.echo(line)
        cited = " ".join(str(finding.extra.get("source_text", "")).split())
        if finding.extra.get("source_line") and " " in cited:  # a number or a name is cited in the message
            click.echo(f"      | original, line {finding.extra['source_line']}: {cited[:100]}")
    against = "the reference" if fidelity.mode == "reference" else "the original"
    click.echo(f"{len(findings)} finding{'s' if len(findings) != 1 else ''} against {against}.")


COMMANDS = [compare]

__all__ = ["COMMANDS", "companions_for", "compare", "read_original"]
