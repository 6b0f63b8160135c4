"""Streaming batches: `lint --input-format jsonl` and `audit_many` give what a directory run gives,
one line per article as it goes, reading the stream lazily."""

from __future__ import annotations

import itertools
import json

import pytest

from audit import Article, Options, Text, audit_many, run
from audit.parallel import CHUNK_FILES, CHUNKS_PER_WORKER, STREAM_CHUNK_CHARS
from audit.streaming import read_jsonl

from .conftest import SEEDS, run_cli

MARKDOWN = "# Talks in kyiv\n\nThe talks began on Monday.\n\n```\nkyiv in code\n```\n\nLeave a Reply\n"
PER_FILE = '[tool.mtaudit]\nfail-on = "major"\n\n[tool.mtaudit.per-file-ignores]\n"*.md" = ["boilerplate"]\n'


def _batch(tmp_path):
    """A folder of articles (the seeds, a Markdown one with per-file ignores, an empty one) and the same
    articles as JSON Lines, each id the path the directory run shows."""
    folder = tmp_path / "wire"
    folder.mkdir()
    (tmp_path / "pyproject.toml").write_text(PER_FILE, encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "talks.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    rows = [{"id": f"wire/{p.name}", "text": p.read_text(encoding="utf-8"), "desk": "ignored"}
            for p in sorted(folder.iterdir())]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return rows, batch


def test_the_stream_gives_the_directory_runs_lines(tmp_path):
    rows, batch = _batch(tmp_path)
    directory = run_cli("lint", "--format", "jsonl", "--scores", "--signals", "--jobs", "1", "wire", cwd=tmp_path)
    stream = run_cli("lint", "--input-format", "jsonl", "--scores", "--signals", "--jobs", "2", str(batch),
                     cwd=tmp_path)
    assert stream.returncode == directory.returncode == 1, stream.stderr
    expected = [json.loads(line) for line in directory.stdout.splitlines()]
    streamed = [json.loads(line) for line in stream.stdout.splitlines()]
    assert [line["id"] for line in streamed] == [row["id"] for row in rows]
    assert [{"path": line.pop("id"), **line} for line in streamed] == expected
    talks = next(line for line in expected if line["path"] == "wire/talks.md")
    assert talks["findings"] and not any(f["category"] == "boilerplate" for f in talks["findings"])


def test_the_stream_reads_standard_input_and_names_bad_lines(tmp_path):
    good = json.dumps({"id": 7, "text": "Officials in kyiv said the talks began."})
    lines = [good, "", "{not json", json.dumps({"id": "no-text"}), json.dumps(["a list"]), good]
    result = run_cli("lint", "--input-format", "jsonl", "--no-scores", "-", stdin="\n".join(lines) + "\n",
                     cwd=tmp_path)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in out] == ["7", "<stdin>:3", "<stdin>:4", "<stdin>:5", "7"]
    assert out[0]["findings"][0]["rule"] == out[4]["findings"][0]["rule"]
    assert "not JSON" in out[1]["error"] and '"text" must be a string' in out[2]["error"]
    assert "a mapping with an id and a text" in out[3]["error"]
    assert result.stderr.count("mtaudit: error: <stdin>:") == 3 and "Traceback" not in result.stderr
    assert result.returncode == 2


def test_the_stream_refuses_what_needs_the_whole_run(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": "Text."}) + "\n", encoding="utf-8")
    for extra in (["--fix"], ["--format", "json"], ["--baseline", "b.json"], ["--reference", "r.txt"]):
        result = run_cli("lint", "--input-format", "jsonl", *extra, str(batch), cwd=tmp_path)
        assert result.returncode == 2 and "not with " + extra[0] in result.stderr, extra
        assert result.stdout == ""
    missing = run_cli("lint", "--input-format", "jsonl", "missing.jsonl", cwd=tmp_path)
    assert missing.returncode == 2 and "missing.jsonl: no such file" in missing.stderr


def test_audit_many_equals_run_on_texts():
    rows = [{"id": seed.name, "text": seed.read_text(encoding="utf-8")} for seed in sorted(SEEDS.glob("*.txt"))]
    options = Options(signals=True)
    streamed = list(audit_many(rows, options))
    expected = run([Text(row["text"], row["id"]) for row in rows], options).files
    assert [(r.path, r.findings, r.signals, r.scores) for r in streamed] == [
        (r.path, r.findings, r.signals, r.scores) for r in expected
    ]


def test_audit_many_takes_a_reference_per_article():
    text = "Headline\n\nOfficials said 12 people were hurt on Monday.\n"
    reference = "Headline\n\nOfficials said 15 people were hurt on Monday.\n"
    [report] = audit_many([Article("a.txt", text, {"reference": reference})])
    assert "FID-NUMBER-MISMATCH" in {f.rule for f in report.findings}
    assert report.findings == run([Text(text, "a.txt")], Options(companions={"reference": reference})).files[0].findings


@pytest.mark.parametrize("jobs", [1, 2])
def test_audit_many_reads_the_stream_as_it_goes(jobs):
    pulled = itertools.count()

    def many():  # a stream read whole would be read to its end here, past the bound below
        for number in range(100_000):
            next(pulled)
            yield {"id": f"{number}.txt", "text": f"Story {number}: officials in kyiv met on Monday."}

    reports = audit_many(many(), Options(jobs=jobs, scores=False))
    first = list(itertools.islice(reports, 3))
    reports.close()  # the workers end with the generator
    assert [r.path for r in first] == ["0.txt", "1.txt", "2.txt"]
    assert all(r.findings[0].rule == "CASE-UKRAINE-CITIES" for r in first)
    in_flight = jobs * CHUNKS_PER_WORKER * CHUNK_FILES + CHUNK_FILES + 1  # the first chunks are small
    assert next(pulled) <= (3 if jobs == 1 else in_flight)


def test_a_stream_of_long_articles_holds_fewer_of_them_in_flight():
    pulled = itertools.count()
    text = "Officials in kyiv met on Monday. " * 2_000  # 66,000 characters: four a chunk
    per_chunk = -(-STREAM_CHUNK_CHARS // len(text))

    def many():
        for number in range(10_000):
            next(pulled)
            yield {"id": f"{number}.txt", "text": text}

    reports = audit_many(many(), Options(jobs=2, scores=False))
    first = next(reports)
    reports.close()
    assert first.path == "0.txt" and per_chunk < CHUNK_FILES
    assert next(pulled) <= 2 * CHUNKS_PER_WORKER * per_chunk + per_chunk + 1


def test_read_jsonl_skips_an_oversized_line_in_bounded_pieces(tmp_path, monkeypatch):
    monkeypatch.setenv("MTAUDIT_MAX_FILE_MB", "0.001")  # 1,000 bytes
    batch = tmp_path / "batch.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 1000})
    batch.write_text(big + "\n" + json.dumps({"id": "small", "text": "A line."}) + "\n", encoding="utf-8")
    with batch.open("rb") as stream:
        items = list(read_jsonl(stream, str(batch)))
    assert "line too large" in items[0].error and items[1] == Article("small", "A line.")


def test_audit_many_takes_an_original_per_article():
    examples = SEEDS.parent / "docs" / "examples"
    text = (examples / "schools.en.txt").read_text(encoding="utf-8")
    original = (examples / "schools.uk.txt").read_text(encoding="utf-8")
    [report] = audit_many([{"id": "schools.en.txt", "text": text, "original": original}])
    expected = run([Text(text, "schools.en.txt")], Options(companions={"original": original})).files[0]
    assert report.findings == expected.findings and report.scores == expected.scores
    assert any(f.rule.startswith("FID-") for f in report.findings)
