"""Rule documentation from the rule files: `mtaudit rules` and `mtaudit rule ID`."""

from __future__ import annotations

import json

from .desk import DESK_PACKS


def test_rules_lists_id_category_severity_fixable(cli):
    result = cli("rules", "--rules", str(DESK_PACKS))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["ID", "CATEGORY", "SEVERITY", "FIX"]
    rows = {line.split()[0]: line for line in lines[1:-1]}
    assert rows["T-SPACE-HYPHEN"].split()[1:4] == ["spacing", "minor", "fixable"]  # fixable by its kind
    assert rows["T-UNSAFE"].split()[1:4] == ["translationese", "minor", "unsafe"]  # only with --unsafe-fixes
    assert "(off)" in rows["MT-UNUSED-SUPPRESSION"]  # a default-off rule of the tool itself
    assert "HOUSE-ZELENSKYY" in rows  # the house-style rules are listed even when not configured
    assert lines[-1].startswith(f"{len(rows)} rules, ")


def test_rules_json(cli):
    rules = json.loads(cli("rules", "--format", "json", "--rules", str(DESK_PACKS)).stdout)
    by_id = {r["id"]: r for r in rules}
    assert by_id["T-CASE-KYIV"] == {
        "id": "T-CASE-KYIV", "category": "casing", "severity": "minor", "kind": "casing", "fixable": True,
        "fix": "safe", "default": "on", "signal": False, "message": "“{match}” is a proper noun: “{suggestion}”.",
    }
    assert by_id["T-UNSAFE"]["fixable"] is False


def test_rule_shows_message_why_and_examples(cli):
    result = cli("rule", "T-SPACE-HYPHEN", "--rules", str(DESK_PACKS))
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "T-SPACE-HYPHEN  (spacing, minor, safe fix)"
    assert "Why: Test rule." in result.stdout
    assert "  ✗ A <m>high -level</m> meeting." in result.stdout
    assert "  ✓ A high-level meeting." in result.stdout
    data = json.loads(cli("rule", "t-kiev", "--format", "json", "--rules", str(DESK_PACKS)).stdout)
    assert data["id"] == "T-KIEV" and data["why"] == "Test rule." and data["examples"]["bad"]


def test_unknown_rule_is_a_usage_error(cli):
    result = cli("rule", "NO-SUCH-RULE")
    assert result.returncode == 2 and "no rule 'NO-SUCH-RULE'" in result.stderr


def test_every_rule_the_tool_emits_is_documented(cli):
    for rule_id in ("FID-NUMBER-MISMATCH", "MT-UNUSED-SUPPRESSION", "MT-UNKNOWN-SUPPRESSION", "READ-LONG-SENTENCE"):
        result = cli("rule", rule_id)
        assert result.returncode == 0, result.stderr
        assert "Why:" in result.stdout and "✗" in result.stdout
    shown = cli("rule", "FID-OMITTED-NUMBER").stdout
    assert "(original: Власти подготовили около 800 убежищ, они были открыты утром.)" in shown
    assert "off unless selected" in cli("rule", "READ-LONG-SENTENCE").stdout.splitlines()[0]
