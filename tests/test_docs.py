"""Documentation matches behaviour: the rule-pack docs' tables are the declarations the loader
checks, and the README's sample output is real."""

from __future__ import annotations

from audit import docs
from audit.checks.base import KINDS
from audit.rules.params import describe

from .conftest import ROOT

RULE_PACKS = ROOT / "docs" / "rule-packs.md"


def test_the_generated_tables_equal_the_declarations():
    text = RULE_PACKS.read_text(encoding="utf-8")
    assert docs.render(text) == text, "docs/rule-packs.md is stale: run python -m audit.docs docs/rule-packs.md"


def test_every_kind_and_parameter_is_documented():
    text = RULE_PACKS.read_text(encoding="utf-8")
    for kind, check in KINDS.items():
        assert f"#### `{kind}`" in text and check.summary, kind
        for name, *_rest in describe(check.Params):
            assert f"| `{name}` |" in text.split(f"#### `{kind}`", 1)[1], (kind, name)


def test_readme_sample_output_is_real(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ mtaudit lint seeds/000_5fb1b673f4b7e9d3.txt\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line and line != "…"]
    actual = cli("lint", "seeds/000_5fb1b673f4b7e9d3.txt").stdout.splitlines()
    assert shown[:9] == actual[:9]
    assert shown[-2:] == actual[-2:]
