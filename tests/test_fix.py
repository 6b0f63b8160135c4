"""--fix and --diff: safe fixes (unsafe ones with --unsafe-fixes, display-only ones never), atomic
writes, encoding and line endings kept, idempotent; standard input fixed to standard output."""

from __future__ import annotations

import codecs
import json
import os
import stat

from audit.config import Config
from audit.engine import RuleSet
from audit.fixing import fix_text
from audit.runner import Options, run

from .desk import DESK_OPTIONS, desk_config

STORY = (
    "Talks in kyiv\n\n"
    "A high -level team met in Kiev, and it was was late.\n"
    "Insisting on the fact that nato matters, the the the envoy left.\n"
)
FIXED = (
    "Talks in Kyiv\n\n"
    "A high-level team met in Kyiv, and it was late.\n"
    "Insisting on the fact that NATO matters, the envoy left.\n"  # the unsafe calque fix is not applied
)


def fixed(text: str, unsafe: bool = False) -> str:
    config = desk_config()
    return fix_text(text, "story.txt", config, RuleSet.load(config), unsafe=unsafe)[0].fixed


def test_safe_fixes_only_and_a_second_run_changes_nothing():
    assert fixed(STORY) == FIXED
    assert fixed(FIXED) == FIXED


def test_unsafe_fixes_are_applied_only_when_asked():
    assert fixed(STORY, unsafe=True) == FIXED.replace("Insisting on the fact that", "Stressing that")


def test_remaining_findings_are_reported():
    config = desk_config()
    outcome, linted = fix_text(STORY, "story.txt", config, RuleSet.load(config))
    assert [f.rule for f in linted.findings] == ["T-UNSAFE"]
    assert linted.findings[0].fix.applicability == "unsafe"
    assert len(outcome.applied) == 7


def test_line_endings_and_bom_are_kept():
    crlf = "\ufeff" + STORY.replace("\n", "\r\n")
    assert fixed(crlf) == "\ufeff" + FIXED.replace("\n", "\r\n")
    mixed = "Talks in kyiv\r\n\rIt was was late.\nIn kyiv.\r\n"
    assert fixed(mixed) == "Talks in Kyiv\r\n\rIt was late.\nIn Kyiv.\r\n"


def test_a_fix_across_a_line_break_keeps_the_other_endings():
    wrapped = "The delegation from the capital said that the talks were"  # a wrapped line: one paragraph
    text = f"Headline\r\n\r\n{wrapped}\r\nwere late in kyiv.\r\nEnd.\r\n"
    assert fixed(text) == f"Headline\r\n\r\n{wrapped} late in Kyiv.\r\nEnd.\r\n"


def test_fix_file_keeps_utf16_encoding_mode_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + STORY.replace("\n", "\r\n").encode("utf-16-be"))
    os.chmod(path, 0o640)
    options = Options(config=desk_config(), fix=True)
    result = run([path], options).files[0]
    assert result.fix.changed and result.fix.written
    assert path.read_bytes() == codecs.BOM_UTF16_BE + FIXED.replace("\n", "\r\n").encode("utf-16-be")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]
    again = run([path], options).files[0]
    assert not again.fix.changed


def test_cli_fix_then_nothing_left_to_fix(cli, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    first = cli("lint", *DESK_OPTIONS, "--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    assert "fixed 7 findings in 1 file" in first.stderr
    assert "T-UNSAFE" in first.stdout and "T-CASE-KYIV" not in first.stdout
    assert first.returncode == 1  # the unsafe finding remains
    before = path.stat().st_mtime_ns
    second = cli("lint", *DESK_OPTIONS, "--fix", str(path))
    assert "fixed 0 findings in 0 files" in second.stderr
    assert path.stat().st_mtime_ns == before  # not rewritten


def test_cli_diff_writes_nothing(cli, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = cli("lint", *DESK_OPTIONS, "--diff", str(path))
    assert path.read_text(encoding="utf-8") == STORY
    assert result.returncode == 1
    assert result.stdout.startswith(f"--- {path}\n+++ {path}\n@@ -1,4 +1,4 @@\n")
    assert "\n-A high -level team met in Kiev, and it was was late.\n" in result.stdout
    assert "\n+A high-level team met in Kyiv, and it was late.\n" in result.stdout
    clean = tmp_path / "clean.txt"
    clean.write_text(FIXED, encoding="utf-8")
    nothing = cli("lint", *DESK_OPTIONS, "--diff", str(clean))
    assert nothing.returncode == 0 and nothing.stdout == ""


def test_cli_fix_of_standard_input_writes_the_fixed_text_to_standard_output(cli):
    result = cli("lint", *DESK_OPTIONS, "--fix", "-", stdin=STORY)
    assert result.stdout == FIXED
    assert "T-UNSAFE" in result.stderr  # the report of what remains goes to standard error
    assert result.returncode == 1


def test_cli_diff_in_json_and_unsafe_fixes(cli, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = cli("lint", *DESK_OPTIONS, "--diff", "--unsafe-fixes", "--format", "json", str(path))
    data = json.loads(result.stdout)
    fixes = data["files"][0]["fixes"]
    assert {f["fix"]["applicability"] for f in fixes} == {"safe", "unsafe"}
    assert "+Stressing that NATO matters, the envoy left.\n" in data["files"][0]["diff"]
    assert data["summary"]["fixes"] == 8 and result.returncode == 1
    assert path.read_text(encoding="utf-8") == STORY


def test_conflicting_fix_options_are_an_error(cli, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    for options in (["--fix", "--diff"], ["--unsafe-fixes"], ["--diff", "--statistics"]):
        result = cli("lint", *DESK_OPTIONS, *options, str(path))
        assert result.returncode == 2 and result.stderr.startswith("mtaudit: error: "), (options, result.stderr)
    assert path.read_text(encoding="utf-8") == STORY


def test_a_display_only_fix_is_shown_but_never_applied(tmp_path):
    (tmp_path / "pack.toml").write_text(
        '[[rule]]\nid = "X-SHOWN"\ncategory = "translationese"\nseverity = "minor"\nkind = "phrase"\n'
        'phrases = {"in the frame of" = "within"}\nfix = "display-only"\nmessage = "m"\nwhy = "w"\n'
        'examples.bad = [{ text = "Talks <m>in the frame of</m> the summit.",'
        ' correction = "Talks within the summit." }]\n'
        'examples.good = ["Talks within the summit."]\n',
        encoding="utf-8",
    )
    config = Config(rule_dirs=(tmp_path,), builtin_rules=False)
    text = "Headline\n\nTalks in the frame of the summit.\n"
    outcome, linted = fix_text(text, "story.txt", config, RuleSet.load(config), unsafe=True)
    assert outcome.fixed == text and not outcome.applied
    assert linted.findings[0].fix.applicability == "display-only"
    assert linted.findings[0].to_dict()["fix"] == {"replacement": "within", "applicability": "display-only"}


def test_house_style_fix(cli, tmp_path):
    (tmp_path / ".mtaudit.toml").write_text('house-style = {zelensky = "Zelensky"}\n', encoding="utf-8")
    path = tmp_path / "story.md"
    path.write_text("Talks\n\nPresident Zelenskyy spoke. `Zelenskyy` stays in code.\n", encoding="utf-8")
    cli("lint", "--no-scores", "--select", "HOUSE", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "Talks\n\nPresident Zelensky spoke. `Zelenskyy` stays in code.\n"
