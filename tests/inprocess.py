"""The command line run in this process (click's runner): much faster than a new interpreter for the
tests that only look at output and exit status."""

from __future__ import annotations

import os
from dataclasses import dataclass

from click.testing import CliRunner

from audit.cli import cli

from .conftest import ROOT


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def invoke(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    """`mtaudit ARGS` from the repository's root, as the `cli` fixture runs it."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        outcome = CliRunner().invoke(cli, list(args), env=env, input=stdin, catch_exceptions=False)
    finally:
        os.chdir(here)
    return Result(outcome.exit_code, outcome.stdout, outcome.stderr)
