"""Hostile input at full size, through the command line: each case must end with a result or a
one-line error naming the file (exit 2), without a traceback, and any input within the size limit
(16 MB), the dense ones included, in under 60 s and 400 MB of peak memory on one core (--jobs 1).

    python bench/hostile.py [--scale 1.0] [--timeout 600] [--only SUBSTRING] [--compare]

Prints one row per case: exit status, wall time, CPU time (user and system: on a shared machine the
wall time also counts the waits for a core), peak resident memory of the process (both from wait4),
the size of the report, the first line of standard error, and whether a traceback
appeared. Cases: big and dense files (prose, "kyiv " and "went " repeated, a million and five
million opening quotes, sentences, URLs and quotations by the million, one long line, 200,000 empty,
short or distinct lines, 8 million lines over the line limit), --fix on dense text, 60 user rules
with nested repetition on a 60 KB line, NUL bytes, invalid UTF-8, UTF-16, a symbolic-link loop, an
unreadable file and folders of 2,500 and 10,000 files. With --compare, also `compare` of 1,000 to
4,000 sentences a side. tests/test_hostile*.py run scaled-down versions in the suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY = "The talks , which began in Kiev on Monday, went on, officials said. "
LIMIT_SECONDS = 60
LIMIT_MB = 400


@dataclass
class Case:
    name: str
    args: list[str]
    command: str = "lint"
    options: list[str] = field(default_factory=lambda: ["--format", "json"])  # the default (cheap) scores
    env: dict[str, str] = field(default_factory=dict)
    within_limit: bool = True  # an input mtaudit must handle in LIMIT_SECONDS and LIMIT_MB


def cases(directory: Path, scale: float, compare: bool) -> list[Case]:
    def size(n: float) -> int:
        return max(1, int(n * scale))

    def write(name: str, data: bytes) -> str:
        path = directory / name
        path.write_bytes(data)
        return str(path)

    def repeated(name: str, piece: str, megabytes: float) -> str:
        unit = piece.encode()
        return write(name, unit * size(megabytes * 1e6 / len(unit)))

    out: list[Case] = []
    paragraph = (STORY * 8 + "\n\n").encode()
    out.append(Case("50 MB file (over the limit)", [write("big50.txt", paragraph * size(50e6 / len(paragraph)))],
                    within_limit=False))
    for mb in (2, 16):
        out.append(Case(f"{mb} MB of prose", [write(f"big{mb}.txt", paragraph * size(mb * 1e6 / len(paragraph)))]))
    out.append(Case("one 10 MB line", [repeated("line10.txt", STORY, 10)]))
    out.append(Case("199,999 empty lines", [write("empty.txt", b"\n" * size(199_999))]))
    out.append(Case("200,000 short lines", [write("short.txt", b"a\n" * size(199_999))]))
    numbered = "".join(f"word{n} more\n" for n in range(size(199_999)))
    out.append(Case("200,000 distinct short lines", [write("distinct.txt", numbered.encode())]))
    out.append(Case("8,000,000 short lines (over the line limit)", [write("short8m.txt", b"a\n" * size(8_000_000))],
                    within_limit=False))
    for name, piece in (("Yes. ", "sentences"), ("http://a.bc ", "URLs"), ("\u201ca\u201d ", "quotations")):
        out.append(Case(f"16 MB of {piece} ({name.strip()!r})", [repeated(f"{piece}.txt", name, 16)]))
    for mb in (2, 16):
        out.append(Case(f'{mb} MB of "kyiv "', [repeated(f"kyiv{mb}.txt", "kyiv ", mb)]))
    out.append(Case('16 MB of "kyiv " in Markdown', [repeated("kyiv16.md", "kyiv ", 16)]))
    out.append(Case("1,000,000 opening quotes (3 MB)", [repeated("quotes1m.txt", "\u201c", 3)]))
    out.append(Case("5,300,000 opening quotes (16 MB)", [repeated("quotes16.txt", "\u201c", 16)]))
    out.append(Case('16 MB of straight quotes and "went "', [repeated("went16.txt", '"went ', 16)]))
    out.append(Case('--fix: 2 MB of "kyiv "', [repeated("fixkyiv2.txt", "kyiv ", 2)],
                    options=["--fix", "--format", "json"]))
    out.append(Case('--fix: 2 MB of "went "', [repeated("fixwent2.txt", "went ", 2)],
                    options=["--fix", "--format", "json"]))
    out.append(Case("2 MB of prose with all scores", [str(directory / "big2.txt")],
                    options=["--scores", "--format", "json"]))
    packs = directory / "packs"
    packs.mkdir()
    rules = "".join(
        f'[[rule]]\nid = "USER-NESTED-{n}"\ncategory = "grammar"\nseverity = "minor"\nkind = "regex"\n'
        f'pattern = "((ab)+)+{n}$"\nmessage = "m"\nwhy = "w"\n'
        f'examples = {{ bad = ["<m>ab{n}</m>"], good = ["x"] }}\n\n'
        for n in range(60)
    )
    (packs / "nested.toml").write_text(rules)
    out.append(Case("60 user rules ((ab)+)+$ on a 60 KB line", [write("abab.txt", b"ab" * size(30_000) + b"!\n")],
                    options=["--format", "json", "--rules", str(packs)]))
    out.append(Case("NUL bytes", [write("nul.txt", b"Headline\n\nText\x00more.\n")]))
    out.append(Case("invalid UTF-8 mid-file", [write("bad.txt", paragraph * 100 + b"caf\xe9\n" + paragraph * 100)]))
    utf16 = b"\xff\xfe" + ("Headline\r\n\r\n" + STORY).encode("utf-16-le")
    out.append(Case("UTF-16 with BOM", [write("utf16.txt", utf16)]))
    loop = directory / "loop.txt"
    loop.symlink_to(loop)
    out.append(Case("symbolic-link loop", [str(loop)]))
    locked = Path(write("locked.txt", paragraph))
    locked.chmod(0)
    out.append(Case("unreadable file" + (" (root reads it)" if os.geteuid() == 0 else ""), [str(locked)]))
    for count in (2_500, 10_000):
        folder = directory / f"many{count}"
        folder.mkdir()
        for number in range(size(count)):
            (folder / f"{number:05d}.txt").write_text(f"Story {number}\n\n{STORY}\n")
        out.append(Case(f"folder of {count:,} files", [str(folder)]))
    if compare:
        for count in (1_000, 2_000, 4_000):
            sentences = [f"Officials said on day {n} that the talks in Kyiv would go on." for n in range(size(count))]
            article = write(f"article{count}.txt", " ".join(sentences).encode())
            changed = " ".join(s.replace("said", "stated") for s in sentences)
            reference = write(f"reference{count}.txt", changed.encode())
            out.append(Case(f"compare, {count:,} sentences a side", [article, reference], command="compare",
                            options=["--format", "json"]))
    return out


def run(case: Case, directory: Path, timeout: float) -> tuple[int | None, float, float, float, int, str]:
    """(exit status or None on timeout, wall seconds, CPU seconds, peak RSS in MB, report bytes, first
    stderr line)."""
    report = directory / "report.out"
    command = [sys.executable, "-m", "audit", case.command, *case.options]
    if case.command == "lint":
        command += ["--jobs", "1", "-o", str(report)]
    command += ["--", *case.args] if case.command == "lint" else case.args
    env = {**os.environ, **case.env}
    env.pop("MTAUDIT_DEBUG", None)
    stderr_path = directory / "stderr.out"
    started = time.perf_counter()
    with open(stderr_path, "wb") as stderr, open(report if case.command != "lint" else os.devnull, "wb") as stdout:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=ROOT, env=env)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = None
                return None, timeout, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, 0, ""
            time.sleep(0.02)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    text = stderr_path.read_text(errors="replace")
    first = (text.strip().splitlines() or [""])[0].replace(str(directory) + "/", "")
    if "Traceback" in text:
        first = "TRACEBACK: " + first
    size = report.stat().st_size if report.exists() else 0
    report.unlink(missing_ok=True)
    return process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, size, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every size by this factor")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--compare", action="store_true", help="also time `compare` on long articles")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))  # still clean up below
    directory = Path(tempfile.mkdtemp(prefix="mtaudit-hostile-"))
    failures = 0
    try:
        print(f"| case | exit | wall s | CPU s | peak MB | report MB | stderr (first line) | within {LIMIT_SECONDS} s, "
              f"{LIMIT_MB} MB |")
        print("|---|---|---|---|---|---|---|---|")
        for case in cases(directory, args.scale, args.compare):
            if args.only not in case.name:
                continue
            status, wall, cpu, peak, size, first = run(case, directory, args.timeout)
            ok = status is not None and not first.startswith("TRACEBACK")
            if case.within_limit:
                ok = ok and wall < LIMIT_SECONDS and peak < LIMIT_MB
            failures += not ok
            shown = "HANG" if status is None else str(status)
            print(f"| {case.name} | {shown} | {wall:.1f} | {cpu:.1f} | {peak:.0f} | {size / 1e6:.1f} | {first[:100]} | "
                  f"{'yes' if ok else 'NO'} |", flush=True)
    finally:
        for path in directory.rglob("*"):
            if path.is_file() and not path.is_symlink():
                path.chmod(0o600)
        shutil.rmtree(directory, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
