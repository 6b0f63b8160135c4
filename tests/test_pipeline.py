"""The shape issue 11 asked for, one test (or more) per problem it listed: one findings pipeline,
kinds that declare their needs, typed parameters, every rule in the registry, examples that test
corrections, run() in the library, objects complete when made, selectors that must name something,
standard input under a name, one count of each thing."""

from __future__ import annotations

import dataclasses
import json
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from audit import Config, Options, Text, run
from audit.checks import KINDS, Check, CheckContext, Needs, SharedIndex, register
from audit.document import Document
from audit.engine import RuleSet, lint
from audit.examples import example_problems
from audit.hits import Hit
from audit.rules.errors import RuleError
from audit.rules.params import param
from audit.runner import UsageError, audit_text

from .conftest import ROOT, SEEDS
from .desk import DESK_OPTIONS, DESK_PACKS, desk_config
from .inprocess import invoke as invoke_cli

SEED_000 = SEEDS / "000_5fb1b673f4b7e9d3.txt"
RULE = """
[[rule]]
id = "{id}"
category = "{category}"
severity = "minor"
kind = "{kind}"
{params}
message = "m"
why = "w"
examples.bad = [{bad}]
examples.good = [{good}]
"""


def pack(tmp_path: Path, **fields: str) -> Config:
    values = {"id": "X-RULE", "category": "grammar", "kind": "phrase", "params": 'phrases = ["foo bar"]',
              "bad": '"a <m>foo bar</m> here"', "good": '"nothing"'}
    values.update(fields)
    (tmp_path / "pack.toml").write_text(RULE.format(**values), encoding="utf-8")
    return Config(rule_dirs=(tmp_path,), builtin_rules=False, scores=False)


# ------------------------------------------------------------------ 1. one pipeline
def test_compare_applies_the_per_file_ignores_and_the_severity_overrides(invoke, tmp_path):
    def compare(folder: str, settings: str | None) -> list[tuple[str, str]]:
        (tmp_path / folder).mkdir()
        if settings is not None:
            (tmp_path / folder / ".mtaudit.toml").write_text(settings, encoding="utf-8")
        article = tmp_path / folder / "article.txt"
        article.write_text("Headline\n\nOfficials said 12 people were hurt on Monday.\n", encoding="utf-8")
        reference = tmp_path / folder / "reference.txt"
        reference.write_text("Headline\n\nOfficials said 15 people were hurt on Monday.\n", encoding="utf-8")
        data = json.loads(invoke("compare", "--format", "json", str(article), str(reference)).stdout)
        return [(f["rule"], f["severity"]) for f in data["findings"]]

    assert compare("plain", None) == [("FID-NUMBER-MISMATCH", "major")]
    assert compare("raised", 'severity = { FID = "critical" }\n') == [("FID-NUMBER-MISMATCH", "critical")]
    assert compare("ignored", '[per-file-ignores]\n"article.txt" = ["FID-NUMBER-MISMATCH"]\n') == []


def test_scores_read_the_findings_and_add_none():
    text = "Headline\n\nOfficials said 12 people were hurt on Monday in kyiv.\n"
    reference = "Headline\n\nOfficials said 15 people were hurt on Monday in Kyiv.\n"
    with_scores = audit_text(text, Config(), reference=reference).files[0]
    without = audit_text(text, Config(scores=False), reference=reference).files[0]
    assert with_scores.findings == without.findings
    assert {f.rule for f in without.findings} == {"FID-NUMBER-MISMATCH", "CASE-UKRAINE-CITIES"}


# ------------------------------------------------------------------ 2. kinds declare their needs
@dataclass(frozen=True)
class ShoutParams:
    min_letters: int = param(3, doc="shorter capitals are acronyms", minimum=1)


class ShoutIndex(SharedIndex):
    """Built once over every shouting check; per document, the lines written all in capitals."""

    def prepare(self, doc: Document, context: CheckContext) -> list[tuple[int, int]]:
        return [(s, e) for _i, s, e in doc.lines() if doc.text[s:e].isupper()]


class ShoutCheck(Check):
    """A line in capitals (a kind defined here, to show that the engine needs no edit for one)."""

    kind = "test-shout"
    Params = ShoutParams
    summary = "a line written all in capitals"
    needs = Needs(shared=ShoutIndex, line_level=True, prose="start")

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        for start, end in context.shared(ShoutIndex):
            if sum(c.isalpha() for c in doc.text[start:end]) >= self.params.min_letters:
                yield self.hit(start, end)


@pytest.fixture
def invoke():
    return invoke_cli


@pytest.fixture
def shout_kind():
    register(ShoutCheck)
    yield ShoutCheck
    del KINDS["test-shout"]


def test_a_new_kind_runs_without_an_edit_of_the_engine_and_survives_the_cache(tmp_path, shout_kind):
    config = pack(tmp_path, kind="test-shout", category="boilerplate", params="min_letters = 4",
                  bad='"Story\\n\\n<m>READ MORE HERE</m>\\nText."', good='"Story\\n\\nRead more.\\nOK\\n"')
    ruleset = RuleSet(RuleSet.load(config).all_rules, config)
    rule = ruleset.by_id["X-RULE"]
    assert example_problems(rule) == []
    doc = Document.from_text("Story\n\nREAD MORE HERE\nText.\n")
    linted = lint(doc, ruleset, config)
    assert [f.text for f in linted.findings] == ["READ MORE HERE"]
    assert linted.document.zones[2] == "boilerplate"  # a furniture-category line-level hit leaves the body
    again = lint(doc, pickle.loads(pickle.dumps(ruleset)), config)
    assert again.findings == linted.findings


def test_every_kind_survives_the_rule_set_cache():
    ruleset = RuleSet.load(Config(scores=False))
    restored = pickle.loads(pickle.dumps(ruleset))
    for rule in ruleset.all_rules:
        if KINDS[rule.kind].needs.emitted_by is not None:
            continue
        config = Config(select=(rule.id,), scores=False, house_style=tuple(
            tuple(t.split(":", 1)[1].split("=")) for t in rule.tags if t.startswith("house-style:")))
        for example in rule.bad[:1]:
            doc = Document.from_text(example.text)
            fresh = lint(doc, RuleSet([rule], config), config).findings
            cached = lint(doc, RuleSet([restored.by_id[rule.id]], config), config).findings
            assert fresh == cached, rule.id


def test_the_engine_names_no_kind_and_tests_no_type():
    source = (ROOT / "audit" / "engine.py").read_text(encoding="utf-8")
    assert "isinstance(" not in source
    for kind in KINDS:
        assert f'"{kind}"' not in source, kind


# ------------------------------------------------------------------ 3. layers: the desk's rules read the reference
def test_the_reference_is_read_with_the_desks_own_furniture_rules(tmp_path):
    config = pack(tmp_path, kind="boilerplate", category="boilerplate", params='lines = ["Desk note: .*"]',
                  bad='"<m>Desk note: call the night editor</m>"', good='"A desk note in a sentence."')
    article = "Headline\n\nThe talks began on Monday in the capital.\n"
    reference = "Headline\n\nThe talks began on Monday in the capital.\n\nDesk note: call the night editor first\n"
    fidelity = audit_text(article, dataclasses.replace(config, scores=True), reference=reference).files[0]
    assert fidelity.scores.fidelity.measures["omitted_sentences"] == 0  # the desk's furniture line is not an omission
    assert not fidelity.findings


# ------------------------------------------------------------------ 4. typed parameters
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "repeated-line", "params": 'min_words = "four"', "bad": '"<m>x</m>"'},
         "rule X-RULE: 'min_words' must be a whole number, not 'four'"),
        ({"params": 'phrases = ["foo bar"]\ninflect = "false"'}, "rule X-RULE: 'inflect' must be true or false"),
        ({"params": "phrases = []"}, "rule X-RULE: 'phrases' must not be empty"),
        ({"kind": "regex", "params": "pattern = '(a'"}, "rule X-RULE: bad regular expression"),
    ],
)
def test_a_wrong_parameter_names_file_line_rule_and_key(tmp_path, fields, message):
    with pytest.raises(RuleError) as caught:
        RuleSet.load(pack(tmp_path, **fields))
    text = (tmp_path / "pack.toml").read_text(encoding="utf-8").splitlines()
    key = message.split("'")[1] if "'" in message else "pattern"
    line = next(i for i, row in enumerate(text, 1) if row.startswith(key))
    assert str(caught.value).startswith(f"{tmp_path / 'pack.toml'}:{line}: {message}")


def test_the_pack_table_is_checked(tmp_path):
    config = pack(tmp_path)
    path = tmp_path / "pack.toml"
    path.write_text('[pack]\nname = "desk"\nauthor = "me"\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"pack.toml:1: \[pack\]: unknown key\(s\) author"):
        RuleSet.load(config)


# ------------------------------------------------------------------ 5. examples test corrections
def test_an_example_correction_is_checked_against_the_fix(tmp_path):
    right = pack(tmp_path, params='phrases = {"in the frame" = "in"}\nfix = "unsafe"',
                 bad='{ text = "Talks <m>in the frames</m> ended.", correction = "Talks in ended." }')
    rule = RuleSet.load(right).by_id["X-RULE"]
    assert example_problems(rule) == []  # "in", not "ins" (a function word takes no plural)
    (tmp_path / "wrong").mkdir()
    wrong = pack(tmp_path / "wrong", params='phrases = {"in the frame" = "in"}\nfix = "unsafe"',
                 bad='{ text = "Talks <m>in the frames</m> ended.", correction = "Talks within ended." }')
    problems = example_problems(RuleSet.load(wrong).by_id["X-RULE"])
    assert problems == ["X-RULE: bad example 'Talks in the frames ended.': the fix gives 'Talks in ended.', "
                        "not the correction 'Talks within ended.'"]


def test_a_fix_that_leaves_its_own_finding_fails_the_examples(tmp_path):
    config = pack(tmp_path, kind="regex", params="pattern = 'colou?r'\nsuggestion = 'colour'\nfix = \"safe\"",
                  bad='"The <m>color</m> red."', good='"Nothing."')
    problems = example_problems(RuleSet.load(config).by_id["X-RULE"])
    assert problems and "still flagged" in problems[0]


def test_a_rule_without_why_is_refused(tmp_path):
    config = pack(tmp_path)
    path = tmp_path / "pack.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('why = "w"', 'why = " "'), encoding="utf-8")
    with pytest.raises(RuleError, match="'why' must not be empty"):
        RuleSet.load(config)


# ------------------------------------------------------------------ 6. rules in data, all selectable
def test_default_off_rules_are_declared_in_data_and_selectable(tmp_path):
    rules = RuleSet.load(Config()).by_id
    assert not rules["READ-LONG-SENTENCE"].enabled and not rules["MT-UNUSED-SUPPRESSION"].enabled
    config = pack(tmp_path, params='phrases = ["foo bar"]\nenabled = false')
    text = "Headline\n\nThere is a foo bar here.\n"
    assert audit_text(text, config).findings == []
    for selector in ("X-RULE", "X", "grammar"):
        chosen = dataclasses.replace(config, extend_select=(selector,))
        assert [f.rule for f in audit_text(text, chosen).findings] == ["X-RULE"], selector
    ignored = dataclasses.replace(config, select=("X",), ignore=("X-RULE",))
    assert audit_text(text, ignored).findings == []


def test_signals_are_made_like_findings_but_reported_apart(tmp_path, invoke):
    cli = invoke
    config = pack(tmp_path, params='phrases = ["foo bar"]\nsignal = true')
    report = audit_text("Headline\n\nThere is a foo bar here.\n", config)
    assert report.findings == [] and report.exit_code() == 0
    assert [(f.rule, f.line) for f in report.files[0].signals] == [("X-RULE", 3)]
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nThere is a foo bar here.\n", encoding="utf-8")
    options = ("--no-builtin-rules", "--rules", str(tmp_path), "--no-scores")
    assert "X-RULE" not in cli("lint", *options, str(story)).stdout
    listed = cli("lint", *options, "--signals", str(story))
    assert listed.returncode == 0 and ":3:12: signal [X-RULE]" in listed.stdout
    data = json.loads(cli("lint", *options, "--signals", "--format", "json", str(story)).stdout)
    assert [s["rule"] for s in data["files"][0]["signals"]] == ["X-RULE"] and data["files"][0]["findings"] == []


# ------------------------------------------------------------------ 7. run() does what lint does
def test_run_takes_each_files_configuration_and_the_options_on_top(tmp_path):
    settings_of = {"strict": 'fail-on = "minor"\n', "lenient": 'fail-on = "major"\nignore = ["T-KIEV"]\n'}
    for folder, settings in settings_of.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / ".mtaudit.toml").write_text(
            f'builtin-rules = false\nrule-dirs = ["{DESK_PACKS}"]\n{settings}', encoding="utf-8")
        (tmp_path / folder / "story.txt").write_text("Talks\n\nThe envoy met them in Kiev, in kyiv.\n",
                                                     encoding="utf-8")
    report = run([tmp_path / "strict", tmp_path / "lenient"], Options(scores=False))
    strict, lenient = report.files
    assert [f.rule for f in strict.findings] == ["T-KIEV", "T-CASE-KYIV"] and strict.fail_on == "minor"
    assert [f.rule for f in lenient.findings] == ["T-CASE-KYIV"] and lenient.fail_on == "major"
    assert report.exit_code() == 1  # strict fails on its minor finding
    narrowed = run([tmp_path / "lenient"], Options(scores=False, ignore=("casing",)))
    assert narrowed.findings == [] and narrowed.exit_code() == 0


def test_run_fixes_a_text_without_a_file():
    report = run([Text("Talks\n\nThe envoy met them in kyiv.\n", "story.txt")], Options(config=desk_config(), fix=True))
    assert report.files[0].fix.fixed == "Talks\n\nThe envoy met them in Kyiv.\n"
    assert report.files[0].findings == () and report.fixes == 1


def test_conflicting_options_are_an_error_in_the_library_too():
    for options in (Options(fix=True, diff=True), Options(unsafe_fixes=True), Options(stdin_filename="a.md")):
        with pytest.raises(UsageError):
            run([Text("Text.")], options)


# ------------------------------------------------------------------ 8. objects complete when made
def test_findings_and_documents_are_frozen():
    report = audit_text("Talks\n\nThe envoy met them in kyiv.\n", desk_config())
    finding = report.findings[0]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 23, 3, 27)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.line = 0  # type: ignore[misc]
    doc = Document.from_text("Talks\n\nLeave a Reply\n")
    moved = doc.with_furniture(frozenset({2}))
    assert doc.zones[2] == "body" and moved.zones[2] == "boilerplate" and moved.text is doc.text
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.zones = []  # type: ignore[misc]


# ------------------------------------------------------------------ 9. a typo is an error
def test_an_unknown_selector_on_the_command_line_is_an_error_naming_the_nearest(invoke, tmp_path):
    cli = invoke
    story = tmp_path / "story.txt"
    story.write_text("Talks\n\nText.\n", encoding="utf-8")
    result = cli("lint", "--select", "CASE-UKRAINE-CITYS", str(story))
    assert result.returncode == 2
    assert result.stderr.startswith("mtaudit: error: --select: unknown rule id, prefix or category "
                                    "'CASE-UKRAINE-CITYS' (did you mean CASE-UKRAINE-CITIES, ")
    assert cli("lint", "--ignore", "ALSO-NOPE", str(story)).returncode == 2


def test_an_unknown_selector_in_the_configuration_names_file_and_line(invoke, tmp_path):
    cli = invoke
    (tmp_path / "pyproject.toml").write_text('[tool.mtaudit]\nfail-on = "major"\nignore = ["casing", "NOPE-RULE"]\n',
                                             encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Talks\n\nText.\n", encoding="utf-8")
    result = cli("lint", str(story))
    assert result.returncode == 2
    assert result.stderr.startswith(f"mtaudit: error: {tmp_path / 'pyproject.toml'}:3: 'ignore': unknown rule id")


# ------------------------------------------------------------------ 10. standard input under a name
def test_standard_input_takes_the_name_given(cli, tmp_path):
    (tmp_path / ".mtaudit.toml").write_text(
        f'builtin-rules = false\nrule-dirs = ["{DESK_PACKS}"]\n[per-file-ignores]\n"wire/*.md" = ["T-DOUBLED"]\n',
        encoding="utf-8")
    text = "Talks\n\n```\nin kyiv\n```\n\nIt was was late in kyiv.\n"
    result = cli("lint", "--no-scores", "--stdin-filename", "wire/story.md", "-", stdin=text, cwd=tmp_path)
    # Markdown: the code block is not linted; the per-file ignore applies; the report uses the name
    assert [line.split(" ")[0] for line in result.stdout.splitlines() if "[" in line] == ["wire/story.md:7:20:"]
    plain = cli("lint", "--no-scores", "-", stdin=text, cwd=tmp_path)
    assert "T-DOUBLED" in plain.stdout and "<stdin>:4:" in plain.stdout


# ------------------------------------------------------------------ 11. one count of each thing
def test_score_lint_and_json_give_the_same_counts(invoke):
    cli = invoke
    lint_json = json.loads(cli("lint", "--scores", "--format", "json", str(SEED_000)).stdout)["files"][0]
    score_json = json.loads(cli("score", "--format", "json", str(SEED_000)).stdout)[0]["scores"]
    text = cli("lint", "--scores", str(SEED_000)).stdout
    table = cli("score", str(SEED_000)).stdout.splitlines()
    words, sentences = lint_json["scores"]["words"], lint_json["scores"]["sentences"]
    assert score_json["words"] == words and score_json["sentences"] == sentences
    assert f"; {words} words, {sentences} sentences," in text
    assert "words" not in lint_json["scores"]["readability"]  # no second count of its own
    header, row = table[0].split(), table[1].split()
    assert int(row[header.index("findings")]) == len(lint_json["findings"])
    assert int(row[header.index("words")]) == words
    plain = json.loads(cli("lint", "--format", "json", str(SEED_000)).stdout)["files"][0]
    assert len(plain["findings"]) == len(lint_json["findings"])  # --scores selects no more rules


# ------------------------------------------------------------------ 12. mixed scripts
def test_a_mixed_script_word_is_suggested_in_latin_letters_only():
    text = "Talks\n\nThe Кremlin said so. The Крем1in said so too.\n"
    report = audit_text(text, Config(select=("LANG-MIXED-SCRIPT",)))
    suggestions = {f.text: f.suggestion for f in report.findings}
    assert suggestions["Кremlin"] == "Kremlin"
    assert all(s is None or s.isascii() for s in suggestions.values())


def test_desk_options_still_lint(invoke, tmp_path):
    cli = invoke
    story = tmp_path / "story.txt"
    story.write_text("Talks\n\nIt was was late.\n", encoding="utf-8")
    assert "T-DOUBLED" in cli("lint", *DESK_OPTIONS, str(story)).stdout
