"""Batch output: the verdict tally, --fail-on-verdict, colour, the concise format, short excerpts of
long spans, the progress bar, and `score` taking lint's --config, --select, --ignore and --jobs."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys

import pytest

from audit.report import FileReport, Report
from audit.reporters.colour import wants_colour
from audit.reporters.text import _excerpt

from .conftest import ROOT, SEEDS
from .inprocess import invoke
from .scores import scores

SEED_000 = str(SEEDS / "000_5fb1b673f4b7e9d3.txt")  # likely-mt, one critical finding
SEED_003 = str(SEEDS / "003_a14bf05bf62ee9cb.txt")  # clean, minor and neutral findings only
ANSI = "\x1b["


def test_verdict_tally_in_the_summary_line_and_the_json_summary():
    data = json.loads(invoke("lint", "--format", "json", "seeds").stdout)
    verdicts = [record["verdict"] for record in data["files"]]
    counts = {verdict: verdicts.count(verdict) for verdict in ("clean", "too-short", "review", "likely-mt")}
    assert data["summary"]["by_verdict"] == counts and sum(counts.values()) == 5
    worst_first = [f"{counts[v]} {v}" for v in ("likely-mt", "review", "clean", "too-short") if counts[v]]
    text = invoke("lint", "seeds").stdout.splitlines()[-1]
    assert re.fullmatch(r"\d+ findings \(.+\) in 5 files; verdicts: " + re.escape(", ".join(worst_first)) + r"\.", text)
    unscored = invoke("lint", "--no-scores", "seeds")
    assert "verdicts" not in unscored.stdout.splitlines()[-1]
    assert json.loads(invoke("lint", "--no-scores", "--format", "json", "seeds").stdout)["summary"]["by_verdict"] == {}


def test_fail_on_verdict():
    # seed 003 is clean and has nothing at or above major; seed 000 is likely-mt
    assert invoke("lint", "--fail-on", "major", SEED_003).returncode == 0
    assert invoke("lint", "--fail-on", "major", "--fail-on-verdict", "review", SEED_003).returncode == 0
    assert invoke("lint", "--fail-on", "critical", "--fail-on-verdict", "likely-mt", SEED_000).returncode == 1
    result = invoke("lint", "--fail-on", "critical", "--fail-on-verdict", "review", "--format", "json", SEED_000)
    assert result.returncode == 1
    summary = json.loads(result.stdout)["summary"]
    assert summary["failed"] is True and summary["fail_on_verdict"] == "review"
    assert invoke("lint", "--fail-on-verdict", "clean", SEED_003).returncode == 2  # not a choice
    refused = invoke("lint", "--no-scores", "--fail-on-verdict", "review", SEED_003)
    assert refused.returncode == 2 and "needs the scores" in refused.stderr


def test_fail_on_verdict_ranks_too_short_with_clean():
    files = [FileReport(path=f"{verdict}.txt", scores=scores(verdict)) for verdict in ("clean", "too-short")]
    assert Report(tuple(files), fail_on="critical", fail_on_verdict="review").exit_code() == 0
    files.append(FileReport(path="r.txt", scores=scores("review")))
    assert Report(tuple(files), fail_on="critical", fail_on_verdict="review").exit_code() == 1
    assert Report(tuple(files), fail_on="critical", fail_on_verdict="likely-mt").exit_code() == 0


def test_colour_choices():
    assert ANSI in invoke("lint", "--color", "always", SEED_000).stdout
    assert ANSI in invoke("lint", "--color", "always", SEED_000, env={"NO_COLOR": "1"}).stdout  # asked for
    assert ANSI not in invoke("lint", "--color", "never", SEED_000).stdout
    assert ANSI not in invoke("lint", SEED_000).stdout  # a pipe
    assert ANSI not in invoke("lint", "--format", "json", "--color", "always", SEED_000).stdout
    assert wants_colour("auto", True, {}) and not wants_colour("auto", True, {"NO_COLOR": "1"})
    assert wants_colour("auto", True, {"NO_COLOR": ""}) and not wants_colour("auto", False, {})


def run_in_terminal(*args: str, env: dict[str, str] | None = None, terminal: str = "stdout") -> tuple[str, str]:
    """Run `python -m audit ARGS` with standard output or standard error on a pseudo-terminal; return
    (what the terminal got, what the pipe got)."""
    master, slave = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI", "MTAUDIT_DEBUG")}
    full_env.update(env or {})
    streams = {"stdout": slave, "stderr": subprocess.PIPE} if terminal == "stdout" else \
        {"stdout": subprocess.PIPE, "stderr": slave}
    process = subprocess.Popen([sys.executable, "-m", "audit", *args], cwd=ROOT, env=full_env,
                               stdin=subprocess.DEVNULL, **streams)
    os.close(slave)
    received = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    piped = (process.stderr if terminal == "stdout" else process.stdout).read()
    process.wait(timeout=60)
    return received.decode("utf-8", "replace"), piped.decode("utf-8", "replace")


def test_colour_on_a_terminal_unless_no_color():
    on_terminal, _ = run_in_terminal("lint", SEED_000)
    assert ANSI in on_terminal and "reprimands" in on_terminal
    plain, _ = run_in_terminal("lint", SEED_000, env={"NO_COLOR": "1"})
    assert ANSI not in plain and "reprimands" in plain
    never, _ = run_in_terminal("lint", "--color", "never", SEED_000)
    assert ANSI not in never


def test_progress_bar_on_a_terminal_only(tmp_path, cli):
    for number in range(24):
        (tmp_path / f"{number:02d}.txt").write_text(f"Story {number}\n\nThe talks went on in kyiv.\n", encoding="utf-8")
    terminal, piped_stdout = run_in_terminal("lint", "--no-scores", "--jobs", "2", str(tmp_path), terminal="stderr")
    assert "Linting" in terminal and "24/24" in terminal
    assert piped_stdout.splitlines()[-1].startswith("24 findings")
    assert cli("lint", "--no-scores", str(tmp_path)).stderr == ""  # a pipe: no bar
    in_ci, _ = run_in_terminal("lint", "--no-scores", str(tmp_path), env={"CI": "true"}, terminal="stderr")
    assert "Linting" not in in_ci


def test_concise_format_is_one_line_a_finding():
    result = invoke("lint", "--format", "concise", SEED_000)
    findings = json.loads(invoke("lint", "--format", "json", SEED_000).stdout)["files"][0]["findings"]
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert len(lines) == len(findings) + 2  # the findings, the score line, the summary
    assert lines[0] == ("seeds/000_5fb1b673f4b7e9d3.txt:1:11: major [FF-REPRIMAND] “reprimands” is what a superior "
                        "does to a subordinate; between leaders or states write “rebukes”. (suggestion: rebukes)")
    assert not any(" | " in line and line.lstrip().startswith(("|", "1 |")) for line in lines)
    assert lines[-2].startswith("seeds/000_5fb1b673f4b7e9d3.txt: scores: MT likely-mt")


def test_long_spans_are_shortened_in_the_excerpt():
    line = "Start " + "word " * 80 + "end."
    excerpt, start, end = _excerpt(line, 6, len(line))
    shown = excerpt[start:end]
    assert end - start == 51 and shown.startswith("word word") and shown.endswith("word end.") and "…" in shown
    assert len(excerpt) <= 110
    short, s, e = _excerpt("In kyiv today.", 3, 7)
    assert short[s:e] == "kyiv"


def test_long_span_in_the_text_report(tmp_path):
    pack = tmp_path / "packs"
    pack.mkdir()
    (pack / "desk.toml").write_text(
        '[[rule]]\nid = "DESK-LONG"\ncategory = "grammar"\nseverity = "minor"\nkind = "regex"\n'
        "pattern = 'Long.*end'\nmessage = \"A long span.\"\nwhy = \"w\"\n"
        'examples.bad = ["<m>Long and end</m>"]\nexamples.good = ["short"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nLong " + "paragraph " * 40 + "end.\n", encoding="utf-8")
    result = invoke("lint", "--no-builtin-rules", "--rules", str(pack), "--no-scores", str(story))
    carets = result.stdout.splitlines()[2]
    assert carets.count("^") == 51


def test_statistics_json_with_rdjson_format():
    rows = json.loads(invoke("lint", "--statistics", "--format", "rdjson", SEED_000).stdout)
    assert rows[0]["rule"] and rows[0]["count"] >= 1


def test_score_takes_lints_config_select_ignore_and_jobs(tmp_path):
    def apt(*options: str) -> float:
        result = invoke("score", "--format", "json", *options, SEED_000)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)[0]["scores"]["mqm"]["apt"]

    config = tmp_path / "desk.toml"
    config.write_text('ignore = ["FF"]\n', encoding="utf-8")
    everything, without_ff = apt(), apt("--ignore", "FF")
    assert 0 < apt("--select", "FF") < everything and without_ff < everything
    assert apt("--config", str(config)) == without_ff
    serial = invoke("score", "--jobs", "1", SEED_000, SEED_003)
    parallel = invoke("score", "--jobs", "2", SEED_000, SEED_003)
    assert serial.stdout == parallel.stdout and serial.returncode == 0
    missing = invoke("score", "--config", str(tmp_path / "missing.toml"), SEED_000)
    assert missing.returncode == 2 and missing.stderr.startswith("mtaudit: error:")


@pytest.mark.parametrize("fmt", ["concise", "rdjson", "html"])
def test_new_formats_with_jobs_match_a_serial_run(fmt):
    serial = invoke("lint", "--format", fmt, "--jobs", "1", "seeds")
    parallel = invoke("lint", "--format", fmt, "--jobs", "2", "seeds")
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout
