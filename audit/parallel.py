"""Auditing many files in parallel processes, with the reports in input order (so that the output is
byte for byte the output of a serial run)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from .config import Config
from .engine import FileReport, RuleSet, audit_file
from .sources import STDIN

# Files are sent to the workers in chunks: fewer round trips, still balanced across workers.
CHUNK_FILES = 8


@dataclass
class LineExcerpts:
    """What the text reporter needs of a document (the lines that have findings), without the
    document itself, which is large to send back from a worker."""

    lines: dict[int, str]

    def line_text(self, line_index: int) -> str:
        return self.lines.get(line_index, "")

    @classmethod
    def of(cls, report: FileReport) -> LineExcerpts | None:
        doc = report.document
        if doc is None:
            return None
        return cls({f.line - 1: doc.line_text(f.line - 1) for f in report.findings if f.line >= 1})


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _light(report: FileReport) -> FileReport:
    report.document = LineExcerpts.of(report)  # type: ignore[assignment]
    return report


def _init_worker(configs: list[Config]) -> None:
    for config in configs:  # compile each rule set once per worker
        RuleSet.load(config)


def _audit_chunk(chunk: list[tuple[str, Config, str | None]]) -> list[FileReport]:
    return [_light(audit_file(path, config, reference=reference)) for path, config, reference in chunk]


def audit_many(
    paths: Sequence[str],
    configs: Config | dict[str, Config],
    jobs: int | None = None,
    reference: str | None = None,
) -> list[FileReport]:
    """Audit `paths` with `jobs` processes (default: the CPUs available); one Config for all files or
    one per path. The reports come back in the order of `paths`; an unreadable file gives a report
    with `error`. One file, one job or standard input ('-') is audited in this process."""
    config_of = configs if isinstance(configs, dict) else dict.fromkeys(paths, configs)
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    jobs = min(jobs, len(paths))
    if jobs <= 1 or len(paths) <= 1:
        return [audit_file(path, config_of[path], reference=reference) for path in paths]
    from concurrent.futures import ProcessPoolExecutor  # here: a one-file run does not pay for it

    reports: list[FileReport | None] = [None] * len(paths)
    remote = [index for index, path in enumerate(paths) if path != STDIN]
    chunk_size = max(1, min(CHUNK_FILES, len(remote) // (jobs * 4) or 1))
    chunks = [remote[i : i + chunk_size] for i in range(0, len(remote), chunk_size)]
    distinct = list(dict.fromkeys(config_of[paths[i]] for i in remote))
    for config in distinct:  # compiled here once: forked workers inherit them
        RuleSet.load(config)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(distinct,)) as pool:
        work = [[(paths[i], config_of[paths[i]], reference) for i in chunk] for chunk in chunks]
        futures = [pool.submit(_audit_chunk, item) for item in work]
        for index, path in enumerate(paths):  # standard input is read here, while the workers run
            if path == STDIN:
                reports[index] = audit_file(path, config_of[path], reference=reference)
        for chunk, future in zip(chunks, futures, strict=True):
            for index, report in zip(chunk, future.result(), strict=True):
                reports[index] = report
    return [report for report in reports if report is not None]


__all__ = ["LineExcerpts", "audit_many", "default_jobs"]
