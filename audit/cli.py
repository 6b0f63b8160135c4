"""The command line: a thin shell over the library (audit.engine)."""

from __future__ import annotations

import os
import sys
from dataclasses import fields
from pathlib import Path

import click

from . import __version__
from .atomic import write_atomically
from .commands.options import config_option, ignore_option, jobs_option, select_option, split_selectors
from .config import Config
from .finding import SEVERITIES
from .reporters import FORMATS as REPORT_FORMATS
from .reporters.colour import CHOICES as COLOUR_CHOICES
from .reporters.colour import wants_colour
from .rules.model import RuleError
from .sources import DEFAULT_INCLUDE, discover
from .tally import FAIL_ON_VERDICTS

FORMATS = tuple(REPORT_FORMATS)


def fail(message: str) -> None:
    click.echo(f"mtaudit: error: {message}", err=True)
    sys.exit(2)


def write_output(text: str, output: str | None) -> None:
    """Write to standard output, or atomically to a file (temporary file, then rename)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_atomically(output, text.encode("utf-8"))
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}")


def build_config(select, ignore, fail_on, rule_dirs, no_builtin, scores) -> Config:
    return Config(
        select=split_selectors(select),
        ignore=split_selectors(ignore),
        fail_on=fail_on,
        rule_dirs=tuple(Path(d) for d in rule_dirs),
        builtin_rules=not no_builtin,
        scores=scores is not False,  # default: the cheap scores; --scores adds readability; --no-scores none
        full_scores=bool(scores),
    )


def read_reference(reference: str, files: list[str]) -> str:
    """The text of a --reference file; a usage error unless exactly one article is linted."""
    from .sources import InputError, read_source

    if len(files) != 1:
        fail(f"--reference compares one article with its reference, not {len(files)} files")
    try:
        return read_source(reference)
    except InputError as error:
        fail(f"reference: {error}")
    raise AssertionError("unreachable")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtaudit")
def cli() -> None:
    """mtaudit: find machine-translation tells in news copy, and score its readability and fidelity."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format: text, concise (one line a finding), json, jsonl (one file a line), sarif (2.1.0), "
                   "rdjson (reviewdog), github (workflow annotations), html (a report for the browser; with -o).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding at or above this severity is found (default: the configuration's, or minor).")
@click.option("--fail-on-verdict", type=click.Choice(FAIL_ON_VERDICTS), default=None,
              help="Also exit 1 when an article's verdict is at least this (review: review or likely-mt).")
@config_option
@click.option("--include", multiple=True, metavar="GLOB",
              help="File patterns to lint in directories, besides *.txt and *.md (repeatable).")
@select_option
@ignore_option
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Extra rule-pack directory (repeatable).")
@click.option("--no-builtin-rules", is_flag=True, help="Use only the rule packs given with --rules.")
@click.option("--scores/--no-scores", default=None,
              help="--scores adds readability and full language detection to the default scores "
                   "(quality, MT likelihood, verdict, estimated fidelity); --no-scores leaves all scores out.")
@click.option("--reference", metavar="REF", help="Score fidelity against this reference translation (one article).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files (atomically), then report what remains.")
@click.option("--fix-only", is_flag=True,
              help="Apply the safe fixes and report nothing else; exit 0 unless a file cannot be read or written.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff; write nothing.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report suppression comments that suppress nothing (rule MT-UNUSED-SUPPRESSION).")
@click.option("--changed-since", metavar="REV",
              help="Only report findings on lines changed since git revision REV (e.g. HEAD, origin/main).")
@click.option("--write-baseline", metavar="FILE",
              help="Record today's findings in FILE (keyed on their text and sentence, not their line) and exit.")
@click.option("--baseline", metavar="FILE",
              help="Report only the findings not recorded in FILE; list its entries that are no longer found.")
@click.option("-o", "--output", metavar="FILE",
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--color", type=click.Choice(COLOUR_CHOICES), default="auto", show_default=True,
              help="Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.")
@jobs_option
def lint(paths, fmt, fail_on, fail_on_verdict, config_file, include, select, ignore, rule_dirs, no_builtin_rules,
         scores, reference, fix, fix_only, diff, statistics, report_unused_suppressions, changed_since, write_baseline,
         baseline, output, color, jobs) -> None:
    """Lint files, directories (recursively) or '-' (standard input) for translation tells.

    Settings come from the nearest pyproject.toml [tool.mtaudit] or .mtaudit.toml up the tree from
    each file (or --config); options given here override them.

    Exit status: 0 nothing at or above --fail-on, 1 something is (or an article's verdict is at or
    above --fail-on-verdict; with --diff: a fix is pending), 2 a usage, input or configuration error.
    """
    from .changed_lines import GitError, changed_lines, on_changed_lines
    from .config_file import ConfigError, ConfigResolver
    from .engine import Report, RuleSet
    from .reporters import render

    fix = fix or fix_only
    cli_config = build_config(select, ignore, fail_on or "minor", rule_dirs, no_builtin_rules, scores)
    if fail_on_verdict and not cli_config.scores:
        fail("--fail-on-verdict needs the scores; drop --no-scores")
    if baseline and write_baseline:
        fail("--baseline and --write-baseline do not go together: write the baseline, then lint against it")
    overrides = command_line_overrides(cli_config, fail_on, report_unused_suppressions)
    resolver = ConfigResolver(Path(config_file) if config_file else None, overrides, cli_config.ignore,
                              cli_config.rule_dirs)
    files = discover(list(paths), DEFAULT_INCLUDE + tuple(include))
    if not files:
        fail("no files to lint in " + ", ".join(paths))
    if fix and not diff and "-" in files:
        fail("--fix cannot rewrite standard input; use --diff to see the fixes")
    try:
        configs = {path: resolver.for_path(path) for path in files}
        run_config = resolver.for_path("-")  # the configuration of the current folder: fail-on
        changed = {path: changed_lines(path, changed_since) for path in files} if changed_since else {}
    except (ConfigError, GitError) as error:
        fail(str(error))
    reference_text = read_reference(reference, files) if reference else None
    if reference_text is not None and not cli_config.scores:
        fail("--reference needs the scores; drop --no-scores")

    def keep(path: str):
        return (lambda finding: on_changed_lines(finding, changed[path])) if changed_since else None

    pending = 0
    if fix or diff:
        from .fixing import fix_file

        results = [fix_file(path, configs[path], RuleSet.load(configs[path]), write=not diff, keep=keep(path))
                   for path in files]
        reports = [result.report for result in results]
        pending = sum(result.applied for result in results)
        if diff:
            write_output("".join(result.diff() for result in results if result.changed), output)
        changed_files = sum(1 for result in results if result.changed)
        verb = "would fix" if diff else "fixed"
        click.echo(f"mtaudit: {verb} {pending} finding{'s' * (pending != 1)} in {changed_files} "
                   f"file{'s' * (changed_files != 1)}.", err=True)
    else:
        from .parallel import audit_many
        from .progress import progress_bar

        with progress_bar(len(files)) as advance:
            reports = audit_many(files, configs, jobs, reference=reference_text, progress=advance)
    if changed_since:
        for file_report in reports:
            file_report.findings = [f for f in file_report.findings if on_changed_lines(f, changed[file_report.path])]
    for file_report in reports:
        file_report.fail_on = configs[file_report.path].fail_on
    report = Report(reports, fail_on=run_config.fail_on, fail_on_verdict=fail_on_verdict)
    for config in set(configs.values()):
        report.rules.update(RuleSet.load(config).by_id)
    for file_report in report.files:
        if file_report.error:
            click.echo(f"mtaudit: error: {file_report.error}", err=True)
    if diff:
        sys.exit(2 if any(f.error for f in report.files) else int(pending > 0))
    if fix_only:
        sys.exit(2 if any(f.error for f in report.files) else 0)
    if write_baseline or baseline:
        from .baseline import BaselineError, apply_baseline_file, write_baseline_file

        try:
            if write_baseline:
                click.echo(write_baseline_file(report, write_baseline), err=True)
                sys.exit(2 if any(f.error for f in report.files) else 0)
            for line in apply_baseline_file(report, baseline):
                click.echo(line, err=True)
        except BaselineError as error:
            fail(str(error))
    if statistics:
        from .reporters.statistics import render as render_statistics

        write_output(render_statistics(report, fmt), output)
    else:
        to_terminal = (output is None or output == "-") and sys.stdout.isatty()
        write_output(render(report, fmt, color=wants_colour(color, to_terminal)), output)
    sys.exit(report.exit_code())


def command_line_overrides(cli_config: Config, fail_on: str | None, report_unused: bool) -> dict[str, object]:
    """The settings given on the command line, which override the configuration files'. --ignore
    and --rules add to the files' lists rather than replace them (see ConfigResolver)."""
    defaults = Config()
    overrides: dict[str, object] = {
        f.name: getattr(cli_config, f.name)
        for f in fields(Config)
        if f.compare and f.name not in ("ignore", "rule_dirs", "fail_on")
        and getattr(cli_config, f.name) != getattr(defaults, f.name)
    }
    if fail_on:
        overrides["fail_on"] = fail_on
    if report_unused:
        overrides["report_unused_suppressions"] = True
    return overrides


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Extra rule-pack directory (repeatable).")
def list_rules(fmt, rule_dirs) -> None:
    """List every rule: id, category, severity, fixable."""
    import json

    from .engine import RuleSet

    ruleset = RuleSet.load(Config(rule_dirs=tuple(Path(d) for d in rule_dirs)))
    rules = sorted(ruleset.all_rules, key=lambda r: r.id)
    if fmt == "json":
        click.echo(json.dumps([
            {"id": r.id, "category": r.category, "severity": r.severity, "kind": r.kind, "fixable": r.fixable,
             "message": r.message} for r in rules
        ], ensure_ascii=False, indent=2))
        return
    width = max(len(r.id) for r in rules)
    click.echo(f"{'ID':<{width}}  {'CATEGORY':<14} {'SEVERITY':<8} {'FIXABLE':<7}  MESSAGE")
    for rule in rules:
        fixable = "fixable" if rule.fixable else ""
        summary = rule.message.splitlines()[0]
        click.echo(f"{rule.id:<{width}}  {rule.category:<14} {rule.severity:<8} {fixable:<7}  {summary}")
    click.echo(f"{len(rules)} rules, {sum(r.fixable for r in rules)} fixable with --fix.")


@cli.command("rule")
@click.argument("rule_id")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR")
def show_rule(rule_id, fmt, rule_dirs) -> None:
    """Show one rule's documentation: message, why, source and examples."""
    import json

    from .engine import RuleSet

    ruleset = RuleSet.load(Config(rule_dirs=tuple(Path(d) for d in rule_dirs)))
    rule = ruleset.by_id.get(rule_id) or ruleset.by_id.get(rule_id.upper())
    if rule is None:
        fail(f"no rule {rule_id!r} (see 'mtaudit rules')")
    data = rule.to_dict()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{rule.id}  ({rule.category}, {rule.severity}{', fixable' if rule.fixable else ''})")
    click.echo(f"\n{rule.message}")
    if rule.suggestions:
        click.echo(f"\nSuggestion: {' / '.join(rule.suggestions)}")
    click.echo(f"\nWhy: {rule.why}")
    if rule.source:
        click.echo(f"Source: {rule.source}")
    click.echo("\nFlagged:")
    for example in data["examples"]["bad"]:
        click.echo(f"  ✗ {example}")
    click.echo("Not flagged:")
    for example in data["examples"]["good"]:
        click.echo(f"  ✓ {example}")
    click.echo(f"\nKind: {rule.kind}; pack: {Path(rule.pack).name}")


from .commands import register_all  # noqa: E402

register_all(cli)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.exceptions.Abort:
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
