"""Configuration on hostile ground (issue rows 17 and 18): TOML nested thousands deep, absurd numbers
in environment variables, rule directories that are system folders or not folders of rule packs.
Each is one line on standard error and exit 2, never an internal error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit.rules import packdirs
from audit.rules.model import RuleError

from .forked import run_forked

STORY = "Talks in kyiv.\n"


def lint(*args: str, **kwargs):
    result = run_forked("lint", "--no-scores", "--jobs", "1", *args, **kwargs)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    return result


def one_line_error(result) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("mtaudit: error: "), result.stderr
    return result.stderr


def test_toml_nested_thousands_deep(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / ".mtaudit.toml").write_text("ignore = " + "[" * 5_000 + "]" * 5_000 + "\n")
    error = one_line_error(lint(str(tmp_path / "story.txt")))
    assert ".mtaudit.toml:1: invalid TOML: arrays or tables nested too deeply" in error
    pack = tmp_path / "packs" / "deep.toml"
    pack.parent.mkdir()
    pack.write_text("x = " + "[" * 5_000 + "]" * 5_000 + "\n")
    (tmp_path / ".mtaudit.toml").unlink()
    error = one_line_error(lint("--rules", str(pack.parent), str(tmp_path / "story.txt")))
    assert "deep.toml: invalid TOML: arrays or tables nested too deeply" in error


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0", "1e300", "sixteen"])
def test_absurd_size_limits(tmp_path, value):
    (tmp_path / "story.txt").write_text(STORY)
    error = one_line_error(lint(str(tmp_path / "story.txt"), env={"MTAUDIT_MAX_FILE_MB": value}))
    assert f"MTAUDIT_MAX_FILE_MB='{value}': not a size in megabytes from 0 to 4096" in error


@pytest.mark.parametrize("folder", ["/", "/proc", "/etc", "~"])
def test_system_folders_are_not_rule_directories(tmp_path, folder):
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / ".mtaudit.toml").write_text(f'rule-dirs = ["{folder}"]\n')
    error = one_line_error(lint(str(tmp_path / "story.txt")))
    assert "'rule-dirs'" in error and ("a system folder" in error or "your home folder" in error)
    if folder != "~":
        assert "a system folder" in one_line_error(lint("--rules", folder, str(tmp_path / "story.txt")))


def test_a_rule_directory_that_is_not_a_folder_of_packs(tmp_path, monkeypatch):
    """A folder of thousands of entries, or nested deeper than packs are, is not walked to the end."""
    big = tmp_path / "big"
    big.mkdir()
    monkeypatch.setattr(packdirs, "MAX_ENTRIES", 50)
    for number in range(60):
        (big / f"{number}.txt").write_text("")
    with pytest.raises(RuleError, match="holds more than 50 files and folders: not a folder of rule packs"):
        packdirs.rule_pack_files(big)
    deep = tmp_path / "deep"
    Path(deep, *["d"] * (packdirs.MAX_DEPTH + 2)).mkdir(parents=True)
    with pytest.raises(RuleError, match="nested more than"):
        packdirs.rule_pack_files(deep)


def test_a_rule_directory_skips_fifos_links_to_folders_and_hidden_folders(tmp_path):
    packs = tmp_path / "packs"
    (packs / "sub").mkdir(parents=True)
    (packs / "a.toml").write_text("")
    (packs / "sub" / "b.toml").write_text("")
    (packs / ".git").mkdir()
    (packs / ".git" / "c.toml").write_text("")
    os.mkfifo(packs / "fifo.toml")  # reading it would block
    (packs / "up").symlink_to(tmp_path, target_is_directory=True)  # a loop, and out of the folder
    assert [p.name for p in packdirs.rule_pack_files(packs)] == ["a.toml", "b.toml"]
