"""Workers end with their parent (issue row 16): SIGTERM and SIGINT to the parent of a --jobs 2 run
stop it at once (143, 130) and its workers with it; a parent killed outright (SIGKILL) leaves no
worker behind either (the kernel's parent-death signal)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

PARAGRAPH = "The talks , which began in Kiev on Monday, went on, officials said. " * 8 + "\n\n"


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Running or sleeping (a zombie waiting for a reaper has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for number in range(24):  # several seconds of work for two workers
        (folder / f"{number:03d}.txt").write_text(PARAGRAPH * 300)
    return folder


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers through /proc")
@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_workers_end_with_their_parent(corpus, signum, status):
    run = subprocess.Popen([sys.executable, "-m", "audit", "lint", "--no-scores", "--jobs", "2", str(corpus)],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while len(children(run.pid)) < 2 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.02)
        workers = children(run.pid)
        assert len(workers) == 2, "the workers did not start"
        started = time.monotonic()
        run.send_signal(signum)
        _, stderr = run.communicate(timeout=20)
        assert time.monotonic() - started < 5, "the parent waited for the run"
        assert run.returncode == status, stderr
        assert b"Traceback" not in stderr, stderr
        deadline = time.monotonic() + 10
        while any(alive(worker) for worker in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(worker) for worker in workers), "a worker outlived its parent"
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_a_stopped_pool_leaves_no_manager_thread_behind():
    """The manager thread closes the pool's wake-up pipe as it ends; were it still running when the
    interpreter exits, concurrent.futures' exit hook could write to that pipe as it is closed and
    print a traceback on SIGTERM (seen in CI)."""
    from concurrent.futures import ProcessPoolExecutor

    from audit.parallel import _stop

    pool = ProcessPoolExecutor(max_workers=2)
    futures = [pool.submit(_sleep, 5) for _ in range(4)]
    while not any(future.running() for future in futures):
        time.sleep(0.01)
    manager = pool._executor_manager_thread
    assert manager is not None and manager.is_alive()
    _stop(pool)
    assert not manager.is_alive()
