"""--fix's passes: after a pass that left findings out (a dense file), the next runs only the rules a
fix pass needs (RuleSet.fix_pass_rules, engine.lint_for_fixes). It must choose exactly the fixes a
whole lint would, so that --fix writes what it wrote when every pass was a whole lint."""

from __future__ import annotations

from pathlib import Path

import pytest

import audit.fixing as fixing
from audit.checks.base import KINDS
from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet, lint, lint_for_fixes
from audit.finding import FURNITURE_CATEGORIES
from audit.fixing import chosen_fixes, fix_text, within_limits
from audit.limits import FIX_LIMITS, FindingLimits, is_limit_note

from .desk import desk_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = Config(scores=False)
# page furniture with fixable errors in it, a suppression comment that silences a fixable rule, a
# doubled word across a line break, a Markdown heading, quotations
CRAFTED = (
    "Talks in kyiv went went on\n\n"
    "Photo: kyiv kyiv city hall / Reuters\n\n"
    "Reporting by a high -level team in Kiev; editing by the the desk\n\n"
    "<!-- mtaudit: disable-next-line=CASE-UKRAINE-CITIES -->\n"
    "The mayor of kyiv said \u201cthe the talks in kiev went went well\u201d.\n"
    "It was was\nwas late in odesa , officials said .\n\n"
    "## kyiv kyiv\n\n"
    "Follow us on Twitter. (c) 2024 Reuters. All rights reserved. kyiv\n"
)


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return RuleSet.load(CONFIG)


def fixes_of(linted) -> list[tuple]:
    return [(f.rule, f.start, f.end, f.fix.replacement, f.fix.applicability) for f in chosen_fixes(linted.findings)]


def unsafe_fixes_of(linted) -> list[tuple]:
    found = chosen_fixes(linted.findings, unsafe=True)
    return [(f.rule, f.start, f.end, f.fix.replacement, f.fix.applicability) for f in found]


def documents() -> list[tuple[str, str]]:
    """Every rule example of each pack joined into one text, each example alone, the seeds, and CRAFTED."""
    texts: list[tuple[str, str]] = []
    by_pack: dict[str, list[str]] = {}
    for rule in RuleSet.load(CONFIG).all_rules:
        for example in rule.bad + rule.good:
            by_pack.setdefault(rule.pack, []).append(example.text)
            if rule.fix is not None:
                texts.append((f"{rule.id}.txt", example.text))
    texts += [(f"{pack}.txt", "\n\n".join(examples)) for pack, examples in by_pack.items()]
    texts += [(path.name, path.read_text()) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [("crafted.txt", CRAFTED), ("crafted.md", CRAFTED)]
    return texts


def test_a_fix_pass_runs_the_rules_that_fix_those_that_place_furniture_and_those_they_read(rules):
    kept = rules.fix_pass_rules()
    fixable = {r.id for r in rules.rules if r.fix == "safe"}
    furniture = {r.id for r in rules.rules if r.id in rules.line_level and r.category in FURNITURE_CATEGORIES}
    assert fixable and furniture and fixable | furniture <= kept
    assert len(kept) < len(rules.rules) / 2  # most rules only report
    for reader in (r for r in rules.rules if r.id in kept and KINDS[r.kind].needs.order > 0):
        order = KINDS[reader.kind].needs.order
        read = {r.id for r in rules.rules if r.category == reader.category and KINDS[r.kind].needs.order < order}
        assert read <= kept, reader.id


@pytest.mark.parametrize(("name", "text"), documents(), ids=lambda value: value if len(value) < 40 else "")
def test_a_fix_pass_finds_the_fixes_of_a_whole_lint(rules, name, text):
    doc = Document.from_text(text, path=name)
    whole = lint(doc, rules, CONFIG, (), FIX_LIMITS)
    alone = lint_for_fixes(doc, rules, CONFIG, (), FIX_LIMITS)
    assert fixes_of(alone) == fixes_of(whole)
    assert {f.rule for f in alone.findings} <= rules.fix_pass_rules()


BODY_ONLY = """
[[rule]]
id = "USER-BODY-NAME"
category = "casing"
severity = "minor"
kind = "casing"
terms = ["Novakville"]
zones = ["body"]
message = "Write {suggestion}."
why = "A house rule for the body only: page furniture is copied as it is."
examples.bad = ["Talks in <m>novakville</m> went on, officials said on Monday in a statement."]
examples.good = ["Talks in Novakville went on, officials said on Monday in a statement."]
"""


def test_a_fix_pass_places_page_furniture_as_a_whole_lint_does(tmp_path):
    """A fixable rule of the body only: a line the furniture rules move out of the body keeps its text."""
    (tmp_path / "house.toml").write_text(BODY_ONLY)
    config = Config(scores=False, rule_dirs=(tmp_path,))
    rules = RuleSet.load(config)
    text = (
        "Talks in novakville\n\nThe mayor of novakville spoke.\n\n"
        "Follow us on Twitter for news from novakville\n\nCopyright 2024 novakville Post. All rights reserved.\n"
    )
    doc = Document.from_text(text, path="story.txt")
    whole = lint(doc, rules, config, (), FIX_LIMITS)
    alone = lint_for_fixes(doc, rules, config, (), FIX_LIMITS)
    assert fixes_of(alone) == fixes_of(whole)
    body_fixes = [fix for fix in fixes_of(whole) if fix[0] == "USER-BODY-NAME"]
    assert len(body_fixes) == 1  # the headline is not the body; the promotion and copyright lines are furniture


def test_a_fix_pass_with_unsafe_fixes_finds_them_too():
    config = desk_config()
    rules = RuleSet.load(config)
    assert any(r.fix == "unsafe" for r in rules.rules)
    text = "Insisting on the fact that nato matters, the the envoy left for kyiv.\n"
    doc = Document.from_text(text, path="story.txt")
    whole = lint(doc, rules, config, (), FIX_LIMITS)
    alone = lint_for_fixes(doc, rules, config, (), FIX_LIMITS, unsafe=True)
    assert unsafe_fixes_of(alone) == unsafe_fixes_of(whole)
    assert any(fix[-1] == "unsafe" for fix in unsafe_fixes_of(alone))
    assert rules.fix_pass_rules() < rules.fix_pass_rules(unsafe=True)


def whole_passes(raw: str, path: str, config: Config, rules: RuleSet) -> tuple[str, int, list]:
    """--fix as it was: every pass a whole lint within FIX_LIMITS."""
    text, applied = raw, 0
    linted = lint(Document.from_text(text, path=path), rules, config, (), fixing.FIX_LIMITS)
    seen = {hash(text)}
    for _ in range(fixing.max_passes(raw)):
        fixes = chosen_fixes(linted.findings)
        if not fixes:
            break
        text = fixing.apply_fixes(text, linted.document, fixes)
        applied += len(fixes)
        linted = lint(Document.from_text(text, path=path), rules, config, (), fixing.FIX_LIMITS)
        if hash(text) in seen:
            break
        seen.add(hash(text))
    if any(is_limit_note(w) for w in linted.warnings):
        return text, applied, list(lint(Document.from_text(text, path=path), rules, config).findings)
    return text, applied, list(within_limits(linted).findings)


@pytest.mark.parametrize(
    "text",
    [
        "kyiv " * 400,
        "went " * 700,
        "The talks in kyiv went went on , officials said . " * 60,
        "Headline about kyiv\n\n" + "Photo: kyiv kyiv / Reuters\n\n" + "kyiv went went. " * 150,
        CRAFTED * 20,
    ],
    ids=["kyiv", "went", "prose", "furniture", "crafted"],
)
def test_dense_fixes_are_those_of_whole_passes(rules, monkeypatch, text):
    """With limits small enough that these texts take several capped passes, --fix writes what whole
    lints at every pass wrote, applies as many fixes, reports the same findings, and a second run
    changes nothing."""
    monkeypatch.setattr(fixing, "FIX_LIMITS", FindingLimits(per_rule=40, per_file=10**6, raw_per_rule=40))
    reduced = []
    real = fixing.lint_for_fixes
    monkeypatch.setattr(fixing, "lint_for_fixes", lambda *a, **k: reduced.append(1) or real(*a, **k))
    outcome, linted = fix_text(text, "dense.txt", CONFIG, rules)
    assert reduced  # the limits were reached: passes ran the fixing rules alone
    expected, applied, findings = whole_passes(text, "dense.txt", CONFIG, rules)
    assert outcome.fixed == expected
    assert len(outcome.applied) + outcome.unlisted == applied
    assert linted.findings == tuple(findings)
    assert fix_text(outcome.fixed, "dense.txt", CONFIG, rules)[0].fixed == outcome.fixed


def test_findings_without_fixes_do_not_crowd_the_fixes_out(rules, monkeypatch):
    """The limit per file of a fix pass counts the findings of the rules it runs: a text whose
    display-only findings alone fill it is still fixed whole, in one run."""
    monkeypatch.setattr(fixing, "FIX_LIMITS", FindingLimits(per_rule=400, per_file=200, raw_per_rule=400))
    text = "kyiv kyiv " * 150  # doubled words and phrases (no fix) before each casing fix
    outcome, _ = fix_text(text, "dense.txt", CONFIG, rules)
    again = lint(Document.from_text(outcome.fixed, path="dense.txt"), rules, CONFIG)
    assert not chosen_fixes(again.findings)
    assert fix_text(outcome.fixed, "dense.txt", CONFIG, rules)[0].fixed == outcome.fixed


def test_passes_that_run_out_with_fixes_left_say_so(rules, monkeypatch):
    """A text that needs more passes than its bound: the fixes made are kept, and a warning says that a
    second run will change the file again (it is never silent)."""
    monkeypatch.setattr(fixing, "max_passes", lambda text: 2)
    outcome, linted = fix_text("went " * 64, "went.txt", CONFIG, rules)
    assert outcome.fixed == "went " * 16
    assert any("--fix stopped after 2 passes" in warning for warning in linted.warnings)
    monkeypatch.setattr(fixing, "max_passes", lambda text: 6)
    outcome, linted = fix_text("went " * 64, "went.txt", CONFIG, rules)
    assert outcome.fixed == "went "
    assert not any("--fix stopped" in warning for warning in linted.warnings)
