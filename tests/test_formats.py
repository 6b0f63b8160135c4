"""Output formats: jsonl, sarif (validated against the 2.1.0 schema), github annotations, --statistics."""

from __future__ import annotations

import json

import pytest

from audit.report import FileReport, Report
from audit.reporters import github, render
from audit.runner import audit_text

from .conftest import SEEDS, SHARED
from .desk import DESK_OPTIONS, desk_config

SEED_000 = str(SEEDS / "000_5fb1b673f4b7e9d3.txt")
SEED_003 = str(SEEDS / "003_a14bf05bf62ee9cb.txt")
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def test_jsonl_is_one_file_per_line(cli):
    result = cli("lint", "--format", "jsonl", SEED_000, SEED_003, "missing.txt")
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["path"] for r in records] == ["seeds/000_5fb1b673f4b7e9d3.txt", "seeds/003_a14bf05bf62ee9cb.txt",
                                            "missing.txt"]
    assert records[0]["findings"] and "error" in records[2]
    assert result.returncode == 2


def test_sarif_validates_against_the_schema(cli, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    result = cli("lint", "--format", "sarif", SEED_000, SEED_003, str(tmp_path / "missing.txt"))
    sarif = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["fullDescription"]["text"] and rule["properties"]["category"]
    kyiv = next(r for r in run["results"] if "“kyiv”" in r["message"]["text"])
    region = kyiv["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 6, "startColumn": 101, "endLine": 6, "endColumn": 105}
    assert kyiv["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/000_5fb1b673f4b7e9d3.txt"
    assert kyiv["level"] == "warning" and kyiv["fixes"][0]["artifactChanges"][0]["replacements"][0][
        "insertedContent"] == {"text": "Kyiv"}
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}
    assert run["invocations"][0]["executionSuccessful"] is False  # the missing file
    assert rule_ids[kyiv["ruleIndex"]] == kyiv["ruleId"]


def test_github_annotations_escape_data_and_properties():
    report = audit_text("Headline\n\nIn kyiv, it was was late.\n", desk_config(), path="desk/a,b:c.txt")
    lines = github.render(report).splitlines()
    assert lines[0] == (
        "::warning file=desk/a%2Cb%3Ac.txt,line=3,col=4,endLine=3,endColumn=7,title=T-CASE-KYIV (minor)"
        "::“kyiv” is a proper noun: “Kyiv”. (suggestion: Kyiv)"
    )
    assert github.command("error", "50% done\r\nnext", title="a:b,c") == "::error title=a%3Ab%2Cc::50%25 done%0D%0Anext"
    broken = Report([FileReport(path="x.txt", error="x.txt: no such file or directory")])
    assert render(broken, "github") == "::error file=x.txt,title=mtaudit::x.txt: no such file or directory\n"


def test_statistics(cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nIn kyiv and kyiv, it was was late, said nato.\n", encoding="utf-8")
    result = cli("lint", *DESK_OPTIONS, "--statistics", str(story))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["COUNT", "RULE", "CATEGORY", "SEVERITY", "FIX"]
    assert lines[1].split() == ["3", "T-CASE-KYIV", "casing", "minor", "[*]"]
    assert lines[2].split() == ["1", "T-DOUBLED", "repetition", "minor", "[*]"]
    assert lines[3].strip().startswith("4  findings in all; 4 fixable")
    assert lines[4].startswith("[*]: the rule's findings have a safe fix")
    as_json = json.loads(cli("lint", *DESK_OPTIONS, "--statistics", "--format", "json", str(story)).stdout)
    assert [(row["rule"], row["count"]) for row in as_json] == [("T-CASE-KYIV", 3), ("T-DOUBLED", 1)]
