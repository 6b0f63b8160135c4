"""Options that `lint` and `score` share, so both take the same --config, --select, --ignore and
--jobs with the same meaning."""

from __future__ import annotations

import click

config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
    help="Use this configuration file (pyproject.toml or .mtaudit.toml) instead of the nearest one.")
select_option = click.option(
    "--select", multiple=True, metavar="IDS", help="Only these rule ids, id prefixes or categories (comma-separated).")
ignore_option = click.option(
    "--ignore", multiple=True, metavar="IDS", help="Skip these rule ids, id prefixes or categories (comma-separated).")
jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
    help="Lint files in N parallel processes (default: the number of CPUs); output order is unchanged.")


def split_selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated and comma-separated selectors as one tuple: ("FF,TE", "BP") -> ("FF", "TE", "BP")."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)

