"""Configuration files: discovery, keys, one-line errors, command-line precedence, house style."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit.config import Config
from audit.config_file import ConfigError, ConfigResolver, find_config_file, load_config
from audit.runner import audit_text

from .conftest import ROOT
from .desk import DESK_OPTIONS, DESK_PACKS

STORY = "Talks\n\nThe minister arrived in kyiv on Friday, and Zelensky met the the envoy from Turkey.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_of(report) -> set[str]:
    return {f.rule for f in report.findings}


def test_nearest_config_file_wins(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.mtaudit]\nfail-on = "major"\n')
    write(tmp_path / "desk" / ".mtaudit.toml", 'fail-on = "critical"\n')
    write(tmp_path / "other" / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.mtaudit]: skipped
    assert find_config_file(tmp_path / "desk" / "drafts") == tmp_path / "desk" / ".mtaudit.toml"
    assert find_config_file(tmp_path / "other") == tmp_path / "pyproject.toml"
    resolver = ConfigResolver()
    assert resolver.for_path(str(tmp_path / "desk" / "a.txt")).fail_on == "critical"
    assert resolver.for_path(str(tmp_path / "other" / "a.txt")).fail_on == "major"


def test_explicit_config_and_command_line_override(tmp_path):
    config = write(tmp_path / "conf" / ".mtaudit.toml", 'fail-on = "critical"\nignore = ["casing"]\n')
    resolver = ConfigResolver(config, overrides={"fail_on": "minor"}, extra_ignore=("REP",))
    chosen = resolver.for_path(str(tmp_path / "story.txt"))
    assert chosen.fail_on == "minor"
    assert chosen.ignore == ("casing", "REP")


def test_the_desk_pack_examples_pass():
    from audit.engine import RuleSet
    from audit.examples import example_problems

    rules = RuleSet.load(Config(rule_dirs=(DESK_PACKS,), builtin_rules=False)).all_rules
    desk = [rule for rule in rules if rule.pack.startswith(str(DESK_PACKS))]
    assert desk and [problem for rule in desk for problem in example_problems(rule, rules)] == []


def test_keys_select_severity_and_per_file_ignores(tmp_path):
    config = load_config(write(tmp_path / ".mtaudit.toml", f"""
builtin-rules = false
rule-dirs = ["{DESK_PACKS}"]
select = ["casing", "T-DOUBLED"]
severity = {{"T-DOUBLED" = "major", casing = "neutral"}}
per-file-ignores = {{"wire/*.txt" = ["casing"]}}
max-sentence-words = 30
"""))
    assert config.max_sentence_words == 30
    report = audit_text(STORY, config, path=str(tmp_path / "story.txt"))
    severities = {f.rule: f.severity for f in report.findings}
    assert severities == {"T-CASE-KYIV": "neutral", "T-DOUBLED": "major"}
    wire = audit_text(STORY, config, path=str(tmp_path / "wire" / "story.txt"))
    assert rules_of(wire) == {"T-DOUBLED"}


def test_rule_dirs_are_relative_to_the_config_file(tmp_path):
    pack = tmp_path / "desk-rules" / "desk.toml"
    write(pack, """
[[rule]]
id = "DESK-PRESSER"
category = "language"
severity = "minor"
kind = "phrase"
phrases = ["presser"]
suggestion = "news conference"
message = "Write “news conference”."
why = "House style."
examples.bad = ["He held a <m>presser</m>."]
examples.good = ["He held a news conference."]
""")
    config = load_config(write(tmp_path / "site" / ".mtaudit.toml", 'rule-dirs = ["../desk-rules"]\n'))
    assert config.rule_dirs == (tmp_path / "site" / ".." / "desk-rules",)
    assert "DESK-PRESSER" in rules_of(audit_text("Headline\n\nHe held a presser today.\n", config))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[tool.mtaudit]\nfail-on = "major"\n\ncolour = "blue"\n', 4, "unknown key 'colour'"),
        ('[tool.mtaudit]\nfail-on = "major\n', 2, "invalid TOML"),
        ('[tool.mtaudit]\nselect = ["casing"]\nfail-on = "fatal"\n', 3, "unknown severity 'fatal'"),
        ('[tool.mtaudit]\n\n[tool.mtaudit.house-style]\nus = "USA"\n', 4, "choose 'U.S.' or 'US'"),
        ('[tool.mtaudit]\nhouse-style = {spelling = "British"}\n', 2, "unknown topic 'spelling'"),
        ('[tool.mtaudit]\nrule-dirs = ["missing"]\n', 2, "is not a folder"),
        ('[tool.mtaudit]\n[tool.mtaudit.severity]\n"REP" = "loud"\n', 3, "unknown severity 'loud'"),
    ],
)
def test_errors_name_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_cli_config_error_is_one_line_and_exit_2(cli, tmp_path):
    write(tmp_path / ".mtaudit.toml", 'fail-on = "major"\nfial-on = "minor"\n')
    story = write(tmp_path / "story.txt", STORY)
    result = cli("lint", str(story))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"mtaudit: error: {tmp_path / '.mtaudit.toml'}:2: unknown key 'fial-on' (known keys: builtin-rules, "
        "extend-select, fail-on, house-style, ignore, max-sentence-words, per-file-ignores, rule-dirs, select, "
        "severity)"
    )
    assert "Traceback" not in result.stderr


def test_cli_uses_the_nearest_config_and_options_override_it(cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.mtaudit]\nfail-on = "major"\nignore = ["T-DOUBLED"]\n')
    story = write(tmp_path / "story.txt", STORY)
    result = cli("lint", *DESK_OPTIONS, str(story))
    assert result.returncode == 0  # only minor findings; fail-on major from the file
    assert "T-DOUBLED" not in result.stdout and "T-CASE-KYIV" in result.stdout
    assert cli("lint", *DESK_OPTIONS, "--fail-on", "minor", str(story)).returncode == 1
    other = write(tmp_path / "other.toml", "[tool.mtaudit]\n")
    explicit = cli("lint", *DESK_OPTIONS, "--config", str(other), str(story))
    assert explicit.returncode == 1 and "T-DOUBLED" in explicit.stdout


def test_house_style_is_off_by_default():
    assert not {r for r in rules_of(audit_text(STORY)) if r.startswith("HOUSE-")}


@pytest.mark.parametrize(
    ("choices", "expected"),
    [
        ((("turkey", "Türkiye"), ("zelensky", "Zelenskyy")), {"HOUSE-ZELENSKYY", "HOUSE-TURKIYE"}),
        ((("turkey", "Turkey"), ("zelensky", "Zelensky")), set()),
    ],
)
def test_house_style_choices(choices, expected):
    found = rules_of(audit_text(STORY, Config(house_style=choices)))
    assert {r for r in found if r.startswith("HOUSE-")} == expected


def test_us_house_style_keeps_the_full_stop():
    from audit.engine import RuleSet
    from audit.fixing import fix_text

    text = "Headline\n\nThe U.S. envoy flew home. Talks in the U.S.\nUS officials said the US.\n"
    undotted = Config(house_style=(("us", "US"),))
    fixed = fix_text(text, "<t>", undotted, RuleSet.load(undotted))[0].fixed
    assert fixed == "Headline\n\nThe US envoy flew home. Talks in the US.\nUS officials said the US.\n"
    dotted = Config(house_style=(("us", "U.S."),))
    fixed = fix_text(text, "<t>", dotted, RuleSet.load(dotted))[0].fixed
    assert fixed == "Headline\n\nThe U.S. envoy flew home. Talks in the U.S.\nU.S. officials said the U.S.\n"


def _readme_example(kind: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use in an editorial repository", 1)[1]
    blocks = re.findall(r"```(\w+)\n(.*?)```", section, re.DOTALL)
    return next(body for language, body in blocks if language == kind)


def test_readme_config_example_loads_and_behaves(tmp_path):
    write(tmp_path / "pyproject.toml", _readme_example("toml"))
    write(tmp_path / "desk-rules" / ".keep", "")
    config = load_config(tmp_path / "pyproject.toml")
    assert dict(config.house_style) == {"turkey": "Türkiye", "us": "U.S.", "zelensky": "Zelenskyy"}
    assert config.fail_on == "major"
    report = audit_text(STORY, config, path=str(tmp_path / "story.txt"))
    assert {"HOUSE-ZELENSKYY", "HOUSE-TURKIYE"} <= rules_of(report)


def test_readme_pre_commit_snippet():
    import yaml

    snippet = yaml.safe_load(_readme_example("yaml"))
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in manifest] == ["mtaudit", "mtaudit-changed-lines", "mtaudit-fix"]
    assert all(h["entry"].endswith(" --") for h in manifest)  # options end before the staged files
    hooks = snippet["repos"][0]["hooks"]
    assert [h["id"] for h in hooks] == ["mtaudit-fix", "mtaudit-changed-lines"]
    assert not any("args" in h for h in hooks)  # args would follow the entry's `--`: file names
