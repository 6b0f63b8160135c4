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
