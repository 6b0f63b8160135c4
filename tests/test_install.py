"""A non-editable install, used from another directory, finds its rule packs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from .conftest import ROOT, SEEDS


def test_wheel_ships_rule_packs(tmp_path):
    source = tmp_path / "src"
    skip = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", ".pytest_cache")
    shutil.copytree(ROOT, source, ignore=skip)
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert (target / "audit" / "rulepacks" / "false-friends.toml").exists()
    assert (target / "audit" / "reporters" / "assets" / "report.js").exists()  # the HTML report's script
    shutil.rmtree(source)  # nothing may be read from a checkout
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SEEDS / "000_5fb1b673f4b7e9d3.txt", elsewhere / "story.txt")
    env = dict(os.environ, PYTHONPATH=str(target))
    result = subprocess.run(
        [sys.executable, "-c", "import audit, sys; print(audit.__file__); sys.argv[0] = 'mtaudit'; "
         "from audit.cli import main; sys.argv[1:] = ['lint', '--format', 'json', 'story.txt']; main()"],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=120,
    )
    assert result.returncode == 1, result.stderr
    first_line, _, rest = result.stdout.partition("\n")
    assert first_line.startswith(str(target))
    assert any(f["rule"] == "FF-REPRIMAND" for f in json.loads(rest)["files"][0]["findings"])
