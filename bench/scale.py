"""Aggregator scale: articles per second on Dask with one and two workers (and audit_many in this
process, for comparison), and what that makes per core per day.

    python bench/scale.py [--limit 2225] [--devset PATH] [--partitions 16] [--workers 1,2] [--scores]

Needs the dask extra (pip install '.[dask]'). The articles are the first --limit texts of the
development set, read from ../shared/data (never copied into the project). Each configuration runs
on a fresh `distributed.LocalCluster` (one thread a worker); each worker is warmed up first (its
rule set compiled or loaded, as a long-running cluster has it), then the whole bag is audited once
and timed from submission to the last result in the client.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import DEFAULT_DEVSET, load_devset  # noqa: E402

from audit import Options, audit_many  # noqa: E402

SECONDS_PER_DAY = 86_400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--limit", type=int, default=2225)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--scores", action="store_true", help="full scores (as lint --scores)")
    args = parser.parse_args()

    import dask.bag as db
    from distributed import Client, LocalCluster

    from audit.dask import audit_bag

    rows = [{"id": str(row["id"]), "text": row["text"]} for row in load_devset(args.devset, args.limit)]
    words = sum(len(row["text"].split()) for row in rows)
    options = Options(full_scores=True) if args.scores else Options()
    print(f"{len(rows):,} articles, {words:,} words; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}; {'full audit' if args.scores else 'default scores'}")
    print("| run | workers | wall s | articles/s | words/s | articles per core per day |")
    print("|---|---|---|---|---|---|")

    def line(name: str, workers: int, wall: float) -> None:
        rate = len(rows) / wall
        per_core_day = rate / workers * SECONDS_PER_DAY
        print(f"| {name} | {workers} | {wall:.2f} | {rate:,.0f} | {words / wall:,.0f} | {per_core_day:,.0f} |",
              flush=True)

    list(audit_many(rows[:2], options))  # the rule set, as a warm worker has it
    started = time.perf_counter()
    for _report in audit_many(rows, options):
        pass
    line("audit_many, this process", 1, time.perf_counter() - started)

    for workers in (int(w) for w in args.workers.split(",")):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                warm = db.from_sequence(rows[: workers * 2], npartitions=workers * 2)
                audit_bag(warm, options).compute()
                bag = db.from_sequence(rows, npartitions=args.partitions)
                started = time.perf_counter()
                results = audit_bag(bag, options).compute()
                wall = time.perf_counter() - started
                assert len(results) == len(rows), (len(results), len(rows))
                client.close()
        line("audit.dask, LocalCluster", workers, wall)


if __name__ == "__main__":
    main()
