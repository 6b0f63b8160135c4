"""The verdict: `too-short` without a likelihood, reasons on every verdict above clean (text report
and JSON), a lone minor finding never decides, statistics alone never make likely-mt on short or
list-like copy, statistics that do not depend on the layout, and a complete model file."""

from __future__ import annotations

import json

import pytest

from audit import Config, audit_text
from audit.document import Document
from audit.finding import Finding
from audit.scoring.features import article_stats, evidence_tells
from audit.scoring.likelihood import MACHINE, TRANSLATED, load_model
from audit.scoring.verdict import (
    MIN_WORDS,
    STATISTIC_LABELS,
    STATISTICS_MIN_WORDS,
    TellEvidence,
    decide,
    describe,
    judge,
    list_like,
    statistic_text,
    statistics_reasons,
)

from .conftest import SEEDS
from .inprocess import invoke

THRESHOLDS = {"review": 0.5, "likely-mt": 0.9, "tell-rules": 5}
NO_TELLS, TWO_TELLS, MANY_TELLS = TellEvidence(), TellEvidence(2, 2.0), TellEvidence(5, 7.0)

# A native-style wire story of about 130 words (written for this test).
NATIVE = (
    "Dock workers walk out over pay\n\n"
    "Hundreds of dock workers walked off the job at the port on Tuesday after talks over a new contract "
    "broke down late on Monday, union officials said.\n\n"
    "The strike, the first at the port in a decade, halted the loading of container ships and left "
    "dozens of trucks queuing outside the gates. \"We didn't want this, but they gave us no choice,\" "
    "said Maria Lopez, a crane operator who has worked there for 19 years.\n\n"
    "Port managers said they had offered a 4 percent raise and would return to the table as soon as the "
    "union was ready. A spokesman for the union told reporters the offer fell short of rising rents in "
    "the city, where housing costs have climbed sharply since the pandemic.\n\n"
    "Shipping lines warned of delays of up to a week if the walkout drags on.\n"
)


def lint_json(path) -> dict:
    return json.loads(invoke("lint", "--format", "json", str(path)).stdout)["files"][0]


def score_line(path) -> str:
    lines = invoke("lint", str(path)).stdout.splitlines()
    return next(line for line in lines if ": scores: " in line)


# ------------------------------------------------------------------ too-short
@pytest.mark.parametrize("text", ["", "The minister said on Monday that the talks in Geneva would go on next week.\n"])
def test_empty_file_and_15_words_are_too_short(tmp_path, text):
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    file = lint_json(path)
    assert file["verdict"] == "too-short"
    assert file["scores"]["mt_likelihood"] is None
    assert "mt_native_percentile" not in file["scores"]
    assert any("needed to judge" in reason for reason in file["scores"]["verdict_reasons"])
    line = score_line(path)
    assert ": scores: MT too-short; quality" in line and line.endswith(f"fewer than the {MIN_WORDS} needed to judge")


def test_too_short_below_the_minimum_and_scored_from_it():
    words = NATIVE.split("\n\n", 1)[1].split()
    short = " ".join(words[: MIN_WORDS - 1]) + "."
    assert audit_text(short).files[0].verdict == "too-short"
    long_enough = " ".join(words[: MIN_WORDS + 5]) + "."
    report = audit_text(long_enough).files[0]
    assert report.verdict != "too-short" and report.scores.mt_likelihood is not None


# ------------------------------------------------------------------ reasons
def test_seed_000_is_likely_mt_with_reasons_in_json_and_text():
    seed = sorted(SEEDS.glob("000_*.txt"))[0]
    file = lint_json(seed)
    assert file["verdict"] == "likely-mt"
    reasons = file["scores"]["verdict_reasons"]
    assert reasons and all(isinstance(r, str) and r for r in reasons)
    assert any("tells —" in r for r in reasons)  # the tells are named, by kind
    assert file["scores"]["mt_supports"] in ("machine", "translated")
    assert reasons[-1].startswith("the evidence points to machine translation: ")
    line = score_line(seed)
    assert ": scores: MT likely-mt, above every native news article; quality " in line
    assert line.endswith("; why likely-mt: " + "; ".join(reasons))  # the reasons last: nothing follows them


def test_every_verdict_above_clean_has_reasons(tmp_path):
    german = ("Die Bundesregierung hat am Montag angekündigt, dass die Gespräche über die Sicherheitsgarantien "
              "für die Ukraine in der kommenden Woche in Berlin fortgesetzt werden sollen. Der Kanzler sagte, "
              "man werde mit allen Partnern eng zusammenarbeiten.\n")
    (tmp_path / "de.txt").write_text(german, encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(invoke("lint", "--jobs", "1", "--format", "json", str(tmp_path)).stdout)
    verdicts = set()
    for file in data["files"]:
        verdicts.add(file["verdict"])
        if file["verdict"] != "clean":
            assert file["scores"]["verdict_reasons"], file["path"]
    assert {"review", "likely-mt"} <= verdicts
    text = invoke("lint", "--jobs", "1", str(tmp_path)).stdout
    for line in text.splitlines():
        if ": scores: " in line and ": scores: MT clean" not in line:
            assert "; why review: " in line or "; why likely-mt: " in line or "; why too-short: " in line, line


def test_a_statistic_that_raises_the_score_is_named():
    model = load_model()
    stats = article_stats(Document.from_text(NATIVE), [])
    pushes = {name: 0.0 for name in model[TRANSLATED]["features"]}
    name = next(n for n in pushes if n.startswith("b:"))
    judgement = judge(stats, [], model=_model_pushed(model, name))
    assert judgement.verdict in ("review", "likely-mt")
    assert any(describe(name)[1] in reason and "native news" in reason for reason in judgement.reasons)


# ------------------------------------------------------------------ reasons in plain words
def _every_statistic() -> list[str]:
    model = load_model()
    return sorted(set(model[TRANSLATED]["features"]) | set(model[MACHINE]["features"]) | set(STATISTIC_LABELS))


def _assert_plain(text: str, name: str) -> None:
    """No placeholder, bracket, code or internal name: only words, numbers and quoted function words."""
    import re

    from audit.scoring.features import FUNCTION_WORDS

    assert not re.search(r"[\[\]<>_#{}]", text), (name, text)
    assert not re.search(r"\bN\b|\bs:|\b[wbt]:", text), (name, text)
    assert name not in text or ":" not in name and "_" not in name, (name, text)
    for quoted in re.findall(r"“([^”]*)”", text):
        assert quoted in ("don’t",) or all(word in FUNCTION_WORDS for word in quoted.split()), (name, text)
    value = text.split(" (native news: ")[0]
    assert not re.search(r"(?<![\d.])0(?:\.0)?(?:% of| times| per)", value), (name, text)  # an absence: "no", "never"


def test_every_statistic_a_reason_can_name_is_in_plain_words():
    model = load_model()
    for name in _every_statistic():
        family, label = describe(name)
        assert label and family, name
        spec = model[TRANSLATED]["features"].get(name) or model[MACHINE]["features"].get(name) or {}
        native = spec.get("native")
        for value in (0.0, 0.34):
            text = statistic_text(name, value, native)
            _assert_plain(text, name)
            assert label in text, (name, text)
            if native is not None:
                assert "(native news: " in text, (name, text)


def test_the_reasons_of_issue_9_read_as_an_editor_checks_them():
    assert statistic_text("b:said that", 0.34, 0.03) == "“said that” 3.4 times per 1,000 words (native news: 0.3)"
    never = "never “a” before a capitalised word (native news: 2.4 per 1,000 words)"
    assert statistic_text("b:a N", 0.0, 0.24) == never
    assert describe("t:the _ of")[1] == "“the” and “of” with a lower-case word between"
    assert describe("t:_ that _")[1] == "“that” between two lower-case words"
    assert describe("b:N said")[1] == "“said” after a capitalised word"
    assert describe("b:<s> according")[1] == "a sentence opening with “according”"
    assert statistic_text("s:however", 0.0, 0.02) == "no sentences opening with “however” (native news: 2%)"
    assert statistic_text("b:said he", 0.0, 0.001) == "never “said he” (native news: under 0.1 per 1,000 words)"
    assert statistic_text("semicolons", 0.0, 0.05) == "no semicolons (native news: 0.1 per 100 words)"
    assert statistic_text("mattr", 0.76, 0.8) == "38 different words in every 50 words in a row (native news: 40)"


def test_statistics_reasons_name_each_family_in_plain_words():
    model = load_model()
    stats = article_stats(Document.from_text(NATIVE), [])
    part = model[TRANSLATED]
    for name in part["features"]:
        if describe(name)[0] == "tells":
            continue
        reasons = statistics_reasons(stats, {name: 5.0}, part)
        assert len(reasons) == 1 and describe(name)[1] in reasons[0], name
        assert reasons[0].split(": ", 1)[0].endswith("typical of translation")
        _assert_plain(reasons[0], name)


def _model_pushed(model: dict, name: str) -> dict:
    """A copy of the model in which one statistic, at this article's value, pushes hard towards translated."""
    part = json.loads(json.dumps(model[TRANSLATED]))
    spec = part["features"][name]
    spec.update(coef=50.0, center=-1.0, scale=1.0, min=None, max=None, transform="identity")
    return {**model, TRANSLATED: part}


# ------------------------------------------------------------------ the MT score: a native percentile
def test_mt_score_is_a_monotone_native_percentile():
    from audit.scoring.likelihood import native_percentile_of, verdict_thresholds

    model = load_model()
    scale = model[TRANSLATED]["native_scale"]
    assert scale["logits"] == sorted(scale["logits"]) and scale["percentiles"] == sorted(scale["percentiles"])
    assert scale["percentiles"][0] == 0 and scale["percentiles"][-1] == 100 and "held out" in scale["about"]
    grid = [n / 1000 for n in range(1001)]
    percentiles = [native_percentile_of(p, model) for p in grid]
    assert percentiles == sorted(percentiles) and percentiles[0] == 0 and percentiles[-1] == 100
    at = {name: native_percentile_of(value, model) for name, value in verdict_thresholds(model).items()}
    # review and likely-mt were chosen so that at most a few per cent of any native collection reach them
    assert 90 < at["review"] <= at["likely-mt"] <= 100


def test_mt_score_text_never_says_more_than_it_is():
    from audit.scoring.render import mt_score_text, native_rank_text

    assert [mt_score_text(p) for p in (None, 0.0, 88.7, 94.99, 98.89, 99.97, 100.0)] == \
        ["n/a", "0", "88", "94", "98.8", "99.9", "100"]
    assert native_rank_text(88.7) == "above 88% of native news articles"
    assert native_rank_text(100.0) == "above every native news article" and native_rank_text(None) is None


def test_score_line_json_and_html_say_the_same(tmp_path):
    from audit.reporters import html
    from audit.runner import Options, run
    from audit.scoring.likelihood import native_percentile_of
    from audit.scoring.render import mt_score_text

    for seed in sorted(SEEDS.glob("*.txt")):
        file = lint_json(seed)
        scores = file["scores"]
        percentile = scores["mt_native_percentile"]
        assert percentile == pytest.approx(native_percentile_of(scores["mt_likelihood"]), abs=0.5)
        line = score_line(seed)
        rank = "every native news article" if percentile >= 100 else f"{mt_score_text(percentile)}% of native news"
        assert f": scores: MT {file['verdict']}, above {rank}" in line
        if file["verdict"] == "review" and percentile >= 100:  # seed 004: why not likely-mt, when the score cannot say
            assert any(reason.startswith("short of likely-mt, which needs") for reason in scores["verdict_reasons"])
        page = html.render(run([str(seed)], Options()))
        for reason in scores["verdict_reasons"]:
            assert f"<li>{html.escape(reason)}</li>" in page


def test_readme_score_lines_are_real():
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = [line.strip() for line in readme.splitlines() if re.match(r"  seeds/\d{3}_\w+\.txt: scores: ", line)]
    assert len(shown) == 2
    for line in shown:
        actual = score_line(SEEDS / line.split(":", 1)[0].removeprefix("seeds/"))
        assert line == re.sub(r"quality ([\d.]+) \(MQM penalty [\d.]+ per 1,000 words\)", r"quality \1 (…)", actual)


# ------------------------------------------------------------------ a lone minor finding never decides
def _finding(rule: str, category: str, severity: str) -> Finding:
    return Finding(rule=rule, category=category, severity=severity, message="m", start=0, end=1, text="x",
                   line=1, column=1, end_line=1, end_column=2)


def test_lone_minor_finding_is_not_evidence():
    minor = _finding("CASE-UKRAINE-CITIES", "casing", "minor")
    other = _finding("SP-DETOKENISED-HYPHEN", "spacing", "minor")
    neutral = _finding("TE-AT-THE-SAME-TIME", "translationese", "neutral")
    assert evidence_tells([minor]) == []
    assert evidence_tells([minor, neutral]) == [neutral]
    assert evidence_tells([minor, other]) == [minor, other]
    assert evidence_tells([_finding("FF-X", "mistranslation", "major")])


def test_one_lower_case_name_does_not_change_the_verdict():
    plain = audit_text(NATIVE).files[0]
    slipped = audit_text(NATIVE.replace("at the port on Tuesday", "in kyiv on Tuesday")).files[0]
    assert [f.rule for f in slipped.findings if f.severity != "neutral"] == ["CASE-UKRAINE-CITIES"]
    assert slipped.verdict == plain.verdict == "clean"
    stats = article_stats(slipped.document, slipped.findings)
    assert stats.value("lexical_tells") == stats.value("punctuation_tells") == 0.0


# ------------------------------------------------------------------ statistics alone, short or list-like copy
def test_statistics_alone_never_make_likely_mt_on_short_or_list_like_copy():
    assert decide(0.99, STATISTICS_MIN_WORDS - 1, NO_TELLS, False, THRESHOLDS) == "review"
    assert decide(0.99, 400, NO_TELLS, True, THRESHOLDS) == "review"
    assert decide(0.99, 400, NO_TELLS, False, THRESHOLDS) == "likely-mt"
    assert decide(0.99, STATISTICS_MIN_WORDS - 1, TWO_TELLS, False, THRESHOLDS) == "likely-mt"
    assert decide(0.99, MIN_WORDS - 1, MANY_TELLS, False, THRESHOLDS) == "too-short"
    assert decide(0.6, 400, NO_TELLS, False, THRESHOLDS) == "review"
    assert decide(0.4, 400, TWO_TELLS, False, THRESHOLDS) == "clean"


def test_many_distinct_tells_make_likely_mt_by_themselves():
    assert decide(0.1, MIN_WORDS, MANY_TELLS, True, THRESHOLDS) == "likely-mt"
    assert decide(0.1, 400, TellEvidence(4, 12.0), False, THRESHOLDS) == "clean"
    findings = [_finding(f"FF-{n}", "mistranslation", "minor") for n in range(5)]
    assert TellEvidence.of(findings) == TellEvidence(5, 5.0)
    assert TellEvidence.of(findings + [_finding("FF-0", "mistranslation", "major")]) == TellEvidence(5, 7.0)


def test_list_like_copy():
    results = "\n".join(f"{team} {n}, Rovers {n + 1}" for n, team in enumerate(["City", "United", "Town", "Athletic",
                                                                                  "Wanderers", "Albion"]))
    assert list_like(Document.from_text("Weekend results\n\n" + results + "\n"))
    assert not list_like(Document.from_text(NATIVE))


# ------------------------------------------------------------------ layout
def test_statistics_do_not_depend_on_paragraph_breaks():
    body = NATIVE.split("\n\n", 1)[1]
    paragraphs = article_stats(Document.from_text(body), [])
    block = article_stats(Document.from_text(" ".join(body.split())), [])
    for table in ("unigrams", "bigrams", "trigrams", "openings"):
        assert getattr(paragraphs, table) == getattr(block, table)
    assert paragraphs.scalars == pytest.approx(block.scalars)


# ------------------------------------------------------------------ the model file
def test_model_file_is_complete():
    model = load_model()
    stats = article_stats(Document.from_text(NATIVE), [])
    for part in (TRANSLATED, MACHINE):
        assert model[part]["features"]
        for name, spec in model[part]["features"].items():
            stats.value(name)  # every feature is one the statistics can give
            assert spec["scale"] > 0 and spec["transform"] in ("identity", "sqrt")
    thresholds = model[TRANSLATED]["thresholds"]
    assert 0 < thresholds["review"] <= thresholds["likely-mt"] < 1
    assert 0 < model[MACHINE]["threshold"] < 1


def test_clean_native_story_and_json_fields(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(NATIVE, encoding="utf-8")
    file = lint_json(path)
    assert file["verdict"] == "clean"
    scores = file["scores"]
    assert 0.0 <= scores["mt_likelihood"] < load_model()[TRANSLATED]["thresholds"]["review"]
    assert 0.0 <= scores["machine_likelihood"] <= 1.0
    assert scores["verdict_reasons"] == [] and scores["mt_supports"] is None
    assert scores["mt_evidence"] and all(isinstance(v, float) for v in scores["mt_evidence"].values())
    assert Config().scores


def test_sparse_evaluation_equals_the_plain_sum():
    from audit.scoring.likelihood import logit, logit_of_values

    model = load_model()
    for text in (NATIVE, sorted(SEEDS.glob("000_*.txt"))[0].read_text(encoding="utf-8")):
        report = audit_text(text).files[0]
        stats = article_stats(report.document, report.findings)
        values = dict(stats.scalars)
        values.update((name, stats.value(name)) for name in stats.names() if ":" in name)
        for part in (TRANSLATED, MACHINE):
            assert logit(stats, model[part]) == pytest.approx(logit_of_values(values, model[part]), abs=1e-9)


def test_moving_type_token_ratio_is_the_mean_over_windows():
    import random

    from audit.scoring.features import moving_type_token_ratio

    def by_definition(words, window=50):
        if len(words) < window:
            return len(set(words)) / len(words) if words else 0.0
        spans = range(len(words) - window + 1)
        return sum(len(set(words[i : i + window])) for i in spans) / len(spans) / window

    generator = random.Random(1)
    for length in (0, 10, 49, 50, 51, 300):
        words = [generator.choice("abcdefghijklmnopqrst"[: generator.randint(2, 20)]) for _ in range(length)]
        assert moving_type_token_ratio(words) == pytest.approx(by_definition(words))
