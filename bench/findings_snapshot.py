"""A snapshot of every finding and score on the seeds and the development data, to prove that a change
of the code changes no finding (or only the ones it means to).

    python bench/findings_snapshot.py OUT.jsonl [--full-scores] [--sample N] [--data PATH ...]
    python bench/findings_snapshot.py --diff OLD.jsonl NEW.jsonl [--show 20]
    python bench/findings_snapshot.py --against REV [--full-scores] [--sample N] [--show 20]

The first form lints, in this one process and with the default configuration of `mtaudit lint`
(`--full-scores`: that of `lint --scores`, which adds readability, full language detection and the
opt-in readability rule), every document of:

- the seed articles (`seeds/*.txt`, by path);
- `../shared/data/wmt-dev.jsonl.gz` (each row's `text`, as plain text);
- `../shared/data/native-news.jsonl.gz` (each row's `title`, a blank line, then its `text`).

It writes one canonical JSON line per document, in input order: ``{"doc", "findings", "signals",
"scores", "verdict"}`` where each finding (and signal: a finding of a `signal = true` rule, reported
apart) is the JSON contract's ``rule, line, column, end_line, end_column, severity, text, suggestion,
in_quote, zone, fixable`` (the message is left out: its wording may change without the finding
changing). `--sample N` keeps a deterministic sample of N documents of
the data files (those whose id hashes lowest, by SHA-1), the seeds always; without it every
document is linted (about 12,000 documents, 2.7 million words: a minute or two on one core).

The second form compares two snapshots: the documents whose findings or scores differ (up to
`--show` of them, each with the findings added and removed), then per rule the number of findings
added and removed (and of those that became signals, or stopped being), and per score key the number
of documents where it changed. Exit status 1
when they differ. The data are read, never copied into the project; the output goes where it is
told (keep it outside the repository, e.g. in /tmp).

The third form does both for a change: it snapshots git revision REV (main, HEAD~3 …: its files in a
temporary folder, linted by its own code with this script) and the working tree, each in its own
process with the same options, and diffs them (exit status 1 when they differ).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit import Config, audit_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
DEFAULT_DATA = (DATA / "wmt-dev.jsonl.gz", DATA / "native-news.jsonl.gz")
FINDING_KEYS = (
    "rule", "line", "column", "end_line", "end_column", "severity", "text", "suggestion", "in_quote", "zone", "fixable",
)


def documents(data: list[Path], sample: int | None) -> Iterator[tuple[str, str]]:
    """(document id, text): the seeds, then the rows of each data file (or a sample of them)."""
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds/{seed.name}", seed.read_text(encoding="utf-8")
    rows: list[tuple[str, str]] = []
    for path in data:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                text = f"{row['title']}\n\n{row['text']}" if row.get("title") else row["text"]
                rows.append((f"{path.name}:{row['id']}", text))
    if sample is not None:
        chosen = set(sorted(rows, key=lambda r: hashlib.sha1(r[0].encode()).hexdigest())[:sample])
        rows = [r for r in rows if r in chosen]
    yield from rows


def canonical(doc_id: str, text: str, config: Config) -> dict:
    """The snapshot line of one document."""
    path = doc_id if doc_id.startswith("seeds/") else "document.txt"
    file_report = audit_text(text, config, path=path).files[0]
    try:
        data = file_report.to_dict(signals=True)
    except TypeError:  # a version before signals were reported apart
        data = file_report.to_dict()
    return {
        "doc": doc_id,
        "findings": [{key: finding.get(key) for key in FINDING_KEYS} for finding in data["findings"]],
        "signals": [{key: finding.get(key) for key in FINDING_KEYS} for finding in data.get("signals", [])],
        "scores": data.get("scores"),
        "verdict": data.get("verdict"),
    }


def snapshot(out: Path, data: list[Path], sample: int | None, full_scores: bool) -> None:
    config = Config(full_scores=full_scores)
    started = time.perf_counter()
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for doc_id, text in documents(data, sample):
            handle.write(json.dumps(canonical(doc_id, text, config), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    print(f"{count} documents in {time.perf_counter() - started:.1f} s -> {out}", file=sys.stderr)


def _read(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {row["doc"]: row for row in map(json.loads, handle)}


def _key(finding: dict) -> str:
    return json.dumps(finding, ensure_ascii=False, sort_keys=True)


def _changed_scores(old: dict | None, new: dict | None, prefix: str = "") -> list[str]:
    """The dotted keys whose values differ between two score tables."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [prefix.rstrip(".") or "scores"] if old != new else []
    changed = []
    for key in sorted(set(old) | set(new)):
        if isinstance(old.get(key), dict) or isinstance(new.get(key), dict):
            changed += _changed_scores(old.get(key), new.get(key), f"{prefix}{key}.")
        elif old.get(key) != new.get(key):
            changed.append(f"{prefix}{key}")
    return changed


def diff(old_path: Path, new_path: Path, show: int) -> int:
    old, new = _read(old_path), _read(new_path)
    added: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    to_signals: Counter[str] = Counter()
    from_signals: Counter[str] = Counter()
    score_keys: Counter[str] = Counter()
    differing = 0
    for doc in [d for d in old if d not in new] + [d for d in new if d not in old]:
        print(f"{doc}: only in {'the old' if doc in old else 'the new'} snapshot")
    for doc in [d for d in old if d in new]:
        before, after = old[doc], new[doc]
        old_findings = Counter(map(_key, before["findings"]))
        new_findings = Counter(map(_key, after["findings"]))
        old_signals = Counter(map(_key, before.get("signals", [])))
        new_signals = Counter(map(_key, after.get("signals", [])))
        gone, came = old_findings - new_findings, new_findings - old_findings
        # a finding that became a signal (or the reverse) is a move, not a loss
        demoted = gone & (new_signals - old_signals)
        promoted = came & (old_signals - new_signals)
        gone, came = gone - demoted, came - promoted
        signals_gone = old_signals - new_signals - promoted
        signals_came = new_signals - old_signals - demoted
        scores = _changed_scores(before["scores"], after["scores"])
        if before["verdict"] != after["verdict"]:
            scores.append("verdict")
        if not any((gone, came, demoted, promoted, signals_gone, signals_came, scores)):
            continue
        differing += 1
        for counter, keys in ((removed, gone), (added, came), (to_signals, demoted), (from_signals, promoted)):
            for key in keys.elements():
                counter[json.loads(key)["rule"]] += 1
        for key in signals_gone.elements():
            removed["signal " + json.loads(key)["rule"]] += 1
        for key in signals_came.elements():
            added["signal " + json.loads(key)["rule"]] += 1
        score_keys.update(scores)
        if differing <= show:
            print(f"{doc}:")
            for mark, keys in (("-", gone), ("+", came), ("→ signal", demoted), ("← signal", promoted),
                               ("- signal", signals_gone), ("+ signal", signals_came)):
                for key in keys.elements():
                    print(f"  {mark} {key}")
            if scores:
                print(f"  scores changed: {', '.join(scores)}")
    print(f"{differing} of {len(old)} documents differ")
    for rule in sorted(set(added) | set(removed)):
        print(f"  {rule}: +{added[rule]} -{removed[rule]}")
    for rule in sorted(set(to_signals) | set(from_signals)):
        print(f"  {rule}: {to_signals[rule]} findings became signals, {from_signals[rule]} signals became findings")
    for key, count in sorted(score_keys.items()):
        print(f"  score {key}: changed in {count} documents")
    return 1 if differing or len(old) != len(new) else 0


def against(revision: str, args: argparse.Namespace) -> int:
    """Snapshot `revision` and the working tree alike, and diff them."""
    import io
    import shutil
    import subprocess
    import tarfile
    import tempfile

    workdir = Path(tempfile.mkdtemp(prefix="mtaudit-against-"))
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", revision],
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(workdir / "old", filter="data")
        (workdir / "old" / "bench").mkdir(exist_ok=True)
        shutil.copy(Path(__file__), workdir / "old" / "bench" / "findings_snapshot.py")  # this script, its code
        options = ["--data", *map(str, args.data)] + (["--full-scores"] if args.full_scores else [])
        options += ["--sample", str(args.sample)] if args.sample is not None else []
        for name, script in (("old", workdir / "old" / "bench" / "findings_snapshot.py"), ("new", Path(__file__))):
            print(f"snapshot of {revision if name == 'old' else 'the working tree'}:", file=sys.stderr)
            subprocess.run([sys.executable, str(script), str(workdir / f"{name}.jsonl"), *options], check=True)
        return diff(workdir / "old.jsonl", workdir / "new.jsonl", args.show)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="where to write the snapshot (JSON lines)")
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two snapshots")
    parser.add_argument("--show", type=int, default=20, help="differing documents shown in full (default 20)")
    parser.add_argument("--against", metavar="REV", help="snapshot git revision REV and the working tree, diff them")
    parser.add_argument("--data", type=Path, nargs="+", default=list(DEFAULT_DATA), help="JSON-lines data files")
    parser.add_argument("--sample", type=int, help="a deterministic sample of this many data documents")
    parser.add_argument("--full-scores", action="store_true", help="as `lint --scores` (readability and all)")
    args = parser.parse_args()
    if args.diff:
        return diff(*args.diff, show=args.show)
    if args.against:
        return against(args.against, args)
    if args.out is None:
        parser.error("give OUT, or --diff OLD NEW")
    snapshot(args.out, args.data, args.sample, args.full_scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
