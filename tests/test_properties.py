"""Property-based tests: on arbitrary text, linting never raises, every finding's position lies inside
the file and its `text` is the file's characters there, and --fix leaves nothing it claims to fix.
Hostile input too: control characters and escape sequences in the text reach no report raw, file
names that are not UTF-8 render in every format, and a file that changes under --fix is left as it
was changed."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from audit.config import Config
from audit.engine import RuleSet
from audit.fixing import chosen_fixes, fix_text
from audit.runner import audit_document_text

CONFIG = Config(scores=False)
RULES = RuleSet.load(CONFIG)
LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Pieces that make rules fire (and fixes apply), mixed with arbitrary text: line endings of every
# kind, tabs, no-break spaces, curly and guillemet quotes, Cyrillic, emoji and combining marks.
PIECES = [
    "Kiev", "kyiv", "the the", "Watch watch", " ,", " .", "high -level", "“", "”", "«", "»", '"', "'",
    "’", "\r\n", "\r", "\n", "\n\n", "\t", "\u00a0", "Кremlin", "Київ", "😀", "e\u0301", "...", "…",
    "https://kiev.example.com/a", "said.", "Mr. Smith", "  ", "nato", "In the framework of", "Leave a Reply",
    "# Heading", "`code`", "<!-- note -->", "Photo: AP", "By Jane Doe", "KYIV, Ukraine (AP) — ",
    # control characters: escape sequences (clear screen, hyperlink, title), C1, bidi overrides, NUL
    "\x1b[2J", "\x1b]8;;https://x.example/\x1b\\", "\x1b]0;t\x07", "\x9b", "\x85", "\u202e", "\u2066", "\x00",
    "\x7f", "\u2028",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufeff"), max_size=12),
    ),
    max_size=40,
).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _span_text(lines: list[str], finding) -> str:
    """The characters of the original file between a finding's (line, column) and (end_line, end_column)."""
    first, last = finding.line - 1, finding.end_line - 1
    assert 0 <= first <= last < len(lines), (finding, len(lines))
    assert 0 <= finding.column - 1 <= len(lines[first])
    assert 0 <= finding.end_column - 1 <= len(lines[last])
    if first == last:
        assert finding.column <= finding.end_column
        return lines[first][finding.column - 1 : finding.end_column - 1]
    middle = lines[first + 1 : last]
    return "\n".join([lines[first][finding.column - 1 :], *middle, lines[last][: finding.end_column - 1]])


@SETTINGS
@given(text=TEXT, markdown=st.booleans())
@example(text="Headline\n\nHe said »yes\" and left.", markdown=False)  # a closing mark that opens (KeyError)
def test_findings_point_at_their_text_in_the_original_file(text: str, markdown: bool):
    report = audit_document_text(text, "story.md" if markdown else "story.txt", CONFIG, RULES)
    lines = LINE_BREAK.split(text)
    for finding in report.findings:
        assert finding.text, finding
        assert _span_text(lines, finding) == finding.text, finding


@SETTINGS
@given(text=TEXT)
def test_fix_leaves_nothing_it_claims_to_fix(text: str):
    outcome, _linted = fix_text(text, "story.txt", CONFIG, RULES)
    again = audit_document_text(outcome.fixed, "story.txt", CONFIG, RULES)
    # what --fix fixes is every safe fix; after it, a lint finds none (and a second --fix changes nothing)
    assert not chosen_fixes(again.findings), [(f.rule, f.text, f.fix) for f in chosen_fixes(again.findings)]
    assert fix_text(outcome.fixed, "story.txt", CONFIG, RULES)[0].fixed == outcome.fixed


RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@SETTINGS
@given(text=TEXT, name=st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\0" not in b))
def test_hostile_text_and_names_render_safely_in_every_format(text: str, name: bytes):
    """Every format encodes to UTF-8; text, concise and GitHub show no raw control character, bidi
    override or undecodable byte; JSON gives the name's bytes back; SARIF percent-encodes them."""
    import json
    from urllib.parse import unquote_to_bytes

    from audit.report import Report
    from audit.reporters import FORMATS

    path = os.fsdecode(name + b".txt")
    report = Report((audit_document_text(text, path, CONFIG, RULES),))
    for fmt, render in FORMATS.items():
        output = render(report)
        output.encode("utf-8")  # strict: no lone surrogate left
        if fmt in ("text", "concise", "github"):
            assert not RAW_CONTROL.search(output.replace("\n", " ")), (fmt, output)
        elif fmt == "json":
            assert os.fsencode(json.loads(output)["files"][0]["path"]) == name + b".txt"
        elif fmt == "sarif":
            for result in json.loads(output)["runs"][0]["results"]:
                location = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                assert unquote_to_bytes(location) == name + b".txt"


CHANGES = {
    "append": lambda path: path.write_bytes(path.read_bytes() + b"more\n"),
    "same size": lambda path: path.write_bytes(path.read_bytes().swapcase()),
    "replaced by rename": lambda path: (path.with_name("new").write_bytes(path.read_bytes()),
                                        path.with_name("new").replace(path)),
    "made read-only": lambda path: path.chmod(0o444),
    "hard-linked": lambda path: os.link(path, path.with_name("second-name")),
    "removed": lambda path: path.unlink(),
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, change=st.sampled_from(sorted(CHANGES)))
def test_a_fix_target_that_changes_under_the_run_is_left_as_changed(text: str, change: str):
    """Whatever happens to the file between its reading and the rename, mtaudit writes nothing,
    counts nothing as fixed, leaves no temporary file, and says so."""
    import tempfile
    from pathlib import Path
    from unittest import mock

    import audit.fixing as fixing
    from audit.runner import Options, run

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.txt"
        path.write_text(text, encoding="utf-8", newline="")
        real = fixing.fix_text  # (the runner imports it when it fixes: audit/runner.py)
        seen: dict[str, object] = {}

        def changed_meanwhile(*args, **kwargs):
            outcome, linted = real(*args, **kwargs)
            seen["wanted"] = outcome.changed  # mtaudit has a fix to write
            CHANGES[change](path)
            seen["after"] = path.read_bytes() if path.exists() else None
            return outcome, linted

        with mock.patch.object(fixing, "fix_text", changed_meanwhile):
            result = run([path], Options(config=CONFIG, fix=True)).files[0]
        if not seen:
            assert result.error  # not a text file (a NUL byte): never fixed
            return
        assert (path.read_bytes() if path.exists() else None) == seen["after"], change
        assert result.fix is not None and not result.fix.written and not result.fix.applied
        if seen["wanted"]:
            assert any("changed while it was being fixed" in w for w in result.warnings), change
        assert sorted(p.name for p in Path(folder).iterdir() if p.name.endswith(".mtaudit-tmp")) == []
