"""Throughput of mtaudit against proselint on the same files, in the same run.

    python bench/throughput.py CORPUS_DIR [--runs 3] [--jobs 2] [--scale 1,4,16] [--no-proselint]
        [--sizes 5,100,1000,20000 [--sizes-total 4] [--only-sizes]]

Every configuration runs as its own process, from interpreter start to exit, output discarded:

  proselint          proselint 0.16's own lint loop (LintFile.lint) over the files, one process
  rules    -j1 / -jN `mtaudit lint DIR --no-scores --jobs 1 / N`
  full     -j1 / -jN `mtaudit lint DIR --scores --jobs 1 / N` (rules plus every article score)

Reported per configuration: the median of --runs runs of wall time, words/s and files/s from it, CPU
seconds (user + system, workers included), and peak memory: the largest single process (ru_maxrss
of the process tree, from wait4) and the largest sum over the tree (sampled from /proc every 20 ms).
Ratios are against proselint's median in the same run. --scale K,… replicates the corpus K times
(K times the files) and concatenates K articles a file (K times the size of a file) and times
`rules -jN` on each, to show that the cost is linear in the input.

--sizes KB,… (e.g. 5,100,1000,20000) makes, for each size, files of that size from the corpus's
articles (joined by blank lines; at least --sizes-total MB in all, so that small files are many and a
20 MB file is one) and times `mtaudit lint --no-scores --jobs 1` and `--scores --jobs 1` on them in
turn (every size's runs interleaved): CPU microseconds per word (the whole process, start-up
included) and the peak memory of the process, so that the per-word cost of a 20 MB file can be read
beside that of 5 KB articles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MTAUDIT = [PYTHON, "-m", "audit"]

PROSELINT_DRIVER = """
import sys
from pathlib import Path
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
count = 0
for name in sorted(Path(sys.argv[1]).rglob("*.txt")):
    count += len(LintFile(name).lint(DEFAULT))
print(count)
"""


@dataclass
class Measure:
    wall: float
    cpu: float
    max_rss_mb: float  # the largest single process
    tree_rss_mb: float  # the largest sum over the process tree
    returncode: int


@dataclass
class Row:
    name: str
    command: list[str]
    runs: list[Measure] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(m, attribute) for m in self.runs)


def _children(pid: int) -> list[int] | None:
    """The child processes of `pid`, from each of its threads' /proc/PID/task/TID/children (a worker
    forked by another thread than the main one is that thread's child); None where the kernel has no
    such file."""
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []  # gone
    children: list[int] = []
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/children") as handle:
                children.extend(map(int, handle.read().split()))
        except FileNotFoundError:
            if not os.path.exists(f"/proc/{pid}/task/{thread}/stat"):
                continue  # the thread ended
            return None  # no children file in this kernel
        except OSError:
            continue
    return children


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * _PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _tree_rss_kb(root: int) -> int:
    """Sum of the resident memory of `root` and its descendants (Linux /proc). The tree is walked from
    `root` through the children files, a few reads a sample: a scan of every process of the machine
    cost 2.7 ms of CPU a sample (13% of a core at one sample every 20 ms), taken from the workers of a
    `--jobs 2` run on a two-core machine (its ratio to one process read 1.42-1.57 in this bench on
    2026-12-03, 1.69 in farm-bench's pairs of the same hour). Where the kernel has no children files,
    the tree is found from such a scan."""
    total, stack = 0, [root]
    scanned: dict[int, list[int]] | None = None
    while stack:
        pid = stack.pop()
        children = _children(pid) if scanned is None else scanned.get(pid, [])
        if children is None:
            scanned = _children_by_scan()
            children = scanned.get(pid, [])
        total += _rss_kb(pid)
        stack.extend(children)
    return total


def _children_by_scan() -> dict[int, list[int]]:
    """Each process's children, from every process's /proc/PID/stat (a kernel without the children files)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    return children


def measure(command: list[str], env: dict[str, str] | None = None) -> Measure:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024, process.returncode)


def corpus_size(directory: Path) -> tuple[int, int, int]:
    """Files, words and bytes. The words are counted a line at a time: splitting a 20 MB file whole
    took this process to 280 MB, and a child started after it reports that as its own peak (Linux
    carries the parent's high-water mark over fork and exec into the child's ru_maxrss)."""
    files = sorted(directory.rglob("*.txt"))
    words = 0
    for path in files:
        with path.open(encoding="utf-8", errors="replace") as handle:
            words += sum(len(line.split()) for line in handle)
    return len(files), words, sum(p.stat().st_size for p in files)


def run_rows(rows: list[Row], runs: int, env: dict[str, str]) -> None:
    for number in range(runs):
        for row in rows:  # interleaved, so that a slow spell of a shared machine hits every row
            result = measure(row.command, env)
            if result.returncode not in (0, 1):
                raise SystemExit(f"{row.name}: exit status {result.returncode}: {' '.join(row.command)}")
            row.runs.append(result)
            print(f"  run {number + 1}: {row.name:<12} {result.wall:7.2f} s wall {result.cpu:7.2f} s cpu",
                  file=sys.stderr)


def table(rows: list[Row], files: int, words: int) -> str:
    base = next((r for r in rows if r.name == "proselint"), None)
    head = ("| configuration | wall s (median) | words/s | files/s | CPU s | vs proselint (wall) | "
            "vs proselint (CPU) | peak RSS, largest process | peak RSS, process tree |")
    lines = [head, "|" + "---|" * 9]
    for row in rows:
        wall, cpu = row.median("wall"), row.median("cpu")
        ratio = f"{base.median('wall') / wall:.2f}×" if base else "–"
        cpu_ratio = f"{base.median('cpu') / cpu:.2f}×" if base else "–"
        lines.append(
            f"| {row.name} | {wall:.2f} | {words / wall:,.0f} | {files / wall:,.1f} | {cpu:.2f} | {ratio} | "
            f"{cpu_ratio} | {row.median('max_rss_mb'):.0f} MB | {row.median('tree_rss_mb'):.0f} MB |"
        )
    return "\n".join(lines)


def paired_ratios(rows: list[Row]) -> str:
    """Each ratio taken within each run (the rows of a run run one after the other, so a slow spell
    of the machine hits both sides of a ratio alike) and its median over the runs, with the
    smallest and the largest: each row against proselint, and each `-jN` row against its `-j1` row."""
    by_name = {row.name: row for row in rows}
    pairs = []
    for row in rows:
        if row.name != "proselint" and "proselint" in by_name:
            pairs.append((row, by_name["proselint"], "proselint"))
    for row in rows:
        one_process = row.name.rsplit("-j", 1)[0] + "-j1"
        if "-j" in row.name and row.name != one_process and one_process in by_name:
            pairs.append((row, by_name[one_process], "one process"))
    lines = ["speed-ups run by run (wall; the median over the runs, smallest to largest):"]
    for row, against, name in pairs:
        ratios = [b.wall / a.wall for a, b in zip(row.runs, against.runs, strict=True)]
        lines.append(f"  {row.name} against {name}: {statistics.median(ratios):.2f}× "
                     f"({min(ratios):.2f}–{max(ratios):.2f}×)")
    return "\n".join(lines)


def scaled_corpora(source: Path, factors: list[int], workdir: Path) -> list[tuple[str, Path]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from write_corpus import write_corpus

    texts = [p.read_text(encoding="utf-8") for p in sorted(source.rglob("*.txt"))]
    out = []
    for factor in factors:
        replicated = workdir / f"files-x{factor}"
        write_corpus(replicated, texts, repeat=factor)
        out.append((f"{factor}× files", replicated))
        if factor > 1:
            concatenated = workdir / f"size-x{factor}"
            write_corpus(concatenated, texts, concat=factor)
            out.append((f"{factor}× file size", concatenated))
    return out


def sized_corpus(source: Path, size_kb: float, total_mb: float, out: Path) -> None:
    """Files of about `size_kb` KB each (whole articles joined by blank lines, cycling through the corpus),
    `total_mb` MB in all (at least one file). Written an article at a time: a 20 MB file held whole made
    this process 100 MB, which Linux then reports as the peak of every process it starts after."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.rglob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    count = max(1, round(total_mb * 1000 / size_kb))
    article = 0
    for number in range(count):
        size = 0
        with (out / f"{number:05d}.txt").open("w", encoding="utf-8") as handle:
            while size < size_kb * 1000:
                text = texts[article % len(texts)]
                handle.write(("\n\n" if size else "") + text)
                article += 1
                size += len(text.encode("utf-8")) + 2
            handle.write("\n")


def size_table(source: Path, sizes: list[float], total_mb: float, runs: int, env: dict[str, str]) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="mtaudit-sizes-"))
    limit = max(sizes) / 1000 * 1.5 + 1  # MB: the largest file must not be refused as oversized
    env = dict(env, MTAUDIT_MAX_FILE_MB=str(max(limit, 16)))
    try:
        print(f"\nper-word cost by file size (`mtaudit lint DIR --jobs 1`; median of {runs} runs; "
              f"at least {total_mb:g} MB a size):")
        print("| file size | files | words | rules: CPU s | rules: CPU µs/word | rules: peak RSS | "
              "full: CPU s | full: CPU µs/word | full: peak RSS |")
        print("|" + "---|" * 9)
        made = []  # every size's files first, then all timed by turns, so that drift hits every size
        for size_kb in sizes:
            directory = workdir / f"{size_kb:g}kb"
            sized_corpus(source, size_kb, max(total_mb, size_kb / 1000), directory)
            rows = [Row(f"rules {size_kb:g} KB", MTAUDIT + ["lint", str(directory), "--no-scores", "--jobs", "1"]),
                    Row(f"full {size_kb:g} KB", MTAUDIT + ["lint", str(directory), "--scores", "--jobs", "1"])]
            made.append((corpus_size(directory), rows))
        run_rows([row for _, rows in made for row in rows], runs, env)
        per_word = []
        for (n_files, n_words, n_bytes), rows in made:
            cells = []
            for row in rows:
                cpu = row.median("cpu")
                cells += [f"{cpu:.2f}", f"{1e6 * cpu / n_words:.2f}", f"{row.median('max_rss_mb'):.0f} MB"]
            per_word.append(1e6 * rows[0].median("cpu") / n_words)
            mean = n_bytes / n_files
            label = f"{mean / 1000:,.0f} KB" if mean < 1e6 else f"{mean / 1e6:.1f} MB"
            print(f"| {label} | {n_files:,} | {n_words:,} | " + " | ".join(cells) + " |", flush=True)
        if len(per_word) > 1:
            ratio = per_word[-1] / per_word[0]
            print(f"rules only, CPU per word of the largest files against the smallest: {ratio:.2f}×")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--scale", default="", help="comma-separated factors, e.g. 1,4,16 (rules only, --jobs)")
    parser.add_argument("--sizes", default="", help="comma-separated file sizes in KB, e.g. 5,100,1000,20000")
    parser.add_argument("--sizes-total", type=float, default=4.0, help="MB of text for each size (default 4)")
    parser.add_argument("--only-sizes", action="store_true", help="skip the table against proselint")
    args = parser.parse_args()

    env = dict(os.environ)
    files, words, size = corpus_size(args.corpus)
    corpus = str(args.corpus.resolve())
    print(f"corpus: {corpus}: {files:,} files, {words:,} words, {size / 1e6:.1f} MB; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}; median of {args.runs} runs")
    if args.sizes:
        sizes = [float(size) for size in args.sizes.split(",")]
        size_table(args.corpus, sizes, args.sizes_total, args.runs, env)
        if args.only_sizes:
            return
    rows: list[Row] = []
    if not args.no_proselint:
        rows.append(Row("proselint", [PYTHON, "-c", PROSELINT_DRIVER, corpus]))
    for jobs in sorted({1, args.jobs}):
        rows.append(Row(f"rules -j{jobs}", MTAUDIT + ["lint", corpus, "--no-scores", "--jobs", str(jobs)]))
    for jobs in sorted({1, args.jobs}):
        rows.append(Row(f"full -j{jobs}", MTAUDIT + ["lint", corpus, "--scores", "--jobs", str(jobs)]))
    run_rows(rows, args.runs, env)
    print(table(rows, files, words))
    print(paired_ratios(rows))

    if args.scale:
        factors = [int(f) for f in args.scale.split(",")]
        workdir = Path(tempfile.mkdtemp(prefix="mtaudit-scale-"))
        try:
            print(f"\nscaling, `mtaudit lint DIR --no-scores --jobs {args.jobs}`, median of {args.runs} runs:")
            print("| corpus | files | words | wall s | words/s | CPU s | CPU µs/word | peak RSS, tree |")
            print("|" + "---|" * 8)
            for label, directory in scaled_corpora(args.corpus, factors, workdir):
                n_files, n_words, _size = corpus_size(directory)
                row = Row(label, MTAUDIT + ["lint", str(directory), "--no-scores", "--jobs", str(args.jobs)])
                run_rows([row], args.runs, env)
                wall, cpu = row.median("wall"), row.median("cpu")
                print(f"| {label} | {n_files:,} | {n_words:,} | {wall:.2f} | {n_words / wall:,.0f} | {cpu:.2f} | "
                      f"{1e6 * cpu / n_words:.1f} | {row.median('tree_rss_mb'):.0f} MB |", flush=True)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
