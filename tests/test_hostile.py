"""Hostile input: every case gives a correct result or a one-line error naming the file (exit 2, the
other files still linted), never a traceback and never a hang. The sizes here are scaled down so that
the suite stays fast; bench/hostile.py runs the full sizes (50 MB, a 10 MB line, 200,000 empty or
short lines, 10,000 files) and shows the time is linear in the size."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet
from audit.runner import audit_document_text

from .conftest import run_cli
from .forked import other_user, public_folder, run_forked

GOOD = "Headline\n\nThe minister said on Monday that talks would continue.\n"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    return {"MTAUDIT_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return RuleSet.load(Config(scores=False))


def lint(env: dict[str, str], *args: str, timeout: float = 60):
    start = time.perf_counter()
    result = run_cli("lint", "--no-scores", "--format", "json", *args, env=env)
    elapsed = time.perf_counter() - start
    assert "Traceback" not in result.stderr, result.stderr
    assert elapsed < timeout, f"took {elapsed:.1f} s"
    return result


def one_error_line(result, name: str) -> str:
    """The one error line that names this file (every line of standard error is an error line)."""
    lines = result.stderr.splitlines()
    assert all(line.startswith("mtaudit: error:") for line in lines), result.stderr
    errors = [line for line in lines if f"{os.sep}{name}:" in line]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_nul_bytes_invalid_utf8_and_unreadable_file_are_one_line_errors_and_others_still_linted(tmp_path, env):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Headline\n\nSome text\x00 more text.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Headline\n\nvalid text\n" + b"caf\xe9 au lait\n" + b"more valid text\n")
    cases = {"nul.txt": "NUL byte at line 3", "bad.txt": "not valid UTF-8 (byte 0xe9 at line 4"}
    for path, expected in ((nul, cases["nul.txt"]), (bad, cases["bad.txt"])):
        result = lint(env, str(good), str(path))
        assert result.returncode == 2
        assert expected in one_error_line(result, path.name)
        assert '"good.txt"' in result.stdout or "good.txt" in result.stdout


def test_unreadable_file():
    """As an ordinary user (the tests run as root, who reads any file: the child drops to nobody)."""
    with public_folder() as folder:
        locked = folder / "locked.txt"
        locked.write_text(GOOD)
        locked.chmod(0)
        result = run_forked("lint", "--no-scores", "--jobs", "1", str(locked), user=other_user())
        assert result.returncode == 2
        assert "permission denied" in one_error_line(result, "locked.txt")


def test_symlink_loop_and_broken_link(tmp_path, env):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "missing.txt")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "up").symlink_to(tmp_path, target_is_directory=True)  # a loop through a folder
    (tmp_path / "dir" / "story.txt").write_text(GOOD)
    result = lint(env, str(loop), str(broken), str(tmp_path / "dir"))
    assert result.returncode == 2
    assert "symbolic links" in one_error_line(result, "loop.txt")
    assert "story.txt" in result.stdout
    assert "broken.txt: broken symbolic link" in result.stderr


def test_utf16_with_bom_is_read(tmp_path, env):
    text = "Headline\r\n\r\nThe talks , which began in Kiev, continued.\r\n"
    for encoding, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(bom + text.encode(encoding))
        result = lint(env, str(path))
        assert result.returncode == 1, result.stderr
        assert '"text": "Kiev"' in result.stdout
        assert '"line": 3' in result.stdout


def test_too_large_file_is_a_one_line_error(tmp_path, env):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB, over a 1 MB limit
    result = lint({**env, "MTAUDIT_MAX_FILE_MB": "1"}, str(big))
    assert result.returncode == 2
    assert "too large (1.5 MB" in one_error_line(result, "big.txt")


def test_directory_of_many_files_in_parallel(tmp_path, env):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(400):  # bench/hostile.py: 10,000
        (folder / f"{number:05d}.txt").write_text(f"Story {number}\n\nThe talks , which began in Kiev, went on.\n")
    result = lint(env, str(folder), "--jobs", "2", timeout=120)
    assert result.returncode == 1
    assert result.stdout.count('"path"') == 400
    assert result.stdout.index("00000.txt") < result.stdout.index("00399.txt")


# The document model and the matchers on pathological text, in process (no interpreter start): each
# must take time linear in the size. 25 and 100 kB each; bench/hostile.py runs 10 MB.
PATHOLOGICAL = {
    "one long word": "a" * 200_000,
    "letters and digits": "a9" * 100_000,
    "hyphenated run": "a-" * 100_000,
    "dotted run": "a." * 100_000,
    "run of dots": "." * 200_000,
    "straight quotes": '"' * 200_000,
    "curly quotes": "“ab " * 50_000,
    "unclosed comments": "<!-- " * 40_000,
    "backticks": "`a`` " * 40_000,
    "run of spaces": "a" + " " * 200_000 + ".",
    "wrapped paragraph": "this is a line that is long enough to be wrapped for sure and more\n" * 3_000,
    "distinct lines": "".join(f"line number {i} has some words in it\n" for i in range(5_000)),
    "empty lines": "\n" * 200_000,
    "one sentence": "the talks , which began in kiev and went on " * 4_500,
    "link targets": "](" * 100_000,
    "e-mail-like run": "a.b+c-" * 30_000 + "@",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_text_is_linear(name, ruleset):
    text = PATHOLOGICAL[name]
    timings = []
    for size in (len(text) // 8, len(text) // 2):
        piece = text[:size]
        start = time.perf_counter()
        for markup in ("text", "markdown"):
            doc = Document.from_text(piece, path="x.md" if markup == "markdown" else "x.txt")
            assert doc.line_starts
        report = audit_document_text(piece, "x.md", Config(scores=False), ruleset)
        timings.append(time.perf_counter() - start)
        assert not any("timed out" in w for w in report.warnings), report.warnings
        for finding in report.findings:
            assert piece[finding.start : finding.end] == finding.text
    # four times the text may cost at most about four times the time (with slack for a busy machine)
    assert timings[1] < 10 * timings[0] + 1.0, timings
    assert timings[1] < 20, timings


def test_many_empty_lines_and_a_long_line(tmp_path, env):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n" * 199_999)  # 200,000 lines: the limit
    long_line = tmp_path / "long.txt"
    long_line.write_text("The talks , which began in Kiev, went on. " * 5_000)  # one 210 kB line
    result = lint(env, str(empty), str(long_line), "--jobs", "1", timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout.count('"text": "Kiev"') == 200  # the first 200 of a rule, then one note
    assert "more matches not shown (TRL-KYIV 4,800, SP-SPACE-BEFORE-PUNCTUATION at least 801)" in result.stdout


def test_more_lines_than_the_limit_is_a_one_line_error(tmp_path):
    """Millions of short lines (within the size limit) took minutes and gigabytes: like an oversized
    file, a file with more lines than MTAUDIT_MAX_LINES is named and not audited."""
    many = tmp_path / "many.txt"
    many.write_bytes(b"a\r\n" * 1_000 + b"b\r" * 1_000 + b"c\n" * 1_001)  # lone CRs end lines too
    result = run_forked("lint", "--no-scores", str(many), env={"MTAUDIT_MAX_LINES": "3000"})
    assert result.returncode == 2
    assert "too many lines (3,002; the limit is 3,000, set MTAUDIT_MAX_LINES" in one_error_line(result, "many.txt")
    for absurd in ("0", "-5", "lots", "1e9"):
        bad = run_forked("lint", "--no-scores", str(many), env={"MTAUDIT_MAX_LINES": absurd})
        assert bad.returncode == 2 and bad.stderr.startswith("mtaudit: error: MTAUDIT_MAX_LINES=")
        assert bad.stderr.count("\n") == 1


def test_crlf_and_lone_cr_positions(tmp_path: Path, env):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\n\r\nThe talks\rbegan in Kiev.\r\n")
    result = lint(env, str(path))
    assert '"line": 4' in result.stdout and '"column": 10' in result.stdout
