"""Baselines keyed on content (rule, flagged text, sentence), SARIF partialFingerprints from the same
key, and reviewdog's rdjson."""

from __future__ import annotations

import json

import pytest

from audit.baseline import Baseline, content_key, fingerprints
from audit.runner import audit_text

from .conftest import SEEDS, SHARED
from .desk import DESK_OPTIONS, desk_config
from .inprocess import invoke

STORY = (
    "Talks in Warsaw\n\n"
    "The minister arrived in kyiv on Friday.\n\n"
    "It was was a good day. He thanked kyiv and Warsaw.\n"
)
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def lint(*args: str):
    return invoke("lint", *DESK_OPTIONS, *args)


def test_baseline_survives_inserted_lines_and_reports_only_new_findings(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = lint("--write-baseline", str(baseline), str(story))
    assert written.returncode == 0 and written.stdout == ""
    assert "wrote 3 findings of 1 file" in written.stderr
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert list(recorded["files"]) == ["story.txt"]  # relative to the baseline's folder
    assert [(e["rule"], e["line"], e["column"], e["text"]) for e in recorded["files"]["story.txt"]] == [
        ("T-CASE-KYIV", 3, 25, "kyiv"), ("T-DOUBLED", 5, 4, "was was"), ("T-CASE-KYIV", 5, 35, "kyiv")]

    # new paragraphs above, spacing changed: every line number changes, no key does
    story.write_text("Talks in Warsaw\n\nA new first paragraph.\n\nAnd a second one.\n\n"
                     "The minister  arrived in kyiv on Friday.\n\n"
                     "It was was a good day. He thanked kyiv and Warsaw.\n", encoding="utf-8")
    quiet = lint("--baseline", str(baseline), str(story))
    assert quiet.returncode == 0, quiet.stdout
    assert quiet.stdout.splitlines() == ["0 findings in 1 file."]
    assert "3 findings recorded in the baseline" in quiet.stderr and "stale" not in quiet.stderr

    with story.open("a", encoding="utf-8") as handle:
        handle.write("\nA new story from kyiv arrived.\n")
    new = lint("--baseline", str(baseline), "--format", "json", str(story))
    assert new.returncode == 1
    findings = json.loads(new.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["line"], f["text"]) for f in findings] == [("T-CASE-KYIV", 11, "kyiv")]


def test_stale_entries_are_listed(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    gone = tmp_path / "gone.txt"
    gone.write_text("Old story\n\nIt was was late in kyiv.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert lint("--write-baseline", str(baseline), str(story), str(gone)).returncode == 0
    story.write_text(STORY.replace("was was", "was"), encoding="utf-8")
    gone.unlink()
    result = lint("--baseline", str(baseline), str(story))
    assert result.returncode == 0
    stale = [line for line in result.stderr.splitlines() if line.startswith("mtaudit: stale:")]
    assert stale == [
        "mtaudit: stale: gone.txt:3: T-DOUBLED “was was”",
        "mtaudit: stale: gone.txt:3: T-CASE-KYIV “kyiv”",
        "mtaudit: stale: story.txt:5: T-DOUBLED “was was”",
    ]
    assert "3 baseline entries no longer found" in result.stderr


def test_baseline_errors_are_one_line(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    missing = lint("--baseline", str(tmp_path / "none.json"), str(story))
    assert missing.returncode == 2 and missing.stderr.strip().endswith("no such baseline file (write one with "
                                                                       "--write-baseline)")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    bad = lint("--baseline", str(tmp_path / "bad.json"), str(story))
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "not a baseline file" in bad.stderr
    both = lint("--baseline", "a.json", "--write-baseline", "b.json", str(story))
    assert both.returncode == 2


def test_keys_ignore_position_and_whitespace_and_number_repeats():
    first = audit_text(STORY, desk_config(scores=False)).files[0]
    moved = audit_text("Talks in Warsaw\n\nInserted.\n\n" + STORY.split("\n\n", 1)[1].replace(" on ", " \u00a0on "),
                       desk_config(scores=False)).files[0]
    assert fingerprints(first.findings, first.document) == fingerprints(moved.findings, moved.document)
    keys = fingerprints(first.findings, first.document)
    assert keys[0].endswith(":1") and keys[0] != keys[2]  # the same word in two sentences
    twice = audit_text("Head\n\nIn kyiv. In kyiv.\n", desk_config(scores=False)).files[0]
    assert [k.split(":")[1] for k in fingerprints(twice.findings, twice.document)] == ["1", "2"]
    assert content_key("R", "a  b", "x\ny") == content_key("R", "a b", "x y") != content_key("S", "a b", "x y")


def test_baseline_round_trip(tmp_path):
    report = audit_text(STORY, desk_config(scores=False), path=str(tmp_path / "s.txt"))
    baseline = Baseline.from_reports(report.files, tmp_path / "b.json")
    (tmp_path / "b.json").write_text(baseline.dumps(), encoding="utf-8")
    loaded = Baseline.load(tmp_path / "b.json")
    assert loaded.files == baseline.files
    kept, outcome = loaded.apply(report.files)
    assert outcome.known == 3 and not outcome.stale and kept[0].findings == ()
    assert len(report.files[0].findings) == 3  # the reports themselves are not changed


def test_sarif_fingerprints_are_stable_and_valid(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")

    def results() -> list[dict]:
        sarif = json.loads(lint("--format", "sarif", str(story)).stdout)
        jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
        return sarif["runs"][0]["results"]

    first, again = results(), results()
    keys = [r["partialFingerprints"]["mtaudit/content/v1"] for r in first]
    assert keys == [r["partialFingerprints"]["mtaudit/content/v1"] for r in again]
    assert len(set(keys)) == 3
    story.write_text("Talks in Warsaw\n\nA new paragraph.\n\n" + STORY.split("\n\n", 1)[1], encoding="utf-8")
    moved = results()
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] == [5, 7, 7]
    assert [r["partialFingerprints"]["mtaudit/content/v1"] for r in moved] == keys


def test_sarif_fingerprints_in_parallel_runs_match_serial_ones():
    serial = json.loads(invoke("lint", "--format", "sarif", "--jobs", "1", str(SEEDS)).stdout)
    parallel = json.loads(invoke("lint", "--format", "sarif", "--jobs", "2", str(SEEDS)).stdout)
    assert serial == parallel
    assert all(r["partialFingerprints"] for r in serial["runs"][0]["results"])


def test_rdjson_shape(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Café talks\n\nCafé owners in kyiv said it was was late.\n", encoding="utf-8")
    result = lint("--format", "rdjson", str(story))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["source"] == {"name": "mtaudit"} and data["severity"] == "WARNING"
    kyiv, doubled = data["diagnostics"]
    assert kyiv["location"]["path"] == str(story)
    # rdjson columns count UTF-8 bytes: "é" is two
    assert kyiv["location"]["range"] == {"start": {"line": 3, "column": 17}, "end": {"line": 3, "column": 21}}
    assert kyiv["severity"] == "WARNING" and kyiv["code"] == {"value": "T-CASE-KYIV"}
    assert kyiv["message"] == "“kyiv” is a proper noun: “Kyiv”."
    assert kyiv["suggestions"] == [{"range": kyiv["location"]["range"], "text": "Kyiv"}]
    assert doubled["suggestions"][0]["text"] == "was"
    assert doubled["location"]["range"]["end"]["column"] - doubled["location"]["range"]["start"]["column"] == 7
    for diagnostic in data["diagnostics"]:
        assert set(diagnostic) <= {"message", "location", "severity", "source", "code", "suggestions"}
    nothing = json.loads(lint("--format", "rdjson", str(tmp_path / "missing.txt")).stdout)
    assert nothing == {"source": {"name": "mtaudit"}, "diagnostics": []}
