"""--changed-since REV: only findings on lines changed against a git revision."""

from __future__ import annotations

import json
import subprocess

import pytest

from .desk import DESK_OPTIONS

OLD = "Headline\n\nIn kyiv, it was late.\nIn kyiv, the talks ended.\n"
NEW = "Headline\n\nIn kyiv, it was late.\nIn kyiv, the talks ended.\nLater nato said it was was over.\n"


def git(folder, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "desk@example.com")
    git(tmp_path, "config", "user.name", "Desk")
    (tmp_path / "story.txt").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", "story.txt")
    git(tmp_path, "commit", "-q", "-m", "story")
    return tmp_path


def lines_reported(result) -> list[int]:
    return [f["line"] for f in json.loads(result.stdout)["files"][0]["findings"]]


def test_only_changed_lines_are_reported(cli, repository):
    story = repository / "story.txt"
    story.write_text(NEW.replace("In kyiv, it was late.", "In kyiv, it was very late."), encoding="utf-8")
    result = cli("lint", *DESK_OPTIONS, "--format", "json", "--changed-since", "HEAD", str(story))
    assert result.returncode == 1
    assert lines_reported(result) == [3, 5, 5]  # the edited line 3 and the new line 5; line 4 is old
    assert lines_reported(cli("lint", *DESK_OPTIONS, "--format", "json", str(story))) == [3, 4, 5, 5]


def test_staged_changes_count_and_untracked_files_are_new_throughout(cli, repository):
    story = repository / "story.txt"
    story.write_text(NEW, encoding="utf-8")
    git(repository, "add", "story.txt")
    staged = cli("lint", *DESK_OPTIONS, "--changed-since", "HEAD", str(story))
    assert staged.stdout.count("[T-") == 2
    fresh = repository / "fresh.txt"
    fresh.write_text(OLD, encoding="utf-8")
    assert cli("lint", *DESK_OPTIONS, "--changed-since", "HEAD", str(fresh)).stdout.count("[T-") == 2
    unchanged = cli("lint", *DESK_OPTIONS, "--changed-since", "HEAD", str(repository / "story.txt"))
    assert unchanged.returncode == 1


def test_fix_touches_only_changed_lines(cli, repository):
    story = repository / "story.txt"
    story.write_text(NEW, encoding="utf-8")
    cli("lint", *DESK_OPTIONS, "--changed-since", "HEAD", "--fix", str(story))
    assert story.read_text(encoding="utf-8") == NEW.replace("nato said it was was", "NATO said it was")


def test_errors_are_clear(cli, repository, tmp_path_factory):
    story = repository / "story.txt"
    bad = cli("lint", *DESK_OPTIONS, "--changed-since", "no-such-rev", str(story))
    assert bad.returncode == 2
    assert bad.stderr.strip() == f"mtaudit: error: --changed-since: unknown revision 'no-such-rev' in {repository}"
    outside = tmp_path_factory.mktemp("plain") / "story.txt"
    outside.write_text(OLD, encoding="utf-8")
    result = cli("lint", *DESK_OPTIONS, "--changed-since", "HEAD", str(outside))
    assert result.returncode == 2 and "not in a git repository" in result.stderr and "Traceback" not in result.stderr
