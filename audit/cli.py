"""The command line: a thin shell over the library. `lint` turns its options into `runner.Options`,
calls `runner.run` and prints the report; every decision is the library's."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import click

from .changed_lines import GitError
from .commands import Commands
from .commands.options import config_option, ignore_option, jobs_option, select_option, split_selectors
from .config import Config
from .config_file import ConfigError
from .engine import RuleSet
from .finding import SEVERITIES
from .output import OutputError, check_output_target, write_report
from .progress import progress_bar
from .report import Report
from .reporters import FORMATS as REPORT_FORMATS
from .reporters import render_chunks
from .reporters.colour import CHOICES as COLOUR_CHOICES
from .reporters.colour import wants_colour
from .rules.errors import RuleError
from .runner import Options, UsageError, audit_many, run
from .safe_text import json_safe, terminal_safe
from .sources import DEFAULT_INCLUDE, STDIN, InputError, discover
from .tally import FAIL_ON_VERDICTS
from .version import __version__

FORMATS = tuple(REPORT_FORMATS)
INPUT_FORMATS = ("files", "jsonl")


def errors() -> tuple[type[Exception], ...]:
    """The errors a run reports in one line (exit 2). Asked for when an exception is being handled:
    audit/baseline.py (BaselineError) is imported by the runs that read or write a baseline only."""
    from .baseline import BaselineError

    return (UsageError, ConfigError, GitError, RuleError, BaselineError)


def fail(message: str) -> None:
    click.echo(f"mtaudit: error: {terminal_safe(message)}", err=True)
    sys.exit(2)


def write_output(text, output: str | None, err: bool = False) -> None:
    """Write the report (a string, or its pieces as they are rendered) to standard output (standard
    error with `err`), or to -o's target: a device or FIFO directly, a file atomically (audit/output.py)."""
    chunks = [text] if isinstance(text, str) else text
    try:
        write_report(chunks, ("/dev/stderr" if err else None) if output is None or output == "-" else output)
    except OutputError as error:
        fail(str(error))


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtaudit")
def cli() -> None:
    """mtaudit: find machine-translation tells in news copy, and score its readability and fidelity."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format: text (the default), concise (one line a finding), json, jsonl (one file a line; "
                   "the default and only format for --input-format jsonl), sarif (2.1.0), rdjson (reviewdog), "
                   "github (workflow annotations), html (a report for the browser; with -o).")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="files", show_default=True,
              help="files: the paths are text files, directories or '-'; jsonl: each path (or '-') is JSON Lines, "
                   "one article a line ({\"id\", \"text\", optional \"original\" or \"reference\"}), and one "
                   "JSON line per article is written as each is done, in constant memory.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding at or above this severity is found (default: the configuration's, or minor).")
@click.option("--fail-on-verdict", type=click.Choice(FAIL_ON_VERDICTS), default=None,
              help="Also exit 1 when an article's verdict is at least this (review: review or likely-mt).")
@config_option
@click.option("--include", multiple=True, metavar="GLOB",
              help="File patterns to lint in directories, besides *.txt and *.md (repeatable).")
@select_option
@click.option("--extend-select", multiple=True, metavar="IDS",
              help="Also these rule ids, id prefixes or categories (comma-separated): default-off rules join the rest.")
@ignore_option
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Extra rule-pack directory (repeatable).")
@click.option("--no-builtin-rules", is_flag=True, help="Use only the rule packs given with --rules.")
@click.option("--scores/--no-scores", default=None,
              help="--scores adds readability and full language detection to the default scores "
                   "(quality, MT score and verdict with its reasons; fidelity with an original); "
                   "--no-scores leaves all scores out.")
@click.option("--reference", metavar="REF", help="Score fidelity against this reference translation (one article).")
@click.option("--source", metavar="FILE", help="Compare with this original, in any language (one article).")
@click.option("--source-dir", metavar="DIR",
              help="Compare each article with the original of the same file name in DIR.")
@click.option("--source-lang", metavar="LANG",
              help="The originals' language (uk, ru, de, zh …); detected when not given.")
@click.option("--fix", is_flag=True,
              help="Apply the safe fixes to the files (atomically), then report what remains; "
                   "'-' writes the fixed text to standard output and the report to standard error.")
@click.option("--fix-only", is_flag=True,
              help="Apply the safe fixes and report nothing else; exit 0 unless a file cannot be read or written.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: the unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff (JSON with --format json); write nothing.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--signals", is_flag=True,
              help="Also list the signals: hits of signal rules, evidence for the MT score, never a failure.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report suppression comments that suppress nothing (selects rule MT-UNUSED-SUPPRESSION).")
@click.option("--changed-since", metavar="REV",
              help="Only report findings on lines changed since git revision REV (e.g. HEAD, origin/main).")
@click.option("--stdin-filename", metavar="NAME",
              help="The name of standard input ('-'): its configuration, Markdown by extension, per-file ignores.")
@click.option("--write-baseline", metavar="FILE",
              help="Record today's findings in FILE (keyed on their text and sentence, not their line) and exit.")
@click.option("--baseline", metavar="FILE",
              help="Report only the findings not recorded in FILE; list its entries that are no longer found.")
@click.option("-o", "--output", metavar="FILE",
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--color", type=click.Choice(COLOUR_CHOICES), default="auto", show_default=True,
              help="Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.")
@jobs_option
def lint(paths, fmt, input_format, fail_on, fail_on_verdict, config_file, include, select, extend_select, ignore,
         rule_dirs, no_builtin_rules, scores, reference, source, source_dir, source_lang, fix, fix_only, unsafe_fixes,
         diff, statistics, signals, report_unused_suppressions, changed_since, stdin_filename, write_baseline,
         baseline, output, color, jobs) -> None:
    """Lint files, directories (recursively) or '-' (standard input) for translation tells.

    Settings come from the nearest pyproject.toml [tool.mtaudit] or .mtaudit.toml up the tree from
    each file (or --config); options given here override them.

    Each article ends with a score line: the verdict (clean, review, likely-mt, or too-short under 60
    words) and its MT score, the share of the native English news articles of the development data
    that score lower ("above 88% of native news articles"; 100: above every one); above clean, "why"
    and the reasons: the tells by kind, the statistics that raised the score against native news, and
    whether the evidence points to a machine.

    Exit status: 0 nothing at or above --fail-on, 1 something is (or an article's verdict is at or
    above --fail-on-verdict; with --diff: a fix is pending), 2 a usage, input or configuration error.
    """
    if input_format == "jsonl":
        given = {"--fix": fix, "--fix-only": fix_only, "--diff": diff, "--statistics": statistics,
                 "--reference": reference, "--source": source, "--source-dir": source_dir,
                 "--changed-since": changed_since, "--stdin-filename": stdin_filename, "--include": include,
                 "--baseline": baseline, "--write-baseline": write_baseline, "-o": output}
        refused = [name for name, value in given.items() if value]
        if fmt not in (None, "jsonl"):
            refused.insert(0, f"--format {fmt}")
        if refused:
            fail(f"--input-format jsonl writes one JSON line per article as it goes: not with {', '.join(refused)}")
    fmt = fmt or ("jsonl" if input_format == "jsonl" else "text")
    if statistics and diff:
        fail("--statistics counts findings and --diff shows fixes: choose one")
    if baseline and write_baseline:
        fail("--baseline and --write-baseline do not go together: write the baseline, then lint against it")
    if fix_only and diff:
        fail("--fix-only writes the fixes and --diff only shows them: choose one")
    companions: dict[str, str] = {}
    companions_of: dict[str, dict[str, str]] = {}
    if reference or source or source_dir or source_lang:
        from .commands.compare import companions_for  # the module of `compare`, imported when it is used

        companions, companions_of = companions_for(paths, reference, source, source_dir, source_lang)
    options = Options(
        config_file=Path(config_file) if config_file else None,
        select=split_selectors(select) or None,
        extend_select=split_selectors(extend_select),
        ignore=split_selectors(ignore),
        fail_on=fail_on,
        rule_dirs=tuple(Path(d) for d in rule_dirs),
        builtin_rules=False if no_builtin_rules else None,
        scores=False if scores is False else None,
        full_scores=True if scores else None,
        report_unused_suppressions=report_unused_suppressions,
        include=tuple(include),
        fix=fix or fix_only,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        changed_since=changed_since,
        companions=companions,
        companions_of=companions_of,
        source_lang=source_lang,
        stdin_filename=stdin_filename,
        signals=signals,
        jobs=jobs,
        fail_on_verdict=fail_on_verdict,
        baseline=Path(baseline) if baseline else None,
    )
    if input_format == "jsonl":
        sys.exit(_lint_batches(list(paths), options))
    try:
        # -o onto one of the inputs, a folder, a read-only or hard-linked file: refused before anything is read
        # (the inputs are listed only when -o names an existing file: the run walks the folders again)
        def inputs() -> Iterator[str]:
            yield from discover(list(paths), DEFAULT_INCLUDE + tuple(include))
            yield from (path for path in (reference, source) if path)
            if source_dir:
                yield from discover([source_dir], ("*",))

        check_output_target(output, inputs())
    except OutputError as error:
        fail(str(error))
    try:
        report = run(list(paths), replace(options, progress=progress_bar))
        if write_baseline:
            from .baseline import write_baseline_file  # only --write-baseline (see errors())

            click.echo(write_baseline_file(report, write_baseline), err=True)
    except errors() as error:
        fail(str(error))
    for file_report in report.files:
        if file_report.error:
            click.echo(f"mtaudit: error: {terminal_safe(file_report.error)}", err=True)
    for line in report.notes:  # what a directory walk skipped, a baseline's notes
        click.echo(line, err=True)
    if write_baseline:
        sys.exit(2 if any(f.error for f in report.files) else 0)
    if fix or fix_only or diff:
        _report_fixes(report, fmt, output, diff, stdin_filename or STDIN)
    if diff:
        sys.exit(report.exit_code())
    if fix_only:  # nothing else is reported: say which files were left alone, and why
        for file_report in report.files:
            for warning in file_report.warnings:
                if warning.startswith("not fixed:"):
                    click.echo(f"mtaudit: warning: {terminal_safe(file_report.path)}: {warning}", err=True)
        sys.exit(2 if any(f.error for f in report.files) else 0)
    fixed_stdin = fix and any(f.fix is not None and f.path == (stdin_filename or STDIN) for f in report.files)
    if statistics:
        from .reporters.statistics import render as render_statistics

        write_output(render_statistics(report, fmt), output, err=fixed_stdin)
    else:
        to_terminal = (output is None or output == "-") and not fixed_stdin and sys.stdout.isatty()
        write_output(render_chunks(report, fmt, color=wants_colour(color, to_terminal)), output, err=fixed_stdin)
    sys.exit(report.exit_code())


def _lint_batches(paths: list[str], options: Options) -> int:
    """--input-format jsonl: each path (or '-') is read a line at a time and each article's JSON line
    written (and flushed) as soon as it is done. The exit status, as a run's: 2 when a line is no
    article (named on standard error too), else 1 when an article fails --fail-on or --fail-on-verdict."""
    import json

    from .streaming import article_dict, open_batch, read_jsonl

    status = 0
    fail_on = options.fail_on
    for path in paths:
        try:
            stream = open_batch(path)
        except InputError as error:
            click.echo(f"mtaudit: error: {terminal_safe(str(error))}", err=True)
            status = 2
            continue
        try:
            for file_report in audit_many(read_jsonl(stream, path), options):
                line = json.dumps(article_dict(file_report, options.signals), ensure_ascii=False)
                sys.stdout.write(json_safe(line) + "\n")  # an id with lone surrogates: escaped, not an error
                sys.stdout.flush()
                if file_report.error:
                    click.echo(f"mtaudit: error: {terminal_safe(file_report.error)}", err=True)
                outcome = Report((file_report,), fail_on=fail_on or "minor", fail_on_verdict=options.fail_on_verdict)
                status = max(status, outcome.exit_code())
        except errors() as error:
            fail(str(error))
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    return status


def _report_fixes(report: Report, fmt: str, output: str | None, diff: bool, stdin_name: str) -> None:
    """--diff: the diffs (or their JSON); --fix: the fixed standard input on standard output. Then
    one line on standard error: how many fixes in how many files."""
    changed = [f for f in report.files if f.fix is not None and f.fix.changed]
    if diff and fmt == "json":
        import json

        from .reporters.json_report import fixes_dict

        write_output(json.dumps(fixes_dict(report), ensure_ascii=False, indent=2) + "\n", output)
    elif diff:
        write_output("".join(f.fix.diff(f.path) for f in changed if f.fix is not None), output)
    else:
        for file_report in report.files:
            if file_report.path == stdin_name and file_report.fix is not None and file_report.error is None:
                sys.stdout.write(file_report.fix.fixed)  # standard input, fixed
                sys.stdout.flush()
    pending = report.fixes
    verb = "would fix" if diff else "fixed"
    click.echo(f"mtaudit: {verb} {pending} finding{'s' * (pending != 1)} in {len(changed)} "
               f"file{'s' * (len(changed) != 1)}.", err=True)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Extra rule-pack directory (repeatable).")
def list_rules(fmt, rule_dirs) -> None:
    """List every rule: id, category, severity, fix, default-off rules and signals marked."""
    import json

    ruleset = RuleSet.load(Config(rule_dirs=tuple(Path(d) for d in rule_dirs)))
    rules = sorted(ruleset.all_rules, key=lambda r: r.id)
    if fmt == "json":
        click.echo(json.dumps([
            {"id": r.id, "category": r.category, "severity": r.severity, "kind": r.kind, "fixable": r.fixable,
             "fix": r.fix, "default": "on" if r.enabled else "off", "signal": r.signal, "message": r.message}
            for r in rules
        ], ensure_ascii=False, indent=2))
        return
    width = max(len(r.id) for r in rules)
    click.echo(f"{'ID':<{width}}  {'CATEGORY':<14} {'SEVERITY':<8} {'FIX':<7}  MESSAGE")
    for rule in rules:
        fix = {"safe": "fixable", "unsafe": "unsafe", "display-only": "shown"}.get(rule.fix or "", "")
        marks = ("" if rule.enabled else "(off) ") + ("(signal) " if rule.signal else "")
        summary = rule.message.splitlines()[0]
        click.echo(f"{rule.id:<{width}}  {rule.category:<14} {rule.severity:<8} {fix:<7}  {marks}{summary}")
    off = sum(not r.enabled for r in rules)
    click.echo(f"{len(rules)} rules, {sum(r.fixable for r in rules)} fixable with --fix, {off} off unless selected.")


@cli.command("rule")
@click.argument("rule_id")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR")
def show_rule(rule_id, fmt, rule_dirs) -> None:
    """Show one rule's documentation: message, why, source and examples."""
    import json

    ruleset = RuleSet.load(Config(rule_dirs=tuple(Path(d) for d in rule_dirs)))
    rule = ruleset.registry.get(rule_id)
    if rule is None:
        near = ruleset.registry.nearest(rule_id)
        fail(f"no rule {rule_id!r}" + (f" (did you mean {', '.join(near)}?)" if near else " (see 'mtaudit rules')"))
    data = rule.to_dict()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    fix = f", {rule.fix} fix" if rule.fix else ""
    default = "" if rule.enabled else ", off unless selected"
    click.echo(f"{rule.id}  ({rule.category}, {rule.severity}{fix}{default}{', signal' if rule.signal else ''})")
    click.echo(f"\n{rule.message}")
    if rule.suggestions:
        click.echo(f"\nSuggestion: {' / '.join(rule.suggestions)}")
    click.echo(f"\nWhy: {rule.why}")
    if rule.source:
        click.echo(f"Source: {rule.source}")
    click.echo("\nFlagged:")
    for example in rule.bad:
        click.echo(f"  ✗ {example.marked()}")
        if example.correction is not None:
            click.echo(f"    → {example.correction}")
        for name, text in example.companions:
            click.echo(f"    ({name}: {text})")
    click.echo("Not flagged:")
    for example in rule.good:
        click.echo(f"  ✓ {example.text}")
        for name, text in example.companions:
            click.echo(f"    ({name}: {text})")
    click.echo(f"\nKind: {rule.kind}; pack: {Path(rule.pack).name}")


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.exceptions.Abort as abort:
        if isinstance(abort.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            sys.exit(130)
        click.echo("mtaudit: aborted", err=True)
        sys.exit(2)
    except RuleError as error:
        fail(str(error))
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # never a traceback for a user; MTAUDIT_DEBUG=1 shows it
        if os.environ.get("MTAUDIT_DEBUG"):
            raise
        fail(f"internal error: {type(error).__name__}: {error} (set MTAUDIT_DEBUG=1 for the traceback)")
    sys.exit(0)
