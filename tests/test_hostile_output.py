"""Output that cannot attack a terminal and never fails to encode (issue rows 8 and 13): escape
sequences, bidi overrides and C1 controls in the text and in file names; names that are not UTF-8;
a strict standard output; every format, to standard output and to -o."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from audit.reporters.text import _excerpt
from audit.safe_text import json_safe, terminal_safe, uri_path

from .forked import run_forked

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "rdjson", "github", "html")
# raw control characters a terminal would act on (tab and newline aside: they end report lines)
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_TEXT = (
    "Talks\n\n"
    "The \x1b[2Jscreen, a \x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\ and a \x1b]0;title\x07 title met in "
    "kyiv, \u202eesrever\u202c and \x9b31m C1 said.\n"
)
NAMES = [b"caf\xe9.txt", b"a\x1b[2Jb\nforged.txt:1:1: critical [FAKE] c.txt", b"\xe2\x80\xaeevil.txt"]


@pytest.fixture
def desk(tmp_path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    for name in NAMES:
        with open(os.path.join(os.fsencode(folder), name), "w", encoding="utf-8") as handle:
            handle.write(HOSTILE_TEXT)
    return folder


def lint(*args: str, **kwargs):
    result = run_forked("lint", "--no-scores", "--jobs", "1", "--select", "CASE-UKRAINE-CITIES", *args, **kwargs)
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_survives_hostile_names_and_text_on_a_strict_stdout_and_with_o(desk, tmp_path, fmt):
    to_stdout = lint("--format", fmt, str(desk))  # standard output: a strict UTF-8 text stream
    target = tmp_path / f"report.{fmt}"
    lint("--format", fmt, "-o", str(target), str(desk))
    written = target.read_bytes()
    assert written == to_stdout.stdout_bytes
    report = written.decode("utf-8")  # valid UTF-8 throughout
    if fmt != "html":  # a page for a browser: names escaped (surrogates as \xNN), the article's text as it is
        assert not RAW_CONTROL.search(report), repr(RAW_CONTROL.search(report))
    if fmt == "rdjson":
        diagnostics = json.loads(report)["diagnostics"]
        assert {os.fsencode(os.path.basename(d["location"]["path"])) for d in diagnostics} == set(NAMES)
    if fmt in ("json", "sarif"):
        data = json.loads(report)
        if fmt == "json":
            names = {os.fsencode(os.path.basename(f["path"])) for f in data["files"]}
            assert names == set(NAMES)  # the surrogate escapes give the original bytes back
            assert {f["findings"][0]["text"] for f in data["files"]} == {"kyiv"}
        else:
            results = data["runs"][0]["results"]
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
            assert {uri.rsplit("/", 1)[-1] for uri in uris} == {uri_path(os.fsdecode(n)) for n in NAMES}
            assert any(uri.endswith("caf%E9.txt") for uri in uris)
    if fmt == "jsonl":
        assert len(report.splitlines()) == len(NAMES)
    if fmt in ("text", "concise", "github"):
        headers = [line for line in report.splitlines() if "CASE-UKRAINE-CITIES" in line]
        assert len(headers) == len(NAMES)  # a newline in a name forges no report line
        assert not any("[FAKE]" in line and "CASE-" not in line for line in report.splitlines())
        newline = "%0A" if fmt == "github" else "\\n"  # GitHub's own escape, which it turns back into the name
        assert "caf\\xe9.txt" in report and f"\\x1b[2Jb{newline}forged" in report and "\\u202eevil.txt" in report


def test_the_excerpt_shows_escapes_and_marks_the_right_characters(desk):
    text = lint(str(desk / "caf\udce9.txt")).stdout
    excerpt, caret = [line for line in text.splitlines() if line.lstrip().startswith(("3 |", "|"))][:2]
    assert "\\x1b]0;title\\x07" in excerpt and "\\u202e" in excerpt and "\\x9b31m" in excerpt
    assert caret.index("^") == excerpt.index("kyiv") and caret.count("^") == 4


def test_a_cut_never_leaves_half_an_escape_sequence():
    line = "x" * 40 + "\x1b]8;;https://evil.example/\x1b\\" + "y" * 30 + "kyiv" + "\x1b[2J" * 30
    start = line.index("kyiv")
    for left_shift in range(0, 40):
        excerpt, s, e = _excerpt(line[left_shift:], start - left_shift, start - left_shift + 4)
        assert "\x1b" not in excerpt
        assert excerpt[s:e] == "kyiv"


def test_the_helpers():
    assert terminal_safe("a\x1b[2Jb\u202ec\udce9\n\x9b") == "a\\x1b[2Jb\\u202ec\\xe9\\n\\x9b"
    assert terminal_safe("plain “quoted” Київ") == "plain “quoted” Київ"
    encoded = json_safe(json.dumps({"p": "caf\udce9 \u202e \x85"}, ensure_ascii=False))
    assert "\udce9" not in encoded and "\u202e" not in encoded and "\x85" not in encoded
    assert json.loads(encoded) == {"p": "caf\udce9 \u202e \x85"}
    assert uri_path("dir/caf\udce9 b.txt") == "dir/caf%E9%20b.txt"
