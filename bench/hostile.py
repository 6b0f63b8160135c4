"""Hostile input at full size, through the command line: each case must end with a result or a
one-line error naming the file (exit 2), without a traceback, in time linear in its size.

    python bench/hostile.py [--scale 1.0] [--timeout 600]

Cases: a 50 MB file (over the 16 MB default limit: a one-line error), the same text at 8 MB (linted),
a single 10 MB line, a million empty lines, NUL bytes, invalid UTF-8 in the middle of a file, UTF-16
with a BOM, a symbolic-link loop, an unreadable file, and a directory of 10,000 files. The sized
cases also run at a quarter of the size, to show the time is linear. tests/test_hostile.py runs
smaller versions in the suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = "The talks , which began in Kiev on Monday, went on, officials said. "


def cases(directory: Path, scale: float) -> list[tuple[str, list[str]]]:
    def size(n: float) -> int:
        return max(1, int(n * scale))

    out: list[tuple[str, list[str]]] = []

    def write(name: str, data: bytes) -> str:
        path = directory / name
        path.write_bytes(data)
        return str(path)

    paragraph = (STORY * 8 + "\n\n").encode()
    out.append(("50 MB file", [write("big50.txt", paragraph * size(50e6 / len(paragraph)))]))
    for mb in (2, 8):
        out.append((f"{mb} MB file", [write(f"big{mb}.txt", paragraph * size(mb * 1e6 / len(paragraph)))]))
    for mb in (2.5, 10):
        out.append((f"one {mb} MB line", [write(f"line{mb}.txt", STORY.encode() * size(mb * 1e6 / len(STORY)))]))
    for count in (250_000, 1_000_000):
        out.append((f"{count:,} empty lines", [write(f"empty{count}.txt", b"\n" * size(count))]))
    out.append(("NUL bytes", [write("nul.txt", b"Headline\n\nText\x00more.\n")]))
    out.append(("invalid UTF-8 mid-file", [write("bad.txt", paragraph * 100 + b"caf\xe9\n" + paragraph * 100)]))
    utf16 = b"\xff\xfe" + ("Headline\r\n\r\n" + STORY).encode("utf-16-le")
    out.append(("UTF-16 with BOM", [write("utf16.txt", utf16)]))
    loop = directory / "loop.txt"
    loop.symlink_to(loop)
    out.append(("symbolic-link loop", [str(loop)]))
    locked = Path(write("locked.txt", paragraph))
    locked.chmod(0)
    out.append(("unreadable file" + (" (root reads it)" if os.geteuid() == 0 else ""), [str(locked)]))
    for count in (2_500, 10_000):
        folder = directory / f"many{count}"
        folder.mkdir()
        for number in range(size(count)):
            (folder / f"{number:05d}.txt").write_text(f"Story {number}\n\n{STORY}\n")
        out.append((f"directory of {count:,} files", [str(folder)]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every size by this factor")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="mtaudit-hostile-"))
    try:
        print("| case | exit | wall s | stderr (first line) | traceback |")
        print("|---|---|---|---|---|")
        for name, paths in cases(directory, args.scale):
            command = [sys.executable, "-m", "audit", "lint", "--no-scores", "--format", "json", *paths]
            start = time.perf_counter()
            try:
                result = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout, cwd=ROOT)
            except subprocess.TimeoutExpired:
                print(f"| {name} | – | > {args.timeout:.0f} (HANG) | | |", flush=True)
                continue
            wall = time.perf_counter() - start
            first = (result.stderr.strip().splitlines() or [""])[0].replace(str(directory) + "/", "")
            traceback = "yes" if "Traceback" in result.stderr else "no"
            print(f"| {name} | {result.returncode} | {wall:.1f} | {first[:110]} | {traceback} |", flush=True)
    finally:
        for path in directory.rglob("*"):
            if path.is_file() and not path.is_symlink():
                path.chmod(0o600)
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
