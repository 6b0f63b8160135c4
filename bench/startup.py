"""Start-up: `mtaudit --version` and a one-file lint beside `python -c pass`, in the same run.

    python bench/startup.py [--runs 21] [FILE]

Each command runs as its own process, from interpreter start to exit, output discarded; the commands
take turns (so that a slow spell of a shared machine hits each of them), and the table gives the
median and the fastest wall time of each, and its minor page faults (most of them the first touch
of a page of fresh memory; the last line measures what one costs here: about 3 µs on the two-core
machine of the README's figures). The one-file lint is `mtaudit lint FILE --no-scores` and
`mtaudit lint FILE` (the default scores) on a seed article, after one untimed run that fills the
compiled-rules cache (a second run of the day is what an editor waits for); the cold one-file lint is
`mtaudit lint FILE --no-scores` with MTAUDIT_NO_CACHE=1 (the rule set built as with an empty cache, the
first run after installing or with other rule folders). `mtaudit` is the
installed command beside this interpreter, else `python -m audit`. The commands run without
PYTHONDONTWRITEBYTECODE, so that the untimed run leaves the package's bytecode as an installation
does (with it set, every run compiles mtaudit's sources again: about 0.1 s).
"""

from __future__ import annotations

import argparse
import mmap
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def mtaudit_command() -> list[str]:
    installed = Path(PYTHON).parent / "mtaudit"
    if installed.exists():
        return [str(installed)]
    found = shutil.which("mtaudit")
    return [found] if found else [PYTHON, "-m", "audit"]


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


COLD_NAME = "MTAUDIT_NO_CACHE=1 mtaudit lint FILE --no-scores (cold)"
COLD = {"MTAUDIT_NO_CACHE": "1"}


def run(command: list[str], extra_environment: dict[str, str] | None = None) -> tuple[float, int]:
    """(wall time, minor page faults) of one run of `command`."""
    faults = resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt  # of the children waited for so far
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                               env={**ENV, **(extra_environment or {})})
    elapsed = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"exit status {completed.returncode}: {' '.join(command)}")
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt - faults


FRESH_PAGES = 4096
FRESH_RUNS = 5


def fresh_page_cost(pages: int = FRESH_PAGES, runs: int = FRESH_RUNS) -> float:
    """Median microseconds to touch a page of fresh anonymous memory for the first time (the page
    fault and the zeroed page), less the cost of touching it again."""
    costs = []
    for _ in range(runs):
        with mmap.mmap(-1, pages * mmap.PAGESIZE) as memory:
            offsets = range(0, pages * mmap.PAGESIZE, mmap.PAGESIZE)
            start = time.perf_counter()
            for offset in offsets:
                memory[offset] = 1
            first = time.perf_counter() - start
            start = time.perf_counter()
            for offset in offsets:
                memory[offset] = 1
            again = time.perf_counter() - start
        costs.append(1e6 * (first - again) / pages)
    return statistics.median(costs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=min((ROOT / "seeds").glob("*.txt")))
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    mtaudit = mtaudit_command()
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "mtaudit --version": mtaudit + ["--version"],
        "mtaudit lint FILE --no-scores": mtaudit + ["lint", str(args.file), "--no-scores"],
        "mtaudit lint FILE": mtaudit + ["lint", str(args.file)],
        COLD_NAME: mtaudit + ["lint", str(args.file), "--no-scores"],
    }
    environments = {COLD_NAME: COLD}
    for name, command in commands.items():  # untimed: the compiled rules in the cache, the files in memory
        run(command, environments.get(name))
    times: dict[str, list[float]] = {name: [] for name in commands}
    faults: dict[str, list[int]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            elapsed, touched = run(command, environments.get(name))
            times[name].append(elapsed)
            faults[name].append(touched)

    print(f"{' '.join(mtaudit)}; {args.file.name}; median of {args.runs} runs; "
          f"load average {os.getloadavg()[0]:.1f}")
    print("| command | median s | fastest s | median minus python -c pass | minor page faults (median) |")
    print("|---|---|---|---|---|")
    base = statistics.median(times["python -c pass"])
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"| `{name}` | {median:.3f} | {min(measured):.3f} | {median - base:+.3f} "
              f"| {statistics.median(faults[name]):,.0f} |")
    print(f"a first touch of a fresh page of memory: {fresh_page_cost():.2f} µs "
          f"(median of {FRESH_RUNS} × {FRESH_PAGES:,} pages)")


if __name__ == "__main__":
    main()
