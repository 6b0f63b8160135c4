"""Linting many inputs in parallel processes, with the reports in input order (so that the output is
byte for byte the output of a serial run).

The workers end with their parent: on SIGINT (Ctrl-C) or SIGTERM the parent stops them at once and
exits (130 or 143) instead of waiting for the whole run, and a worker whose parent dies anyway
(SIGKILL) gets SIGTERM from the kernel (Linux's parent-death signal; elsewhere a watchdog thread
notices the parent is gone). Workers ignore SIGINT: a Ctrl-C reaches the whole process group, and
it is the parent's to handle.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from .config import Config
from .engine import RuleSet
from .report import FileReport
from .sources import STDIN
from .text.dataclass_code import dataclass

# Files are sent to the workers in chunks: fewer round trips (each about 1 ms of the parent's CPU),
# still balanced across workers. A list of files (lint_many) goes in chunks that shrink as the work left
# does ("guided" scheduling: `chunk_sizes`), from MAX_CHUNK_FILES down to CHUNK_FILES; a stream
# (lint_stream) in chunks of CHUNK_FILES articles until every worker has its read-ahead (so that a short
# stream is spread over the workers and the first reports come as soon as before), then of
# STREAM_CHUNK_FILES; a chunk is closed early once its texts reach STREAM_CHUNK_CHARS (what a stream
# holds in flight is bounded in characters, give or take one article a chunk, not only in articles).
CHUNK_FILES = 8
MAX_CHUNK_FILES = 64
STREAM_CHUNK_FILES = 32
STREAM_CHUNK_CHARS = 1 << 18
# A chunk is at most this fraction of the files left, shared among the workers: the last chunks are
# small, so that no worker is left with a large one when the others are done.
CHUNKS_LEFT_PER_WORKER = 4

Work = tuple[Any, ...]  # what the lint function is given for one input (an input, its Config, …)
# A module-level function (pickled by name to the workers) taking a list of Work and giving their
# reports in order: a chunk of inputs is linted in one call (runner.lint_inputs groups the rules and
# the scores of a few inputs).
LintFunction = Callable[[list[Work]], list[FileReport]]


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
    return replace(report, document=TextView.of(report))


def _end_with_parent(parent: int) -> None:
    """Make this worker end when the process `parent` does."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the signal was armed
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="mtaudit-parent-watch", daemon=True).start()


def _init_worker(configs: list[Config], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by the fork
    _end_with_parent(parent)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked by the parent while forking
    for config in configs:  # compile each rule set once per worker
        RuleSet.load(config)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while the workers are forked: a signal that lands inside a fork
    (in an at-fork hook) is lost, and the run then waits for ever. A held signal arrives when they
    are released, where the parent can stop the workers."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Terminated(SystemExit):
    """SIGTERM received by the parent of a parallel run: exit status 128 + 15."""


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """While the pool runs, SIGTERM raises Terminated in the parent (so that it stops the workers
    before exiting) instead of killing it at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum, frame) -> None:
        raise Terminated(128 + signal.SIGTERM)

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop(pool) -> None:
    """End a pool's workers now: pending work is dropped, running work is killed. The pool's manager
    thread is waited for too: it closes the pool's wake-up pipe as it ends, and if that happened
    while the interpreter exits, the exit hook of concurrent.futures (which wakes every pool's
    manager without a lock) could write to the pipe being closed and print a traceback (CPython
    3.11: "Exception ignored in: <module 'threading'> ... Bad file descriptor")."""
    processes = list(getattr(pool, "_processes", {}).values())  # the executor keeps no public list
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(2)
    if isinstance(manager, threading.Thread) and manager is not threading.current_thread():
        manager.join(2)


def chunk_sizes(count: int, jobs: int) -> list[int]:
    """The sizes of the chunks `count` files are sent in to `jobs` workers, in order: each the files left
    over jobs * CHUNKS_LEFT_PER_WORKER, at most MAX_CHUNK_FILES and at least CHUNK_FILES, or fewer when
    the files are few (a chunk of each file when they are under 2 * jobs * CHUNKS_LEFT_PER_WORKER);
    the last one what is left. 2,225 files for two workers go in 51 chunks instead of 279 of 8: a
    round trip cost the parent about 1 ms of CPU, taken from the workers on a machine with as many
    cores as workers."""
    spread = jobs * CHUNKS_LEFT_PER_WORKER
    smallest = max(1, min(CHUNK_FILES, count // spread))
    sizes = []
    left = count
    while left > 0:
        size = min(left, max(smallest, min(MAX_CHUNK_FILES, left // spread)))
        sizes.append(size)
        left -= size
    return sizes


def _calls(work: Sequence[Work]) -> Iterator[list[Work]]:
    """`work` in lists of CHUNK_FILES items (the last one what is left): what one call of the lint
    function is given in this process (lint_many with one job, a worker's chunk)."""
    for start in range(0, len(work), CHUNK_FILES):
        yield list(work[start : start + CHUNK_FILES])


def _lint_chunk(function: LintFunction, chunk: list[Work]) -> list[FileReport]:
    """A worker's chunk, CHUNK_FILES items a call: a report keeps its whole document only until its
    call is over (`_light`), not until the chunk is."""
    reports: list[FileReport] = []
    for call in _calls(chunk):
        reports += map(_light, function(call))
    return reports


def lint_many(
    function: LintFunction,
    work: Sequence[Work],
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[FileReport]:
    """`function(chunk)` for chunks of `work` (each item an input, its Config, …) with `jobs` processes
    (None: the CPUs available). The reports come back in the order of `work`. One input, one job or
    standard input (an input whose `source` is '-') is linted in this process, one job in chunks of
    CHUNK_FILES. `progress` is called with the number of inputs each time some are done."""
    done = progress or (lambda count: None)
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    jobs = min(jobs, len(work))
    if jobs <= 1 or len(work) <= 1:
        serial: list[FileReport] = []
        for call in _calls(work):
            serial += function(call)
            done(len(call))
        return serial
    from concurrent.futures import ProcessPoolExecutor, as_completed  # here: a one-file run does not pay for it

    reports: list[FileReport | None] = [None] * len(work)
    remote = [index for index, item in enumerate(work) if getattr(item[0], "source", None) != STDIN]
    unsent = iter(remote)
    chunks = [list(itertools.islice(unsent, size)) for size in chunk_sizes(len(remote), jobs)]
    distinct = list(dict.fromkeys(work[i][1] for i in remote))
    for config in distinct:  # compiled here once: forked workers inherit them
        RuleSet.load(config)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(distinct, os.getpid()))
    with _terminate_raises():
        try:
            with _stop_signals_held():  # the first submit forks the workers
                futures = [pool.submit(_lint_chunk, function, [work[i] for i in chunk]) for chunk in chunks]
            for index, item in enumerate(work):  # standard input is read here, while the workers run
                if getattr(item[0], "source", None) == STDIN:
                    reports[index] = function([item])[0]
                    done(1)
            chunk_of = {future: chunk for future, chunk in zip(futures, chunks, strict=True)}
            for future in as_completed(futures):
                chunk = chunk_of[future]
                for index, report in zip(chunk, future.result(), strict=True):
                    reports[index] = report
                done(len(chunk))
        except BaseException:  # Ctrl-C, SIGTERM, a worker's error: the workers end now, with the run
            _stop(pool)
            raise
        pool.shutdown(wait=True)
    return [report for report in reports if report is not None]


# Chunks in flight per worker in a stream: enough to keep every worker busy, few enough that memory
# stays flat however long the stream.
CHUNKS_PER_WORKER = 4


def _chunks(work: Iterable[Work], sizes: Iterator[int], chars: int) -> Iterator[list[Work]]:
    """The items of `work` in chunks of the sizes `sizes` gives in turn (the last size again once it
    gives no more), each closed early once its texts (`_characters`) reach `chars` (the item that
    reaches it included)."""
    chunk: list[Work] = []
    held = 0
    size = next(sizes)
    for item in work:
        chunk.append(item)
        held += _characters(item)
        if len(chunk) >= size or held >= chars:
            yield chunk
            chunk = []
            held = 0
            size = next(sizes, size)
    if chunk:
        yield chunk


def _characters(item: Work) -> int:
    """The characters an item of work carries: its input's text (a text given, not a file to read) and
    the string values of a mapping among its arguments (the companion texts)."""
    count = len(getattr(item[0], "text", None) or "")
    for argument in item[1:]:
        if isinstance(argument, Mapping):
            count += sum(len(value) for value in argument.values() if isinstance(value, str))
    return count


def lint_stream(function: LintFunction, work: Iterable[Work], jobs: int | None = 1) -> Iterator[FileReport]:
    """`function(chunk)` for chunks of `work` (each item a text input, its Config, …), read lazily, with
    `jobs` processes (None: the CPUs available): the reports in the order of `work`, each as soon as its
    chunk and those before it are done, at most CHUNKS_PER_WORKER chunks a worker read ahead. One job
    lints each item in this process as it is read (a chunk of one: a caller that sends an article and
    waits for its report gets it). The workers end with the run as `lint_many`'s do (signals, a parent
    that dies), and when the stream is closed."""
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    if jobs <= 1:
        for item in work:
            yield from function([item])
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor  # here: a serial run does not pay for it

    ramp = itertools.repeat(CHUNK_FILES, jobs * CHUNKS_PER_WORKER)  # each worker's read-ahead, as before
    chunks = _chunks(work, itertools.chain(ramp, itertools.repeat(STREAM_CHUNK_FILES)), STREAM_CHUNK_CHARS)
    first = next(chunks, None)
    if first is None:
        return
    configs = list(dict.fromkeys(item[1] for item in first))
    for config in configs:  # compiled here once: forked workers inherit them
        RuleSet.load(config)
    pending: deque[Future[list[FileReport]]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(configs, os.getpid()))
    with _terminate_raises():
        try:
            with _stop_signals_held():  # the first submit forks the workers
                pending.append(pool.submit(_lint_chunk, function, first))
            for chunk in chunks:
                pending.append(pool.submit(_lint_chunk, function, chunk))
                while len(pending) >= jobs * CHUNKS_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:  # Ctrl-C, SIGTERM, a worker's error, the stream closed: the workers end now
            _stop(pool)
            raise
        pool.shutdown(wait=True)


__all__ = ["TextView", "Terminated", "default_jobs", "lint_many", "lint_stream"]
