"""Running the command line in a forked copy of the test process: as fast as a function call (the
modules and compiled rules are already loaded), isolated like a subprocess (its own exit, working
folder, environment and signal state), with real file descriptors for standard output and error
(pipes, as under a pre-commit hook or CI), and optionally as another user.

Another user: the tests run as root here and in CI, and root reads and writes through any
permission bits. The forked child drops to an unprivileged uid after the imports (the interpreter
itself may live where that user cannot read), so "unreadable" and "read-only" mean what they mean
for an editor. Run as a normal user, the child simply keeps that user.
"""

from __future__ import annotations

import io
import os
import secrets  # noqa: F401  (audit/atomic.py imports it when it writes a file)
import shutil
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Everything the command line imports lazily, imported before forking: a child that has dropped
# its privileges may not be able to read the interpreter's library.
import audit.changed_lines  # noqa: F401
import audit.cli
import audit.config_file  # noqa: F401
import audit.engine  # noqa: F401
import audit.fixing  # noqa: F401
import audit.parallel  # noqa: F401
import audit.reporters  # noqa: F401
import audit.reporters.statistics  # noqa: F401
import audit.scoring.bounded  # noqa: F401
import audit.scoring.render  # noqa: F401

NOBODY = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""


def other_user() -> int | None:
    """The uid a child runs as to be an ordinary user: nobody when the tests run as root."""
    return NOBODY if IS_ROOT else None


@contextmanager
def public_folder() -> Iterator[Path]:
    """A temporary folder another user can reach (pytest's own is private to the user who runs it)."""
    folder = Path(tempfile.mkdtemp(prefix="mtaudit-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def run_forked(*args: str, env: dict[str, str] | None = None, cwd: str | os.PathLike | None = None,
               user: int | None = None, timeout: float = 60) -> Result:
    """Run `mtaudit ARGS` in a forked child and return its exit status and output."""
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 70
        try:
            os.close(out_read)
            os.close(err_read)
            os.dup2(out_write, 1)
            os.dup2(err_write, 2)
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            sys.stdin = io.TextIOWrapper(io.FileIO(0, "rb", closefd=False))
            sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "wb", closefd=False)), encoding="utf-8",
                                          errors="strict", line_buffering=True)
            sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "wb", closefd=False)), encoding="utf-8",
                                          errors="backslashreplace", line_buffering=True)
            os.environ.pop("MTAUDIT_DEBUG", None)
            os.environ.update(env or {})
            if cwd is not None:
                os.chdir(cwd)
            if user is not None:
                os.setgroups([])
                os.setgid(user)
                os.setuid(user)
            sys.argv = ["mtaudit", *args]
            audit.cli.main()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        except BaseException:
            traceback.print_exc()
            code = 70
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    os.close(out_write)
    os.close(err_write)
    captured: dict[int, bytes] = {}

    def drain(fd: int) -> None:
        with os.fdopen(fd, "rb") as handle:
            captured[fd] = handle.read()

    readers = [threading.Thread(target=drain, args=(fd,)) for fd in (out_read, err_read)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(timeout)
    if any(reader.is_alive() for reader in readers):
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise TimeoutError(f"mtaudit {' '.join(args)} did not finish in {timeout} s")
    _, status = os.waitpid(pid, 0)
    stdout = captured.get(out_read, b"")
    return Result(os.waitstatus_to_exitcode(status), stdout.decode("utf-8", "backslashreplace"),
                  captured.get(err_read, b"").decode("utf-8", "backslashreplace"), stdout)


__all__ = ["IS_ROOT", "NOBODY", "Result", "other_user", "public_folder", "run_forked"]
