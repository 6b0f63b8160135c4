"""The pre-commit hook, run by the real pre-commit: `pre-commit try-repo` installs this checkout at
HEAD (the committed tree: a half-finished working tree would give the hook a mix of files) into a
fresh virtual environment, then runs hook `mtaudit` in a temporary git repository. Needs git and pip
access to the dependencies (PyPI or a warm pip cache); 20-40 s on an idle machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, SEEDS

CLEAN_STORY = (
    "Ukraine and Poland agree on grain transit\n\n"
    "Ukraine's foreign minister met his Polish counterpart in Warsaw on Friday, officials said.\n"
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def try_repo(desk, *files: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", NO_COLOR="1")
    return subprocess.Popen(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "mtaudit", "--ref", "HEAD", "--color", "never",
         "--files", *files],
        cwd=desk, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )


def test_hook_fails_on_seed_000_and_passes_on_a_clean_story(tmp_path):
    pytest.importorskip("pre_commit")
    desk = tmp_path / "desk"
    desk.mkdir()
    subprocess.run(["git", "init", "-q", str(desk)], check=True)
    shutil.copy(SEEDS / "000_5fb1b673f4b7e9d3.txt", desk / "seed-000.txt")
    (desk / "clean.md").write_text(CLEAN_STORY, encoding="utf-8")
    subprocess.run(["git", "-C", str(desk), "add", "."], check=True)

    # Each try-repo builds its own hook environment; the two run side by side to halve the wait.
    runs = {"failing": try_repo(desk, "seed-000.txt"), "passing": try_repo(desk, "clean.md")}
    output = {name: run.communicate(timeout=300)[0] for name, run in runs.items()}

    assert runs["failing"].returncode == 1, output["failing"]
    assert "mtaudit" in output["failing"] and "Failed" in output["failing"]
    assert "seed-000.txt:1:11: major [" in output["failing"]  # "reprimands", the first tell of seed 000

    assert runs["passing"].returncode == 0, output["passing"]
    assert "Passed" in output["passing"]


def test_fix_hook_entry_applies_the_safe_fixes_and_reports_nothing(tmp_path):
    """Hook `mtaudit-fix` as pre-commit runs it: its entry, then the staged files' names (pre-commit
    itself fails the commit when the files changed)."""
    import shlex

    import yaml

    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in manifest if h["id"] == "mtaudit-fix")
    story = tmp_path / "story.txt"
    fixable = "Grain talks\n\nThe minister arrived in kyiv on Friday, officials said.\n"
    story.write_text(fixable, encoding="utf-8")
    clean = tmp_path / "clean.md"
    clean.write_text(CLEAN_STORY, encoding="utf-8")
    entry = shlex.split(hook["entry"])
    assert entry[0] == "mtaudit"
    result = subprocess.run([sys.executable, "-m", "audit", *entry[1:], str(story), str(clean)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == "mtaudit: fixed 1 finding in 1 file.\n"
    assert story.read_text(encoding="utf-8") == fixable.replace("kyiv", "Kyiv")
    assert clean.read_text(encoding="utf-8") == CLEAN_STORY

