"""The command line: output formats, exit codes and bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from .conftest import ROOT, SEEDS

SEED_000 = str(SEEDS / "000_5fb1b673f4b7e9d3.txt")
CLEAN = "Ukraine's foreign minister met his Polish counterpart in Warsaw on Friday, officials said.\n"


def test_text_output_format(cli):
    result = cli("lint", SEED_000)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert re.match(r"^seeds/000_5fb1b673f4b7e9d3\.txt:1:11: major \[FF-REPRIMAND\] .+ \(suggestion: rebukes\)$", first)
    lines = result.stdout.splitlines()
    assert lines[1].startswith("    1 | Zelenskyy reprimands Russia’s request to participate")
    assert lines[2].endswith("|           ^^^^^^^^^^")
    assert re.match(r"^\d+ findings \(.*\) in 1 file; verdicts: 1 likely-mt\.$", lines[-1])


def test_json_contract(cli):
    result = cli("lint", "--format", "json", SEED_000)
    data = json.loads(result.stdout)
    assert data["tool"]["name"] == "mtaudit" and data["tool"]["version"]
    findings = data["files"][0]["findings"]
    kyiv = [f for f in findings if f["text"] == "kyiv"][0]
    assert {k: kyiv[k] for k in ("line", "column", "end_line", "end_column", "suggestion", "in_quote")} == {
        "line": 6, "column": 101, "end_line": 6, "end_column": 105, "suggestion": "Kyiv", "in_quote": False}
    for key in ("rule", "category", "severity", "message"):
        assert kyiv[key]
    assert "summary" in data
    text = (SEEDS / "000_5fb1b673f4b7e9d3.txt").read_text(encoding="utf-8").split("\n")
    for finding in findings:
        if finding["line"] == finding["end_line"]:
            assert text[finding["line"] - 1][finding["column"] - 1 : finding["end_column"] - 1] == finding["text"]


def test_output_is_deterministic(cli):
    first = cli("lint", "--format", "json", "seeds")
    second = cli("lint", "--format", "json", "seeds")
    assert first.stdout == second.stdout


def test_exit_codes_and_fail_on(cli, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert cli("lint", str(clean)).returncode == 0
    minor_only = tmp_path / "minor.txt"
    minor_only.write_text("Headline\n\nThe minister arrived in kyiv on Friday.\n", encoding="utf-8")
    assert cli("lint", str(minor_only)).returncode == 1
    assert cli("lint", "--fail-on", "major", str(minor_only)).returncode == 0
    assert cli("lint", "--fail-on", "nonsense", str(minor_only)).returncode == 2


def test_stdin(cli):
    result = cli("lint", "--format", "json", "-", stdin="Headline\n\nRutte was in kyiv.\n")
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "<stdin>"
    assert data["files"][0]["findings"][0]["text"] == "kyiv"


def test_directory_recursion_and_include(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("Headline\n\nIn kyiv today.\n", encoding="utf-8")
    (tmp_path / "a" / "story.md").write_text("Headline\n\nIn kyiv today.\n", encoding="utf-8")
    (tmp_path / "a" / "story.rst").write_text("Headline\n\nIn kyiv today.\n", encoding="utf-8")
    data = json.loads(cli("lint", "--format", "json", str(tmp_path)).stdout)
    assert sorted(os.path.basename(f["path"]) for f in data["files"]) == ["story.md", "story.txt"]
    data = json.loads(cli("lint", "--format", "json", "--include", "*.rst", str(tmp_path)).stdout)
    assert len(data["files"]) == 3


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "no such file or directory"),
        ("binary.txt", b"Kyiv\x00\x01\x02 binary", "binary file"),
        ("latin1.txt", "Headline\n\nCaf\u00e9 in kyiv\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at line 3"),
    ],
)
def test_bad_input_gives_one_line_error_and_others_are_linted(cli, tmp_path, name, content, message):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\nRutte was in kyiv.\n", encoding="utf-8")
    result = cli("lint", "--format", "json", str(bad), str(good))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and name in errors[0] and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    linted = [f for f in data["files"] if f["path"].endswith("good.txt")]
    assert linted[0]["findings"][0]["text"] == "kyiv"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(cli, tmp_path):
    bad = tmp_path / "secret.txt"
    bad.write_text("text", encoding="utf-8")
    bad.chmod(0)
    result = cli("lint", str(bad))
    assert result.returncode == 2 and "permission denied" in result.stderr


def test_unreadable_file_as_root_is_reported(cli, tmp_path):
    """A directory given where a file is expected stands in for an unreadable path under root."""
    target = tmp_path / "loop"
    os.symlink(target, target)  # a symbolic link to itself cannot be read
    result = cli("lint", str(target))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "loop" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exit_code(cli):
    assert cli("lint").returncode == 2
    assert cli("lint", "--format", "yaml", SEED_000).returncode == 2


def test_output_file_is_written_atomically(cli, tmp_path):
    out = tmp_path / "report.json"
    result = cli("lint", "--format", "json", "-o", str(out), SEED_000)
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["files"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_rule_documentation_commands(cli):
    listing = cli("rules")
    assert listing.returncode == 0 and "FF-REPRIMAND" in listing.stdout
    shown = cli("rule", "FF-REPRIMAND")
    assert shown.returncode == 0
    assert "Why:" in shown.stdout and "<m>reprimands</m>" in shown.stdout
    missing = cli("rule", "NO-SUCH-RULE")
    assert missing.returncode == 2 and "no rule" in missing.stderr


def test_python_dash_m_and_version(cli):
    result = cli("--version")
    assert result.returncode == 0 and result.stdout == "mtaudit, version 0.1.0\n"
    assert cli("lint", "--version").returncode == 2  # only the program's own --version takes the short way


def test_version_and_the_package_load_nothing_they_do_not_use():
    probe = (
        "import sys; sys.argv = ['mtaudit', '--version']\n"
        "import audit\n"
        "from audit.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = [m for m in ('click', 'audit.engine', 'audit.cli', 'audit.runner') if m in sys.modules]\n"
        "print(loaded, audit.Options.__module__)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.splitlines()[-1] == "[] audit.runner", result.stderr


def test_bad_rule_pack_is_a_one_line_error(cli, tmp_path):
    (tmp_path / "bad.toml").write_text("[[rule]]\nid = 'X-Y'\nkind = 'phrase'\n", encoding="utf-8")
    result = cli("lint", "--rules", str(tmp_path), SEED_000)
    assert result.returncode == 2
    assert "bad.toml" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_root_is_repo():
    assert (ROOT / "pyproject.toml").exists()


def test_every_sub_command_module_is_in_the_table_of_lazy_commands():
    """audit/commands/__init__.py MODULES names each command of each module of the package (imported
    when the command is run or listed), so that none is left out of `mtaudit --help`."""
    import importlib
    import pkgutil

    from audit import commands
    from audit.cli import cli

    found = {}
    for module_info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"audit.commands.{module_info.name}")
        found.update({command.name: module_info.name for command in getattr(module, "COMMANDS", ())})
    assert found == commands.MODULES
    listed = cli.list_commands(None)
    assert set(found) <= set(listed) and listed == sorted(listed)
    assert all(cli.get_command(None, name).name == name for name in listed)
