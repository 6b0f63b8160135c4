"""The seed articles: every must-tell found, the should-tells mostly, no false alarm in seed 003."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import SEEDS, SHARED

SEEDCHECK = SHARED / "tools" / "seedcheck.py"


@pytest.mark.skipif(not SEEDCHECK.exists(), reason="../shared/tools/seedcheck.py not present")
def test_seedcheck_passes(cli, tmp_path):
    report = tmp_path / "report.json"
    result = cli("lint", "--format", "json", "-o", str(report), str(SEEDS))
    assert result.returncode == 1, result.stderr
    check = subprocess.run(
        [sys.executable, str(SEEDCHECK), str(report), "--seeds", str(SEEDS), "--should", "0.9"],
        capture_output=True, text=True,
    )
    assert check.returncode == 0, check.stdout
