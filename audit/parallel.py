"""Auditing many files in parallel processes, with the reports in input order (so that the output is
byte for byte the output of a serial run)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .config import Config
from .engine import FileReport, RuleSet, audit_file
from .sources import STDIN

# Files are sent to the workers in chunks: fewer round trips, still balanced across workers.
CHUNK_FILES = 8


@dataclass
class TextView:
    """What reporters read of a document (its text, lines and sentences: excerpts, highlights, baseline
    keys), without the rest of the document model, which is large to send back from a worker."""

    text: str
    line_starts: list[int]
    sentences: list[tuple[int, int]]
    had_bom: bool = False

    def line_span(self, line_index: int) -> tuple[int, int]:
        start = self.line_starts[line_index]
        if line_index + 1 < len(self.line_starts):
            return start, self.line_starts[line_index + 1] - 1
        return start, len(self.text)

    def line_text(self, line_index: int) -> str:
        start, end = self.line_span(line_index)
        return self.text[start:end]

    @classmethod
    def of(cls, report: FileReport) -> TextView | None:
        doc = report.document
        if doc is None:
            return None
        return cls(doc.text, doc.line_starts, doc.sentences, doc.had_bom)


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _light(report: FileReport) -> FileReport:
    report.document = TextView.of(report)  # type: ignore[assignment]
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
    progress: Callable[[int], None] | None = None,
) -> list[FileReport]:
    """Audit `paths` with `jobs` processes (default: the CPUs available); one Config for all files or
    one per path. The reports come back in the order of `paths`; an unreadable file gives a report
    with `error`. One file, one job or standard input ('-') is audited in this process. `progress` is
    called with the number of files each time some are done."""
    done = progress or (lambda count: None)
    config_of = configs if isinstance(configs, dict) else dict.fromkeys(paths, configs)
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    jobs = min(jobs, len(paths))
    if jobs <= 1 or len(paths) <= 1:
        serial = []
        for path in paths:
            serial.append(audit_file(path, config_of[path], reference=reference))
            done(1)
        return serial
    from concurrent.futures import ProcessPoolExecutor, as_completed  # here: a one-file run does not pay for it

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
                done(1)
        chunk_of = {future: chunk for future, chunk in zip(futures, chunks, strict=True)}
        for future in as_completed(futures):
            chunk = chunk_of[future]
            for index, report in zip(chunk, future.result(), strict=True):
                reports[index] = report
            done(len(chunk))
    return [report for report in reports if report is not None]


__all__ = ["TextView", "audit_many", "default_jobs"]
