"""Documentation matches behaviour: every matcher kind is documented with its parameters."""

from __future__ import annotations

from audit.checks.base import KINDS

from .conftest import ROOT


def test_every_kind_is_documented_with_its_parameters():
    text = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in text.splitlines() if line.startswith("| `")}
    for kind, check in KINDS.items():
        assert kind in rows, f"kind {kind!r} is not documented in docs/rule-packs.md"
        for key in check.keys:
            assert f"`{key}`" in rows[kind], f"parameter {key!r} of kind {kind!r} is not documented"


def test_readme_sample_output_is_real(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ mtaudit lint seeds/000_5fb1b673f4b7e9d3.txt\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line and line != "…"]
    actual = cli("lint", "seeds/000_5fb1b673f4b7e9d3.txt").stdout.splitlines()
    assert shown[:9] == actual[:9]
    assert shown[-2:] == actual[-2:]
