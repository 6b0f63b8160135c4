from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run `python -m audit ARGS` and return the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    full_env.pop("MTAUDIT_DEBUG", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "audit", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def cli():
    return run_cli


class Invoked:
    """The outcome of a command run in this process, shaped like a CompletedProcess."""

    def __init__(self, result) -> None:
        self.returncode = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr


def invoke_cli(*args: str, stdin: str | None = None) -> Invoked:
    """Run the command line in this process (the compiled rules are shared between tests): faster
    than a subprocess where start-up is not what is tested."""
    from click.testing import CliRunner

    from audit.cli import cli as group

    return Invoked(CliRunner().invoke(group, list(args), input=stdin))


@pytest.fixture
def invoke():
    return invoke_cli
