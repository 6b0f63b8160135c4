"""The command line: a thin shell over the library (audit.engine)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from . import __version__
from .config import Config
from .finding import SEVERITIES
from .rules.model import RuleError
from .sources import DEFAULT_INCLUDE, discover

FORMATS = ("text", "json")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


def fail(message: str) -> None:
    click.echo(f"mtaudit: error: {message}", err=True)
    sys.exit(2)


def write_output(text: str, output: str | None) -> None:
    """Write to standard output, or atomically to a file (temporary file, then rename)."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}")


def build_config(select, ignore, fail_on, rule_dirs, no_builtin, scores) -> Config:
    return Config(
        select=_split(select),
        ignore=_split(ignore),
        fail_on=fail_on,
        rule_dirs=tuple(Path(d) for d in rule_dirs),
        builtin_rules=not no_builtin,
        scores=scores,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtaudit")
def cli() -> None:
    """mtaudit: find machine-translation tells in news copy, and score its readability and fidelity."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="minor", show_default=True,
              help="Exit 1 when a finding at or above this severity is found.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="File patterns to lint in directories, besides *.txt and *.md (repeatable).")
@click.option("--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories (comma-separated).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories (comma-separated).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Extra rule-pack directory (repeatable).")
@click.option("--no-builtin-rules", is_flag=True, help="Use only the rule packs given with --rules.")
@click.option("--scores/--no-scores", default=False, help="Add the article scores to the output.")
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE (atomically) instead of standard output.")
def lint(paths, fmt, fail_on, include, select, ignore, rule_dirs, no_builtin_rules, scores, output) -> None:
    """Lint files, directories (recursively) or '-' (standard input) for translation tells.

    Exit status: 0 nothing at or above --fail-on, 1 something is, 2 a usage or input error.
    """
    from .engine import Report, RuleSet, audit_file
    from .reporters import render

    config = build_config(select, ignore, fail_on, rule_dirs, no_builtin_rules, scores)
    ruleset = RuleSet.load(config)
    files = discover(list(paths), DEFAULT_INCLUDE + tuple(include))
    if not files:
        fail("no files to lint in " + ", ".join(paths))
    reports = [audit_file(path, config, ruleset) for path in files]
    report = Report(reports, fail_on=config.fail_on)
    for file_report in report.files:
        if file_report.error:
            click.echo(f"mtaudit: error: {file_report.error}", err=True)
    write_output(render(report, fmt), output)
    sys.exit(report.exit_code())


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
    for rule in rules:
        fixable = "fixable" if rule.fixable else ""
        click.echo(f"{rule.id:<{width}}  {rule.category:<14} {rule.severity:<8} {fixable:<7}  {rule.message.splitlines()[0]}")
    click.echo(f"{len(rules)} rules.")


@cli.command("rule")
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), metavar="DIR")
def show_rule(rule_id, rule_dirs) -> None:
    """Show one rule's documentation: message, why, source and examples."""
    from .engine import RuleSet

    ruleset = RuleSet.load(Config(rule_dirs=tuple(Path(d) for d in rule_dirs)))
    rule = ruleset.by_id.get(rule_id) or ruleset.by_id.get(rule_id.upper())
    if rule is None:
        fail(f"no rule {rule_id!r} (see 'mtaudit rules')")
    data = rule.to_dict()
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
